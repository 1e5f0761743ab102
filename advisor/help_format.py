"""How `--help` is laid out: click's plain help, with two changes.

- A value is never split at its hyphens (`insurance-` / `approval` reads as two
  words, and cannot be copied back): hyphens are held together while wrapping.
- On a narrow screen a long option takes a line of its own, so its help keeps
  a readable width instead of a column a few letters wide.
- A required argument is written `ROLE`, not typer's `{ROLE}`.

Every advisor command uses `AdvisorCommand` (or a subclass), the app `AdvisorGroup`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import typer
from typer._click.formatting import HelpFormatter as ClickHelpFormatter
from typer.core import TyperCommand, TyperGroup

_HELD = "\u2011"  # a non-breaking hyphen while wrapping; the printed text has plain ones


class HelpFormatter(ClickHelpFormatter):
    def __init__(
        self, indent_increment: int = 2, width: int | None = None, max_width: int | None = None
    ) -> None:
        """click never lays help out narrower than 50 columns, so on a 42-column
        screen every long line broke mid-word; here the floor is 20."""
        from typer._click import formatting

        if width is None and formatting.FORCED_WIDTH is None:
            import shutil

            width = max(min(shutil.get_terminal_size().columns, max_width or 80) - 2, 20)
        super().__init__(indent_increment, width, max_width)

    def write_text(self, text: str) -> None:
        start = len(self.buffer)
        super().write_text(text.replace("-", _HELD))
        self._release(start)

    def write_dl(
        self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        start = len(self.buffer)
        room = self.width - self.current_indent
        held = [(self._fold(first, room), second.replace("-", _HELD)) for first, second in rows]
        super().write_dl(held, min(col_max, max(12, self.width // 3)), col_spacing)
        self._release(start)

    def _fold(self, option: str, room: int) -> str:
        """An option too long for the screen, such as `--setting [home|hospital|...]`,
        broken after a `|` and continued further in, instead of by the terminal."""
        if len(option) <= room or "|" not in option:
            return option
        pad = " " * (self.current_indent + 4)
        lines: list[str] = []
        line = ""
        for part in option.split("|"):
            piece = part if not line else "|" + part
            if line and len(line) + len(piece) > (room if not lines else room - 4):
                lines.append(line + "|")
                line = part
            else:
                line += piece
        return ("\n" + pad).join([*lines, line])

    def _release(self, start: int) -> None:
        self.buffer[start:] = [part.replace(_HELD, "-") for part in self.buffer[start:]]


class AdvisorContext(typer.Context):
    formatter_class = HelpFormatter


class AdvisorCommand(TyperCommand):
    context_class = AdvisorContext

    def collect_usage_pieces(self, ctx: typer.Context) -> list[str]:  # type: ignore[override]
        """`advisor show [OPTIONS] ROLE`, as click writes it: typer brackets a
        required argument in braces (`{ROLE}`), which reads like a placeholder."""
        pieces: list[str] = super().collect_usage_pieces(ctx)
        return [re.sub(r"^\{(.+)\}(\.\.\.)?$", r"\1\2", p) for p in pieces]


class AdvisorGroup(TyperGroup):
    context_class = AdvisorContext
