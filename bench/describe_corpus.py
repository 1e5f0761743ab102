"""How well `--describe` reads the description set (tests/descriptions.json): precision
of the answers it takes, recall of the answers any careful reader must get, agreement
of the role recommended from the words alone with the roles the seeds support (the
careful reader's pick, and the role the scoring gives for the careful reader's own
answers: where the two differ, the seeds back both), and answers
taken where the text only gave them negated, past or about someone else.

Printed for the tuning set and the held-out fifth (`held_out: true`, never tuned on).
tests/test_describe.py asserts the thresholds on the same figures. Usage:

    python bench/describe_corpus.py            # the table
    python bench/describe_corpus.py --misses   # and every answer wrong or missed
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "descriptions.json"


def descriptions() -> list[dict[str, Any]]:
    return list(json.loads(CORPUS.read_text(encoding="utf-8"))["descriptions"])


def _values(values: object) -> list[str]:
    if values is None:
        return []
    return [values] if isinstance(values, str) else list(values)  # type: ignore[call-overload]


@dataclass
class Tally:
    """Answers filled right or wrong, must-get answers found or missed, per question;
    roles agreed; answers taken against a `never`."""

    right: Counter[str] = field(default_factory=Counter)
    wrong: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    missed: Counter[str] = field(default_factory=Counter)
    roles_judged: int = 0
    roles_agreed: int = 0
    roles_agreed_strict: int = 0  # with the careful reader's pick alone
    wrong_items: list[str] = field(default_factory=list)
    missed_items: list[str] = field(default_factory=list)
    role_misses: list[str] = field(default_factory=list)
    never_items: list[str] = field(default_factory=list)
    count: int = 0

    def precision(self) -> float:
        filled = sum(self.right.values()) + sum(self.wrong.values())
        return sum(self.right.values()) / filled if filled else 1.0

    def recall(self) -> float:
        wanted = sum(self.found.values()) + sum(self.missed.values())
        return sum(self.found.values()) / wanted if wanted else 1.0

    def role_agreement(self) -> float:
        return self.roles_agreed / self.roles_judged if self.roles_judged else 1.0

    def strict_role_agreement(self) -> float:
        return self.roles_agreed_strict / self.roles_judged if self.roles_judged else 1.0


def tally(items: list[dict[str, Any]]) -> Tally:
    from advisor.describe import read
    from advisor.knowledge.catalog import load_catalog
    from advisor.scoring import recommend

    catalog = load_catalog()
    q = catalog.questionnaire
    out = Tally()
    for item in items:
        out.count += 1
        got = read(item["text"], q).answers()
        for question in q.questions:
            want = _values(item["answers"].get(question.id))
            fine = want + _values(item.get("also_ok", {}).get(question.id))
            never = _values(item.get("never", {}).get(question.id))
            for answer in got.get(question.id, ()):
                if answer in fine:
                    out.right[question.id] += 1
                else:
                    out.wrong[question.id] += 1
                    out.wrong_items.append(f"{item['id']}: {question.id}={answer}")
                if answer in never:
                    out.never_items.append(f"{item['id']}: {question.id}={answer}")
            for answer in want:
                if answer in got.get(question.id, ()):
                    out.found[question.id] += 1
                else:
                    out.missed[question.id] += 1
                    out.missed_items.append(f"{item['id']}: {question.id}={answer}")
        if item.get("role"):
            out.roles_judged += 1
            role_ids = [r.id for r in catalog.roles]
            top = recommend(q, role_ids, got).top.role if got else None
            # The roles the seeds support: the careful reader's pick, and the role the
            # scoring (built from the seeds) gives for the careful reader's answers.
            must = {k: tuple(_values(v)) for k, v in item["answers"].items()}
            supported = {item["role"], *item.get("also_role", [])}
            if must:
                supported.add(recommend(q, role_ids, must).top.role)
            out.roles_agreed_strict += top == item["role"]
            if top in supported:
                out.roles_agreed += 1
            else:
                out.role_misses.append(f"{item['id']} ({top} for {item['role']})")
    return out


def table(name: str, t: Tally) -> str:
    from advisor.knowledge.catalog import load_catalog

    q = load_catalog().questionnaire
    lines = [f"{name}: {t.count} descriptions", f"{'question':10} {'precision':>16} {'recall':>16}"]
    for question in q.questions:
        r, w = t.right[question.id], t.wrong[question.id]
        f, m = t.found[question.id], t.missed[question.id]
        if r + w + f + m:
            p = f"{r}/{r + w} {r / max(1, r + w):.0%}"
            c = f"{f}/{f + m} {f / max(1, f + m):.0%}"
            lines.append(f"{question.id:10} {p:>16} {c:>16}")
    right, found = sum(t.right.values()), sum(t.found.values())
    filled, wanted = right + sum(t.wrong.values()), found + sum(t.missed.values())
    lines.append(
        f"{'all':10} {f'{right}/{filled} {t.precision():.1%}':>16} "
        f"{f'{found}/{wanted} {t.recall():.1%}':>16}"
    )
    lines.append(
        f"role from the words alone: {t.roles_agreed}/{t.roles_judged} "
        f"{t.role_agreement():.0%} a role the seeds support "
        f"({t.roles_agreed_strict} {t.strict_role_agreement():.0%} the careful reader's pick)"
    )
    lines.append(
        f"answers taken from a negated, past or someone else's phrase: {len(t.never_items)}"
    )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list every wrong or missed answer")
    args = parser.parse_args()
    items = descriptions()
    sets = {
        "tuning set": [d for d in items if not d.get("held_out")],
        "held-out fifth": [d for d in items if d.get("held_out")],
    }
    for name, chosen in sets.items():
        t = tally(chosen)
        print(table(name, t))
        if args.misses and name == "tuning set":
            for label, found in (
                ("filled wrongly", t.wrong_items),
                ("missed", t.missed_items),
                ("role", t.role_misses),
                ("against a never", t.never_items),
            ):
                if found:
                    print(f"  {label}: " + "; ".join(found))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
