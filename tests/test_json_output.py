"""One JSON vocabulary, described by a JSON Schema generated from pydantic models:
every command's real --json output validates against its model (unknown keys
forbidden, every key required), so the schema cannot drift from the output."""

from __future__ import annotations

import json
from typing import Any

import pytest

from advisor.render.json_shapes import OUTPUTS, output_schema, validate_output
from helpers import Run

RUNS: list[tuple[str, list[str]]] = [
    ("roles", ["roles"]),
    ("show", ["show", "advocate"]),
    ("show", ["show", "care-manager"]),
    ("compare", ["compare", "--all"]),
    ("compare", ["compare", "advocate", "case-manager", "--aspect", "codes,salary"]),
    ("recommend", ["recommend", "--timeframe", "ongoing"]),
    ("recommend", ["recommend", "--side", "patient", "--need", "insurance-denial,rights"]),
    (
        "recommend",
        [
            "recommend",
            "--timeframe",
            "episodic",
            "--setting",
            "home",
            "--payment",
            "covered",
            "--need",
            "discharge,home-visits",
        ],
    ),
    ("career", ["career", "--licence", "nurse"]),
    ("career", ["career", "--work-for", "patients", "--travel", "yes", "--pay", "a-lot"]),
    ("map", ["map"]),
    ("map", ["map", "--side", "patient", "--timeframe", "ongoing"]),
    ("routes", ["routes"]),
    ("routes", ["routes", "--need", "insurance-denial"]),
    ("show", ["show", "patient-navigator"]),
    ("recommend", ["recommend", "--payment", "covered", "--need", "discharge"]),
    ("recommend", ["recommend", "--describe", "My dad is in hospital and will be discharged soon"]),
]


@pytest.mark.parametrize(("command", "args"), RUNS)
def test_every_json_output_matches_its_model(run: Run, command: str, args: list[str]) -> None:
    result = run(*args, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    validate_output(command, data)


def role_objects(node: Any) -> list[dict[str, Any]]:
    """Objects that stand for a role: those carrying a role's name beside a role id."""
    found = []
    if isinstance(node, dict):
        if "name" in node and ("role" in node or "id" in node) and "aliases" not in node:
            found.append(node)
        for value in node.values():
            found += role_objects(value)
    elif isinstance(node, list):
        for item in node:
            found += role_objects(item)
    return found


@pytest.mark.parametrize(("command", "args"), RUNS)
def test_one_vocabulary(run: Run, command: str, args: list[str]) -> None:
    data = json.loads(run(*args, "--json").stdout)
    for obj in role_objects(data):
        assert "id" in obj, (command, obj)  # every role object has its id under `id`
        if "role" in obj:
            assert obj["role"] == obj["id"]

    def keys(node: Any, in_map: bool = False) -> list[str]:
        out: list[str] = []
        if isinstance(node, dict):
            for key, value in node.items():
                # maps keyed by ids (answers, values, careers, favours, evidence, and a
                # route's condition by route id and by answer to whom it is for)
                by_id = key in {
                    "answers", "values", "careers", "favours", "evidence",
                    "route_conditions", "worded",
                }  # fmt: skip
                if not in_map:
                    out.append(key)
                out += keys(value, in_map=by_id)
        elif isinstance(node, list):
            for item in node:
                out += keys(item)
        return out

    for key in keys(data):
        assert key == key.lower() and "-" not in key, (command, key)  # snake_case


@pytest.mark.parametrize("command", list(OUTPUTS))
def test_schema_command_prints_the_generated_schema(run: Run, command: str) -> None:
    result = run("schema", command)
    assert result.exit_code == 0, result.output
    schema = json.loads(result.stdout)
    assert schema == json.loads(json.dumps(output_schema(command)))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"] == f"advisor {command} --json"
    text = json.dumps(schema)
    assert '"additionalProperties": false' in text
    assert '"disclaimer"' in text and '"version"' in text


def test_schema_of_an_unknown_command(run: Run) -> None:
    result = run("schema", "recomend")
    assert result.exit_code == 2
    assert "Did you mean recommend?" in result.stderr


def test_the_models_reject_an_unknown_key(run: Run) -> None:
    from pydantic import ValidationError

    data = json.loads(run("roles", "--json").stdout)
    data["surprise"] = 1
    with pytest.raises(ValidationError):
        validate_output("roles", data)
    show = json.loads(run("show", "advocate", "--json").stdout)
    del show["sources"]
    with pytest.raises(ValidationError):  # every key is required
        validate_output("show", show)
