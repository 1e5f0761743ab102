"""Free and low-cost routes and other titles, through the real commands."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.knowledge.catalog import load_catalog
from advisor.knowledge.routes import advise, routes_for, situation
from conftest import Run, edit_json

DENIAL = ["--timeframe", "as-needed", "--side", "patient", "--payment", "covered"]
JOB_PLAN = ["--coverage", "job-or-marketplace"]


def flat(text: str) -> str:
    return " ".join(text.split())


def test_short_result_says_who_a_route_is_for(run: Run) -> None:
    """A route only some people can use says so up front: a man whose MRI claim was
    denied under his employer's plan must not be sent to SHIP without being told it is
    for people with Medicare."""
    result = run("recommend", *DENIAL, "--for", "me", "--need", "insurance-denial")
    assert result.exit_code == 0, result.stderr
    steps = flat(result.stdout).split("First steps:")[1]
    # his coverage is not known: each appeal says first whom it is for
    assert (
        "If you have a plan through a job or the Marketplace: Appeal to your health plan" in steps
    )
    assert "For: Members of job-based and Marketplace plans" in steps


def test_insurance_denial_names_free_appeal_and_external_review(run: Run) -> None:
    result = run("recommend", *DENIAL, *JOB_PLAN, "--need", "insurance-denial")
    assert result.exit_code == 0, result.stderr
    out = flat(result.stdout)
    # the short result: they said "covered", so the free routes come before the paid role
    assert "First steps: finding a patient advocate, or free and low-cost help" in out
    steps = out.split("First steps:")[1]
    assert steps.index("Appeal to your health plan, then an external review") < steps.index("Umbra")
    assert "within 180 days of getting the denial notice" in steps  # its deadline, up front
    # the top role is usually paid privately, and that is said plainly
    covered = load_catalog().questionnaire.question("payment")
    assert covered is not None
    said = f'You said "{covered.label("covered")}", but a patient advocate'  # their words
    assert said in out
    denial = [*DENIAL, *JOB_PLAN, "--need", "insurance-denial"]
    full = flat(run("recommend", *denial, "--details").stdout)
    assert full.index("free or low-cost routes") < full.index("Next steps: finding a")
    assert "Appeal to your health plan, then an external review. Cost:" in full
    data = json.loads(run("recommend", *denial, "--json").stdout)
    ids = [r["id"] for r in data["routes"]]
    assert ids[0] == "insurance-appeal"
    assert data["routes"][0]["cost"]["value"] == "free"
    assert data["paid_privately_note"]["role"] == "patient-advocate"
    cited = {s["id"] for s in data["sources"]}
    assert {"hc-internal-appeals", "hc-external-review"} <= cited


def test_rights_in_a_facility_names_the_long_term_care_ombudsman(run: Run) -> None:
    result = run("recommend", "--setting", "nursing-home", "--need", "rights")
    assert result.exit_code == 0, result.stderr
    assert "Long-term care ombudsman" in flat(result.stdout)


def test_a_discharge_names_medicares_fast_appeal(run: Run) -> None:
    for payment in ("private", "covered"):
        result = run("recommend", "--need", "discharge", "--payment", payment, "--json")
        assert result.exit_code == 0, result.stderr
        assert "medicare-fast-appeal" in [r["id"] for r in json.loads(result.stdout)["routes"]]
    result = run(
        "recommend", "--timeframe", "episodic", "--setting", "hospital", "--need", "discharge"
    )
    assert "Medicare fast appeal of a hospital discharge" in flat(result.stdout)


def test_no_paid_privately_note_when_they_can_pay(run: Run) -> None:
    args = [*DENIAL[:4], *JOB_PLAN, "--payment", "private", "--need", "insurance-denial"]
    result = run("recommend", *args)
    assert result.exit_code == 0
    out = flat(result.stdout)
    assert "is usually paid for privately" not in out
    steps = out.split("First steps:")[1]
    assert steps.index("Umbra") < steps.index("Appeal to your health plan")
    full = flat(run("recommend", *args, "--details").stdout)
    assert full.index("Next steps: finding a") < full.index("free or low-cost routes")


@pytest.mark.parametrize(
    ("name", "closest"),
    [
        ("navigator", "care coordinator"),
        ("nurse navigator", "care coordinator"),
        ("social-worker", "case manager"),
        ("community health worker", "care coordinator"),
        ("insurance care manager", "case manager"),
        ("va-rn-care-manager", "care coordinator"),
    ],
)
def test_show_a_title_says_which_role_it_is_closest_to(run: Run, name: str, closest: str) -> None:
    result = run("show", name)
    assert result.exit_code == 0, result.stderr
    out = flat(result.stdout)
    assert re.search(r"Not one of the \w+ roles", out)
    assert f"Closest to: {closest}" in out
    assert "How it differs:" in out


def test_show_navigator_json(run: Run) -> None:
    result = run("show", "navigator", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["kind"] == "other-title"
    assert data["closest_role"] == "care-coordinator"
    assert data["scope"] == "United States"
    assert {"nci-pnp-background", "nci-navigator"} <= {s["id"] for s in data["sources"]}


def test_titles_are_not_a_fifth_role(run: Run) -> None:
    for command in (["compare", "navigator", "advocate"], ["routes", "--role", "navigator"]):
        result = run(*command)
        assert result.exit_code == 2, command
        assert "is another title (Patient navigator), not one of the four roles" in result.stderr
        assert "closest to a care coordinator" in result.stderr
    assert run("roles", "--json").stdout.count('"id"') == 4


def test_discharge_planner_stays_a_case_manager(run: Run) -> None:
    """Kept as an alias (scripts use it); the page explains the title as a variant."""
    result = run("show", "discharge planner")
    assert result.exit_code == 0
    assert "Case manager (case-manager)" in result.stdout
    assert "Discharge planner (works for: an organization)" in flat(result.stdout)


def test_show_role_lists_free_or_low_cost_alternatives(run: Run) -> None:
    result = run("show", "care-manager")
    assert result.exit_code == 0
    out = flat(result.stdout)
    assert "Free or low-cost alternatives" in out
    assert "Area Agency on Aging" in out
    data = json.loads(run("show", "care-manager", "--json").stdout)
    assert "area-agency-on-aging" in [r["id"] for r in data["free_or_low_cost_alternatives"]]


def test_show_json_has_the_same_keys_for_a_role_and_another_title(run: Run) -> None:
    """A script can tell a role from another title by `kind`, and finds free routes
    under one key for both (the role's first key stays)."""
    role = json.loads(run("show", "care-manager", "--json").stdout)
    title = json.loads(run("show", "navigator", "--json").stdout)
    assert (role["kind"], title["kind"]) == ("role", "other-title")
    assert role["free_or_low_cost_routes"] == role["free_or_low_cost_alternatives"]
    assert title["free_or_low_cost_routes"]


def test_routes_command(run: Run) -> None:
    result = run("routes", "--need", "insurance-denial")
    assert result.exit_code == 0
    assert "Appeal to your health plan, then an external review" in result.stdout
    assert "Who qualifies:" in result.stdout and "Cost to you:" in result.stdout
    data = json.loads(run("routes", "--need", "rights,placement", "--json").stdout)
    assert all({"rights", "placement"} & set(r["needs"]) for r in data["routes"])
    assert data["scope"] == "United States"
    by_role = json.loads(run("routes", "--role", "advocate", "--json").stdout)["routes"]
    assert by_role and all("patient-advocate" in r["stands_in_for"]["roles"] for r in by_role)
    markdown = run("routes", "--need", "discharge", "--markdown")
    assert markdown.exit_code == 0 and markdown.stdout.startswith("# Free and low-cost routes")
    everything = json.loads(run("routes", "--json").stdout)["routes"]
    assert len(everything) == len(load_catalog().routes.routes)


def test_routes_bad_input_is_a_usage_error(run: Run) -> None:
    result = run("routes", "--need", "insurance-denail")
    assert result.exit_code == 2
    assert "unknown need 'insurance-denail'. Did you mean insurance-denial?" in result.stderr
    assert run("routes", "--role", "plumber").exit_code == 2
    assert run("routes", "--json", "--markdown").exit_code == 2
    assert "Example: advisor routes --need insurance-denial" in flat(run("routes", "--help").stdout)


def test_career_json_has_bls_medians(run: Run) -> None:
    result = run("career", "--licence", "none", "--json")
    assert result.exit_code == 0
    careers = json.loads(result.stdout)["careers"]
    medians = {
        (code["code"], pay["reference"]): pay["amount"]
        for career in careers.values()
        for code in career["codes"]
        for pay in code["median_pay"]
    }
    assert medians[("29-1141", "May 2022")] == 81220
    assert medians[("21-1094", "May 2025")] == 51850
    assert medians[("21-1022", "May 2025")] == 67880
    assert ("21-1094", "May 2021") not in medians  # one figure per occupation, the newest
    text = flat(run("career", "--licence", "none", "--details").stdout)
    assert "Median pay for registered nurses: $81,220 a year (May 2022, an older figure" in text
    assert "Average salary of $56,390 a year" in text  # the seeds' undated figure beside it


@pytest.mark.parametrize(
    "command",
    [
        ["roles"],
        ["show", "advocate"],
        ["compare", "advocate", "case-manager"],
        ["recommend", "--need", "discharge"],
        ["career", "--licence", "none"],
        ["map", "--side", "patient"],
        ["routes"],
        ["show", "navigator"],
    ],
)
def test_json_states_us_scope(run: Run, command: list[str]) -> None:
    result = run(*command, "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["scope"] == "United States"
    assert "United States" in data["disclaimer"]


def test_every_disclaimer_says_united_states(run: Run) -> None:
    for command in (
        ["show", "care-manager"],
        ["show", "navigator"],
        ["routes", "--need", "rights"],
        ["compare", "advocate", "case-manager"],
        ["recommend", "--need", "rights"],
    ):
        assert "in the United States" in flat(run(*command).stdout), command


def test_career_results_end_with_a_career_disclaimer(run: Run) -> None:
    """Someone choosing a career is not told to check with 'the people involved in
    your care'; the short and full results and the JSON say what career advice needs."""
    for args in (["--no-input"], ["--no-input", "--details"]):
        out = flat(run("career", "--licence", "nurse", *args).stdout)
        assert "It is not career, legal or financial advice" in out, args
        assert "who give the care" not in out, args
    data = json.loads(run("career", "--licence", "nurse", "--json").stdout)
    assert "licensing board" in data["disclaimer"]
    assert "in the United States" in flat(data["disclaimer"])
    recommend = flat(run("recommend", "--need", "rights").stdout)
    assert "people who give the care" in recommend  # the patient-care disclaimer stays there


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["routes"][0]["needs"].append("teleport"), "routes[0].needs[3]: unknown need"),
        (
            lambda d: d["routes"][1]["stands_in_for"]["roles"].append("wizard"),
            "routes[1].stands_in_for.roles[1]: unknown role 'wizard'",
        ),
        (lambda d: d["routes"][2]["cost"]["sources"].append("nowhere"), "unknown source"),
    ],
)
def test_bad_routes_are_one_line_data_errors(
    run: Run, data_copy: Path, change: object, message: str
) -> None:
    edit_json(data_copy / "routes.json", change)  # type: ignore[arg-type]
    result = run("--data", str(data_copy), "routes")
    assert result.exit_code == 1
    assert "routes.json: " in result.stderr and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["titles"][0].update(aliases=["advocate"]), "is a name of role"),
        (
            lambda d: d["titles"][0]["closest"].update(role="wizard"),
            "titles[0].closest.role: unknown role 'wizard'",
        ),
        (
            lambda d: d["titles"][0]["routes"].append("nowhere"),
            "titles[0].routes[1]: unknown route",
        ),
    ],
)
def test_bad_titles_are_one_line_data_errors(
    run: Run, data_copy: Path, change: object, message: str
) -> None:
    edit_json(data_copy / "titles.json", change)  # type: ignore[arg-type]
    result = run("--data", str(data_copy), "show", "navigator")
    assert result.exit_code == 1
    assert "titles.json: " in result.stderr and message in result.stderr


