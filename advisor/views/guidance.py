"""When every answer is "not sure": no role is picked; instead the two or three
questions that would decide it, and how the roles differ on them."""

from __future__ import annotations

from advisor.knowledge.catalog import Catalog
from advisor.knowledge.questions import Option, Question, Questionnaire
from advisor.views.blocks import Block, Bullets, Document, Paragraph, Section, SourceList
from advisor.views.citing import cite

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


def undecided_document(
    catalog: Catalog, questionnaire: Questionnaire, command: str, with_roles: bool = True
) -> Document:
    """Guidance for a person who answered "not sure" to everything; `with_roles`
    adds the roles in one line each (the terminal shows the map instead)."""
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
            Paragraph(""),
            Paragraph(question.prompt, "bold"),
            Bullets(tuple(f"{o.label}: points to {_favours(catalog, o)}" for o in options)),
        ]
    blocks += [Paragraph(""), Paragraph(f"Run it again and answer one of these: advisor {command}")]
    k = catalog.knowledge
    sections = [Section("What would decide it", tuple(blocks), highlight=True)]
    if with_roles:
        roles = tuple(f"{r.name}: {cite(r.focus)}" for r in catalog.roles)
        sections += [
            Section("The four roles in one line each", (Bullets(roles),)),
            Section(
                f"Sources (read on {k.as_of.isoformat()}; page dates vary)",
                (SourceList(tuple(catalog.sources.values())),),
            ),
        ]
    sections.append(Section("", (Paragraph(k.disclaimer, "dim"),)))
    return Document("advisor: not enough to go on yet", tuple(sections))
