"""Hardening of the questionnaire in a real pseudo-terminal (pexpect): signals
at a prompt, output paths checked before the first question, hostile prompts.
Named after the review's defects (DEF-N)."""

from __future__ import annotations

import io
import os
import re
import signal
import sys
import termios
import time
from pathlib import Path
from typing import Any

import pexpect
import pytest

from hostile import copy_kb, edit, hostile_kb

FIRST_QUESTION = "Who is the help for"


def to_first_question(child: pexpect.spawn) -> None:
    """Enter skips the optional description step; the first question follows."""
    child.expect("In a sentence or two, what is going on")
    child.send("\r")
    child.expect(FIRST_QUESTION)


def spawn(*args: str, cwd: Path | None = None, columns: int = 100) -> pexpect.spawn:
    env = {**os.environ, "COLUMNS": str(columns), "TERM": "xterm", "PROMPT_TOOLKIT_NO_CPR": "1"}
    env.pop("NO_COLOR", None)
    return pexpect.spawn(
        sys.executable,
        ["-m", "advisor", *args],
        env=env,
        cwd=str(cwd) if cwd else None,
        encoding="utf-8",
        codec_errors="replace",
        timeout=30,
        dimensions=(40, columns),
    )


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_def05_signal_at_a_prompt_restores_the_terminal(
    tmp_path: Path, sig: signal.Signals, code: int
) -> None:
    """G7, G8: killed at a prompt, the tty stayed raw with the cursor hidden."""
    child = spawn("recommend", "--save", "s.json", cwd=tmp_path)
    to_first_question(child)
    time.sleep(0.3)  # let prompt_toolkit switch the terminal to raw mode
    child.kill(sig)
    child.expect(pexpect.EOF)
    modes = termios.tcgetattr(child.child_fd)  # the pty's modes, as the process left them
    output = child.before or ""
    child.close()
    assert child.exitstatus == code, (child.exitstatus, child.signalstatus)
    assert modes[3] & termios.ECHO and modes[3] & termios.ICANON
    assert output.rfind("\x1b[?25h") > output.rfind("\x1b[?25l")  # cursor shown again
    assert "Traceback" not in output
    assert list(tmp_path.iterdir()) == []


def test_def23_external_sigint_at_a_prompt_interrupts(tmp_path: Path) -> None:
    """G9: `kill -INT` (or `timeout -s INT`) was ignored while a prompt was open."""
    child = spawn("recommend")
    to_first_question(child)
    time.sleep(0.3)
    child.kill(signal.SIGINT)
    child.expect("Interrupted.", timeout=5)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130


def test_def05_ctrl_c_at_a_prompt_still_exits_130() -> None:
    """G4 (passed): Ctrl-C at a prompt: `Interrupted.`, 130."""
    child = spawn("recommend")
    to_first_question(child)
    child.sendcontrol("c")
    child.expect("Interrupted.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--report", "report.pdf"], "should end in .txt, .md or .html"),  # D20
        (["--save", "nodir/s.json"], "folder"),  # D21
        (["--report", "nodir/r.md"], "folder"),  # D21
    ],
)
def test_def07_output_paths_are_checked_before_the_first_question(
    tmp_path: Path, args: list[str], message: str
) -> None:
    """D20, D21: all five questions were asked, then the path was refused."""
    child = spawn("recommend", *args, cwd=tmp_path)
    index = child.expect([message, FIRST_QUESTION])
    assert index == 0, "a question was asked before the path was checked"
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2
    assert list(tmp_path.iterdir()) == []


def test_def02_wizard_shows_no_bel_or_c1_from_data(tmp_path: Path) -> None:
    """A9: prompt_toolkit turned ESC into `?`, but BEL and C1 CSI went through."""
    kb = hostile_kb(tmp_path, "\x07\x07 \x9b31m")
    child = spawn("--data", str(kb), "recommend")
    child.logfile_read = io.StringIO()
    index = child.expect(["In a sentence or two", pexpect.EOF])
    if index == 0:
        child.send("\r")
        child.expect(FIRST_QUESTION)
        child.expect(["Enter to choose", pexpect.TIMEOUT], timeout=5)
        child.sendcontrol("c")
        child.expect(pexpect.EOF)
    output = child.logfile_read.getvalue()
    child.close()
    assert "\x07" not in output and "\x9b" not in output


def test_def16_long_prompt_does_not_hang_the_wizard(tmp_path: Path) -> None:
    """A19: a 20 000-character prompt took a minute to draw (100 000: never)."""
    kb = copy_kb(tmp_path)

    def change(d: Any) -> None:
        d["questions"][0]["prompt"] = "word " * 4000

    edit(kb / "questions.json", change)
    child = spawn("--data", str(kb), "recommend")
    rejected = "questions\\[0\\]\\.prompt"
    index = child.expect(["In a sentence or two", rejected, pexpect.EOF], timeout=12)
    start = time.monotonic()
    if index == 0:
        child.send("\r")  # skip the description step
        index = child.expect(["word word word", rejected, pexpect.EOF], timeout=12)
    assert index in (0, 1)
    if index == 0:
        child.expect(["Enter to choose", pexpect.TIMEOUT], timeout=10)
    assert time.monotonic() - start < 10
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()


@pytest.mark.parametrize("columns", [5, 10, 20])
def test_def17_narrow_real_terminal_loses_no_text(columns: int) -> None:
    """G14: in a real pty of 1 to 10 columns, rich cut each line at the edge."""
    child = spawn("show", "advocate", columns=columns)
    child.expect(pexpect.EOF)
    output = child.before or ""
    child.close()
    assert child.exitstatus == 0
    text = output.replace("\r", "")
    plain = [re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", line) for line in text.split("\n")]
    assert max(len(line) for line in plain) <= columns
    joined = "".join("".join(plain).split())  # words may break at 5 columns
    assert "Patientadvocate(patient-advocate)" in joined
