"""References a reader can follow: citations become short numbers ([1], [2])
and the source list keeps only the sources actually cited, each by its title
and its publisher or site. Source ids and seed file names stay in --json.

Views cite facts with `Cite` runs (see `views.citing.cite`); every human
format calls `readable` before laying a document out, so the terminal, Markdown
and HTML number the same way, and then draws each `Cite` with `label`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from advisor.document import (
    Block,
    Bullets,
    Cell,
    Cite,
    Document,
    Paragraph,
    Section,
    SourceList,
    Table,
    Text,
    runs,
)
from advisor.knowledge.models import Source


def source_label(source: Source, full: bool = True) -> str:
    """A source as a reader can look it up: title, then the web address or
    publication (`full`) or only the site's name, which fits a terminal line."""
    title = source.title.rstrip(".")
    if source.kind == "seed":  # the reference is only the file it was read from
        return f"{title} (web article; publisher unknown)"
    where = source.reference
    if not full and "://" in where:
        where = where.split("://", 1)[1].split("/", 1)[0].removeprefix("www.")
    stop = "" if title.endswith(("?", "!")) else "."  # no "Who is in charge?."
    return f"{title}{stop} {where}"


class References:
    """Numbers sources in the order a reader first meets them."""

    def __init__(self, sources: Mapping[str, Source]) -> None:
        self.sources = sources
        self.numbers: dict[str, int] = {}

    def number(self, text: Text) -> Text:
        """`text` with each citation of known sources given its numbers."""
        if isinstance(text, str):
            return text
        return tuple(self._numbered(r) if isinstance(r, Cite) else r for r in text)

    def _numbered(self, cite: Cite) -> Cite:
        if not cite.sources or not all(i in self.sources for i in cite.sources):
            return cite  # drawn by its ids: a source the document does not list
        numbers = {self.numbers.setdefault(i, len(self.numbers) + 1) for i in cite.sources}
        return cite._replace(numbers=tuple(sorted(numbers)))

    def listed(self, block: SourceList) -> SourceList:
        """The cited sources, each with its number."""
        return block._replace(listed=tuple((n, self.sources[i]) for i, n in self.numbers.items()))


def label(cite: Cite, space: str = " ") -> str:
    """A citation as readers see it: `[1, 2]`, or the source ids when not numbered;
    `space` goes between the numbers (a terminal passes one that is not a break)."""
    shown = [str(n) for n in cite.numbers] or list(cite.sources)
    return "[" + f",{space}".join(shown) + "]" if shown else ""


def flat(
    text: Text, words: Callable[[str], str] = str, cites: Callable[[Cite], str] = label
) -> str:
    """`text` as one string: its words through `words` (escaping, for a format), each
    citation through `cites`, one space before it."""
    out = ""
    for run in runs(text):
        if isinstance(run, Cite):
            shown = cites(run)
            if shown:
                out += ("" if not out or out.endswith((" ", "\n")) else " ") + shown
        else:
            out += words(run)
    return out


def readable(doc: Document) -> Document:
    """The document as people read it: numbered citations, and only the sources
    cited listed, by number."""
    known: dict[str, Source] = {}
    for section in doc.sections:
        for block in section.blocks:
            if isinstance(block, SourceList):
                known.update((s.id, s) for s in block.sources)
    refs = References(known)
    numbered = [
        section._replace(blocks=tuple(_number(block, refs) for block in section.blocks))
        for section in doc.sections
    ]
    out: list[Section] = []
    for section in numbered:
        blocks: list[Block] = []
        for block in section.blocks:
            if isinstance(block, SourceList):
                if refs.numbers:
                    blocks.append(refs.listed(block))
            else:
                blocks.append(block)
        if blocks or not any(isinstance(b, SourceList) for b in section.blocks):
            out.append(section._replace(blocks=tuple(blocks)))
    return doc._replace(sections=tuple(out))


def _number(block: Block, refs: References) -> Block:
    if isinstance(block, Paragraph):
        return block._replace(text=refs.number(block.text))
    if isinstance(block, Bullets):
        return block._replace(items=tuple(refs.number(i) for i in block.items))
    if isinstance(block, Table):
        return block._replace(
            rows=tuple(
                tuple(Cell(tuple(refs.number(t) for t in c.lines), c.listed) for c in row)
                for row in block.rows
            )
        )
    return block
