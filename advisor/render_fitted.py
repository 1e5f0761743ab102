"""Two rich renderables for text that advisor has already wrapped to fit.

rich's `Text` and `Table` would split, measure, pad and crop every line again.
For a long, cited comparison that is most of the time it takes to print, and
start-up is what users feel, so these hand rich the finished lines instead.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from advisor.render_common import box_for

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType
    from rich.segment import Segment
    from rich.style import Style

Line = list["Segment"]


class FittedLines:
    """Lines no wider than the space they are printed in, all in one style."""

    __slots__ = ("lines", "style")

    def __init__(self, lines: list[str], style: str = "") -> None:
        self.lines = lines
        self.style = style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        from rich.segment import Segment

        style = console.get_style(self.style) if self.style else None
        newline = Segment.line()
        for line in self.lines:
            yield Segment(line, style)
            yield newline


class FittedGrid:
    """A boxed table with fixed column widths, a bold header and first column,
    and a rule between rows.

    A `FittedLines` cell is drawn as it is; any other cell is laid out by rich
    at its column's width. Every cell gets one space of margin either side.
    """

    __slots__ = ("header", "rows", "widths")

    def __init__(
        self,
        widths: Sequence[int],
        header: Sequence[RenderableType],
        rows: Sequence[Sequence[RenderableType]],
    ) -> None:
        self.widths = widths
        self.header = header
        self.rows = rows

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        from rich.segment import Segment

        box = box_for(console)
        spans = [width + 2 for width in self.widths]
        bold = console.get_style("bold")
        newline = Segment.line()

        def row(
            cells: Sequence[RenderableType], edges: tuple[str, str, str], header: bool = False
        ) -> Iterator[Segment]:
            styles = [bold if header or column == 0 else None for column in range(len(cells))]
            laid_out = [
                self._lines(console, options, cell, width, style)
                for cell, width, style in zip(cells, self.widths, styles, strict=True)
            ]
            left, between, right = (Segment(edge) for edge in edges)
            for index in range(max(len(lines) for lines in laid_out)):
                yield left
                for column, lines in enumerate(laid_out):
                    if column:
                        yield between
                    if index < len(lines):
                        yield from lines[index]
                    else:
                        yield Segment(" " * spans[column], styles[column])
                yield right
                yield newline

        yield Segment(box.get_top(spans))
        yield newline
        yield from row(self.header, (box.head_left, box.head_vertical, box.head_right), True)
        yield Segment(box.get_row(spans, "head"))
        yield newline
        for index, cells in enumerate(self.rows):
            if index:
                yield Segment(box.get_row(spans, "row"))
                yield newline
            yield from row(cells, (box.mid_left, box.mid_vertical, box.mid_right))
        yield Segment(box.get_bottom(spans))
        yield newline

    @staticmethod
    def _lines(
        console: Console,
        options: ConsoleOptions,
        cell: RenderableType,
        width: int,
        style: Style | None,
    ) -> list[Line]:
        """One cell as lines of exactly `width` + 2 columns."""
        from rich.segment import Segment

        if isinstance(cell, FittedLines):
            if cell.style:
                own = console.get_style(cell.style)
                style = style + own if style else own
            return [[Segment(f" {line[:width]:<{width}} ", style)] for line in cell.lines]
        from rich.padding import Padding

        return console.render_lines(
            Padding(cell, (0, 1)), options.update_width(width + 2), style=style, pad=True
        )
