"""A link and a command say the same thing: for every situation of the corpus
(tests/situations.json) and for descriptions in people's own words, the web
page's JSON (`/recommend.json?...`) equals `advisor recommend --no-input --json`
with the same flags, and the page shows the role that JSON picks."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlencode

import pytest
from starlette.testclient import TestClient

from advisor.web import create_app
from conftest import Run
from helpers import knowledge_dir, questionnaire

HERE = Path(__file__).parent
SITUATIONS = json.loads((HERE / "situations.json").read_text())["situations"]
DESCRIPTIONS = json.loads((HERE / "descriptions.json").read_text())["descriptions"][:12]
Q = questionnaire()
BY_KEY = {q.id: q for q in Q.questions} | {q.flag: q for q in Q.questions}


@pytest.fixture(scope="module")
def web() -> TestClient:
    return TestClient(create_app(knowledge_dir()))


def flags(answers: dict[str, str | list[str]]) -> list[tuple[str, str]]:
    """An answers-file mapping as (flag, value) pairs, as on a command line."""
    pairs = []
    for key, value in answers.items():
        chosen = value if isinstance(value, str) else ",".join(value) or Q.unsure
        pairs.append((BY_KEY[key].flag, chosen))
    return pairs


def both(run: Run, web: TestClient, pairs: list[tuple[str, str]]) -> tuple[dict, dict]:
    args = [part for flag, value in pairs for part in (f"--{flag}", value)]
    cli = run("recommend", *args, "--no-input", "--json")
    assert cli.exit_code == 0, cli.output
    page = web.get("/recommend.json?" + urlencode(pairs))
    assert page.status_code == 200, page.text[:500]
    return json.loads(cli.stdout), page.json()


@pytest.mark.parametrize("situation", SITUATIONS, ids=[s["id"] for s in SITUATIONS])
def test_the_web_gives_the_cli_result_for_each_situation(
    run: Run, web: TestClient, situation: dict
) -> None:
    pairs = flags(situation["answers"])
    cli, page = both(run, web, pairs)
    assert page == cli
    if "top" in cli:
        shown = web.get("/recommend?" + urlencode(pairs)).text
        top = next(r["name"] for r in cli["ranking"] if r["role"] == cli["top"])
        assert f"Recommended: {top}" in shown or "a tie" in shown


@pytest.mark.parametrize("case", DESCRIPTIONS, ids=[d["id"] for d in DESCRIPTIONS])
def test_the_web_reads_a_description_as_the_cli_does(run: Run, web: TestClient, case: dict) -> None:
    cli, page = both(run, web, [("describe", case["text"])])
    assert page == cli


def test_an_undecided_result_is_the_same_json(run: Run, web: TestClient) -> None:
    pairs = [(q.flag, Q.unsure) for q in Q.questions]
    cli, page = both(run, web, pairs)
    assert page == cli and page["undecided"] is True
