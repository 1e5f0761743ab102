"""Small pieces every view shares: cited text, boxes that suit the output,
score bars and the sources list."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from advisor.citing import cite, source_line
from advisor.models import Fact, Source

if TYPE_CHECKING:
    from rich.box import Box
    from rich.console import Console
    from rich.table import Table


def bullets(facts: Iterable[Fact]) -> str:
    return "\n".join(f"- {cite(f)}" for f in facts)


def box_for(console: Console) -> Box:
    """Rounded boxes on a terminal, ASCII when piped or on a non-UTF-8 locale."""
    from rich import box

    if not console.is_terminal or console.encoding.lower() not in ("utf-8", "utf8"):
        return box.ASCII
    return box.ROUNDED


def bar(score: int, width: int, ascii_only: bool) -> str:
    filled = round(score / 100 * width)
    full, empty = ("#", ".") if ascii_only else ("█", "░")
    return full * filled + empty * (width - filled)


def sources_table(console: Console, sources: Iterable[Source], as_of: str) -> Table:
    from rich.table import Table

    table = Table(
        title=f"Sources (as of {as_of})", box=box_for(console), expand=False, title_justify="left"
    )
    table.add_column("id", no_wrap=True)
    table.add_column("source", overflow="fold")
    for source in sources:
        table.add_row(source.id, source_line(source).split(": ", 1)[1])
    return table


def is_ascii(console: Console) -> bool:
    return console.encoding.lower() not in ("utf-8", "utf8")
