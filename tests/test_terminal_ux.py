"""The questionnaire and the pager in a real pseudo-terminal (pexpect), read the
way a person sees it: the output is played into a terminal emulator (pyte), so
the tests look at the screen, not at escape sequences."""

from __future__ import annotations

import os
import re
import shlex
import sys
import time
from pathlib import Path

import pexpect
import pyte

DOWN, UP, ENTER, SPACE = "\x1b[B", "\x1b[A", "\r", " "
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\x1b[=>]")
ADVISOR = f"{shlex.quote(sys.executable)} -m advisor"
SITUATION = [
    "--timeframe", "ongoing", "--side", "patient", "--setting", "home", "--coverage", "not-sure"
]  # fmt: skip


class Terminal:
    """A command running in a pseudo-terminal of a given size, with a screen to read."""

    def __init__(
        self, command: str, columns: int = 80, rows: int = 30, env: dict[str, str] | None = None
    ) -> None:
        environ = {**os.environ, "TERM": "xterm"}
        environ.pop("PROMPT_TOOLKIT_NO_CPR", None)  # the emulator answers where the cursor is
        environ.update({"COLUMNS": str(columns), "LINES": str(rows), "ADVISOR_PAGER": "cat"})
        environ.pop("NO_COLOR", None)
        environ.update(env or {})
        self.columns = columns
        self.screen = pyte.Screen(columns, rows)
        self.screen.write_process_input = self._reply  # type: ignore[method-assign]
        self.stream = pyte.Stream(self.screen)
        self.raw = ""
        self.screens: list[str] = []
        self.child = pexpect.spawn(
            "/bin/sh",
            ["-c", command],
            env=environ,
            encoding="utf-8",
            timeout=30,
            dimensions=(rows, columns),
        )

    def _reply(self, data: str) -> None:
        """The terminal's answers (e.g. the cursor position prompt_toolkit asks for)."""
        self.child.send(data)

    def _read(self, timeout: float) -> None:
        try:
            chunk = self.child.read_nonblocking(65536, timeout=timeout)
        except pexpect.TIMEOUT:
            return
        except pexpect.EOF:
            raise
        self.raw += chunk
        self.stream.feed(chunk)
        self.screens.append(self.text)

    @property
    def text(self) -> str:
        return "\n".join(line.rstrip() for line in self.screen.display)

    def wait_for(self, pattern: str, timeout: float = 8) -> str:
        """Read until `pattern` (a regex) is on the screen; return the screen."""
        end = time.monotonic() + timeout
        while not re.search(pattern, self.text):
            if time.monotonic() > end:
                raise AssertionError(f"{pattern!r} not on screen:\n{self.text}")
            try:
                self._read(0.2)
            except pexpect.EOF:
                if re.search(pattern, self.text):
                    break
                raise AssertionError(f"ended before {pattern!r}:\n{self.text}") from None
        return self.text

    def skip_description(self) -> None:
        """The optional first step (the person's own words): Enter skips it."""
        self.wait_for("In a sentence or two")
        self.send(ENTER)

    def send(self, *keys: str) -> None:
        for key in keys:
            self.child.send(key)
            time.sleep(0.05)

    def finish(self) -> int:
        """Read to the end; the exit status."""
        while True:
            try:
                self._read(0.5)
            except pexpect.EOF:
                break
        self.child.close()
        status = self.child.exitstatus
        return self.child.signalstatus + 128 if status is None else status

    @property
    def plain(self) -> str:
        """Everything printed, escape sequences removed."""
        return ANSI.sub("", self.raw)


def test_ctrl_c_exits_130() -> None:
    term = Terminal(f"{ADVISOR} recommend")
    term.wait_for(r"\?")
    term.send("\x03")
    assert term.finish() == 130
    assert "Traceback" not in term.plain


def test_who_it_is_for_changes_the_wording() -> None:
    args = " ".join([*SITUATION, "--payment", "private"])
    me = Terminal(f"{ADVISOR} recommend {args}")
    me.skip_description()
    me.wait_for("Who is the help for")
    me.send(ENTER)  # Me
    screen = me.wait_for("Space to tick")
    assert "appointments with me" in screen
    me.send("\x03")
    me.finish()

    other = Terminal(f"{ADVISOR} recommend {args}")
    other.skip_description()
    other.wait_for("Who is the help for")
    other.send(DOWN, ENTER)  # Someone I look after
    screen = other.wait_for("Space to tick")
    assert "appointments with them" in screen
    assert not re.search(r"\b(me|my)\b", screen.split("?", 1)[-1]), screen
    other.send("\x03")
    other.finish()


