"""`advisor map`: the drawing at 60 and 120 columns, the 'you' mark, JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from advisor.placement import Point, person_position
from advisor.views.map import draw
from conftest import Run, ok
from helpers import catalog as catalog_under_test

NAMES = [r.name for r in catalog_under_test().roles]


@pytest.mark.parametrize("columns", [60, 120])
def test_map_fits_the_terminal(run: Run, columns: int) -> None:
    result = run(
        "map", "--side", "patient", "--timeframe", "ongoing", env={"COLUMNS": str(columns)}
    )
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(len(line.rstrip()) for line in lines) <= columns
    drawing = "\n".join(lines[:16])
    for name in NAMES:
        assert name in drawing
    assert "works for the system" in result.stdout and "works for the patient" in result.stdout
    assert "ongoing" in drawing and "one episode" in drawing
    assert "you" in drawing and "\x1b[" not in result.stdout


def test_roles_sit_in_the_right_quadrants() -> None:
    lines = draw([Point("CM", -0.8, -0.8), Point("PA", 0.8, 0.8)], 60, ascii_only=True)
    grid = lines[2:-4]  # inside the frame
    middle_row = len(grid) // 2
    cm_row = next(i for i, line in enumerate(grid) if "CM" in line)
    pa_row = next(i for i, line in enumerate(grid) if "PA" in line)
    assert pa_row < middle_row < cm_row  # PA is ongoing (top), CM one episode (bottom)
    assert grid[cm_row].index("CM") < 30 < grid[pa_row].index("PA")


def test_person_position_follows_the_answers() -> None:
    q = catalog_under_test().questionnaire
    assert person_position(q, {}) == (None, None)
    assert person_position(q, {"side": ("patient",), "timeframe": ("episodic",)}) == (1.0, -1.0)
    assert person_position(q, {"side": ("system",)}) == (-1.0, None)


def test_map_without_answers_explains_how_to_place_yourself(run: Run) -> None:
    result = run("map")
    assert result.exit_code == 0
    assert "(--side and --timeframe, or --answers FILE)" in " ".join(result.stdout.split())


def test_map_json(run: Run) -> None:
    data = json.loads(ok(run("map", "--side", "system", "--json")).stdout)
    assert data["you"] == {"x": -1.0, "y": None}
    positions = {r["role"]: (r["x"], r["y"]) for r in data["roles"]}
    assert positions["case-manager"][0] < 0 < positions["patient-advocate"][0]
    assert positions["care-manager"][1] > 0 > positions["case-manager"][1]
    assert all(r["sources"] for r in data["roles"])


def test_map_rejects_bad_answers(run: Run) -> None:
    result = run("map", "--side", "mine")
    assert result.exit_code == 2 and "Choose from" in result.stderr


def test_map_after_recommend_uses_the_saved_answers(run: Run, tmp_path: Path) -> None:
    saved = tmp_path / "answers.json"
    assert (
        run(
            "recommend", "--side", "system", "--timeframe", "episodic", "--save", str(saved)
        ).exit_code
        == 0
    )
    data = json.loads(ok(run("map", "--answers", str(saved), "--json")).stdout)
    assert data["you"] == {"x": -1.0, "y": -1.0}


@pytest.mark.parametrize("columns", ["42", "80"])
def test_map_axis_labels_are_never_cut_mid_phrase(
    run: Run, monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    """At 42 columns the x axis read '← works for the system works for the' / 'patient →'."""
    monkeypatch.setenv("COLUMNS", columns)
    lines = ok(run("map")).stdout.splitlines()
    # arrows in the output's glyphs: ASCII when piped, as here
    assert any(
        line.strip().endswith(("works for the patient →", "works for the patient ->"))
        for line in lines
    )
    assert any(
        line.startswith(("← works for the system", "<- works for the system")) for line in lines
    )


def test_map_note_names_the_questions_not_only_the_flags(run: Run) -> None:
    """After an all-"not sure" questionnaire the note said only 'Answer --side and
    --timeframe (or pass --answers FILE)': flags, to someone who never typed one."""
    for args in (("map",), ("recommend", "--timeframe", "not-sure", "--no-input")):
        out = " ".join(ok(run(*args)).stdout.split())
        assert (
            'Answer "Whose side should the helper be on?" and "How long do you expect to need '
            'help?" (--side and --timeframe, or --answers FILE)'
        ) in out, args
