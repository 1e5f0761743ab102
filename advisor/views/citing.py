"""Facts as cited text: `Plans discharge [seed-003]`, with estimates and
inferences labelled so they never pass as established fact; and the sections
several documents share: where the sources disagree, and the close of every
document (the loose-titles warning, the sources with their as-of date and the
reminder that this is guidance, not advice)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from advisor.knowledge.models import Disagreement, Fact, Source
from advisor.views.blocks import Block, Bullets, Paragraph, Section

if TYPE_CHECKING:
    from advisor.knowledge.catalog import Catalog

KIND_LABELS = {"estimate": " (estimate)", "inference": " (common practice, not a rule)"}


def cite(fact: Fact) -> str:
    return f"{fact.text}{KIND_LABELS.get(fact.kind, '')} [{', '.join(fact.sources)}]"


def fact_line(fact: Fact) -> str:
    """A fact as one cited line, led by its name or value where it has one."""
    lead = getattr(fact, "name", None) or getattr(fact, "value", None)
    return f"{lead}: {cite(fact)}" if isinstance(lead, str) else cite(fact)


def source_line(source: Source) -> str:
    title = source.title if source.title[-1] in ".?!" else f"{source.title}."
    return f"{source.id}: {title} {source.reference} (read {source.as_of.isoformat()})"


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
