"""The person's answers said back to them: each answer in the words for whom the
help is for, each reason with the answer behind it, the role in one line. Shared
by the result, the plan to share and career mode."""

from __future__ import annotations

from advisor.answers import Answers
from advisor.document import Bullets, Cite
from advisor.knowledge.catalog import Catalog
from advisor.knowledge.questions import Questionnaire
from advisor.scoring import Reason, Recommendation
from advisor.views.verdict import names


def reasons_block(
    questionnaire: Questionnaire, reasons: tuple[Reason, ...], answers: Answers | None = None
) -> Bullets:
    """Each reason with the answer behind it, in the words for whom the help is for."""
    if not reasons:
        return Bullets(("None of your answers moved it.",))

    def said(r: Reason) -> str:
        question = questionnaire.question(r.question)
        if question is None:
            return r.answer
        return questionnaire.worded(question, answers or {}).label(r.answer)

    return Bullets(
        tuple(
            (
                f"{r.why} (you said: {said(r)})",
                Cite(tuple(r.sources)),
            )
            for r in reasons
        ),
        tuple(f"{r.weight:+d}" for r in reasons),
    )


def answers_block(questionnaire: Questionnaire, answers: Answers) -> Bullets:
    lines = []
    for question in questionnaire.questions:
        worded = questionnaire.worded(question, answers)  # "your care" or "their care"
        chosen = answers.get(question.id, ())
        given = "; ".join(worded.label(a) for a in chosen)
        lines.append(f"{worded.prompt} {given or 'Not sure / not answered'}")
    return Bullets(tuple(lines))


def answer_line(catalog: Catalog, rec: Recommendation, headline: str) -> str:
    """The role, and the close call or tie if there is one, in one line."""
    if rec.tie:
        return f"{headline}: a tie, {names(catalog, rec.tie)}"
    said = f"{headline}: {catalog.role(rec.top.role).name}"
    if rec.close_call:
        runner = catalog.role(rec.runner_up.role)
        said += f" (a close call with {runner.name.lower()}, {rec.runner_up.score}/100)"
    return said
