"""References a reader can follow: citations become short numbers ([1], [2])
and the source list keeps only the sources actually cited, each by its title
and its publisher or site. Source ids and seed file names stay in --json.

Views cite facts as `text [seed-003, alca]` (see `citing.cite`); every human
format calls `readable` before laying a document out, so the terminal, Markdown
and HTML number the same way.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from advisor.document import Block, Bullets, Document, Paragraph, Section, SourceList, Table
from advisor.knowledge.models import Source

CITATION = re.compile(r"\[([a-z0-9]+(?:-[a-z0-9]+)*(?:, [a-z0-9]+(?:-[a-z0-9]+)*)*)\]")


def source_label(source: Source, full: bool = True) -> str:
    """A source as a reader can look it up: title, then the web address or
    publication (`full`) or only the site's name, which fits a terminal line."""
    title = source.title.rstrip(".")
    if source.kind == "seed":  # the reference is only the file it was read from
        return f"{title} (article, publisher not recorded)"
    where = source.reference
    if not full and "://" in where:
        where = where.split("://", 1)[1].split("/", 1)[0].removeprefix("www.")
    stop = "" if title.endswith(("?", "!")) else "."  # no "Who is in charge?."
    return f"{title}{stop} {where}"


class References:
    """Numbers sources in the order a reader first meets them."""

    def __init__(self, sources: Mapping[str, Source], full: bool = True) -> None:
        self.sources = sources
        self.full = full
        self.numbers: dict[str, int] = {}

    def number(self, text: str) -> str:
        """`text` with every citation of known sources turned into numbers."""

        def swap(match: re.Match[str]) -> str:
            ids = match.group(1).split(", ")
            if not all(i in self.sources for i in ids):
                return match.group(0)
            numbers = {self.numbers.setdefault(i, len(self.numbers) + 1) for i in ids}
            return "[" + ", ".join(str(n) for n in sorted(numbers)) + "]"

        return CITATION.sub(swap, text)

    def listed(self) -> Bullets:
        """The cited sources, each marked by its number."""
        return Bullets(
            tuple(source_label(self.sources[i], self.full) for i in self.numbers),
            tuple(f"[{n}]" for n in self.numbers.values()),
        )


def readable(doc: Document, full: bool = True) -> Document:
    """The document as people read it: numbered citations, only cited sources
    listed (with whole web addresses, or with `full` off only the sites' names)."""
    sections = list(doc.sections)
    known: dict[str, Source] = {}
    for section in sections:
        for block in section.blocks:
            if isinstance(block, SourceList):
                known.update((s.id, s) for s in block.sources)
    refs = References(known, full)
    numbered = [
        section._replace(
            title=refs.number(section.title),
            blocks=tuple(_number(block, refs) for block in section.blocks),
        )
        for section in sections
    ]
    listed = refs.listed()
    out: list[Section] = []
    for section in numbered:
        blocks: list[Block] = []
        for block in section.blocks:
            if isinstance(block, SourceList):
                if listed.items:
                    blocks.append(listed)
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
        return Table(
            tuple(refs.number(h) for h in block.header),
            tuple(tuple(refs.number(c) for c in row) for row in block.rows),
        )
    return block
