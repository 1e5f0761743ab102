"""What a command shows, as data: a small document model that the terminal,
Markdown and HTML outputs share, and the `View` that pairs a document with the
same result's JSON.

Views (advisor/views/) build these; renderers (advisor/render/) only lay them
out, so the formats never drift apart and render/ never needs to know views/.
Blocks carry structure, never markup: a citation is a `Cite` run (numbered by
`render.references.readable`), a bullet's marker is a field, a table cell is a
tuple of lines, emphasis is a word of meaning ("strong", "note", "warning",
"quiet") that each renderer draws its own way.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

if TYPE_CHECKING:
    from advisor.knowledge.models import Source


class Cite(NamedTuple):
    """A citation of these sources, placed after the words it backs. Renderers
    show the numbers `readable` gave them ([1, 2]); until then, `numbers` is empty."""

    sources: tuple[str, ...]
    numbers: tuple[int, ...] = ()


Run = str | Cite
Text = str | tuple[Run, ...]
"""Words and the citations among them: plain text, or runs of text and `Cite`s."""

Emphasis = Literal["", "strong", "note", "warning", "quiet"]


def runs(text: Text) -> tuple[Run, ...]:
    return (text,) if isinstance(text, str) else text


def joined(*parts: Text) -> tuple[Run, ...]:
    """Texts one after another, as one text."""
    return tuple(run for part in parts for run in runs(part))


def plain(text: Text) -> str:
    """The words alone, without citations (for a heading, a title or a comparison)."""
    return "".join(r for r in runs(text) if isinstance(r, str))


class Paragraph(NamedTuple):
    text: Text
    emphasis: Emphasis = ""


class Bullets(NamedTuple):
    items: tuple[Text, ...]
    markers: tuple[str, ...] = ()  # e.g. "+3" or "[1]"; a dash when empty


class Cell(NamedTuple):
    """A table cell: lines one under another, or (`listed`) a list of items."""

    lines: tuple[Text, ...]
    listed: bool = False


class Table(NamedTuple):
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


class Scores(NamedTuple):
    rows: tuple[tuple[str, int], ...]
    note: str = ""


class SourceList(NamedTuple):
    """The sources a document may cite. `render.references.readable` numbers the
    citations and fills `listed` with the sources actually cited, each by its
    number and how a reader finds it, before any layout."""

    sources: "tuple[Source, ...]"
    listed: "tuple[tuple[int, Source], ...]" = ()


class Preformatted(NamedTuple):
    """Lines drawn for a given width and glyph set (the map): the terminal prints
    them, Markdown fences them, HTML puts them in <pre>. `draw(width, ascii_only)`
    returns the lines; `strong` is a pattern whose matches are emphasised."""

    draw: Callable[[int, bool], list[str]]
    strong: str = ""


class Command(NamedTuple):
    """A command line to type or paste (and any others offered with it): never
    wrapped mid-command (a terminal puts each on its own line when they do not fit
    on one, and breaks a long one with ` \\` continuations, so a copied command
    still runs)."""

    line: str
    lead: str = ""  # words before it, e.g. "Everything:"
    more: tuple[str, ...] = ()  # other commands offered with it ("or advisor routes")


class Spacer(NamedTuple):
    """An empty line between blocks."""


Block = Paragraph | Bullets | Table | Scores | SourceList | Preformatted | Command | Spacer


class Section(NamedTuple):
    title: str  # empty: the blocks follow the document's title directly
    blocks: tuple[Block, ...]
    highlight: bool = False  # the answer the reader came for: coloured in a terminal
    # The short closing block (the answer and the first call): a terminal prints it
    # after the pager, so it is what stays on screen when the reader is done.
    closing: bool = False


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
    # After an interactive run: the full result ("Show everything" in the final
    # menu) and a few lines to send a family member (--share).
    everything: Callable[[], Document] | None = None
    share: Callable[[], str] | None = None


def uncited(doc: Document) -> Document:
    """The document without its citations: for a short result that lists no
    sources (they are in --details, the report and --json)."""

    def bare(text: Text) -> Text:
        return text if isinstance(text, str) else tuple(r for r in text if isinstance(r, str))

    def block(b: Block) -> Block:
        if isinstance(b, Paragraph):
            return b._replace(text=bare(b.text))
        if isinstance(b, Bullets):
            return b._replace(items=tuple(bare(i) for i in b.items))
        if isinstance(b, Table):
            rows = tuple(
                tuple(Cell(tuple(bare(t) for t in c.lines), c.listed) for c in row)
                for row in b.rows
            )
            return b._replace(rows=rows)
        return b

    return doc._replace(
        sections=tuple(
            s._replace(blocks=tuple(block(b) for b in s.blocks if not isinstance(b, SourceList)))
            for s in doc.sections
        )
    )
