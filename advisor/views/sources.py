"""The sources a document cites, in one place, so the terminal, reports and --json
list the same sources for the same run."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from advisor.comparison import CAREER_ASPECTS

if TYPE_CHECKING:
    from pydantic import BaseModel

    from advisor.knowledge.catalog import Catalog
    from advisor.knowledge.models import Role, Source
    from advisor.scoring import Recommendation


def recommendation_sources(
    catalog: Catalog,
    rec: Recommendation,
    compared: list[Role] | None = None,
    routes: Sequence[BaseModel] = (),
) -> list[Source]:
    """Sources behind the reasons, the top role's next steps, the close-call note,
    any roles compared alongside and the free or low-cost routes offered."""
    top = catalog.role(rec.top.role)
    ids = dict.fromkeys(rec.source_ids)
    extra = [
        top.summary,
        top.who_pays,
        top.typical_cost,
        *top.find_one,
        *top.questions_to_ask,
        catalog.knowledge.loose_titles,
    ]
    if rec.close_call:
        extra.append(catalog.questionnaire.close_call)
    if rec.tie and catalog.questionnaire.tie:
        extra.append(catalog.questionnaire.tie)
    cited = catalog.cited(*extra, *routes, *(compared or []))
    ids.update(dict.fromkeys(s.id for s in cited))
    return [catalog.sources[i] for i in ids]


def career_sources(catalog: Catalog, rec: Recommendation) -> list[Source]:
    ids = dict.fromkeys(rec.source_ids)
    facts = [f for a in CAREER_ASPECTS for r in catalog.roles for f in a.facts(r)]
    closing = (catalog.career.close_call, catalog.knowledge.loose_titles)  # --details ends with it
    ids.update(dict.fromkeys(s.id for s in catalog.cited(*facts, *closing)))
    return [catalog.sources[i] for i in ids]
