"""The knowledge base's checks: the loader and `advisor data check` run the same
validators, every problem comes back at once with its place, a file that cannot
be read is one problem rather than hundreds of consequences, names people look
up follow one rule in every file, and checking grows linearly with the data."""

from __future__ import annotations

import cProfile
import importlib.util
import json
import pstats
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from advisor.errors import DataError
from advisor.knowledge import snapshot
from advisor.knowledge.adapting import check_folder
from advisor.knowledge.catalog import bundled_directory, load_catalog
from advisor.knowledge.names import completes_safely, names_of
from conftest import Run, edit_json


def read(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def problems_of(run: Run, folder: Path) -> list[str]:
    """What `advisor data check` lists, file names relative, after checking the
    exit code and the count it gives."""
    result = run("data", "check", str(folder))
    lines = result.stdout.splitlines()
    if lines:
        assert result.exit_code == 1
        assert f"{len(lines)} problem{'s' * (len(lines) != 1)} in {folder}" in result.stderr
    else:
        assert result.exit_code == 0, result.output
    return [line.removeprefix(f"{folder}/") for line in lines]


def loader_error(folder: Path) -> str:
    """The one line the loader gives, reading every file as the commands do."""
    with pytest.raises(DataError) as caught:
        catalog = load_catalog.__wrapped__(folder)
        for part in ("questionnaire", "career", "routes", "titles"):
            getattr(catalog, part)
    return str(caught.value).removeprefix(f"{folder}/")


def test_four_cross_reference_errors_are_four_problems(run: Run, data_copy: Path) -> None:
    """One in each file that names another: a role, a need, a route, a role's name."""
    roles = read(data_copy / "roles.json")["roles"]
    needs = read(data_copy / "routes.json")["routes"][0]["needs"]
    taken, owner = roles[0]["aliases"][0], roles[0]["id"]

    def unknown_role(data: Any) -> None:
        data["questions"][1]["options"][0]["effects"][0]["role"] = "plumber"

    edit_json(data_copy / "questions.json", unknown_role)
    edit_json(data_copy / "routes.json", lambda d: d["routes"][0]["needs"].append("flying"))
    edit_json(data_copy / "titles.json", lambda d: d["titles"][0].update(routes=["nowhere"]))
    edit_json(data_copy / "roles.json", lambda d: d["roles"][-1]["aliases"].append(taken))

    expected = [
        f"roles.json: roles[{len(roles) - 1}].aliases[{len(roles[-1]['aliases'])}]: "
        f"{taken!r} is already used by role {owner!r}",
        "questions.json: questions[1].options[0].effects[0].role: unknown role 'plumber'",
        f"routes.json: routes[0].needs[{len(needs)}]: unknown need 'flying' (see questions.json)",
        "titles.json: titles[0].routes[0]: unknown route 'nowhere'",
    ]
    assert problems_of(run, data_copy) == expected
    # The loader stops at the first file, with the same words as data check.
    assert loader_error(data_copy) == expected[0]


def test_every_problem_of_one_file_at_once_and_the_loader_says_how_many(
    run: Run, data_copy: Path
) -> None:
    roles = read(data_copy / "roles.json")["roles"]
    disputed = read(data_copy / "roles.json")["disagreements"][0]["roles"]

    def four(data: Any) -> None:
        data["roles"][0]["aliases"].append("---")
        data["roles"][1]["aliases"].append("a\\")
        data["roles"][2]["aliases"].append(roles[0]["name"])
        data["disagreements"][0]["roles"].append("plumber")

    edit_json(data_copy / "roles.json", four)
    found = problems_of(run, data_copy)
    assert [line.split(": ")[1] for line in found] == [
        f"roles[0].aliases[{len(roles[0]['aliases'])}]",
        f"roles[1].aliases[{len(roles[1]['aliases'])}]",
        f"roles[2].aliases[{len(roles[2]['aliases'])}]",
        f"disagreements[0].roles[{len(disputed)}]",
    ]
    assert loader_error(data_copy) == (
        f"{found[0]} (and 3 more; advisor data check {data_copy} lists every problem)"
    )


def test_one_trailing_comma_is_one_problem(run: Run, data_copy: Path) -> None:
    """New-user review §9: a comma after the last field of a new source gave 443
    problems, one for every citation, with the real one scrolled away."""
    path = data_copy / "sources.json"
    text = path.read_text(encoding="utf-8")
    new = '{"id": "riverside", "title": "Riverside General", "reference": "intranet",},'
    path.write_text(text.replace('"sources": [', f'"sources": [\n{new}', 1), encoding="utf-8")
    column = len(new) - 1
    assert problems_of(run, data_copy) == [
        f"sources.json: not valid JSON at line 3, column {column}: expecting property name "
        "enclosed in double quotes (is there a comma after the last item?)"
    ]
    result = run("data", "check", str(data_copy))
    assert "note:" not in result.stderr  # nor notes about citations it could not check


def test_a_file_that_cannot_be_read_skips_only_the_checks_that_need_it(
    run: Run, data_copy: Path
) -> None:
    (data_copy / "questions.json").write_text("{", encoding="utf-8")
    edit_json(data_copy / "titles.json", lambda d: d["titles"][0].update(routes=["nowhere"]))
    found = problems_of(run, data_copy)
    assert len(found) == 2
    assert found[0].startswith("questions.json: not valid JSON at line 1, column 2")
    assert found[1] == "titles.json: titles[0].routes[0]: unknown route 'nowhere'"


NAMED_FILES = [("roles.json", "roles"), ("titles.json", "titles"), ("routes.json", "routes")]


@pytest.mark.parametrize(("file", "key"), NAMED_FILES)
@pytest.mark.parametrize(
    ("alias", "problem"),
    [
        ("---", "has no letters or digits"),
        (" / ", "has no letters or digits"),
        ("\u200b", "holds an invisible character"),
        ("navi\u200bgator", "holds an invisible character"),
        ("a\\", "holds \\, which a shell may run as code"),
        ("$(touch pwned)", "holds $, which a shell may run as code"),
        ("x`id`", "holds `, which a shell may run as code"),
        (");true>pwned;ws=(x", "holds ; >, which a shell may run as code"),
    ],
)
def test_names_follow_one_rule_in_every_file(
    run: Run, data_copy: Path, file: str, key: str, alias: str, problem: str
) -> None:
    """DEF-48: titles and routes had weaker name checks than roles (`show -` opened a
    title); DEF-40: names Tab completion hands to a shell could run code in zsh."""
    count = len(read(data_copy / file)[key][1].get("aliases", []))
    edit_json(data_copy / file, lambda d: d[key][1].setdefault("aliases", []).append(alias))
    (line,) = problems_of(run, data_copy)
    assert line.startswith(f"{file}: {key}[1].aliases[{count}]: ")
    assert problem in line
    result = run("--data", str(data_copy), "show", "-")
    assert result.exit_code == 1 and "aliases" in result.stderr


@pytest.mark.parametrize(
    ("file", "key"), [*NAMED_FILES, ("sources.json", "sources"), ("questions.json", "questions")]
)
def test_an_entry_given_twice_is_an_error(run: Run, data_copy: Path, file: str, key: str) -> None:
    """N29: a route or title repeated under one id was accepted, and `routes` listed
    15 routes with 14 ids."""
    count = len(read(data_copy / file)[key])
    edit_json(data_copy / file, lambda d: d[key].append(d[key][0]))
    found = problems_of(run, data_copy)
    assert found and found[0].startswith(f"{file}: {key}[{count}].id: duplicate ")
    assert loader_error(data_copy).startswith(found[0])


def test_the_bundled_data_passes_every_check() -> None:
    """The loader skips the cross-checks for the bundled data, to keep start-up
    small; this is where they run on it."""
    assert check_folder(bundled_directory())[0] == []
    catalog = load_catalog()
    for item in [*catalog.roles, *catalog.titles.titles, *catalog.routes.routes]:
        for _, name in names_of(item):
            assert completes_safely(name), name


def _multiplied(tmp_path: Path, k: int) -> Path:
    """bench/multiply.py's knowledge base k times the bundled one."""
    script = Path(__file__).resolve().parent.parent / "bench" / "multiply.py"
    spec = importlib.util.spec_from_file_location("multiply", script)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    folder: Path = module.multiply(bundled_directory(), tmp_path / f"k{k}", k)
    return folder


def _calls(work: Callable[[], object]) -> int:
    """How many Python and built-in function calls `work` makes: a count of work
    that, unlike a time, does not depend on how busy the machine is."""
    profile = cProfile.Profile()
    profile.runcall(work)
    return int(pstats.Stats(profile).total_calls)


def _load_everything(folder: Path) -> None:
    catalog = load_catalog.__wrapped__(folder)
    for part in ("questionnaire", "career", "routes", "titles", "lexicon"):
        getattr(catalog, part)


def test_checking_grows_linearly_with_the_knowledge_base(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Performance review §4: `data check` compared every source with every citation
    (15 s at 10 times the data, 130 s at 30). Ten times the data may cost at most
    ten times the work (plus a tenth for noise); a quadratic step would cost 100.
    Loading is counted twice: reading a snapshot, and validating the JSON."""
    small, large = _multiplied(tmp_path, 3), _multiplied(tmp_path, 30)
    assert check_folder(large)[0] == []  # every copy is valid
    for folder in (small, large):
        _load_everything(folder)  # writes its snapshot
        assert load_catalog.__wrapped__(folder).snapshot is not None
    ratio = _calls(lambda: _load_everything(large)) / _calls(lambda: _load_everything(small))
    assert ratio <= 11, ("from a snapshot", ratio)
    monkeypatch.setattr(snapshot, "snapshot_folder", lambda folder: None)
    for work in (check_folder, _load_everything):
        work(small)  # imports and caches first, so that both counts are of the checks alone
        ratio = _calls(lambda w=work: w(large)) / _calls(lambda w=work: w(small))
        assert ratio <= 11, (work.__name__, ratio)
