"""Sections that close every document: the loose-titles warning, the sources
with their as-of date, and the reminder that this is guidance, not advice."""

from __future__ import annotations

from advisor.catalog import Catalog
from advisor.citing import cite, source_line
from advisor.document import Bullets, Paragraph, Section
from advisor.models import Source


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
