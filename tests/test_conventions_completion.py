"""Shell completion through typer's own mechanism, as the shells call it: the
_ADVISOR_COMPLETE protocol in a real process, and bash with the script that
`advisor --show-completion` prints."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent
ADVISOR = str(BIN / "advisor") if (BIN / "advisor").exists() else shutil.which("advisor")


def complete_bash(words: str, **env: str) -> list[str]:
    """What advisor offers for the last word of `words` (bash's protocol)."""
    parts = words.split(" ")
    assert ADVISOR
    result = subprocess.run(
        [ADVISOR],
        env={
            **os.environ,
            **env,
            "_ADVISOR_COMPLETE": "complete_bash",
            "COMP_WORDS": words,
            "COMP_CWORD": str(len(parts) - 1),
        },
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return [line for line in result.stdout.splitlines() if line]


def test_role_names_complete_on_any_word_of_a_role_id() -> None:
    offered = complete_bash("advisor compare adv")
    assert "patient-advocate" in offered
    assert "advocate" in offered  # the alias
    assert "case-manager" not in offered


def test_roles_already_given_are_not_offered_again() -> None:
    offered = complete_bash("advisor compare care-manager care")
    assert "care-coordinator" in offered
    assert "care-manager" not in offered
    assert "nurse-case-manager" in complete_bash("advisor show nurse")


def test_commands_flags_and_values_complete() -> None:
    assert {"compare", "career"} <= set(complete_bash("advisor c"))
    assert {"--side", "--need", "--answers"} <= set(complete_bash("advisor recommend --"))
    assert complete_bash("advisor recommend --side p") == ["patient"]
    assert complete_bash("advisor recommend --need home-visits,me") == [
        "home-visits,medical-bills",
        "home-visits,medications",
    ]
    assert complete_bash("advisor career --lic") == ["--licence", "--license"]
    assert complete_bash("advisor compare --aspect cost,s") == ["cost,settings", "cost,salary"]


def test_routes_complete_roles_and_needs() -> None:
    assert "patient-advocate" in complete_bash("advisor routes --role adv")
    assert complete_bash("advisor routes --need insurance-d") == ["insurance-denial"]
    assert "discharge,medications" in complete_bash("advisor routes --need discharge,me")


def test_a_broken_knowledge_base_completes_nothing_quietly(tmp_path: Path) -> None:
    assert complete_bash("advisor compare adv", ADVISOR_DATA=str(tmp_path)) == []


def test_zsh_and_fish_protocols() -> None:
    assert ADVISOR
    zsh = subprocess.run(
        [ADVISOR],
        env={
            **os.environ,
            "_ADVISOR_COMPLETE": "complete_zsh",
            "_TYPER_COMPLETE_ARGS": "advisor compare adv",
        },
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert zsh.returncode == 0 and '"patient-advocate"' in zsh.stdout
    fish = subprocess.run(
        [ADVISOR],
        env={
            **os.environ,
            "_ADVISOR_COMPLETE": "complete_fish",
            "_TYPER_COMPLETE_ARGS": "advisor compare adv",
            "_TYPER_COMPLETE_FISH_ACTION": "get-args",
        },
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert fish.returncode == 0 and "patient-advocate" in fish.stdout.split()


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_bash_completes_with_the_script_advisor_installs(tmp_path: Path) -> None:
    """The installed script, sourced in a real bash, fills COMPREPLY."""
    env = {**os.environ, "HOME": str(tmp_path), "SHELL": "/bin/bash"}
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    install = subprocess.run(
        [ADVISOR or "advisor", "--install-completion", "bash"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert install.returncode == 0, install.stderr
    scripts = list(tmp_path.rglob("advisor*"))
    assert scripts, "no completion script written under HOME"
    script = " ".join(f'. "{s}";' for s in scripts if s.is_file())
    shell = subprocess.run(
        [
            "bash",
            "-c",
            f"{script} COMP_WORDS=(advisor compare adv); COMP_CWORD=2; "
            '_advisor_completion advisor; printf "%s\\n" "${COMPREPLY[@]}"',
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert shell.returncode == 0, shell.stderr
    assert "patient-advocate" in shell.stdout.split()
