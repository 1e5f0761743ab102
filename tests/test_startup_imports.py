"""Each run imports only what its path uses (start-up is mostly importing; see
bench/): no `--json` output imports rich or the terminal layout, and no text
output imports the JSON-schema or report machinery unless a report is asked.

One fresh Python imports advisor.cli, then forks once per command line, so each
child starts from the same modules and reports what the command added."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

ANSWERS = ["--timeframe", "ongoing", "--side", "patient", "--need", "home-visits"]
COMMANDS = [
    ["roles"],
    ["show", "advocate"],
    ["compare", "advocate", "case-manager"],
    ["compare", "--all"],
    ["routes"],
    ["career", "--licence", "none", "--no-input"],
    ["map", *ANSWERS],
    ["recommend", *ANSWERS, "--no-input"],
    ["recommend", "--describe", "Dad has dementia and lives alone", "--no-input"],
]
RICH = ("rich", "advisor.render.terminal", "advisor.render.pager")
REPORTS = (
    "advisor.render.json_shapes",
    "advisor.render.markdown",
    "advisor.render.html",
    "advisor.render.files",
    "jinja2",
)

PROBE = """
import contextlib, io, json, os, sys
from advisor.cli import main
for args in json.loads(sys.argv[1]):
    pid = os.fork()
    if pid == 0:
        sys.argv = ["advisor", *args]
        code = 0
        with contextlib.redirect_stdout(io.StringIO()) as out:
            try:
                main()
            except SystemExit as exit:
                code = exit.code or 0
        line = json.dumps([args, code, len(out.getvalue()), sorted(sys.modules)])
        os.write(1, (line + "\\n").encode())
        os._exit(0)
    os.waitpid(pid, 0)
"""


def _imported(command_lines: list[list[str]], tmp_path: Path) -> dict[str, set[str]]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(command_lines)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=tmp_path,
        env={**__import__("os").environ, "COLUMNS": "80"},
    )
    assert result.returncode == 0, result.stderr
    found = {}
    for line in result.stdout.splitlines():
        args, code, printed, modules = json.loads(line)
        assert code == 0 and printed > 0, (args, result.stderr)
        found[" ".join(args)] = {m for m in modules if m.split(".")[0] in ("rich", "jinja2")} | {
            m for m in modules if m.startswith("advisor.")
        }
    assert len(found) == len(command_lines)
    return found


def _top(modules: set[str], wanted: tuple[str, ...]) -> set[str]:
    return {w for w in wanted if w in modules or any(m.startswith(w + ".") for m in modules)}


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[str]]:
    lines = [*COMMANDS, *([*c, "--json"] for c in COMMANDS)]
    lines.append(["roles", "--report", "roles.md"])
    return _imported(lines, tmp_path_factory.mktemp("imports"))


@pytest.mark.parametrize("command", [" ".join(c) for c in COMMANDS])
def test_json_output_imports_no_rich(imported: dict[str, set[str]], command: str) -> None:
    assert _top(imported[f"{command} --json"], RICH) == set()


@pytest.mark.parametrize("command", [" ".join(c) for c in COMMANDS])
def test_text_output_imports_no_json_schema_or_report_machinery(
    imported: dict[str, set[str]], command: str
) -> None:
    assert "rich" in _top(imported[command], RICH)  # the probe sees what it should
    assert _top(imported[command], REPORTS) == set()


def test_a_report_loads_the_report_machinery(imported: dict[str, set[str]]) -> None:
    assert {"advisor.render.files", "advisor.render.markdown"} <= imported[
        "roles --report roles.md"
    ]


def _entry_run(argv: list[str], then: str) -> subprocess.CompletedProcess[str]:
    """`advisor ARGV` through the console script's entry in a fresh Python, then
    `then` (which reports what the run imported)."""
    code = (
        f"import sys\nsys.argv = {['advisor', *argv]!r}\n"
        "from advisor.entry import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n" + then
    )
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )


def test_version_is_printed_before_anything_is_loaded() -> None:
    """`advisor --version` answers as the typer app does, without importing typer."""
    from typer.testing import CliRunner

    from advisor.cli import app

    result = _entry_run(
        ["--version"],
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'typer', 'pydantic', 'rich'}))",
    )
    version, heavy = result.stdout.splitlines()
    assert heavy == "[]"
    assert version + "\n" == CliRunner().invoke(app, ["--version"]).stdout


def test_a_spanish_description_loads_one_stemmer_not_all() -> None:
    """snowballstemmer imports every language's pure-Python stemmer unless its C
    backend (PyStemmer, a dependency) is installed: a twelfth of such a run."""
    result = _entry_run(
        ["recommend", "--describe", "Mi madre tiene demencia y vive sola en casa", "--json"],
        "sys.stderr.write(repr(sorted(m for m in sys.modules if m.endswith('_stemmer'))))",
    )
    assert '"answers"' in result.stdout, result.stderr
    assert importlib.util.find_spec("Stemmer") is not None  # the C backend is installed
    assert result.stderr.endswith("[]"), result.stderr
