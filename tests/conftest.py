"""Fixtures: an isolated environment, a CLI runner and a copy of the data.

The helpers behind them live in `helpers.py`. With ADVISOR_TEST_DATA set, every
fixture and every command a test runs (in-process, subprocess or pty) reads that
knowledge base instead of the bundled one; run it with `-m "not bundled_data"`.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import settings
from typer.testing import CliRunner, Result

from helpers import Run, edit, is_bundled, kb_copy, knowledge_dir
from helpers import ok as ok  # re-exported for modules not yet importing helpers
from helpers import screen as screen  # re-exported for modules not yet importing helpers
from helpers import styled_text as styled_text

if TYPE_CHECKING:
    from prompt_toolkit.input import PipeInput

# Tab completion writes its index into the user's cache folder
# (advisor/completion_index.py): the tests' presses write theirs into one of their own.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="advisor-test-cache-")
atexit.register(shutil.rmtree, os.environ["XDG_CACHE_HOME"], ignore_errors=True)

# No per-example time limit: on a busy shared machine a slow example is not a bug.
settings.register_profile("advisor", deadline=None)
settings.load_profile("advisor")


def pytest_report_header() -> str:
    return f"knowledge base: {'bundled' if is_bundled() else knowledge_dir()}"


# Tests that still break on another knowledge base for reasons that are not about
# the bundled data (they count the bundled questions or roles), owned by other
# work in progress. Expected to fail there, strictly: once one passes, take it
# off. The pty ones would each wait out a 30 s timeout, so they are not run.
NOT_YET_DATA_INDEPENDENT = {
    # not_understood == ["side", "payment"]: the bundled questions the words miss
    "test_describe_cli.py::test_describe_json_lists_each_answer_with_its_words": True,
    # expect "(1/6)" or "(1/2)": the number of bundled questions
    "test_describe_cli.py::test_the_questionnaire_starts_with_a_description_in_a_terminal": False,
    "test_describe_cli.py::test_saying_no_to_what_was_understood_asks_every_question": False,
    "test_describe_cli.py::test_the_description_step_can_be_skipped": False,
    # the README's example output, from the bundled data (a bundled_data test)
    "test_describe_cli.py::test_the_readme_example_is_what_the_command_prints": True,
    # "not one of the four roles" and four ids in `roles --json`
    "test_routes.py::test_titles_are_not_a_fifth_role": True,
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Against another knowledge base, a test about the bundled data is skipped."""
    if is_bundled():
        return
    skip = pytest.mark.skip(reason=f"about the bundled data, not {knowledge_dir()}")
    for item in items:
        if item.get_closest_marker("bundled_data"):
            item.add_marker(skip)
        elif (run := NOT_YET_DATA_INDEPENDENT.get(_unparametrized(item.nodeid))) is not None:
            item.add_marker(
                pytest.mark.xfail(strict=True, run=run, reason="counts the bundled data")
            )


def _unparametrized(nodeid: str) -> str:
    return nodeid.removeprefix("tests/").split("[", 1)[0]


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    from advisor.knowledge.catalog import load_catalog

    for name in ("ADVISOR_DATA", "NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    if not is_bundled():  # every command a test runs reads the knowledge base under test
        monkeypatch.setenv("ADVISOR_DATA", str(knowledge_dir()))
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("ADVISOR_PAGER", "cat")  # a test in a pseudo-terminal never waits in less
    load_catalog.cache_clear()  # a test may edit a knowledge base another test read


@pytest.fixture
def run() -> Run:
    """The command in-process (typer's CliRunner); a crash fails the test whatever it checks."""
    from advisor.cli import app

    runner = CliRunner()

    def invoke(*args: str, input: str | None = None, **kwargs: Any) -> Result:
        result = runner.invoke(app, list(args), input=input, **kwargs)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return result

    return invoke


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the knowledge base under test."""
    return kb_copy(tmp_path)


@pytest.fixture
def keys() -> Iterator[PipeInput]:
    """Keys for an in-process prompt (prompt_toolkit pipe input). The pipe closes
    after helpers.PROMPT_TIMEOUT, so a prompt waiting for more keys than a test
    sent fails with EOFError instead of hanging."""
    from prompt_toolkit.input import create_pipe_input

    from helpers import close_on_timeout

    with create_pipe_input() as pipe:
        timer = close_on_timeout(pipe)
        yield pipe
        timer.cancel()


edit_json = edit  # the older name, for modules not yet importing helpers
