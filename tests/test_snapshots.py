"""Snapshots of what people see: compare, roles and recommend at 40, 100 and 160
columns, piped (plain text) and in colour (as parsed styles, not escape bytes).

The expected screens are files in tests/snapshots/. When output changes on
purpose, look at the diff, then regenerate every snapshot with:

    SNAPSHOT_UPDATE=1 pytest tests/test_snapshots.py

and commit the changed files with the change that caused them.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import Run, styled_text

# What the bundled data looks like on screen.
pytestmark = pytest.mark.bundled_data

SNAPSHOTS = Path(__file__).parent / "snapshots"
UPDATE = os.environ.get("SNAPSHOT_UPDATE") == "1"

COMMANDS = {
    "compare": ["compare", "advocate", "case-manager"],
    "roles": ["roles"],
    "recommend": ["recommend", "--timeframe", "ongoing", "--side", "patient", "--no-input"],
}
WIDTHS = (40, 100, 160)


@pytest.mark.parametrize("mode", ["piped", "colour"])
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", list(COMMANDS))
def test_screen_matches_snapshot(run: Run, name: str, width: int, mode: str) -> None:
    env = {"COLUMNS": str(width)}
    if mode == "colour":
        env["FORCE_COLOR"] = "1"
    result = run(*COMMANDS[name], env=env)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    shown = styled_text(result.stdout) if mode == "colour" else result.stdout
    if mode == "piped":
        assert "\x1b" not in shown
    path = SNAPSHOTS / f"{name}-{width}-{mode}.txt"
    if UPDATE:
        SNAPSHOTS.mkdir(exist_ok=True)
        path.write_text(shown, encoding="utf-8")
        return
    assert path.exists(), f"no snapshot {path.name}; run: SNAPSHOT_UPDATE=1 pytest {__file__}"
    expected = path.read_text(encoding="utf-8")
    assert shown == expected, (
        f"{name} at {width} columns ({mode}) differs from {path.name}; if intended, "
        "regenerate with: SNAPSHOT_UPDATE=1 pytest tests/test_snapshots.py"
    )


def test_no_stray_snapshots() -> None:
    """Every file in tests/snapshots/ belongs to a case above (renamed cases leave none)."""
    expected = {
        f"{name}-{width}-{mode}.txt"
        for name in COMMANDS
        for width in WIDTHS
        for mode in ("piped", "colour")
    }
    present = {p.name for p in SNAPSHOTS.glob("*.txt")}
    if UPDATE:
        for name in present - expected:
            (SNAPSHOTS / name).unlink()
        return
    assert present == expected
