"""Questions are data end to end: a question added to or renamed in a questionnaire
gets its flag, help, answers-file key and place in --json with no code change."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from advisor.cli import app
from advisor.knowledge.questions import RESERVED_FLAGS
from conftest import Run, edit_json, ok

LANGUAGE = {
    "id": "language",
    "flag": "language",
    "kind": "single",
    "prompt": "Which language should the helper speak with you?",
    "help": "Some helpers can work in your own language.",
    "options": [
        {
            "id": "spanish",
            "label": "Spanish",
            "effects": [
                {
                    "role": "care-coordinator",
                    "weight": 3,
                    "why": "A test effect that favours care coordinators.",
                    "sources": ["seed-001"],
                }
            ],
        },
        {"id": "english", "label": "English"},
        {"id": "not-sure", "label": "Not sure"},
    ],
}


def add_language(data: Any) -> None:
    data["questions"].append(LANGUAGE)


def flat(text: str) -> str:
    return " ".join(text.replace("│", " ").split())


def test_added_question_gets_a_flag_with_its_choices(run: Run, data_copy: Path) -> None:
    edit_json(data_copy / "questions.json", add_language)
    for command in ("recommend", "map"):
        result = run("--data", str(data_copy), command, "--help", env={"COLUMNS": "200"})
        assert result.exit_code == 0, result.output
        text = flat(result.stdout)
        assert "--language" in text
        assert "--language [spanish|english|not-sure]" in text
        assert "Which language should the helper speak with you?" in text
    # The bundled questionnaire knows nothing of it.
    assert "--language" not in ok(run("recommend", "--help")).stdout


def test_added_question_changes_the_result(run: Run, data_copy: Path) -> None:
    edit_json(data_copy / "questions.json", add_language)
    base = ("--data", str(data_copy), "recommend", "--side", "patient", "--json")
    without = run(*base)
    with_it = run(*base, "--language", "spanish")
    assert without.exit_code == 0, without.output
    assert with_it.exit_code == 0, with_it.output

    def points(result: Any) -> dict[str, int]:
        return {r["role"]: r["points"] for r in json.loads(result.stdout)["ranking"]}

    assert points(with_it)["care-coordinator"] > points(without)["care-coordinator"]
    assert json.loads(with_it.stdout)["answers"]["language"] == "spanish"
    assert "language" not in json.loads(without.stdout)["answers"]
    bad = run(*base, "--language", "klingon")
    assert bad.exit_code == 2
    assert "spanish, english, not-sure" in bad.stderr


def test_added_question_in_answers_files_and_reports(
    run: Run, data_copy: Path, tmp_path: Path
) -> None:
    edit_json(data_copy / "questions.json", add_language)
    saved = tmp_path / "answers.json"
    first = run(
        "--data",
        str(data_copy),
        "recommend",
        "--language",
        "spanish",
        "--save",
        str(saved),
        "--details",
    )
    assert first.exit_code == 0, first.output
    assert json.loads(saved.read_text(encoding="utf-8"))["language"] == "spanish"
    assert "Which language should the helper speak with you? Spanish" in flat(first.stdout)
    again = run("--data", str(data_copy), "recommend", "--answers", str(saved), "--json")
    assert again.exit_code == 0, again.output
    assert json.loads(again.stdout)["answers"]["language"] == "spanish"


def test_renamed_flag_replaces_the_old_one(run: Run, data_copy: Path) -> None:
    def rename(data: Any) -> None:
        data["questions"][2]["flag"] = "whose-side"  # [0] is who the help is for

    edit_json(data_copy / "questions.json", rename)
    new = run("--data", str(data_copy), "recommend", "--whose-side", "patient", "--json")
    assert new.exit_code == 0, new.output
    assert json.loads(new.stdout)["answers"]["side"] == "patient"
    old = run("--data", str(data_copy), "recommend", "--side", "patient", "--json")
    assert old.exit_code == 2
    assert "No such option: --side" in old.output


def test_career_questions_are_data_too(run: Run, data_copy: Path) -> None:
    def rename(data: Any) -> None:
        data["questions"][3]["flag"] = "license"  # licence -> license

    edit_json(data_copy / "career.json", rename)
    result = run("--data", str(data_copy), "career", "--license", "none", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["answers"]["licence"] == "none"


@pytest.mark.parametrize("flag", ["json", "answers", "no-input", "help"])
def test_flag_that_collides_with_a_built_in_option_is_rejected(
    run: Run, data_copy: Path, flag: str
) -> None:
    def collide(data: Any) -> None:
        data["questions"][0]["flag"] = flag

    edit_json(data_copy / "questions.json", collide)
    for args in (("recommend", "--side", "patient"), ("recommend", "--help"), ("map",)):
        result = run("--data", str(data_copy), *args)
        assert result.exit_code == 1, result.output
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1
        assert "questions.json: questions[0].flag: --" + flag in lines[0]
        assert "Traceback" not in result.output


def test_two_questions_with_one_flag_are_rejected(run: Run, data_copy: Path) -> None:
    def duplicate(data: Any) -> None:
        data["questions"][2]["flag"] = data["questions"][1]["flag"]

    edit_json(data_copy / "questions.json", duplicate)
    result = run("--data", str(data_copy), "recommend", "--json")
    assert result.exit_code == 1
    assert "questions[2].flag: another question has --timeframe" in result.stderr


def test_every_built_in_option_is_reserved() -> None:
    """A question's flag cannot shadow any option a command (or advisor itself) has."""
    import typer

    group = typer.main.get_command(app)
    assert isinstance(group, typer.core.TyperGroup)
    commands = [group, *group.commands.values()]
    names = {
        opt.lstrip("-")
        for command in commands
        for param in command.params
        for opt in (*param.opts, *param.secondary_opts)
        if opt.startswith("--")
    }
    # `routes --need` deliberately takes the same need ids as the needs question's --need,
    # and `routes` gets no question flags, so it cannot shadow one.
    assert names - {"no-force", "need"} <= RESERVED_FLAGS, names - RESERVED_FLAGS


def test_bundled_flags_keep_working(run: Run) -> None:
    """Every flag name and value scripts used before questions became data."""
    result = run(
        "recommend",
        "--timeframe",
        "ongoing",
        "--side",
        "patient",
        "--setting",
        "home",
        "--payment",
        "private",
        "--need",
        "medications,home-visits",
        "--need",
        "benefits",
        "--json",
    )
    assert result.exit_code == 0, result.output
    answers = json.loads(result.stdout)["answers"]
    assert answers["needs"] == ["medications", "home-visits", "benefits"]
    assert answers["timeframe"] == "ongoing"
    career = run(
        "career",
        "--work-for",
        "patients",
        "--relationship",
        "episodic",
        "--travel",
        "no",
        "--licence",
        "none",
        "--pay",
        "some",
        "--flexibility",
        "a-lot",
        "--json",
    )
    assert career.exit_code == 0, career.output
    assert json.loads(career.stdout)["top"] == "patient-advocate"
    placed = run("map", "--side", "patient", "--timeframe", "ongoing", "--json")
    assert placed.exit_code == 0, placed.output
    assert json.loads(placed.stdout)["you"] == {"x": 1.0, "y": 1.0}


def test_routes_takes_need_not_sure_like_recommend(run: Run) -> None:
    """`routes --need not-sure` was 'unknown need' although recommend accepts it."""
    every = ok(run("routes", "--json")).stdout
    assert ok(run("routes", "--need", "not-sure", "--json")).stdout == every
    assert "Did you mean" in run("routes", "--need", "not-sur").output
