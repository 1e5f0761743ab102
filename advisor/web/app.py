"""The pages: each reads its address as the command line reads its flags, calls
the same library functions and views as the command, and lays the view's
Document out with a template. Nothing here decides what a person is told.

The recommend flow follows the wizard: `/` asks what is going on, `/ask` asks
who the help is for and then the open questions (with their help and "not
sure"), `/review` shows every answer to change, and `/recommend` is the result;
`/recommend.json` is the `--json` of the same command.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp

from advisor import intake
from advisor.document import Document
from advisor.errors import AdvisorError, UsageProblem
from advisor.knowledge.catalog import Catalog, load_catalog
from advisor.knowledge.questions import Question
from advisor.web.gathering import (
    MAX_DESCRIPTION,
    Gathered,
    canonical_query,
    gather,
    result_of,
)
from advisor.web.layout import Templates
from advisor.web.query import DESCRIBE, Query, answer_names, read_query
from advisor.web.security import SecurityHeaders

HERE = Path(__file__).parent
STEP = "step"  # the form's own field: where its "Next" leads (never in a shared address)
STEPS = ("ask", "review", "result")


class Pages:
    """The page handlers over one knowledge base."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.questionnaire = catalog.questionnaire
        self.templates = Templates(HERE / "templates")
        self.answer_names = answer_names(self.questionnaire)

    # -- reading addresses --------------------------------------------------------

    def query(self, request: Request, *names: str) -> Query:
        raw = request.scope.get("query_string", b"")
        pairs = request.query_params.multi_items()
        limits = {DESCRIBE: MAX_DESCRIPTION * 2} if DESCRIBE in names else {}
        return read_query(raw, pairs, names, limits)

    def answers_query(self, request: Request, *extra: str) -> Query:
        return self.query(request, *self.answer_names, DESCRIBE, *extra)

    def page(self, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        html = self.templates.render(name, catalog=self.catalog, **context)
        return HTMLResponse(html, status_code=status)

    def problem(self, message: str, status: int = 400, **context: Any) -> HTMLResponse:
        return self.page("problem.html", status, message=message, **context)

    # -- the recommend flow ---------------------------------------------------------

    async def home(self, request: Request) -> Response:
        self.query(request)
        return self.page("home.html", describe_limit=MAX_DESCRIPTION)

    async def ask(self, request: Request) -> Response:
        """The open questions; once every one has an answer, on to the review (or,
        from the review's button, the result)."""
        query = self.answers_query(request, STEP)
        gathered = gather(self.questionnaire, query)
        step = query.get(STEP)
        if step is not None and step not in STEPS:
            raise UsageProblem(f"{STEP}: unknown step {step!r}")
        if gathered.problems:
            shown = (
                self.questionnaire.questions
                if step == "result"
                else [q for q in self.questionnaire.questions if q.id in gathered.problems]
            )
            return self.questions_page(gathered, shown, step or "ask", status=400)
        address = urlencode(canonical_query(self.questionnaire, gathered))
        if step == "result":
            return RedirectResponse(f"/recommend?{address}", status_code=303)
        open_questions = [q for q in self.questionnaire.questions if q.id not in gathered.answers]
        if not open_questions:
            return RedirectResponse(f"/review?{address}", status_code=303)
        audience = self.questionnaire.question(self.questionnaire.audience or "")
        if audience in open_questions:  # asked first, alone: the rest is worded by it
            open_questions = [audience]
        return self.questions_page(gathered, open_questions, "ask")

    async def review(self, request: Request) -> Response:
        query = self.answers_query(request)
        gathered = gather(self.questionnaire, query)
        return self.questions_page(
            gathered,
            self.questionnaire.questions,
            "result",
            status=400 if gathered.problems else 200,
        )

    def questions_page(
        self,
        gathered: Gathered,
        questions: list[Question],
        step: str,
        status: int = 200,
    ) -> HTMLResponse:
        """A form of `questions` (worded for whom the help is for), carrying every
        other answer in hidden fields."""
        q = self.questionnaire
        shown = {question.id for question in questions}
        carried = [
            (name, value)
            for name, value in canonical_query(q, gathered)
            if name != DESCRIBE and self._id_of(name) not in shown
        ]
        understood = None
        if gathered.described is not None:
            from advisor.views.recommend import understood_section

            understood = understood_section(q, gathered.described, gathered.answers)
        review = step == "result"
        return self.page(
            "questions.html",
            status,
            questions=[q.worded(question, gathered.answers) for question in questions],
            answers=gathered.answers,
            problems=gathered.problems,
            carried=carried,
            description=gathered.description,
            understood=understood,
            step=step,
            review=review,
            unsure=q.unsure,
        )

    def _id_of(self, flag: str) -> str:
        return next(
            question.id
            for question in self.questionnaire.questions
            if flag in (question.flag, *question.flag_aliases)
        )

    def _result(self, request: Request, *extra: str) -> tuple[Query, intake.Result | None]:
        query = self.answers_query(request, *extra)
        return query, result_of(self.catalog, query)

    async def recommend(self, request: Request) -> Response:
        """The result, as `advisor recommend --no-input` (or with `details`, --details)."""
        from advisor.views import recommend as views

        query, result = self._result(request, "details")
        if result is None:  # nothing to go on: ask, as the wizard would
            gathered = gather(self.questionnaire, query)
            address = urlencode(canonical_query(self.questionnaire, gathered))
            return RedirectResponse(f"/ask?{address}", status_code=303)
        catalog, q = self.catalog, self.questionnaire
        details = _switch(query, "details")
        view = views.recommend_view(catalog, result, details)
        answers, _, _, described = result.gathered
        rec = result.recommendation
        address = urlencode(canonical_query(q, gather(q, query)))
        command = views.rerun_command("recommend", q, answers)
        if details or not rec.answered:
            return self.page(
                "document.html",
                doc=view.screen(),
                address=address,
                command=command + (" --details" if details else ""),
            )
        # The short result's parts, laid out for a page: the pick and the first
        # calls side by side, then every score, what was understood, the sources.
        # (The screen's own closing line says how to see more on a terminal;
        # the page has its links for that.)
        headline, scores = views.short_sections(catalog, q, rec, "Recommended", "role", answers)
        steps = views.first_steps(catalog, answers, rec)
        closing = views.sources_section(catalog)
        understood = (
            [views.understood_section(q, described, answers)] if described is not None else []
        )
        doc = Document("Which kind of help fits", (headline, steps, scores, *understood, closing))
        return self.page("result.html", doc=doc, address=address, command=command, top=rec.top.role)

    async def recommend_json(self, request: Request) -> Response:
        """`advisor recommend --no-input --json` for the same answers."""
        from advisor.views.recommend import recommend_view

        try:
            _, result = self._result(request)
            if result is None:
                raise UsageProblem("no answers to go on; give at least one answer or describe=")
        except UsageProblem as exc:  # a script asked: it gets JSON back, status 400
            return JSONResponse({"error": str(exc)}, status_code=400)
        return JSONResponse(recommend_view(self.catalog, result).data())

    # -- the other commands -------------------------------------------------------------

    async def roles(self, request: Request) -> Response:
        from advisor.views.roles import roles_view

        self.query(request)
        return self.page("document.html", doc=roles_view(self.catalog).screen(), roles_links=True)

    async def show(self, request: Request) -> Response:
        from advisor.views.show import show_view

        self.query(request)
        try:
            found = self.catalog.lookup(str(request.path_params["name"]))
        except UsageProblem as exc:  # no such role or title: no such page
            return self.problem(str(exc), 404)
        return self.page("document.html", doc=show_view(self.catalog, found).screen())

    async def compare(self, request: Request) -> Response:
        from advisor.comparison import ASPECTS, CODES
        from advisor.views.compare import compare_view

        query = self.query(request, "role", "aspect")
        names = [n for n in (query.get("role") or "").split(",") if n.strip()]
        aspects = [a for a in (query.get("aspect") or "").split(",") if a.strip()]
        view = compare_view(self.catalog, names, not names, aspects or None)
        return self.page(
            "compare.html",
            doc=view.screen(),
            chosen_roles={self.catalog.resolve(n).id for n in names},
            chosen_aspects=set(aspects),
            aspects=[*ASPECTS, CODES],
        )

    async def routes(self, request: Request) -> Response:
        from advisor.answers import needs_from
        from advisor.views.routes import routes_view

        query = self.query(request, "need", "role")
        needs = needs_from(self.questionnaire, [query.get("need") or ""], label="need")
        role_name = (query.get("role") or "").strip()
        found = self.catalog.resolve(role_name) if role_name else None
        return self.page(
            "routes.html",
            doc=routes_view(self.catalog, needs, found).screen(),
            labels=self.questionnaire.needs(),
            chosen_needs=set(needs),
            chosen_role=found.id if found else "",
        )


def _switch(query: Query, name: str) -> bool:
    """A flag without a value on the command line: `details`, `details=1`, `details=yes`."""
    value = query.get(name)
    if value is None:
        return False
    if value.lower() in ("", "1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off"):
        return False
    raise UsageProblem(f"{name}: use {name}=1 or leave it out")


def build(data: Path | None) -> ASGIApp:
    """The app: pages, the stylesheet, error pages that never show a traceback,
    and the security headers around everything."""
    pages = Pages(load_catalog(data))

    async def advisor_error(request: Request, exc: Exception) -> Response:
        status = 400 if isinstance(exc, UsageProblem) else 500
        return pages.problem(str(exc), status)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        said = {404: "There is no such page.", 405: "This page only answers GET requests."}
        message = said.get(exc.status_code, "This request cannot be answered.")
        headers = {"Allow": "GET, HEAD"} if exc.status_code == 405 else None
        response = pages.problem(message, exc.status_code)
        if headers:
            response.headers.update(headers)
        return response

    async def crash(request: Request, exc: Exception) -> Response:
        return pages.problem("Something went wrong on our side. Please try again.", 500)

    routes = [
        Route("/", pages.home),
        Route("/ask", pages.ask),
        Route("/review", pages.review),
        Route("/recommend", pages.recommend),
        Route("/recommend.json", pages.recommend_json),
        Route("/roles", pages.roles),
        Route("/roles/{name}", pages.show),
        Route("/compare", pages.compare),
        Route("/routes", pages.routes),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    app = Starlette(
        routes=routes,
        exception_handlers={
            AdvisorError: advisor_error,
            HTTPException: http_error,
            Exception: crash,
        },
    )
    return SecurityHeaders(app)
