"""Free and low-cost routes to the same kind of help (`routes.json`), and which of
them to offer a person: pure functions, no I/O, nothing printed.

Read only by the commands that show routes (`routes`, `show`, `recommend`), so
`roles` and `compare` never build these models.
"""

from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING, Annotated, Literal, NamedTuple

from pydantic import Field, ValidationInfo, model_validator

from advisor.knowledge.models import (
    Fact,
    Problem,
    Slug,
    Strict,
    Text,
    checked_already,
    known,
    name_problems,
    raise_problems,
    unknown,
)

if TYPE_CHECKING:
    from advisor.knowledge.questions import Questionnaire

CostValue = Literal["free", "included", "low-cost", "cost-sharing", "unknown"]
# Where a route matters most; a person's `setting` answer is matched against these.
SettingValue = Literal["home", "facility", "hospital", "nursing-home", "both"]
# Answers to `payment` after which a free route is offered first.
WANTS_FREE = frozenset({"covered", "not-sure"})


class Cost(Fact):
    """What the route costs the person, only as far as its sources say."""

    value: CostValue


class StandsIn(Fact):
    """Which of the four roles the route stands in for, and how far."""

    roles: Annotated[list[Slug], Field(min_length=1)]


class Route(Strict):
    id: Slug
    name: Text
    aliases: list[Text] = []
    what: Fact
    who: Fact
    needs: Annotated[list[Slug], Field(min_length=1)]  # the needs it serves, most central first
    settings: list[SettingValue] = []
    cost: Cost
    reach: Annotated[list[Fact], Field(min_length=1)]
    stands_in_for: StandsIn
    # Only for one group (veterans, people on Medicaid): counts half when ranking, since
    # we cannot tell whether the person belongs to it.
    narrow: bool = False

    @property
    def free(self) -> bool:
        return self.cost.value == "free"


class PaidPrivately(Fact):
    """A role that is usually paid for privately: said plainly when someone wants
    help that comes with their care or insurance."""

    role: Slug


class RouteBook(Strict):
    as_of: date
    scope: Text
    paid_privately: list[PaidPrivately] = []
    routes: list[Route]

    @model_validator(mode="after")
    def _cross_check(self, info: ValidationInfo) -> "RouteBook":
        """Names as for roles, ids unique, the roles named known; with the
        questionnaire in the context (`data check`; `Catalog.routes` runs
        `questionnaire_problems` itself), what must match it."""
        if checked_already(info):
            return self
        roles = [
            *(
                (("routes", ri, "stands_in_for", "roles", i), role_id)
                for ri, route in enumerate(self.routes)
                for i, role_id in enumerate(route.stands_in_for.roles)
            ),
            *((("paid_privately", i, "role"), p.role) for i, p in enumerate(self.paid_privately)),
        ]
        problems = [
            *name_problems("routes", self.routes, "route"),
            *unknown("role", roles, known(info, "roles")),
        ]
        questionnaire = info.context.get("questionnaire") if info.context else None
        if questionnaire is not None:
            problems += self.questionnaire_problems(questionnaire)
        raise_problems(self, problems)
        return self

    def questionnaire_problems(self, questionnaire: "Questionnaire") -> Iterator[Problem]:
        """The checks against the situation questionnaire: every need a route serves
        is one of its needs. The loader reads routes without the questionnaire for
        `show`, and runs these when a command first reads both."""
        known = questionnaire.needs()
        for ri, route in enumerate(self.routes):
            for ni, need in enumerate(route.needs):
                if need not in known:
                    yield (
                        ("routes", ri, "needs", ni),
                        f"unknown need {need!r} (see questions.json)",
                    )


class RouteAdvice(NamedTuple):
    """The routes to offer, best first, and a plain warning when the top role is
    usually paid privately although the person wants covered help."""

    routes: tuple[Route, ...]
    warning: PaidPrivately | None


def relevance(route: Route, needs: Iterable[str], setting: str | None = None) -> float:
    """How well a route serves these needs: a need early in the route's list (its
    core purpose) counts more than one at the end; a route tied to settings gains
    half a point where the person is, and loses half when one is at home and the
    other in a facility."""
    score = sum(1 / (route.needs.index(n) + 1) for n in set(needs) if n in route.needs)
    if setting and route.settings and setting not in ("both", "not-sure"):
        if setting in route.settings:
            score += 0.5
        elif (setting == "home") != ("home" in route.settings):
            score -= 0.5  # a home route for someone in a facility, or the other way round
    return score / 2 if route.narrow else score


def routes_for(
    book: RouteBook,
    needs: Sequence[str] = (),
    *,
    setting: str | None = None,
    payment: str | None = None,
    role: str | None = None,
    limit: int | None = None,
) -> tuple[Route, ...]:
    """Routes serving any of `needs` (or, with no needs, standing in for `role`)
    that fit at all (a home route for someone in hospital may not), most relevant
    first, except that the most relevant free route is moved to the front when
    payment is covered, not sure or unanswered. Ties keep the editors' order."""
    wanted = [n for n in needs if n != "not-sure"]
    if wanted:
        chosen = [r for r in book.routes if set(wanted) & set(r.needs)]
    elif role:
        chosen = [r for r in book.routes if role in r.stands_in_for.roles]
    else:
        chosen = list(book.routes)
    order = {r.id: i for i, r in enumerate(book.routes)}

    def key(route: Route) -> tuple[float, int]:
        fit = relevance(route, wanted, setting)
        if not wanted and role:
            fit += 1 / (route.stands_in_for.roles.index(role) + 1)
        return (-fit, order[route.id])

    ranked = sorted(chosen, key=key)
    if wanted or role:
        ranked = [r for r in ranked if key(r)[0] < 0]  # only routes that fit at all
    if payment is None or payment in WANTS_FREE:
        free = next((r for r in ranked if r.free), None)
        if free is not None:
            ranked.remove(free)
            ranked.insert(0, free)
    return tuple(ranked[:limit] if limit else ranked)


def advise(
    book: RouteBook,
    needs: Sequence[str],
    *,
    setting: str | None,
    payment: str | None,
    top_role: str,
    limit: int = 4,
) -> RouteAdvice:
    """What `recommend` adds to its next steps: routes for the person's needs (or
    for the top role when they named none), and the paid-privately warning."""
    routes = routes_for(book, needs, setting=setting, payment=payment, role=top_role, limit=limit)
    warning = None
    if payment == "covered":
        warning = next((p for p in book.paid_privately if p.role == top_role), None)
    return RouteAdvice(routes, warning)
