"""The comparison: a side-by-side table on wide terminals, stacked when narrow,
and a Markdown version to paste into an email."""

from __future__ import annotations

from typing import TYPE_CHECKING

from advisor.catalog import Catalog
from advisor.comparison import Comparison
from advisor.render_common import box_for, cite, fact_line, sources_table

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

COLUMN_MIN = 24  # below this many columns per role, stack the roles instead


def comparison_sources(catalog: Catalog, c: Comparison) -> list[str]:
    facts = [f for a in c.aspects for r in c.roles for f in a.facts(r)]
    return [s.id for s in catalog.cited(*facts, *c.shared, *c.disagreements)]


def comparison_view(console: Console, catalog: Catalog, c: Comparison) -> RenderableType:
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    title = " vs ".join(r.name for r in c.roles)
    parts: list[RenderableType] = []
    if console.width >= 18 + COLUMN_MIN * len(c.roles):
        table = Table(title=title, box=box_for(console), show_lines=True, title_justify="left")
        table.add_column("Aspect", style="bold", ratio=1)
        for role in c.roles:
            table.add_column(f"{role.name}\n({role.id})", ratio=2, overflow="fold")
        for aspect in c.aspects:
            table.add_row(
                aspect.label,
                *["\n".join(f"- {fact_line(f)}" for f in aspect.facts(r)) for r in c.roles],
            )
        parts.append(table)
    else:
        parts.append(Text(title, style="bold"))
        for aspect in c.aspects:
            parts += [Text(""), Text(aspect.label, style="bold underline")]
            for role in c.roles:
                parts.append(Text(role.name, style="bold"))
                parts += [Text(f"- {fact_line(f)}") for f in aspect.facts(role)]

    parts += [Text(""), Text("What they all share", style="bold underline")]
    parts += [Text(f"- {cite(f)}") for f in c.shared]
    if c.differences:
        parts += [Text(""), Text("Where they differ most", style="bold underline")]
        for label, values in c.differences:
            parts.append(Text(f"{label}:", style="bold"))
            parts += [Text(f"- {role.name}: {value}") for role, value in values]
    if c.disagreements:
        parts += [Text(""), Text("Where the sources disagree", style="bold underline")]
        for dispute in c.disagreements:
            parts.append(Text(dispute.topic, style="bold"))
            parts += [Text(f"- {cite(p)}") for p in dispute.positions]
    k = catalog.knowledge
    parts += [
        Text(""),
        Text(cite(k.loose_titles), style="italic"),
        Text(""),
        sources_table(
            console,
            [catalog.sources[i] for i in comparison_sources(catalog, c)],
            k.as_of.isoformat(),
        ),
        Text(k.disclaimer, style="dim"),
    ]
    return Group(*parts)


def comparison_markdown(catalog: Catalog, c: Comparison) -> str:
    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", "<br>")

    lines = [f"## {' vs '.join(r.name for r in c.roles)}", ""]
    lines.append("| Aspect | " + " | ".join(r.name for r in c.roles) + " |")
    lines.append("|---" * (len(c.roles) + 1) + "|")
    for aspect in c.aspects:
        cells = [cell("<br>".join(f"- {fact_line(f)}" for f in aspect.facts(r))) for r in c.roles]
        lines.append(f"| {aspect.label} | " + " | ".join(cells) + " |")
    lines += ["", "### What they all share", ""]
    lines += [f"- {cite(f)}" for f in c.shared]
    if c.differences:
        lines += ["", "### Where they differ most", ""]
        for label, values in c.differences:
            lines.append(f"- **{label}:** " + "; ".join(f"{r.name}: {v}" for r, v in values))
    if c.disagreements:
        lines += ["", "### Where the sources disagree", ""]
        for dispute in c.disagreements:
            lines.append(f"- **{dispute.topic}**")
            lines += [f"  - {cite(p)}" for p in dispute.positions]
    k = catalog.knowledge
    lines += ["", f"_{cite(k.loose_titles)}_", "", f"### Sources (as of {k.as_of.isoformat()})", ""]
    for source_id in comparison_sources(catalog, c):
        s = catalog.sources[source_id]
        lines.append(f"- **{s.id}**: {s.title}. {s.reference}")
    lines += ["", f"_{k.disclaimer}_", ""]
    return "\n".join(lines)
