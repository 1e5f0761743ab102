"""How clear a result is, in words: a tie and what would decide it, a close call,
and what a score means. Plain strings and cited facts, no layout, so any view
(the full result, the short one, a report) can place them where it likes."""

from collections.abc import Mapping, Sequence
from typing import NamedTuple

from advisor.knowledge.catalog import Catalog
from advisor.knowledge.models import Fact
from advisor.knowledge.questions import Questionnaire
from advisor.scoring import Decider, Recommendation


class Verdict(NamedTuple):
    """`headline` is None when one role clearly leads."""

    headline: str | None
    note: Fact | None
    decided_by: tuple[str, ...]
    """One line per open question that would decide it, strongest first."""


def names(catalog: Catalog, role_ids: tuple[str, ...]) -> str:
    """'A and B', 'A, B and C'."""
    named = [catalog.role(r).name for r in role_ids]
    return named[0] if len(named) == 1 else f"{', '.join(named[:-1])} and {named[-1]}"


def decider_line(
    catalog: Catalog,
    questionnaire: Questionnaire,
    decider: Decider,
    most: int = 2,
    answers: Mapping[str, Sequence[str]] | None = None,
) -> str:
    """'Where is the person? "At home": care manager. "In hospital …" and more: case
    manager.' Each answer and the role it points to is a sentence of its own, in
    the words for whom the help is for."""
    question = next(q for q in questionnaire.questions if q.id == decider.question)
    question = questionnaire.worded(question, answers or {})
    parts = []
    for role, option_ids in decider.favours:
        labels = [f'"{o.label}"' for i in option_ids[:most] if (o := question.option(i))]
        more = " and more" if len(option_ids) > most else ""
        parts.append(f"{' or '.join(labels)}{more}: {catalog.role(role).name.lower()}.")
    return f"{question.prompt} {' '.join(parts)}"


def verdict(
    catalog: Catalog,
    questionnaire: Questionnaire,
    rec: Recommendation,
    most: int = 3,
    answers: Mapping[str, Sequence[str]] | None = None,
) -> Verdict:
    """The words for a tie or a close call, with up to `most` deciding questions
    (worded for whom the help is for, as far as `answers` say)."""
    lines = tuple(
        decider_line(catalog, questionnaire, d, answers=answers) for d in rec.deciders[:most]
    )
    if rec.tie:
        headline = (
            f"A tie: {names(catalog, rec.tie)} fit your answers equally well "
            f"({rec.top.score}/100 each)."
        )
        return Verdict(headline, questionnaire.tie or questionnaire.close_call, lines)
    if rec.close_call:
        top, second = catalog.role(rec.top.role).name, catalog.role(rec.runner_up.role).name
        headline = (
            f"A close call: {top} ({rec.top.score}) only just leads {second} "
            f"({rec.runner_up.score})."
            if rec.top.score != rec.runner_up.score
            else f"A close call: {top} and {second} both score {rec.top.score}; "
            f"{top} is ahead by less than a point."
        )
        return Verdict(headline, questionnaire.close_call, lines)
    return Verdict(None, None, ())


def decided_by_intro(rec: Recommendation) -> str:
    return "What would decide it:" if rec.tie else "What could change it:"


def unsaid(questionnaire: Questionnaire, rec: Recommendation) -> tuple[str, ...]:
    """What a part of the evidence left unanswered means for the scores
    (e.g. no needs given: no role can score high yet)."""
    answered = set(rec.answered)
    return tuple(
        group.unanswered
        for group in questionnaire.groups
        if group.unanswered
        and not any(q.id in answered for q in questionnaire.questions if q.group == group.id)
    )
