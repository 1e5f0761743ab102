"""A knowledge base that is not the bundled one: a fifth role and a seventh question.

The README calls a new role or a new question a data-only change. This copy
makes one of each, so the suite can prove it: every test that is not about the
bundled data (those are marked `bundled_data`) must pass against it.

    python tests/kb_variant.py DIR
    ADVISOR_TEST_DATA=DIR python -m pytest -m "not bundled_data"

- The fifth role, `health-coach`, is a copy of care-manager under another
  name, with effects of its own in questions.json and career.json (one point
  below care-manager's on each answer) so that it can win.
- The seventh question, `coaching` (single choice, flag `--coaching`), comes
  before the last question, so a test that counts questions or arrow keys by
  position notices it; answering "yes" moves health-coach ahead.
"""

from __future__ import annotations

import copy
import json
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from advisor.knowledge.catalog import bundled_directory

ROLE = "health-coach"
TWIN = "care-manager"  # the role it is copied from
QUESTION = "coaching"


def _edit(path: Path, change: Callable[[Any], None]) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def _role(knowledge: dict[str, Any]) -> None:
    twin = next(r for r in knowledge["roles"] if r["id"] == TWIN)
    role = copy.deepcopy(twin)
    role.update(
        id=ROLE,
        name="Health coach",
        aliases=["wellness coach", "health and wellness coach"],
        alias_notes=[],
        loose_titles=[],
    )
    role["summary"]["text"] = "Helps a person build everyday habits that keep them well."
    role["position"].update(x=-0.3, y=0.4)
    knowledge["roles"].append(role)


def _effects(questionnaire: dict[str, Any]) -> None:
    """Beside each of the twin's effects, one for the new role a point lower."""
    for question in questionnaire["questions"]:
        for option in question["options"]:
            effects = option.get("effects", [])
            for effect in list(effects):
                if effect["role"] == TWIN:
                    mine = copy.deepcopy(effect)
                    mine.update(role=ROLE, weight=max(-3, effect["weight"] - 1))
                    mine["why"] = "A health coach works much as a care manager does here."
                    effects.append(mine)


def _question(questionnaire: dict[str, Any]) -> None:
    sources = next(
        e["sources"]
        for q in questionnaire["questions"]
        for o in q["options"]
        for e in o.get("effects", [])
        if e["role"] == TWIN
    )
    question = {
        "id": QUESTION,
        "flag": QUESTION,
        "kind": "single",
        "prompt": "Would coaching on everyday habits help?",
        "help": "Some people want a helper who works on diet, exercise and sleep with them.",
        "options": [
            {
                "id": "yes",
                "label": "Yes, coaching on habits",
                "effects": [
                    {"role": ROLE, "weight": 3, "why": "It is the job.", "sources": sources},
                    {"role": TWIN, "weight": -1, "why": "Not the main job.", "sources": sources},
                ],
            },
            {
                "id": "no",
                "label": "No",
                "effects": [
                    {"role": ROLE, "weight": -2, "why": "Coaching is its job.", "sources": sources}
                ],
            },
            {"id": questionnaire["unsure"], "label": "Not sure"},
        ],
    }
    questionnaire["questions"].insert(len(questionnaire["questions"]) - 1, question)


def build(target: Path) -> Path:
    """Write the variant knowledge base to `target` (a folder that does not exist yet)."""
    shutil.copytree(bundled_directory(), target)
    _edit(target / "roles.json", _role)
    _edit(target / "questions.json", lambda q: (_effects(q), _question(q)))
    _edit(target / "career.json", _effects)
    return target


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python tests/kb_variant.py DIR  (DIR must not exist yet)")
    if Path(sys.argv[1]).exists():
        sys.exit(f"{sys.argv[1]} exists already; name a new folder")
    print(build(Path(sys.argv[1])))
