"""The situation set (tests/situations.json): stories written from the seeds before
the weights were tuned, each with the roles a careful reader would accept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from advisor.answers import answers_from_mapping
from advisor.knowledge.catalog import load_catalog
from advisor.scoring import recommend
from helpers import Run

# The stories and their expected roles are written against the bundled data.
pytestmark = pytest.mark.bundled_data

SITUATIONS = json.loads((Path(__file__).parent / "situations.json").read_text())["situations"]
CATALOG = load_catalog()
Q = CATALOG.questionnaire
ROLE_IDS = [r.id for r in CATALOG.roles]


def verdict(situation: dict) -> tuple[bool, list[str]]:
    answers = answers_from_mapping(Q, situation["answers"], situation["id"])
    rec = recommend(Q, ROLE_IDS, answers)
    leaders = list(rec.tie) or [rec.top.role]
    if situation.get("tie"):
        return set(leaders) == set(situation["expected"]), leaders
    return set(leaders) <= set(situation["expected"]), leaders


def test_the_set_is_big_and_covers_the_three_kinds() -> None:
    kinds = [s["kind"] for s in SITUATIONS]
    assert len(SITUATIONS) >= 40
    assert {k: kinds.count(k) >= 10 for k in ("need-driven", "mixed", "partial")} == {
        "need-driven": True,
        "mixed": True,
        "partial": True,
    }
    assert len({s["id"] for s in SITUATIONS}) == len(SITUATIONS)


@pytest.mark.parametrize("situation", SITUATIONS, ids=[s["id"] for s in SITUATIONS])
def test_situation(situation: dict) -> None:
    ok, leaders = verdict(situation)
    assert ok, f"{leaders} for {situation['story']} (expected {situation['expected']})"


def test_done_when_no_needs_scores_below_95(run: Run) -> None:
    situation = ["--timeframe", "ongoing", "--side", "patient", "--setting", "home"]
    result = run("recommend", *situation, "--payment", "private", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["top"] == "care-manager" and data["ranking"][0]["score"] < 95
    human = run("recommend", *situation, "--payment", "private", "--no-input")
    assert human.exit_code == 0, human.output
    assert "You have not said what needs doing" in human.stdout
    with_needs = run("recommend", *situation, "--need", "home-visits", "--no-input")
    assert with_needs.exit_code == 0, with_needs.output
    assert "You have not said what needs doing" not in with_needs.stdout


def test_done_when_three_advocate_needs_beat_a_care_manager_situation(run: Run) -> None:
    result = run(
        "recommend",
        *("--timeframe", "ongoing", "--side", "patient", "--setting", "home"),
        *("--payment", "private", "--json"),
        *("--need", "medical-bills,insurance-denial,appointments-with-me"),
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["top"] == "patient-advocate"


def test_done_when_placement_alone_is_a_tie_with_what_would_decide_it(run: Run) -> None:
    result = run("recommend", "--need", "placement", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["tie"] == ["care-manager", "case-manager"]
    assert data["tie_note"]
    setting = next(d for d in data["decided_by"] if d["question"] == "setting")
    assert setting["favours"] == {
        "care-manager": ["home"],
        "case-manager": ["hospital", "skilled-nursing", "nursing-home"],
    }
    human = run("recommend", "--need", "placement", "--no-input", env={"COLUMNS": "200"})
    assert human.exit_code == 0, human.output
    assert "a tie, Care manager and Case manager" in human.stdout
    assert "What would decide it:" in human.stdout
    assert '"At home": care manager' in human.stdout


def test_old_facility_answer_still_works_and_is_saved_as_hospital(run: Run, tmp_path: Path) -> None:
    saved = tmp_path / "answers.json"
    result = run("recommend", "--setting", "facility", "--save", str(saved), "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["answers"]["setting"] == "hospital"
    assert json.loads(saved.read_text())["setting"] == "hospital"
    old_file = tmp_path / "old.json"
    old_file.write_text('{"setting": "facility", "needs": ["discharge"]}')
    again = run("recommend", "--answers", str(old_file), "--json")
    assert again.exit_code == 0, again.output
    assert json.loads(again.stdout)["top"] == "case-manager"
