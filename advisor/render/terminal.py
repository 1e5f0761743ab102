"""Lay a `Document` out for the terminal with rich: tables on wide screens,
stacked text when narrow, ASCII when piped or on a non-UTF-8 locale.

Text is wrapped here with textwrap and handed to rich as ready-made lines:
rich's own wrapping, splitting and measuring of every paragraph and table cell
is most of the cost of printing a long comparison, and start-up is what users
feel. Text with characters that are not one column wide (wide CJK characters or
combining accents, possible in an organisation's own knowledge base) is left
for rich to wrap, since only rich knows how wide such characters are.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from advisor.document import (
    Bullets,
    Cell,
    Command,
    Document,
    Emphasis,
    Paragraph,
    Preformatted,
    Scores,
    SourceList,
    Spacer,
    Table,
    Text,
)
from advisor.render.references import flat, label, readable, source_label
from advisor.render.sanitise import printable

if TYPE_CHECKING:
    from rich.box import Box
    from rich.console import Console, ConsoleOptions, RenderableType
    from rich.segment import Segment

COLUMN_MIN = 20  # a wrapped value column narrower than this stacks the table instead
BULLET = "- "
STYLES: dict[Emphasis, str] = {
    "": "",
    "strong": "bold",
    "note": "italic",
    "warning": "bold yellow",
    "quiet": "dim",
}
_HELD = "\x00"  # a space that is not a break; text here never holds NUL (printable escapes it)


def text_width(console: Console) -> int:
    """How wide to wrap text: one column short of the edge, so no line touches it
    (however narrow: rich would cut off whatever is wider than the terminal)."""
    return max(1, console.width - 1)


def to_rich(console: Console, doc: Document) -> RenderableType:
    """The document laid out for this console: its width, its glyphs, its colours."""
    from rich.console import Group

    doc = readable(doc)
    width = text_width(console)
    parts: list[RenderableType] = [wrapped(doc.title, width, "bold")] if doc.title else []
    for section in doc.sections:
        if section.title:
            style = "bold green" if section.highlight else "bold underline"
            gap = [wrapped("", width)] if parts else []  # no blank first line
            parts += [*gap, wrapped(section.title, width, style)]
        for block in section.blocks:
            if isinstance(block, Paragraph):
                parts.append(wrapped(_flat(block.text), width, STYLES[block.emphasis]))
            elif isinstance(block, Bullets):
                parts.append(_bullets(block, width))
            elif isinstance(block, SourceList):
                parts.append(_sources(block, width))
            elif isinstance(block, Table):
                parts.append(_table(console, block))
            elif isinstance(block, Scores):
                parts.append(_scores(console, block))
            elif isinstance(block, Preformatted):
                parts.append(_preformatted(console, block))
            elif isinstance(block, Command):
                parts.append(_command(block, width))
            elif isinstance(block, Spacer):
                parts.append(wrapped("", width))
    return Group(*parts)


def _flat(text: Text) -> str:
    """Words made printable, citations whole (`[1, 2]` never breaks across lines)."""
    return flat(text, printable, lambda cite: label(cite, _HELD))


def _preformatted(console: Console, block: Preformatted) -> RenderableType:
    """Lines drawn for this console's width and glyphs, with their emphasis."""
    from rich.text import Text

    drawing = Text(printable("\n".join(block.draw(console.width, ascii_only(console)))))
    if block.strong:
        drawing.highlight_regex(block.strong, style="bold green")
    return drawing


def _command(block: Command, width: int) -> RenderableType:
    """Commands whole: after their lead on one line when they fit, else each on
    its own line, a long one broken between words with ` \\` at each line's end,
    so that pasted into a shell it is still one command."""
    commands = [printable(c, one_line=True) for c in (block.line, *block.more)]
    together = f"{block.lead} {', '.join(commands)}".strip()
    if len(together) <= width:
        return FittedLines([together])
    from rich.console import Group

    lead = [wrapped(block.lead, width)] if block.lead else []
    lines = [line for c in commands for line in _continued(c, width)]
    if any(len(line) > width for line in lines):  # a word wider than the screen: no choice
        return Group(*lead, *(wrapped(c, width) for c in commands))
    return Group(*lead, FittedLines(lines))


def _continued(command: str, width: int) -> list[str]:
    lines = [""]
    for word in command.split(" "):
        if lines[-1] and len(lines[-1]) + 1 + len(word) + 2 > width:
            lines[-1] += " \\"
            lines.append("  " + word)
        else:
            lines[-1] = f"{lines[-1]} {word}" if lines[-1] else word
    return lines


