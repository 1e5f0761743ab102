"""Facts as cited text: the words, then a `Cite` of their sources (numbered for
readers by `render.references.readable`), with estimates and
inferences labelled so they never pass as established fact; and the sections
several documents share: where the sources disagree, and the close of every
document (the loose-titles warning, the sources with their as-of date and the
reminder that this is guidance, not advice)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from advisor.document import Block, Bullets, Cite, Paragraph, Run, Section, SourceList, joined
from advisor.knowledge.models import Disagreement, Fact, OccupationCode, Source

if TYPE_CHECKING:
    from advisor.knowledge.catalog import Catalog

KIND_LABELS = {
    "estimate": " (estimate, secondary source)",
    "inference": " (our inference)",
}


def cite(fact: Fact, lead: str = "") -> tuple[Run, ...]:
    """`lead`, the fact's words (labelled if an estimate or an inference), its citation."""
    return (f"{lead}{fact.text}{KIND_LABELS.get(fact.kind, '')}", Cite(tuple(fact.sources)))


def code_line(code: OccupationCode) -> tuple[Run, ...]:
    """An occupation code with its dated median pay, each figure cited on its own."""
    head = f"{code.system} {code.code} {code.title} ({code.match}): "
    return joined(cite(code, head), *(cite(m, " ") for m in code.median_pay))


def fact_line(fact: Fact) -> tuple[Run, ...]:
    """A fact as one cited line, led by its name or value where it has one
    (an occupation code by the code itself: `SOC 21-1022 Healthcare Social Workers`,
    then its dated median pay)."""
    if isinstance(fact, OccupationCode):
        return code_line(fact)
    lead = getattr(fact, "name", None) or getattr(fact, "value", None)
    return cite(fact, f"{lead}: ") if isinstance(lead, str) else cite(fact)


def closing_sections(
    catalog: Catalog, sources: list[Source], disclaimer: str | None = None
) -> list[Section]:
    """The closing: titles are used loosely, the sources, the version and a disclaimer
    (the knowledge base's unless a questionnaire has its own)."""
    k = catalog.knowledge
    return [
        Section("Titles are used loosely", (Paragraph(cite(k.loose_titles), "note"),)),
        Section(
            f"Sources (read on {k.as_of.isoformat()}; page dates vary)",
            (
                SourceList(tuple(sources)),
                Paragraph(
                    f"Knowledge base version {k.version}. {disclaimer or k.disclaimer}", "quiet"
                ),
            ),
        ),
    ]


def disagreements_section(disputes: list[Disagreement]) -> Section:
    """Where the sources disagree: each topic with every position, none picked."""
    blocks: list[Block] = []
    for dispute in disputes:
        blocks += [
            Paragraph(dispute.topic, "strong"),
            Bullets(tuple(cite(p) for p in dispute.positions)),
        ]
    return Section("Where the sources disagree", tuple(blocks))


NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def number_word(n: int) -> str:
    """ "four" for 4: how many roles a knowledge base has, said in words."""
    return NUMBER_WORDS[n] if 0 <= n < len(NUMBER_WORDS) else str(n)
