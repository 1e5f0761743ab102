"""One result, one list of sources: what a command cites on screen is what its
--json lists, and its Markdown report cites the same (each view derives its
sources once, from the facts it shows)."""

from __future__ import annotations

import json
import re

import pytest

from advisor.knowledge.catalog import load_catalog
from advisor.render.references import source_label
from conftest import Run, ok

COMMANDS = [
    ["show", "care-manager"],
    ["show", "advocate"],
    ["show", "navigator"],
    ["routes", "--need", "discharge"],
    ["routes"],
    ["compare", "advocate", "case-manager"],
    ["compare", "--all"],
    ["compare", "advocate", "case-manager", "--aspect", "cost,codes"],
    ["roles"],
    ["map"],
    ["recommend", "--timeframe", "ongoing", "--need", "discharge,rights", "--details"],
    ["recommend", "--for", "me", "--need", "insurance-denial", "--payment", "covered", "--details"],
    ["career", "--licence", "none", "--details"],
]

LISTED = re.compile(r"^\s*\[(\d+)\] (.*)$")


def screen_sources(text: str) -> list[str]:
    """The titles listed under the closing "Sources" heading, in order."""
    lines = text.splitlines()
    heading = max((i for i, line in enumerate(lines) if line.startswith("Sources")), default=None)
    if heading is None:
        return []
    found = [LISTED.match(line) for line in lines[heading + 1 :]]
    return [m.group(2) for m in found if m]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_screen_and_json_cite_the_same_sources(run: Run, args: list[str]) -> None:
    catalog = load_catalog()
    screen = ok(run(*args, "--no-pager", env={"COLUMNS": "400"})).stdout
    data = json.loads(ok(run(*(a for a in args if a != "--details"), "--json")).stdout)
    listed = [source_label(catalog.sources[s["id"]], full=False) for s in data.get("sources", [])]
    assert sorted(screen_sources(screen)) == sorted(listed)


@pytest.mark.parametrize("args", COMMANDS[:6], ids=" ".join)
def test_a_report_cites_what_the_screen_does(run: Run, args: list[str]) -> None:
    screen = ok(run(*args, "--no-pager", env={"COLUMNS": "400"})).stdout
    report = ok(run(*args, "--report", "-")).stdout
    in_report = re.findall(r"^- \*\*\[\d+\]\*\* (.*)$", report, flags=re.M)
    assert len(in_report) == len(screen_sources(screen)) > 0
