"""The interactive questionnaire: questionary prompts built from the question data.

Imported only when advisor actually prompts, because questionary and
prompt_toolkit cost noticeable start-up time that scripted runs must not pay.
Answers go through the same `parse_answer` as flags and answers files.
"""

from __future__ import annotations

import shutil
import textwrap
from typing import TYPE_CHECKING, Any

import questionary

from advisor.answers import Answers, parse_answer
from advisor.knowledge.questions import Question, Questionnaire

if TYPE_CHECKING:
    from advisor.describe import Described

# prompt_toolkit takes time that grows faster than the length of a prompt to draw
# it (20 000 characters: a minute); a prompt longer than this is printed above.
LONG_PROMPT = 500
ANSWER_STYLE = "fg:#FF9D00 bold"  # questionary's own colour for an answer
MAX_TEXT = 2000  # characters of a description that are read


def ask(questionnaire: Questionnaire, answers: Answers, **prompt_options: Any) -> Answers:
    """Ask every question not already answered; Ctrl-C raises KeyboardInterrupt.

    `prompt_options` (such as `input` and `output`) go to prompt_toolkit, for tests;
    the wizard's own lines (each question's help, each answer) go to that output too.
    """
    result = dict(answers)
    asked = [q for q in questionnaire.questions if q.id not in result]
    to = {"output": prompt_options["output"]} if "output" in prompt_options else {}
    for number, question in enumerate(asked, start=1):
        width = max(30, shutil.get_terminal_size().columns - 1)
        intro = textwrap.fill(f"({number}/{len(asked)}) {question.help}", width=width)
        questionary.print(f"\n{intro}", style="italic", **to)
        if len(question.prompt) > LONG_PROMPT:
            questionary.print(textwrap.fill(question.prompt, width), style="bold", **to)
        prompt = _prompt(questionnaire, question, width, prompt_options)
        # Not unsafe_ask(): prompt_toolkit's own SIGINT handling would swallow a
        # `kill -INT`; without it, SIGINT raises KeyboardInterrupt like Ctrl-C.
        raw = prompt.application.run(handle_sigint=False)
        result[question.id] = parse_answer(questionnaire, question, raw or [], question.prompt)
        _echo(questionnaire, question, result[question.id], width, to)
    return result


def _echo(
    questionnaire: Questionnaire,
    question: Question,
    chosen: tuple[str, ...],
    width: int,
    to: dict[str, Any],
) -> None:
    """Leave the question and the answer in full on the screen.

    Each prompt erases itself when answered: questionary's own echo cuts a
    label that was wrapped onto two lines, and shows only "done (2 selections)"
    for ticked boxes.
    """
    ids = chosen or (questionnaire.unsure,)
    labels = [o.label for i in ids if (o := question.option(i)) is not None]
    answer = ", ".join(labels)
    if len(f"? {question.prompt} {answer}") <= width:
        questionary.print(f"? {question.prompt} ", style="bold", end="", **to)
        questionary.print(answer, style=ANSWER_STYLE, **to)
    else:
        questionary.print(textwrap.fill(f"? {question.prompt}", width), style="bold", **to)
        answer = textwrap.fill(answer, width, initial_indent="  ", subsequent_indent="  ")
        questionary.print(answer, style=ANSWER_STYLE, **to)


def choice_title(label: str, width: int, indent: int) -> str:
    """An option's label, wrapped under itself when it is too long for one line.

    questionary cuts a long choice off at the edge of the terminal; on a narrow
    one that would hide the end of the label. `indent` is the room the pointer
    and tick box take before the label.
    """
    pad = " " * indent
    return textwrap.fill(label, width, initial_indent=pad, subsequent_indent=pad)[indent:]


def _message(question: Question) -> str:
    return question.prompt if len(question.prompt) <= LONG_PROMPT else "Your answer"


def _prompt(
    questionnaire: Questionnaire, question: Question, width: int, options: dict[str, Any]
) -> questionary.Question:
    if question.kind == "multi":
        choices = [
            questionary.Choice(choice_title(o.label, width, indent=5), value=o.id)
            for o in question.options
            if o.id != questionnaire.unsure
        ]
        return questionary.checkbox(
            _message(question),
            choices=choices,
            instruction="(space to tick, enter when done)",
            erase_when_done=True,
            **options,
        )
    return questionary.select(
        _message(question),
        choices=[
            questionary.Choice(choice_title(o.label, width, indent=3), value=o.id)
            for o in question.options
        ],
        instruction="(arrow keys, then enter)",
        erase_when_done=True,
        **options,
    )


DESCRIBE_PROMPT = "In a sentence or two, what is going on? (Enter to skip)"
KEEP_PROMPT = "Keep these answers?"
KEEP_HELP = "If not, you answer every question yourself."


def ask_description(
    questionnaire: Questionnaire, answers: Answers, **prompt_options: Any
) -> tuple[Answers, Described | None]:
    """The optional first step: the person's own words, read for the answers they
    support, which then are not asked again. None when skipped."""
    from advisor.describe import fill, read, reads_descriptions

    open_questions = [q for q in questionnaire.questions if q.id not in answers]
    if not open_questions or not reads_descriptions(questionnaire):
        return answers, None
    to = {"output": prompt_options["output"]} if "output" in prompt_options else {}
    # run(handle_sigint=False), as in ask(): a `kill -INT` interrupts like Ctrl-C.
    prompt = questionary.text(DESCRIBE_PROMPT, **prompt_options)
    text = prompt.application.run(handle_sigint=False)
    if not text or not text.strip():
        return answers, None
    filled, described = fill(questionnaire, answers, read(text[:MAX_TEXT], questionnaire))
    width = max(30, shutil.get_terminal_size().columns - 1)
    if not described.used:
        questionary.print("I could not take an answer from that; the questions follow.", **to)
    for understood in described.used:
        question = next(q for q in questionnaire.questions if q.id == understood.question)
        option = question.option(understood.answer)
        words = ", ".join('"' + w + '"' for w in understood.because)
        line = f"\u2713 {question.prompt} {option.label if option else understood.answer}"
        questionary.print(textwrap.fill(line, width, subsequent_indent="  "), **to)
        questionary.print(
            textwrap.fill(f"from {words}", width, initial_indent="  ", subsequent_indent="  "),
            style="italic",
            **to,
        )
    if described.used:
        questionary.print(textwrap.fill(KEEP_HELP, width), style="italic", **to)
        keep = questionary.confirm(KEEP_PROMPT, default=True, **prompt_options)
        if not keep.application.run(handle_sigint=False):
            return answers, None
    return filled, described
