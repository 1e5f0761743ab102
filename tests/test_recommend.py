"""`advisor recommend` from scripts: flags, answers files, --save, --json, errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import Run, catalog, headline

ACCEPTANCE = [
    (["--timeframe", "episodic", "--side", "system", "--setting", "facility"], "case-manager"),
    (["--timeframe", "ongoing", "--side", "patient", "--setting", "home"], "care-manager"),
    (["--timeframe", "as-needed", "--side", "patient"], "patient-advocate"),
    (["--timeframe", "ongoing", "--side", "system", "--need", "scheduling"], "care-coordinator"),
    (["--need", "discharge", "--need", "placement"], "case-manager"),
    (["--need", "medical-bills"], "patient-advocate"),
]

# Situations written from the seeds' descriptions, beyond the acceptance list.
SITUATIONS = [
    # A parent's insurer refused a scan; the family wants someone of their own to fight it.
    (["--side", "patient", "--need", "insurance-denial,understand-options"], "patient-advocate"),
    # Mother with dementia living alone; daughter lives far away and can pay privately.
    (
        [
            "--timeframe",
            "ongoing",
            "--setting",
            "home",
            "--payment",
            "private",
            "--need",
            "home-visits,family-updates,crisis-prevention",
        ],
        "care-manager",
    ),
    # Dad is in hospital after a stroke and needs a rehab bed and Medicaid.
    (
        ["--timeframe", "episodic", "--setting", "facility", "--need", "placement,benefits"],
        "case-manager",
    ),
    # Diabetes and heart failure; the clinic offers help with appointments, Medicare pays.
    (
        [
            "--timeframe",
            "ongoing",
            "--payment",
            "covered",
            "--need",
            "scheduling,transportation,medications",
        ],
        "care-coordinator",
    ),
    # Someone to come to appointments and make sure my wishes are heard.
    (["--need", "appointments-with-me,rights"], "patient-advocate"),
    # An older client who travels and needs someone to go along.
    (["--need", "travel", "--side", "patient"], "care-manager"),
    # Insurance approval for surgery arranged by the hospital.
    (["--need", "insurance-approval", "--side", "system"], "case-manager"),
]


def recommend_json(run: Run, args: list[str]) -> dict:  # type: ignore[type-arg]
    result = run("recommend", *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


@pytest.mark.parametrize(("args", "top"), ACCEPTANCE + SITUATIONS)
def test_recommends_the_fitting_role(run: Run, args: list[str], top: str) -> None:
    assert recommend_json(run, args)["top"] == top


def test_json_shape_is_stable(run: Run) -> None:
    data = recommend_json(run, ["--timeframe", "ongoing", "--need", "scheduling"])
    for key in (
        "top",
        "runner_up",
        "ranking",
        "unanswered",
        "close_call",
        "close_call_note",
        "answers",
        "next_steps",
        "sources",
        "as_of",
        "version",
        "disclaimer",
        "method",
    ):
        assert key in data, key
    assert sorted(r["role"] for r in data["ranking"]) == sorted(r.id for r in catalog().roles)
    assert {"role", "score", "reasons"} <= set(data["ranking"][0])
    scored = [q.id for q in catalog().questionnaire.questions if any(o.effects for o in q.options)]
    assert data["unanswered"] == [q for q in scored if q not in ("timeframe", "needs")]
    assert {"side", "setting", "payment"} <= set(data["unanswered"])
    assert data["answers"] == {"timeframe": "ongoing", "needs": ["scheduling"]}
    reason = data["ranking"][0]["reasons"][0]
    assert reason["sources"] and reason["why"] and reason["effect"] > 0
    assert all(0 <= r["score"] <= 100 for r in data["ranking"])


def test_close_call_is_said(run: Run) -> None:
    flags = ["--timeframe", "ongoing", "--setting", "home", "--need", "insurance-denial"]
    data = recommend_json(run, flags)
    assert data["close_call"] is True and data["tie"] == []
    assert "work side by side" in data["close_call_note"]
    result = run("recommend", *flags)
    assert result.exit_code == 0, result.output
    assert "A close call: Patient advocate" in result.stdout


def test_human_output_has_every_part(run: Run) -> None:
    result = run(
        "recommend",
        "--timeframe",
        "episodic",
        "--side",
        "system",
        "--setting",
        "facility",
        "--details",
    )
    assert result.exit_code == 0
    out = " ".join(result.stdout.split())  # lines wrap at the terminal width
    for part in (
        "The decision",
        headline("--timeframe", "episodic", "--side", "system", "--setting", "facility"),
        "Every role's score",
        "Runner-up:",
        "How this was reached",
        "Next steps",
        "Who pays",
        "Questions to ask",
        "Sources (read on 2026-11-23; page dates vary)",
        "not medical, legal",
    ):
        assert part in out, part
    for name in ("Patient advocate", "Care coordinator", "Care manager"):
        assert name in out


def test_comma_separated_and_repeated_needs_agree(run: Run) -> None:
    a = recommend_json(run, ["--need", "discharge,placement"])
    b = recommend_json(run, ["--need", "discharge", "--need", "placement"])
    assert a["ranking"] == b["ranking"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--timeframe", "weekly"],
            "--timeframe: 'weekly' is not a valid choice. Choose from: "
            "episodic, ongoing, as-needed, not-sure",
        ),
        (["--need", "spaceship"], "--need: 'spaceship' is not a valid choice"),
        (["--side", ""], "--side: give exactly one of"),
        (["--need", "not-sure,travel"], "cannot be combined"),
        ([], "no answers to go on. Say what is going on with --describe TEXT. Pass --for,"),
    ],
)
def test_bad_values_are_usage_errors(run: Run, args: list[str], message: str) -> None:
    result = run("recommend", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_answers_file_and_flags_win(run: Run, tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(
        json.dumps({"timeframe": "ongoing", "side": "patient", "setting": "home", "needs": []}),
        encoding="utf-8",
    )
    assert recommend_json(run, ["--answers", str(answers)])["top"] == "care-manager"
    flipped = recommend_json(
        run,
        [
            "--answers",
            str(answers),
            "--side",
            "system",
            "--setting",
            "facility",
            "--timeframe",
            "episodic",
        ],
    )
    assert flipped["top"] == "case-manager"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", "not valid JSON"),
        ("", "the file is empty"),
        ("[]", "expected a JSON object"),
        ('{"timeframe": 3}', "timeframe: expected text or a list"),
        ('{"when": "now"}', "unknown question 'when'"),
        ('{"needs": ["discharge", 4]}', "needs: expected text"),
        ('{"side": "theirs"}', "side: 'theirs' is not a valid choice"),
    ],
)
def test_bad_answers_files(run: Run, tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "answers.json"
    path.write_text(content, encoding="utf-8")
    result = run("recommend", "--answers", str(path))
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_missing_answers_file(run: Run, tmp_path: Path) -> None:
    result = run("recommend", "--answers", str(tmp_path / "nope.json"))
    assert result.exit_code == 2 and "answers file not found" in result.stderr


def test_save_round_trips_and_never_overwrites(run: Run, tmp_path: Path) -> None:
    saved = tmp_path / "mine.json"
    args = ["--timeframe", "ongoing", "--side", "system", "--need", "scheduling,transportation"]
    assert run("recommend", *args, "--save", str(saved), "--json").exit_code == 0
    assert json.loads(saved.read_text()) == {
        "timeframe": "ongoing",
        "side": "system",
        "needs": ["scheduling", "transportation"],
    }
    again = recommend_json(run, ["--answers", str(saved)])
    assert again["top"] == "care-coordinator"

    result = run("recommend", "--need", "travel", "--save", str(saved))
    assert result.exit_code == 2 and "--force" in result.stderr
    assert json.loads(saved.read_text())["timeframe"] == "ongoing"
    assert run("recommend", "--need", "travel", "--save", str(saved), "--force").exit_code == 0
    assert json.loads(saved.read_text()) == {"needs": ["travel"]}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.json"]


@pytest.mark.parametrize("where", ["no/such/folder/a.json", "plain-file/a.json"])
def test_save_to_unwritable_place_leaves_nothing(run: Run, tmp_path: Path, where: str) -> None:
    (tmp_path / "plain-file").write_text("not a folder", encoding="utf-8")
    before = sorted(tmp_path.rglob("*"))
    result = run("recommend", "--need", "travel", "--save", str(tmp_path / where))
    assert result.exit_code == 2
    assert "cannot write" in result.stderr and len(result.stderr.splitlines()) == 1
    assert sorted(tmp_path.rglob("*")) == before


def _run_real(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "advisor", *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_no_terminal_never_prompts_or_hangs() -> None:
    result = _run_real(["recommend"])
    assert result.returncode == 2
    assert "--timeframe" in result.stderr and "Traceback" not in result.stderr
    with open("/dev/null", "w") as devnull:
        both = subprocess.run(
            [sys.executable, "-m", "advisor", "recommend", "--need", "travel"],
            stdin=subprocess.DEVNULL,
            stdout=devnull,
            stderr=subprocess.PIPE,
            timeout=60,
            check=False,
        )
    assert both.returncode == 0


def test_scripted_run_imports_no_questionary() -> None:
    code = (
        "import sys, json\n"
        "from advisor.cli import main\n"
        "sys.argv = ['advisor', 'recommend', '--need', 'travel', '--json']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write(json.dumps(sorted(m for m in sys.modules "
        "if m.startswith(('questionary', 'prompt_toolkit')))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert json.loads(result.stdout)["top"] == "care-manager"
    assert json.loads(result.stderr) == []


def test_a_broken_answers_file_says_where_in_words(run: Run, tmp_path: Path) -> None:
    broken = tmp_path / "answers.json"
    broken.write_text("{bad", encoding="utf-8")
    result = run("recommend", "--answers", str(broken))
    assert result.exit_code == 2
    assert "not valid JSON at line 1, column 2: expecting property name" in result.stderr
    assert "(char" not in result.stderr
