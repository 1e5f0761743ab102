"""Free routes chosen by whom they serve: the person's setting and coverage, with
each route's deadline first and its condition said when an answer is unknown.

Route names, conditions and deadlines are read from the data, so a reworded route
breaks no test here; only the behaviour does."""

from __future__ import annotations

import ast
import json
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.document import plain
from advisor.knowledge.catalog import load_catalog
from advisor.knowledge.routes import Route, Situation, fit, routes_for, situation
from conftest import Run, edit_json

pytestmark = pytest.mark.bundled_data  # the bundled routes, their deadlines and conditions

CATALOG = load_catalog()
QUESTIONNAIRE = CATALOG.questionnaire
ROUTES = {r.id: r for r in CATALOG.routes.routes}
SETTING = QUESTIONNAIRE.steering("setting")
COVERAGE = QUESTIONNAIRE.steering("coverage")
assert SETTING is not None and COVERAGE is not None


def flat(text: str) -> str:
    return " ".join(text.split())


def first_steps(out: str) -> str:
    return flat(out).split("First steps:")[1].split("Everything (")[0]


def step_lines(out: str) -> list[str]:
    """The bullets of the short result's first steps, each joined into one line."""
    block = out.split("First steps:")[1].split("Everything (")[0]
    bullets: list[str] = []
    for line in block.splitlines()[1:]:
        if line.startswith("- "):
            bullets.append(line[2:])
        elif bullets and line.startswith("  "):
            bullets[-1] += " " + line.strip()
    return bullets


def first_lines(out: str) -> list[str]:
    """The first printed line of each first-step bullet, as a person sees it."""
    block = out.split("First steps:")[1].split("Everything (")[0]
    return [line[2:] for line in block.splitlines() if line.startswith("- ")]


def hospital_only() -> list[Route]:
    """Routes the data ties to hospital stays alone."""
    return [r for r in ROUTES.values() if r.settings and set(r.settings) <= {"hospital"}]


def medicare_only() -> list[Route]:
    medicare = {"medicare", "medicare-advantage", "dual"}
    return [r for r in ROUTES.values() if r.coverage and set(r.coverage) <= medicare]


NURSING_HOME_RIGHTS = ("--for", "someone", "--setting", "nursing-home", "--need", "rights")


def test_a_nursing_home_resident_with_a_rights_problem_gets_the_ombudsman_and_aps(
    run: Run,
) -> None:
    result = run("recommend", *NURSING_HOME_RIGHTS, "--no-input")
    assert result.exit_code == 0, result.output
    steps = first_steps(result.stdout)
    assert ROUTES["ltc-ombudsman"].name in steps
    assert ROUTES["adult-protective-services"].name in steps
    assert hospital_only(), "the data has hospital-only routes to keep away"
    details = run("recommend", *NURSING_HOME_RIGHTS, "--no-input", "--details")
    for route in hospital_only():
        assert route.name not in flat(result.stdout)
        assert route.name not in flat(details.stdout)


def test_her_own_words_about_neglect_in_a_nursing_home_reach_the_same_help(run: Run) -> None:
    words = (
        "My mom is in a nursing home and they are not giving her the care she needs, "
        "she has a bedsore"
    )
    result = run("recommend", "--no-input", "--describe", words)
    assert result.exit_code == 0, result.output
    steps = first_steps(result.stdout)
    assert ROUTES["ltc-ombudsman"].name in steps
    assert ROUTES["adult-protective-services"].name in steps
    for route in hospital_only():
        assert route.name not in flat(result.stdout)


def test_aps_says_911_first_for_immediate_danger(run: Run) -> None:
    result = run("routes", "--need", "rights")
    assert result.exit_code == 0, result.output
    aps = ROUTES["adult-protective-services"]
    assert aps.act_by is not None and "911" in aps.act_by.text
    assert flat(f"Deadline: {aps.act_by.text}") in flat(result.stdout)


SNF_WORDS = (
    "My dad is in skilled nursing rehab after his hip surgery and they say "
    "Medicare coverage ends Friday, he can't walk yet"
)


