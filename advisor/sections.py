"""Sections several documents share: where the sources disagree, and the close of
every document (the loose-titles warning, the sources with their as-of date and
the reminder that this is guidance, not advice)."""

from __future__ import annotations

from advisor.catalog import Catalog
from advisor.citing import cite, source_line
from advisor.document import Block, Bullets, Paragraph, Section
from advisor.models import Disagreement, Source


def closing_sections(catalog: Catalog, sources: list[Source]) -> list[Section]:
    k = catalog.knowledge
    return [
        Section("Titles are used loosely", (Paragraph(cite(k.loose_titles), "italic"),)),
        Section(
            f"Sources (as of {k.as_of.isoformat()})",
            (
                Bullets(tuple(source_line(s) for s in sources)),
                Paragraph(f"Knowledge base version {k.version}. {k.disclaimer}", "dim"),
            ),
        ),
    ]


def disagreements_section(disputes: list[Disagreement]) -> Section:
    """Where the sources disagree: each topic with every position, none picked."""
    blocks: list[Block] = []
    for dispute in disputes:
        blocks += [
            Paragraph(dispute.topic, "bold"),
            Bullets(tuple(cite(p) for p in dispute.positions)),
        ]
    return Section("Where the sources disagree", tuple(blocks))
