"""Free and low-cost routes, and other titles people meet, as documents: the
`routes` command, the alternatives on a role's page, the routes among a
recommendation's next steps, and the page `show` gives for a title."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from advisor.answers import Answers
from advisor.knowledge.catalog import Catalog, need_labels
from advisor.knowledge.models import Fact, Role
from advisor.knowledge.routes import (
    UNKNOWN,
    PaidPrivately,
    Route,
    RouteAdvice,
    Situation,
    advise,
    condition_text,
    situation,
)
from advisor.views.blocks import Block, Bullets, Document, Paragraph, Section
from advisor.views.citing import KIND_LABELS, cite, closing_sections

if TYPE_CHECKING:
    from advisor.knowledge.titles import Title


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
    items = [f"What it is: {cite(route.what)}", f"Who qualifies: {cite(route.who)}"]
    if route.act_by is not None:
        items.append(f"Deadline: {cite(route.act_by)}")
    items += [
        f"Cost to you: {cite(route.cost)}",
        "How to reach it: " + " ".join(cite(f) for f in route.reach),
        f"Can do some of what a {role_names(catalog, route.stands_in_for.roles, ' or ')} does: "
        f"{cite(route.stands_in_for)}",
    ]
    return Bullets(tuple(items))


def lead(route: Route, where: Situation) -> str:
    """How a route's line begins: its condition when it may not apply ("If they have
    Medicare:"), its name, and its deadline, so the time limit is never below the fold."""
    condition = condition_text(route, where)
    text = f"{condition}: {route.name}" if condition else route.name
    if route.act_by is not None:
        text += f" — {route.act_by.text}{KIND_LABELS.get(route.act_by.kind, '')}"
    return text


def route_line(route: Route, where: Situation = UNKNOWN) -> str:
    """One route in a line: its condition, name and deadline, cost and first way to reach it."""
    sources = list(route.act_by.sources) if route.act_by is not None else []
    cited = f" [{', '.join(sources)}]" if sources else ""
    return f"{lead(route, where)}.{cited} Cost: {cite(route.cost)} How: {cite(route.reach[0])}"


COST_WORDS = {
    "free": "free",
    "included": "usually no extra charge if you are a member; ask the plan",
    "low-cost": "free or low cost",
    "cost-sharing": "you may pay part of the cost",
    "unknown": "cost not stated",
}


def route_short(route: Route, where: Situation = UNKNOWN) -> str:
    """A route for the short result: its condition, name and deadline first, what it
    costs in a word or two (cited to the cost fact), who qualifies and the first way
    to reach it."""
    cost, reach = route.cost, route.reach[0]
    value = COST_WORDS[cost.value]
    if cost.value == "free" and cost.kind == "inference":
        # "free (our inference)" claimed more than the fact ("no fee is mentioned in
        # the pages read"; the fast appeal's days in hospital may still cost you).
        value = "no charge mentioned by any source"
    word = f"{value}{KIND_LABELS.get(cost.kind, '')}"
    who = route.who  # who qualifies: a route only some people can use must say so up front
    deadline = list(route.act_by.sources) if route.act_by is not None else []
    sources = ", ".join(dict.fromkeys([*deadline, *cost.sources[:1], *who.sources, *reach.sources]))
    return (
        f"{lead(route, where)}. Cost: {word}. For: {who.text}{KIND_LABELS.get(who.kind, '')} "
        f"{reach.text}{KIND_LABELS.get(reach.kind, '')} [{sources}]"
    )


def paid_privately_text(catalog: Catalog, note: PaidPrivately) -> str:
    """Said plainly: they want covered help, and the top role usually is not."""
    role = catalog.role(note.role).name.lower()
    return (
        f"You said help should come with your care or insurance, but a {role} is usually "
        f"paid for privately. {cite(note)}"
    )


def route_facts(routes: Sequence[Route]) -> list[Fact]:
    facts: list[Fact] = []
    for r in routes:
        deadline = [r.act_by] if r.act_by else []
        facts += [r.what, r.who, *deadline, r.cost, *r.reach, r.stands_in_for]
    return facts


