"""Plain dictionaries for every command's --json output, from the models the views use.

Their shapes, and the vocabulary they share, are described in json_shapes.py
(the JSON Schema of `advisor schema COMMAND`); a test keeps the two in step.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from advisor.comparison import ASPECTS, CAREER_ASPECTS
from advisor.placement import person_position
from advisor.views.sources import career_sources, comparison_sources, recommendation_sources

if TYPE_CHECKING:
    from advisor.answers import Answers
    from advisor.comparison import Comparison
    from advisor.describe import Described
    from advisor.knowledge.catalog import Catalog
    from advisor.knowledge.models import Role, Source
    from advisor.knowledge.questions import Questionnaire
    from advisor.knowledge.routes import Route
    from advisor.knowledge.titles import Title
    from advisor.scoring import Recommendation


def about(catalog: Catalog) -> dict[str, Any]:
    k = catalog.knowledge
    return {
        "version": k.version,
        "as_of": k.as_of.isoformat(),
        "disclaimer": k.disclaimer,
        "scope": k.scope,
    }


def sources_json(sources: list[Source]) -> list[dict[str, Any]]:
    return [s.model_dump(mode="json") for s in sources]


def role_json(catalog: Catalog, role: Role) -> dict[str, Any]:
    from advisor.knowledge.routes import routes_for

    disputes = catalog.disagreements_about(role.id)
    routes = routes_for(catalog.route_book, role=role.id)
    free = [r.model_dump(mode="json") for r in routes]
    return {
        **role.model_dump(mode="json"),
        "kind": "role",  # `show` also prints other titles ("other-title")
        "disagreements": [d.model_dump(mode="json") for d in disputes],
        "titles_used_loosely": catalog.knowledge.loose_titles.model_dump(mode="json"),
        "free_or_low_cost_alternatives": free,  # the first name of this key, kept for scripts
        "free_or_low_cost_routes": free,  # the same key as for other titles
        "sources": sources_json(catalog.cited(role, *disputes, *routes)),
        **about(catalog),
    }


def routes_json(catalog: Catalog, routes: Sequence[Route]) -> dict[str, Any]:
    """`advisor routes --json`: the matching routes in full, with their sources."""
    return {
        "routes": [r.model_dump(mode="json") for r in routes],
        "sources": sources_json(catalog.cited(*routes)),
        **about(catalog),
    }


def title_json(catalog: Catalog, title: Title) -> dict[str, Any]:
    """`advisor show TITLE --json`: another title, marked as not one of the four roles."""
    routes = [r for r in catalog.route_book.routes if r.id in title.routes]
    return {
        **title.model_dump(mode="json"),
        "kind": "other-title",
        "closest_role": title.closest.role,
        "free_or_low_cost_routes": [r.model_dump(mode="json") for r in routes],
        "sources": sources_json(catalog.cited(title, *routes)),
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
                "id": s.role,
                "role": s.role,
                "name": catalog.role(s.role).name,
                "score": s.score,
                "points": s.points,
                "evidence": {group: round(float(fit), 3) for group, fit in s.parts},
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
        "tie": list(rec.tie),
        "tie_note": (questionnaire.tie or questionnaire.close_call).text if rec.tie else None,
        "decided_by": [
            {
                "question": d.question,
                "prompt": next(q.prompt for q in questionnaire.questions if q.id == d.question),
                "favours": {role: list(options) for role, options in d.favours},
            }
            for d in rec.deciders
        ],
        "score_meaning": questionnaire.score_meaning,
        "answers": to_mapping(questionnaire, answers),
        "decision": questionnaire.decision,
        "method": questionnaire.method,
    }


def understood_json(described: Described) -> dict[str, Any]:
    """What a description gave: each answer with the words behind it, and what it left open."""
    return {
        "understood": [
            {"question": u.question, "answer": u.answer, "because": "; ".join(u.because)}
            for u in described.used
        ],
        "not_understood": list(described.still_open),
    }


def recommendation_json(
    catalog: Catalog, answers: Answers, rec: Recommendation, described: Described | None = None
) -> dict[str, Any]:
    """The stable --json shape of `advisor recommend`; `understood` and
    `not_understood` only when a description was read."""
    from advisor.views.routes import advice_facts, advice_for

    top = catalog.role(rec.top.role)
    advice = advice_for(catalog, answers, top.id)
    # the same sources the screen lists (each route's cost and first way to reach it);
    # a route's other facts keep their source ids, listed in full by `advisor routes --json`
    routes_cited = advice_facts(advice)
    return {
        **(understood_json(described) if described is not None else {}),
        **ranking_json(catalog, catalog.questionnaire, answers, rec),
        "next_steps": {
            "find_one": [f.text for f in top.find_one],
            "who_pays": top.who_pays.text,
            "typical_cost": top.typical_cost.text,
            "questions_to_ask": [f.text for f in top.questions_to_ask],
        },
        "routes": [r.model_dump(mode="json") for r in advice.routes],
        "paid_privately_note": advice.warning.model_dump(mode="json") if advice.warning else None,
        "sources": sources_json(recommendation_sources(catalog, rec, routes=routes_cited)),
        **about(catalog),
    }


def comparison_json(catalog: Catalog, c: Comparison) -> dict[str, Any]:
    """The roles' data side by side, aspect by aspect, with what they share."""
    aspect_ids = {a.label: a.id for a in ASPECTS}
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
            {
                "id": aspect_ids.get(label, label),
                "label": label,
                "aspect": label,
                "values": {r.id: v for r, v in values},
            }
            for label, values in c.differences
        ],
        "disagreements": [d.model_dump(mode="json") for d in c.disagreements],
        "titles_used_loosely": catalog.knowledge.loose_titles.model_dump(mode="json"),
        "sources": sources_json(comparison_sources(catalog, c)),
        **about(catalog),
    }


def career_json(catalog: Catalog, answers: Answers, rec: Recommendation) -> dict[str, Any]:
    return {
        **ranking_json(catalog, catalog.career, answers, rec),
        "careers": {
            r.id: {a.id: [f.model_dump(mode="json") for f in a.facts(r)] for a in CAREER_ASPECTS}
            for r in catalog.roles
        },
        "sources": sources_json(career_sources(catalog, rec)),
        **about(catalog),
        "disclaimer": catalog.career.disclaimer or catalog.knowledge.disclaimer,
    }


def map_json(catalog: Catalog, answers: Answers) -> dict[str, Any]:
    x, y = person_position(catalog.questionnaire, answers)
    return {
        "axes": {
            "x": "works for the system (-1) to works for the patient (+1)",
            "y": "one episode (-1) to ongoing (+1)",
        },
        "roles": [
            {"id": r.id, "role": r.id, "name": r.name, **r.position.model_dump(mode="json")}
            for r in catalog.roles
        ],
        "you": None if x is None and y is None else {"x": x, "y": y},
        **about(catalog),
    }
