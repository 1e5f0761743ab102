"""Pydantic models for a questionnaire (`questions.json`, `career.json`).

Kept apart from the knowledge-base models so that `roles`, `show` and
`compare` neither build these models nor read the questions at start-up.
"""

from collections.abc import Iterator, Mapping, Sequence
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, StringConstraints, ValidationInfo, model_validator

from advisor.knowledge.models import (
    Fact,
    Loc,
    Problem,
    Slug,
    SourceIds,
    Strict,
    Text,
    checked_already,
    known,
    known_sources,
    raise_problems,
    unknown,
)

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
        "share",
        "role",
        "port",
        "host",
        "open",
    }
)

# A cue: words that, found in a person's own description, point to an option
# (see advisor/describe/ for how they are read). `word*` is any word starting
# so, `a/b` either word, `...` up to two other words between two words; a
# hyphen joins two words (`long-term` is `long term`), but not in `a/b`. Words
# are lower-case letters of any alphabet ("mamá") or digits.
_LETTER = r"[\p{Ll}\p{Lo}\p{Mn}0-9]"
_CUE_WORD = rf"{_LETTER}+(?:'{_LETTER}+)*\*?"
_CUE_TOKEN = rf"(?:{_CUE_WORD}(?:/{_CUE_WORD})+|{_LETTER}+(?:['-]{_LETTER}+)*\*?)"
CUE_PATTERN = rf"^{_CUE_TOKEN}(?: (?:\.\.\. )?{_CUE_TOKEN})*$"
# The reader's bounds (DEF-41): it reads a description in time linear in its length
# times the number of cues because no cue is longer than this.
CUE_MAX_WORDS = 8
CUE_MAX_GAPS = 3
CUE_MAX_CHOICES = 60  # words in one a/b/c place


def cue_within_limits(cue: str) -> str:
    """A cue longer than the reader's bounds is refused where the data is loaded."""
    places = cue.replace("-", " ").split()
    gaps = places.count("...")
    if gaps > CUE_MAX_GAPS:
        raise ValueError(f"a cue has at most {CUE_MAX_GAPS} '...' gaps; this one has {gaps}")
    if len(places) - gaps > CUE_MAX_WORDS:
        raise ValueError(
            f"a cue has at most {CUE_MAX_WORDS} words; this one has {len(places) - gaps}"
        )
    if any(p.count("/") >= CUE_MAX_CHOICES for p in places):
        raise ValueError(f"a cue's a/b/c place has at most {CUE_MAX_CHOICES} words")
    return cue


