"""Free and low-cost routes to the same kind of help (`routes.json`), and which of
them to offer a person: pure functions, no I/O, nothing printed.

A route says, as data, whom it serves: the needs it helps with, the options of
the setting and coverage questions it is for (the questions that `steer` those
parts in questions.json), and what it needs in plain words for when those
answers are not known. A route that a known answer rules out is never offered;
one whose deciding answer is unknown is offered with its condition said first.

Read only by the commands that show routes (`routes`, `show`, `recommend`), so
`roles` and `compare` never build these models.
"""

from collections.abc import Iterable, Iterator, Mapping, Sequence
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
    from advisor.knowledge.questions import Part, Questionnaire

CostValue = Literal["free", "included", "low-cost", "cost-sharing", "unknown"]
Fit = Literal["yes", "maybe", "no"]


class Cost(Fact):
    """What the route costs the person, only as far as its sources say."""

    value: CostValue


class StandsIn(Fact):
    """Which of the four roles the route stands in for, and how far."""

    roles: Annotated[list[Slug], Field(min_length=1)]


class Condition(Strict):
    """Whom a route is for, in plain words ("If they have Medicare"), said before the
    route when an answer that decides it is not known; `worded` holds it for each
    answer to the audience question (e.g. "me": "If you have Medicare")."""

    text: Text
    worded: dict[Slug, Text] = {}


class Route(Strict):
    id: Slug
    name: Text
    aliases: list[Text] = []
    what: Fact
    who: Fact
    needs: Annotated[list[Slug], Field(min_length=1)]  # the needs it serves, most central first
    # Options of the question that steers the setting (where the person is) and of the
    # one that steers coverage (how their care is covered) that the route serves; empty:
    # any. A known answer outside them rules the route out.
    settings: list[Slug] = []
    coverage: list[Slug] = []
    condition: Condition | None = None
    # The time limit to act by, if the route has one: shown on the route's first line.
    act_by: Fact | None = None
    cost: Cost
    reach: Annotated[list[Fact], Field(min_length=1)]
    stands_in_for: StandsIn
    # Only for one group (veterans, people on Medicaid): while the coverage answer is
    # unknown it is left out of the short result, since it would send most people astray.
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
        """The checks against the situation questionnaire, like needs: every need a
        route serves is one of its needs; its settings and coverage are options (or
        aliases) of the questions that steer those parts; a route for some of them
        only says so in words. The loader reads routes without the questionnaire for
        `show`, and runs these when a command first reads both."""
        known = questionnaire.needs()
        for ri, route in enumerate(self.routes):
            for ni, need in enumerate(route.needs):
                if need not in known:
                    yield (
                        ("routes", ri, "needs", ni),
                        f"unknown need {need!r} (see questions.json)",
                    )
        yield from route_condition_problems(self, questionnaire)


class Situation(NamedTuple):
    """What the answers say about the parts that decide routes: the option ids (with
    their aliases and the options they cover) of the setting and coverage answers,
    None when unknown; how help would be paid; whom the help is for."""

    settings: frozenset[str] | None = None
    coverage: frozenset[str] | None = None
    wants_free: bool = True  # covered help wanted, or payment not known: free routes first
    wants_covered: bool = False  # covered help wanted: a paid-privately role is said plainly
    audience: str | None = None


UNKNOWN = Situation()


def situation(questionnaire: "Questionnaire", answers: Mapping[str, Sequence[str]]) -> Situation:
    """The parts of `answers` that decide which routes fit, read through the questions
    the data names for them (`steers`); "not sure" and no answer are unknown alike."""
    payment = _chosen(questionnaire, answers, "payment")
    question = questionnaire.steering("payment")
    wants_covered = bool(
        question
        and payment
        and any((o := question.option(a)) is not None and o.wants_covered for a in payment)
    )
    who = answers.get(questionnaire.audience or "", ())
    return Situation(
        settings=_known(questionnaire, answers, "setting"),
        coverage=_known(questionnaire, answers, "coverage"),
        wants_free=not payment or wants_covered,
        wants_covered=wants_covered,
        audience=who[0] if len(who) == 1 else None,
    )


def _chosen(
    questionnaire: "Questionnaire", answers: Mapping[str, Sequence[str]], part: "Part"
) -> list[str]:
    question = questionnaire.steering(part)
    if question is None:
        return []
    given = (question.canonical(a) for a in answers.get(question.id, ()))
    return [a for a in given if a != questionnaire.unsure]


def _known(
    questionnaire: "Questionnaire", answers: Mapping[str, Sequence[str]], part: "Part"
) -> frozenset[str] | None:
    question = questionnaire.steering(part)
    chosen = _chosen(questionnaire, answers, part)
    if question is None or not chosen:
        return None
    ids = set(chosen)
    for answer in chosen:
        option = question.option(answer)
        ids.update(option.covers if option else ())
    names = set(ids)
    for option_id in ids:
        option = question.option(option_id)
        names.update(option.aliases if option else ())
    return frozenset(names)