def test_a_data_folder_without_routes_or_titles_still_works(run: Run, data_copy: Path) -> None:
    (data_copy / "routes.json").unlink()
    (data_copy / "titles.json").unlink()
    assert run("--data", str(data_copy), "show", "care-manager").exit_code == 0
    assert run("--data", str(data_copy), "recommend", "--need", "rights").exit_code == 0
    assert run("--data", str(data_copy), "show", "navigator").exit_code == 2


NEEDS = sorted(
    o.id for o in load_catalog().questionnaire.questions[-1].options if o.id != "not-sure"
)


@settings(max_examples=60, deadline=None)
@given(
    needs=st.lists(st.sampled_from(NEEDS), max_size=4),
    payment=st.sampled_from([None, "covered", "private", "not-sure"]),
    setting=st.sampled_from([None, "home", "facility", "both"]),
)
def test_free_first_when_help_should_be_covered(
    needs: list[str], payment: str | None, setting: str | None
) -> None:
    catalog = load_catalog()
    book, questionnaire = catalog.routes, catalog.questionnaire
    answers = {"payment": (payment,) if payment else (), "setting": (setting,) if setting else ()}
    where = situation(questionnaire, answers)
    advice = advise(book, needs, where=where, top_role="care-manager")
    every = routes_for(book, needs, where=where, role="care-manager")
    if payment in (None, "covered", "not-sure") and any(r.free for r in every):
        assert advice.routes[0].free
    for route in advice.routes:
        assert not needs or set(needs) & set(route.needs)
    assert (advice.warning is not None) == (payment == "covered")


