"""`advisor compare` as a document: the table, then what is shared and what differs."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from advisor.comparison import ASPECTS, Comparison
from advisor.document import Bullets, Cell, Command, Document, Section, Table, View
from advisor.knowledge.catalog import Catalog
from advisor.knowledge.models import Source
from advisor.views.citing import (
    cite,
    closing_sections,
    disagreements_section,
    fact_line,
    value_words,
)
from advisor.views.data import about, dumped, sources_json

if TYPE_CHECKING:
    from pydantic import BaseModel


def compare_view(
    catalog: Catalog, names: Sequence[str], everything: bool, aspects: Sequence[str] | None
) -> View:
    """The roles named (or `everything`) compared, on screen and in JSON, citing the
    sources of the facts shown (with `aspects` chosen, only those rows')."""
    from advisor.comparison import compare, pick_roles, select_aspects

    c = compare(
        catalog,
        pick_roles(catalog, list(names), everything),
        select_aspects(list(aspects) if aspects else None),
    )
    picked = bool(aspects)
    facts: list[BaseModel] = [f for a in c.aspects for r in c.roles for f in a.facts(r)]
    if not picked:
        facts += [*c.shared, *c.disagreements]
    sources = catalog.cited(*facts, catalog.knowledge.loose_titles)
    return View(
        lambda: comparison_document(catalog, c, sources, picked),
        lambda: comparison_json(catalog, c, sources),
    )


def aspect_table(c: Comparison) -> Table:
    return Table(
        ("Aspect", *(r.name for r in c.roles)),
        tuple(
            (
                Cell((a.label,)),
                *(Cell(tuple(fact_line(f) for f in a.facts(r)), listed=True) for r in c.roles),
            )
            for a in c.aspects
        ),
    )


def comparison_document(
    catalog: Catalog, c: Comparison, sources: list[Source], picked: bool = False
) -> Document:
    """The comparison as a document: where the roles differ most, the table, what
    they share and where the sources disagree.

    With `picked` (rows chosen with --aspect) only those rows, and a pointer to
    the rest: someone who asked for the occupation codes wants the codes, not
    three more screens about everything else."""
    sections = _picked_rows(catalog, c) if picked else _everything(c)
    sections += closing_sections(catalog, sources)
    return Document(" vs ".join(r.name for r in c.roles), tuple(sections))


def _picked_rows(catalog: Catalog, c: Comparison) -> list[Section]:
    names = "--all" if len(c.roles) == len(catalog.roles) else " ".join(r.id for r in c.roles)
    more = Command(
        f"advisor compare {names}",
        "What they all share, where they differ most and where the sources disagree:",
    )
    return [Section("Side by side", (aspect_table(c),)), Section("More", (more,))]


def _everything(c: Comparison) -> list[Section]:
    sections = []
    if c.differences:  # the answer first: then the table that backs it up
        lines = tuple(
            f"{label}: " + "; ".join(f"{r.name}: {value_words(v).rstrip('.')}" for r, v in values)
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


def comparison_json(catalog: Catalog, c: Comparison, sources: list[Source]) -> dict[str, Any]:
    """The roles' data side by side, aspect by aspect, with what they share."""
    aspect_ids = {a.label: a.id for a in ASPECTS}
    return {
        "roles": [{"id": r.id, "name": r.name} for r in c.roles],
        "aspects": [
            {
                "id": a.id,
                "label": a.label,
                "values": {r.id: dumped(a.facts(r)) for r in c.roles},
            }
            for a in c.aspects
        ],
        "shared": dumped(c.shared),
        "differences": [
            {
                "id": aspect_ids.get(label, label),
                "label": label,
                "aspect": label,
                "values": {r.id: v for r, v in values},
            }
            for label, values in c.differences
        ],
        "disagreements": dumped(c.disagreements),
        "titles_used_loosely": catalog.knowledge.loose_titles.model_dump(mode="json"),
        "sources": sources_json(sources),
        **about(catalog),
    }
