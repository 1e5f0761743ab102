"""What a person sees when a command finishes: a short result that fits one
screen, everything with --details, readable references, and guidance (not an
error) when every answer is "not sure"."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from helpers import HEADLINE, Run, headline, ok
from helpers import catalog as catalog_under_test

TYPICAL = [
    "recommend",
    "--timeframe",
    "ongoing",
    "--side",
    "patient",
    "--setting",
    "home",
    "--need",
    "medications,family-updates",
    "--no-input",
]
ROLE_NAMES = [r.name for r in catalog_under_test().roles]
SEED_FILE = re.compile(r"\b\d{3}_[0-9a-f]{16}\.txt\b")
BRACKETS = re.compile(r"\[([^\[\]]+)\]")


@pytest.fixture
def narrow(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")


@pytest.mark.usefixtures("narrow")
def test_typical_recommendation_fits_one_screen(run: Run) -> None:
    result = run(*TYPICAL)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) <= 40, result.stdout
    assert headline(*TYPICAL[1:]) in result.stdout
    for name in ROLE_NAMES:  # every role's score, one line each
        assert re.search(rf"^{name}\s+\d+\b", result.stdout, re.MULTILINE), name
    assert "--details" in result.stdout


@pytest.mark.usefixtures("narrow")
def test_details_print_the_full_result(run: Run) -> None:
    short = run(*TYPICAL)
    full = run(*TYPICAL, "--details")
    assert full.exit_code == 0, full.output
    for part in ("Your answers", "Runner-up", "How this was reached", "Questions to ask"):
        assert part in full.stdout
        assert part not in short.stdout or part == "Your answers"
    assert len(full.stdout.splitlines()) > 60


def test_reports_and_json_stay_complete_without_details(run: Run, tmp_path: Path) -> None:
    report = tmp_path / "care.md"
    result = run(*TYPICAL, "--report", str(report))
    assert result.exit_code == 0, result.output
    text = report.read_text(encoding="utf-8")
    for part in ("Runner-up", "How this was reached", "Questions to ask", "Who pays"):
        assert part in text
    assert str(report) in result.stdout + result.stderr
    data = json.loads(run(*TYPICAL, "--json").stdout)
    assert {"top", "runner_up", "ranking", "next_steps", "sources"} <= set(data)
    assert any(s["reference"].endswith(".txt") for s in data["sources"])  # ids stay in JSON


@pytest.mark.usefixtures("narrow")
def test_short_result_points_to_its_sources_and_details_cite_by_number(run: Run) -> None:
    """The short result lists no sources (they would be the last thing on screen)
    and so cites none; one line says where they are. --details cites by number."""
    from advisor.views.recommend import SOURCES_POINTER

    short = run(*TYPICAL).stdout
    assert not BRACKETS.search(short), short
    assert " ".join(SOURCES_POINTER.split()) in " ".join(short.split())
    out = run(*TYPICAL, "--details").stdout
    assert "[1]" in out
    numbers = {int(n) for group in BRACKETS.findall(out) for n in re.findall(r"\d+", group)}
    listed = set(int(n) for n in re.findall(r"^\s*\[(\d+)\] \S", out, re.MULTILINE))
    assert numbers and numbers <= listed, out  # every number cited is listed ...
    assert listed <= numbers, out  # ... and only the ones cited
    assert "Care Manager vs Case Manager vs Patient Advocate" in out


def _human_outputs(run: Run, tmp_path: Path) -> dict[str, str]:
    catalog = catalog_under_test()
    commands: list[list[str]] = [
        ["roles"],
        ["roles", "--markdown"],
        ["compare", "--all"],
        ["compare", "--all", "--markdown"],
        ["compare", "--all", "--aspect", "codes"],
        ["map", "--side", "patient"],
        TYPICAL,
        [*TYPICAL, "--details"],
        ["career", "--licence", "nurse", "--no-input"],
        ["career", "--licence", "nurse", "--no-input", "--details"],
        ["recommend", "--timeframe", "not-sure", "--no-input"],
    ]
    commands += [["show", r.id] for r in catalog.roles]
    commands += [["show", r.id, "--markdown"] for r in catalog.roles]
    outputs = {}
    for args in commands:
        result = run(*args)
        assert result.exit_code == 0, (args, result.output)
        outputs[" ".join(args)] = result.stdout
    for suffix in (".md", ".html"):
        path = tmp_path / f"report{suffix}"
        assert run(*TYPICAL, "--report", str(path)).exit_code == 0
        outputs[f"--report {suffix}"] = path.read_text(encoding="utf-8")
    return outputs


def test_no_human_output_names_a_source_by_file_name_or_id(run: Run, tmp_path: Path) -> None:
    ids = set(catalog_under_test().sources)
    for command, text in _human_outputs(run, tmp_path).items():
        assert not SEED_FILE.search(text), command
        for group in BRACKETS.findall(text):
            cited = {part.strip() for part in group.split(",")}
            assert not cited & ids, (command, group)


def test_all_not_sure_gives_guidance_and_exits_0(run: Run) -> None:
    args = ["--timeframe", "not-sure", "--side", "not-sure", "--setting", "not-sure"]
    args += ["--payment", "not-sure", "--need", "not-sure", "--no-input"]
    result = run("recommend", *args)
    assert result.exit_code == 0, result.output
    assert "error" not in result.stderr
    q = catalog_under_test().questionnaire
    prompts = [question.prompt for question in q.questions if question.prompt in result.stdout]
    assert 2 <= len(prompts) <= 3, result.stdout  # the questions that would decide it
    for name in ROLE_NAMES:
        assert name in result.stdout  # how the roles differ on them, and the map
    assert HEADLINE not in result.stdout


def test_nothing_at_all_without_a_terminal_is_still_a_usage_error(run: Run) -> None:
    result = run("recommend", "--no-input")
    assert result.exit_code == 2
    assert "--timeframe" in result.stderr


def test_compare_shows_the_occupation_codes(run: Run) -> None:
    result = run("compare", "--all", "--aspect", "codes")
    assert result.exit_code == 0, result.output
    assert "21-1022" in result.stdout and "SOC" in result.stdout


def test_career_shows_the_occupation_codes(run: Run) -> None:
    result = run("career", "--licence", "social-work", "--no-input", "--details")
    assert result.exit_code == 0, result.output
    assert "21-1022" in result.stdout


@pytest.mark.usefixtures("narrow")
def test_career_is_short_by_default(run: Run) -> None:
    result = run("career", "--work-for", "patients", "--relationship", "long-term", "--no-input")
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) <= 40, result.stdout
    assert "--details" in result.stdout
    for name in ROLE_NAMES:
        assert re.search(rf"^{name}\s+\d+\b", result.stdout, re.MULTILINE), name


def test_a_near_tie_is_not_called_a_lead_and_the_answer_against_shows(run: Run) -> None:
    """Found in a trial: 'Case manager (72) only just leads Care manager (72)', and
    the daughter who asked for someone on the family's side never saw that a case
    manager is usually hospital staff (it was only in --details)."""
    result = run(
        "recommend",
        "--for",
        "someone",
        "--timeframe",
        "episodic",
        "--side",
        "patient",
        "--setting",
        "hospital",
        "--payment",
        "private",
        "--need",
        "discharge,family-updates",
        env={"COLUMNS": "80"},
    )
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert "only just leads Care manager (72)" not in out
    assert "Case manager and Care manager both score 72" in out
    assert "-2 A case manager usually works for the hospital" in out


def test_the_full_result_words_the_answers_for_whom_the_help_is_for(run: Run) -> None:
    result = run(
        "recommend",
        "--for",
        "someone",
        "--timeframe",
        "ongoing",
        "--need",
        "medications",
        "--details",
        env={"COLUMNS": "100"},
    )
    assert result.exit_code == 0, result.output
    assert "- What do they need done? (choose any) Managing medications" in result.stdout
    assert "What do you need done?" not in result.stdout


def test_a_route_for_one_group_waits_for_details(run: Run) -> None:
    """Found in a trial: the only free first step for a daughter far from her mother
    with dementia was VA caregiver support, though nobody mentioned a veteran."""
    args = ["recommend", "--describe", "my mom has dementia and lives alone, I'm 300 miles away"]
    short = run(*args, "--no-input", env={"COLUMNS": "80"})
    assert short.exit_code == 0, short.output
    assert "VA caregiver support" not in short.stdout
    assert "Eldercare Locator" in short.stdout
    full = run(*args, "--no-input", "--details", env={"COLUMNS": "80"})
    assert "VA caregiver support" in full.stdout  # still there, with who qualifies


def test_a_question_title_gets_no_extra_full_stop(run: Run) -> None:
    """The source list read 'Who is in charge of discharge planning?. whittierhealth.com'."""
    result = ok(
        run(
            "recommend",
            *("--timeframe", "episodic", "--setting", "hospital", "--need", "discharge"),
            "--details",
        )
    )
    assert "?." not in result.stdout
    assert "discharge planning? whittierhealth.com" in result.stdout


def test_short_result_says_free_only_where_a_source_says_it(run: Run) -> None:
    """The short result called the fast appeal 'free (our inference)' while its fact
    says only that no fee is mentioned and that the days in hospital may cost you."""
    out = " ".join(
        ok(
            run(
                "recommend",
                *("--timeframe", "episodic", "--setting", "hospital", "--payment", "covered"),
                *("--need", "discharge"),
            )
        ).stdout.split()
    )
    assert "Medicare fast appeal of a hospital discharge. Cost: we know of no charge" in out
    assert "free (our inference)" not in out