def test_aliases_say_where_they_come_from(run: Run, data_copy: Path) -> None:
    out = flat(run("show", "care-manager").stdout)
    assert "'aging life care manager': A registered title only members of the Aging" in out
    data = json.loads(run("show", "care-coordinator", "--json").stdout)
    note = next(n for n in data["alias_notes"] if n["alias"] == "care navigator")
    assert note["kind"] == "inference"
    edit_json(
        data_copy / "roles.json",
        lambda d: d["roles"][0]["alias_notes"].append(
            {"alias": "tribune", "text": "x", "sources": ["seed-000"]}
        ),
    )
    result = run("--data", str(data_copy), "roles")
    assert result.exit_code == 1
    assert "roles[0].alias_notes[5].alias: 'tribune' is not one of the role's aliases" in (
        result.stderr
    )


def test_show_with_a_typo_lists_the_other_titles_too(run: Run) -> None:
    result = run("show", "navigater")
    assert result.exit_code == 2
    assert "Did you mean patient-navigator" in result.stderr
    assert "other titles: patient-navigator" in result.stderr
    compare = run("compare", "navigater", "advocate")  # compare takes only the four roles
    assert compare.exit_code == 2 and "other titles" not in compare.stderr


def test_routes_name_needs_in_words_and_say_how_to_reach_once(run: Run) -> None:
    """Found in a trial: the heading showed '(for: insurance-denial)' and the fast
    appeal repeated 'How to reach it:' three times."""
    out = run("routes", "--need", "insurance-denial", env={"COLUMNS": "80"}).stdout
    assert "(for: fighting an insurance denial)" in " ".join(out.split())
    sections = out.split("\n\n")
    assert all(s.count("How to reach it:") <= 1 for s in sections)


def test_show_takes_a_name_of_several_words_without_quotes(run: Run) -> None:
    """Found in a trial: `advisor show case manager` said 'unexpected extra argument'."""
    result = run("show", "case", "manager")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Case manager (case-manager)")
    nurse = run("show", "nurse")  # a word of a name suggests the names that hold it
    assert nurse.exit_code == 2 and "nurse-navigator" in nurse.stderr.split("Valid")[0]
