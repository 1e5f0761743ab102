"""A plan a family can act on: what `recommend --report` writes first (the full
result follows it), and the few lines to send a family member (`--share`).

Every line comes from the data: the role and why, who pays and whom the helper
answers to, the first three calls in order with their deadlines and how to reach
them, and the questions to ask. What the data does not say is not made up: a
call with no time limit in its sources says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from advisor.document import Block, Bullets, Paragraph, Section
from advisor.views.answered import answer_line, answers_block, reasons_block
from advisor.views.citing import cite
from advisor.views.steps import first_step_plan

if TYPE_CHECKING:
    from advisor.answers import Answers
    from advisor.describe import Described
    from advisor.knowledge.catalog import Catalog
    from advisor.knowledge.models import Fact
    from advisor.knowledge.routes import Route, RouteAdvice
    from advisor.scoring import Recommendation

CALLS = 3  # the first calls a plan lists, in order
NO_DEADLINE = "No time limit is named in our sources."


def plan_calls(
    catalog: Catalog, answers: Answers, rec: Recommendation, advice: RouteAdvice
) -> list[Route | Fact]:
    """The first calls in order: the short result's first steps, then the other
    routes for these answers, then the ways to find the role, up to CALLS."""
    calls: list[Route | Fact] = []
    for step in first_step_plan(catalog, answers, rec):
        if step.route is not None:
            calls.append(step.route)
        elif step.find is not None:
            calls.append(step.find)
    calls += [r for r in advice.routes if r not in calls]
    calls += [f for f in catalog.role(rec.top.role).find_one if f not in calls]
    return calls[:CALLS]


def _needs_said(catalog: Catalog, answers: Answers, route: Route) -> list[str]:
    """The person's own needs this route serves, in their questionnaire's words."""
    q = catalog.questionnaire
    labels = []
    for question in q.questions:
        if question.kind != "multi":
            continue
        worded = q.worded(question, answers)
        labels += [worded.label(a) for a in answers.get(question.id, ()) if a in route.needs]
    return labels


def call_blocks(
    catalog: Catalog, answers: Answers, number: int, call: Route | Fact, advice: RouteAdvice
) -> list[Block]:
    """One call: whom to call, by when, what to say, how to reach them, who can use it."""
    from advisor.knowledge.models import Fact
    from advisor.knowledge.routes import Route, condition_text

    if isinstance(call, Fact) and not isinstance(call, Route):
        return [Paragraph(f"{number}. Find one yourself", "strong"), Bullets((cite(call),))]
    route = call
    condition = condition_text(route, advice.situation)
    items = [
        cite(route.act_by, "By when: ") if route.act_by else NO_DEADLINE,
    ]
    needs = _needs_said(catalog, answers, route)
    if needs:
        items.append(
            "What to say: you are calling for help with "
            + "; ".join(n[0].lower() + n[1:] for n in needs)
            + "."
        )
    items += [
        *(cite(f, "How to reach them: " if i == 0 else "Or: ") for i, f in enumerate(route.reach)),
        cite(route.who, "Who can use it: "),
        cite(route.cost, "Cost: "),
    ]
    title = f"{number}. {route.name}" + (f" ({condition})" if condition else "")
    return [Paragraph(title, "strong"), Bullets(tuple(items))]


def plan_sections(
    catalog: Catalog,
    answers: Answers,
    rec: Recommendation,
    advice: RouteAdvice,
    described: Described | None,
) -> list[Section]:
    """The plan: the situation, the role and why, who pays, the first calls,
    the questions to ask."""
    from advisor.views.routes import paid_privately_text

    q = catalog.questionnaire
    top = catalog.role(rec.top.role)
    situation: list[Block] = []
    if described is not None and described.text:
        situation.append(Paragraph(f"In your words: \u201c{described.text.strip()}\u201d"))
    situation.append(answers_block(q, answers))
    why = [r for r in rec.top.reasons if r.weight > 0][:3] + [
        r for r in rec.top.reasons if r.weight < 0
    ][:1]
    role = Section(
        answer_line(catalog, rec, "The kind of help"),
        (Paragraph(cite(top.summary)), Paragraph("Why:"), reasons_block(q, tuple(why), answers)),
        highlight=True,
    )
    pays: list[Block] = [
        Paragraph(cite(top.who_pays, "Who pays: ")),
        Paragraph(cite(top.works_for, "Whom they answer to: ")),
    ]
    if advice.warning is not None:
        pays.append(Paragraph(paid_privately_text(catalog, advice.warning, advice.situation)))
    calls: list[Block] = []
    for number, call in enumerate(plan_calls(catalog, answers, rec, advice), start=1):
        calls += call_blocks(catalog, answers, number, call, advice)
    return [
        Section("What is going on", tuple(situation)),
        role,
        Section("Who pays, and whom they answer to", tuple(pays)),
        Section("The first calls, in order", tuple(calls)),
        Section(
            "Questions to ask",
            (Bullets(tuple(cite(f) for f in top.questions_to_ask)),),
        ),
    ]


def share_text(catalog: Catalog, answers: Answers, rec: Recommendation, advice: RouteAdvice) -> str:
    """About five lines to send a sibling: the kind of help, the first two calls
    with their deadlines, and what this is (guidance, not advice)."""
    from advisor.document import plain
    from advisor.views.routes import lead

    top = catalog.role(rec.top.role)
    lines = [f"I looked into who can help. The kind of help that fits: {top.name.lower()}."]
    for number, call in enumerate(plan_calls(catalog, answers, rec, advice)[:2], start=1):
        from advisor.knowledge.routes import Route

        if isinstance(call, Route):
            lines.append(
                f"Call {number}: {plain(lead(call, advice.situation))}. {call.reach[0].text}"
            )
        else:
            lines.append(f"Step {number}: {call.text}")
    lines.append(f"Who pays: {top.who_pays.text}")
    lines.append("This is general guidance from advisor, not medical, legal or financial advice.")
    return "\n".join(lines)
