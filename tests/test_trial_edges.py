"""Rough edges found by trying advisor as a new user would (notes/findings.md)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from advisor.render import pager
from conftest import Run, ok


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


def test_a_question_title_gets_no_extra_full_stop(run: Run) -> None:
    """The source list read 'Who is in charge of discharge planning?. whittierhealth.com'."""
    result = ok(
        run("recommend", "--timeframe", "episodic", "--setting", "hospital", "--need", "discharge")
    )
    assert "?." not in result.stdout
    assert "discharge planning? whittierhealth.com" in result.stdout


def test_career_help_says_what_details_adds(run: Run) -> None:
    """career --help promised 'costs, questions to ask', which only recommend has."""
    career = ok(run("career", "--help")).stdout
    assert "questions to ask" not in career
    assert "paths and pay" in " ".join(career.split())
    assert "questions to ask" in " ".join(ok(run("recommend", "--help")).stdout.split())


def test_where_they_differ_has_no_full_stop_before_a_semicolon(run: Run) -> None:
    """'...where the patient is comfortable.; Case manager: ...' read as a typo."""
    out = ok(run("compare", "advocate", "case-manager", "--no-pager")).stdout
    assert "Primary focus" in out
    assert ".;" not in out


@pytest.mark.parametrize("columns", ["42", "80"])
def test_map_axis_labels_are_never_cut_mid_phrase(
    run: Run, monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    """At 42 columns the x axis read '← works for the system works for the' / 'patient →'."""
    monkeypatch.setenv("COLUMNS", columns)
    lines = ok(run("map")).stdout.splitlines()
    # arrows in the output's glyphs: ASCII when piped, as here
    assert any(
        line.strip().endswith(("works for the patient →", "works for the patient ->"))
        for line in lines
    )
    assert any(
        line.startswith(("← works for the system", "<- works for the system")) for line in lines
    )


@pytest.mark.parametrize(
    "command",
    [
        ("roles",),
        ("show",),
        ("routes",),
        ("compare",),
        ("recommend",),
        ("career",),
        ("map",),
        ("schema",),
        ("data", "init"),
        ("data", "check"),
        ("data", "schema"),
    ],
)
def test_usage_line_brackets_each_argument_once(run: Run, command: tuple[str, ...]) -> None:
    """`advisor data schema --help` read 'Usage: advisor data schema [OPTIONS] [[FILE]]'."""
    usage = ok(run(*command, "--help")).stdout.splitlines()[0]
    assert usage.startswith("Usage: advisor"), usage
    assert "[[" not in usage and "{[" not in usage and "{{" not in usage, usage


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
    assert "Medicare fast appeal of a hospital discharge. Cost: no charge mentioned by any" in out
    assert "free (our inference)" not in out


def test_map_note_names_the_questions_not_only_the_flags(run: Run) -> None:
    """After an all-"not sure" questionnaire the note said only 'Answer --side and
    --timeframe (or pass --answers FILE)': flags, to someone who never typed one."""
    for args in (("map",), ("recommend", "--timeframe", "not-sure", "--no-input")):
        out = " ".join(ok(run(*args)).stdout.split())
        assert (
            'Answer "Whose side should the helper be on?" and "How long do you expect to need '
            'help?" (--side and --timeframe, or --answers FILE)'
        ) in out, args


def test_routes_takes_need_not_sure_like_recommend(run: Run) -> None:
    """`routes --need not-sure` was 'unknown need' although recommend accepts it."""
    every = ok(run("routes", "--json")).stdout
    assert ok(run("routes", "--need", "not-sure", "--json")).stdout == every
    assert "Did you mean" in run("routes", "--need", "not-sur").output
