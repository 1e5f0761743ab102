"""Views of the knowledge base: the four roles at a glance, and one role in full."""

from __future__ import annotations

from collections.abc import Sequence

from advisor.knowledge.catalog import Catalog
from advisor.knowledge.models import Fact, Role
from advisor.views.blocks import Block, Bullets, Document, Paragraph, Section, Table
from advisor.views.citing import cite, closing_sections, disagreements_section, fact_line


def roles_document(catalog: Catalog) -> Document:
    """The four roles in one table: whom they work for, their timeframe and focus."""
    rows = tuple(
        (f"{r.name}\n({r.id})", r.works_for.value, r.timeframe.value, r.focus.text)
        for r in catalog.roles
    )
    blocks: tuple[Block, ...] = (
        Table(("Role (id)", "Works for", "Timeframe", "Focus"), rows),
        Paragraph(f"Note: {catalog.knowledge.loose_titles.text}", "italic"),
        Paragraph("More: advisor show ROLE, advisor compare ROLE ROLE, advisor recommend"),
    )
    return Document("The four roles", (Section("", blocks),))


def role_document(catalog: Catalog, role: Role) -> Document:
    """Everything about one role, each fact with its sources."""

    def facts(title: str, items: Sequence[Fact]) -> Section:
        return Section(title, (Bullets(tuple(fact_line(f) for f in items)),))

    def one(title: str, fact: Fact) -> Section:
        return Section(title, (Paragraph(fact_line(fact)),))

    intro: list[Block] = [Paragraph(cite(role.summary))]
    if role.aliases:
        intro.insert(0, Paragraph(f"Also called: {', '.join(role.aliases)}", "italic"))
    sections = [
        Section("In short", tuple(intro), highlight=True),
        one("Works for", role.works_for),
        one("Timeframe", role.timeframe),
        one("Primary focus", role.focus),
        facts("Typical settings", role.settings),
        facts("What they do", role.responsibilities),
        facts("What they do not do (limits)", role.limits),
        one("Who pays", role.who_pays),
        one("Typical cost", role.typical_cost),
        facts("Education", role.education),
        facts("Skills", role.skills),
        facts("Credentials and associations", role.credentials),
        one("Average salary (from the source articles)", role.salary),
        facts("Closest occupation codes (U.S.), with dated median pay", role.occupation_codes),
    ]
    if role.variants:
        sections.append(
            Section(
                "Variants",
                (
                    Bullets(
                        tuple(
                            f"{v.name} (works for: {v.works_for}): {cite(v)}" for v in role.variants
                        )
                    ),
                ),
            )
        )
    if role.alias_notes:
        sections.append(
            Section(
                "Where its other names come from",
                (Bullets(tuple(f"'{n.alias}': {cite(n)}" for n in role.alias_notes)),),
            )
        )
    if role.loose_titles:
        sections.append(
            Section(
                "Titles used loosely",
                (Bullets(tuple(f"'{t.title}': {cite(t)}" for t in role.loose_titles)),),
            )
        )
    disputes = catalog.disagreements_about(role.id)
    if disputes:
        sections.append(disagreements_section(disputes))
    from advisor.views.routes import alternatives_section  # not needed by `roles`

    alternatives, route_facts = alternatives_section(catalog, role)
    sections += [
        facts("Where to find one", role.find_one),
        facts("Questions to ask", role.questions_to_ask),
        alternatives,
    ]
    sources = catalog.cited(role, *disputes, *route_facts, catalog.knowledge.loose_titles)
    sections += closing_sections(catalog, sources)
    return Document(f"{role.name} ({role.id})", tuple(sections))
