"""Pydantic models for a questionnaire (`questions.json`, `career.json`).

Kept apart from the knowledge-base models so that `roles`, `show` and
`compare` neither build these models nor read the questions at start-up.
"""

from collections.abc import Mapping, Sequence
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, StringConstraints, model_validator

from advisor.knowledge.models import Fact, Slug, SourceIds, Strict, Text, known_sources

Condition = dict[Slug, Annotated[list[Slug], Field(min_length=1)]]

# The parts a question can play in choosing free routes (`Question.steers`): where the
# person is, how their care is covered, and how they would pay for help.
Part = Literal["setting", "coverage", "payment"]
PARTS: tuple[Part, ...] = ("setting", "coverage", "payment")

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
        "install-completion",
        "show-completion",
        "details",
        "no-pager",
        "describe",
        "role",
    }
)

# A cue: words that, found in a person's own description, point to an option
# (see advisor/describe.py for how they are read). `word*` is any word starting
# so, `a/b` either word, `...` up to two other words between two words; a
# hyphen joins two words (`long-term` is `long term`), but not in `a/b`.
_CUE_WORD = r"[a-z0-9]+(?:'[a-z0-9]+)*\*?"
_CUE_TOKEN = rf"(?:{_CUE_WORD}(?:/{_CUE_WORD})+|[a-z0-9]+(?:['-][a-z0-9]+)*\*?)"
Cue = Annotated[str, StringConstraints(pattern=rf"^{_CUE_TOKEN}(?: (?:\.\.\. )?{_CUE_TOKEN})*$")]


class Effect(Strict):
    """How choosing an option moves one role's score, and why.

    `when`/`unless` make the effect (and its printed reason) depend on another
    answer: it applies only when every `when` question was answered with one of
    the listed options, and not when any `unless` question was.
    """

    role: Slug
    weight: Annotated[int, Field(ge=-3, le=3)]
    why: Text
    sources: SourceIds
    when: Condition = {}
    unless: Condition = {}


class Option(Strict):
    id: Slug
    label: Text
    aliases: list[Slug] = []
    effects: list[Effect] = []
    map_x: Annotated[float | None, Field(ge=-1, le=1)] = None
    map_y: Annotated[float | None, Field(ge=-1, le=1)] = None
    cues: list[Cue] = []
    covers: list[Slug] = []
    # On the question that steers payment: this answer asks for help that comes with
    # the person's care or insurance (free routes first, a paid-privately role said plainly).
    wants_covered: bool = False


class Wording(Strict):
    """A question in the words that fit who the help is for (`Questionnaire.audience`):
    its prompt, its help and any option labels that change."""

    prompt: Text | None = None
    help: Text | None = None
    labels: dict[Slug, Text] = {}


class Question(Strict):
    id: Slug
    flag: Slug
    kind: Literal["single", "multi"]
    group: Slug = "situation"
    prompt: Text
    help: Text
    options: Annotated[list[Option], Field(min_length=2)]
    # Other spellings of the flag that work too, e.g. "license" beside "licence".
    flag_aliases: list[Slug] = []
    # The question in other words, keyed by an answer to the audience question
    # (e.g. "someone": "Where is the person you look after?").
    wording: dict[Slug, Wording] = {}
    # The part this question plays in choosing free routes, if any: routes name the
    # options of the `setting` and `coverage` questions they serve (routes.json).
    steers: Part | None = None

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)

    def label(self, option_id: str) -> str:
        """How an answer reads: its option's label, or the id if the data has none."""
        option = self.option(option_id)
        return option.label if option else option_id

    @model_validator(mode="after")
    def _cues_are_unambiguous(self) -> "Question":
        """A cue names one option of a question; `covers` names its other options."""
        seen: dict[str, str] = {}
        ids = {o.id for o in self.options}
        for option in self.options:
            for cue in option.cues:
                if seen.setdefault(cue, option.id) != option.id:
                    raise ValueError(f"cue {cue!r} is listed under {seen[cue]} and {option.id}")
            for other in option.covers:
                if other not in ids or other == option.id:
                    raise ValueError(f"{option.id}: covers {other!r}, not another option here")
                if self.kind == "multi":
                    raise ValueError(f"{option.id}: covers is for single-choice questions")
        return self

    def canonical(self, value: str) -> str:
        """The option id that `value` names: itself, or the option it is an alias of."""
        return next((o.id for o in self.options if value in o.aliases), value)


class Group(Strict):
    """A part of the evidence (e.g. the situation, or what the person needs).

    `weight` is its share of a score; `full` is how many points of one role's
    evidence in this part count as a complete answer (left out, it is the
    strongest answer to each single question plus two to each multiple one).
    """

    id: Slug
    weight: Annotated[float, Field(gt=0, le=1)]
    full: Annotated[int | None, Field(gt=0)] = None
    why: Text = "Every question counts alike."
    unanswered: Text | None = None
    """Said when no question of the group was answered (e.g. no needs given)."""
    sources: Annotated[list[Slug], AfterValidator(known_sources)] = []


class Questionnaire(Strict):
    decision: Text
    method: Text
    score_meaning: Text = (
        "50 means your answers say nothing either way; 100 that all of them point to it."
    )
    score_note: Text = "50: your answers say nothing either way"
    """The short form of `score_meaning`, beside the scores."""
    unsure: Slug
    scale: Annotated[float | None, Field(gt=0)] = None  # no longer used; older copies keep loading
    groups: list[Group] = Field(default_factory=lambda: [Group(id="situation", weight=1)])
    close_call_margin: Annotated[int, Field(ge=0, le=100)]
    close_call: Fact
    tie: Fact | None = None
    # The question (asked first) whose answer picks each question's `wording`.
    audience: Slug | None = None
    # Said at the end of this questionnaire's results instead of the knowledge
    # base's disclaimer (career.json: advice about work, not about care).
    disclaimer: Text | None = None
    questions: Annotated[list[Question], Field(min_length=1)]

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)

    def steering(self, part: Part) -> Question | None:
        """The question that plays `part` (setting, coverage, payment), if the data has one."""
        return next((q for q in self.questions if q.steers == part), None)

    @model_validator(mode="after")
    def _one_question_per_part(self) -> "Questionnaire":
        """Each part is played by one single-choice question at most."""
        seen: dict[str, str] = {}
        for question in self.questions:
            if question.steers is None:
                continue
            if question.kind != "single":
                raise ValueError(f"{question.id}: steers {question.steers!r}, so it must be single")
            if seen.setdefault(question.steers, question.id) != question.id:
                raise ValueError(
                    f"{question.id}: {seen[question.steers]} already steers {question.steers!r}"
                )
        return self

    def by_flag(self, name: str) -> Question | None:
        """The question with this flag (or another spelling of it), or this id:
        the keys an answers file, a query string and `intake.gather` accept."""
        for question in self.questions:
            if name in (question.flag, *question.flag_aliases):
                return question
        return self.question(name)

    def worded(self, question: Question, answers: Mapping[str, Sequence[str]]) -> Question:
        """`question` in the words for whom the help is for, as far as the answers say."""
        chosen = answers.get(self.audience or "", ())
        wording = question.wording.get(chosen[0]) if len(chosen) == 1 else None
        if wording is None:
            return question
        options = [
            o.model_copy(update={"label": wording.labels[o.id]}) if o.id in wording.labels else o
            for o in question.options
        ]
        return question.model_copy(
            update={
                "prompt": wording.prompt or question.prompt,
                "help": wording.help or question.help,
                "options": options,
            }
        )
