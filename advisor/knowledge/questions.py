"""Pydantic models for a questionnaire (`questions.json`, `career.json`).

Kept apart from the knowledge-base models so that `roles`, `show` and
`compare` neither build these models nor read the questions at start-up.
"""

from typing import Annotated, Literal

from pydantic import Field

from advisor.knowledge.models import Fact, Slug, SourceIds, Strict, Text

# Options advisor's commands already have (or that would confuse a reader next to
# them); a question's flag must not be one of these. A test checks that every
# built-in option of every command is listed here.
RESERVED_FLAGS = frozenset(
    {
        "help",
        "version",
        "data",
        "answers",
        "save",
        "report",
        "force",
        "no-input",
        "json",
        "markdown",
        "all",
        "aspect",
    }
)


class Effect(Strict):
    """How choosing an option moves one role's score, and why."""

    role: Slug
    weight: Annotated[int, Field(ge=-3, le=3)]
    why: Text
    sources: SourceIds


class Option(Strict):
    id: Slug
    label: Text
    effects: list[Effect] = Field(default_factory=list)
    map_x: Annotated[float | None, Field(ge=-1, le=1)] = None
    map_y: Annotated[float | None, Field(ge=-1, le=1)] = None


class Question(Strict):
    id: Slug
    flag: Slug
    kind: Literal["single", "multi"]
    prompt: Text
    help: Text
    options: Annotated[list[Option], Field(min_length=2)]

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)


class Questionnaire(Strict):
    decision: Text
    method: Text
    unsure: Slug
    scale: Annotated[float, Field(gt=0)]
    close_call_margin: Annotated[int, Field(ge=0, le=100)]
    close_call: Fact
    questions: Annotated[list[Question], Field(min_length=1)]
