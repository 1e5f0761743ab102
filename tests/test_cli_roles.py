"""`advisor roles`, `advisor show` and the global options, through the real command."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
import typer

from advisor.cli import app
from advisor.views.citing import value_words
from helpers import Run, ok
from helpers import catalog as catalog_under_test

REQUIRED = [
    "id",
    "name",
    "aliases",
    "summary",
    "works_for",
    "settings",
    "timeframe",
    "focus",
    "responsibilities",
    "limits",
    "education",
    "skills",
    "credentials",
    "who_pays",
    "typical_cost",
    "salary",
    "occupation_codes",
    "find_one",
    "questions_to_ask",
    "variants",
    "sources",
    "as_of",
    "version",
]


def test_version(run: Run) -> None:
    from advisor import __version__

    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"advisor {__version__}"


def test_roles_table_lists_all_four(run: Run) -> None:
    result = run("roles")
    assert result.exit_code == 0
    for name in ("Patient advocate", "Case manager", "Care coordinator", "Care manager"):
        assert name in result.stdout
    assert "not used consistently" in result.stdout


def test_roles_table_gives_short_columns_their_own_width(run: Run) -> None:
    lines = ok(run("roles")).stdout.splitlines()
    assert re.match(r"\| Role \(id\) +\| Works for +\| Timeframe +\| Focus ", lines[2]), lines[2]
    first = catalog_under_test().roles[0]  # in the data's order
    worded = value_words(first.works_for.value), value_words(first.timeframe.value)
    cells = (first.name, *worded, first.focus.text.split()[0])
    assert re.match(r"\| " + r" +\| ".join(map(re.escape, cells)), lines[4]), lines[4]
    assert max(len(line) for line in lines) <= 100


def test_roles_on_a_narrow_screen_are_stacked(run: Run) -> None:
    lines = ok(run("roles", env={"COLUMNS": "40"})).stdout.splitlines()
    assert max(len(line) for line in lines) <= 40
    assert not any(line.startswith("|") for line in lines)
    first = catalog_under_test().roles[0]  # in the data's order
    assert lines[1:5] == [
        first.name,
        f"({first.id})",
        "  Works for",
        f"    {value_words(first.works_for.value)}",
    ]


def test_roles_markdown(run: Run) -> None:
    out = ok(run("roles", "--markdown")).stdout
    assert re.match(r"# The \w+ roles\n", out), out[:40]  # the count: see the test below
    assert "| Role (id) | Works for | Timeframe | Focus |" in out
    assert "| Care manager<br>(care-manager) | the patient | ongoing |" in out
    assert run("roles", "--markdown", "--json").exit_code == 2


def test_roles_json(run: Run) -> None:
    data = json.loads(ok(run("roles", "--json")).stdout)
    roles = catalog_under_test().roles
    assert [r["id"] for r in data["roles"]] == [r.id for r in roles]  # in the data's order
    assert [r["timeframe"] for r in data["roles"]] == [r.timeframe.value for r in roles]


def test_show_by_alias(run: Run) -> None:
    result = run("show", "nurse-case-manager")
    assert result.exit_code == 0
    out = result.stdout
    assert "Case manager (case-manager)" in out
    assert "Where the sources disagree" in out
    assert "Sources (read on 2026-11-23; page dates vary)" in out
    assert "Care Manager vs Case Manager vs Patient Advocate" in out  # by title, not id
    assert "seed-003" not in out


def test_show_json_has_every_field_with_sources(run: Run) -> None:
    result = run("show", "care-manager", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    for key in REQUIRED:
        assert data[key] not in (None, "", []), key
    assert data["aliases"] and "geriatric care manager" in data["aliases"]
    assert all(f["sources"] for f in data["responsibilities"])
    assert {s["id"] for s in data["sources"]} >= {"seed-003", "seed-004", "alca"}
    assert data["salary"]["amount"] is None and "no salary" in data["salary"]["text"]


def test_show_unknown_role_is_a_usage_error(run: Run) -> None:
    result = run("show", "advocat")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "Did you mean patient-advocate?" in result.stderr


def test_every_command_has_help_with_an_example(run: Run) -> None:
    commands = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    assert {"roles", "show", "recommend"} <= set(commands)
    for command in commands:
        result = run(command, "--help")
        assert result.exit_code == 0, command
        assert "Example:" in result.stdout, command


def test_python_dash_m() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "advisor", "show", "advocate", "--json"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["id"] == "patient-advocate"


@pytest.mark.parametrize("command", ["recommend", "career"])
def test_flag_help_lists_every_choice_in_the_data(run: Run, command: str) -> None:
    """Flag help is built from the questionnaire data, every choice listed."""
    catalog = catalog_under_test()
    questionnaire = catalog.questionnaire if command == "recommend" else catalog.career
    result = run(command, "--help", env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.replace("│", " ").split())
    for question in questionnaire.questions:
        assert f"--{question.flag}" in text
        for option in question.options:
            assert option.id in text, (question.id, option.id)


def test_show_markdown_and_narrow(run: Run) -> None:
    result = run("show", "coordinator", "--markdown")
    assert result.exit_code == 0
    assert result.stdout.startswith("# Care coordinator (care-coordinator)")
    assert "## Where to find one" in result.stdout
    narrow = run("show", "care-manager", env={"COLUMNS": "40"})
    assert narrow.exit_code == 0, narrow.output
    assert max(len(line.rstrip()) for line in narrow.stdout.splitlines()) <= 40
    assert run("show", "advocate", "--json", "--markdown").exit_code == 2


@pytest.mark.parametrize(
    "command", [("roles",), ("roles", "--markdown"), ("map",), ("show", "navigator")]
)
def test_headings_count_the_roles_the_data_has(run: Run, command: tuple[str, ...]) -> None:
    """A heading that counts the roles counts those in the knowledge base in use:
    a fifth role added to the data is not one of "the four roles"."""
    count = len(catalog_under_test().roles)
    out = " ".join(ok(run(*command)).stdout.split()).lower()
    for number, word in enumerate(("two", "three", "four", "five", "six"), start=2):
        if number != count:
            assert f"{word} roles" not in out, (command, word)