def fit(route: Route, where: Situation) -> Fit:
    """ "no" when a known answer rules the route out, "maybe" when an answer that
    decides it is unknown, else "yes"."""
    result: Fit = "yes"
    for wanted, said in ((route.settings, where.settings), (route.coverage, where.coverage)):
        if not wanted:
            continue
        if said is None:
            result = "maybe"
        elif not said.intersection(wanted):
            return "no"
    return result


def condition_text(route: Route, where: Situation) -> str | None:
    """The route's condition in the words for whom the help is for, when it may not apply."""
    if route.condition is None or fit(route, where) != "maybe":
        return None
    return route.condition.worded.get(where.audience or "", route.condition.text)


class RouteAdvice(NamedTuple):
    """The routes to offer, best first, and a plain warning when the top role is
    usually paid privately although the person wants covered help."""

    routes: tuple[Route, ...]
    warning: PaidPrivately | None
    situation: Situation = UNKNOWN


def relevance(route: Route, needs: Iterable[str], where: Situation = UNKNOWN) -> float:
    """How well a route serves these needs: a need early in the route's list (its
    core purpose) counts more than one at the end; a route for the setting the person
    is in gains half a point; one that may not apply to them (an answer that decides
    it is unknown) counts three quarters, unless it has a deadline: a time limit
    missed is help lost, so it is said, with its condition, rather than left out."""
    score = sum(1 / (route.needs.index(n) + 1) for n in set(needs) if n in route.needs)
    if route.settings and where.settings and where.settings.intersection(route.settings):
        score += 0.5
    if route.act_by is None and fit(route, where) == "maybe":
        return score * 0.75
    return score


def routes_for(
    book: RouteBook,
    needs: Sequence[str] = (),
    *,
    where: Situation = UNKNOWN,
    role: str | None = None,
    unsure: str | None = None,
    limit: int | None = None,
) -> tuple[Route, ...]:
    """Routes serving any of `needs` (or, with no needs, standing in for `role`)
    that the known answers allow, most relevant first, except that the most relevant
    free route is moved to the front when covered help is wanted or payment is not
    known. `unsure` (the questionnaire's "not sure") is no need. Ties keep the
    editors' order."""
    wanted = [n for n in needs if n != unsure]
    if wanted:
        chosen = [r for r in book.routes if set(wanted) & set(r.needs)]
    elif role:
        chosen = [r for r in book.routes if role in r.stands_in_for.roles]
    else:
        chosen = list(book.routes)
    chosen = [r for r in chosen if fit(r, where) != "no"]
    order = {r.id: i for i, r in enumerate(book.routes)}

    def key(route: Route) -> tuple[float, int]:
        score = relevance(route, wanted, where)
        if not wanted and role:
            score += 1 / (route.stands_in_for.roles.index(role) + 1)
        return (-score, order[route.id])

    ranked = sorted(chosen, key=key)
    if wanted or role:
        ranked = [r for r in ranked if key(r)[0] < 0]  # only routes that fit at all
    if where.wants_free:
        free = next((r for r in ranked if r.free), None)
        if free is not None:
            ranked.remove(free)
            ranked.insert(0, free)
    return tuple(ranked[:limit] if limit else ranked)


def advise(
    book: RouteBook,
    needs: Sequence[str],
    *,
    where: Situation,
    top_role: str,
    unsure: str | None = None,
    limit: int = 4,
) -> RouteAdvice:
    """What `recommend` adds to its next steps: routes for the person's needs (or
    for the top role when they named none), and the paid-privately warning."""
    routes = routes_for(book, needs, where=where, role=top_role, unsure=unsure, limit=limit)
    warning = None
    if where.wants_covered:
        warning = next((p for p in book.paid_privately if p.role == top_role), None)
    return RouteAdvice(routes, warning, where)


def route_condition_problems(book: RouteBook, questionnaire: "Questionnaire") -> Iterator[Problem]:
    """How routes name the questions' options (checked like their needs): settings and
    coverage must be options (or aliases) of the questions that steer those parts, and
    a route for some of them only must say so in words, for when the answer is unknown."""
    audience = questionnaire.question(questionnaire.audience or "")
    for ri, route in enumerate(book.routes):
        steered: tuple[tuple[str, list[str], Part], ...] = (
            ("settings", route.settings, "setting"),
            ("coverage", route.coverage, "coverage"),
        )
        for field, values, part in steered:
            question = questionnaire.steering(part)
            if values and question is None:
                yield (
                    ("routes", ri, field),
                    f'no question steers {part!r} (add "steers": "{part}" to one in '
                    "questions.json)",
                )
                continue
            if question is None:
                continue
            names = {n for o in question.options for n in (o.id, *o.aliases)}
            for vi, value in enumerate(values):
                if value not in names - {questionnaire.unsure}:
                    yield (
                        ("routes", ri, field, vi),
                        f"unknown option {value!r} of question {question.id!r} "
                        "(see questions.json)",
                    )
        if (route.settings or route.coverage) and route.condition is None:
            yield (
                ("routes", ri, "condition"),
                "required when a route serves some settings or coverage only, to say so "
                "when the answer is not known",
            )
        for key in route.condition.worded if route.condition else ():
            if audience is None or audience.option(key) is None:
                yield (
                    ("routes", ri, "condition", "worded", key),
                    "not an answer to the audience question",
                )
