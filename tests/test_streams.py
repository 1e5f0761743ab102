"""Odd streams: closed, full and non-UTF-8 stdout, closed stdin and stderr, a
pipe closed early, signals at start-up. (What advisor echoes of a user's names
and words is in test_terminal_safety.py.)"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from hostile import advisor, copy_kb, edit

TITLE = "\x1b]0;pwned\x07"


def _close(fd: int) -> None:
    os.close(fd)


@pytest.mark.parametrize(
    "args",
    [["recommend", "--timeframe", "ongoing"], ["career", "--pay", "a-lot"]],
    ids=["recommend", "career"],
)
def test_def12_closed_stdin(args: list[str]) -> None:
    """G21: `advisor recommend --timeframe ongoing <&-` raised AttributeError."""
    result = advisor(*args, preexec_fn=lambda: _close(0))
    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr and b"Care" in result.stdout


@pytest.mark.parametrize("args", [["roles", "--json"], ["roles", "--markdown"]])
def test_def13_closed_stdout_with_json_or_markdown(args: list[str]) -> None:
    """G24: `advisor roles --json >&-` raised AttributeError."""
    result = advisor(*args, stdout=None, stderr=subprocess.PIPE, preexec_fn=lambda: _close(1))
    assert result.returncode == 1
    assert b"Traceback" not in result.stderr and len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize("args", [["roles"], ["--help"], ["--version"]])
def test_def22_closed_stdout_is_not_a_silent_success(args: list[str]) -> None:
    """G25: output silently dropped with exit 0."""
    result = advisor(*args, stdout=None, stderr=subprocess.PIPE, preexec_fn=lambda: _close(1))
    assert result.returncode == 1
    assert b"Traceback" not in result.stderr and len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize(
    "args", [["roles"], ["roles", "--json"], ["roles", "--markdown"], ["--version"]]
)
def test_def14_full_stdout(args: list[str]) -> None:
    """G29: `advisor roles > /dev/full` printed an OSError traceback."""
    with open("/dev/full", "wb") as full:
        result = advisor(*args, stdout=full, stderr=subprocess.PIPE)
    assert result.returncode == 1
    assert b"Traceback" not in result.stderr and len(result.stderr.splitlines()) == 1
    assert b"No space left" in result.stderr


def test_def22_help_into_a_closed_pipe_exits_0() -> None:
    """G2: `advisor --help | head -1` left the help with exit 1 (the data-problem code)."""
    script = (
        f'"{sys.executable}" -m advisor --help | head -c 10 >/dev/null; echo ${{PIPESTATUS[0]}}'
    )
    for _ in range(3):
        result = subprocess.run(
            ["bash", "-c", script], capture_output=True, timeout=60, check=False
        )
        assert result.stdout.strip() == b"0", result.stderr


def test_def22_closed_stderr_keeps_the_usage_exit_code() -> None:
    """G27: `advisor show nope 2>&-` exited 1, not 2."""
    result = advisor("show", "nope", stdout=subprocess.PIPE, preexec_fn=lambda: _close(2))
    assert result.returncode == 2


def test_def22_full_stderr_keeps_the_usage_exit_code() -> None:
    """G30: `advisor show nope 2>/dev/full` exited 1, not 2."""
    with open("/dev/full", "wb") as full:
        result = advisor("show", "nope", stdout=subprocess.PIPE, stderr=full)
    assert result.returncode == 2


def test_def22_closed_stderr_does_not_spoil_a_report_run(tmp_path: Path) -> None:
    """G28: with stderr closed a successful --report run exited 1 and printed nothing."""
    report = tmp_path / "se.md"
    result = advisor(
        "recommend", "--timeframe", "ongoing", "--no-input", "--report", str(report),
        stdout=subprocess.PIPE, preexec_fn=lambda: _close(2),
    )  # fmt: skip
    assert result.returncode == 0
    assert b"Recommended" in result.stdout and report.exists()


@pytest.mark.parametrize("encoding", ["ascii", "latin-1", "cp437"])
def test_def18_json_is_lossless_on_a_non_utf8_stdout(tmp_path: Path, encoding: str) -> None:
    """G20: `"Gestor de atenci?n"`: --json replaced what the encoding could not show."""
    kb = copy_kb(tmp_path)

    def change(d: dict[str, list[dict[str, str]]]) -> None:
        d["roles"][3]["name"] = "Gestor de atención 中文"

    edit(kb / "roles.json", change)
    result = advisor("--data", str(kb), "roles", "--json", env={"PYTHONIOENCODING": encoding})
    assert result.returncode == 0, result.stderr
    result.stdout.decode("ascii")
    names = [r["name"] for r in json.loads(result.stdout)["roles"]]
    assert "Gestor de atención 中文" in names
