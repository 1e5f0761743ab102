"""A small document model that the terminal, Markdown and HTML outputs share.

Views build a `Document` once; `render/terminal.py`, `render/markdown.py` and
`render/html.py` only lay it out, so the three never drift apart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

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
    """The sources a document may cite. `views.references.readable` numbers the
    citations and keeps only the sources actually cited, before any layout."""

    sources: tuple[Source, ...]


Block = Paragraph | Bullets | Table | Scores | SourceList


class Section(NamedTuple):
    title: str  # empty: the blocks follow the document's title directly
    blocks: tuple[Block, ...]
    highlight: bool = False  # the answer the reader came for: coloured in a terminal


class Document(NamedTuple):
    title: str
    sections: tuple[Section, ...] = ()
