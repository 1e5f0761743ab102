"""Views of the knowledge base: the roles table and one role in full."""

from __future__ import annotations

from typing import TYPE_CHECKING

from advisor.catalog import Catalog
from advisor.citing import cite
from advisor.models import Fact, Role
from advisor.render_common import box_for, bullets, sources_table

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


def role_details(console: Console, catalog: Catalog, role: Role) -> RenderableType:
    from rich.console import Group
    from rich.text import Text

    def section(title: str, body: str) -> list[RenderableType]:
        return [Text(""), Text(title, style="bold underline"), Text(body)]

    def facts(title: str, items: list[Fact]) -> list[RenderableType]:
        return section(title, bullets(items))

    k = catalog.knowledge
    parts: list[RenderableType] = [
        Text(f"{role.name} ({role.id})", style="bold"),
        Text(f"Also called: {', '.join(role.aliases)}") if role.aliases else Text(""),
        Text(cite(role.summary)),
    ]
    parts += section("Works for", f"{role.works_for.value}: {cite(role.works_for)}")
    parts += section("Timeframe", f"{role.timeframe.value}: {cite(role.timeframe)}")
    parts += section("Primary focus", cite(role.focus))
    parts += facts("Typical settings", role.settings)
    parts += facts("What they do", role.responsibilities)
    parts += facts("What they do not do (limits)", role.limits)
    parts += section("Who pays", cite(role.who_pays))
    parts += section("Typical cost", cite(role.typical_cost))
    parts += facts("Education", role.education)
    parts += facts("Skills", role.skills)
    parts += section(
        "Credentials and associations",
        "\n".join(
            f"- {c.name} ({c.body}): {cite(c)}" if c.body else f"- {c.name}: {cite(c)}"
            for c in role.credentials
        ),
    )
    parts += section("Average salary (from the source articles)", cite(role.salary))
    parts += section(
        "Closest occupation codes",
        "\n".join(
            f"- {o.system} {o.code} {o.title} ({o.match}): {cite(o)}" for o in role.occupation_codes
        ),
    )
    if role.variants:
        parts += section(
            "Variants",
            "\n".join(f"- {v.name} (works for: {v.works_for}): {cite(v)}" for v in role.variants),
        )
    if role.loose_titles:
        parts += section(
            "Titles used loosely",
            "\n".join(f"- '{t.title}': {cite(t)}" for t in role.loose_titles),
        )
    disputes = [d for d in k.disagreements if role.id in d.roles]
    if disputes:
        parts += section(
            "Where the sources disagree",
            "\n".join(
                f"- {d.topic}\n" + "\n".join(f"    * {cite(p)}" for p in d.positions)
                for d in disputes
            ),
        )
    parts += facts("Where to find one", role.find_one)
    parts += facts("Questions to ask", role.questions_to_ask)
    parts += [Text(""), Text(cite(k.loose_titles), style="italic"), Text("")]
    cited = catalog.cited(role, *disputes, k.loose_titles)
    parts += [sources_table(console, cited, k.as_of.isoformat()), Text(k.disclaimer, style="dim")]
    return Group(*parts)
