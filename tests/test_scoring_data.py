"""The scoring keys in questions.json are validated like the rest: conditions, groups
and aliases that do not add up stop the commands that ask, with one clear line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from advisor.errors import DataError
from advisor.knowledge.catalog import load_catalog
from helpers import Run, edit


def question(data: Any, question_id: str) -> Any:
    return next(q for q in data["questions"] if q["id"] == question_id)


def first_effect(data: Any, question_id: str) -> Any:
    return question(data, question_id)["options"][0]["effects"][0]


def bad_condition_question(data: Any) -> None:
    first_effect(data, "timeframe")["when"] = {"weather": ["sunny"]}


def bad_condition_option(data: Any) -> None:
    first_effect(data, "needs")["unless"] = {"setting": ["moon"]}


def condition_on_itself(data: Any) -> None:
    first_effect(data, "side")["when"] = {"side": ["patient"]}


def weights_do_not_add_up(data: Any) -> None:
    data["groups"][0]["weight"] = 0.9


def unknown_group(data: Any) -> None:
    question(data, "payment")["group"] = "wallet"


def alias_repeats_an_option(data: Any) -> None:
    question(data, "setting")["options"][0]["aliases"] = ["hospital"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (bad_condition_question, r"when: 'weather' is not another question"),
        (bad_condition_option, r"unless\.setting: unknown options \['moon'\]"),
        (condition_on_itself, r"when: 'side' is not another question"),
        (weights_do_not_add_up, r"groups: the weights must add up to 1"),
        (unknown_group, r"unknown group 'wallet'"),
        (alias_repeats_an_option, r"an alias repeats an option id or alias"),
    ],
)
def test_bad_scoring_data_is_one_clear_error(data_copy: Path, change: Any, message: str) -> None:
    edit(data_copy / "questions.json", change)
    with pytest.raises(DataError, match=message):
        _ = load_catalog(data_copy).questionnaire


def test_an_older_copy_with_scale_and_no_groups_still_works(data_copy: Path, run: Run) -> None:
    """An organisation's copy from before the groups: one group, `full` worked out."""

    def older(data: Any) -> None:
        data.pop("groups")
        data.pop("score_meaning")
        data.pop("tie")
        data["scale"] = 6
        question(data, "needs").pop("group")

    edit(data_copy / "questions.json", older)
    result = run("--data", str(data_copy), "recommend", "--need", "discharge", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["top"] == "case-manager" and data["score_meaning"]


def test_reversed_roles_and_options_files_give_the_same_json(data_copy: Path, run: Run) -> None:
    """The order of roles (roles.json) and of options and effects (questions.json)
    never decides a result, ties included."""
    flags = [["--need", "placement"], ["--side", "system"], ["--need", "insurance-denial"]]
    before = [run("--data", str(data_copy), "recommend", *f, "--json") for f in flags]

    def reverse_roles(data: Any) -> None:
        data["roles"].reverse()

    def reverse_options(data: Any) -> None:
        for q in data["questions"]:
            q["options"].reverse()
            for option in q["options"]:
                option.get("effects", []).reverse()

    edit(data_copy / "roles.json", reverse_roles)
    edit(data_copy / "questions.json", reverse_options)
    after = [run("--data", str(data_copy), "recommend", *f, "--json") for f in flags]
    for old, new in zip(before, after, strict=True):
        assert old.exit_code == new.exit_code == 0, new.output
        keys = ("top", "runner_up", "tie", "decided_by", "close_call")
        old_data, new_data = json.loads(old.stdout), json.loads(new.stdout)
        assert {k: old_data[k] for k in keys} == {k: new_data[k] for k in keys}
        assert [(s["role"], s["score"]) for s in old_data["ranking"]] == [
            (s["role"], s["score"]) for s in new_data["ranking"]
        ]
