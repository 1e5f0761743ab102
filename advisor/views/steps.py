"""The first steps of a recommendation, in order: the best free or low-cost
route for the answers, a second one if it is free, and a way to find the role.
The short result, its closing block and the plan to share all start from these."""

from typing import NamedTuple

from advisor.answers import Answers
from advisor.knowledge.catalog import Catalog
from advisor.knowledge.models import Fact
from advisor.knowledge.routes import Route, fit
from advisor.scoring import Recommendation
from advisor.views.routes import advice_for

FIRST_STEPS = 2  # first steps in the short result (--details: all of them): the best
# route for these answers, a second one if it is free, and at least one way to find the role


class FirstStep(NamedTuple):
    """One of the first steps: a free or low-cost route, or a way to find the role."""

    route: Route | None = None
    find: Fact | None = None


def first_step_plan(catalog: Catalog, answers: Answers, rec: Recommendation) -> list[FirstStep]:
    """The first steps in order: the best free or low-cost route for these answers
    (knowledge #10), first when help should be covered or payment is not known,
    a second if it is free, and a way to find the top role."""
    top = catalog.role(rec.top.role)
    advice = advice_for(catalog, answers, top.id)
    # A route for one group only (veterans, people on Medicaid) waits for --details
    # while nothing said tells whether the person belongs to it: as the one first
    # step it would send a family with no veteran to the VA.
    where = advice.situation
    open_to_them = [r for r in advice.routes if not (r.narrow and fit(r, where) == "maybe")]
    shown = [
        FirstStep(route=r) for i, r in enumerate(open_to_them) if i == 0 or (i == 1 and r.free)
    ]
    steps = [FirstStep(find=f) for f in top.find_one[: max(1, FIRST_STEPS - len(shown))]]
    return [*shown, *steps] if where.wants_free else [*steps, *shown]