def test_skilled_nursing_coverage_ending_gets_the_non_hospital_appeal_with_its_noon_deadline(
    run: Run,
) -> None:
    appeal, hospital = ROUTES["medicare-fast-appeal-non-hospital"], ROUTES["medicare-fast-appeal"]
    assert appeal.act_by is not None and "noon" in appeal.act_by.text
    for args in (
        ("--describe", SNF_WORDS),
        ("--for", "someone", "--setting", "skilled-nursing", "--need", "discharge"),
        ("--setting", "skilled-nursing", "--coverage", "medicare", "--need", "discharge"),
    ):
        result = run("recommend", "--no-input", *args, env={"COLUMNS": "80"})
        assert result.exit_code == 0, result.output
        lines = first_lines(result.stdout)
        bullet = next(b for b in step_lines(result.stdout) if appeal.name in b)
        first = lines[step_lines(result.stdout).index(bullet)]
        # the deadline starts on the route's first line, where nobody can miss it
        assert "noon" in first, (args, first)
        assert flat(appeal.act_by.text) in bullet
        assert hospital.name not in flat(result.stdout)
        details = run("recommend", "--no-input", *args, "--details")
        assert hospital.name not in flat(details.stdout)


def test_a_hospital_discharge_gets_the_hospital_appeal_with_its_midnight_deadline(
    run: Run,
) -> None:
    appeal = ROUTES["medicare-fast-appeal"]
    assert appeal.act_by is not None and "midnight" in appeal.act_by.text
    result = run(
        "recommend",
        "--for",
        "someone",
        "--setting",
        "hospital",
        "--need",
        "discharge",
        "--no-input",
    )
    assert result.exit_code == 0, result.output
    bullet = next(b for b in step_lines(result.stdout) if appeal.name in b)
    assert flat(appeal.act_by.text) in bullet
    # the condition comes first while coverage is not known, in the words for whom it is for
    condition = appeal.condition
    assert condition is not None
    assert bullet.startswith(appeal.act_by.text)
    assert f"{condition.worded['someone']}: {appeal.name}" in bullet
    assert ROUTES["medicare-fast-appeal-non-hospital"].name not in flat(result.stdout)


def test_a_surprise_out_of_network_bill_gets_the_no_surprises_route_first(run: Run) -> None:
    nsa = ROUTES["no-surprises-act"]
    words = (
        "I had surgery at an in-network hospital and now I got a surprise bill for "
        "$9,400 from the anesthesiologist who was out of network."
    )
    for args in (
        ("--describe", words),
        ("--for", "me", "--need", "medical-bills", "--coverage", "job-or-marketplace"),
    ):
        result = run("recommend", "--no-input", *args)
        assert result.exit_code == 0, result.output
        bullets = step_lines(result.stdout)
        assert nsa.name in bullets[0], bullets
        assert "1-800-985-3059" in bullets[0]


MEDICAID_GRANDMOTHER = (
    "--for", "someone", "--timeframe", "ongoing", "--side", "either", "--setting", "home",
    "--payment", "covered", "--coverage", "medicaid",
)  # fmt: skip


def test_medicaid_only_is_never_shown_a_medicare_only_route(run: Run) -> None:
    for needs in ("understand-options,appointments-with-me,medications",
                  "insurance-denial,rights,medical-bills,discharge"):  # fmt: skip
        for extra in ((), ("--details",)):
            result = run("recommend", "--no-input", *MEDICAID_GRANDMOTHER, "--need", needs, *extra)
            assert result.exit_code == 0, result.output
            for route in medicare_only():
                assert route.name not in flat(result.stdout), route.id
    needs = "understand-options,appointments-with-me,medications"
    data = json.loads(
        run("recommend", "--no-input", *MEDICAID_GRANDMOTHER, "--need", needs, "--json").stdout
    )
    assert not {r["id"] for r in data["routes"]} & {r.id for r in medicare_only()}
    # her plan's own care coordination, and a free interpreter, fit her and are offered
    assert {"health-plan-case-management", "language-assistance"} <= {
        r["id"] for r in data["routes"]
    }


def test_unknown_coverage_shows_medicare_routes_only_with_their_condition(run: Run) -> None:
    for who, needs in (("someone", "insurance-denial,rights"), ("me", "insurance-denial")):
        result = run("recommend", "--no-input", "--for", who, "--need", needs, "--details")
        assert result.exit_code == 0, result.output
        out = flat(result.stdout)
        shown = [r for r in medicare_only() if r.name in out]
        assert shown, "some Medicare route is offered, conditionally"
        for route in shown:
            assert route.condition is not None
            said = route.condition.worded[who]
            assert said.startswith("If ") and "Medicare" in said
            # every time the route is named, its condition comes just before it
            assert out.count(route.name) == out.count(f"{said}: {route.name}"), route.id


