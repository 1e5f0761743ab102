"""`advisor recommend --report`: Markdown and self-contained HTML to share."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from helpers import BROWSER, HEADLINE, Run, catalog, dump_dom, headline, recommended_json

ARGS = [
    "recommend",
    "--timeframe",
    "episodic",
    "--side",
    "system",
    "--setting",
    "facility",
    "--need",
    "discharge",
]


def must_have() -> list[str]:
    """What every report of ARGS holds, with the result's roles read from --json."""
    data = recommended_json(*ARGS[1:])
    top, runner_up = (catalog().role(data[k]).name for k in ("top", "runner_up"))
    return [
        "The decision",
        "Your answers",
        "For one event",
        f"{HEADLINE} {top}",
        "Every role's score",
        *(r.name for r in catalog().roles),
        f"Runner-up: {runner_up}",
        "The top two compared",
        "Who they work for",
        f"Next steps: finding a {top.lower()}",
        "Questions to ask",
        f"Sources (read on {catalog().knowledge.as_of}; page dates vary)",
        "42 CFR 482.43, Medicare Conditions of Participation",  # by title, not id
        "not medical, legal or financial advice",
    ]


class TextAndLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: set[str] = set()
        self.urls: list[str] = []  # what a browser would fetch to show the page
        self.links: list[str] = []  # what a reader may follow

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.urls += [v or "" for k, v in attrs if k == "src" or (tag == "link" and k == "href")]
        if tag == "a":
            self.links += [v or "" for k, v in attrs if k == "href"]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_markdown_report(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "for-my-sister.md"
    result = run(*ARGS, "--report", str(path))
    assert result.exit_code == 0
    assert f"Report saved to {path}" in result.stderr
    text = path.read_text(encoding="utf-8")
    for part in must_have():
        assert part in text, part
    data = recommended_json(*ARGS[1:])
    top, runner_up = (catalog().role(data[k]).name for k in ("top", "runner_up"))
    assert f"| Aspect | {top} | {runner_up} |" in text
    assert f"- {top}: **" in text


def test_html_report_is_self_contained(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    assert run(*ARGS, "--report", str(path), "--json").exit_code == 0
    page = TextAndLinks()
    page.feed(path.read_text(encoding="utf-8"))
    text = " ".join("".join(page.text).split())
    for part in must_have():
        assert part in text, part
    assert "script" not in page.tags
    assert page.urls == []  # nothing to fetch: it opens offline
    assert {"table", "style", "h1"} <= page.tags
    # each citation links to its source in the list, and a source to its web page
    assert "#source-1" in page.links
    assert all(link.startswith(("#source-", "https://", "http://")) for link in page.links)


def test_report_is_not_overwritten_without_force(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "r.md"
    path.write_text("my notes", encoding="utf-8")
    result = run(*ARGS, "--report", str(path))
    assert result.exit_code == 2 and "--force" in result.stderr
    assert result.stdout == ""  # refused before doing anything
    assert path.read_text(encoding="utf-8") == "my notes"
    assert run(*ARGS, "--report", str(path), "--force").exit_code == 0
    assert headline(*ARGS[1:]) in path.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.md"]


def test_report_needs_a_known_format(run: Run, tmp_path: Path) -> None:
    result = run(*ARGS, "--report", str(tmp_path / "r.pdf"))
    assert result.exit_code == 2 and "should end in .txt, .md or .html" in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(BROWSER is None, reason="no headless Chromium on this machine")
def test_html_report_in_a_headless_browser(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    assert run(*ARGS, "--report", str(path)).exit_code == 0
    result = dump_dom(path, tmp_path / "profile")
    assert result.returncode == 0, result.stderr[-2000:]
    assert headline(*ARGS[1:]) in result.stdout
    assert f"Sources (read on {catalog().knowledge.as_of}; page dates vary)" in result.stdout


def test_screen_lists_only_sources_it_cites_and_json_has_them_all(run: Run) -> None:
    """The top two compared are only built for a report, so they add no sources on
    screen; the screen lists only what it cites, all of which --json lists too."""
    import json
    import re

    args = ("recommend", "--timeframe", "episodic", "--setting", "facility", "--no-input")
    screen = run(*args, "--details")
    data = run(*args, "--json")
    assert screen.exit_code == 0 and data.exit_code == 0, screen.output + data.output
    assert "The top two compared" not in screen.stdout
    body, listed = screen.stdout.split("Sources (read on")
    listed = " ".join(listed.split())
    cited = {int(n) for group in re.findall(r"\[([\d, ]+)\]", body) for n in group.split(",")}
    assert listed.count("] ") == len(cited)  # "[1] Title ...", one per source cited
    titles = [s["title"].rstrip(".") for s in json.loads(data.stdout)["sources"]]
    for entry in re.findall(r"\[\d+\] (.*?)(?= \[\d+\] |$)", listed):
        assert any(entry.startswith(t) for t in titles), entry


def test_a_terminal_is_told_once_where_the_report_went(tmp_path: Path) -> None:
    """The short result on a terminal ends with 'Report saved to ...'; stderr does
    not say it a second time on the same screen."""
    import pexpect

    from helpers import spawn

    report = tmp_path / "r.md"
    child = spawn(
        *("recommend", "--need", "rights", "--no-input", "--report", str(report)),
        rows=200,
        env={"PAGER": "cat"},
        cwd=tmp_path,
    )
    child.expect(pexpect.EOF)
    child.close()
    assert report.exists()
    assert child.before.count("Report saved to") == 1
