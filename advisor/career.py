"""Career mode: the same engine over the career questionnaire, then the paths
into each career (education, licences and credentials, pay, occupation codes)."""

from __future__ import annotations

from typing import Any

from advisor.answers import Answers
from advisor.aspects import CAREER_ASPECTS
from advisor.catalog import Catalog
from advisor.comparison import aspect_table, compare
from advisor.document import Document, Section
from advisor.engine import Recommendation
from advisor.export import about, ranking_json, sources_json
from advisor.models import Source
from advisor.report import scored_document
from advisor.sections import closing_sections


def career_sources(catalog: Catalog, rec: Recommendation) -> list[Source]:
    ids = dict.fromkeys(rec.source_ids)
    facts = [f for a in CAREER_ASPECTS for r in catalog.roles for f in a.facts(r)]
    ids.update(dict.fromkeys(s.id for s in catalog.cited(*facts, catalog.career.close_call)))
    return [catalog.sources[i] for i in ids]


def career_document(catalog: Catalog, answers: Answers, rec: Recommendation) -> Document:
    table = aspect_table(compare(catalog, list(catalog.roles), list(CAREER_ASPECTS)))
    sections = scored_document(catalog, catalog.career, answers, rec, "Best-fit career", "career")
    sections += [
        Section("The four careers: how to get there", (table,)),
    ]
    sections += closing_sections(catalog, career_sources(catalog, rec))
    return Document("advisor: which career fits", tuple(sections))


def career_json(catalog: Catalog, answers: Answers, rec: Recommendation) -> dict[str, Any]:
    return {
        **ranking_json(catalog, catalog.career, answers, rec),
        "careers": {
            r.id: {a.id: [f.model_dump(mode="json") for f in a.facts(r)] for a in CAREER_ASPECTS}
            for r in catalog.roles
        },
        "sources": sources_json(career_sources(catalog, rec)),
        **about(catalog),
    }
