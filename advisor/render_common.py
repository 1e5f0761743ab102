"""Small pieces the terminal views share: boxes that suit the output and score bars."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.box import Box
    from rich.console import Console


def is_ascii(console: Console) -> bool:
    """True when the output cannot show box-drawing characters (a non-UTF-8 locale)."""
    return console.encoding.lower() not in ("utf-8", "utf8")


def box_for(console: Console) -> Box:
    """Rounded boxes on a terminal, ASCII when piped or on a non-UTF-8 locale."""
    from rich import box

    return box.ASCII if not console.is_terminal or is_ascii(console) else box.ROUNDED


def bar(score: int, width: int, ascii_only: bool) -> str:
    filled = round(score / 100 * width)
    full, empty = ("#", ".") if ascii_only else ("█", "░")
    return full * filled + empty * (width - filled)
