"""Random command lines, hostile terminals and bad files: never a traceback,
always exit 0, 1 or 2."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from advisor.cli import app
from helpers import HEADLINE

WORDS = [
    "roles",
    "show",
    "compare",
    "recommend",
    "--json",
    "--markdown",
    "--all",
    "--aspect",
    "--timeframe",
    "--side",
    "--setting",
    "--payment",
    "--need",
    "--answers",
    "--save",
    "--force",
    "--no-input",
    "--help",
    "--version",
    "--data",
    "advocate",
    "case-manager",
    "care-coordinator",
    "care-manager",
    "nurse-case-manager",
    "episodic",
    "ongoing",
    "as-needed",
    "patient",
    "system",
    "home",
    "facility",
    "discharge",
    "scheduling",
    "medical-bills",
    "not-sure",
    "cost",
    "salary",
    "answers.json",
    "nowhere/file.json",
    "",
    "-",
    "--",
    "—",
    "ü",
    "🙂",
    "\x00",
    "weekly",
    "spaceship",
    "a,b,,c",
]
WORDS += [
    "career", "map", "--report", "report.md", "report.html", "report.pdf", "--work-for",
    "--relationship", "--travel", "--licence", "--pay", "--flexibility", "patients",
    "long-term", "nurse", "a-lot", "codes",
]  # fmt: skip
argv = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12)), max_size=8)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(args=argv)
def test_random_command_lines_never_crash(
    args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # --save may write files: keep them in a scratch folder
    result = CliRunner().invoke(app, args)
    assert result.exit_code in (0, 1, 2), (args, result.output)
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), (args, repr(result.exception))
    assert "Traceback" not in result.output


COMMANDS = [
    ["roles"],
    ["show", "care-manager"],
    ["compare", "advocate", "case-manager"],
    ["compare", "--all"],
    ["recommend", "--timeframe", "ongoing", "--need", "home-visits"],
    ["roles", "--json"],
    ["career", "--work-for", "patients", "--licence", "none"],
    ["map", "--side", "patient", "--timeframe", "ongoing"],
]
TERMINALS = {
    "dumb": {"TERM": "dumb"},
    "no-color": {"NO_COLOR": "1"},
    "narrow": {"COLUMNS": "40"},
    "C locale": {"LANG": "C", "LC_ALL": "C"},
    "ascii only": {"LC_ALL": "C", "PYTHONIOENCODING": "ascii"},
}


@pytest.mark.parametrize("terminal", TERMINALS)
def test_every_command_works_in_odd_terminals(terminal: str) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS")}
    env.update(TERMINALS[terminal])
    for args in COMMANDS:
        result = subprocess.run(
            [sys.executable, "-m", "advisor", *args],
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=60,
            check=False,
        )
        assert result.returncode == 0, (terminal, args, result.stderr)
        assert b"\x1b[" not in result.stdout
        if terminal == "narrow" and "--json" not in args:
            widths = [len(line.rstrip()) for line in result.stdout.decode().splitlines()]
            assert max(widths) <= 40, args
        if terminal == "ascii only":
            result.stdout.decode("ascii")


COLOUR = re.compile(rb"\x1b\[(?:\d+;)*(?:3[0-8]|9[0-7])(?:;\d+)*m")


@pytest.mark.parametrize(("no_color", "coloured"), [(None, True), ("1", False)])
def test_no_color_wins_over_forced_colour(no_color: str | None, coloured: bool) -> None:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env["FORCE_COLOR"] = "1"
    if no_color:
        env["NO_COLOR"] = no_color
    result = subprocess.run(
        [sys.executable, "-m", "advisor", "recommend", "--need", "travel"],
        env=env,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert HEADLINE.encode() in result.stdout
    assert bool(COLOUR.search(result.stdout)) is coloured


def test_broken_pipe_is_quiet() -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "advisor", "compare", "--all"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.read(10)
        proc.stdout.close()
        err = proc.stderr.read()
        proc.wait(timeout=60)
    assert b"Traceback" not in err


HOSTILE_WORDS = [
    "recommend", "map", "career", "show", "roles", "compare", "--all", "--json", "--markdown",
    "--answers", "--data", "--save", "--report", "--force", "--no-input", "--timeframe",
    "--side", "--need", "ongoing", "patient", "advocate",
    "deep.json", "bigint.json", "nul.json", "bom.json", "dup.json", "huge.json", "fifo.json",
    "zero.json", "folder", "kb-esc", "kb-deep", "r.md", "r.html", "s.json",
    "\x1b]0;pwned\x07", "\x1b[2J", "\x9b31m", "\x00", "\u202eabc", "a\x1b]8;;http://x\x07b",
    "x" * 5000, "-", "folder/",
]  # fmt: skip
LEAKS = ("\x1b]", "\x1b[2J", "\x07", "\x9b", "\x00")


def _hostile_files(folder: Path) -> None:
    """Answers files, special files and knowledge bases an attacker or a slip might give."""
    if (folder / "deep.json").exists():
        return
    from hostile import ESCAPES, copy_kb, hostile_kb

    (folder / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    (folder / "bigint.json").write_text('{"timeframe": ' + "9" * 5000 + "}")
    (folder / "nul.json").write_bytes(b'{"timeframe": "ongoing\x00"}')
    (folder / "bom.json").write_bytes(b'\xef\xbb\xbf{"timeframe": "ongoing"}')
    (folder / "dup.json").write_text('{"side": "patient", "side": "system"}')
    with (folder / "huge.json").open("wb") as handle:
        handle.truncate(50_000_000)  # sparse: beyond the answers cap, no disk used
    os.mkfifo(folder / "fifo.json")
    (folder / "zero.json").symlink_to("/dev/zero")
    (folder / "folder").mkdir()
    hostile_kb(folder, ESCAPES, name="kb-esc")
    deep = copy_kb(folder, "kb-deep")
    (deep / "roles.json").write_text('{"roles": ' + "[" * 100_000 + "]" * 100_000 + "}")


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(args=st.lists(st.sampled_from(HOSTILE_WORDS), max_size=8))
def test_hostile_inputs_never_crash_hang_or_leak_escapes(
    args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Escape sequences, NUL, huge and deeply nested JSON, FIFOs and devices as
    inputs: a clean exit code, no traceback, nothing raw on either stream, and
    the special files are never replaced."""
    _hostile_files(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, args)
    assert result.exit_code in (0, 1, 2), (args, result.output)
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), (args, repr(result.exception))
    for leak in LEAKS:
        assert leak not in result.stdout and leak not in result.stderr, (args, leak)
    assert (tmp_path / "fifo.json").is_fifo() and (tmp_path / "zero.json").is_symlink()
