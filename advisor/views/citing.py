"""Facts as cited text: `Plans discharge [seed-003]` (numbered for readers by
`references.readable`), with estimates and
inferences labelled so they never pass as established fact; and the sections
several documents share: where the sources disagree, and the close of every
document (the loose-titles warning, the sources with their as-of date and the
reminder that this is guidance, not advice)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from advisor.knowledge.models import Disagreement, Fact, OccupationCode, Source
from advisor.views.blocks import Block, Bullets, Paragraph, Section, SourceList

if TYPE_CHECKING:
    from advisor.knowledge.catalog import Catalog

KIND_LABELS = {
    "estimate": " (estimate, secondary source)",
    "inference": " (our inference)",
}


def cite(fact: Fact) -> str:
    return f"{fact.text}{KIND_LABELS.get(fact.kind, '')} [{', '.join(fact.sources)}]"


def code_line(code: OccupationCode) -> str:
    """An occupation code with its dated median pay, each figure cited on its own."""
    pay = "".join(f" {cite(m)}" for m in code.median_pay)
    return f"{code.system} {code.code} {code.title} ({code.match}): {cite(code)}{pay}"


def fact_line(fact: Fact) -> str:
    """A fact as one cited line, led by its name or value where it has one
    (an occupation code by the code itself: `SOC 21-1022 Healthcare Social Workers`,
    then its dated median pay)."""
    if isinstance(fact, OccupationCode):
        return code_line(fact)
    lead = getattr(fact, "name", None) or getattr(fact, "value", None)
    return f"{lead}: {cite(fact)}" if isinstance(lead, str) else cite(fact)


def closing_sections(
    catalog: Catalog, sources: list[Source], disclaimer: str | None = None
) -> list[Section]:
    """The closing: titles are used loosely, the sources, the version and a disclaimer
    (the knowledge base's unless a questionnaire has its own)."""
    k = catalog.knowledge
    return [
        Section("Titles are used loosely", (Paragraph(cite(k.loose_titles), "italic"),)),
        Section(
            f"Sources (read on {k.as_of.isoformat()}; page dates vary)",
            (
                SourceList(tuple(sources)),
                Paragraph(
                    f"Knowledge base version {k.version}. {disclaimer or k.disclaimer}", "dim"
                ),
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
