"""Free and low-cost routes: the `routes` command, and the routes shown on a
role's page, on another title's page and among a recommendation's next steps."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from advisor.document import (
    Block,
    Bullets,
    Cite,
    Command,
    Document,
    Paragraph,
    Run,
    Section,
    View,
    joined,
)
from advisor.knowledge.catalog import Catalog
from advisor.knowledge.models import Fact, Role, Source
from advisor.knowledge.routes import (
    UNKNOWN,
    Cost,
    PaidPrivately,
    Route,
    RouteAdvice,
    Situation,
    advise,
    condition_text,
    situation,
)
from advisor.views.citing import cite, cite_plainly, closing_sections, hedged
from advisor.views.data import about, dumped, sources_json

if TYPE_CHECKING:
    from advisor.answers import Answers


def advice_for(catalog: Catalog, answers: Answers, top_role: str) -> RouteAdvice:
    """The routes for a recommendation: the person's needs (every multi-choice
    answer), and what the answers say about where they are, how their care is
    covered and how they want to pay (the questions the data names for these)."""
    questionnaire = catalog.questionnaire
    needs = [a for q in questionnaire.questions if q.kind == "multi" for a in answers.get(q.id, ())]
    return advise(
        catalog.routes,
        needs,
        where=situation(questionnaire, answers),
        top_role=top_role,
        unsure=questionnaire.unsure,
    )


def role_names(catalog: Catalog, role_ids: Sequence[str], last: str = ", ") -> str:
    names = [catalog.role(r).name.lower() for r in role_ids]
    return last.join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)


def route_items(catalog: Catalog, route: Route) -> Bullets:
    """One route in full: what it is, who qualifies, its deadline, cost, how to reach it."""
    items = [cite(route.what, "What it is: "), cite(route.who, "Who qualifies: ")]
    if route.act_by is not None:
        items.append(cite(route.act_by, "Deadline: "))
    items += [
        cite(route.cost, "Cost to you: "),
        joined(*(cite(f, " " if i else "How to reach it: ") for i, f in enumerate(route.reach))),
        cite(
            route.stands_in_for,
            f"Can do some of what a {role_names(catalog, route.stands_in_for.roles, ' or ')} "
            "does: ",
        ),
    ]
    return Bullets(tuple(items))


def lead(route: Route, where: Situation) -> tuple[Run, ...]:
    """How a route's line begins: its deadline first, so the time limit is on the
    line's first words, then its condition when it may not apply ("If they have
    Medicare:") and its name."""
    condition = condition_text(route, where)
    name = f"{condition}: {route.name}" if condition else route.name
    if route.act_by is None:
        return (name,)
    return joined(cite(route.act_by), f". {name}")


def route_line(route: Route, where: Situation = UNKNOWN) -> tuple[Run, ...]:
    """One route in a line: its condition, name and deadline, cost and first way to reach it."""
    return joined(lead(route, where), cite(route.cost, ". Cost: "), cite(route.reach[0], " How: "))


COST_WORDS = {
    "free": "free",
    "included": "usually no extra charge for members; ask the plan",
    "low-cost": "free or low cost",
    "cost-sharing": "you may pay part of the cost",
    "unknown": "not stated",
}
"""A route's cost in a word or two, for the short result (`route_short`)."""

PLAIN_COST = {
    # "free (our inference)" claimed more than the fact ("no fee is mentioned in the
    # pages read"; the fast appeal's days in hospital may still cost you).
    "inference": "we know of no charge",
    "estimate": "free, one source says",
}


def cost_words(cost: Cost) -> str:
    """What a route costs, said plainly: how sure it is is part of the words."""
    if cost.value == "free" and cost.kind in PLAIN_COST:
        return PLAIN_COST[cost.kind]
    return COST_WORDS[cost.value]


def route_short(route: Route, where: Situation = UNKNOWN) -> tuple[Run, ...]:
    """A route for the short result: its condition, name and deadline first, what it
    costs in a word or two (cited to the cost fact), who can use it and the first way
    to reach it; when any of these is an estimate or our inference, one plain
    "Check with them." at the end, not a label after each."""
    cost, reach = route.cost, route.reach[0]
    who = route.who  # who qualifies: a route only some people can use must say so up front
    sources = tuple(dict.fromkeys([*cost.sources[:1], *who.sources, *reach.sources]))
    unsure = any(f.kind != "fact" and not hedged(f.text) for f in (who, reach))
    return joined(
        lead(route, where),
        (
            f". Cost: {cost_words(cost)}. For: {who.text} {reach.text}"
            + (" Check with them." if unsure else ""),
            Cite(sources),
        ),
    )


