"""The interactive wizard: in-process with prompt_toolkit pipe input, and end to
end in a real pseudo-terminal with pexpect.

Questions are answered by their place in the data (helpers.keys_for), and the
result a terminal shows is checked against `recommend --json` for the same
answers, so a question or a role added to the data breaks none of these.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pexpect
import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from prompt_toolkit.output.plain_text import PlainTextOutput

from advisor.knowledge.catalog import load_catalog
from advisor.wizard import ask, choice_title
from helpers import (
    DOWN,
    ENTER,
    answer_in_terminal,
    expected_answers,
    flags_for,
    headline,
    prompt_pattern,
    questionnaire,
    spawn,
    wizard_keys,
)
from hostile import copy_kb, edit

if TYPE_CHECKING:
    from prompt_toolkit.input import PipeInput


def test_wizard_asks_each_question_in_order(keys: PipeInput) -> None:
    q = questionnaire()
    answers = {
        "for-whom": ["me"],
        "timeframe": ["ongoing"],
        "side": ["patient"],
        "setting": ["home"],
        "payment": ["private"],
        "needs": ["discharge", "insurance-denial"],
    }
    keys.send_text(wizard_keys(q, answers) + ENTER)  # the review: Enter on "Show my result"
    got = ask(q, {}, input=keys, output=DummyOutput())
    assert got == expected_answers(q, answers)
    assert list(got) == [question.id for question in q.questions]  # asked in the data's order


def test_wizard_skips_what_flags_answered(keys: PipeInput) -> None:
    q = questionnaire()
    given = {
        "for-whom": ("me",),
        "timeframe": ("episodic",),
        "side": ("system",),
        "setting": (),
        "needs": (),
    }
    answers = {"payment": [q.unsure]}
    keys.send_text(wizard_keys(q, answers, given))
    got = ask(q, given, review=False, input=keys, output=DummyOutput())
    assert got == {**expected_answers(q, answers, given), "payment": ()}
    assert {k: got[k] for k in given} == given


def test_wizard_ctrl_c_raises_keyboard_interrupt(keys: PipeInput) -> None:
    keys.send_text("\x03")
    with pytest.raises(KeyboardInterrupt):
        ask(questionnaire(), {}, input=keys, output=DummyOutput())


def test_a_prompt_waiting_for_keys_that_never_come_ends(keys: PipeInput) -> None:
    """The pipe fixture's hard timeout: no in-process prompt test can hang."""
    from helpers import close_on_timeout

    close_on_timeout(keys, 0.5)
    with pytest.raises(EOFError):
        ask(questionnaire(), {}, input=keys, output=DummyOutput())


def skip_description(child: pexpect.spawn) -> None:
    """The questionnaire's optional first step (the person's own words): Enter skips it."""
    child.expect("In a sentence or two, what is going on")
    child.send(ENTER)


def test_wizard_end_to_end_in_a_terminal() -> None:
    q = questionnaire()
    answers = {
        "for-whom": ["not-sure"],  # rather not say: the plain wording
        "timeframe": ["episodic"],
        "side": ["system"],
        "setting": ["hospital"],
        "payment": ["covered"],
        "needs": ["discharge"],
    }
    child = spawn("recommend")
    skip_description(child)
    answer_in_terminal(child, q, answers)
    # What was ticked stays on screen by name, not as "done (1 selections)".
    needs = q.question("needs")
    assert needs is not None
    child.expect(
        r"\(choose any\) (\x1b\[[0-9;?]*[a-zA-Z])*" + prompt_pattern(needs.label("discharge"))
    )
    child.expect("Show my result")
    child.send(ENTER)
    child.expect(headline(*flags_for(answers)))
    child.expect("Save a report")
    child.send(ENTER)  # no, thanks
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "Traceback" not in (child.before or "")


def test_long_choices_wrap_on_a_narrow_terminal() -> None:
    """questionary would cut a long label ("For one event (a hospital stay,
    surgery, a discharge)") off at the edge of a narrow terminal."""
    q = questionnaire()
    given = {"for-whom": ["me"], "side": ["patient"], "setting": ["home"]}
    first = next(question for question in q.questions if question.id not in given)
    label = max((o.label for o in first.options), key=len)
    wrapped = choice_title(label, 41, indent=3).split("\n")
    assert len(wrapped) > 1, "the longest label of the first question fits 42 columns"
    child = spawn("recommend", *flags_for(given), columns=42)
    skip_description(child)
    child.expect(prompt_pattern(q.worded(first, given).prompt))
    child.expect(r"\n(\x1b\[[0-9;]*m)*\s+" + prompt_pattern(wrapped[-1]))  # under itself
    child.send(ENTER)
    child.expect(r"\?")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)


