"""`advisor compare` through the real command."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len

from helpers import Run, catalog, edit, ok, role_in, screen


def test_ids_side_by_side(run: Run) -> None:
    result = run("compare", "patient-advocate", "case-manager")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Patient advocate vs Case manager" in out
    for label in ("Who they work for", "Typical settings", "Where to find one", "Credentials"):
        assert label in out
    assert "What they all share" in out and "Where they differ most" in out
    assert "Sources (read on 2026-11-23; page dates vary)" in out


def test_aliases_and_all(run: Run) -> None:
    result = ok(run("compare", "nurse-case-manager", "geriatric-care-manager", "--json"))
    assert [r["id"] for r in json.loads(result.stdout)["roles"]] == ["case-manager", "care-manager"]
    result = ok(run("compare", "--all", "--json"))
    assert [r["id"] for r in json.loads(result.stdout)["roles"]] == [r.id for r in catalog().roles]


def test_every_role_gets_every_aspect(run: Run) -> None:
    data = json.loads(ok(run("compare", "--all", "--json")).stdout)
    assert len(data["aspects"]) == 11
    for aspect in data["aspects"]:
        for role_id, facts in aspect["values"].items():
            assert facts and all(f["sources"] for f in facts), (aspect["id"], role_id)


def test_aspect_filter(run: Run) -> None:
    result = run("compare", "advocate", "coordinator", "--aspect", "cost", "--aspect", "salary")
    assert result.exit_code == 0
    assert "Who pays / typical cost" in result.stdout
    assert "What they do not do" not in result.stdout
    data = json.loads(
        ok(
            run("compare", "advocate", "coordinator", "--aspect", "focus,timeframe", "--json")
        ).stdout
    )
    assert [a["id"] for a in data["aspects"]] == ["focus", "timeframe"]


def test_seed_table_facts_are_reproduced() -> None:
    """The setting / timeframe / focus table of 003_6c2da9170da5c117.txt."""
    from typer.testing import CliRunner

    from advisor.cli import app

    result = CliRunner().invoke(
        app,
        [
            "compare",
            "case-manager",
            "patient-advocate",
            "care-manager",
            "--aspect",
            "settings,timeframe,focus",
            "--json",
        ],
    )
    aspects = {a["id"]: a["values"] for a in json.loads(result.stdout)["aspects"]}

    def text(aspect: str, role: str) -> str:
        return " ".join(f"{f.get('value', '')} {f['text']}" for f in aspects[aspect][role]).lower()

    for word in ("hospital", "insur", "rehab"):
        assert word in text("settings", "case-manager")
    assert "independent" in text("settings", "patient-advocate")
    assert "private" in text("settings", "patient-advocate")
    assert "community" in text("settings", "care-manager")
    assert "independent" in text("settings", "care-manager")
    assert aspects["timeframe"]["case-manager"][0]["value"] == "episodic"
    assert aspects["timeframe"]["patient-advocate"][0]["value"] == "as-needed"
    assert aspects["timeframe"]["care-manager"][0]["value"] == "ongoing"
    assert "system coordination" in text("focus", "case-manager")
    assert "discharge planning" in text("focus", "case-manager")
    assert "navigation" in text("focus", "patient-advocate")
    assert "rights" in text("focus", "patient-advocate")
    assert "long-term coordination" in text("focus", "care-manager")
    assert "whole person" in text("focus", "care-manager")
    for role in ("case-manager", "patient-advocate", "care-manager"):
        for aspect in aspects.values():
            assert any("seed-003" in f["sources"] for f in aspect[role])


def test_markdown(run: Run) -> None:
    result = run("compare", "advocate", "case-manager", "--markdown")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert "| Aspect | Patient advocate | Case manager |" in lines
    assert "|---|---|---|" in lines
    assert any(line.startswith("| Timeframe | - as needed") for line in lines)
    assert "## Sources (read on 2026-11-23; page dates vary)" in lines


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["advocat", "case-manager"], "Did you mean patient-advocate?"),
        (["advocate", "patient-advocate"], "patient-advocate is named twice"),
        (["advocate"], "compare takes 2 to 4 roles"),
        ([], "compare takes 2 to 4 roles"),
        (["--all", "advocate"], "not both"),
        (["--all", "--aspect", "salry"], "Did you mean salary?"),
        (["--all", "--json", "--markdown"], "choose one of --json and --markdown"),
    ],
)
def test_usage_errors(run: Run, args: list[str], message: str) -> None:
    result = run("compare", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_narrow_output_stacks_roles(run: Run) -> None:
    result = run("compare", "--all", env={"COLUMNS": "40"})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(len(line.rstrip()) for line in lines) <= 40
    assert "  Care coordinator" in lines  # roles stacked under each aspect


def test_wide_output_is_a_table(run: Run) -> None:
    result = run("compare", "--all", env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line.rstrip()) for line in lines) <= 200
    header = next(line for line in lines if line.startswith("|") and "Patient advocate" in line)
    cells = [cell.strip() for cell in header.strip("|").split("|")]
    assert cells == ["Aspect", *(r.name for r in catalog().roles)]


def test_piped_output_is_plain(run: Run) -> None:
    result = run("compare", "advocate", "case-manager")
    assert result.exit_code == 0, result.output
    assert "Side by side" in result.stdout and "+----" in result.stdout  # ASCII boxes
    assert "\x1b[" not in result.stdout


@pytest.mark.parametrize(
    ("focus", "hanging"),
    [
        ("Défendre la voix du patient : naviguer, décider, faire respecter ses droits. " * 2, True),
        ("患者の声を届け、権利を守り、選択肢を理解する手助けをする。" * 3, False),
    ],
)
def test_text_in_other_languages_fits_its_cell(
    run: Run, data_copy: Path, focus: str, hanging: bool
) -> None:
    """Accented text is wrapped like English; wide characters are left to rich to measure."""

    def translate(data: Any) -> None:
        role_in(data, "patient-advocate")["focus"]["text"] = focus

    edit(data_copy / "roles.json", translate)
    result = run(
        "--data", str(data_copy), "compare", "advocate", "case-manager", "--aspect", "focus"
    )
    assert result.exit_code == 0, result.output
    rows = [line for line in result.stdout.splitlines() if line.startswith("|")]
    assert rows and all(cell_len(line) == cell_len(rows[0]) for line in rows)
    first_cells = [line.split("|")[2] for line in rows[2:]]
    continued = [cell for cell in first_cells[1:] if cell.strip() and "[seed" not in cell]
    assert continued and all(cell.startswith("   ") for cell in continued) is hanging


def test_terminal_table_is_boxed_with_bold_labels(run: Run) -> None:
    result = run("compare", "advocate", "care-manager", env={"FORCE_COLOR": "1", "COLUMNS": "90"})
    assert result.exit_code == 0, result.output
    plain = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout).splitlines()
    grid = [line for line in plain if line and line[0] in "╭│├╰"]
    assert grid[0].startswith("╭") and grid[-1].startswith("╰")
    assert {cell_len(line) for line in grid} == {89}
    cells = {text.strip(): style for line in screen(result.stdout) for text, style in line}
    assert cells["Aspect"] == "bold" and cells["Who they work for"] == "bold"
    assert cells["Patient advocate"] == "bold" and "bold" not in cells["│"]


def test_wide_characters_in_a_multi_line_cell_fold_inside_the_box(
    run: Run, data_copy: Path
) -> None:
    """Found by the second review: such a cell lost its right border in the hand-drawn grid;
    rich's Table keeps the box, and long CJK text folds instead of being cut off."""
    text = "患者の声を届け、権利を守り、選択肢を理解する手助けをする。"

    def translate(data: Any) -> None:
        for fact in role_in(data, "patient-advocate")["settings"]:
            fact["text"] = text

    edit(data_copy / "roles.json", translate)
    args = ("--data", str(data_copy), "compare", "advocate", "case-manager", "--aspect", "settings")
    for env in ({"COLUMNS": "100"}, {"COLUMNS": "100", "FORCE_COLOR": "1"}):
        result = run(*args, env=env)
        assert result.exit_code == 0, result.output
        grid = [
            "".join(t for t, _ in line)
            for line in screen(result.stdout)
            if line and line[0][0][:1] in "|+╭│├╰"
        ]
        assert len(grid) > 8 and {cell_len(line) for line in grid} == {100}
        assert "…" not in result.stdout
        assert "理解する手助けをする。" in result.stdout


