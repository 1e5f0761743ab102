"""When every answer is "not sure": no role is picked; instead the two or three
questions that would decide it, and how the roles differ on them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from advisor.document import (
    Block,
    Bullets,
    Command,
    Document,
    Paragraph,
    Section,
    SourceList,
    Spacer,
    View,
)
from advisor.knowledge.catalog import Catalog
from advisor.knowledge.questions import Option, Question, Questionnaire
from advisor.views.citing import cite, number_word
from advisor.views.data import about

if TYPE_CHECKING:
    from advisor.describe import Described

DECIDING = 3  # questions shown
OPTIONS_EACH = 4  # answers shown for each question


def _spread(option: Option) -> int:
    """How far apart an answer pushes the roles: the largest effect minus the smallest."""
    weights = [e.weight for e in option.effects] or [0]
    return max(*weights, 0) - min(*weights, 0)


def deciding_questions(questionnaire: Questionnaire) -> list[Question]:
    """The questions whose answers move the roles furthest apart, in data order."""
    ranked = sorted(
        (q for q in questionnaire.questions if any(o.effects for o in q.options)),
        key=lambda q: -max(_spread(o) for o in q.options),
    )
    chosen = ranked[:DECIDING]
    return [q for q in questionnaire.questions if q in chosen]


def _favours(catalog: Catalog, option: Option) -> str:
    best = max((e.weight for e in option.effects), default=0)
    names = [catalog.role(e.role).name.lower() for e in option.effects if e.weight == best]
    return ", ".join(names)


def unanswered(questionnaire: Questionnaire, answers: Mapping[str, Sequence[str]]) -> list[str]:
    """The questions that move a score and were not answered at all (not even "not sure")."""
    return [
        q.id
        for q in questionnaire.questions
        if not answers.get(q.id) and any(o.effects for o in q.options)
    ]


def opening(
    questionnaire: Questionnaire,
    answers: Mapping[str, Sequence[str]],
    described: Described | None = None,
) -> str:
    """Why no role stands out: nothing taken from the person's words, questions left
    unanswered (named, unless it is all of them), or every answer "not sure"."""
    open_ones = unanswered(questionnaire, answers)
    scored = [q for q in questionnaire.questions if any(o.effects for o in q.options)]
    telling = {q.id for q in scored}
    if described is not None and not any(u.question in telling for u in described.used):
        taken = {u.question for u in described.used}
        prompts = [q.prompt for q in questionnaire.questions if q.id in taken]
        said = described.note or (
            f"From your words I could answer only: {'; '.join(prompts)}"
            if prompts
            else "I could not take an answer from your words."
        )
        return (
            f"{said} So there is not enough to go on yet. Try saying where the person is, "
            "how long help is needed or what needs doing. Or answer one of the questions "
            "that tell the roles apart best:"
        )
    if len(open_ones) == len(scored):
        return (
            "No question was answered yet, so no role stands out. These questions tell "
            "the roles apart best. Answer even one of them to get a recommendation."
        )
    if open_ones:
        named = "; ".join(q.prompt for q in scored if q.id in open_ones)
        return (
            f'The answers given were "not sure", and these were not answered: {named} '
            "So no role stands out yet. These questions tell the roles apart best:"
        )
    return (
        'Every answer was "not sure", so no role stands out yet. That is fine. '
        "These questions tell the roles apart best. Answer even one of them "
        "to get a recommendation."
    )


def undecided_json(
    catalog: Catalog,
    questionnaire: Questionnaire,
    answers: Mapping[str, Sequence[str]],
    described: Described | None = None,
) -> dict[str, Any]:
    """The --json of a result with no pick: the deciding questions, the questions not
    answered, and with a description what was (not) understood and what would help."""
    from advisor.views.data import understood_json

    out: dict[str, Any] = {
        "undecided": True,
        "deciding_questions": [q.id for q in deciding_questions(questionnaire)],
        "unanswered": unanswered(questionnaire, answers),
        "guidance": opening(questionnaire, answers, described),
    }
    if described is not None:
        out.update(understood_json(described))
    return {**out, **about(catalog)}


def undecided_view(
    catalog: Catalog,
    questionnaire: Questionnaire,
    command: str,
    answers: Mapping[str, Sequence[str]] | None = None,
    described: Described | None = None,
) -> View:
    """No role stands out (every answer "not sure", or nothing understood from a
    description): what would decide it. On screen `recommend` shows the map of the
    roles; a report lists them in a line each."""
    with_map = questionnaire is catalog.questionnaire
    given = answers or {}
    return View(
        lambda: undecided_document(catalog, questionnaire, command, with_map, given, described),
        lambda: undecided_json(catalog, questionnaire, given, described),
        lambda: undecided_document(catalog, questionnaire, command, False, given, described),
    )


def undecided_document(
    catalog: Catalog,
    questionnaire: Questionnaire,
    command: str,
    with_map: bool = False,
    answers: Mapping[str, Sequence[str]] | None = None,
    described: Described | None = None,
) -> Document:
    """Guidance for a person whose answers decide nothing yet, then the roles: on the
    map (`with_map`), or in one line each."""
    blocks: list[Block] = [Paragraph(opening(questionnaire, answers or {}, described))]
    for question in deciding_questions(questionnaire):
        options = sorted(
            (o for o in question.options if o.effects and o.id != questionnaire.unsure),
            key=lambda o: -_spread(o),
        )[:OPTIONS_EACH]
        options = [o for o in question.options if o in options]  # keep the data's order
        blocks += [
            Spacer(),
            Paragraph(question.prompt, "strong"),
            Bullets(tuple(f"{o.label}: points to {_favours(catalog, o)}" for o in options)),
        ]
    blocks += [Spacer(), Command(f"advisor {command}", "Run it again and answer one of these:")]
    k = catalog.knowledge
    sections = [Section("What would decide it", tuple(blocks), highlight=True)]
    if with_map:
        from advisor.views.map import map_sections

        sections += map_sections(catalog, {})
    else:
        roles = tuple(cite(r.focus, f"{r.name}: ") for r in catalog.roles)
        heading = f"The {number_word(len(catalog.roles))} roles in one line each"
        sections.append(Section(heading, (Bullets(roles),)))
    sections.append(
        Section(
            f"Sources (read on {k.as_of.isoformat()}; page dates vary)",
            (SourceList(tuple(catalog.sources.values())),),
        )
    )
    sections.append(Section("", (Paragraph(k.disclaimer, "quiet"),)))
    return Document("advisor: not enough to go on yet", tuple(sections))
