"""Facts as cited text: the words, then a `Cite` of their sources (numbered for
readers by `render.references.readable`), with estimates and
inferences labelled so they never pass as established fact; and the sections
several documents share: where the sources disagree, and the close of every
document (the loose-titles warning, the sources with their as-of date and the
reminder that this is guidance, not advice)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from advisor.document import (
    Block,
    Bullets,
    Cite,
    Document,
    Paragraph,
    Run,
    Section,
    SourceList,
    Text,
    joined,
    runs,
)
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


# The short result says how sure a fact is in plain words, once, instead of a label:
# the kinds stay in the data, --details, reports and --json (issue 22).
PLAIN_KINDS = {
    "estimate": " One source says so.",
    "inference": " We think so; check with them.",
}
HEDGES = (
    "we think",
    "we know of",
    "probably",
    "likely",
    " says",
    "check with",
    "ask the plan",
    " may ",
    "usually",
    "one source",
)
"""Words that already say a fact is not established: such a fact needs no more."""


def hedged(text: str) -> bool:
    return any(h in text.lower() for h in HEDGES)


def plainly(fact: Fact) -> str:
    """How sure an estimate or an inference is, in plain words ("" when its own words
    already say so, or it is an established fact)."""
    return "" if fact.kind not in PLAIN_KINDS or hedged(fact.text) else PLAIN_KINDS[fact.kind]


def cite_plainly(fact: Fact, lead: str = "") -> tuple[Run, ...]:
    """As `cite`, for the short result: the fact's kind in plain words, not as a label."""
    return (f"{lead}{fact.text}{plainly(fact)}", Cite(tuple(fact.sources)))


def code_line(code: OccupationCode) -> tuple[Run, ...]:
    """An occupation code with its dated median pay, each figure cited on its own."""
    head = f"{code.system} {code.code} {code.title} ({code.match}): "
    return joined(cite(code, head), *(cite(m, " ") for m in code.median_pay))


VALUE_WORDS = {
    # whom a role works for, and its timeframe (the models' own values), as a reader
    # says them; --json keeps the values
    # (short enough for the roles table to keep its columns at 80)
    "institution": "an organization",
    "patient": "the patient",
    "depends": "it depends",
    "episodic": "one event",
    "as-needed": "as needed",
}


def value_words(value: str) -> str:
    return VALUE_WORDS.get(value, value)


def fact_line(fact: Fact) -> tuple[Run, ...]:
    """A fact as one cited line, led by its name or value where it has one
    (an occupation code by the code itself: `SOC 21-1022 Healthcare Social Workers`,
    then its dated median pay)."""
    if isinstance(fact, OccupationCode):
        return code_line(fact)
    lead = getattr(fact, "name", None) or getattr(fact, "value", None)
    return cite(fact, f"{value_words(lead)}: ") if isinstance(lead, str) else cite(fact)


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


LEGAL_CITATION = re.compile(r"\b(CFR|U\.S\.C\.|FR)\b")
"""A source named by its legal citation ("42 CFR 482.43"): for --details and reports."""


def is_law(source: Source) -> bool:
    return bool(LEGAL_CITATION.search(source.title))


def without_legal_citations(doc: Document) -> Document:
    """The short result cites no source by its legal citation: a fact keeps its other
    sources there, and --details, reports and --json cite the law as well."""
    law = {
        s.id
        for section in doc.sections
        for block in section.blocks
        if isinstance(block, SourceList)
        for s in block.sources
        if is_law(s)
    }

    def text(t: Text) -> Text:
        if isinstance(t, str):
            return t
        return tuple(
            r._replace(sources=tuple(i for i in r.sources if i not in law))
            if isinstance(r, Cite)
            else r
            for r in runs(t)
        )

    def block(b: Block) -> Block:
        if isinstance(b, Paragraph):
            return b._replace(text=text(b.text))
        if isinstance(b, Bullets):
            return b._replace(items=tuple(text(i) for i in b.items))
        if isinstance(b, SourceList):
            return b._replace(sources=tuple(s for s in b.sources if s.id not in law))
        return b

    sections = tuple(s._replace(blocks=tuple(block(b) for b in s.blocks)) for s in doc.sections)
    return doc._replace(sections=sections)
