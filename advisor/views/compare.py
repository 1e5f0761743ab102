"""`advisor compare` as a document: the table, then what is shared and what differs."""

from __future__ import annotations

from advisor.comparison import Comparison
from advisor.knowledge.catalog import Catalog
from advisor.views.blocks import Bullets, Document, Section, Table
from advisor.views.citing import cite, closing_sections, disagreements_section, fact_line
from advisor.views.sources import comparison_sources


def aspect_table(c: Comparison) -> Table:
    return Table(
        ("Aspect", *(r.name for r in c.roles)),
        tuple(
            (a.label, *("\n".join(f"- {fact_line(f)}" for f in a.facts(r)) for r in c.roles))
            for a in c.aspects
        ),
    )


def comparison_document(catalog: Catalog, c: Comparison) -> Document:
    """The comparison as a document: the table, then what is shared and what differs."""
    sections = [
        Section("Side by side", (aspect_table(c),)),
        Section("What they all share", (Bullets(tuple(cite(f) for f in c.shared)),)),
    ]
    if c.differences:
        lines = tuple(
            f"{label}: " + "; ".join(f"{r.name}: {v.rstrip('.')}" for r, v in values)
            for label, values in c.differences
        )
        sections.append(Section("Where they differ most", (Bullets(lines),)))
    if c.disagreements:
        sections.append(disagreements_section(c.disagreements))
    sections += closing_sections(catalog, comparison_sources(catalog, c))
    return Document(" vs ".join(r.name for r in c.roles), tuple(sections))
