"""Career mode: the same engine over the career questionnaire, then the paths
into each career (education, licences and credentials, pay, occupation codes)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from advisor.answers import Answers
from advisor.comparison import CAREER_ASPECTS, compare
from advisor.document import Bullets, Cite, Document, Paragraph, Section, View, uncited
from advisor.knowledge.catalog import Catalog
from advisor.knowledge.models import Source
from advisor.scoring import Recommendation
from advisor.views.answered import answer_line
from advisor.views.citing import closing_sections, fact_line, number_word
from advisor.views.compare import aspect_table
from advisor.views.data import about, dumped, ranking_json, sources_json
from advisor.views.recommend import (
    closing_short,
    details_hint,
    more_line,
    scored_document,
    short_sections,
)
from advisor.views.sources import career_sources

if TYPE_CHECKING:
    from advisor.intake import Result


def career_view(catalog: Catalog, result: Result, details: bool = False) -> View:
    """What `career` shows: the best fit (short, or with `details` every career's
    paths and pay) and the JSON; guidance when every answer was "not sure"."""
    rec = result.recommendation
    answers, _, asked, _ = result.gathered
    if not rec.answered:
        from advisor.views.guidance import undecided_view

        return undecided_view(catalog, catalog.career, "career")
    sources = career_sources(catalog, rec)

    def full() -> Document:
        doc = career_document(catalog, answers, rec, sources)
        return doc._replace(sections=(*doc.sections, career_closing(catalog, rec, asked, True)))

    def screen() -> Document:
        if details:
            return full()
        return short_career_document(catalog, answers, rec, asked)

    return View(
        screen,
        lambda: career_json(catalog, answers, rec, sources),
        lambda: career_document(catalog, answers, rec, sources),
        everything=None if details else full,
    )


def career_closing(
    catalog: Catalog, rec: Recommendation, asked: bool, everything: bool = False
) -> Section:
    """What stays on screen at the end: the best fit (and a close call), the first
    step into it, and how to see more."""
    top = catalog.role(rec.top.role)
    first = [Paragraph(f"First step: {f.text}") for f in top.education[:1]]
    return Section(
        answer_line(catalog, rec, "Your best fit"),
        (*first, Paragraph(more_line("career", asked, everything), "quiet")),
        True,
        closing=True,
    )


def career_json(
    catalog: Catalog, answers: Answers, rec: Recommendation, sources: list[Source]
) -> dict[str, Any]:
    return {
        **ranking_json(catalog, catalog.career, answers, rec),
        "careers": {
            r.id: {a.id: dumped(a.facts(r)) for a in CAREER_ASPECTS} for r in catalog.roles
        },
        "sources": sources_json(sources),
        **about(catalog),
        "disclaimer": catalog.career.disclaimer or catalog.knowledge.disclaimer,
    }


def career_document(
    catalog: Catalog, answers: Answers, rec: Recommendation, sources: list[Source]
) -> Document:
    table = aspect_table(compare(catalog, list(catalog.roles), list(CAREER_ASPECTS)))
    sections = scored_document(catalog, catalog.career, answers, rec, "Best-fit career", "career")
    sections += [
        Section(f"The {number_word(len(catalog.roles))} careers: how to get there", (table,)),
    ]
    sections += closing_sections(catalog, sources, catalog.career.disclaimer)
    return Document("advisor: which career fits", tuple(sections))


SYSTEM_NAMES = {"SOC": "the federal Standard Occupational Classification"}


def short_career_document(
    catalog: Catalog, answers: Answers, rec: Recommendation, asked: bool = False
) -> Document:
    """The short result `career` prints unless asked for --details: the best fit,
    then the first steps into it (education, occupation codes); credentials,
    skills and pay for every career are in --details."""
    q = catalog.career
    top = catalog.role(rec.top.role)
    sections = short_sections(catalog, q, rec, "Best-fit career", "career", answers)
    codes = top.occupation_codes
    matches = {c.match for c in codes}
    each = len(matches) > 1  # say "closest" or "nearest" once when all codes share it
    listed = "; ".join(
        f"{c.system} {c.code} {c.title}{f' ({c.match})' if each else ''}" for c in codes
    )
    # an abbreviation spelled out on first use (O*NET is the database's own name)
    spelled = "".join(
        f" ({system}: {name})"
        for system, name in SYSTEM_NAMES.items()
        if any(c.system == system for c in codes)
    )
    steps = [
        *(fact_line(f) for f in top.education[:1]),
        (
            f"Occupation codes ({'closest or nearest' if each else matches.pop()}): "
            f"{listed}{spelled}",
            Cite(tuple(sorted({i for c in codes for i in c.sources}))),
        ),
    ]
    sections.append(Section(f"How to become a {top.name.lower()}", (Bullets(tuple(steps)),)))
    hint = details_hint("career", q, answers, asked, "every reason, every career's paths and pay")
    sections += closing_short(catalog, hint, q.disclaimer)
    sections.append(career_closing(catalog, rec, asked))
    return uncited(Document("", tuple(sections)))
