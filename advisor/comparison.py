"""Pick the roles to compare, the aspects to line up (shared by the table,
--json and --markdown), and work out what the roles share and where they differ.

Each aspect picks facts out of a role; the wording of the facts stays in data/.
The comparison as a document is in views/compare.py.
"""

import difflib
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from advisor.errors import UsageProblem
from advisor.knowledge.models import Disagreement, Fact, Role
from advisor.render.sanitise import quoted

if TYPE_CHECKING:
    from advisor.knowledge.catalog import Catalog


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
CODES = Aspect(
    "codes",
    "Closest occupation codes, and dated BLS median pay where known",
    lambda r: list(r.occupation_codes),
)
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
                    f"--aspect: unknown aspect {quoted(name)}.{hint} Aspects: {', '.join(by_id)}"
                )
            if by_id[name] not in chosen:
                chosen.append(by_id[name])
    if not chosen:
        raise UsageProblem(f"--aspect: name at least one of: {', '.join(by_id)}")
    return chosen


MIN_ROLES, MAX_ROLES = 2, 4


class Comparison(NamedTuple):
    roles: list[Role]
    aspects: list[Aspect]
    shared: list[Fact]
    differences: list[tuple[str, list[tuple[Role, str]]]]
    disagreements: list[Disagreement]


def pick_roles(catalog: "Catalog", names: list[str], everything: bool) -> list[Role]:
    if everything:
        if names:
            raise UsageProblem("give role names or --all, not both")
        return list(catalog.roles)
    if len(names) > MAX_ROLES:  # before the names: 'a b c d e' is too many, whatever they are
        raise UsageProblem(
            f"compare takes {MIN_ROLES} to {MAX_ROLES} roles (or --all); got {len(names)}"
        )
    roles: list[Role] = []
    given: dict[str, str] = {}
    for name in names:
        role = catalog.resolve(name)
        if role.id in given:
            also = (
                ""
                if given[role.id] == name
                else f" (as {quoted(given[role.id])} and {quoted(name)})"
            )
            raise UsageProblem(f"{role.id} is named twice{also}; compare different roles")
        given[role.id] = name
        roles.append(role)
    if not MIN_ROLES <= len(roles) <= MAX_ROLES:
        valid = ", ".join(r.id for r in catalog.roles)
        raise UsageProblem(
            f"compare takes {MIN_ROLES} to {MAX_ROLES} roles (or --all); got {len(roles)}. "
            f"Roles: {valid}"
        )
    return roles


def compare(catalog: "Catalog", roles: list[Role], aspects: list[Aspect]) -> Comparison:
    differences: list[tuple[str, list[tuple[Role, str]]]] = []
    for label, values in (
        ("Who they work for", [r.works_for.value for r in roles]),
        ("Timeframe", [r.timeframe.value for r in roles]),
        ("Primary focus", [r.focus.text for r in roles]),
    ):
        if len(set(values)) > 1:
            differences.append((label, list(zip(roles, values, strict=True))))
    disputes = catalog.disagreements_about(*(r.id for r in roles))
    return Comparison(roles, aspects, list(catalog.knowledge.overlaps), differences, disputes)
