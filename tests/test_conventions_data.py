"""`advisor data`: organisations start from a copy of the knowledge base, check
their copy the way advisor reads it, and get JSON Schemas for their editors."""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Any

import pytest

from advisor.knowledge.catalog import bundled_directory
from conftest import Run, edit_json


def test_init_copies_every_file_and_the_copy_works(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "our-kb"
    result = run("data", "init", str(target))
    assert result.exit_code == 0, result.output
    bundled = sorted(p.name for p in bundled_directory().glob("*.json"))
    assert sorted(p.name for p in target.iterdir()) == bundled
    for name in bundled:
        assert (target / name).read_bytes() == (bundled_directory() / name).read_bytes()
    assert stat.S_IMODE(target.stat().st_mode) & 0o700 == 0o700
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no staging left
    assert f"advisor --data {target}" in result.stderr
    checked = run("data", "check", str(target))
    assert checked.exit_code == 0, checked.output
    assert "no problems found" in checked.stdout
    used = run("--data", str(target), "recommend", "--timeframe", "ongoing", "--json")
    assert used.exit_code == 0, used.output


def test_init_never_overwrites(run: Run, tmp_path: Path) -> None:
    existing = tmp_path / "kb"
    existing.mkdir()
    (existing / "roles.json").write_text("ours", encoding="utf-8")
    result = run("data", "init", str(existing))
    assert result.exit_code == 2
    assert "already exists" in result.stderr
    assert (existing / "roles.json").read_text(encoding="utf-8") == "ours"
    a_file = tmp_path / "file"
    a_file.write_text("x", encoding="utf-8")
    assert run("data", "init", str(a_file)).exit_code == 2
    assert a_file.read_text(encoding="utf-8") == "x"
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run("data", "init", str(empty)).exit_code == 0
    assert (empty / "roles.json").exists()


def test_check_lists_every_problem_of_a_broken_copy(run: Run, data_copy: Path) -> None:
    def break_roles(data: Any) -> None:
        del data["roles"][0]["summary"]
        data["roles"][1]["salary"]["amount"] = "lots"
        data["roles"][2]["focus"]["sources"] = ["nowhere"]

    def break_routes(data: Any) -> None:
        data["routes"][0]["what"]["sources"] = ["ghost"]

    def date_in_future(data: Any) -> None:
        data["sources"][0]["as_of"] = "2999-01-01"

    edit_json(data_copy / "roles.json", break_roles)
    edit_json(data_copy / "routes.json", break_routes)
    edit_json(data_copy / "sources.json", date_in_future)
    (data_copy / "career.json").write_text('{"broken": ', encoding="utf-8")

    result = run("data", "check", str(data_copy))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    expected = [
        "career.json: not valid JSON",
        "roles.json: roles[0].summary: required field is missing",
        "roles.json: roles[1].salary.amount: Input should be a valid integer",
        "roles.json: roles[2].focus.sources: unknown source 'nowhere'",
        "routes.json: routes[0].what.sources: unknown source 'ghost'",
        "sources.json: sources[0].as_of: 2999-01-01 is in the future",
    ]
    for part in expected:
        assert sum(part in line for line in lines) == 1, (part, lines)
    assert len(lines) == len(expected)
    assert all(line.startswith(str(data_copy)) for line in lines)
    assert "6 problems" in result.stderr


def test_check_runs_the_loaders_cross_checks(run: Run, data_copy: Path) -> None:
    def same_flag(data: Any) -> None:
        data["questions"][1]["flag"] = data["questions"][0]["flag"]

    edit_json(data_copy / "questions.json", same_flag)
    result = run("data", "check", str(data_copy))
    assert result.exit_code == 1
    assert "questions.json: questions[1].flag: another question has --for" in result.stdout


def test_check_finds_text_copied_from_an_article(run: Run, data_copy: Path, tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    summary = json.loads((data_copy / "roles.json").read_text(encoding="utf-8"))["roles"][0]
    (articles / "ours.txt").write_text(
        "Intro words here. " + summary["summary"]["text"] + " More.", encoding="utf-8"
    )
    result = run("data", "check", str(data_copy), "--against", str(articles))
    assert result.exit_code == 1
    assert "roles.json: roles[0].summary.text: shares 7+ words with ours.txt" in result.stdout
    (articles / "ours.txt").write_text("Nothing in common at all.", encoding="utf-8")
    assert run("data", "check", str(data_copy), "--against", str(articles)).exit_code == 0
    empty = tmp_path / "none"
    empty.mkdir()
    assert run("data", "check", str(data_copy), "--against", str(empty)).exit_code == 2


def test_check_of_a_missing_folder_or_file(run: Run, data_copy: Path, tmp_path: Path) -> None:
    assert run("data", "check", str(tmp_path / "nope")).exit_code == 2
    (data_copy / "sources.json").unlink()
    result = run("data", "check", str(data_copy))
    assert result.exit_code == 1
    assert "sources.json: file not found" in result.stdout


@pytest.mark.parametrize(
    "name",
    [
        "roles.json",
        "sources.json",
        "questions.json",
        "career.json",
        "routes.json",
        "titles.json",
        "lexicon.json",
    ],
)
def test_data_schema_validates_the_bundled_file(run: Run, name: str) -> None:
    result = run("data", "schema", name)
    assert result.exit_code == 0, result.output
    schema = json.loads(result.stdout)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert schema["additionalProperties"] is False
    data = json.loads((bundled_directory() / name).read_text(encoding="utf-8"))
    assert set(data) <= set(schema["properties"])
    assert set(schema.get("required", [])) <= set(data)


def test_data_schema_without_a_file_gives_all_and_a_typo_a_suggestion(run: Run) -> None:
    every = json.loads(run("data", "schema").stdout)
    assert set(every) == {
        "roles.json",
        "sources.json",
        "questions.json",
        "career.json",
        "routes.json",
        "titles.json",
        "lexicon.json",
    }
    typo = run("data", "schema", "role.json")
    assert typo.exit_code == 2
    assert "Did you mean roles.json?" in typo.stderr
