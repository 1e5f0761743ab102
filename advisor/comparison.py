"""Pick the roles to compare, work out what they share and where they differ,
and lay that out as a document for the terminal, Markdown and reports."""

from __future__ import annotations

from typing import NamedTuple

from advisor.aspects import Aspect
from advisor.catalog import Catalog
from advisor.citing import cite, fact_line
from advisor.document import Bullets, Document, Section, Table
from advisor.errors import UsageProblem
from advisor.models import Disagreement, Fact, Role, Source
from advisor.sections import closing_sections, disagreements_section

MIN_ROLES, MAX_ROLES = 2, 4


class Comparison(NamedTuple):
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
    disputes = catalog.disagreements_about(*(r.id for r in roles))
    return Comparison(roles, aspects, list(catalog.knowledge.overlaps), differences, disputes)


def comparison_sources(catalog: Catalog, c: Comparison) -> list[Source]:
    facts = [f for a in c.aspects for r in c.roles for f in a.facts(r)]
    return catalog.cited(*facts, *c.shared, *c.disagreements, catalog.knowledge.loose_titles)


def aspect_table(c: Comparison) -> Table:
    return Table(
        ("Aspect", *(r.name for r in c.roles)),
        tuple(
            (a.label, *("\n".join(f"- {fact_line(f)}" for f in a.facts(r)) for r in c.roles))
            for a in c.aspects
        ),
    )


def comparison_document(catalog: Catalog, c: Comparison) -> Document:
    """The comparison as a document: the table, then what is shared and what differs."""
    sections = [
        Section("Side by side", (aspect_table(c),)),
        Section("What they all share", (Bullets(tuple(cite(f) for f in c.shared)),)),
    ]
    if c.differences:
        lines = tuple(
            f"{label}: " + "; ".join(f"{r.name}: {v}" for r, v in values)
            for label, values in c.differences
        )
        sections.append(Section("Where they differ most", (Bullets(lines),)))
    if c.disagreements:
        sections.append(disagreements_section(c.disagreements))
    sections += closing_sections(catalog, comparison_sources(catalog, c))
    return Document(" vs ".join(r.name for r in c.roles), tuple(sections))