def test_picked_aspects_show_only_those_rows_and_point_to_the_rest(run: Run) -> None:
    """`--aspect codes` is the codes, not three more screens about everything else;
    the full comparison is one command away, and --json stays complete."""
    result = run("compare", "--all", "--aspect", "codes", env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert "SOC 21-1022" in result.stdout
    assert "What they all share" not in result.stdout.split("More")[0]
    assert "Where the sources disagree\n" not in result.stdout
    assert "where the sources disagree:\nadvisor compare --all" in result.stdout
    full = run("compare", "--all", env={"COLUMNS": "80"}).stdout
    assert len(result.stdout.splitlines()) < len(full.splitlines()) / 4
    assert "What they all share" in full and "Where the sources disagree" in full
    data = json.loads(run("compare", "--all", "--aspect", "codes", "--json").stdout)
    assert data["shared"] and data["disagreements"]


def test_too_many_roles_and_a_role_given_twice_say_so_plainly(run: Run) -> None:
    too_many = run("compare", "a", "b", "c", "d", "e")
    assert too_many.exit_code == 2
    assert "compare takes 2 to 4 roles (or --all); got 5" in too_many.stderr
    twice = run("compare", "advocate", "advocate")
    assert twice.exit_code == 2
    assert "patient-advocate is named twice; compare different roles" in twice.stderr


def test_the_answer_comes_first(run: Run) -> None:
    """Where the roles differ most is on the first screen, not after a long table."""
    out = run("compare", "advocate", "case-manager", env={"COLUMNS": "80"}).stdout
    assert out.index("Where they differ most") < out.index("Side by side")
    assert out.index("Where they differ most") < 200


def test_where_they_differ_has_no_full_stop_before_a_semicolon(run: Run) -> None:
    """'...where the patient is comfortable.; Case manager: ...' read as a typo."""
    out = ok(run("compare", "advocate", "case-manager", "--no-pager")).stdout
    assert "Primary focus" in out
    assert ".;" not in out
