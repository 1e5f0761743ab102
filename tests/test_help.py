"""Help and flags follow the conventions people expect (gh, click, clig.dev):
choices shown as choices, no type placeholders, flag-only switches, an example
on every command, "did you mean" for a near miss, `-` for standard streams."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import Run, ok
from helpers import command_paths

TYPE_PLACEHOLDER = re.compile(r"<[a-z_]+(\[[a-z_\[\]]+\])?>|\{[A-Za-z_]+\}")
HYPHEN_AT_LINE_END = re.compile(r"[a-z]-$", re.M)


@pytest.mark.parametrize("columns", ["80", "42"])
def test_every_help_is_free_of_type_placeholders_and_has_an_example(run: Run, columns: str) -> None:
    paths = command_paths()
    assert len(paths) >= 7
    for path in paths:
        result = run(*path, "--help", env={"COLUMNS": columns})
        assert result.exit_code == 0, (path, result.output)
        text = result.stdout
        assert "Example:" in text, path
        assert not TYPE_PLACEHOLDER.search(text), (path, TYPE_PLACEHOLDER.search(text))
        assert not re.search(r"--no-(?!input|pager)", text), path  # flags are flag-only
        # a value such as insurance-approval is never split across two lines
        assert not HYPHEN_AT_LINE_END.search(text), (path, text)


def test_choices_are_shown_as_choices(run: Run) -> None:
    text = run("recommend", "--help").stdout
    assert "--timeframe [episodic|ongoing|as-needed|not-sure]" in text
    assert "--side [patient|system|either|not-sure]" in text
    career = run("career", "--help").stdout
    assert "--licence, --license [nurse|social-work|none|not-sure]" in career


def test_each_command_help_is_true_for_that_command(run: Run) -> None:
    """Every output command takes the same output flags; --force says what it may replace."""
    for command in ("roles", "show", "routes", "compare", "recommend", "career", "map"):
        text = run(command, "--help").stdout
        for flag in ("--json", "--markdown", "--report FILE", "--no-pager"):
            assert flag in text, (command, flag)
        saves = "--save FILE" in text
        force = (
            "Overwrite an existing --save or --report file."
            if saves
            else ("Overwrite an existing --report file.")
        )
        assert force in text, command


def test_root_help_says_how_to_install_completion(run: Run) -> None:
    text = run("--help").stdout
    assert "advisor --install-completion" in text
    assert "--show-completion" in text


@pytest.mark.parametrize(
    ("args", "suggestion"),
    [
        (["recommend", "--side", "patients"], "Did you mean patient?"),
        (["recommend", "--timeframe", "ongoin"], "Did you mean ongoing?"),
        (["career", "--work-for", "patient"], "Did you mean patients?"),
        (["recommend", "--need", "insurance"], "insurance-approval or insurance-denial"),
        (["compare", "advocate", "case-manager", "--aspect", "costs"], "Did you mean cost?"),
    ],
)
def test_a_near_miss_gets_a_suggestion(run: Run, args: list[str], suggestion: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert suggestion in result.stderr
    assert result.stderr.count("\n") == 1  # one line
    assert result.stdout == ""


def test_a_far_miss_lists_the_choices_without_guessing(run: Run) -> None:
    result = run("recommend", "--payment", "xyz", "--no-input")
    assert result.exit_code == 2
    assert "Did you mean" not in result.stderr
    assert "Choose from: covered, private, not-sure" in result.stderr


def test_license_is_accepted_as_well_as_licence(run: Run) -> None:
    us = run("career", "--license", "nurse", "--json")
    uk = run("career", "--licence", "nurse", "--json")
    assert us.exit_code == uk.exit_code == 0, us.output
    assert json.loads(us.stdout) == json.loads(uk.stdout)
    assert json.loads(us.stdout)["answers"]["licence"] == "nurse"


def test_answers_file_keys_may_be_the_flag_names(run: Run, tmp_path: Path) -> None:
    answers = tmp_path / "a.json"
    answers.write_text('{"need": ["medications"], "timeframe": "ongoing"}', encoding="utf-8")
    result = run("recommend", "--answers", str(answers), "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["answers"]["needs"] == ["medications"]
    career = tmp_path / "c.json"
    career.write_text('{"license": "nurse"}', encoding="utf-8")
    result = run("career", "--answers", str(career), "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["answers"]["licence"] == "nurse"
    typo = tmp_path / "t.json"
    typo.write_text('{"neds": ["medications"]}', encoding="utf-8")
    result = run("recommend", "--answers", str(typo))
    assert result.exit_code == 2
    assert "Did you mean needs?" in result.stderr


def advisor_piped(*args: str, input: str) -> subprocess.CompletedProcess[str]:
    """advisor as a real process with `input` on a pipe, as in `echo ... | advisor ...`."""
    return subprocess.run(
        [sys.executable, "-m", "advisor", *args],
        input=input,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_answers_dash_reads_standard_input() -> None:
    result = advisor_piped("recommend", "--answers", "-", "--json", input='{"timeframe":"ongoing"}')
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["answers"] == {"timeframe": "ongoing"}
    bad = advisor_piped("recommend", "--answers", "-", input="{")
    assert bad.returncode == 2
    assert "-: not valid JSON" in bad.stderr


def test_save_and_report_dash_print_to_standard_output(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    saved = run("recommend", "--timeframe", "ongoing", "--need", "medications", "--save", "-")
    assert saved.exit_code == 0, saved.output
    assert json.loads(saved.stdout) == {"timeframe": "ongoing", "needs": ["medications"]}
    report = run("recommend", "--timeframe", "ongoing", "--report", "-")
    assert report.exit_code == 0, report.output
    assert report.stdout.startswith("# ")  # Markdown, and nothing else on stdout
    assert "Report saved" not in report.stderr
    career = run("career", "--licence", "nurse", "--save", "-")
    assert career.exit_code == 0, career.output
    assert json.loads(career.stdout) == {"licence": "nurse"}
    assert not (tmp_path / "-").exists()


def test_only_one_output_may_take_standard_output(run: Run) -> None:
    both = run("recommend", "--timeframe", "ongoing", "--report", "-", "--json")
    assert both.exit_code == 2
    assert "--report - and --json would both print to standard output" in both.stderr
    three = run("recommend", "--timeframe", "ongoing", "--save", "-", "--report", "-", "--json")
    assert three.exit_code == 2
    assert "would all print" in three.stderr


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["recommend", "--bad"], "advisor: error: No such option: --bad. See: advisor recommend"),
        (["compare", "--aspct", "x"], "Did you mean --aspect?"),
        (["bogus"], "advisor: error: No such command 'bogus'. See: advisor --help"),
        (["show"], "advisor: error: Missing argument 'ROLE'."),
    ],
)
def test_usage_errors_are_one_line_in_advisors_style(args: list[str], expected: str) -> None:
    """The same one-line style as every other error, not click's three-line box."""
    result = advisor_piped(*args, input="")
    assert result.returncode == 2
    assert expected in result.stderr
    assert result.stderr.startswith("advisor: error: ")
    assert result.stderr.count("\n") == 1
    assert result.stdout == ""


