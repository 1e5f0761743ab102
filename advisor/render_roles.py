"""Views of the knowledge base: the roles table, and one role in full as a document."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from advisor.catalog import Catalog
from advisor.citing import cite, fact_line
from advisor.document import Block, Bullets, Document, Paragraph, Section
from advisor.models import Fact, Role
from advisor.render_common import box_for
from advisor.sections import closing_sections, disagreements_section

if TYPE_CHECKING:
    from rich.console import Console, RenderableType


def roles_table(console: Console, catalog: Catalog) -> RenderableType:
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box_for(console), title="The four roles", title_justify="left")
    table.add_column("Role (id)", style="bold", overflow="fold")
    table.add_column("Works for", overflow="fold")
    table.add_column("Timeframe", overflow="fold")
    table.add_column("Focus", overflow="fold")
    for role in catalog.roles:
        table.add_row(
            f"{role.name}\n({role.id})", role.works_for.value, role.timeframe.value, role.focus.text
        )
    note = Text(f"Note: {catalog.knowledge.loose_titles.text}", style="italic")
    hint = Text("More: advisor show ROLE, advisor compare ROLE ROLE, advisor recommend")
    return Group(table, note, hint)


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
        Section(
            "Closest occupation codes",
            (
                Bullets(
                    tuple(
                        f"{o.system} {o.code} {o.title} ({o.match}): {cite(o)}"
                        for o in role.occupation_codes
                    )
                ),
            ),
        ),
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
    sections += [
        facts("Where to find one", role.find_one),
        facts("Questions to ask", role.questions_to_ask),
    ]
    sources = catalog.cited(role, *disputes, catalog.knowledge.loose_titles)
    sections += closing_sections(catalog, sources)
    return Document(f"{role.name} ({role.id})", tuple(sections))
