"""`advisor compare` as a document: the table, then what is shared and what differs."""

from __future__ import annotations

from advisor.comparison import Comparison
from advisor.knowledge.catalog import Catalog
from advisor.views.blocks import Bullets, Document, Paragraph, Section, Table
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


def comparison_document(catalog: Catalog, c: Comparison, picked: bool = False) -> Document:
    """The comparison as a document: where the roles differ most, the table, what
    they share and where the sources disagree.

    With `picked` (rows chosen with --aspect) only those rows, and a pointer to
    the rest: someone who asked for the occupation codes wants the codes, not
    three more screens about everything else."""
    sections = _picked_rows(catalog, c) if picked else _everything(c)
    sections += closing_sections(catalog, comparison_sources(catalog, c))
    return Document(" vs ".join(r.name for r in c.roles), tuple(sections))


def _picked_rows(catalog: Catalog, c: Comparison) -> list[Section]:
    names = "--all" if len(c.roles) == len(catalog.roles) else " ".join(r.id for r in c.roles)
    more = Paragraph(
        "What they all share, where they differ most and where the sources disagree: "
        f"advisor compare {names}"
    )
    return [Section("Side by side", (aspect_table(c),)), Section("More", (more,))]


def _everything(c: Comparison) -> list[Section]:
    sections = []
    if c.differences:  # the answer first: then the table that backs it up
        lines = tuple(
            f"{label}: " + "; ".join(f"{r.name}: {v.rstrip('.')}" for r, v in values)
            for label, values in c.differences
        )
        sections.append(Section("Where they differ most", (Bullets(lines),)))
    sections += [
        Section("Side by side", (aspect_table(c),)),
        Section("What they all share", (Bullets(tuple(cite(f) for f in c.shared)),)),
    ]
    if c.disagreements:
        sections.append(disagreements_section(c.disagreements))
    return sections