def wrapped(
    text: str, width: int, style: str = "", indent: int = 0, marker: str = ""
) -> RenderableType:
    """`text` wrapped to `width`, `indent` spaces in; `marker` (a bullet, "+3",
    "[12]") before its first line, the rest hanging beside it.

    Control characters (from a path or value the user gave, since the loader
    already refuses them in data) are shown as escapes, never sent raw."""
    text = _HELD.join(printable(part) for part in text.split(_HELD))
    if not _one_column_each(text.replace(_HELD, " ") + marker):
        from rich.text import Text

        return Text(" " * indent + marker + text.replace(_HELD, " "), style=style)
    return FittedLines(_filled(text, width, indent, marker), style)


def _filled(text: str, width: int, indent: int = 0, marker: str = "") -> list[str]:
    """The wrapped lines of `text` (each of its lines wrapped on its own)."""
    out: list[str] = []
    for number, line in enumerate(text.split("\n")):
        out += _hanging(line, width, indent, marker if number == 0 else " " * len(marker))
    return out


def _one_column_each(text: str) -> bool:
    """True when every character takes one column, so textwrap's counts are right."""
    if text.isascii():
        return True
    from rich.cells import cell_len

    flat = text.replace("\n", "")  # a newline takes no cell but is one character
    return cell_len(flat) == len(flat)


