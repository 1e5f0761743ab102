"""Shared fixtures: an isolated environment, a CLI runner and a copy of the data."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings
from typer.testing import CliRunner, Result

from advisor.cli import app
from advisor.knowledge.catalog import bundled_directory, load_catalog

# No per-example time limit: on a busy shared machine a slow example is not a bug.
settings.register_profile("advisor", deadline=None)
settings.load_profile("advisor")


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("ADVISOR_DATA", "NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("ADVISOR_PAGER", "cat")  # a test in a pseudo-terminal never waits in less
    load_catalog.cache_clear()  # a test may edit a knowledge base another test read


Run = Callable[..., Result]


@pytest.fixture
def run() -> Run:
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None, **kwargs: Any) -> Result:
        result = runner.invoke(app, list(args), input=input, **kwargs)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception  # a crash fails every test, whatever it checks
        return result

    return invoke


def ok(result: Result) -> Result:
    """`result` after checking that the command succeeded (for one-line uses)."""
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled knowledge base."""
    target = tmp_path / "kb"
    shutil.copytree(bundled_directory(), target)
    return target


def edit_json(path: Path, change: Callable[[Any], None]) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


Run_ = tuple[str, str]  # (text, style) of one run of equally styled characters


def screen(ansi: str) -> list[list[Run_]]:
    """What a terminal shows for `ansi`: each line as runs of (text, rich style).

    Escape sequences are parsed, so two outputs that look the same on screen
    compare equal however their bytes are split into styled segments.
    """
    from rich.style import Style
    from rich.text import Text

    lines: list[list[Run_]] = []
    for line in Text.from_ansi(ansi).split("\n", allow_blank=True):
        styles: list[Style] = [Style.null()] * len(line.plain)
        for span in line.spans:
            for i in range(span.start, min(span.end, len(styles))):
                styles[i] = styles[i] + Style.parse(str(span.style))
        runs: list[Run_] = []
        for char, style in zip(line.plain, styles, strict=True):
            name = str(style) if style else ""
            if runs and runs[-1][1] == name:
                runs[-1] = (runs[-1][0] + char, name)
            else:
                runs.append((char, name))
        lines.append(runs)
    return lines


def styled_text(ansi: str) -> str:
    """`screen(ansi)` as readable rich markup, one line per screen line."""
    from rich.markup import escape

    return "\n".join(
        "".join(f"[{style}]{escape(text)}[/]" if style else escape(text) for text, style in runs)
        for runs in screen(ansi)
    )
