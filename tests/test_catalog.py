"""The loader: bundled data, alias resolution and one-line errors for bad data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from advisor.errors import DataError, UsageProblem
from advisor.knowledge.catalog import load_catalog
from conftest import Run, edit_json


def test_bundled_knowledge_base_has_four_cited_roles() -> None:
    catalog = load_catalog()
    assert [r.id for r in catalog.roles] == [
        "patient-advocate",
        "case-manager",
        "care-coordinator",
        "care-manager",
    ]
    assert catalog.knowledge.version and catalog.knowledge.as_of
    for role in catalog.roles:
        assert catalog.cited(role), role.id
        assert all(f.sources for f in role.responsibilities)


@pytest.mark.parametrize(
    ("query", "role"),
    [
        ("care-manager", "care-manager"),
        ("Care Manager", "care-manager"),
        ("nurse-case-manager", "case-manager"),
        ("nurse case manager", "case-manager"),
        ("advocate", "patient-advocate"),
        ("geriatric_care_manager", "care-manager"),
        ("aging life care manager", "care-manager"),
        ("COORDINATOR", "care-coordinator"),
    ],
)
def test_resolve_ids_names_and_aliases(query: str, role: str) -> None:
    assert load_catalog().resolve(query).id == role


def test_unknown_role_suggests_the_nearest_name() -> None:
    with pytest.raises(UsageProblem, match="Did you mean patient-advocate"):
        load_catalog().resolve("advocat")
    with pytest.raises(UsageProblem, match="Valid roles: patient-advocate, case-manager"):
        load_catalog().resolve("plumber")


def _drop_summary(data: Any) -> None:
    del data["roles"][1]["summary"]


def _wrong_type(data: Any) -> None:
    data["roles"][0]["salary"]["amount"] = "a lot"


def _duplicate_alias(data: Any) -> None:
    data["roles"][3]["aliases"].append("Advocate")


def _unknown_source(data: Any) -> None:
    data["roles"][2]["focus"]["sources"] = ["nowhere"]


def _extra_field(data: Any) -> None:
    data["roles"][0]["salry"] = 1


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (_drop_summary, "roles.json: roles[1].summary: required field is missing"),
        (_wrong_type, "roles.json: roles[0].salary.amount: Input should be a valid integer"),
        (
            _duplicate_alias,
            "roles.json: roles[3].aliases[6]: 'Advocate' is already used by role "
            "'patient-advocate'",
        ),
        (_unknown_source, "roles.json: roles[2].focus.sources: unknown source 'nowhere'"),
        (_extra_field, "roles.json: roles[0].salry: Extra inputs are not permitted"),
    ],
)
def test_bad_knowledge_base_is_one_clear_line(
    data_copy: Path, run: Run, change: Any, expected: str
) -> None:
    edit_json(data_copy / "roles.json", change)
    with pytest.raises(DataError, match=expected.replace("[", r"\[").replace("]", r"\]")):
        load_catalog(data_copy)
    result = run("--data", str(data_copy), "roles")
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and expected in lines[0]
    assert lines[0].startswith("advisor: error: ")


def test_broken_questionnaire_stops_only_the_commands_that_ask(data_copy: Path, run: Run) -> None:
    (data_copy / "questions.json").write_text('{"decision": ', encoding="utf-8")
    for command in (["recommend", "--need", "medications"], ["map", "--side", "patient"]):
        result = run("--data", str(data_copy), *command)
        assert result.exit_code == 1, command
        assert "questions.json: not valid JSON" in result.stderr
        assert result.stdout == ""
    # Commands that ask no questions do not read the questionnaire at all.
    assert run("--data", str(data_copy), "show", "advocate").exit_code == 0
    assert run("--data", str(data_copy), "career", "--pay", "a-lot").exit_code == 0


def test_missing_files(data_copy: Path, run: Run) -> None:
    (data_copy / "sources.json").unlink()
    result = run("--data", str(data_copy), "roles")
    assert result.exit_code == 1 and "sources.json: file not found" in result.stderr
    result = run("--data", str(data_copy / "nope"), "roles")
    assert result.exit_code == 1 and "not a folder" in result.stderr


def test_question_effects_must_name_real_roles(data_copy: Path) -> None:
    def change(data: Any) -> None:
        data["questions"][1]["options"][0]["effects"][0]["role"] = "plumber"

    edit_json(data_copy / "questions.json", change)
    with pytest.raises(DataError, match=r"questions\[1\]\.options\[0\]\.effects\[0\]\.role"):
        _ = load_catalog(data_copy).questionnaire  # read when a command first asks


def test_questionnaires_must_cite_known_sources(data_copy: Path, run: Run) -> None:
    def change(data: Any) -> None:
        data["questions"][1]["options"][0]["effects"][0]["sources"] = ["seed-000", "nowhere"]

    edit_json(data_copy / "questions.json", change)
    result = run("--data", str(data_copy), "recommend", "--need", "travel")
    assert result.exit_code == 1
    assert result.stderr.endswith(
        "questions.json: questions[1].options[0].effects[0].sources: unknown source 'nowhere' "
        "(see sources.json)\n"
    )


def test_environment_variable_points_at_another_knowledge_base(
    data_copy: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    def rename(data: Any) -> None:
        data["roles"][0]["name"] = "Health advocate (our clinic)"
        data["roles"][0]["aliases"].remove("health advocate")
        # a note on where an alias comes from goes with the alias (the loader checks)
        notes = data["roles"][0]["alias_notes"]
        data["roles"][0]["alias_notes"] = [n for n in notes if n["alias"] != "health advocate"]

    edit_json(data_copy / "roles.json", rename)
    monkeypatch.setenv("ADVISOR_DATA", str(data_copy))
    result = run("roles")
    assert result.exit_code == 0, result.output
    assert "Health advocate (our" in result.stdout


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("", "roles.json: the file is empty"),
        ('{"version": "1", "roles": [', "roles.json: not valid JSON"),
        ("[]", "roles.json: top level: Input should be an object"),
        ('{"version": 3}', "roles.json: version: Input should be a valid string"),
    ],
)
def test_empty_truncated_and_wrong_shape_knowledge_bases(
    data_copy: Path, run: Run, content: str, expected: str
) -> None:
    (data_copy / "roles.json").write_text(content, encoding="utf-8")
    before = sorted(p.name for p in data_copy.iterdir())
    result = run("--data", str(data_copy), "compare", "advocate", "case-manager")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and expected in result.stderr
    assert sorted(p.name for p in data_copy.iterdir()) == before


@pytest.mark.parametrize(
    "args", [["roles"], ["roles", "--json"], ["show", "advocate", "--json"], ["compare", "--all"]]
)
def test_commands_that_ask_nothing_do_not_import_the_questionnaire_models(args: list[str]) -> None:
    """Building the questionnaire models costs start-up; only recommend, map and career pay it."""
    import json
    import subprocess
    import sys

    code = (
        "import contextlib, io, json, sys\n"
        "from advisor.cli import main\n"
        f"sys.argv = ['advisor', *{args!r}]\n"
        "code = 0\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        "    try:\n        main()\n    except SystemExit as exit:\n        code = exit.code\n"
        "imported = 'advisor.knowledge.questions' in sys.modules\n"
        "print(json.dumps([code, len(out.getvalue()), imported]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    exit_code, printed, imported = json.loads(result.stdout)
    assert exit_code in (0, None) and printed > 0
    assert imported is False