def test_the_review_lets_you_change_an_answer() -> None:
    term = Terminal(f"{ADVISOR} recommend {' '.join(SITUATION)}")
    term.skip_description()
    term.wait_for("Who is the help for")
    term.send(ENTER)  # me
    term.wait_for("How would the help be paid")
    term.send(ENTER)  # covered
    term.wait_for("Space to tick")
    term.send(SPACE, ENTER)  # the first need
    term.wait_for("Show my result")
    term.wait_for("It should come with my care or insurance")  # every answer listed
    # Change the payment answer: the review lists "Show my result" first, then
    # each question in order (who it is for, timeframe, side, setting, payment, ...).
    term.send(*([DOWN] * 5), ENTER)
    term.wait_for("I can pay privately")  # the question again, with its choices
    term.send(DOWN, ENTER)  # private
    term.wait_for("Show my result")  # back in the review, with the new answer
    term.wait_for("How would the help be paid for\\? I can pay privately")
    term.send(ENTER)
    term.wait_for("Save a report")
    term.send(ENTER)  # no, thanks
    assert term.finish() == 0
    assert "Recommended: Care manager" in term.plain
    assert "Traceback" not in term.plain


def test_enter_on_an_empty_choose_any_does_not_skip() -> None:
    term = Terminal(f"{ADVISOR} recommend {' '.join(SITUATION)} --payment private --for me")
    term.skip_description()
    term.wait_for("Space to tick")
    term.send(ENTER)  # nothing ticked
    time.sleep(0.5)
    screen = term.wait_for(r"(?i)tick")
    assert "Show my result" not in screen and "Recommended" not in term.plain
    term.send(SPACE, ENTER)
    term.wait_for("Show my result")
    term.send("\x03")
    assert term.finish() == 130


def test_a_long_choose_any_list_says_there_is_more_below() -> None:
    term = Terminal(f"{ADVISOR} recommend {' '.join(SITUATION)} --payment private --for me", 42, 20)
    term.skip_description()
    term.wait_for("Space to tick")
    # the list is drawn after its heading: wait for the marker itself (fails if it never comes)
    screen = term.wait_for(r"(?i)\d+ more")
    assert "Fighting an insurance denial" in screen  # the list is there, and more below it
    term.send("\x03")
    term.finish()


def test_output_to_a_file_asks_on_the_terminal(tmp_path: Path) -> None:
    out = tmp_path / "result.txt"
    term = Terminal(f"{ADVISOR} recommend {' '.join(SITUATION)} > {shlex.quote(str(out))}")
    term.skip_description()
    term.wait_for("Who is the help for")
    term.send(ENTER)
    term.wait_for("How would the help be paid")
    term.send(DOWN, ENTER)
    term.wait_for("Space to tick")
    term.send(SPACE, ENTER)
    term.wait_for("Show my result")
    term.send(ENTER)
    assert term.finish() == 0
    written = out.read_text(encoding="utf-8")
    assert "Recommended:" in written
    assert "\x1b" not in written and "Show my result" not in written
    assert "Recommended:" not in term.plain  # the result went to the file, not the screen


def test_every_screen_fits_a_42_column_terminal() -> None:
    """Nothing the wizard or the result prints reaches the last column, so the
    terminal never breaks a word in two (the old key hint read "(ar" / "row keys")."""
    term = Terminal(f"{ADVISOR} recommend", 42, 20)
    term.skip_description()
    term.wait_for("Who is the help for")
    term.send(DOWN, ENTER)
    for _ in range(5):  # timeframe, side, setting, payment, coverage: the first option each
        term.wait_for(r"\?")
        term.send(ENTER)
        time.sleep(0.3)
    term.wait_for("Space to tick")
    term.send(SPACE, ENTER)
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


PAGER = f"{shlex.quote(sys.executable)} -c " + shlex.quote(
    "import sys; sys.stdin.read(); print('PAGER RAN')"
)


def test_long_output_goes_through_the_pager_on_a_terminal() -> None:
    term = Terminal(f"{ADVISOR} show care-manager", env={"ADVISOR_PAGER": PAGER})
    assert term.finish() == 0
    assert "PAGER RAN" in term.plain


def test_pager_respects_pager_and_no_pager() -> None:
    env = {"ADVISOR_PAGER": "", "PAGER": PAGER}
    term = Terminal(f"{ADVISOR} compare --all", env=env)
    assert term.finish() == 0
    assert "PAGER RAN" in term.plain
    term = Terminal(f"{ADVISOR} compare --all --no-pager", env=env)
    assert term.finish() == 0
    assert "PAGER RAN" not in term.plain and "What they all share" in term.plain


def test_short_output_and_pipes_are_never_paged() -> None:
    env = {"ADVISOR_PAGER": PAGER}
    term = Terminal(f"{ADVISOR} roles", rows=60, env=env)
    assert term.finish() == 0
    assert "PAGER RAN" not in term.plain and "Care manager" in term.plain
    term = Terminal(f"{ADVISOR} show care-manager | cat", env=env)
    assert term.finish() == 0
    assert "PAGER RAN" not in term.plain and "Care manager" in term.plain
