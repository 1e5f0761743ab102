"""The interactive questionnaire: questionary prompts built from the question data.

Imported only when advisor actually prompts, because questionary and
prompt_toolkit cost noticeable start-up time that scripted runs must not pay.
Answers go through the same `parse_answer` as flags and answers files.
"""

from __future__ import annotations

import shutil
import textwrap
from typing import Any

import questionary

from advisor.answers import Answers, parse_answer
from advisor.questionnaire import Question, Questionnaire


def ask(questionnaire: Questionnaire, answers: Answers, **prompt_options: Any) -> Answers:
    """Ask every question not already answered; Ctrl-C raises KeyboardInterrupt.

    `prompt_options` (such as `input` and `output`) go to prompt_toolkit, for tests.
    """
    result = dict(answers)
    asked = [q for q in questionnaire.questions if q.id not in result]
    for number, question in enumerate(asked, start=1):
        width = max(30, shutil.get_terminal_size().columns - 1)
        intro = textwrap.fill(f"({number}/{len(asked)}) {question.help}", width=width)
        questionary.print(f"\n{intro}", style="italic")
        raw = _prompt(questionnaire, question, prompt_options).unsafe_ask()
        result[question.id] = parse_answer(questionnaire, question, raw or [], question.prompt)
    return result


def _prompt(
    questionnaire: Questionnaire, question: Question, options: dict[str, Any]
) -> questionary.Question:
    if question.kind == "multi":
        choices = [
            questionary.Choice(o.label, value=o.id)
            for o in question.options
            if o.id != questionnaire.unsure
        ]
        return questionary.checkbox(
            question.prompt,
            choices=choices,
            instruction="(space to tick, enter when done)",
            **options,
        )
    return questionary.select(
        question.prompt,
        choices=[questionary.Choice(o.label, value=o.id) for o in question.options],
        instruction="(arrow keys, then enter)",
        **options,
    )
