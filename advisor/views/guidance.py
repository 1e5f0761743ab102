"""When every answer is "not sure": no role is picked; instead the two or three
questions that would decide it, and how the roles differ on them."""

from __future__ import annotations

from advisor.document import Block, Bullets, Document, Paragraph, Section, SourceList, Spacer, View
from advisor.knowledge.catalog import Catalog
from advisor.knowledge.questions import Option, Question, Questionnaire
from advisor.views.citing import cite, number_word
from advisor.views.data import about

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


def undecided_view(catalog: Catalog, questionnaire: Questionnaire, command: str) -> View:
    """Every answer "not sure": what would decide it. On screen `recommend` shows
    the map of the roles; a report lists them in a line each."""
    with_map = questionnaire is catalog.questionnaire
    return View(
        lambda: undecided_document(catalog, questionnaire, command, with_map=with_map),
        lambda: {
            "undecided": True,
            "deciding_questions": [q.id for q in deciding_questions(questionnaire)],
            **about(catalog),
        },
        lambda: undecided_document(catalog, questionnaire, command),
    )


def undecided_document(
    catalog: Catalog, questionnaire: Questionnaire, command: str, with_map: bool = False
) -> Document:
    """Guidance for a person who answered "not sure" to everything, then the roles:
    on the map (`with_map`), or in one line each."""
    blocks: list[Block] = [
        Paragraph(
            'Every answer was "not sure", so no role stands out yet. That is fine: '
            "these questions tell the roles apart most. Answering even one of them "
            "gives a recommendation."
        )
    ]
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
    blocks += [Spacer(), Paragraph(f"Run it again and answer one of these: advisor {command}")]
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
