"""One person throughout: once the person said whom the help is for, the result,
--details, the report and the --json labels use that wording, never the other's
("my rights" for a mother's rights, "their care" for one's own)."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from advisor.cli import app
from helpers import flags_for, questionnaire

SOURCES = "Sources (read on"
# What the result says of the person's answers: each reason with "(you said: ...)",
# "You said "..."", and the answers listed back.
SAID = re.compile(r"[^.(]*\(you said: [^)]*\)+|You said \"[^\"]*\"|^- [^\n]*\?[^\n]*$", re.M)
FIRST_PERSON = re.compile(r"\b(me|my|mine|myself)\b", re.IGNORECASE)


def audiences() -> list[str]:
    q = questionnaire()
    audience = q.question(q.audience or "")
    if audience is None:
        pytest.skip("this knowledge base has no audience question")
    worded = {k for question in q.questions for k in question.wording}
    return [o.id for o in audience.options if o.id in worded]


def only_in_other_wording(who: str) -> set[str]:
    """Labels and prompts that the other audiences' wordings use and this one's does not."""
    q = questionnaire()
    mine: set[str] = set()
    others: set[str] = set()
    for question in q.questions:
        if question.id == q.audience:
            continue
        for key in audiences():
            worded = q.worded(question, {q.audience or "": (key,)})
            texts = {worded.prompt, *(o.label for o in worded.options)}
            (mine if key == who else others).update(texts)
    return others - mine


def renders(tmp_path, who: str, question_id: str, option: str) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """Everything shown for these answers, and what of it says the answers back."""
    q = questionnaire()
    # with one need besides, so that every run gives a result to word
    needs = next(x for x in q.questions if x.kind == "multi")
    base = {} if question_id == needs.id else {needs.id: [needs.options[0].id]}
    answers = {q.audience or "": [who], **base, question_id: [option]}
    args = ["recommend", *flags_for(answers), "--no-input"]
    runner = CliRunner()
    out = []
    for extra in ([], ["--details"], ["--share"]):
        result = runner.invoke(app, [*args, *extra], env={"COLUMNS": "200"})
        assert result.exit_code == 0, result.output
        out.append(result.stdout)
    report = tmp_path / f"{who}-{question_id}-{option}.md"
    assert runner.invoke(app, [*args, "--report", str(report)]).exit_code == 0
    out.append(report.read_text(encoding="utf-8"))
    # the sources' own titles ("How do I appeal if my hospital stay ...") are theirs
    out = [text.split(SOURCES)[0] for text in out]
    data = json.loads(runner.invoke(app, [*args, "--json"]).stdout)
    said = [m for text in out for m in SAID.findall(" ".join(text.split()))]
    said += [f"{r['label']} {r['why']}" for s in data["ranking"] for r in s["reasons"]]
    said += [d["prompt"] for d in data["decided_by"]]
    return "\n".join(out), "\n".join(said)


@pytest.mark.parametrize("who", ["me", "someone"])
def test_every_answer_and_reason_is_worded_for_one_person(tmp_path, who: str) -> None:  # type: ignore[no-untyped-def]
    if who not in audiences():
        pytest.skip(f"no wording for {who!r} in this knowledge base")
    q = questionnaire()
    foreign = only_in_other_wording(who)
    for question in q.questions:
        if question.id == q.audience:
            continue
        for option in question.options:
            if option.id == q.unsure:
                continue
            text, said = renders(tmp_path, who, question.id, option.id)
            text = " ".join(text.split())
            for other in foreign:
                assert other not in text, (who, question.id, option.id, other)
            assert said, (question.id, option.id)  # the answers are said back
            if who != "me":
                found = FIRST_PERSON.search(said)
                assert found is None, (question.id, option.id, said)
