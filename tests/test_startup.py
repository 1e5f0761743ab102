"""What the entry point does so that start-up stays fast (see bench/): it builds
only the command a run names, spares pydantic its plugin search, and leaves the
cyclic garbage collector off until the run waits for a person."""

from __future__ import annotations

import gc
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

import advisor
import advisor.cli
from advisor import entry
from advisor.cli import app, app_for
from helpers import command_paths


def test_a_run_that_names_its_command_builds_only_that_one() -> None:
    """`advisor compare ...` builds compare alone, with the same help and parameters
    as in the whole app; anything else gets the whole app."""
    runner = CliRunner()
    for path in command_paths()[1:]:
        only = typer.main.get_command(app_for(list(path)))
        assert isinstance(only, typer.core.TyperGroup)
        assert list(only.commands) == [path[0]], path
        whole = runner.invoke(app, [*path, "--help"], env={"COLUMNS": "80"})
        alone = runner.invoke(app_for(list(path)), [*path, "--help"], env={"COLUMNS": "80"})
        assert (alone.exit_code, alone.stdout) == (whole.exit_code, whole.stdout), path
    everything = list(typer.main.get_command(app).commands)
    for args in ([], ["--data", "x", "roles"], ["comapre"], ["--help"], ["roles"]):
        built = typer.main.get_command(app_for(args))
        assert isinstance(built, typer.core.TyperGroup)
        assert list(built.commands) == (["roles"] if args == ["roles"] else everything), args


def test_tab_completion_sees_every_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_ADVISOR_COMPLETE", "complete_bash")
    assert app_for(["compare"]) is app


@pytest.fixture
def run_entry(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[Callable[[], None]], None]]:
    """Run `entry.main` in this process with `command` in place of the command line,
    keeping pytest's signal handlers and garbage collection as they were."""
    import signal

    monkeypatch.setattr(signal, "signal", lambda *args: None)

    def run(command: Callable[[], None]) -> None:
        monkeypatch.setattr(advisor.cli, "main", command)
        entry.main()

    yield run
    gc.enable()


@pytest.mark.parametrize(
    ("given", "expected"), [(None, "__all__"), ("", ""), ("logfire", "logfire")]
)
def test_pydantic_plugins_are_not_searched_unless_the_user_says(
    monkeypatch: pytest.MonkeyPatch,
    run_entry: Callable[[Callable[[], None]], None],
    given: str | None,
    expected: str,
) -> None:
    """pydantic would search every installed package for plugins; a value the user set wins."""
    seen: list[str | None] = []
    if given is None:
        monkeypatch.delenv("PYDANTIC_DISABLE_PLUGINS", raising=False)
    else:
        monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", given)
    run_entry(lambda: seen.append(os.environ.get("PYDANTIC_DISABLE_PLUGINS")))
    assert seen == [expected]


def test_the_collector_is_off_for_a_run_and_back_on_to_wait_for_a_person(
    run_entry: Callable[[Callable[[], None]], None],
) -> None:
    states: list[bool] = []

    def command() -> None:
        import advisor.wizard

        states.append(gc.isenabled())
        advisor.wizard.waiting_for_a_person()
        states.append(gc.isenabled())

    try:
        run_entry(command)
        assert states == [False, True]
        assert gc.get_freeze_count() > 0  # what start-up built is left out of collections
    finally:
        gc.unfreeze()


def test_the_questionnaire_collects_garbage(monkeypatch: pytest.MonkeyPatch) -> None:
    """The wizard's path calls waiting_for_a_person before it asks anything."""
    import advisor.wizard

    calls: list[str] = []
    monkeypatch.setattr(advisor.wizard, "waiting_for_a_person", lambda: calls.append("gc on"))
    monkeypatch.setattr(advisor.cli, "_can_ask", lambda: True)
    monkeypatch.setattr(
        advisor.wizard,
        "ask_description",
        lambda q, answers, **o: calls.append("asked") or (answers, None),
    )
    monkeypatch.setattr(advisor.wizard, "ask", lambda q, answers, **o: {**answers})
    monkeypatch.setattr(advisor.wizard, "terminal_options", lambda: {})
    monkeypatch.setattr(advisor.wizard, "offer_next", lambda **o: None)
    monkeypatch.setattr(advisor.wizard, "introduce", lambda **o: None)
    result = CliRunner().invoke(app, ["recommend", "--side", "patient"])
    assert result.exit_code == 0, result.output
    assert calls[:2] == ["gc on", "asked"]


def test_ctrl_c_during_start_up_is_one_line() -> None:
    """A Ctrl-C in the first tenth of a second printed a KeyboardInterrupt traceback.

    The console script is run, as a person would. Before advisor's first line
    runs (Python starting up, the script's own preamble) a Ctrl-C can still end
    in Python's traceback; from then on it must always be "Interrupted." A
    traceback through the package's own files is the failure, wherever the
    checkout is (a clone in a folder named `advisor` included).
    """
    script = str(Path(sys.executable).with_name("advisor"))
    package = re.escape(str(Path(advisor.__file__).resolve().parent) + os.sep).encode()
    for delay in (0.03, 0.06, 0.09, 0.12, 0.15, 0.2, 0.3):
        with subprocess.Popen(
            [script, "compare", "--all"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        ) as proc:
            time.sleep(delay)
            proc.send_signal(signal.SIGINT)
            _, err = proc.communicate(timeout=30)
        assert not re.search(rb'File "' + package, err), (delay, err)
        assert proc.returncode in (0, 1, 130, -signal.SIGINT), (delay, proc.returncode)