def routes_document(
    catalog: Catalog, routes: Sequence[Route], needs: Sequence[str], role: Role | None
) -> Document:
    """`advisor routes`: every route that matches, in full."""
    asked = []
    if needs:
        labels = need_labels(catalog.questionnaire)
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
    sources = catalog.cited(*route_facts(routes), catalog.knowledge.loose_titles)
    return Document("Free and low-cost routes", (*sections, *closing_sections(catalog, sources)))


def alternatives_section(catalog: Catalog, role: Role) -> tuple[Section, list[Fact]]:
    """`show ROLE`: the free or low-cost routes that stand in for this role."""
    from advisor.knowledge.routes import routes_for

    routes = routes_for(catalog.route_book, role=role.id)
    lines = tuple(route_line(r) for r in routes)
    blocks: tuple[Block, ...] = (
        Bullets(lines) if lines else Paragraph("None in the knowledge base."),
        Paragraph(f"More: advisor routes --role {role.id}", "dim"),
    )
    return Section("Free or low-cost alternatives", blocks), shown_facts(routes)


def next_steps_sections(catalog: Catalog, advice: RouteAdvice) -> list[Section]:
    """The routes among a recommendation's next steps, with the plain warning
    when the top role is usually paid privately but help should be covered."""
    blocks: list[Block] = []
    if advice.warning is not None:
        blocks.append(Paragraph(paid_privately_text(catalog, advice.warning), "bold"))
    if advice.routes:
        blocks.append(Bullets(tuple(route_line(r, advice.situation) for r in advice.routes)))
        blocks.append(Paragraph("More: advisor routes --need NEED, or advisor routes", "dim"))
    if not blocks:
        return []
    return [Section("Next steps: free or low-cost routes to the same help", tuple(blocks))]


def shown_facts(routes: Sequence[Route]) -> list[Fact]:
    """The facts a route's line shows: its deadline, cost and first way to reach it."""
    return [f for r in routes for f in ((r.act_by,) if r.act_by else ()) + (r.cost, r.reach[0])]


def advice_facts(advice: RouteAdvice) -> list[Fact]:
    facts: list[Fact] = shown_facts(advice.routes)
    if advice.warning is not None:
        facts.append(advice.warning)
    return facts


def title_document(catalog: Catalog, title: Title) -> Document:
    """`show navigator`: another title, the role it is closest to and how it differs."""
    closest = catalog.role(title.closest.role)
    also = [catalog.role(r).name.lower() for r in title.closest.also]
    lead = f"Not one of the four roles. Closest to: {closest.name.lower()} ({closest.id})"
    if also:
        lead += f"; also like a {' and a '.join(also)}"
    sections = [
        Section(
            "In short",
            (
                *(
                    (Paragraph(f"Also called: {', '.join(title.aliases)}", "italic"),)
                    if title.aliases
                    else ()
                ),
                Paragraph(f"{lead}."),
                Paragraph(f"How it differs: {cite(title.closest)}"),
            ),
            highlight=True,
        ),
        Section("What it is", (Bullets(tuple(cite(f) for f in title.what)),)),
    ]
    routes = [r for r in catalog.route_book.routes if r.id in title.routes]
    if routes:
        sections.append(
            Section("Free or low-cost routes", (Bullets(tuple(route_line(r) for r in routes)),))
        )
    sections.append(
        Section(
            "More",
            (
                Paragraph(
                    f"advisor show {closest.id} (the closest role), "
                    f"advisor compare {closest.id} ROLE, advisor routes"
                ),
            ),
        )
    )
    facts = [*title.what, title.closest, *shown_facts(routes)]
    sources = catalog.cited(*facts, catalog.knowledge.loose_titles)
    sections += closing_sections(catalog, sources)
    return Document(f"{title.name} ({title.id})", tuple(sections))
