"""The README's quick start works without an active virtualenv (PEP 668 systems).

CI runs these lines as written (.ci/run reads them from README.md); these
checks keep them from drifting back to a bare `pip install`, which Debian,
Ubuntu and Homebrew refuse outside a virtualenv.
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def quick_start_lines() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Quick start", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block is not None, "no ```sh block under ## Quick start"
    return block.group(1).strip().splitlines()


def test_quick_start_is_two_commands_that_make_their_own_virtualenv() -> None:
    install, tests = quick_start_lines()
    for line in (install, tests):
        assert line.startswith("python3 -m venv .venv && "), line
        # every pip and program comes from the new .venv, never the system's
        commands = [part.split()[0] for part in line.split("&&")]
        assert commands[1:] and all(c.startswith(".venv/bin/") for c in commands[1:]), line
    assert install.endswith(".venv/bin/advisor recommend")
    assert "pip install -e '.[test]'" in tests and tests.endswith("python -m pytest")


def test_ci_runs_the_readme_lines() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "## Quick start" in ci and "PIP_REQUIRE_VIRTUALENV=1" in ci
    assert 'bash -c "$install_line --help" </dev/null' in ci
    assert 'bash -c "$test_line"' in ci
