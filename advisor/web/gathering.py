"""The answers in a page's address, gathered by the library entry point
(`advisor.intake`) as `advisor recommend --no-input` gathers its flags and
`--describe`: the same validation, the same reading of the person's words.

What the web adds: a value is checked question by question first, so a form
can say what is wrong beside the question (named as in the address, `need`,
not `--need`); an empty description box means no description; and the
canonical address of a set of answers, for links that say what a command says.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from advisor import intake
from advisor.answers import Answers
from advisor.errors import UsageProblem
from advisor.knowledge.questions import Questionnaire
from advisor.web.query import DESCRIBE, Query

if TYPE_CHECKING:
    from advisor.describe import Described
    from advisor.knowledge.catalog import Catalog

MAX_DESCRIPTION = intake.MAX_DESCRIPTION


class Gathered(NamedTuple):
    answers: Answers  # what the address says and what the words gave
    given: Answers  # what the address says, question by question
    described: Described | None  # what the description gave, when there is one
    description: str | None
    problems: dict[str, str]  # question id -> what is wrong with its value


def given_values(questionnaire: Questionnaire, query: Query) -> dict[str, str]:
    """The answers' raw values in the address, by flag (as `intake.gather` takes them)."""
    return {name: value for name, value in query.values.items() if questionnaire.by_flag(name)}


def words(query: Query) -> str | None:
    """The description, unless it is missing or the box was left empty."""
    text = query.get(DESCRIBE)
    if text is None or not text.strip():
        return None
    if len(text) > MAX_DESCRIPTION:
        raise UsageProblem(
            f"{DESCRIBE}: the description has {len(text):,} characters; the limit is "
            f"{MAX_DESCRIPTION:,}. Please keep it to a few sentences."
        )
    return text


def gather(questionnaire: Questionnaire, query: Query) -> Gathered:
    """Every answer in `query`, each checked as its flag is; a bad value is kept
    in `problems` (by question) so that a form can say it beside the question."""
    given: Answers = {}
    problems: dict[str, str] = {}
    for name, raw in given_values(questionnaire, query).items():
        question = questionnaire.by_flag(name)
        assert question is not None
        try:
            answers, _ = intake.given_answers(questionnaire, {name: raw}, label=lambda q: q.flag)
        except UsageProblem as exc:
            problems[question.id] = str(exc)
        else:
            given.update(answers)
    text = words(query)
    if text is None:
        return Gathered(dict(given), given, None, None, problems)
    from advisor.describe import fill, read

    # as intake.gather reads a description, without its "nothing to go on" error:
    # a form asks the questions instead
    answers, described = fill(questionnaire, given, read(text, questionnaire))
    return Gathered(answers, given, described, text, problems)


def result_of(catalog: Catalog, query: Query) -> intake.Result | None:
    """`intake.recommend` for the answers in the address (checked first, so a bad
    value is named as in the address); None when there is nothing to go on."""
    questionnaire = catalog.questionnaire
    checked = gather(questionnaire, query)
    if checked.problems:
        raise UsageProblem(" ".join(checked.problems.values()))
    if not checked.answers:
        return None
    return intake.recommend(catalog, given_values(questionnaire, query), None, checked.description)


def from_words(questionnaire: Questionnaire, text: str | None) -> Answers:
    """What the description alone answers (nothing given beside it)."""
    if not text:
        return {}
    from advisor.describe import fill, read

    return fill(questionnaire, {}, read(text, questionnaire))[0]


def canonical_query(questionnaire: Questionnaire, gathered: Gathered) -> list[tuple[str, str]]:
    """The address's query for these answers: each question by its flag, in the
    questionnaire's order, `not-sure` for "not sure"; an answer the description
    gives by itself is left to the description (so the result can show where it
    came from), and the description comes last."""
    said = from_words(questionnaire, gathered.description)
    pairs: list[tuple[str, str]] = []
    for question in questionnaire.questions:
        chosen = gathered.given.get(question.id)
        if chosen is None or set(said.get(question.id, ("-",))) == set(chosen):
            continue
        pairs.append((question.flag, ",".join(chosen) or questionnaire.unsure))
    if gathered.description:
        pairs.append((DESCRIBE, gathered.description))
    return pairs
