"""The pager: long output on a terminal goes through less (or $PAGER), with a
prompt that fits the screen, quitting at the end and running nothing typed by
mistake; short output and pipes are never paged."""

from __future__ import annotations

import io
import shlex
import sys
from pathlib import Path

import pytest
from rich.console import Console

from advisor.render import pager
from helpers import ADVISOR, Terminal


def _prompt(less: str) -> str:
    return less.split("-Ps", 1)[1].removesuffix("$")


@pytest.mark.parametrize("width", [34, 40, 42, 51, 52, 80, 200])
def test_less_prompt_fits_the_screen(width: int) -> None:
    """less cuts a prompt wider than the screen from the left: at 42 columns the
    long one read 'rrows for more, b to go back, q to quit)'."""
    assert len(_prompt(pager.less_defaults(width))) < width
    assert "q" in _prompt(pager.less_defaults(width))


def test_pager_gets_the_prompt_for_the_console_width(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = tmp_path / "less"
    monkeypatch.delenv("LESS", raising=False)
    monkeypatch.setenv("ADVISOR_PAGER", f"sh -c 'printf %s \"$LESS\" > {seen}; cat >/dev/null'")
    console = Console(file=io.StringIO(), force_terminal=True, width=42, height=5)
    pager.show(console, "\n".join(f"line {n}" for n in range(20)))
    assert seen.read_text() == pager.less_defaults(42)
    assert len(_prompt(seen.read_text())) < 42


def test_less_quits_at_the_end_and_runs_nothing_typed_by_mistake(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A person who read to the end and typed 'my dad is sick' made less save a
    file called 'sick' ('s'), and '!touch bang' ran a command: less now quits at
    the end (-E) and always runs with LESSSECURE=1."""
    seen = tmp_path / "env"
    monkeypatch.setenv("LESSSECURE", "0")
    monkeypatch.setenv(
        "ADVISOR_PAGER", f"sh -c 'printf %s \"$LESSSECURE $LESS\" > {seen}; cat >/dev/null'"
    )
    console = Console(file=io.StringIO(), force_terminal=True, width=80, height=5)
    pager.show(console, "\n".join(f"line {n}" for n in range(20)))
    secure, options = seen.read_text().split(" ", 1)
    assert secure == "1"
    assert options.split()[0] == "-FRXE"


PAGER = f"{shlex.quote(sys.executable)} -c " + shlex.quote(
    "import sys; sys.stdin.read(); print('PAGER RAN')"
)


def test_long_output_goes_through_the_pager_on_a_terminal() -> None:
    term = Terminal(f"{ADVISOR} show care-manager", env={"ADVISOR_PAGER": PAGER})
    assert term.finish() == 0
    assert "PAGER RAN" in term.plain


def test_pager_respects_pager_and_no_pager() -> None:
    env = {"ADVISOR_PAGER": "", "PAGER": PAGER}
    term = Terminal(f"{ADVISOR} compare --all", env=env)
    assert term.finish() == 0
    assert "PAGER RAN" in term.plain
    term = Terminal(f"{ADVISOR} compare --all --no-pager", env=env)
    assert term.finish() == 0
    assert "PAGER RAN" not in term.plain and "What they all share" in term.plain


def test_short_output_and_pipes_are_never_paged() -> None:
    env = {"ADVISOR_PAGER": PAGER}
    term = Terminal(f"{ADVISOR} roles", rows=60, env=env)
    assert term.finish() == 0
    assert "PAGER RAN" not in term.plain and "Care manager" in term.plain
    term = Terminal(f"{ADVISOR} show care-manager | cat", env=env)
    assert term.finish() == 0
    assert "PAGER RAN" not in term.plain and "Care manager" in term.plain
