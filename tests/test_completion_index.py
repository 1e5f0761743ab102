"""Tab completion from the index (advisor/completion_index.py): every answer it
gives is byte for byte what typer's full completion path gives, in bash, zsh and
fish, for the bundled data, a `--data` copy and an ADVISOR_DATA copy; a changed
knowledge base gets a new index; and a Tab press answered from it imports none
of typer, pydantic and rich."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.core import TyperOption as ClickOption
from typer.testing import CliRunner

from advisor import completion_index
from advisor.cli import app
from advisor.knowledge.catalog import load_catalog
from helpers import edit, kb_copy, role_in

# (the words before the one being completed, the word being completed)
ANSWERED = [
    ("advisor compare", "adv"),
    ("advisor compare care-manager", "care"),
    ("advisor compare", ""),
    ("advisor show", "nurse"),
    ("advisor compare --json --all", "c"),
    ("advisor compare --aspect cost", "care"),
    ("advisor compare", "zzz"),
    ("advisor routes --role", "adv"),
    ("advisor routes --need", "insurance-d"),
    ("advisor routes --need", "discharge,me"),
    ("advisor recommend --side", "p"),
    ("advisor recommend --need", "home-visits,me"),
    ("advisor map --timeframe", ""),
    ("advisor career --licence", ""),
]
# left to the full path: option names, command names, a file, `--aspect`, `=`
NOT_ANSWERED = [
    ("advisor", "c"),
    ("advisor recommend", "--"),
    ("advisor compare --aspect", "cost,s"),
    ("advisor compare --report", "x"),
    ("advisor routes", ""),
    ("advisor recommend --side=", "p"),
    ("advisor data", ""),
]


def _environ(shell: str, before: str, word: str, cache: Path) -> dict[str, str]:
    words = [*before.split(), word]
    line = " ".join(words)
    env = {"_ADVISOR_COMPLETE": f"complete_{shell}", "XDG_CACHE_HOME": str(cache)}
    if shell == "bash":
        env.update(COMP_WORDS=line, COMP_CWORD=str(len(words) - 1))
    else:
        env["_TYPER_COMPLETE_ARGS"] = line
    if shell == "fish":
        env["_TYPER_COMPLETE_FISH_ACTION"] = "get-args"
    return env


def _full_path(env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> tuple[str, int]:
    """typer's completion, in this process, as the console script runs it (a new
    process each time: the catalog is read again)."""
    load_catalog.cache_clear()
    for name in ("ADVISOR_DATA", "COMP_WORDS", "COMP_CWORD", "_TYPER_COMPLETE_ARGS"):
        monkeypatch.delenv(name, raising=False)
    result = CliRunner().invoke(app, [], env=env, prog_name="advisor")
    return result.stdout, result.exit_code


@pytest.mark.parametrize("where", ["bundled", "--data", "ADVISOR_DATA"])
@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_the_index_answers_as_the_full_path_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shell: str, where: str
) -> None:
    cache = tmp_path / "cache"
    extra: dict[str, str] = {}
    prefix = ""
    if where != "bundled":
        folder = kb_copy(tmp_path)
        if where == "--data":
            prefix = f" --data {folder}"
        else:
            extra["ADVISOR_DATA"] = str(folder)
    for before, word in ANSWERED:
        before = before.replace("advisor", "advisor" + prefix, 1)
        env = {**_environ(shell, before, word, cache), **extra}
        full = _full_path(env, monkeypatch)  # also writes the index
        assert completion_index.quick_complete(env) == full, (before, word)
        if shell == "fish":
            env["_TYPER_COMPLETE_FISH_ACTION"] = "is-args"
            full = _full_path(env, monkeypatch)
            assert completion_index.quick_complete(env) == full, (before, word)
    for before, word in NOT_ANSWERED:
        before = before.replace("advisor", "advisor" + prefix, 1)
        env = {**_environ(shell, before, word, cache), **extra}
        assert completion_index.quick_complete(env) is None, (before, word)


def test_an_edited_knowledge_base_gets_a_new_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = kb_copy(tmp_path)
    env = {**_environ("bash", "advisor compare", "ombud", tmp_path / "cache")}
    env["ADVISOR_DATA"] = str(folder)
    assert _full_path(env, monkeypatch) == ("\n", 0)
    assert completion_index.quick_complete(env) == ("\n", 0)

    def alias(data: dict[str, object]) -> None:
        role_in(data, "patient-advocate")["aliases"].append("ombudsperson")

    edit(folder / "roles.json", alias)
    assert completion_index.quick_complete(env) is None  # a new hash: no index yet
    assert _full_path(env, monkeypatch) == ("ombudsperson\n", 0)
    assert completion_index.quick_complete(env) == ("ombudsperson\n", 0)


def test_a_broken_knowledge_base_gets_no_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = kb_copy(tmp_path)
    (folder / "questions.json").write_text("{", encoding="utf-8")
    env = {**_environ("bash", "advisor compare", "adv", tmp_path / "cache")}
    env["ADVISOR_DATA"] = str(folder)
    assert "advocate" in _full_path(env, monkeypatch)[0]  # roles alone still complete
    assert completion_index.quick_complete(env) is None
    assert not list((tmp_path / "cache").rglob("*.json"))


@pytest.mark.parametrize("command", sorted(completion_index.FLAGS))
def test_the_options_it_reads_are_the_commands_own(command: str) -> None:
    """The index reads a command line only where it knows every option of the
    command: which are flags and which take a value, as click has them."""
    group = typer.main.get_command(app)
    assert isinstance(group, typer.core.TyperGroup)
    click_command = group.commands[command]
    ctx = typer.Context(click_command)
    flags, values = set(), set()
    for param in click_command.get_params(ctx):
        if isinstance(param, ClickOption) and "--help" not in param.opts:
            (flags if param.is_flag else values).update(param.opts)
    assert flags == set(completion_index.FLAGS[command])
    assert values == set(completion_index.VALUE_OPTIONS[command])


def test_a_tab_press_from_the_index_imports_no_stack(tmp_path: Path) -> None:
    env = _environ("bash", "advisor compare", "adv", tmp_path / "cache")
    code = (
        "import json, os, sys\n"
        f"os.environ.update({env!r})\n"
        "from advisor.entry import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'typer', 'pydantic', 'rich'})\n"
        "print(json.dumps(heavy))"
    )
    runs = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
        for _ in range(2)
    ]
    assert runs[0].stdout.splitlines()[-1] != "[]"  # the first press builds the index
    assert runs[1].stdout.splitlines()[:-1] == runs[0].stdout.splitlines()[:-1]
    assert "patient-advocate" in runs[1].stdout
    assert json.loads(runs[1].stdout.splitlines()[-1]) == []
