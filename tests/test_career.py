"""`advisor career`: flags, JSON, the career table, and the wizard in a terminal."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pexpect
import pytest

from conftest import Run, ok


@pytest.mark.parametrize(
    ("args", "top"),
    [
        (
            ["--work-for", "patients", "--licence", "none", "--relationship", "episodic"],
            "patient-advocate",
        ),
        (["--work-for", "institution", "--licence", "nurse", "--travel", "no"], "case-manager"),
        (
            ["--work-for", "patients", "--relationship", "long-term", "--travel", "yes"],
            "care-manager",
        ),
        (
            ["--work-for", "institution", "--relationship", "long-term", "--licence", "none"],
            "care-coordinator",
        ),
        (["--flexibility", "a-lot", "--licence", "none"], "patient-advocate"),
        (["--pay", "a-lot", "--licence", "social-work"], "case-manager"),
    ],
)
def test_best_fit_career(run: Run, args: list[str], top: str) -> None:
    result = run("career", *args, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["top"] == top


def test_career_json_has_paths_salaries_and_code_caveats(run: Run) -> None:
    data = json.loads(ok(run("career", "--licence", "nurse", "--json")).stdout)
    assert {"top", "runner_up", "ranking", "unanswered", "close_call", "careers"} <= set(data)
    careers = data["careers"]
    assert set(careers) == {"patient-advocate", "case-manager", "care-coordinator", "care-manager"}
    assert careers["case-manager"]["salary"][0]["amount"] == 56390
    assert careers["patient-advocate"]["salary"][0]["amount"] == 49981
    assert careers["care-coordinator"]["salary"][0]["amount"] == 49593
    assert careers["care-manager"]["salary"][0]["amount"] is None
    assert careers["patient-advocate"]["codes"][0]["code"] == "29-2099.08"
    for role in ("care-manager", "care-coordinator"):
        assert "No federal code exists" in careers[role]["codes"][0]["text"]
    names = {c["name"] for role in careers.values() for c in role["credentials"]}
    assert {"BCPA", "CCM", "ACM-RN / ACM-SW", "CMC"} <= names


def test_career_human_output(run: Run) -> None:
    result = run(
        "career", "--work-for", "patients", "--travel", "yes", "--details", env={"COLUMNS": "60"}
    )
    assert result.exit_code == 0
    out = " ".join(result.stdout.split())
    for part in (
        "Best-fit career: Care manager",
        "Every career's score",
        "Runner-up:",
        "how to get there",
        "Closest occupation codes",
        "No federal code exists",
        "$56,390",
        "BCPA",
        "Sources (read on",
    ):
        assert part in out, part


def test_career_conventions(run: Run, tmp_path: Path) -> None:
    result = run("career")
    assert result.exit_code == 2 and "--work-for" in result.stderr
    result = run("career", "--travel", "sometimes")
    assert result.exit_code == 2 and "Choose from: yes, no, not-sure" in result.stderr
    saved = tmp_path / "career.json"
    first = run("career", "--licence", "none", "--save", str(saved))
    assert first.exit_code == 0
    assert json.loads(saved.read_text()) == {"licence": "none"}
    assert f"Answers saved to {saved}; use them again with --answers" in first.stderr
    again = run("career", "--answers", str(saved), "--json")
    assert again.exit_code == 0, again.output
    assert json.loads(again.stdout)["answers"] == {"licence": "none"}
    assert run("career", "--licence", "nurse", "--save", str(saved)).exit_code == 2


def test_career_wizard_in_a_terminal() -> None:
    env = {**os.environ, "COLUMNS": "100", "TERM": "xterm", "PROMPT_TOOLKIT_NO_CPR": "1"}
    child = pexpect.spawn(
        sys.executable,
        ["-m", "advisor", "career"],
        env=env,
        encoding="utf-8",
        timeout=30,
        dimensions=(40, 100),
    )
    child.expect("Whom do you want to work for")
    child.send("\r")  # patients
    child.expect("What kind of relationship")
    child.send("\x1b[B\r")  # long-term
    child.expect("home visits and travel")
    child.send("\r")  # yes
    child.expect("professional licence")
    child.send("\x1b[B\r")  # social work
    child.expect("pay matter")
    child.send("\x1b[B\r")  # some
    child.expect("flexible schedule")
    child.send("\x1b[B\r")  # not much
    child.expect("Show my result")  # the review of every answer
    child.send("\r")
    child.expect("Best-fit career: Care manager")
    child.expect("Save a report")  # as after `recommend`: a result to keep or share
    child.send("\r")  # no, thanks
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
