"""The shape of every command's `--json`, as pydantic models, for JSON Schema.

Each view (advisor/views/) builds its output as plain dictionaries (cheap at start-up);
these models describe it so that `advisor schema COMMAND` can print a JSON
Schema generated from them rather than written by hand. A test validates each
command's real output against its model with unknown keys forbidden, so the
two cannot drift apart.

One vocabulary across commands: keys are snake_case words; every object that
stands for a role has `id` (the role id) and `name`; anything in kebab-case is
an id from the knowledge base (role, question, option, aspect, source), either
as a value or as the key of a map keyed by those ids (`answers`, `values`,
`careers`, `favours`). Keys are only ever added, never renamed: `role` beside
`id` in rankings and on the map is the older name, kept for scripts.
"""

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from advisor.knowledge.models import (
    Credential,
    Disagreement,
    Fact,
    LooseTitle,
    OccupationCode,
    Position,
    Role,
    Salary,
    Source,
    Timeframe,
    TimeframeValue,
    Variant,
    WorksFor,
    WorksForValue,
)
from advisor.knowledge.routes import PaidPrivately, Route
from advisor.knowledge.titles import Title

# A cited fact of any kind, as the aspects of `compare` and `career` list them.
AnyFact = OccupationCode | Credential | Salary | Variant | LooseTitle | WorksFor | Timeframe | Fact


class Shape(BaseModel):
    model_config = ConfigDict(extra="forbid")


class About(Shape):
    """Which knowledge base answered, and its disclaimer (in every output)."""

    version: str
    as_of: date
    disclaimer: str
    scope: str = Field(description="where the facts hold, e.g. United States")


class RoleSummary(Shape):
    id: str
    name: str
    aliases: list[str]
    works_for: WorksForValue
    timeframe: TimeframeValue
    focus: str


class RolesOutput(About):
    """`advisor roles --json`."""

    roles: list[RoleSummary]
    titles_used_loosely: Fact


class ShowOutput(Role):
    """`advisor show ROLE --json`: the role as in roles.json, with its context."""

    model_config = ConfigDict(extra="forbid", frozen=False)

    kind: Literal["role"]
    disagreements: list[Disagreement]
    titles_used_loosely: Fact
    free_or_low_cost_alternatives: list[Route]
    free_or_low_cost_routes: list[Route]  # the same list, under the key titles use too
    sources: list[Source]
    version: str
    as_of: date
    disclaimer: str
    scope: str


class ShowTitleOutput(Title):
    """`advisor show TITLE --json`: another title people meet, not one of the four roles."""

    model_config = ConfigDict(extra="forbid", frozen=False)

    kind: Literal["other-title"]
    closest_role: str
    free_or_low_cost_routes: list[Route]
    sources: list[Source]
    version: str
    as_of: date
    disclaimer: str
    scope: str


class RoleRef(Shape):
    id: str
    name: str


class AspectRow(Shape):
    id: str
    label: str
    values: dict[str, list[AnyFact]] = Field(description="facts by role id")


class Difference(Shape):
    id: str = Field(description="the aspect id, e.g. works-for")
    label: str
    aspect: str = Field(description="the aspect's label (older key; same as label)")
    values: dict[str, str] = Field(description="each role's value, by role id")


class CompareOutput(About):
    """`advisor compare ... --json`."""

    roles: list[RoleRef]
    aspects: list[AspectRow]
    shared: list[Fact]
    differences: list[Difference]
    disagreements: list[Disagreement]
    titles_used_loosely: Fact
    sources: list[Source]


class Reason(Shape):
    question: str
    answer: str
    effect: int
    why: str
    label: str = Field(description="the answer as it reads, worded for whom the help is for")
    sources: list[str]


class Ranked(Shape):
    id: str
    role: str = Field(description="the role id (older key; same as id)")
    name: str
    score: int
    points: int
    evidence: dict[str, float] = Field(description="how fully each part of the evidence fits")
    reasons: list[Reason]


class Decider(Shape):
    question: str
    prompt: str
    favours: dict[str, list[str]] = Field(description="option ids that favour each role")


class Ranking(About):
    """What `recommend` and `career` share."""

    top: str
    runner_up: str
    ranking: list[Ranked]
    unanswered: list[str]
    close_call: bool
    close_call_note: str | None
    tie: list[str]
    tie_note: str | None
    decided_by: list[Decider]
    score_meaning: str
    answers: dict[str, str | list[str]] = Field(description="as in an answers file")
    decision: str
    method: str
    sources: list[Source]


class NextSteps(Shape):
    find_one: list[str]
    who_pays: str
    typical_cost: str
    questions_to_ask: list[str]


class Understood(Shape):
    question: str
    answer: str
    because: str


class SetAside(Shape):
    question: str
    answer: str
    words: str
    why: str = Field(description="negated, past, hypothetical, about someone else, another sense")


class RecommendOutput(Ranking):
    """`advisor recommend --json`; `understood` and `not_understood` with --describe only."""

    next_steps: NextSteps
    routes: list[Route] = Field(description="free or low-cost routes to try first")
    route_conditions: dict[str, str] = Field(
        default_factory=dict,
        description="by route id, the condition said before a route that may not apply",
    )
    paid_privately_note: PaidPrivately | None
    understood: list[Understood] | None = Field(default=None, description="with --describe")
    not_understood: list[str] | None = Field(default=None, description="with --describe")
    set_aside: list[SetAside] | None = Field(
        default=None, description="with --describe: cues found but not taken, and why"
    )
    language: str | None = Field(default=None, description="with --describe: en, es or none")
    languages: list[str] | None = Field(default=None, description="with --describe")


class RoutesOutput(About):
    """`advisor routes --json`."""

    routes: list[Route]
    sources: list[Source]


class CareerOutput(Ranking):
    """`advisor career --json`."""

    careers: dict[str, dict[str, list[AnyFact]]] = Field(
        description="each career's education, credentials, salary and codes, by role id"
    )


class Axes(Shape):
    x: str
    y: str


class MapRole(Position):
    model_config = ConfigDict(extra="forbid", frozen=False)

    id: str
    role: str = Field(description="the role id (older key; same as id)")
    name: str


class Point(Shape):
    x: float | None
    y: float | None


class MapOutput(About):
    """`advisor map --json`."""

    axes: Axes
    roles: list[MapRole]
    you: Point | None
    sources: list[Source] = Field(description="the sources of the roles' places (added in 0.2)")


OUTPUTS: dict[str, Any] = {
    "roles": RolesOutput,
    "show": ShowOutput | ShowTitleOutput,
    "compare": CompareOutput,
    "recommend": RecommendOutput,
    "career": CareerOutput,
    "map": MapOutput,
    "routes": RoutesOutput,
}


def validate_output(command: str, data: object) -> object:
    """`data` as the model of `command`'s output; ValidationError if it does not fit."""
    return TypeAdapter(OUTPUTS[command]).validate_python(data)


def output_schema(command: str) -> dict[str, Any]:
    """The JSON Schema of one command's `--json` output (what a script may receive)."""
    schema = TypeAdapter(OUTPUTS[command]).json_schema(mode="validation")
    title = f"advisor {command} --json"
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema, "title": title}
