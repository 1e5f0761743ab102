"""One validation path for answers, whether typed in a prompt, passed as a
flag or read from an answers file.

An `Answers` maps a question id to the chosen option ids. An empty tuple means
the person said "not sure"; a missing key means the question was never asked.
`json` is imported where it is needed (reading a file, quoting a bad value), so
the text output does not pay for it at start-up.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from advisor.errors import UsageProblem
from advisor.knowledge.questions import Question, Questionnaire
from advisor.render.sanitise import quoted, shorten

Answers = dict[str, tuple[str, ...]]


def parse_answer(
    questionnaire: Questionnaire, question: Question, raw: str | Sequence[str], label: str
) -> tuple[str, ...]:
    """Check raw values against a question's options; `label` names where they came from."""
    items = [raw] if isinstance(raw, str) else list(raw)
    values: list[str] = []
    for item in items:
        if not isinstance(item, str):
            import json

            raise UsageProblem(f"{label}: expected text, got {shorten(json.dumps(item))}")
        values += [question.canonical(v.strip().lower()) for v in item.split(",") if v.strip()]
    choices = [o.id for o in question.options]
    for value in values:
        if value not in choices:
            raise UsageProblem(
                f"{label}: {quoted(value)} is not a valid choice.{did_you_mean(value, question)}"
                f" Choose from: {', '.join(choices)}"
            )
    if question.kind == "single" and len(values) != 1:
        raise UsageProblem(f"{label}: give exactly one of: {', '.join(choices)}")
    chosen = tuple(dict.fromkeys(v for v in values if v != questionnaire.unsure))
    if questionnaire.unsure in values and chosen:
        raise UsageProblem(
            f"{label}: {questionnaire.unsure!r} cannot be combined with other choices"
        )
    return chosen


def did_you_mean(value: str, question: Question) -> str:
    """ " Did you mean patient?" for a near miss (or a prefix) of an option id, else ""."""
    import difflib

    names = [o.id for o in question.options]
    for option in question.options:  # other accepted spellings
        names += [a for a in option.aliases if a not in names]
    close = [n for n in names if len(value) >= 3 and n.startswith(value)]
    close += difflib.get_close_matches(value, names, n=3, cutoff=0.6)
    close = list(dict.fromkeys(close))[:3]
    return f" Did you mean {' or '.join(close)}?" if close else ""


def answers_from_mapping(questionnaire: Questionnaire, data: object, origin: str) -> Answers:
    """Validate a decoded answers file such as {"timeframe": "ongoing", "needs": [...]}."""
    if not isinstance(data, Mapping):
        raise UsageProblem(
            f"{origin}: expected a JSON object of answers, like {example(questionnaire)}"
        )
    # a question's flag works as a key too: "need" as well as "needs", "license"
    by_flag = {f: q for q in questionnaire.questions for f in (q.flag, *q.flag_aliases)}
    answers: Answers = {}
    for key, raw in data.items():
        question = questionnaire.question(key) or by_flag.get(key)
        if question is None:
            import difflib

            names = [*(q.id for q in questionnaire.questions), *by_flag]
            close = difflib.get_close_matches(str(key), names, n=1)
            hint = f" Did you mean {close[0]}?" if close else ""
            known = ", ".join(q.id for q in questionnaire.questions)
            raise UsageProblem(
                f"{origin}: unknown question {quoted(key)}.{hint} Questions: {known}"
            )
        if not isinstance(raw, (str, list)):
            import json

            raise UsageProblem(
                f"{origin}: {key}: expected text or a list, got {shorten(json.dumps(raw))}"
            )
        answers[question.id] = parse_answer(questionnaire, question, raw, f"{origin}: {key}")
    return answers


def read_answers_file(questionnaire: Questionnaire, path: Path) -> Answers:
    """Answers from a JSON file, or from standard input when the path is `-`."""
    import sys

    from advisor.inputs import ANSWERS_LIMIT, parse_json, read_user_file

    if str(path) == "-" and sys.stdin is not None and sys.stdin.isatty():
        raise UsageProblem(
            "--answers -: pipe the answers in, e.g. advisor recommend --answers - < FILE"
        )
    raw = read_user_file(path, ANSWERS_LIMIT, UsageProblem, "answers file")
    return answers_from_mapping(questionnaire, parse_json(raw, path, UsageProblem), str(path))


def to_mapping(questionnaire: Questionnaire, answers: Answers) -> dict[str, str | list[str]]:
    """The answers-file shape: single answers as text, multiple as a list."""
    out: dict[str, str | list[str]] = {}
    for question in questionnaire.questions:
        if question.id not in answers:
            continue
        chosen = answers[question.id]
        if question.kind == "multi":
            out[question.id] = list(chosen)
        else:
            out[question.id] = chosen[0] if chosen else questionnaire.unsure
    return out


def example(questionnaire: Questionnaire) -> str:
    parts = []
    for question in questionnaire.questions:
        first = question.options[0].id
        parts.append(
            f'"{question.id}": ' + (f'["{first}"]' if question.kind == "multi" else f'"{first}"')
        )
    return "{" + ", ".join(parts) + "}"


def needs_from(
    questionnaire: Questionnaire, raw: Sequence[str], label: str = "--need"
) -> list[str]:
    """`routes --need` values: options of the "choose any" questions, checked and
    spelt as `recommend --need` accepts them (aliases too); "not sure" narrows nothing."""
    import difflib

    known = sorted(questionnaire.needs())
    spellings = {
        spelling: o.id
        for q in questionnaire.questions
        if q.kind == "multi"
        for o in q.options
        for spelling in (o.id, *o.aliases)
    }
    needs: list[str] = []
    for value in (v.strip().lower() for item in raw for v in item.split(",") if v.strip()):
        if value == questionnaire.unsure:
            continue
        if value not in spellings:
            close = difflib.get_close_matches(value, [*known, questionnaire.unsure], n=1)
            hint = f" Did you mean {close[0]}?" if close else ""
            raise UsageProblem(
                f"{label}: unknown need {quoted(value)}.{hint} Needs: {', '.join(known)}"
            )
        if spellings[value] not in needs:
            needs.append(spellings[value])
    return needs


def one_of(value: str, choices: Sequence[str], what: str) -> str:
    """`value` if it is one of `choices`, else a usage error with a suggestion."""
    if value in choices:
        return value
    import difflib

    close = difflib.get_close_matches(value, list(choices), n=1)
    hint = f" Did you mean {close[0]}?" if close else ""
    raise UsageProblem(f"unknown {what} {quoted(value)}.{hint} Choose from: {', '.join(choices)}")
