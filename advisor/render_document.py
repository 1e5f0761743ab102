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
                parts.append(_bullets(block))
            elif isinstance(block, Table):
                parts.append(_table(console, block))
            else:
                parts.append(_scores(console, block))
    return Group(*parts)


def _bullets(block: Bullets) -> RenderableType:
    """A hanging indent, so wrapped lines stay readable in a narrow terminal."""
    from rich.table import Table as RichTable

    grid = RichTable.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    markers = block.markers or ("-",) * len(block.items)
    for marker, item in zip(markers, block.items, strict=True):
        grid.add_row(f"  {marker}" if block.markers else marker, item)
    return grid


def _table(console: Console, block: Table) -> RenderableType:
    from rich.console import Group
    from rich.table import Table as RichTable
    from rich.text import Text

    values = len(block.header) - 1
    if values > 0 and console.width < 18 + COLUMN_MIN * values:
        stacked: list[RenderableType] = []
        for row in block.rows:
            stacked.append(Text(row[0], style="bold"))
            for name, value in zip(block.header[1:], row[1:], strict=True):
                stacked += [Text(name, style="italic"), Text(value)]
        return Group(*stacked)
    table = RichTable(box=box_for(console), show_lines=True)
    table.add_column(block.header[0], style="bold", ratio=1)
    for name in block.header[1:]:
        table.add_column(name, ratio=2, overflow="fold")
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
