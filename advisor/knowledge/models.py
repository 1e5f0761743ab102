"""Pydantic models for the knowledge base: sources, cited facts and the roles.

Every model forbids unknown fields, so a typo in `data/` is an error rather
than a silently ignored fact. No `from __future__ import annotations` here:
pydantic would have to evaluate every annotation string, which costs start-up.
The questionnaires' models live in `questions.py`, imported only by the
commands that ask questions.
"""

from datetime import date
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, ValidationInfo
from pydantic_core import PydanticCustomError


def known_sources(ids: list[str], info: ValidationInfo) -> list[str]:
    """Cited ids must be in `sources.json`, which the loader passes as context.

    Checked while validating, so a bad citation is reported with its place in
    the file, and the loader need not walk every fact again afterwards.
    """
    known = info.context.get("sources") if info.context else None
    if known is None:  # sources.json itself, or a model built outside the loader
        return ids
    for source_id in ids:
        if source_id not in known:
            raise PydanticCustomError(
                "unknown_source",
                "unknown source {source_id} (see sources.json)",
                {"source_id": repr(source_id)},
            )
    return ids


# No control characters (newline and tab aside) and no bidirectional overrides in
# any text: they could hide links, retitle or clear a terminal, or reverse what
# a reader sees. The loader names the field (see NO_CONTROL_MESSAGE).
NO_CONTROL = "^[^\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]*$"
NO_CONTROL_MESSAGE = "contains a control character or a text-direction override; remove it"
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, pattern=NO_CONTROL)]
PlainText = Annotated[str, StringConstraints(pattern=NO_CONTROL)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
SourceIds = Annotated[list[Slug], Field(min_length=1), AfterValidator(known_sources)]
WorksForValue = Literal["institution", "patient", "depends"]
TimeframeValue = Literal["episodic", "ongoing", "as-needed"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Strict):
    """Where facts come from. `as_of` is the day the page was read (shown as "read on");
    `page_date` the page's own date (published or last updated), where it has one."""

    id: Slug
    kind: Literal["seed", "public"]
    reference: Text
    title: Text
    as_of: date
    page_date: date | None = None
    note: PlainText = ""


class Fact(Strict):
    """A statement shown to users, with the sources it rests on.

    `kind` keeps estimates and inferences from passing as established fact.
    """

    text: Text
    sources: SourceIds
    kind: Literal["fact", "estimate", "inference"] = "fact"


class WorksFor(Fact):
    value: WorksForValue


class Timeframe(Fact):
    value: TimeframeValue


class LooseTitle(Fact):
    title: Text


class AliasNote(Fact):
    """Where one of a role's other names comes from (or that no source uses it)."""

    alias: Text


class Credential(Fact):
    name: Text
    body: PlainText


class Salary(Fact):
    amount: int | None = Field(ge=0)


class MedianPay(Fact):
    """A dated median wage for an occupation code (e.g. BLS, May 2022), cited on its own:
    its source and kind differ from the code's."""

    amount: int = Field(ge=0)
    period: Literal["year", "hour"]
    reference: Text  # the reference month the figure is for, e.g. "May 2022"


class OccupationCode(Fact):
    system: Text
    code: Text
    title: Text
    match: Literal["closest", "nearest"]
    median_pay: list[MedianPay] = []


class Variant(Fact):
    name: Text
    works_for: WorksForValue


class Position(Fact):
    """Where a role sits on the map: x from system (-1) to patient (+1),
    y from one episode (-1) to ongoing (+1)."""

    x: Annotated[float, Field(ge=-1, le=1)]
    y: Annotated[float, Field(ge=-1, le=1)]


class Role(Strict):
    id: Slug
    name: Text
    aliases: list[Text]
    loose_titles: list[LooseTitle]
    alias_notes: list[AliasNote] = []
    summary: Fact
    works_for: WorksFor
    settings: Annotated[list[Fact], Field(min_length=1)]
    timeframe: Timeframe
    focus: Fact
    responsibilities: Annotated[list[Fact], Field(min_length=1)]
    limits: Annotated[list[Fact], Field(min_length=1)]
    education: Annotated[list[Fact], Field(min_length=1)]
    skills: Annotated[list[Fact], Field(min_length=1)]
    credentials: Annotated[list[Credential], Field(min_length=1)]
    who_pays: Fact
    typical_cost: Fact
    salary: Salary
    occupation_codes: Annotated[list[OccupationCode], Field(min_length=1)]
    find_one: Annotated[list[Fact], Field(min_length=1)]
    questions_to_ask: Annotated[list[Fact], Field(min_length=1)]
    variants: list[Variant]
    position: Position


class Disagreement(Strict):
    topic: Text
    roles: Annotated[list[Slug], Field(min_length=1)]
    positions: Annotated[list[Fact], Field(min_length=2)]


class KnowledgeBase(Strict):
    version: Text
    as_of: date
    scope: Text = "United States"  # where the facts hold (Medicare, U.S. law, SOC codes)
    disclaimer: Text
    loose_titles: Fact
    overlaps: Annotated[list[Fact], Field(min_length=1)]
    disagreements: list[Disagreement]
    roles: Annotated[list[Role], Field(min_length=2)]


class SourceList(Strict):
    sources: Annotated[list[Source], Field(min_length=1)]
