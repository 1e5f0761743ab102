"""The answers a page's address gives, gathered as `advisor recommend --no-input`
gathers flags and `--describe`: the flags first, then what the person's own
words support for the questions the flags leave open.

A small stand-in for the library entry point of the architecture issue
(`advisor/intake.py`): it calls the same `parse_answer`, `describe.read` and
`describe.fill` as the command line, and is meant to be replaced by intake.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from advisor.answers import Answers, parse_answer
from advisor.errors import UsageProblem
from advisor.knowledge.questions import Questionnaire
from advisor.web.query import Query, flag_values

if TYPE_CHECKING:
    from advisor.describe import Described

MAX_DESCRIPTION = 2000  # characters, as for --describe (advisor.cli.MAX_DESCRIPTION)


class Gathered(NamedTuple):
    answers: Answers  # what the address says and what the words gave
    given: Answers  # what the address says, question by question
    described: Described | None  # what the description gave, when there is one
    description: str | None
    problems: dict[str, str]  # question id -> what is wrong with its value


def gather(questionnaire: Questionnaire, query: Query, describe: str = "describe") -> Gathered:
    """Every answer in `query`, each checked as its flag is; a bad value is kept
    in `problems` (by question) so that a form can say it beside the question."""
    given: Answers = {}
    problems: dict[str, str] = {}
    for question_id, raw in flag_values(questionnaire, query).items():
        question = questionnaire.question(question_id)
        assert question is not None
        try:
            given[question_id] = parse_answer(questionnaire, question, raw, question.flag)
        except UsageProblem as exc:
            problems[question_id] = str(exc)
    text = query.get(describe)
    if text is not None and len(text) > MAX_DESCRIPTION:
        raise UsageProblem(
            f"{describe}: please keep it to a few sentences (at most {MAX_DESCRIPTION} characters)."
        )
    if text is None or not text.strip():
        return Gathered(dict(given), given, None, None, problems)
    from advisor.describe import fill, read

    answers, described = fill(questionnaire, given, read(text, questionnaire))
    return Gathered(answers, given, described, text, problems)


def from_words(questionnaire: Questionnaire, text: str | None) -> Answers:
    """What the description alone answers (nothing given beside it)."""
    if not text or not text.strip():
        return {}
    from advisor.describe import fill, read

    return fill(questionnaire, {}, read(text, questionnaire))[0]


def canonical_query(questionnaire: Questionnaire, gathered: Gathered) -> list[tuple[str, str]]:
    """The address's query for these answers: each question by its flag, in the
    questionnaire's order, `not-sure` for "not sure"; an answer the description
    gives by itself is left to the description (so the result can show where it
    came from), and the description comes last."""
    words = from_words(questionnaire, gathered.description)
    pairs: list[tuple[str, str]] = []
    for question in questionnaire.questions:
        chosen = gathered.given.get(question.id)
        if chosen is None or set(words.get(question.id, ("-",))) == set(chosen):
            continue
        pairs.append((question.flag, ",".join(chosen) or questionnaire.unsure))
    if gathered.description:
        pairs.append(("describe", gathered.description))
    return pairs
