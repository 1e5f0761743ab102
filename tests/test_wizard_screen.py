"""The questionnaire in a real pseudo-terminal, read the way a person sees it:
the output is played into a terminal emulator (helpers.Terminal, with pyte), so
the tests look at the screen, not at escape sequences."""

from __future__ import annotations

import re
import shlex
import time
from pathlib import Path

from helpers import (
    ADVISOR,
    DOWN,
    ENTER,
    HEADLINE,
    SPACE,
    Terminal,
    answer_in_terminal,
    flags_for,
    headline,
    keys_for,
    prompt_pattern,
    questionnaire,
)

SITUATION = {"timeframe": ["ongoing"], "side": ["patient"], "setting": ["home"]}


def test_ctrl_c_exits_130() -> None:
    term = Terminal(f"{ADVISOR} recommend")
    term.wait_for(r"\?")
    term.send("\x03")
    assert term.finish() == 130
    assert "Traceback" not in term.plain


def test_who_it_is_for_changes_the_wording() -> None:
    q = questionnaire()
    given = {**SITUATION, "payment": ["private"]}
    needs = q.question("needs")
    assert needs is not None and q.audience
    me_words, their_words = (
        q.worded(needs, {q.audience: (who,)}).label("appointments-with-me")
        for who in ("me", "someone")
    )
    assert me_words != their_words  # the data words this choice for each

    me = Terminal(f"{ADVISOR} recommend {' '.join(flags_for(given))}")
    me.skip_description()
    answer_in_terminal(me, q, {q.audience: ["me"]}, given, until="needs")
    screen = me.wait_for("Space to tick")
    assert re.search(prompt_pattern(me_words), screen), screen
    me.send("\x03")
    me.finish()

    other = Terminal(f"{ADVISOR} recommend {' '.join(flags_for(given))}")
    other.skip_description()
    answer_in_terminal(other, q, {q.audience: ["someone"]}, given, until="needs")
    screen = other.wait_for("Space to tick")
    assert re.search(prompt_pattern(their_words), screen), screen
    assert not re.search(r"\b(me|my)\b", screen.split("?", 1)[-1]), screen
    other.send("\x03")
    other.finish()


def test_the_review_lets_you_change_an_answer() -> None:
    q = questionnaire()
    payment = q.question("payment")
    assert payment is not None
    term = Terminal(f"{ADVISOR} recommend {' '.join(flags_for(SITUATION))}")
    term.skip_description()
    answers = {"for-whom": ["me"], "payment": ["covered"], "needs": [first_need()]}
    answered = answer_in_terminal(term, q, answers, SITUATION)
    shown = q.worded(payment, answered)  # in the words for "me"
    term.wait_for("Show my result")
    term.wait_for(prompt_pattern(shown.label("covered")))  # every answer listed
    # Change the payment answer: the review lists "Show my result" first, then
    # each question in the data's order.
    term.send(*([DOWN] * (1 + [x.id for x in q.questions].index("payment"))), ENTER)
    term.wait_for(prompt_pattern(shown.label("private")))  # the question again, with its choices
    term.send(keys_for(q, payment, ["private"]))  # from "covered", the first choice
    term.wait_for("Show my result")  # back in the review, with the new answer
    term.wait_for(prompt_pattern(shown.prompt) + r"\s+" + prompt_pattern(shown.label("private")))
    term.send(ENTER)
    term.wait_for("Save a report")
    term.send(ENTER)  # no, thanks
    assert term.finish() == 0
    assert headline(*flags_for({**answered, "payment": ["private"]})) in term.plain
    assert "Traceback" not in term.plain


def test_enter_on_an_empty_choose_any_does_not_skip() -> None:
    given = {**SITUATION, "payment": ["private"], "for-whom": ["me"]}
    term = Terminal(f"{ADVISOR} recommend {' '.join(flags_for(given))}")
    term.skip_description()
    answer_in_terminal(term, questionnaire(), {}, given, until="needs")
    term.wait_for("Space to tick")
    term.send(ENTER)  # nothing ticked
    time.sleep(0.5)
    screen = term.wait_for(r"(?i)tick")
    assert "Show my result" not in screen and HEADLINE not in term.plain
    term.send(SPACE, ENTER)
    term.wait_for("Show my result")
    term.send("\x03")
    assert term.finish() == 130


def test_a_long_choose_any_list_says_there_is_more_below() -> None:
    given = {**SITUATION, "payment": ["private"], "for-whom": ["me"]}
    term = Terminal(f"{ADVISOR} recommend {' '.join(flags_for(given))}", 42, 20)
    term.skip_description()
    answer_in_terminal(term, questionnaire(), {}, given, until="needs")
    term.wait_for("Space to tick")
    # the list is drawn after its heading: wait for the marker itself (fails if it never comes)
    screen = term.wait_for(r"(?i)\d+ more")
    needs = questionnaire().question("needs")
    assert needs is not None
    assert re.search(prompt_pattern(needs.options[0].label), screen)  # the list, and more below
    term.send("\x03")
    term.finish()


def test_output_to_a_file_asks_on_the_terminal(tmp_path: Path) -> None:
    out = tmp_path / "result.txt"
    flags = " ".join(flags_for(SITUATION))
    term = Terminal(f"{ADVISOR} recommend {flags} > {shlex.quote(str(out))}")
    term.skip_description()
    answers = {"for-whom": ["me"], "payment": ["private"], "needs": [first_need()]}
    answer_in_terminal(term, questionnaire(), answers, SITUATION)
    term.wait_for("Show my result")
    term.send(ENTER)
    assert term.finish() == 0
    written = out.read_text(encoding="utf-8")
    assert HEADLINE in written
    assert "\x1b" not in written and "Show my result" not in written
    assert HEADLINE not in term.plain  # the result went to the file, not the screen


def test_every_screen_fits_a_42_column_terminal() -> None:
    """Nothing the wizard or the result prints reaches the last column, so the
    terminal never breaks a word in two (the old key hint read "(ar" / "row keys")."""
    q = questionnaire()
    term = Terminal(f"{ADVISOR} recommend", 42, 20)
    term.skip_description()
    # someone else (the longer wording), then the first choice of every question
    answers = {question.id: [question.options[0].id] for question in q.questions}
    answer_in_terminal(term, q, {**answers, "for-whom": ["someone"]})
    term.wait_for("Show my result")
    term.send(ENTER)
    term.wait_for("Save a report")
    term.send(ENTER)
    assert term.finish() == 0
    for screen in term.screens:
        for line in screen.splitlines():
            line = re.sub(r"\^\[\[\d+;\d+R", "", line)  # a cursor report the pty echoed
            assert len(line) < 42, f"{line!r} reaches the edge:\n{screen}"
    # Esc and q do nothing in a prompt: the first screen says how to stop
    assert "Ctrl-C stops" in term.screens[0]


def first_need() -> str:
    needs = questionnaire().question("needs")
    assert needs is not None
    return needs.options[0].id
