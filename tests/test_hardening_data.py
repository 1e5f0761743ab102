"""Hardening against a hostile or careless `--data` knowledge base and answers file.

Each test reproduces one defect of the security and reliability review
(`../shared/reviews/security-and-reliability.md`), named DEF-N there, through
the real command.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import Run
from hostile import ESCAPES, advisor, copy_kb, edit, hostile_kb, no_raw_controls, set_role

HOSTILE_COMMANDS = {
    "roles": ["roles"],
    "show": ["show", "advocate"],
    "compare": ["compare", "--all"],
    "markdown": ["compare", "--all", "--markdown"],
    "recommend": ["recommend", "--timeframe", "ongoing", "--no-input"],
    "career": ["career", "--pay", "a-lot", "--no-input"],
    "map": ["map", "--side", "patient"],
    "json": ["roles", "--json"],
}


@pytest.mark.parametrize("command", HOSTILE_COMMANDS)
def test_def02_escape_sequences_in_data_never_reach_the_output(
    run: Run, tmp_path: Path, command: str
) -> None:
    """A3, A4, A5, A6, A10: OSC 8 links, titles, screen clears, NUL and C1 from data."""
    kb = hostile_kb(tmp_path, ESCAPES)
    result = run("--data", str(kb), *HOSTILE_COMMANDS[command])
    assert result.exit_code in (0, 1), result.output
    assert no_raw_controls(result.stdout) and no_raw_controls(result.stderr)
    if result.exit_code == 1:  # rejected when loaded: one line naming the place
        assert len(result.stderr.splitlines()) == 1 and "control character" in result.stderr


def test_def02_escape_sequences_in_data_never_reach_a_markdown_report(
    run: Run, tmp_path: Path
) -> None:
    """A7: an .md report must not carry escape sequences that fire on `cat r.md`."""
    kb = hostile_kb(tmp_path, ESCAPES)
    report = tmp_path / "r.md"
    result = run(
        "--data", str(kb), "recommend", "--timeframe", "ongoing", "--no-input", "--report",
        str(report),
    )  # fmt: skip
    assert result.exit_code in (0, 1)
    assert not report.exists() or no_raw_controls(report.read_bytes())
    assert no_raw_controls(result.stdout) and no_raw_controls(result.stderr)


def test_def02_nul_role_name_is_rejected(run: Run, tmp_path: Path) -> None:
    """A10: a role named NUL SOH STX printed raw and misaligned the table."""
    kb = copy_kb(tmp_path)
    set_role(kb, 0, "name", "\x00\x01\x02")
    result = run("--data", str(kb), "roles")
    assert result.exit_code == 1
    assert "roles[0].name" in result.stderr and no_raw_controls(result.stderr)


def test_def02_bidi_and_c1_never_reach_json(run: Run, tmp_path: Path) -> None:
    """A6, A16: C1 CSI and the right-to-left override were written raw into --json."""
    kb = hostile_kb(tmp_path, "\x9b31m \u202eetacovda")
    result = run("--data", str(kb), "roles", "--json")
    assert "\x9b" not in result.stdout and "\u202e" not in result.stdout
    if result.exit_code == 0:
        json.loads(result.stdout)
    else:
        assert result.exit_code == 1 and len(result.stderr.splitlines()) == 1


def _frame(stdout: str) -> list[str]:
    lines = stdout.splitlines()
    top = next(i for i, line in enumerate(lines) if line.startswith(("┌", "+-")))
    bottom = next(i for i, line in enumerate(lines) if line.startswith(("└", "+-")) and i > top)
    return lines[top : bottom + 1]


@pytest.mark.parametrize(
    ("name", "columns"),
    [
        ("Start" + "A" * 70, 40),
        ("Start" + "A" * 150, 80),
        ("Start" + "A" * 45, 40),
        ("Start" + "X" * 100_000, 80),
    ],
)
def test_def15_map_draws_long_role_names(run: Run, tmp_path: Path, name: str, columns: int) -> None:
    """A13, A14: `map` crashed (IndexError) on long names and cut them at the start."""
    kb = copy_kb(tmp_path)
    set_role(kb, 0, "name", name)
    result = run("--data", str(kb), "map", "--side", "patient", env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    frame = _frame(result.stdout)
    assert len(frame) == 13 and len({len(line) for line in frame}) == 1
    assert max(len(line) for line in result.stdout.splitlines()) <= max(columns, 40)
    assert any("Start" in line for line in frame)  # the label's start shows


def test_def20_map_labels_with_newlines_and_long_names_keep_the_frame(
    run: Run, tmp_path: Path
) -> None:
    """A11, A15: a newline split the frame; long labels wrapped past the left border."""
    kb = copy_kb(tmp_path)

    def change(d: Any) -> None:
        for i, role in enumerate(d["roles"]):
            role["name"] = f"Role{i} " + "Supercalifragilistic" * 6
        d["roles"][3]["name"] += "\nline2\nline3"

    edit(kb / "roles.json", change)
    result = run("--data", str(kb), "map", "--side", "patient", env={"COLUMNS": "80"})
    assert result.exit_code in (0, 1), result.output
    if result.exit_code == 1:
        assert "roles[3].name" in result.stderr
        return
    frame = _frame(result.stdout)
    assert len(frame) == 13 and {len(line) for line in frame} == {80}
    for i in range(4):
        assert f"Role{i}" in "\n".join(frame)


def test_def17_narrow_terminal_loses_no_text(run: Run) -> None:
    """G13, G14: below 21 columns text was wrapped at 20 and then cut off."""
    result = advisor("show", "advocate", env={"COLUMNS": "10"})
    assert result.returncode == 0
    lines = result.stdout.decode().splitlines()
    assert [line.strip() for line in lines[:2]] == ["Patient", "advocate"]
    assert max(len(line) for line in result.stdout.decode().splitlines()) <= 10


def test_def17_deeply_indented_data_line_is_not_blanked(run: Run, tmp_path: Path) -> None:
    """A18: a line indented more than the column width vanished from table cells."""
    kb = copy_kb(tmp_path)

    def change(d: Any) -> None:
        d["roles"][0]["focus"]["text"] += "\n" + " " * 60 + "HIDDEN-TAIL-WORDS here"

    edit(kb / "roles.json", change)
    result = run("--data", str(kb), "compare", "advocate", "case-manager", "--aspect", "focus")
    assert result.exit_code in (0, 1)
    if result.exit_code == 0:
        table = [line for line in result.stdout.splitlines() if line.startswith("|")]
        assert "HIDDEN-TAIL-WORDS" in "\n".join(table)
    else:
        assert "roles[0].focus" in result.stderr


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("caf\u00e9 helper", "cafe\u0301 helper"),  # F25
        ("straße helper", "STRASSE HELPER"),  # F27: case
        ("\u212aelvin helper", "kelvin helper"),  # F27: the Kelvin sign
        ("patient\u2010helper", "patient-helper"),  # F27
    ],
)
def test_def19_aliases_that_look_alike_are_rejected(
    run: Run, tmp_path: Path, first: str, second: str
) -> None:
    """F25, F27: identical-looking names opened different roles."""
    kb = copy_kb(tmp_path)

    def change(d: Any) -> None:
        d["roles"][0]["aliases"].append(first)
        d["roles"][1]["aliases"].append(second)

    edit(kb / "roles.json", change)
    result = run("--data", str(kb), "roles")
    assert result.exit_code == 1
    assert "roles[1].aliases" in result.stderr and "already used" in result.stderr


def test_def19_full_width_alias_collides(run: Run, tmp_path: Path) -> None:
    """F26: a full-width 'case manager' alias of patient-advocate was accepted."""
    kb = copy_kb(tmp_path)

    def change(d: Any) -> None:
        d["roles"][0]["aliases"].append("".join(chr(ord(c) + 0xFEE0) for c in "case") + " manager")

    edit(kb / "roles.json", change)
    result = run("--data", str(kb), "roles")
    assert result.exit_code == 1 and "already used" in result.stderr


@pytest.mark.parametrize("alias", ["---", "case\u200bhelper", " / ", "\u2060"])
def test_def19_blank_punctuation_or_invisible_aliases_are_rejected(
    run: Run, tmp_path: Path, alias: str
) -> None:
    """F27, F29: an alias of separators matched `show ' '`; zero-width spaces hid."""
    kb = copy_kb(tmp_path)

    def change(d: Any) -> None:
        d["roles"][0]["aliases"].append(alias)

    edit(kb / "roles.json", change)
    result = run("--data", str(kb), "roles")
    assert result.exit_code == 1
    assert "roles[0].aliases" in result.stderr
    assert run("show", " ").exit_code == 2


def test_def09_renamed_question_flag_is_not_silently_ignored(run: Run, tmp_path: Path) -> None:
    """F30: `--timeframe` was ignored with exit 0 when the data renamed its flag."""
    kb = copy_kb(tmp_path)

    def change(d: Any) -> None:
        for q in d["questions"]:
            if q["flag"] == "timeframe":
                q["flag"] = "duration"

    edit(kb / "questions.json", change)
    result = run(
        "--data", str(kb), "recommend", "--timeframe", "episodic", "--side", "patient",
        "--no-input", "--json",
    )  # fmt: skip
    assert result.exit_code != 0
    assert "timeframe" in result.stderr


def test_def09_removed_question_is_not_silently_ignored(run: Run, tmp_path: Path) -> None:
    """F31: `--side patient` was ignored when the data had no `side` question."""
    kb = copy_kb(tmp_path)

    def change(d: Any) -> None:
        d["questions"] = [q for q in d["questions"] if q["flag"] != "side"]

    edit(kb / "questions.json", change)
    result = run(
        "--data", str(kb), "recommend", "--timeframe", "episodic", "--side", "patient",
        "--no-input", "--json",
    )  # fmt: skip
    assert result.exit_code != 0
    assert "side" in result.stderr


MARKDOWN_PAYLOAD = (
    "<img src=x onerror=alert(1)> <script>alert(2)</script> [click here](javascript:alert(3))"
    "\n# Injected heading"
)


def _markdown_is_inert(text: str) -> None:
    assert "<img" not in text and "<script" not in text
    assert "[click here](javascript" not in text
    assert not any(line.startswith("# Injected") for line in text.splitlines())


def test_def21_markdown_output_escapes_html_and_markup(run: Run, tmp_path: Path) -> None:
    """C4, A11: raw <img onerror>, links and headings went through --markdown."""
    kb = copy_kb(tmp_path)

    def change(d: Any) -> None:
        d["roles"][0]["summary"]["text"] += " " + MARKDOWN_PAYLOAD

    edit(kb / "roles.json", change)
    result = run("--data", str(kb), "show", "advocate", "--markdown")
    assert result.exit_code == 0
    assert "Injected heading" in result.stdout  # kept as text
    _markdown_is_inert(result.stdout)


def test_def21_markdown_report_escapes_html_and_markup(run: Run, tmp_path: Path) -> None:
    """C4: the same through `--report r.md`."""
    kb = copy_kb(tmp_path)

    def change(d: Any) -> None:
        for role in d["roles"]:
            role["summary"]["text"] += " " + MARKDOWN_PAYLOAD

    edit(kb / "roles.json", change)
    report = tmp_path / "r.md"
    result = run(
        "--data", str(kb), "recommend", "--timeframe", "ongoing", "--side", "patient",
        "--no-input", "--report", str(report),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    _markdown_is_inert(report.read_text(encoding="utf-8"))


def test_def27_duplicate_keys_in_an_answers_file_are_an_error(run: Run, tmp_path: Path) -> None:
    """E10: the last of two `timeframe` keys won silently."""
    answers = tmp_path / "dup.json"
    answers.write_text('{"timeframe":"ongoing","timeframe":"episodic"}', encoding="utf-8")
    result = run("recommend", "--no-input", "--json", "--answers", str(answers))
    assert result.exit_code == 2
    assert "timeframe" in result.stderr and "twice" in result.stderr


def test_def27_answers_file_with_a_byte_order_mark_is_read(run: Run, tmp_path: Path) -> None:
    """E13: Windows Notepad writes a UTF-8 BOM; such a file was refused."""
    answers = tmp_path / "bom.json"
    answers.write_bytes(b'\xef\xbb\xbf{"timeframe":"ongoing"}')
    result = run("recommend", "--no-input", "--json", "--answers", str(answers))
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["answers"] == {"timeframe": "ongoing"}


def test_def27_duplicate_keys_in_data_are_an_error(run: Run, tmp_path: Path) -> None:
    """F24: `"version": "first", "version": ...` in roles.json: the last won silently."""
    kb = copy_kb(tmp_path)
    path = kb / "roles.json"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("{", '{"version": "first", ', 1), encoding="utf-8")
    result = run("--data", str(kb), "roles")
    assert result.exit_code == 1 and "version" in result.stderr


def test_def26_error_about_a_huge_argument_is_short(run: Run) -> None:
    """B11: a 100 KB role name was echoed in full on one stderr line."""
    result = run("show", "a" * 100_000)
    assert result.exit_code == 2 and len(result.stderr) < 1000


def test_def26_error_about_a_huge_answer_value_is_short(run: Run, tmp_path: Path) -> None:
    """E17: a 5 MB answer value was echoed in full."""
    answers = tmp_path / "big.json"
    answers.write_text(json.dumps({"timeframe": {"x": "A" * 5_000_000}}), encoding="utf-8")
    result = run("recommend", "--no-input", "--answers", str(answers))
    assert result.exit_code == 2 and len(result.stderr) < 1000


def test_def27_bundled_data_has_no_duplicate_keys() -> None:
    """The loader checks duplicate keys only in someone's own --data; this checks ours."""
    from advisor.errors import DataError
    from advisor.inputs import parse_json
    from advisor.knowledge.catalog import bundled_directory

    for path in sorted(bundled_directory().glob("*.json")):
        parse_json(path.read_bytes(), path, DataError)
