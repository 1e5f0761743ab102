"""A knowledge base K times the bundled one, to measure how advisor scales.

Every list of entries (roles, sources, questions of both questionnaires, routes,
titles, disagreements, overlaps, paid-privately notes) is repeated K times. Copy
c > 0 suffixes its ids and flags with `-kC` and its names and aliases with ` kC`,
cites its own copy of the sources, and its effects, conditions and links name its
own roles, questions and routes, so every size passes `advisor data check`.
(After the generator in ../shared/reviews/performance.md, appendix.) Usage:

    python bench/multiply.py DEST K        # from the bundled data
"""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def _id(c: int) -> str:
    return f"-k{c}" if c else ""


def _name(c: int) -> str:
    return f" k{c}" if c else ""


def _cite(node: Any, c: int) -> None:
    """Point every `sources` list of ids at copy c of the sources."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "sources" and isinstance(value, list):
                node[key] = [v + _id(c) for v in value]
            else:
                _cite(value, c)
    elif isinstance(node, list):
        for item in node:
            _cite(item, c)


def _copy(entry: dict[str, Any], c: int) -> dict[str, Any]:
    """Copy c of a role, route or title: its id, name and aliases made its own."""
    entry = copy.deepcopy(entry)
    _cite(entry, c)
    entry["id"] += _id(c)
    entry["name"] += _name(c)
    entry["aliases"] = [a + _name(c) for a in entry.get("aliases", [])]
    for note in entry.get("alias_notes", []):
        note["alias"] += _name(c)
    return entry


def _question(question: dict[str, Any], c: int) -> dict[str, Any]:
    question = copy.deepcopy(question)
    _cite(question, c)
    question["id"] += _id(c)
    question["flag"] += _id(c)
    question["flag_aliases"] = [a + _id(c) for a in question.get("flag_aliases", [])]
    if c:
        question.pop("steers", None)  # one question plays each part (setting, coverage, payment)
    for option in question["options"]:
        for effect in option.get("effects", []):
            effect["role"] += _id(c)
            for key in ("when", "unless"):
                if key in effect:
                    effect[key] = {k + _id(c): v for k, v in effect[key].items()}
    return question


def multiply(source: Path, dest: Path, k: int) -> Path:
    """Write the K-times knowledge base into `dest` (made if need be) and return it."""
    dest.mkdir(parents=True, exist_ok=True)

    def load(name: str) -> Any:
        return json.loads((source / name).read_text(encoding="utf-8"))

    files: dict[str, Any] = {}
    sources = load("sources.json")
    sources["sources"] = [
        dict(s, id=s["id"] + _id(c)) for c in range(k) for s in sources["sources"]
    ]
    files["sources.json"] = sources

    roles = load("roles.json")
    disagreements, overlaps = [], []
    for c in range(k):
        for dispute in copy.deepcopy(roles["disagreements"]):
            _cite(dispute, c)
            dispute["roles"] = [r + _id(c) for r in dispute["roles"]]
            disagreements.append(dispute)
        for overlap in copy.deepcopy(roles["overlaps"]):
            _cite(overlap, c)
            overlaps.append(overlap)
    roles["roles"] = [_copy(r, c) for c in range(k) for r in roles["roles"]]
    roles["disagreements"], roles["overlaps"] = disagreements, overlaps
    files["roles.json"] = roles

    for name in ("questions.json", "career.json"):
        questionnaire = load(name)
        questionnaire["questions"] = [
            _question(q, c) for c in range(k) for q in questionnaire["questions"]
        ]
        files[name] = questionnaire

    routes = load("routes.json")
    book, paid = [], []
    for c in range(k):
        for route in routes["routes"]:
            route = _copy(route, c)
            route["stands_in_for"]["roles"] = [r + _id(c) for r in route["stands_in_for"]["roles"]]
            book.append(route)
        for note in copy.deepcopy(routes["paid_privately"]):
            _cite(note, c)
            note["role"] += _id(c)
            paid.append(note)
    routes["routes"], routes["paid_privately"] = book, paid
    files["routes.json"] = routes

    titles = load("titles.json")
    others = []
    for c in range(k):
        for title in titles["titles"]:
            title = _copy(title, c)
            title["closest"]["role"] += _id(c)
            title["closest"]["also"] = [r + _id(c) for r in title["closest"].get("also", [])]
            title["routes"] = [r + _id(c) for r in title.get("routes", [])]
            others.append(title)
    titles["titles"] = others
    files["titles.json"] = titles

    for name, data in files.items():
        text = json.dumps(data, indent=1, ensure_ascii=False) + "\n"
        (dest / name).write_text(text, encoding="utf-8")
    return dest


def bundled() -> Path:
    return HERE.parent / "data"


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    multiply(bundled(), Path(sys.argv[1]), int(sys.argv[2]))
