"""A run ends on the answer: whoever reads the result to the end, through the
real pager in a real pseudo-terminal, finishes with the recommended role and its
first step on screen, not with the sources and the disclaimer."""

from __future__ import annotations

import re

import pytest

from helpers import (
    ADVISOR,
    ENTER,
    SPACE,
    Terminal,
    answer_in_terminal,
    catalog,
    questionnaire,
)

# A spouse whose husband has early-onset Alzheimer's (the new-user review's run a).
SPOUSE = {
    "for-whom": ["someone"],
    "timeframe": ["ongoing"],
    "side": ["either"],
    "setting": ["home"],
    "payment": ["covered"],
    "needs": ["home-visits", "long-term-plan", "benefits", "crisis-prevention"],
}
LAST = 10  # lines: what a person still sees when the run is over


def expected(answers: dict[str, list[str]]) -> tuple[str, str]:
    """The role and the first step's first words, as the result says them."""
    from advisor import intake
    from advisor.views.recommend import first_step_plan

    kb = catalog()
    result = intake.recommend(kb, given=answers)
    rec = result.recommendation
    step = first_step_plan(kb, result.gathered.answers, rec)[0]
    first = step.route.name if step.route else (step.find.text if step.find else "")
    return kb.role(rec.top.role).name, first


def last_lines(screen: str) -> str:
    lines = [line for line in screen.splitlines() if line.strip()]
    return " ".join(" ".join(lines[-LAST:]).split())


@pytest.mark.parametrize(("columns", "rows"), [(80, 30), (42, 20)])
def test_a_run_read_to_the_end_leaves_the_role_and_first_step_on_screen(
    columns: int, rows: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LESS", raising=False)  # the pager's own defaults: quit at the end
    q = questionnaire()
    term = Terminal(
        f"{ADVISOR} recommend",
        columns=columns,
        rows=rows,
        # pyte answers cursor-position requests, but not once less has had the
        # terminal: prompt_toolkit would then print a warning of two lines
        env={"ADVISOR_PAGER": "less", "PROMPT_TOOLKIT_NO_CPR": "1"},
    )
    term.skip_description()
    answered = answer_in_terminal(term, q, SPOUSE)
    term.wait_for("Show my result")
    term.send(ENTER)
    for _ in range(30):  # read on, page after page, to the end
        screen = term.wait_for(r"What next\?|q to quit|q quit", timeout=15)
        if "What next?" in screen:
            break
        term.send(SPACE)
    term.wait_for(r"What next\?")
    term.send(ENTER)  # Done
    assert term.finish() == 0
    role, first = expected({k: list(v) for k, v in answered.items()})
    end = last_lines(term.text)
    assert role in end, term.text
    assert " ".join(first.split()) in end, term.text
    assert "Sources (read on" not in end
    assert "Traceback" not in term.plain


def test_the_short_result_ends_on_the_answer_when_piped(run) -> None:  # type: ignore[no-untyped-def]
    """Piped or in a file, the closing block is the last lines too."""
    from helpers import flags_for

    result = run("recommend", *flags_for(SPOUSE), "--no-input", env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    role, first = expected(SPOUSE)
    end = last_lines(result.stdout)
    assert role in end and " ".join(first.split()) in end, result.stdout
    assert not re.search(r"^\s*\[\d+\] ", result.stdout, re.MULTILINE)  # no source list