@pytest.mark.parametrize("args", [[], ["data"]])
def test_a_bare_command_prints_its_help_readably(args: list[str]) -> None:
    """`advisor` alone is often the first thing a person types: the help, line by
    line (not one error line full of \\x0a), on stderr with the usage exit code."""
    result = subprocess.run(
        [sys.executable, "-m", "advisor", *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "COLUMNS": "80"},
    )
    assert result.returncode == 2
    assert result.stderr.startswith(f"Usage: advisor {' '.join(args)}".rstrip() + " [OPTIONS]")
    assert "\\x0a" not in result.stderr and "error" not in result.stderr.splitlines()[0]
    assert "Commands:" in result.stderr


@pytest.mark.parametrize("path", [[], ["recommend"], ["career"], ["map"], ["data", "check"]])
def test_help_fits_a_42_column_terminal(path: list[str]) -> None:
    """click lays help out at least 50 columns wide, so at 42 the terminal broke
    most lines mid-word. (A real process: CliRunner fixes help at 80 columns.)"""
    result = subprocess.run(
        [sys.executable, "-m", "advisor", *path, "--help"],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "COLUMNS": "42"},
    )
    assert result.returncode == 0, result.stderr
    wide = [line for line in result.stdout.splitlines() if len(line) > 42]
    assert not wide, wide


def test_career_help_says_what_details_adds(run: Run) -> None:
    """career --help promised 'costs, questions to ask', which only recommend has."""
    career = ok(run("career", "--help")).stdout
    assert "questions to ask" not in career
    assert "paths and pay" in " ".join(career.split())
    assert "questions to ask" in " ".join(ok(run("recommend", "--help")).stdout.split())


@pytest.mark.parametrize(
    "command",
    [
        ("roles",),
        ("show",),
        ("routes",),
        ("compare",),
        ("recommend",),
        ("career",),
        ("map",),
        ("schema",),
        ("data", "init"),
        ("data", "check"),
        ("data", "schema"),
    ],
)
def test_usage_line_brackets_each_argument_once(run: Run, command: tuple[str, ...]) -> None:
    """`advisor data schema --help` read 'Usage: advisor data schema [OPTIONS] [[FILE]]'."""
    usage = ok(run(*command, "--help")).stdout.splitlines()[0]
    assert usage.startswith("Usage: advisor"), usage
    assert "[[" not in usage and "{[" not in usage and "{{" not in usage, usage
