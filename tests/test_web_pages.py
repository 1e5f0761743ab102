"""The web page (`advisor serve`) through Starlette's test client: every page,
the recommend flow as a form would walk it, the headers, and bad addresses
(a clear message on the page, status 400, never a traceback)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from starlette.testclient import TestClient

from advisor.web import create_app
from helpers import catalog, edit, knowledge_dir

CATALOG = catalog()
Q = CATALOG.questionnaire
FLAGS = {q.id: q.flag for q in Q.questions}
NEEDS = next(q for q in Q.questions if q.kind == "multi")
AUDIENCE = Q.question(Q.audience or "")


@pytest.fixture(scope="module")
def web() -> TestClient:
    return TestClient(
        create_app(knowledge_dir()), raise_server_exceptions=False, follow_redirects=False
    )


class Form(HTMLParser):
    """The first form on a page: its action and the fields a browser would send
    as they stand (hidden fields, ticked boxes and chosen radios)."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.action: str | None = None
        self.fields: list[tuple[str, str]] = []
        self.choices: dict[str, list[str]] = {}
        self.done = False
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if self.done:
            return
        if tag == "form" and self.action is None:
            self.action = a["action"]
        elif tag == "input" and self.action is not None:
            if a["type"] == "hidden" or "checked" in a:
                self.fields.append((a["name"], a["value"]))
            if a["type"] in ("radio", "checkbox"):
                self.choices.setdefault(a["name"], []).append(a["value"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "form" and self.action is not None:
            self.done = True

    def submit(self, web: TestClient, **choose: str | list[str]) -> object:
        """Send the form with these choices (by field name) in place of the current ones."""
        sent = [(k, v) for k, v in self.fields if k not in choose or not self.choices.get(k)]
        for name, value in choose.items():
            assert name in self.choices, (name, self.choices)
            for v in [value] if isinstance(value, str) else value:
                assert v in self.choices[name], (v, self.choices[name])
                sent.append((name, v))
        assert self.action is not None
        return web.get(f"{self.action}?{urlencode(sent)}", follow_redirects=False)


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


PAGES = [
    "/",
    "/ask",
    "/review",
    "/recommend?for=someone&timeframe=ongoing&need=medications,rights",
    "/recommend?need=rights&details=1",
    "/recommend?for=not-sure&need=not-sure",
    "/roles",
    *(f"/roles/{r.id}" for r in CATALOG.roles),
    "/roles/navigator",
    "/compare",
    "/compare?role=advocate,case-manager&aspect=cost,works-for",
    "/routes",
    "/routes?need=rights&role=care-manager",
]


@pytest.mark.parametrize("address", PAGES)
def test_every_page_is_a_whole_accessible_page_with_safe_headers(
    web: TestClient, address: str
) -> None:
    page = web.get(address)
    assert page.status_code == 200, page.text
    html = page.text
    assert html.startswith("<!DOCTYPE html>") and '<html lang="en">' in html
    assert len(re.findall(r"<h1[ >]", html)) == 1
    assert "<title>" in html and 'name="viewport"' in html
    # nothing is loaded from elsewhere (a source's link is only followed when clicked)
    assert not re.search(r"""src=["']?(https?:)?//""", html)
    for tag in re.findall(r"<link [^>]*>", html):
        assert 'href="/static/' in tag, tag
    assert " style=" not in html and "<style" not in html  # the CSP allows no inline style
    headers = page.headers
    csp = headers["content-security-policy"]
    assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
    assert "'unsafe-inline'" not in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["cache-control"] == "no-store"
    assert "server" not in headers
    for label_for in re.findall(r'<label for="([^"]+)"', html):  # every label has its field
        assert f'id="{label_for}"' in html, label_for


def test_the_stylesheet_and_script_are_served_from_here(web: TestClient) -> None:
    css = web.get("/static/style.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert "@media print" in css.text and "url(" not in css.text  # no font or image fetched
    assert web.get("/static/enhance.js").status_code == 200
    assert web.get("/static/../app.py").status_code == 404


def test_the_flow_asks_who_first_then_the_rest_then_reviews_then_shows_the_result(
    web: TestClient,
) -> None:
    home = web.get("/")
    start = Form(home.text)
    assert start.action == "/ask" and ("describe", "") not in start.fields
    first = start.submit(web)
    assert first.status_code == 200  # type: ignore[attr-defined]
    assert AUDIENCE is not None
    asked = Form(first.text)  # type: ignore[attr-defined]
    assert list(asked.choices) == [AUDIENCE.flag]  # who the help is for, alone
    assert AUDIENCE.prompt in first.text  # type: ignore[attr-defined]
    someone = next(o.id for o in AUDIENCE.options if o.id != Q.unsure and AUDIENCE.options[0] != o)
    second = asked.submit(web, **{AUDIENCE.flag: someone})
    rest = Form(second.text)  # type: ignore[attr-defined]
    assert set(rest.choices) == {q.flag for q in Q.questions if q is not AUDIENCE}
    worded = Q.worded(NEEDS, {AUDIENCE.id: (someone,)})
    assert worded.prompt in second.text  # type: ignore[attr-defined]  # worded for them
    timeframe = next(q for q in Q.questions if q.kind == "single" and q is not AUDIENCE)
    chosen = {
        q.flag: (q.options[0].id if q.kind == "single" else [q.options[0].id, q.options[1].id])
        for q in Q.questions
        if q is not AUDIENCE
    }
    to_review = rest.submit(web, **chosen)
    assert to_review.status_code == 303  # type: ignore[attr-defined]
    location = to_review.headers["location"]  # type: ignore[attr-defined]
    assert location.startswith("/review?")
    said = dict(parse_qsl(urlsplit(location).query))
    assert said[AUDIENCE.flag] == someone
    assert said[NEEDS.flag] == ",".join(chosen[NEEDS.flag])  # a link says need=a,b
    review = web.get(location)
    form = Form(review.text)
    assert set(form.choices) == {q.flag for q in Q.questions}  # every answer can change
    result = form.submit(web, **{timeframe.flag: timeframe.options[1].id})
    assert result.status_code == 303  # type: ignore[attr-defined]
    final = result.headers["location"]  # type: ignore[attr-defined]
    assert final.startswith("/recommend?") and "step=" not in final
    assert dict(parse_qsl(urlsplit(final).query))[timeframe.flag] == timeframe.options[1].id
    shown = web.get(final)
    assert shown.status_code == 200 and "Recommended:" in shown.text


def test_multiple_choice_with_nothing_ticked_is_not_sure(web: TestClient) -> None:
    answered = {FLAGS[q.id]: q.options[0].id for q in Q.questions if q.kind == "single"}
    page = web.get("/ask?" + urlencode({**answered, NEEDS.flag: "", "step": "ask"}))
    assert page.status_code == 303
    assert f"{NEEDS.flag}={Q.unsure}" in page.headers["location"]


def test_a_description_answers_what_it_can_and_the_rest_is_asked(web: TestClient) -> None:
    words = "My dad was just admitted to the hospital and I live far away"
    page = web.get("/ask?" + urlencode({"describe": words}))
    assert page.status_code == 200
    assert "What I understood from your words" in page.text
    assert '"My dad"' in text_of(page.text) or "my dad" in page.text.lower()
    form = Form(page.text)
    assert AUDIENCE is not None and AUDIENCE.flag not in form.choices  # the words said it
    assert ("describe", words) in form.fields
    result = web.get("/recommend?" + urlencode({"describe": words}))
    assert result.status_code == 200 and "What I understood from your words" in result.text


def test_an_answer_the_words_gave_stays_with_the_words_in_the_address(web: TestClient) -> None:
    """Submitting the review with an answer the description gave leaves it to the
    description, so the result still says where it came from."""
    words = "My mother needs help with her medications"
    review = web.get("/review?" + urlencode({"describe": words}))
    form = Form(review.text)
    sent = form.submit(web)
    location = sent.headers["location"]  # type: ignore[attr-defined]
    assert AUDIENCE is not None
    assert f"{AUDIENCE.flag}=" not in location.split("?", 1)[1].split("describe=")[0]
    assert "describe=" in location


def test_the_result_shows_the_pick_every_score_and_a_way_back(web: TestClient) -> None:
    address = "need=insurance-denial,medical-bills&side=patient"
    page = web.get(f"/recommend?{address}")
    text = text_of(page.text)
    top = web.get(f"/recommend.json?{address}").json()["top"]
    assert f"Recommended: {CATALOG.role(top).name}" in text
    for role in CATALOG.roles:
        assert role.name in text
    assert "First steps" in text
    assert "/review?" in page.text and "details=1" in page.text
    assert "advisor recommend --side patient --need insurance-denial,medical-bills" in text


def test_answers_and_words_are_escaped(web: TestClient) -> None:
    words = 'My dad <script>alert(1)</script> "quoted" & more, at home'
    page = web.get("/review?" + urlencode({"describe": words}))
    assert "<script>alert" not in page.text
    assert "&lt;script&gt;" in page.text or "&#34;" in page.text or "&quot;" in page.text


BAD = {
    "an unknown answer id": ("/recommend?need=bogus", "not a valid choice"),
    "a near miss": ("/recommend?timeframe=ongoin", "Did you mean ongoing?"),
    "two answers to a one-answer question": ("/recommend?for=me,someone", "exactly one"),
    "not sure with another need": ("/recommend?need=not-sure,rights", "cannot be combined"),
    "an unknown name": ("/recommend?timefame=ongoing", "Did you mean timeframe?"),
    "a control character": ("/recommend?describe=dad%00%1b[31m", "control characters"),
    "a control character in an id": ("/recommend?need=rights%07", "control characters"),
    "a huge value": ("/recommend?need=" + "x" * 5000, "too long"),
    "a huge description": ("/recommend?describe=" + "word+" * 600, "the limit is 2,000"),
    "a huge address": ("/recommend?" + "&".join(["need=rights"] * 2000), "too long"),
    "a bad details value": ("/recommend?need=rights&details=maybe", "details=1"),
    "an unknown role to compare": ("/compare?role=doctor", "unknown role"),
    "one role to compare": ("/compare?role=advocate", "2 to 4 roles"),
    "an unknown aspect": ("/compare?aspect=price", "aspect"),
    "an unknown need for routes": ("/routes?need=bogus", "unknown need"),
    "a name the roles page has not": ("/roles?json=1", "unknown name"),
    "a bad step": ("/ask?step=jump", "unknown step"),
}


@pytest.mark.parametrize("case", BAD.values(), ids=BAD.keys())
def test_a_bad_address_is_a_clear_message_with_status_400(
    web: TestClient, case: tuple[str, str]
) -> None:
    address, said = case
    page = web.get(address)
    assert page.status_code == 400, page.text[:500]
    assert page.headers["content-type"].startswith("text/html")
    assert said.lower() in text_of(page.text).lower()
    assert "Traceback" not in page.text and 'role="alert"' in page.text
    assert "content-security-policy" in page.headers


def test_a_bad_answer_in_the_form_is_said_beside_its_question(web: TestClient) -> None:
    page = web.get("/ask?need=not-sure&need=rights&step=ask")
    assert page.status_code == 400
    assert f'id="problem-{NEEDS.id}"' in page.text and Form(page.text).action == "/ask"


def test_json_of_a_bad_address_is_json_with_status_400(web: TestClient) -> None:
    bad = web.get("/recommend.json?need=bogus")
    assert bad.status_code == 400 and "not a valid choice" in bad.json()["error"]
    assert web.get("/recommend.json").status_code == 400


def test_no_such_page_and_other_methods(web: TestClient) -> None:
    missing = web.get("/admin")
    assert missing.status_code == 404 and "There is no such page" in missing.text
    assert web.get("/roles/doctor").status_code == 404
    posted = web.post("/recommend", content=b"x" * 100_000)
    assert posted.status_code == 405 and "GET" in posted.headers["allow"]


def test_nothing_to_go_on_asks_the_questions(web: TestClient) -> None:
    page = web.get("/recommend", follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"].startswith("/ask")
    unread = web.get("/recommend?describe=hello", follow_redirects=False)
    assert unread.status_code == 303 and "describe=hello" in unread.headers["location"]


def test_an_organisations_knowledge_base_is_served_the_same_way(data_copy: Path) -> None:
    def rename(roles: dict) -> None:
        roles["roles"][0]["name"] = "Hospital-hired helper"

    edit(data_copy / "roles.json", rename)
    web = TestClient(create_app(data_copy))
    assert "Hospital-hired helper" in web.get("/roles").text
    assert "Hospital-hired helper" in web.get("/compare").text


def test_a_broken_knowledge_base_stops_before_serving(data_copy: Path) -> None:
    from advisor.errors import DataError

    (data_copy / "roles.json").write_text("{", encoding="utf-8")
    with pytest.raises(DataError):
        create_app(data_copy)


def test_uvicorn_finds_the_app_over_the_knowledge_base_advisor_data_names(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`uvicorn advisor.web:app --workers N`: each worker builds the app on import,
    over the knowledge base in ADVISOR_DATA, as every command reads it."""
    import advisor.web

    def rename(roles: dict) -> None:
        roles["roles"][1]["name"] = "Unit-based helper"

    edit(data_copy / "roles.json", rename)
    monkeypatch.setenv("ADVISOR_DATA", str(data_copy))
    advisor.web.__dict__.pop("app", None)
    try:
        app = advisor.web.app
        assert app is advisor.web.app  # built once
        assert "Unit-based helper" in TestClient(app).get("/roles").text
    finally:
        advisor.web.__dict__.pop("app", None)


def test_a_page_that_fails_says_so_plainly_and_logs_one_line(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import advisor.views.roles

    def broken(catalog: object) -> object:
        raise RuntimeError("a bug")

    monkeypatch.setattr(advisor.views.roles, "roles_view", broken)
    web = TestClient(create_app(knowledge_dir()), raise_server_exceptions=True)
    page = web.get("/roles")
    assert page.status_code == 500 and "Something went wrong on our side" in page.text
    assert "Traceback" not in page.text and "a bug" not in page.text
    assert [r.getMessage() for r in caplog.records] == [
        "a page failed: GET /roles: RuntimeError: a bug"
    ]
    assert not any(r.exc_info for r in caplog.records)