def test_choice_titles_fit_the_terminal() -> None:
    title = choice_title("For one event (a hospital stay, surgery, a discharge)", 41, indent=3)
    assert title == "For one event (a hospital stay,\n   surgery, a discharge)"
    assert choice_title("Not sure", 41, indent=5) == "Not sure"


def test_flags_answer_part_and_the_wizard_asks_the_rest() -> None:
    q = questionnaire()
    given = {
        "timeframe": ["ongoing"],
        "side": ["patient"],
        "setting": ["home"],
        "payment": ["private"],
        "for-whom": ["me"],
    }
    child = spawn("recommend", *flags_for(given))
    skip_description(child)
    # needs: the last choice, "None of these / not sure"; any other question: not sure.
    answered = answer_in_terminal(child, q, {"needs": [q.unsure]}, given)
    child.expect("Show my result")
    child.send(ENTER)
    child.expect(headline(*flags_for(answered)))
    child.expect("Save a report")
    child.send(ENTER)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_ctrl_c_exits_130_without_traceback() -> None:
    child = spawn("recommend")
    skip_description(child)
    child.expect(prompt_pattern(questionnaire().questions[0].prompt))
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    output = child.before or ""
    child.close()
    assert child.exitstatus == 130
    assert "Traceback" not in output
    assert "Interrupted." in output


def test_no_input_flag_never_prompts_even_in_a_terminal() -> None:
    child = spawn("recommend", "--no-input", "--need", "rights")
    child.expect(headline("--need", "rights"))
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def _calls_per_key(help_text: str, tmp_path: Path, keys: int = 6) -> int:
    """Python function calls prompt_toolkit makes per arrow key (one key, one
    redraw) while one question with `help_text` as its help is asked: a step
    count, not a timer. Each key is sent when the previous redraw is done."""
    import itertools
    import statistics

    from advisor.wizard import _prompt

    kb = copy_kb(tmp_path, f"kb-{len(help_text)}-{help_text[:1]}")
    edit(kb / "questions.json", lambda d: d["questions"][1].update(help=help_text))
    questionnaire = load_catalog(kb).questionnaire
    calls, marks = 0, []

    def count(frame: object, event: str, arg: object) -> None:
        nonlocal calls
        calls += event == "call"

    with create_pipe_input() as pipe:
        options = {"input": pipe, "output": DummyOutput()}
        prompt = _prompt(questionnaire, questionnaire.questions[1], "(1/1)", 99, None, options)

        def rendered(_: object) -> None:
            marks.append(calls)
            pipe.send_text(DOWN if len(marks) <= keys else ENTER)

        prompt.application.after_render += rendered
        sys.setprofile(count)
        try:
            prompt.application.run(handle_sigint=False)
        finally:
            sys.setprofile(None)
    return int(statistics.median(b - a for a, b in itertools.pairwise(marks[1:-1])))


def test_a_long_help_costs_no_more_per_key_than_a_short_one(tmp_path: Path) -> None:
    """DEF-45 (A20): a 100 000-character help was wrapped into the prompt area,
    which prompt_toolkit redraws on every key (650 000 calls a key against
    11 000: seconds a key). Now it is printed once above the question, so a key
    costs what it costs with a short help."""
    short = _calls_per_key("Pick the closest.", tmp_path)
    long = _calls_per_key("H" * 100_000, tmp_path)
    words = _calls_per_key("word " * 20_000, tmp_path)
    assert max(long, words) <= 1.2 * short, (short, long, words)


def test_a_long_help_is_shown_once_above_the_question(tmp_path: Path) -> None:
    kb = copy_kb(tmp_path)
    help_text = "Read this first. " * 40
    edit(kb / "questions.json", lambda d: d["questions"][1].update(help=help_text))
    questionnaire = load_catalog(kb).questionnaire
    asked = questionnaire.questions[1]
    given = {q.id: () for q in questionnaire.questions if q.id != asked.id}
    out = io.StringIO()
    with create_pipe_input() as pipe:
        pipe.send_text(ENTER)
        ask(questionnaire, given, review=False, input=pipe, output=PlainTextOutput(out))
    shown = " ".join(out.getvalue().split())
    assert shown.count("Read this first.") == 40  # once, whole, however often it redrew
    assert shown.index("Read this first.") < shown.index(asked.prompt)
