"""A Document as plain text: for `--report FILE.txt`, to paste into a message or
an email. The terminal layout, without colour or box-drawing characters, at a
width that mail and messaging apps keep whole."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from advisor.document import Document

TEXT_WIDTH = 72


def to_text(doc: Document, width: int = TEXT_WIDTH) -> str:
    """The document as plain ASCII-drawn text `width` columns wide."""
    import io

    from rich.console import Console

    from advisor.render.terminal import to_rich

    out = io.StringIO()
    plain = Console(
        file=out,
        width=width,
        force_terminal=False,
        no_color=True,
        color_system=None,
        highlight=False,
        emoji=False,
        legacy_windows=False,
    )
    plain.print(to_rich(plain, doc), crop=False)
    return "\n".join(line.rstrip() for line in out.getvalue().splitlines()) + "\n"
