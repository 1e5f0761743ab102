"""What a command shows, as data: a small document model that the terminal,
Markdown and HTML outputs share, and the `View` that pairs a document with the
same result's JSON.

Views (advisor/views/) build these; renderers (advisor/render/) only lay them
out, so the formats never drift apart and render/ never needs to know views/.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from advisor.knowledge.models import Source


class Paragraph(NamedTuple):
    text: str
    style: str = ""  # a rich style for the terminal; "italic" also italicises elsewhere


class Bullets(NamedTuple):
    items: tuple[str, ...]
    markers: tuple[str, ...] = ()  # e.g. "+3"; a dash when empty


class Table(NamedTuple):
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


class Scores(NamedTuple):
    rows: tuple[tuple[str, int], ...]
    note: str = ""


class SourceList(NamedTuple):
    """The sources a document may cite. `render.references.readable` numbers the
    citations and keeps only the sources actually cited, before any layout."""

    sources: tuple[Source, ...]


class Preformatted(NamedTuple):
    """Lines drawn for a given width and glyph set (the map): the terminal prints
    them, Markdown fences them, HTML puts them in <pre>. `draw(width, ascii_only)`
    returns the lines; `strong` is a pattern whose matches are emphasised."""

    draw: Callable[[int, bool], list[str]]
    strong: str = ""


Block = Paragraph | Bullets | Table | Scores | SourceList | Preformatted


class Section(NamedTuple):
    title: str  # empty: the blocks follow the document's title directly
    blocks: tuple[Block, ...]
    highlight: bool = False  # the answer the reader came for: coloured in a terminal


class Document(NamedTuple):
    title: str
    sections: tuple[Section, ...] = ()


class View(NamedTuple):
    """One command's result in every form it can take, each built only when asked.

    `screen` is what a terminal shows (and `--markdown` prints); `report` is the
    fuller page `--report` writes and the wizard offers to save (the screen's
    document when a command has no fuller one); `data` is the `--json` object.
    A view derives its sources once, from the facts it shows, so the screen, the
    report and the JSON cite the same list.
    """

    screen: Callable[[], Document]
    data: Callable[[], dict[str, Any]]
    report: Callable[[], Document] | None = None
