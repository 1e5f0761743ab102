"""Helpers for the hardening tests: hostile knowledge bases and the real command
run as a subprocess (for streams, signals and special files)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from helpers import advisor as advisor
from helpers import edit as edit
from helpers import kb_copy

# An OSC 8 hidden hyperlink, an OSC 0 window title, a screen clear, BEL, NUL and C1 CSI.
ESCAPES = "\x1b]8;;http://evil\x07LINK\x1b]8;;\x07 \x1b]0;pwned-title\x07\x1b[2J\x00\x9b31m"
RAW = ("\x1b", "\x07", "\x00", "\x9b")


copy_kb = kb_copy  # the older names, for modules not yet importing helpers


def hostile_kb(tmp_path: Path, payload: str, name: str = "kb") -> Path:
    """The review's KB(payload): `payload` appended to every displayed string."""
    out = copy_kb(tmp_path, name)

    def p(s: str) -> str:
        return s + " " + payload

    def roles(r: Any) -> None:
        r["version"] = p(r["version"])
        r["disclaimer"] = p(r["disclaimer"])
        r["loose_titles"]["text"] = p(r["loose_titles"]["text"])
        r["overlaps"][0]["text"] = p(r["overlaps"][0]["text"])
        r["disagreements"][0]["topic"] = p(r["disagreements"][0]["topic"])
        r["disagreements"][0]["positions"][0]["text"] = p(
            r["disagreements"][0]["positions"][0]["text"]
        )
        for x in r["roles"]:
            x["name"] = p(x["name"])
            x["aliases"].append(p("alias " + x["id"]))
            for k in ("summary", "works_for", "timeframe", "focus", "who_pays", "typical_cost"):
                x[k]["text"] = p(x[k]["text"])
            for k in ("settings", "responsibilities", "limits", "education", "find_one"):
                x[k][0]["text"] = p(x[k][0]["text"])
            x["credentials"][0]["name"] = p(x["credentials"][0]["name"])
            x["occupation_codes"][0]["title"] = p(x["occupation_codes"][0]["title"])

    def sources(s: Any) -> None:
        for x in s["sources"]:
            x["title"] = p(x["title"])
            x["reference"] = p(x["reference"])

    def questions(q: Any) -> None:
        q["decision"] = p(q["decision"])
        for qu in q["questions"]:
            qu["prompt"] = p(qu["prompt"])
            qu["help"] = p(qu["help"])
            for o in qu["options"]:
                o["label"] = p(o["label"])
                for e in o.get("effects", []):
                    e["why"] = p(e["why"])

    edit(out / "roles.json", roles)
    edit(out / "sources.json", sources)
    edit(out / "questions.json", questions)
    edit(out / "career.json", questions)
    return out


def set_role(kb: Path, index: int, field: str, value: Any) -> None:
    def change(d: Any) -> None:
        d["roles"][index][field] = value

    edit(kb / "roles.json", change)


def no_raw_controls(data: bytes | str) -> bool:
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    return not any(c in text for c in RAW)


def broken(defect: str) -> pytest.MarkDecorator:
    """Marks a reproduction of a defect that is not fixed yet; strict, so the
    mark must go as soon as the fix lands."""
    return pytest.mark.xfail(strict=True, reason=f"{defect}: not fixed yet")
