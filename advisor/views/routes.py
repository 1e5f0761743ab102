"""Free and low-cost routes: the `routes` command, and the routes shown on a
role's page, on another title's page and among a recommendation's next steps."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from advisor.document import Block, Bullets, Cite, Document, Paragraph, Run, Section, View, joined
from advisor.knowledge.catalog import Catalog
from advisor.knowledge.models import Fact, Role, Source
from advisor.knowledge.routes import WANTS_FREE, PaidPrivately, Route, RouteAdvice, advise
from advisor.views.citing import KIND_LABELS, cite, closing_sections
from advisor.views.data import about, dumped, sources_json

if TYPE_CHECKING:
    from advisor.answers import Answers

# The situation questions whose answers steer which routes come first.
SETTING_QUESTION = "setting"
PAYMENT_QUESTION = "payment"


def advice_for(catalog: Catalog, answers: Answers, top_role: str) -> RouteAdvice:
    """The routes for a recommendation: the person's needs (every multi-choice
    answer), where they are, and how they want to pay."""
    questionnaire = catalog.questionnaire
    needs = [a for q in questionnaire.questions if q.kind == "multi" for a in answers.get(q.id, ())]
    setting = next(iter(answers.get(SETTING_QUESTION, ())), None)
    payment = next(iter(answers.get(PAYMENT_QUESTION, ())), None)
    return advise(catalog.routes, needs, setting=setting, payment=payment, top_role=top_role)


def wants_free(answers: Answers) -> bool:
    """True when help should come with care or insurance, or payment is not known."""
    payment = answers.get(PAYMENT_QUESTION, ())
    return not payment or payment[0] in WANTS_FREE


def role_names(catalog: Catalog, role_ids: Sequence[str]) -> str:
    return ", ".join(catalog.role(r).name.lower() for r in role_ids)


def route_items(catalog: Catalog, route: Route) -> Bullets:
    """One route in full: what it is, who qualifies, cost, how to reach it."""
    return Bullets(
        (
            cite(route.what, "What it is: "),
            cite(route.who, "Who qualifies: "),
            cite(route.cost, "Cost to you: "),
            joined(
                *(cite(f, " " if i else "How to reach it: ") for i, f in enumerate(route.reach))
            ),
            cite(
                route.stands_in_for,
                f"Stands in for: {role_names(catalog, route.stands_in_for.roles)}. ",
            ),
        )
    )


def route_line(route: Route) -> tuple[Run, ...]:
    """One route in a line: its name, cost and first way to reach it."""
    return joined(cite(route.cost, f"{route.name}. Cost: "), cite(route.reach[0], " How: "))


COST_WORDS = {
    "free": "free",
    "included": "comes with your plan",
    "low-cost": "free or low cost",
    "cost-sharing": "your usual cost-sharing applies",
    "unknown": "cost not stated",
}


def route_short(route: Route) -> tuple[Run, ...]:
    """A route for the short result: its name, what it costs in a word or two
    (cited to the cost fact) and the first way to reach it."""
    cost, reach = route.cost, route.reach[0]
    value = COST_WORDS[cost.value]
    if cost.value == "free" and cost.kind == "inference":
        # "free (our inference)" claimed more than the fact ("no fee is mentioned in
        # the pages read"; the fast appeal's days in hospital may still cost you).
        value = "no fee named"
    word = f"{value}{KIND_LABELS.get(cost.kind, '')}"
    who = route.who  # who qualifies: a route only some people can use must say so up front
    sources = tuple(dict.fromkeys([*cost.sources[:1], *who.sources, *reach.sources]))
    return (
        f"{route.name} — {word}. For: {who.text}{KIND_LABELS.get(who.kind, '')} "
        f"{reach.text}{KIND_LABELS.get(reach.kind, '')}",
        Cite(sources),
    )


def paid_privately_text(catalog: Catalog, note: PaidPrivately) -> tuple[Run, ...]:
    """Said plainly: they want covered help, and the top role usually is not."""
    role = catalog.role(note.role).name.lower()
    said = (
        f"You said help should come with your care or insurance, but a {role} is usually "
        "paid for privately. "
    )
    return cite(note, said)


def route_facts(routes: Sequence[Route]) -> list[Fact]:
    return [f for r in routes for f in (r.what, r.who, r.cost, *r.reach, r.stands_in_for)]


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

    chosen = routes_for(catalog.routes, needs, payment="not-sure")
    if role is not None:
        chosen = tuple(r for r in chosen if role.id in r.stands_in_for.roles)
        if not needs:
            chosen = routes_for(catalog.routes, role=role.id, payment="not-sure")
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

    return routes_for(catalog.route_book, role=role.id, payment="not-sure")


def line_facts(routes: Sequence[Route]) -> list[Fact]:
    """The facts a route shows in one line (`route_line`): its cost and first way to reach it."""
    return [f for r in routes for f in (r.cost, r.reach[0])]


def alternatives_section(role: Role, routes: Sequence[Route]) -> Section:
    """`show ROLE`: the free or low-cost routes that stand in for this role."""
    lines = tuple(route_line(r) for r in routes)
    blocks: tuple[Block, ...] = (
        Bullets(lines) if lines else Paragraph("None in the knowledge base."),
        Paragraph(f"More: advisor routes --role {role.id}", "quiet"),
    )
    return Section("Free or low-cost alternatives", blocks)


def next_steps_sections(catalog: Catalog, advice: RouteAdvice) -> list[Section]:
    """The routes among a recommendation's next steps, with the plain warning
    when the top role is usually paid privately but help should be covered."""
    blocks: list[Block] = []
    if advice.warning is not None:
        blocks.append(Paragraph(paid_privately_text(catalog, advice.warning), "strong"))
    if advice.routes:
        blocks.append(Bullets(tuple(route_line(r) for r in advice.routes)))
        blocks.append(Paragraph("More: advisor routes --need NEED, or advisor routes", "quiet"))
    if not blocks:
        return []
    return [Section("Next steps: free or low-cost routes to the same help", tuple(blocks))]


def advice_facts(advice: RouteAdvice) -> list[Fact]:
    facts = line_facts(advice.routes)
    if advice.warning is not None:
        facts.append(advice.warning)
    return facts
