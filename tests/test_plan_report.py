"""The plan to share: `--report plan.txt` (and .md, .html) starts with a plan a
family can act on, and `--share` prints a few lines to send a sibling."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import BROWSER, Run, catalog, dump_dom, ok, recommended_json

# A denied insurance claim: the first call has a deadline in the data.
DENIAL = [
    "recommend",
    *("--for", "me", "--timeframe", "as-needed", "--side", "patient"),
    *("--payment", "covered", "--coverage", "job-or-marketplace", "--need", "insurance-denial"),
    "--no-input",
]
PLAN = (
    "What is going on",
    "Who pays, and whom they answer to",
    "The first calls, in order",
    "Questions to ask",
    "Everything behind this plan",
)


def plan_facts() -> tuple[str, list[str]]:
    """The top role's name, and the first calls' names as the data gives them."""
    from advisor import intake
    from advisor.views.plan import plan_calls
    from advisor.views.routes import advice_for

    kb = catalog()
    result = intake.recommend(
        kb,
        given={
            "need": "insurance-denial",
            "for": "me",
            "timeframe": "as-needed",
            "side": "patient",
            "payment": "covered",
            "coverage": "job-or-marketplace",
        },
    )
    rec = result.recommendation
    advice = advice_for(kb, result.gathered.answers, rec.top.role)
    calls = plan_calls(kb, result.gathered.answers, rec, advice)
    return kb.role(rec.top.role).name, [getattr(c, "name", "") for c in calls]


def test_a_text_plan_lists_the_first_three_calls_in_order(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    ok(run(*DENIAL, "--report", str(path)))
    text = path.read_text(encoding="utf-8")
    assert "\x1b" not in text
    flat = " ".join(text.split())
    for heading in PLAN:
        assert heading in flat, heading
    role, calls = plan_facts()
    assert f"The kind of help: {role}" in flat
    named = [c for c in calls if c]
    assert named, calls
    places = [flat.index(f"{n}. {name}") for n, name in enumerate(calls, 1) if name]
    assert places == sorted(places)  # in order, each numbered
    assert flat.index("The first calls, in order") < places[0]
    # the first call's deadline, from the data, is said on it
    first = next(r for r in catalog().routes.routes if r.name == named[0])
    if first.act_by is not None:
        assert f"By when: {first.act_by.text}" in flat
    assert max(len(line) for line in text.splitlines()) <= 72
    # every citation is a number in the list, never a source's id
    assert not re.search(r"\[[a-z][a-z0-9]*-[a-z0-9-]*(, [a-z0-9-]+)*\]", text), text


def test_share_prints_a_few_lines_for_a_sibling(run: Run) -> None:
    result = ok(run(*DENIAL, "--share"))
    lines = result.stdout.strip().splitlines()
    assert 3 <= len(lines) <= 6
    role, calls = plan_facts()
    assert role.lower() in lines[0].lower()
    assert calls[0] and calls[0] in result.stdout
    assert "not medical, legal or financial advice" in lines[-1]


def test_share_claims_standard_output_alone(run: Run) -> None:
    result = run(*DENIAL, "--share", "--json")
    assert result.exit_code == 2 and "--share" in result.stderr


@pytest.mark.skipif(BROWSER is None, reason="no headless Chromium on this machine")
def test_the_html_plan_opens_in_a_browser_with_working_links(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "plan.html"
    ok(run(*DENIAL, "--report", str(path)))
    result = dump_dom(path, tmp_path / "profile")
    assert result.returncode == 0, result.stderr[-2000:]
    dom = result.stdout
    for heading in PLAN:
        assert heading in dom, heading
    links = re.findall(r'<a href="([^"]+)"', dom)
    inside = [link[1:] for link in links if link.startswith("#")]
    assert inside, "citations link to their sources"
    ids = set(re.findall(r'id="([^"]+)"', dom))
    assert set(inside) <= ids  # every citation's link lands on its source
    outside = [link for link in links if not link.startswith("#")]
    assert outside and all(re.match(r"https?://[^\s/]+\.[a-z]{2,}", link) for link in outside)
    data = recommended_json(*DENIAL[1:-1])
    assert catalog().role(data["top"]).name in dom