def test_coverage_is_a_question_with_flag_file_key_and_wording() -> None:
    assert COVERAGE.flag == "coverage"
    ids = {o.id for o in COVERAGE.options}
    assert {
        "medicare",
        "medicare-advantage",
        "medicaid",
        "dual",
        "job-or-marketplace",
        "va-tricare",
        "none",
        QUESTIONNAIRE.unsure,
    } == ids
    for audience in ("me", "someone"):
        worded = QUESTIONNAIRE.worded(COVERAGE, {QUESTIONNAIRE.audience or "": (audience,)})
        assert worded.prompt != COVERAGE.prompt
    assert any(o.cues for o in COVERAGE.options)


def test_coverage_from_an_answers_file_and_old_payment_values_keep_working(
    run: Run, tmp_path: Path
) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(
        json.dumps({"coverage": "medicaid", "payment": "covered", "need": ["benefits"]}),
        encoding="utf-8",
    )
    result = run("recommend", "--no-input", "--answers", str(answers), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {r["id"] for r in data["routes"]}.isdisjoint(r.id for r in medicare_only())
    for value in ("covered", "private", "not-sure"):
        assert run("recommend", "--no-input", "--payment", value, "--need", "rights").exit_code == 0


def test_words_about_coverage_are_read() -> None:
    from advisor.describe import read

    for words, answer in (
        ("she has medicaid and lives alone", "medicaid"),
        ("he is on a medicare advantage plan", "medicare-advantage"),
        ("she has both medicare and medicaid", "dual"),
        ("I dont have insurance and the ER billed me", "none"),
    ):
        said = {u.question: u.answer for u in read(words, QUESTIONNAIRE).understood}
        assert said.get(COVERAGE.id) == answer, words
    # being a veteran, or applying for Medicaid, is not how care is covered now
    for words in ("my dad is a veteran", "we are trying to get him on medicaid"):
        said = {u.question: u.answer for u in read(words, QUESTIONNAIRE).understood}
        assert COVERAGE.id not in said, words


# --- the property: no route shown contradicts a known answer -----------------------

answer_of = {
    q.id: st.sampled_from([o.id for o in q.options])
    for q in QUESTIONNAIRE.questions
    if q.kind == "single"
}
needs_question = next(q for q in QUESTIONNAIRE.questions if q.kind == "multi")


@st.composite
def answers(draw: st.DrawFn) -> dict[str, tuple[str, ...]]:
    given_: dict[str, tuple[str, ...]] = {}
    for question_id, options in answer_of.items():
        if draw(st.booleans()):
            given_[question_id] = (draw(options),)
    needs = draw(
        st.lists(st.sampled_from([o.id for o in needs_question.options]), max_size=4, unique=True)
    )
    if needs:
        given_[needs_question.id] = tuple(needs)
    return given_


def allowed(route: Route, chosen: Mapping[str, Sequence[str]]) -> bool:
    """What a known answer means, worked out here from the options themselves."""
    for question, wanted in ((SETTING, route.settings), (COVERAGE, route.coverage)):
        assert question is not None
        answer = chosen.get(question.id, ())
        if not wanted or not answer or answer[0] == QUESTIONNAIRE.unsure:
            continue
        option = question.option(answer[0])
        assert option is not None
        if not {option.id, *option.covers} & set(wanted):
            return False
    return True


@settings(max_examples=300)
@given(answers())
def test_no_route_offered_contradicts_a_known_answer(chosen: dict[str, tuple[str, ...]]) -> None:
    from advisor.views.routes import advice_for

    advice = advice_for(CATALOG, chosen, "patient-advocate")
    where = situation(QUESTIONNAIRE, chosen)
    for route in advice.routes:
        assert allowed(route, chosen), (route.id, chosen)
        assert fit(route, where) != "no"
    every = routes_for(CATALOG.routes, chosen.get(needs_question.id, ()), where=where)
    for route in every:
        assert allowed(route, chosen), (route.id, chosen)


@settings(max_examples=100)
@given(answers())
def test_a_route_that_may_not_apply_always_says_its_condition(
    chosen: dict[str, tuple[str, ...]],
) -> None:
    from advisor.views.routes import route_short

    where = situation(QUESTIONNAIRE, chosen)
    for route in ROUTES.values():
        if fit(route, where) == "maybe":
            assert route.condition is not None
            line = plain(route_short(route, where))
            assert (
                f"{route.condition.worded.get(where.audience or '', route.condition.text)}: "
                in (line)
            )


# --- questions play their part by data -----------------------------------------------


def test_a_renamed_payment_question_gives_the_same_advice(run: Run, data_copy: Path) -> None:
    def rename(data: dict) -> None:  # type: ignore[type-arg]
        for question in data["questions"]:
            if question["id"] == "payment":
                question["id"] = "paying"
            for option in question["options"]:
                for effect in option.get("effects", []):
                    for key in ("when", "unless"):
                        if "payment" in effect.get(key, {}):
                            effect[key]["paying"] = effect[key].pop("payment")

    edit_json(data_copy / "questions.json", rename)
    args = ("recommend", "--no-input", "--payment", "covered", "--need", "insurance-denial")
    before = run(*args)
    after = run("--data", str(data_copy), *args)
    assert after.exit_code == 0, after.output
    assert "is usually paid for privately" in " ".join(before.stdout.split())
    assert after.stdout == before.stdout


def test_a_renamed_setting_and_coverage_question_give_the_same_routes(
    run: Run, data_copy: Path
) -> None:
    def rename(data: dict) -> None:  # type: ignore[type-arg]
        names = {"setting": "where", "coverage": "insured"}
        for question in data["questions"]:
            question["id"] = names.get(question["id"], question["id"])
            for option in question["options"]:
                for effect in option.get("effects", []):
                    for key in ("when", "unless"):
                        for old, new in names.items():
                            if old in effect.get(key, {}):
                                effect[key][new] = effect[key].pop(old)

    edit_json(data_copy / "questions.json", rename)
    args = (
        "recommend",
        "--no-input",
        "--setting",
        "nursing-home",
        "--coverage",
        "medicaid",
        "--need",
        "rights,insurance-denial",
        "--json",
    )
    before = json.loads(run(*args).stdout)
    after = json.loads(run("--data", str(data_copy), *args).stdout)
    assert [r["id"] for r in after["routes"]] == [r["id"] for r in before["routes"]]


def test_data_check_names_a_route_setting_that_is_no_option(run: Run, data_copy: Path) -> None:
    def break_it(data: dict) -> None:  # type: ignore[type-arg]
        data["routes"][0]["settings"] = ["hospitel"]
        data["routes"][1]["coverage"] = ["medicare", "medicair"]
        del data["routes"][2]["condition"]

    edit_json(data_copy / "routes.json", break_it)
    result = run("data", "check", str(data_copy))
    assert result.exit_code == 1
    assert "routes[0].settings[0]: unknown option 'hospitel'" in result.output
    assert "routes[1].coverage[1]: unknown option 'medicair'" in result.output
    assert "routes[2].condition: required" in result.output


def test_data_check_notes_sources_and_routes_read_over_a_year_ago(
    run: Run, data_copy: Path
) -> None:
    def age(data: dict) -> None:  # type: ignore[type-arg]
        for source in data["sources"]:
            source["as_of"] = "2020-01-01"

    edit_json(data_copy / "sources.json", age)
    result = run("data", "check", str(data_copy))
    assert result.exit_code == 0, result.output
    assert "sources[0].as_of: read on 2020-01-01, more than a year ago" in result.output
    assert "routes[0] (hospital-discharge-planning): its sources were last read on 2020-01-01" in (
        result.output
    )
    fresh = run("data", "check", str(Path(CATALOG.directory)))
    assert "more than a year ago" not in fresh.output


def test_no_question_or_option_id_is_a_literal_in_the_route_code() -> None:
    import advisor

    root = Path(advisor.__file__).parent
    from advisor.knowledge.questions import PARTS

    # the parts a question can play ("steers": "payment") are the schema's own words
    ids = {q.id for q in QUESTIONNAIRE.questions} | {
        o.id for q in QUESTIONNAIRE.questions if q.kind == "single" for o in q.options
    }
    ids -= set(PARTS) | set(Route.model_fields)  # a route's own fields ("needs") are not ids
    for name in ("knowledge/routes.py", "views/routes.py", "views/recommend.py", "views/data.py"):
        tree = ast.parse((root / name).read_text(encoding="utf-8"))
        docstrings = {
            id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr)
        }  # a string standing alone is a docstring or a comment, not a value the code uses
        literals = {
            node.value
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
        }
        assert not literals & ids, (name, literals & ids)


def test_situation_reads_the_parts_through_the_questions_that_steer_them() -> None:
    unsure = QUESTIONNAIRE.unsure
    assert situation(QUESTIONNAIRE, {}) == Situation()
    assert situation(QUESTIONNAIRE, {SETTING.id: (unsure,)}).settings is None
    both = situation(QUESTIONNAIRE, {SETTING.id: ("both",)}).settings
    assert both is not None and {"home", "hospital"} <= both
    assert (
        situation(QUESTIONNAIRE, {SETTING.id: ("facility",)}).settings
        == situation(QUESTIONNAIRE, {SETTING.id: ("hospital",)}).settings
    )
