"""Lay a `Document` out for the terminal with rich: tables on wide screens,
stacked text when narrow, ASCII when piped or on a non-UTF-8 locale."""

from __future__ import annotations

from typing import TYPE_CHECKING

from advisor.document import Bullets, Document, Paragraph, Scores, Table
from advisor.render_common import bar, box_for, is_ascii

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

COLUMN_MIN = 24  # below this many columns per value column, stack instead of a table


def to_rich(console: Console, doc: Document) -> RenderableType:
    from rich.console import Group
    from rich.text import Text

    parts: list[RenderableType] = [Text(doc.title, style="bold")]
    for section in doc.sections:
        if section.print_only:
            continue
        style = "bold green" if section.highlight else "bold underline"
        parts += [Text(""), Text(section.title, style=style)]
        for block in section.blocks:
            if isinstance(block, Paragraph):
                parts.append(Text(block.text, style=block.style))
            elif isinstance(block, Bullets):
                parts.append(_bullets(console, block))
            elif isinstance(block, Table):
                parts.append(_table(console, block))
            else:
                parts.append(_scores(console, block))
    return Group(*parts)


def _hanging(text: str, lead: str, width: int) -> str:
    """Wrap `text` after `lead`, indenting the following lines to match.

    textwrap does this far more cheaply than a rich grid, and start-up counts.
    """
    import textwrap

    return textwrap.fill(
        text,
        width=width,
        initial_indent=lead,
        subsequent_indent=" " * len(lead),
        break_on_hyphens=False,
    )


def _bullets(console: Console, block: Bullets) -> RenderableType:
    """A hanging indent, so wrapped lines stay readable in a narrow terminal."""
    from rich.text import Text

    markers = block.markers or ("-",) * len(block.items)
    pad = max(len(m) for m in markers) + (2 if block.markers else 0)
    lines = []
    for marker, item in zip(markers, block.items, strict=True):
        lead = f"{marker:>{pad - 1}} " if block.markers else f"{marker} "
        lines.append(_hanging(item, lead, max(20, console.width - 1)))
    return Text("\n".join(lines))


def _table(console: Console, block: Table) -> RenderableType:
    from rich.console import Group
    from rich.table import Table as RichTable
    from rich.text import Text

    values = len(block.header) - 1
    if values > 0 and console.width < 18 + COLUMN_MIN * values:
        width = max(20, console.width - 1)
        stacked: list[RenderableType] = []
        for row in block.rows:
            stacked.append(Text(row[0], style="bold underline"))
            for name, value in zip(block.header[1:], row[1:], strict=True):
                stacked.append(Text(f"  {name}", style="bold"))
                lines = value.splitlines()
                wrapped = [_hanging(line.removeprefix("- "), "    - ", width) for line in lines]
                stacked.append(Text("\n".join(wrapped)))
        return Group(*stacked)
    # Fixed column widths: rich then skips measuring every cell, which is most of
    # the cost of printing a long comparison. Labels get up to 25 columns.
    room = console.width - (values + 2) - 2 * (values + 1)
    label = min(25, max(12, room // 3))
    table = RichTable(box=box_for(console), show_lines=True)
    table.add_column(block.header[0], style="bold", width=label)
    for name in block.header[1:]:
        table.add_column(name, width=(room - label) // values, overflow="fold")
    for row in block.rows:
        table.add_row(*row)
    return table


def _scores(console: Console, block: Scores) -> RenderableType:
    from rich.console import Group
    from rich.table import Table as RichTable
    from rich.text import Text

    table = RichTable(box=None, show_header=False, pad_edge=False)
    table.add_column("role", no_wrap=True)
    table.add_column("score", justify="right", no_wrap=True)
    table.add_column("bar", no_wrap=True)
    width = max(10, min(30, console.width - 30))
    for label, score in block.rows:
        table.add_row(label, str(score), bar(score, width, is_ascii(console)))
    return Group(table, Text(block.note, style="dim")) if block.note else table
