"""The library entry point: from what a person gave to a scored result.

The command line, the local web page, a batch job and the tests all call these
functions, so "these answers + flags + description -> result" is written once.
Nothing here prints, prompts or imports a user interface: a front that can ask
a person passes its own `ask` function (the wizard, for the terminal).

    >>> from advisor.intake import recommend
    >>> from advisor.knowledge.catalog import load_catalog
    >>> result = recommend(load_catalog(), given={"timeframe": "ongoing", "need": "medications"})
    >>> result.recommendation.top.role
    'care-manager'

Answers are validated by `answers.parse_answer`, the same path as the wizard's
prompts and answers files, so every front accepts and refuses the same values.
"""

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from advisor.answers import Answers, parse_answer
from advisor.errors import UsageProblem

if TYPE_CHECKING:
    from advisor.describe import Described
    from advisor.knowledge.catalog import Catalog
    from advisor.knowledge.lexicon import Lexicon
    from advisor.knowledge.questions import Question, Questionnaire
    from advisor.scoring import Recommendation

MAX_DESCRIPTION = 2000  # characters: "a sentence or two", with room to spare

# Where an answer came from, for "What I understood" and for --json.
FROM_FILE = "answers-file"
FROM_FLAG = "flag"
FROM_WORDS = "description"
FROM_PERSON = "asked"

Given = Mapping[str, "str | Sequence[str] | None"]
"""Raw answers keyed by a question's flag (`need`, `for`) or id (`needs`), each a
value or a list of values; comma-separated values are split. None means "not given"."""

Ask = Callable[["Questionnaire", Answers, "Described | None"], "tuple[Answers, Described | None]"]
"""A front's way to ask a person: given the questionnaire, the answers so far and
what a description gave (None if none was read), it returns the answers with the
rest asked, and what was understood from any description it read itself."""


class Gathered(NamedTuple):
    """The answers, and where each came from (question id -> FROM_*)."""

    answers: Answers
    provenance: dict[str, str]
    asked: bool  # a person was asked (the wizard ran)
    described: "Described | None"  # what a description gave, if one was read


class Result(NamedTuple):
    """Gathered answers and the ranking of every role they give."""

    gathered: Gathered
    recommendation: "Recommendation"


def flag_label(question: "Question") -> str:
    return f"--{question.flag}"


def given_answers(
    questionnaire: "Questionnaire",
    given: Given | None = None,
    answers_file: Path | None = None,
    label: "Callable[[Question], str]" = flag_label,
) -> tuple[Answers, dict[str, str]]:
    """Answers from a file, then the given values on top (flags win), through the
    one validation path; `label` names a value's origin in an error message."""
    from advisor.answers import read_answers_file

    answers: Answers = read_answers_file(questionnaire, answers_file) if answers_file else {}
    provenance = dict.fromkeys(answers, FROM_FILE)
    for key, raw in (given or {}).items():
        if raw is None:
            continue
        question = questionnaire.by_flag(key)
        if question is None:
            known = ", ".join(q.flag for q in questionnaire.questions)
            raise UsageProblem(f"unknown question {key!r}; questions: {known}")
        answers[question.id] = parse_answer(questionnaire, question, raw, label(question))
        provenance[question.id] = FROM_FLAG
    return answers, provenance


def check_description(text: str) -> str:
    """A description as given, or a usage error saying what is wrong with it."""
    if not text.strip():
        raise UsageProblem(
            "--describe: the description is empty. Say in a sentence or two what is going on."
        )
    if len(text) > MAX_DESCRIPTION:
        raise UsageProblem(
            f"--describe: the description has {len(text):,} characters; the limit is "
            f"{MAX_DESCRIPTION:,}. Please keep it to a few sentences."
        )
    return text


def gather(
    questionnaire: "Questionnaire",
    given: Given | None = None,
    answers_file: Path | None = None,
    description: str | None = None,
    ask: Ask | None = None,
    lexicon: "Lexicon | None" = None,
    snapshot: str | None = None,
) -> Gathered:
    """Given answers, then what a description supports (read with `lexicon`, the
    bundled one if None, and the reader kept in the knowledge base's `snapshot`
    folder, if it has one), then `ask` for the rest.

    Raises UsageProblem when there is nothing to go on (no answer, no description
    and no one to ask): a front shows it as a usage error. A description with
    nothing understood is no error: the answers are empty, and the result says
    there is not enough to go on.
    """
    answers, provenance = given_answers(questionnaire, given, answers_file)
    described = None
    if description is not None:
        from advisor.describe import fill, read

        text = check_description(description)
        answers, described = fill(
            questionnaire, answers, read(text, questionnaire, lexicon, snapshot)
        )
        described = described._replace(text=text)
        provenance.update((u.question, FROM_WORDS) for u in described.used)
    if ask is not None:
        before = dict(answers)
        answers, described = ask(questionnaire, answers, described)
        taken: dict[str, tuple[str, ...]] = {}
        for u in described.used if described is not None else ():
            taken[u.question] = (*taken.get(u.question, ()), u.answer)
        for question_id, chosen in answers.items():
            if question_id not in before:
                from_words = sorted(taken.get(question_id, ("",))) == sorted(chosen)
                provenance[question_id] = FROM_WORDS if from_words else FROM_PERSON
    if not answers and described is None:
        raise UsageProblem(_nothing_to_go_on(questionnaire))
    return Gathered(answers, provenance, ask is not None, described)


def _nothing_to_go_on(questionnaire: "Questionnaire") -> str:
    from advisor.describe import reads_descriptions

    flags = ", ".join(f"--{q.flag}" for q in questionnaire.questions)
    words = (
        "Say what is going on with --describe TEXT. " if reads_descriptions(questionnaire) else ""
    )
    return (
        f"no answers to go on. {words}Pass {flags} or --answers FILE, "
        "or run this command in a terminal (without --no-input) to be asked."
    )


def rank(catalog: "Catalog", questionnaire: "Questionnaire", answers: Answers) -> "Recommendation":
    """Every role scored against these answers, best first."""
    from advisor.scoring import recommend as score

    return score(questionnaire, [r.id for r in catalog.roles], answers)


def recommend(
    catalog: "Catalog",
    given: Given | None = None,
    answers_file: Path | None = None,
    description: str | None = None,
    ask: Ask | None = None,
) -> Result:
    """`advisor recommend` as a function: which role fits this situation."""
    lexicon = catalog.lexicon if description is not None else None
    gathered = gather(
        catalog.questionnaire, given, answers_file, description, ask, lexicon, catalog.snapshot
    )
    return Result(gathered, rank(catalog, catalog.questionnaire, gathered.answers))


def career(
    catalog: "Catalog",
    given: Given | None = None,
    answers_file: Path | None = None,
    ask: Ask | None = None,
) -> Result:
    """`advisor career` as a function: which of the four careers fits a person."""
    gathered = gather(catalog.career, given, answers_file, None, ask)
    return Result(gathered, rank(catalog, catalog.career, gathered.answers))
