"""Every `$ advisor ...` example in the README is what the command prints at 80
columns, as far as the README shows it (up to a line of "…"), so the README
never drifts from the tool a new user installs."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from conftest import Run

# The README shows the bundled data's output.
pytestmark = pytest.mark.bundled_data

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
EXAMPLES = re.findall(r"```text\n\$ advisor (.*)\n((?:(?!```).*\n)*?)```", README)


def test_the_readme_has_examples() -> None:
    assert len(EXAMPLES) >= 8


@pytest.mark.parametrize(("command", "shown"), EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_a_readme_example_is_what_the_command_prints(run: Run, command: str, shown: str) -> None:
    lines = shown.splitlines()
    if "…" in lines:
        lines = lines[: lines.index("…")]
    result = run(*shlex.split(command), env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    printed = result.stdout.splitlines()
    assert printed[: len(lines)] == lines


PYTHON_API = re.findall(
    r"## Python API\n(?:(?!```python).*\n)*```python\n((?:(?!```).*\n)*)```", README
)


def test_the_python_api_example_runs_as_written(capsys: pytest.CaptureFixture[str]) -> None:
    """The README's Python example is real code: it runs, and prints what it says."""
    assert PYTHON_API, "the README has a Python API example"
    exec(compile(PYTHON_API[0], "README.md", "exec"), {})
    printed = capsys.readouterr().out.splitlines()
    role, score = printed[0].split()
    assert role == "care-manager" and 0 <= int(score) <= 100
    assert "'for-whom': 'flag'" in printed[1] and "'description'" in printed[1]


def test_the_intake_docstring_example_holds() -> None:
    import doctest

    import advisor.intake

    failed, tried = doctest.testmod(advisor.intake)
    assert tried > 0 and failed == 0
