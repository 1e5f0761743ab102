"""The interactive wizard: in-process with prompt_toolkit pipe input, and end to
end in a real pseudo-terminal with pexpect."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator

import pexpect
import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from advisor.knowledge.catalog import load_catalog
from advisor.wizard import ask, choice_title

DOWN, UP, ENTER, SPACE = "\x1b[B", "\x1b[A", "\r", " "


@pytest.fixture
def keys() -> Iterator[object]:
    with create_pipe_input() as pipe:
        yield pipe


def test_wizard_asks_each_question_in_order(keys: object) -> None:
    q = load_catalog().questionnaire
    # for whom: me; timeframe: 2nd option (ongoing); side: 1st (patient); setting: 1st
    # (home); payment: 2nd (private); coverage: 1st (medicare); needs: tick 1st and 3rd
    # (discharge, insurance-denial); the review: Enter on "Show my result".
    keys.send_text(ENTER + DOWN + ENTER + ENTER + ENTER + DOWN + ENTER + ENTER)  # type: ignore[attr-defined]
    keys.send_text(SPACE + DOWN + DOWN + SPACE + ENTER + ENTER)  # type: ignore[attr-defined]
    answers = ask(q, {}, input=keys, output=DummyOutput())
    assert answers == {
        "for-whom": ("me",),
        "timeframe": ("ongoing",),
        "side": ("patient",),
        "setting": ("home",),
        "payment": ("private",),
        "coverage": ("medicare",),
        "needs": ("discharge", "insurance-denial"),
    }


def test_wizard_skips_what_flags_answered(keys: object) -> None:
    q = load_catalog().questionnaire
    given = {
        "for-whom": ("me",),
        "timeframe": ("episodic",),
        "side": ("system",),
        "setting": (),
        "coverage": (),
        "needs": (),
    }
    keys.send_text(DOWN + DOWN + ENTER)  # type: ignore[attr-defined]  # payment: not sure
    answers = ask(q, given, review=False, input=keys, output=DummyOutput())
    assert answers == {**given, "payment": ()}


def test_wizard_ctrl_c_raises_keyboard_interrupt(keys: object) -> None:
    keys.send_text("\x03")  # type: ignore[attr-defined]
    with pytest.raises(KeyboardInterrupt):
        ask(load_catalog().questionnaire, {}, input=keys, output=DummyOutput())


def spawn(*args: str, columns: int = 100) -> pexpect.spawn:
    # pexpect does not answer cursor-position requests; without this each prompt waits 1 s.
    env = {**os.environ, "COLUMNS": str(columns), "TERM": "xterm", "PROMPT_TOOLKIT_NO_CPR": "1"}
    env.pop("NO_COLOR", None)
    return pexpect.spawn(
        sys.executable,
        ["-m", "advisor", *args],
        env=env,
        encoding="utf-8",
        timeout=30,
        dimensions=(40, columns),
    )


def skip_description(child: pexpect.spawn) -> None:
    """The questionnaire's optional first step (the person's own words): Enter skips it."""
    child.expect("In a sentence or two, what is going on")
    child.send(ENTER)


def test_wizard_end_to_end_in_a_terminal() -> None:
    child = spawn("recommend")
    skip_description(child)
    child.expect("Who is the help for")
    child.send(DOWN + DOWN + ENTER)  # rather not say: the plain wording
    child.expect("How long do you expect to need help")
    child.send(ENTER)  # episodic
    child.expect("Whose side")
    child.send(DOWN + ENTER)  # system
    child.expect("Where is the person")
    child.send(DOWN + ENTER)  # facility
    child.expect("How would the help be paid")
    child.send(ENTER)  # covered
    child.expect("care covered")
    child.send(ENTER)  # Medicare
    child.expect("What do you need done")
    child.send(SPACE + ENTER)  # discharge
    # What was ticked stays on screen by name, not as "done (1 selections)".
    child.expect(
        r"\(choose any\) (\x1b\[[0-9;?]*[a-zA-Z])*Planning a discharge from hospital or rehab"
    )
    child.expect("Show my result")
    child.send(ENTER)
    child.expect("Recommended: Case manager")
    child.expect("Save a report")
    child.send(ENTER)  # no, thanks
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "Traceback" not in (child.before or "")


def test_long_choices_wrap_on_a_narrow_terminal() -> None:
    """questionary would cut "For one event (a hospital stay, surgery, a discharge)" off."""
    child = spawn("recommend", "--for", "me", "--side", "patient", "--setting", "home", columns=42)
    skip_description(child)
    child.expect("How long do you expect")
    child.expect(r"\n(\x1b\[[0-9;]*m)*\s+surgery, a discharge\)")  # wrapped under itself
    child.send(ENTER)
    child.expect("How would the help be paid")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)


def test_choice_titles_fit_the_terminal() -> None:
    title = choice_title("For one event (a hospital stay, surgery, a discharge)", 41, indent=3)
    assert title == "For one event (a hospital stay,\n   surgery, a discharge)"
    assert choice_title("Not sure", 41, indent=5) == "Not sure"


def test_flags_answer_part_and_the_wizard_asks_the_rest() -> None:
    child = spawn(
        "recommend",
        "--timeframe",
        "ongoing",
        "--side",
        "patient",
        "--setting",
        "home",
        "--payment",
        "private",
        "--coverage",
        "not-sure",
        "--for",
        "me",
    )
    skip_description(child)
    child.expect("What do you need done")
    child.send(UP + SPACE + ENTER)  # the last choice: none of these / not sure
    child.expect("Show my result")
    child.send(ENTER)
    child.expect("Recommended: Care manager")
    child.expect("Save a report")
    child.send(ENTER)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_ctrl_c_exits_130_without_traceback() -> None:
    child = spawn("recommend")
    skip_description(child)
    child.expect("Who is the help for")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    output = child.before or ""
    child.close()
    assert child.exitstatus == 130
    assert "Traceback" not in output
    assert "Interrupted." in output


def test_no_input_flag_never_prompts_even_in_a_terminal() -> None:
    child = spawn("recommend", "--no-input", "--need", "rights")
    child.expect("Recommended: Patient advocate")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
