"""What advisor echoes of names and words a user gave (file and folder names,
a description) reaches the terminal, a log or a report as text, never as a
command: every message shows a name on one line with control characters
escaped (one sanitiser, advisor/render/sanitise.py), and text-direction
overrides never reach an HTML report or the wizard's echo."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output.vt100 import Vt100_Output

from advisor.knowledge.catalog import load_catalog
from conftest import Run
from hostile import no_raw_controls

TITLE = "\x1b]0;pwned\x07"
FORGED = "\nadvisor: error: your data was deleted\n"
RAW = ("\x1b", "\x07", "\x9b", "\u202e", "\u2066")


def _clean(text: str) -> bool:
    return not any(c in text for c in RAW)


def test_escapes_in_an_answers_path_are_not_echoed(run: Run, tmp_path: Path) -> None:
    """DEF-2, B7: the raw OSC title sequence went to stderr and set the terminal title."""
    result = run("recommend", "--no-input", "--answers", f"{tmp_path}/{TITLE}")
    assert result.exit_code == 2 and no_raw_controls(result.stderr)
    assert "\\x1b" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["--save", f"/nonexistent/{TITLE}"],
        ["--report", "{tmp}/x" + TITLE + ".pdf"],
        ["--report", "{tmp}/x" + TITLE + ".md"],
    ],
)
def test_escapes_in_output_paths_are_not_echoed(run: Run, tmp_path: Path, args: list[str]) -> None:
    """DEF-2, B8: errors about --save/--report paths, and `Report saved to`, echoed raw."""
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    result = run("recommend", "--timeframe", "ongoing", "--no-input", *args)
    assert no_raw_controls(result.stderr) and no_raw_controls(result.stdout), args


def test_escapes_in_a_data_path_are_not_echoed(run: Run, tmp_path: Path) -> None:
    """DEF-2, B9: `advisor --data $'$TMPDIR/\\e]0;pwned\\a' roles` echoed the path raw."""
    result = run("--data", f"{tmp_path}/{TITLE}", "roles")
    assert result.exit_code == 1 and no_raw_controls(result.stderr)


@pytest.mark.parametrize(
    ("option", "name", "said"),
    [
        ("--report", "a" + FORGED + ".md", "Report saved to"),  # N47
        ("--save", "a" + FORGED + ".json", "Answers saved to"),
        ("--report", "b\x0d" + TITLE + ".html", "Report saved to"),  # N48
    ],
)
def test_a_file_name_cannot_forge_lines_in_a_success_message(
    run: Run, tmp_path: Path, option: str, name: str, said: str
) -> None:
    """DEF-47: `Report saved to .../a`, then a forged `advisor: error: ...` line."""
    result = run("recommend", "--timeframe", "ongoing", "--no-input", option, str(tmp_path / name))
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stderr.splitlines() if line]
    assert len(lines) == 1 and lines[0].startswith(said), result.stderr
    assert "\\x0a" in lines[0] or "\\x0d" in lines[0]
    assert _clean(result.stderr) and "\r" not in result.stderr
    assert (tmp_path / name).exists()  # the file has the name asked for


def test_data_commands_show_a_folder_name_on_one_line(run: Run, tmp_path: Path) -> None:
    """DEF-47: `data init` and `data check` echo the folder they were given."""
    folder = tmp_path / ("kb" + FORGED.strip("\n"))
    init = run("data", "init", str(folder))
    assert init.exit_code == 0 and len(init.stderr.strip().splitlines()) == 1, init.stderr
    check = run("data", "check", str(folder))
    assert check.exit_code == 0 and check.stdout.count("\n") == 1, check.stdout
    assert check.stdout.endswith("no problems found\n")


@pytest.mark.parametrize("control", ["\u202e", "\u2066", "\x07", "\x9b", "\x1b[2J"])
@pytest.mark.parametrize("report", ["r.html", "r.md"])
def test_control_characters_in_a_description_never_reach_a_report(
    run: Run, tmp_path: Path, control: str, report: str
) -> None:
    """DEF-49, N9: html.escape keeps U+202E, so the override sat raw in the page."""
    path = tmp_path / report
    text = f"my dad had a heart{control} attack and needs help at home"
    result = run("recommend", "--describe", text, "--no-input", "--report", str(path))
    assert result.exit_code == 0, result.output
    written = path.read_text(encoding="utf-8")
    assert "dad" in written and _clean(written), repr(control)


def test_the_wizard_echoes_a_pasted_description_without_its_controls() -> None:
    """DEF-49, N75: BEL, C1 CSI and U+202E pasted between the words of a cue were
    echoed raw in the wizard's `from "..."` line."""
    from advisor.wizard import ask_description

    questionnaire = load_catalog().questionnaire
    screen = io.StringIO()
    output = Vt100_Output(screen, lambda: Size(rows=40, columns=100), term="xterm")
    with create_pipe_input() as keys:
        keys.send_text("my\x07 dad\x9b had a heart\u202e attack and needs help at home\r")
        keys.send_text("\r")  # keep the answers
        _, described = ask_description(questionnaire, {}, input=keys, output=output)
    assert described is not None and described.used
    shown = screen.getvalue()
    echoed = shown[shown.index("from ") :]
    assert "\\x07" in echoed or "\\u202e" in echoed or "\\x9b" in echoed
    assert not any(c in shown for c in ("\x07", "\x9b", "\u202e"))  # nor as typed
