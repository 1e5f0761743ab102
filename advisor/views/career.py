"""Career mode: the same engine over the career questionnaire, then the paths
into each career (education, licences and credentials, pay, occupation codes)."""

from __future__ import annotations

from advisor.answers import Answers
from advisor.comparison import CAREER_ASPECTS, compare
from advisor.knowledge.catalog import Catalog
from advisor.scoring import Recommendation
from advisor.views.blocks import Document, Section
from advisor.views.citing import closing_sections
from advisor.views.compare import aspect_table
from advisor.views.recommend import scored_document
from advisor.views.sources import career_sources


def career_document(catalog: Catalog, answers: Answers, rec: Recommendation) -> Document:
    table = aspect_table(compare(catalog, list(catalog.roles), list(CAREER_ASPECTS)))
    sections = scored_document(catalog, catalog.career, answers, rec, "Best-fit career", "career")
    sections += [
        Section("The four careers: how to get there", (table,)),
    ]
    sections += closing_sections(catalog, career_sources(catalog, rec))
    return Document("advisor: which career fits", tuple(sections))
