"""Pydantic models for the knowledge base: sources, cited facts and the roles.

Every model forbids unknown fields, so a typo in `data/` is an error rather
than a silently ignored fact. No `from __future__ import annotations` here:
pydantic would have to evaluate every annotation string, which costs start-up.
The questionnaires' models live in `questions.py`, imported only by the
commands that ask questions.

Every check is a validator, so pydantic reports every problem at once, each at
its place in the file. What one file names in another (sources, roles, routes,
role names, the questionnaire) comes in the validation context, which the
loader fills from the files it read before (`catalog.Known`); a check whose
context is missing is skipped (a model built outside the loader, or a file
that `advisor data check` could not read).
"""

from collections.abc import Container, Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

if TYPE_CHECKING:
    from advisor.knowledge.names import Named

from advisor.knowledge.names import name_problem, names_of, normalise

Loc = tuple[int | str, ...]
Problem = tuple[Loc, str]  # a cross-check's finding: where in the model, and what


def raise_problems(model: BaseModel, problems: Iterable[Problem]) -> None:
    """Raise every problem at once as one ValidationError; pydantic puts each under
    the model's own place in the file, so `roles[3].aliases[6]` comes out whole."""
    errors = [
        InitErrorDetails(
            type=PydanticCustomError("cross_check", "{problem}", {"problem": text}),
            loc=loc,
            input=None,
        )
        for loc, text in problems
    ]
    if errors:
        raise ValidationError.from_exception_data(type(model).__name__, errors)


def _quoted(value: str) -> str:
    from advisor.render.sanitise import quoted

    return quoted(value)


def checked_already(info: ValidationInfo) -> bool:
    """True for the bundled data: tests/test_knowledge_checks.py runs every check on
    it, so a run does not repeat them (as it does not parse it twice for keys
    given twice). Its fields are still validated."""
    return bool(info.context and info.context.get("bundled"))


def known_sources(ids: list[str], info: ValidationInfo) -> list[str]:
    """Cited ids must be in `sources.json`, which the loader passes as context.

    Checked while validating, so a bad citation is reported with its place in
    the file, and the loader need not walk every fact again afterwards.
    """
    known = info.context.get("sources") if info.context else None  # inline: called per citation
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


def context_value(info: ValidationInfo, key: str) -> Any:
    """What the loader passed as `key` (see the module docstring), or None."""
    return info.context.get(key) if info.context else None


def known(info: ValidationInfo, key: str) -> Container[str] | None:
    """The ids another file holds, as the loader passed them (see the module
    docstring); None when it did not, and the check that needs them is skipped."""
    value: Container[str] | None = info.context.get(key) if info.context else None
    return value


def unknown(
    kind: str, refs: Iterable[tuple[Loc, str]], ids: Container[str] | None
) -> Iterator[Problem]:
    """The places among `refs` that name a `kind` (role, route...) not in `ids`."""
    if ids is not None:
        for loc, ref in refs:
            if ref not in ids:
                yield loc, f"unknown {kind} {ref!r}"


def name_problems(
    field: str, items: "Iterable[Named]", kind: str, taken: dict[str, str] | None = None
) -> Iterator[Problem]:
    """The names people look up in the list `field`, with one rule for every file:
    each follows `names.name_problem`; no id is given twice; no name (however
    spelt) belongs to two items, or is already a role's (`taken`: folded name ->
    role id)."""
    owners: dict[str, str] = {}
    ids: set[str] = set()
    for index, item in enumerate(items):
        if item.id in ids:
            yield (field, index, "id"), f"duplicate {kind} id {item.id!r}"
            continue
        ids.add(item.id)
        for place, name in names_of(item):
            where = (field, index, *place)
            problem = name_problem(name)
            if problem:
                yield where, f"{_quoted(name)} {problem}"
                continue
            key = normalise(name)
            if taken is not None and key in taken:
                yield where, f"{_quoted(name)} is a name of role {taken[key]!r}"
                continue
            owner = owners.setdefault(key, item.id)
            if owner != item.id:
                yield where, f"{_quoted(name)} is already used by {kind} {owner!r}"


WorksForValue = Literal["institution", "patient", "depends"]
TimeframeValue = Literal["episodic", "ongoing", "as-needed"]


class Strict(BaseModel):
    # defer_build: a model's validator is built when it first validates, not on
    # import, so a run that reads a snapshot (knowledge/snapshot.py) builds none.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


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

    @model_validator(mode="after")
    def _cross_check(self, info: ValidationInfo) -> "KnowledgeBase":
        """Each role's names its own, its alias notes about its aliases, and
        disagreements about roles that exist."""
        if checked_already(info):
            return self
        disputed = (
            (("disagreements", di, "roles", ri), role_id)
            for di, dispute in enumerate(self.disagreements)
            for ri, role_id in enumerate(dispute.roles)
        )
        ids = {r.id for r in self.roles}
        problems = [
            *name_problems("roles", self.roles, "role"),
            *_alias_notes(self.roles),
            *unknown("role", disputed, ids),
        ]
        raise_problems(self, problems)
        return self


def _alias_notes(roles: list[Role]) -> Iterator[Problem]:
    """A note on where an alias comes from goes with one of its role's aliases."""
    for ri, role in enumerate(roles):
        aliases = {normalise(a) for a in role.aliases}
        for ni, note in enumerate(role.alias_notes):
            if normalise(note.alias) not in aliases:
                where = ("roles", ri, "alias_notes", ni, "alias")
                yield where, f"{_quoted(note.alias)} is not one of the role's aliases"


class SourceList(Strict):
    sources: Annotated[list[Source], Field(min_length=1)]

    @model_validator(mode="after")
    def _unique(self, info: ValidationInfo) -> "SourceList":
        if checked_already(info):
            return self
        seen: set[str] = set()
        problems = []
        for index, source in enumerate(self.sources):
            if source.id in seen:
                problems.append(((("sources", index, "id")), f"duplicate source id {source.id!r}"))
            seen.add(source.id)
        raise_problems(self, problems)
        return self