def paid_privately_text(
    catalog: Catalog, note: PaidPrivately, where: Situation = UNKNOWN
) -> tuple[Run, ...]:
    """Said plainly: they want covered help, and the top role usually is not; their
    answer quoted in the words for whom the help is for ("their care")."""
    role = catalog.role(note.role).name.lower()
    questionnaire = catalog.questionnaire
    question = questionnaire.steering("payment")
    covered = next((o for o in question.options if o.wants_covered), None) if question else None
    if question is not None and covered is not None:
        audience = {questionnaire.audience or "": (where.audience,)} if where.audience else {}
        label = questionnaire.worded(question, audience).label(covered.id)
        said = f'You said "{label}", but a {role} is usually paid for privately. '
    else:
        said = f"You asked for covered help, but a {role} is usually paid for privately. "
    return cite_plainly(note, said)


def route_facts(routes: Sequence[Route]) -> list[Fact]:
    facts: list[Fact] = []
    for r in routes:
        deadline = [r.act_by] if r.act_by else []
        facts += [r.what, r.who, *deadline, r.cost, *r.reach, r.stands_in_for]
    return facts


def routes_view(catalog: Catalog, needs: Sequence[str], role: Role | None) -> View:
    """`advisor routes`: every route that serves these needs (and stands in for
    `role`), in full, on screen and in JSON."""
    routes = chosen_routes(catalog, needs, role)
    sources = catalog.cited(*route_facts(routes), catalog.knowledge.loose_titles)
    return View(
        lambda: routes_document(catalog, routes, needs, role, sources),
        lambda: {"routes": dumped(routes), "sources": sources_json(sources), **about(catalog)},
    )


def chosen_routes(catalog: Catalog, needs: Sequence[str], role: Role | None) -> tuple[Route, ...]:
    from advisor.knowledge.routes import routes_for

    chosen = routes_for(catalog.routes, needs, unsure=catalog.questionnaire.unsure)
    if role is not None:
        chosen = tuple(r for r in chosen if role.id in r.stands_in_for.roles)
        if not needs:
            chosen = routes_for(catalog.routes, role=role.id)
    return chosen


def routes_document(
    catalog: Catalog,
    routes: Sequence[Route],
    needs: Sequence[str],
    role: Role | None,
    sources: list[Source],
) -> Document:
    """Every route that matches, in full."""
    asked = []
    if needs:
        labels = catalog.questionnaire.needs()
        asked.append(f"for: {'; '.join(labels.get(n, n).lower() for n in needs)}")
    if role:
        asked.append(f"standing in for a {role.name.lower()}")
    intro = (
        f"Free and low-cost help in the {catalog.knowledge.scope}"
        + (f" ({'; '.join(asked)})" if asked else "")
        + ". Each says who qualifies, what it costs and how to reach it, only as far as "
        "its sources state; check with the service itself."
    )
    blocks: list[Block] = [Paragraph(intro)]
    if not routes:
        blocks.append(Paragraph("No route in the knowledge base matches."))
    sections = [Section("", tuple(blocks))]
    sections += [Section(r.name, (route_items(catalog, r),)) for r in routes]
    return Document("Free and low-cost routes", (*sections, *closing_sections(catalog, sources)))


def role_routes(catalog: Catalog, role: Role) -> tuple[Route, ...]:
    """The free or low-cost routes that stand in for this role."""
    from advisor.knowledge.routes import routes_for

    return routes_for(catalog.route_book, role=role.id)


def line_facts(routes: Sequence[Route]) -> list[Fact]:
    """The facts a route shows in one line (`route_line`): its deadline, cost and first
    way to reach it."""
    return [f for r in routes for f in ((r.act_by,) if r.act_by else ()) + (r.cost, r.reach[0])]


def alternatives_section(role: Role, routes: Sequence[Route]) -> Section:
    """`show ROLE`: the free or low-cost routes that stand in for this role."""
    lines = tuple(route_line(r) for r in routes)
    blocks: tuple[Block, ...] = (
        Bullets(lines) if lines else Paragraph("None in the knowledge base."),
        Command(f"advisor routes --role {role.id}", "More:"),
    )
    return Section("Free or low-cost alternatives", blocks)


def next_steps_sections(catalog: Catalog, advice: RouteAdvice) -> list[Section]:
    """The routes among a recommendation's next steps, with the plain warning
    when the top role is usually paid privately but help should be covered."""
    blocks: list[Block] = []
    if advice.warning is not None:
        blocks.append(
            Paragraph(paid_privately_text(catalog, advice.warning, advice.situation), "strong")
        )
    if advice.routes:
        blocks.append(Bullets(tuple(route_line(r, advice.situation) for r in advice.routes)))
        blocks.append(Command("advisor routes --need NEED", "More:", ("advisor routes",)))
    if not blocks:
        return []
    return [Section("Next steps: free or low-cost routes to the same help", tuple(blocks))]


def advice_facts(advice: RouteAdvice) -> list[Fact]:
    facts = line_facts(advice.routes)
    if advice.warning is not None:
        facts.append(advice.warning)
    return facts
