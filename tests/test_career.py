"""`advisor career`: flags, JSON, the career table, and the wizard in a terminal."""

from __future__ import annotations

import json
from pathlib import Path

import pexpect
import pytest
from typer.testing import CliRunner

from advisor.cli import app
from helpers import ENTER, Run, answer_in_terminal, catalog, flags_for, ok, spawn


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


def test_career_json_has_every_career_with_its_path(run: Run) -> None:
    data = json.loads(ok(run("career", "--licence", "nurse", "--json")).stdout)
    assert {"top", "runner_up", "ranking", "unanswered", "close_call", "careers"} <= set(data)
    careers = data["careers"]
    assert set(careers) == {r.id for r in catalog().roles}
    for career in careers.values():
        assert {"salary", "codes", "credentials"} <= set(career)


@pytest.mark.bundled_data
def test_career_json_has_the_salaries_and_code_caveats_of_the_data(run: Run) -> None:
    careers = json.loads(ok(run("career", "--licence", "nurse", "--json")).stdout)["careers"]
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
    questions = catalog().career
    answers = {
        "work-for": ["patients"],
        "relationship": ["long-term"],
        "travel": ["yes"],
        "licence": ["social-work"],
        "pay": ["some"],
        "flexibility": ["some"],
    }
    child = spawn("career")
    answered = answer_in_terminal(child, questions, answers)
    child.expect("Show my result")  # the review of every answer
    child.send(ENTER)
    data = json.loads(
        ok(CliRunner().invoke(app, ["career", *flags_for(answered, questions), "--json"])).stdout
    )
    child.expect(f"Best-fit career: {catalog().role(data['top']).name}")
    child.expect("Save a report")  # as after `recommend`: a result to keep or share
    child.send(ENTER)  # no, thanks
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
