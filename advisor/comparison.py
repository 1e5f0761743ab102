"""Pick the roles to compare and work out what they share and where they differ."""

from __future__ import annotations

from dataclasses import dataclass

from advisor.aspects import Aspect
from advisor.catalog import Catalog
from advisor.errors import UsageProblem
from advisor.models import Disagreement, Fact, Role

MIN_ROLES, MAX_ROLES = 2, 4


@dataclass(frozen=True)
class Comparison:
    roles: list[Role]
    aspects: list[Aspect]
    shared: list[Fact]
    differences: list[tuple[str, list[tuple[Role, str]]]]
    disagreements: list[Disagreement]


def pick_roles(catalog: Catalog, names: list[str], everything: bool) -> list[Role]:
    if everything:
        if names:
            raise UsageProblem("give role names or --all, not both")
        return list(catalog.roles)
    roles: list[Role] = []
    given: dict[str, str] = {}
    for name in names:
        role = catalog.resolve(name)
        if role.id in given:
            raise UsageProblem(
                f"{role.id} is named twice (as {given[role.id]!r} and {name!r}); "
                "compare different roles"
            )
        given[role.id] = name
        roles.append(role)
    if not MIN_ROLES <= len(roles) <= MAX_ROLES:
        valid = ", ".join(r.id for r in catalog.roles)
        raise UsageProblem(
            f"compare takes {MIN_ROLES} to {MAX_ROLES} roles (or --all); got {len(roles)}. "
            f"Roles: {valid}"
        )
    return roles


def compare(catalog: Catalog, roles: list[Role], aspects: list[Aspect]) -> Comparison:
    differences: list[tuple[str, list[tuple[Role, str]]]] = []
    for label, values in (
        ("Who they work for", [r.works_for.value for r in roles]),
        ("Timeframe", [r.timeframe.value for r in roles]),
        ("Primary focus", [r.focus.text for r in roles]),
    ):
        if len(set(values)) > 1:
            differences.append((label, list(zip(roles, values, strict=True))))
    ids = {r.id for r in roles}
    disputes = [d for d in catalog.knowledge.disagreements if ids & set(d.roles)]
    return Comparison(roles, aspects, list(catalog.knowledge.overlaps), differences, disputes)
