"""Plain dictionaries for --json output, built from the same models the views use."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from advisor.answers import Answers
    from advisor.catalog import Catalog
    from advisor.comparison import Comparison
    from advisor.engine import Recommendation
    from advisor.models import Role, Source
    from advisor.questionnaire import Questionnaire


def about(catalog: Catalog) -> dict[str, Any]:
    k = catalog.knowledge
    return {"version": k.version, "as_of": k.as_of.isoformat(), "disclaimer": k.disclaimer}


def sources_json(sources: list[Source]) -> list[dict[str, Any]]:
    return [s.model_dump(mode="json") for s in sources]


def role_json(catalog: Catalog, role: Role) -> dict[str, Any]:
    disputes = catalog.disagreements_about(role.id)
    return {
        **role.model_dump(mode="json"),
        "disagreements": [d.model_dump(mode="json") for d in disputes],
        "titles_used_loosely": catalog.knowledge.loose_titles.model_dump(mode="json"),
        "sources": sources_json(catalog.cited(role, *disputes)),
        **about(catalog),
    }


def roles_json(catalog: Catalog) -> dict[str, Any]:
    return {
        "roles": [
            {
                "id": r.id,
                "name": r.name,
                "aliases": r.aliases,
                "works_for": r.works_for.value,
                "timeframe": r.timeframe.value,
                "focus": r.focus.text,
            }
            for r in catalog.roles
        ],
        "titles_used_loosely": catalog.knowledge.loose_titles.model_dump(mode="json"),
        **about(catalog),
    }


def ranking_json(
    catalog: Catalog, questionnaire: Questionnaire, answers: Answers, rec: Recommendation
) -> dict[str, Any]:
    """The stable core of `recommend --json` and `career --json`."""
    from advisor.answers import to_mapping

    return {
        "top": rec.top.role,
        "runner_up": rec.runner_up.role,
        "ranking": [
            {
                "role": s.role,
                "name": catalog.role(s.role).name,
                "score": s.score,
                "points": s.points,
                "reasons": [
                    {
                        "question": r.question,
                        "answer": r.answer,
                        "effect": r.weight,
                        "why": r.why,
                        "sources": list(r.sources),
                    }
                    for r in s.reasons
                ],
            }
            for s in rec.ranking
        ],
        "unanswered": list(rec.unanswered),
        "close_call": rec.close_call,
        "close_call_note": questionnaire.close_call.text if rec.close_call else None,
        "answers": to_mapping(questionnaire, answers),
        "decision": questionnaire.decision,
        "method": questionnaire.method,
    }


def recommendation_json(catalog: Catalog, answers: Answers, rec: Recommendation) -> dict[str, Any]:
    """The stable --json shape of `advisor recommend`."""
    top = catalog.role(rec.top.role)
    return {
        **ranking_json(catalog, catalog.questionnaire, answers, rec),
        "next_steps": {
            "find_one": [f.text for f in top.find_one],
            "who_pays": top.who_pays.text,
            "typical_cost": top.typical_cost.text,
            "questions_to_ask": [f.text for f in top.questions_to_ask],
        },
        "sources": sources_json(recommendation_sources(catalog, rec)),
        **about(catalog),
    }


def recommendation_sources(
    catalog: Catalog, rec: Recommendation, compared: list[Role] | None = None
) -> list[Source]:
    """Sources behind the reasons, the top role's next steps, the close-call note
    and any roles compared alongside."""
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
    ids.update(dict.fromkeys(s.id for s in catalog.cited(*extra, *(compared or []))))
    return [catalog.sources[i] for i in ids]


def comparison_json(catalog: Catalog, c: Comparison) -> dict[str, Any]:
    """The roles' data side by side, aspect by aspect, with what they share."""
    from advisor.comparison import comparison_sources

    return {
        "roles": [{"id": r.id, "name": r.name} for r in c.roles],
        "aspects": [
            {
                "id": a.id,
                "label": a.label,
                "values": {r.id: [f.model_dump(mode="json") for f in a.facts(r)] for r in c.roles},
            }
            for a in c.aspects
        ],
        "shared": [f.model_dump(mode="json") for f in c.shared],
        "differences": [
            {"aspect": label, "values": {r.id: v for r, v in values}}
            for label, values in c.differences
        ],
        "disagreements": [d.model_dump(mode="json") for d in c.disagreements],
        "titles_used_loosely": catalog.knowledge.loose_titles.model_dump(mode="json"),
        "sources": sources_json(comparison_sources(catalog, c)),
        **about(catalog),
    }
