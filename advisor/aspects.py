"""The aspects a comparison lines up, shared by the table, --json and --markdown.

Each aspect picks facts out of a role; the wording of the facts stays in data/.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from typing import NamedTuple

from advisor.errors import UsageProblem
from advisor.models import Fact, Role


class Aspect(NamedTuple):
    id: str
    label: str
    facts: Callable[[Role], list[Fact]]


ASPECTS: tuple[Aspect, ...] = (
    Aspect("works-for", "Who they work for", lambda r: [r.works_for]),
    Aspect("settings", "Typical settings", lambda r: list(r.settings)),
    Aspect("timeframe", "Timeframe", lambda r: [r.timeframe]),
    Aspect("focus", "Primary focus", lambda r: [r.focus]),
    Aspect("responsibilities", "What they do", lambda r: list(r.responsibilities)),
    Aspect("limits", "What they do not do", lambda r: list(r.limits)),
    Aspect("cost", "Who pays / typical cost", lambda r: [r.who_pays, r.typical_cost]),
    Aspect("credentials", "Credentials", lambda r: list(r.credentials)),
    Aspect("education", "Education and skills", lambda r: [*r.education, *r.skills]),
    Aspect("salary", "Average salary (source articles)", lambda r: [r.salary]),
    Aspect("find-one", "Where to find one", lambda r: list(r.find_one)),
)
CODES = Aspect("codes", "Closest occupation codes", lambda r: list(r.occupation_codes))
CAREER_ASPECTS: tuple[Aspect, ...] = (
    *sorted(
        (a for a in ASPECTS if a.id in ("education", "credentials", "salary")),
        key=lambda a: ("education", "credentials", "salary").index(a.id),
    ),
    CODES,
)


def select_aspects(names: list[str] | None) -> list[Aspect]:
    """All aspects, or the named ones in the order given; unknown names are usage errors."""
    if not names:
        return list(ASPECTS)
    by_id = {a.id: a for a in (*ASPECTS, CODES)}
    chosen: list[Aspect] = []
    for raw in names:
        for name in (n.strip().lower() for n in raw.split(",") if n.strip()):
            if name not in by_id:
                close = difflib.get_close_matches(name, list(by_id), n=1)
                hint = f" Did you mean {close[0]}?" if close else ""
                raise UsageProblem(
                    f"--aspect: unknown aspect {name!r}.{hint} Aspects: {', '.join(by_id)}"
                )
            if by_id[name] not in chosen:
                chosen.append(by_id[name])
    if not chosen:
        raise UsageProblem(f"--aspect: name at least one of: {', '.join(by_id)}")
    return chosen