Cue = Annotated[str, StringConstraints(pattern=CUE_PATTERN), AfterValidator(cue_within_limits)]


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
    def _cross_check(self, info: ValidationInfo) -> "Question":
        if not checked_already(info):
            raise_problems(self, self._problems())
        return self

    def _problems(self) -> Iterator[Problem]:
        """Option ids and aliases name one option; a cue names one option, and
        `covers` others of a single-choice question; reworded labels are of real
        options; the flag is not one of advisor's own."""
        for where, flag in self.flags():
            if flag in RESERVED_FLAGS:
                yield where, f"--{flag} is one of advisor's own options; choose another flag"
        ids: set[str] = set()
        for oi, option in enumerate(self.options):
            if option.id in ids:
                yield ("options", oi, "id"), f"option id {option.id!r} repeats"
            ids.add(option.id)
        names = dict.fromkeys(ids, "")
        cues: dict[str, str] = {}
        for oi, option in enumerate(self.options):
            for ai, alias in enumerate(option.aliases):
                if alias in names:
                    where = ("options", oi, "aliases", ai)
                    yield where, f"an alias repeats an option id or alias: {alias!r}"
                names[alias] = option.id
            for ci, cue in enumerate(option.cues):
                if cues.setdefault(cue, option.id) != option.id:
                    yield (
                        ("options", oi, "cues", ci),
                        f"cue {cue!r} is listed under {cues[cue]} and {option.id}",
                    )
        for oi, option in enumerate(self.options):
            for ci, other in enumerate(option.covers):
                where = ("options", oi, "covers", ci)
                if other not in ids or other == option.id:
                    yield where, f"{option.id}: covers {other!r}, not another option here"
                elif self.kind == "multi":
                    yield where, f"{option.id}: covers is for single-choice questions"
        for key, wording in self.wording.items():
            for option_id in wording.labels:
                if option_id not in ids:
                    yield ("wording", key, "labels"), f"unknown option {option_id!r}"

    def flags(self) -> list[tuple[Loc, str]]:
        """The question's flag and its other spellings, each with its place."""
        return [
            (("flag",), self.flag),
            *((("flag_aliases", i), a) for i, a in enumerate(self.flag_aliases) if a != self.flag),
        ]

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

    def needs(self) -> dict[str, str]:
        """Each need a route may serve (the options of the multi-choice questions),
        with its label ("Fighting an insurance denial")."""
        return {
            o.id: o.label
            for q in self.questions
            if q.kind == "multi"
            for o in q.options
            if o.id != self.unsure
        }

    @model_validator(mode="after")
    def _cross_check(self, info: ValidationInfo) -> "Questionnaire":
        if checked_already(info):
            return self
        effects = (
            (("questions", qi, "options", oi, "effects", ei, "role"), effect.role)
            for qi, question in enumerate(self.questions)
            for oi, option in enumerate(question.options)
            for ei, effect in enumerate(option.effects)
        )
        raise_problems(self, [*self._problems(), *unknown("role", effects, known(info, "roles"))])
        return self

    def _problems(self) -> Iterator[Problem]:
        """Question ids and flags unique, each question with the `unsure` option and
        a known group, conditions and wordings that name real questions and options,
        group weights that add up to 1."""
        options: dict[str, set[str]] = {}
        flags: set[str] = set()
        for qi, question in enumerate(self.questions):
            if question.id in options:
                yield ("questions", qi, "id"), f"duplicate question {question.id!r}"
            options.setdefault(question.id, {o.id for o in question.options} - {self.unsure})
            for where, flag in question.flags():
                if flag in flags:
                    yield ("questions", qi, *where), f"another question has --{flag}"
                flags.add(flag)
            if not any(o.id == self.unsure for o in question.options):
                yield ("questions", qi, "options"), f"needs a {self.unsure!r} option"
        yield from self._group_problems()
        yield from self._condition_problems(options)
        yield from self._wording_problems()

    def _group_problems(self) -> Iterator[Problem]:
        groups = {g.id for g in self.groups}
        if len(groups) != len(self.groups):
            yield ("groups",), "group ids repeat"
        if abs(sum(g.weight for g in self.groups) - 1) > 1e-9:
            yield ("groups",), "the weights must add up to 1"
        for qi, question in enumerate(self.questions):
            if question.group not in groups:
                yield ("questions", qi, "group"), f"unknown group {question.group!r}"

    def _condition_problems(self, options: dict[str, set[str]]) -> Iterator[Problem]:
        """`when`/`unless` name another question and real (not alias, not unsure) options."""
        for qi, question in enumerate(self.questions):
            for oi, option in enumerate(question.options):
                for ei, effect in enumerate(option.effects):
                    where = ("questions", qi, "options", oi, "effects", ei)
                    for key, condition in (("when", effect.when), ("unless", effect.unless)):
                        for other, chosen in condition.items():
                            if other not in options or other == question.id:
                                yield (*where, key), f"{other!r} is not another question"
                                continue
                            unknown = sorted(set(chosen) - options[other])
                            if unknown:
                                yield (*where, key, other), f"unknown options {unknown}"

    def _wording_problems(self) -> Iterator[Problem]:
        """Wordings are keyed by answers to the audience question."""
        if not self.audience:
            who: set[str] = set()
        else:
            audience = self.question(self.audience)
            if audience is None:
                yield ("audience",), f"no question {self.audience!r}"
                return
            who = {o.id for o in audience.options}
        for qi, question in enumerate(self.questions):
            for key in question.wording:
                if key not in who:
                    yield (
                        ("questions", qi, "wording", key),
                        "not an answer to the audience question",
                    )

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