def _hanging(line: str, width: int, indent: int, marker: str) -> list[str]:
    """One line wrapped, its marker hanging to the left of the text."""
    lead = " " * indent
    room = max(1, width // 2)  # an indent never takes more than half the width
    if len(lead) + len(marker) > room:
        marker = marker if len(marker) <= room else ""
        lead = " " * (room - len(marker))
    first, rest = lead + marker, " " * (len(lead) + len(marker))
    lines = _greedy(line, width, first, rest)
    if lines is None:
        import textwrap

        lines = textwrap.wrap(
            line, width=width, initial_indent=first, subsequent_indent=rest, break_on_hyphens=False
        )
    return [x.replace(_HELD, " ") for x in lines] or [(lead + marker).rstrip()]


_SPACES = frozenset("\t\n\x0b\x0c\r")  # what textwrap reads as space, besides " "


def _greedy(line: str, width: int, first: str, rest: str) -> list[str] | None:
    """textwrap.wrap's lines for the usual line (words one space apart, none too
    long for a line), at a fraction of its cost: it was most of the time spent
    laying out a long page (tests/test_layout.py holds the two equal).
    None for anything else, which textwrap wraps."""
    words = line.split(" ")
    room = width - max(len(first), len(rest))
    if "" in words or max(map(len, words)) > room or not _SPACES.isdisjoint(line):
        return None if line else []
    lines, current = [], first + words[0]
    for word in words[1:]:
        if len(current) + 1 + len(word) <= width:
            current += " " + word
        else:
            lines.append(current)
            current = rest + word
    lines.append(current)
    return lines


def _bullets(block: Bullets, width: int) -> RenderableType:
    if not block.markers:
        return _items(width, [(BULLET, _flat(item)) for item in block.items])
    return _marked(width, block.markers, [_flat(item) for item in block.items])


def _sources(block: SourceList, width: int) -> RenderableType:
    """The numbered sources (`readable` listed them), numbers right-aligned."""
    numbers = [f"[{n}]" for n, _ in block.listed]
    return _marked(width, numbers, [source_label(s, full=False) for _, s in block.listed])


def _marked(width: int, markers: Sequence[str], texts: Sequence[str]) -> RenderableType:
    """Items led by markers ("+3", "-1", "[12]") right-aligned under each other."""
    pad = max(len(m) for m in markers)
    return _items(width, [(f" {m:>{pad}} ", t) for m, t in zip(markers, texts, strict=True)])


def _items(width: int, items: Sequence[tuple[str, str]], indent: int = 0) -> RenderableType:
    from rich.console import Group

    parts = [wrapped(text, width, indent=indent, marker=marker) for marker, text in items]
    fitted = [p for p in parts if isinstance(p, FittedLines)]
    if len(fitted) == len(parts):  # one renderable for them all: cheaper for rich to print
        return FittedLines([line for p in fitted for line in p.lines])
    return Group(*parts)


def _cell_items(cell: Cell) -> list[tuple[str, str]]:
    return [(BULLET if cell.listed else "", _flat(line)) for line in cell.lines]


def _cell_text(cell: Cell) -> str:
    """A cell as its unwrapped lines, markers included (to measure it)."""
    return "\n".join(marker + text for marker, text in _cell_items(cell))


def _table(console: Console, block: Table) -> RenderableType:
    """A boxed table when every wrapped column gets room to be read, else stacked."""
    from rich.console import Group

    widths = column_widths(console.width, block)
    if widths is None:
        width = text_width(console)
        stacked: list[RenderableType] = []
        for row in block.rows:
            stacked.append(wrapped(_cell_text(row[0]), width, "bold underline"))
            for name, value in zip(block.header[1:], row[1:], strict=True):
                stacked += [
                    wrapped(name, width, "bold", indent=2),
                    _items(width, _cell_items(value), indent=4),
                ]
        return Group(*stacked)
    from rich.table import Table as RichTable

    # Cells bring their own one-space margin, so rich adds no padding layer per cell.
    grid = RichTable(box=box_for(console), show_lines=True, header_style="bold", padding=0)
    for column, (name, width) in enumerate(zip(block.header, widths, strict=True)):
        style = "bold" if column == 0 else ""
        grid.add_column(_cell(name, width), width=width + 2, style=style, overflow="fold")
    for row in block.rows:
        grid.add_row(*(_cell(value, width) for value, width in zip(row, widths, strict=True)))
    return grid


def _cell(cell: Cell | str, width: int) -> RenderableType:
    """A table cell's text wrapped to `width`, with a space of margin either side."""
    inner = wrapped(cell, width) if isinstance(cell, str) else _items(width, _cell_items(cell))
    if isinstance(inner, FittedLines):
        return FittedLines([f" {line} " for line in inner.lines], inner.style)
    from rich.padding import Padding

    return Padding(inner, (0, 1))


def column_widths(total: int, block: Table) -> list[int] | None:
    """Text widths of a table's columns within `total`, or None if one would be too narrow.

    The label column gets a third of the room, kept between 12 and 25 columns
    (less if no label is that long). A value column whose longest line is
    shorter than an equal share keeps that width; the others share what is left
    equally, much as a browser lays out a table.
    """
    columns = len(block.header)
    room = total - (columns + 1) - 2 * columns  # borders, and a space either side of each cell
    natural = [
        _longest_line([block.header[c], *(_cell_text(row[c]) for row in block.rows)])
        for c in range(columns)
    ]
    label = min(natural[0], 25, max(12, room // 3))
    rest = room - label
    widths = {0: label}
    pending = list(range(1, columns))
    while pending:
        share = rest // len(pending)
        fitting = [c for c in pending if natural[c] <= share]
        if not fitting:
            break
        for c in fitting:
            widths[c] = natural[c]
            rest -= natural[c]
            pending.remove(c)
    for c in pending:
        widths[c] = rest // len(pending)
    if any(widths[c] < COLUMN_MIN for c in pending):
        return None
    return [widths[c] for c in range(columns)]


def _longest_line(texts: list[str]) -> int:
    return max((len(line) for text in texts for line in text.splitlines()), default=0)


def _scores(console: Console, block: Scores) -> RenderableType:
    """One line per role: its name, its score and a bar, in columns."""
    from rich.cells import cell_len
    from rich.console import Group

    bar_width = max(10, min(30, console.width - 30))
    block = block._replace(rows=tuple((printable(name), score) for name, score in block.rows))
    names = max(cell_len(name) for name, _ in block.rows)
    digits = max(len(str(score)) for _, score in block.rows)
    width = text_width(console)
    if names + digits + 4 + bar_width <= width:
        lines = [
            f"{name}{' ' * (names - cell_len(name))}  {score:>{digits}}  "
            + bar(score, bar_width, ascii_only(console))
            for name, score in block.rows
        ]
        rows: RenderableType = FittedLines(lines)
    else:  # too narrow for columns: each name on its own lines, its score below
        bar_width = max(1, min(bar_width, width - digits - 4))
        rows = Group(
            *(
                part
                for name, score in block.rows
                for part in (
                    wrapped(name, width),
                    FittedLines(
                        [f"  {score:>{digits}}  " + bar(score, bar_width, ascii_only(console))]
                    ),
                )
            )
        )
    if not block.note:
        return rows
    return Group(rows, wrapped(block.note, text_width(console), "dim"))


# One glyph policy for every output: boxes, score bars and the map.


def ascii_only(console: Console) -> bool:
    """Plain ASCII when piped (a file, another program, a paste into an email) or on
    a locale that cannot show box-drawing characters; rounded boxes, solid bars
    and the map's lines on a UTF-8 terminal. Decided here, once, for every glyph."""
    return not console.is_terminal or console.encoding.lower() not in ("utf-8", "utf8")


def box_for(console: Console) -> Box:
    from rich import box

    return box.ASCII if ascii_only(console) else box.ROUNDED


def bar(score: int, width: int, ascii_only: bool) -> str:
    filled = round(score / 100 * width)
    full, empty = ("#", ".") if ascii_only else ("█", "░")
    return full * filled + empty * (width - filled)


# rich's `Text` would split, measure and wrap every line again. For a long, cited
# comparison that is most of the time it takes to print, and start-up is what
# users feel, so paragraphs and table cells hand rich the finished lines instead.


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
