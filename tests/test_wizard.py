"""The interactive wizard: in-process with prompt_toolkit pipe input, and end to
end in a real pseudo-terminal with pexpect."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pexpect
import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from prompt_toolkit.output.plain_text import PlainTextOutput

from advisor.knowledge.catalog import load_catalog
from advisor.wizard import ask, choice_title
from hostile import copy_kb, edit

DOWN, UP, ENTER, SPACE = "\x1b[B", "\x1b[A", "\r", " "


@pytest.fixture
def keys() -> Iterator[object]:
    with create_pipe_input() as pipe:
        yield pipe


def test_wizard_asks_each_question_in_order(keys: object) -> None:
    q = load_catalog().questionnaire
    # for whom: me; timeframe: 2nd option (ongoing); side: 1st (patient); setting: 1st
    # (home); payment: 2nd (private); needs: tick 1st and 3rd (discharge,
    # insurance-denial); the review: Enter on "Show my result".
    keys.send_text(ENTER + DOWN + ENTER + ENTER + ENTER + DOWN + ENTER)  # type: ignore[attr-defined]
    keys.send_text(SPACE + DOWN + DOWN + SPACE + ENTER + ENTER)  # type: ignore[attr-defined]
    answers = ask(q, {}, input=keys, output=DummyOutput())
    assert answers == {
        "for-whom": ("me",),
        "timeframe": ("ongoing",),
        "side": ("patient",),
        "setting": ("home",),
        "payment": ("private",),
        "needs": ("discharge", "insurance-denial"),
    }


def test_wizard_skips_what_flags_answered(keys: object) -> None:
    q = load_catalog().questionnaire
    given = {
        "for-whom": ("me",),
        "timeframe": ("episodic",),
        "side": ("system",),
        "setting": (),
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
