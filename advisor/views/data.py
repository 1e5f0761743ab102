"""The parts of `--json` that several views share: the closing keys every output
ends with, sources, the ranking behind `recommend` and `career`, and what was
understood from a description.

Each view builds its own JSON beside its document (a View), from the same facts.
Their shapes, and the vocabulary they share, are described in
render/json_shapes.py (the JSON Schema of `advisor schema COMMAND`); a test
keeps the two in step.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import BaseModel

    from advisor.answers import Answers
    from advisor.describe import Described
    from advisor.knowledge.catalog import Catalog
    from advisor.knowledge.models import Source
    from advisor.knowledge.questions import Questionnaire
    from advisor.scoring import Recommendation


def about(catalog: Catalog) -> dict[str, Any]:
    """The keys every output ends with."""
    k = catalog.knowledge
    return {
        "version": k.version,
        "as_of": k.as_of.isoformat(),
        "disclaimer": k.disclaimer,
        "scope": k.scope,
    }


def sources_json(sources: list[Source]) -> list[dict[str, Any]]:
    return [s.model_dump(mode="json") for s in sources]


def dumped(models: Sequence[BaseModel]) -> list[dict[str, Any]]:
    return [m.model_dump(mode="json") for m in models]


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
                        # the answer as it reads, worded for whom the help is for
                        "label": _label(questionnaire, answers, r.question, r.answer),
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
                "prompt": _prompt(questionnaire, d.question, answers),
                "favours": {role: list(options) for role, options in d.favours},
            }
            for d in rec.deciders
        ],
        "score_meaning": questionnaire.score_meaning,
        "answers": to_mapping(questionnaire, answers),
        "decision": questionnaire.decision,
        "method": questionnaire.method,
    }


def _prompt(questionnaire: Questionnaire, question_id: str, answers: Answers) -> str:
    question = questionnaire.question(question_id)
    return questionnaire.worded(question, answers).prompt if question else question_id


def _label(questionnaire: Questionnaire, answers: Answers, question_id: str, option: str) -> str:
    question = questionnaire.question(question_id)
    return questionnaire.worded(question, answers).label(option) if question else option


def understood_json(described: Described) -> dict[str, Any]:
    """What a description gave: each answer with the words behind it, and what it left open."""
    return {
        "understood": [
            {"question": u.question, "answer": u.answer, "because": "; ".join(u.because)}
            for u in described.used
        ],
        "not_understood": list(described.still_open),
        "set_aside": [
            {"question": a.question, "answer": a.answer, "words": a.words, "why": a.why}
            for a in described.set_aside
        ],
        "language": described.language or None,
        "languages": list(described.languages),
    }
