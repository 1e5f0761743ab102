"""`advisor recommend --describe` through the real command, and the questionnaire's
first free-text step in a real pseudo-terminal."""

from __future__ import annotations

import json

import pexpect

from advisor.knowledge.catalog import load_catalog
from conftest import Run
from helpers import ENTER, spawn

DAD = "Dad has dementia, lives alone, I'm 300 miles away. He doesn't need help with bills."


def test_describe_fills_the_answers_and_shows_what_it_understood(run: Run) -> None:
    result = run("recommend", "--describe", DAD, "--no-input")
    assert result.exit_code == 0, result.output
    head, _, rest = " ".join(result.output.split()).partition("Recommended:")
    assert "What I understood from your words" in head
    assert 'Ongoing (a chronic illness, ageing, a long recovery) (from: "dementia")' in head
    assert 'At home (from: "lives alone")' in head
    assert "Not answered by your words: Whose side should the helper be on?" in head
    assert "Checking or disputing medical bills" not in result.output  # negated
    assert rest.startswith(" Care manager")


def test_describe_json_lists_each_answer_with_its_words(run: Run) -> None:
    result = run("recommend", "--describe", DAD, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {"question": "setting", "answer": "home", "because": "lives alone"} in data["understood"]
    assert {
        "question": "needs",
        "answer": "family-updates",
        "because": "I'm 300 miles away",
    } in data["understood"]
    assert not any(u["answer"] == "medical-bills" for u in data["understood"])
    assert data["not_understood"] == ["side", "payment"]
    assert data["answers"]["timeframe"] == "ongoing"
    assert data["top"] == "care-manager"


def test_flags_and_answer_files_win_over_the_description(run: Run, tmp_path: object) -> None:
    from pathlib import Path

    answers = Path(str(tmp_path)) / "answers.json"
    answers.write_text('{"setting": "nursing-home"}', encoding="utf-8")
    result = run(
        "recommend",
        "--describe",
        DAD,
        "--timeframe",
        "episodic",
        "--answers",
        str(answers),
        "--json",
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["answers"]["timeframe"] == "episodic"
    assert data["answers"]["setting"] == "nursing-home"
    assert {u["question"] for u in data["understood"]} == {"for-whom", "needs"}


def test_describe_reads_stdin_for_a_dash(run: Run) -> None:
    text = "My insurance denied the MRI my doctor ordered and I want to appeal.\n"
    result = run("recommend", "--describe", "-", "--json", input=text)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["understood"] == [
        {"question": "for-whom", "answer": "me", "because": "My insurance; my doctor"},
        {"question": "needs", "answer": "insurance-denial", "because": "denied; appeal"},
    ]
    assert data["top"] == "patient-advocate"


def test_a_description_with_nothing_to_go_on_is_a_usage_error(run: Run) -> None:
    result = run("recommend", "--describe", "Who is who? Titles confuse me.", "--no-input")
    assert result.exit_code == 2
    assert "could not take any answer from your description" in result.stderr
    assert "Traceback" not in result.output


def test_an_empty_or_endless_description_is_a_usage_error(run: Run) -> None:
    empty = run("recommend", "--describe", "-", "--no-input", input="  \n")
    assert empty.exit_code == 2 and "empty" in empty.stderr
    endless = run("recommend", "--describe", "word " * 1000, "--no-input")
    assert endless.exit_code == 2 and "few sentences" in endless.stderr


def test_a_report_carries_what_was_understood(run: Run, tmp_path: object) -> None:
    from pathlib import Path

    report = Path(str(tmp_path)) / "r.md"
    result = run("recommend", "--describe", DAD, "--no-input", "--report", str(report))
    assert result.exit_code == 0, result.output
    text = report.read_text(encoding="utf-8")
    assert "What I understood from your words" in text
    assert "lives alone" in text


def test_describe_is_listed_in_help(run: Run) -> None:
    result = run("recommend", "--help")
    assert result.exit_code == 0
    assert "--describe" in result.output


def test_the_questionnaire_starts_with_a_description_in_a_terminal() -> None:
    child = spawn("recommend")
    child.expect("In a sentence or two, what is going on")
    child.send("Mom fell and is in the hospital. Insurance denied her rehab." + ENTER)
    child.expect("Keep these answers")
    shown = child.before
    # worded for whom the help is for ("they"), one line a question
    assert "How long do you expect they will need help? For one event" in shown
    assert 'from "fell"' in shown and 'from "denied"' in shown
    assert shown.count("need done?") <= 1  # several needs share one line
    assert "Someone I look after" in shown and 'from "Mom"' in shown  # who it is for
    child.send(ENTER)  # keep them: only the three questions left are asked
    child.expect(r"\(1/3\)")
    child.expect("Whose side")
    child.send(ENTER)  # patient
    child.expect("How would the help be paid")
    child.send(ENTER)  # covered
    child.expect("care covered")
    child.send(ENTER)  # Medicare
    child.expect("Show my result")  # the review
    child.send(ENTER)
    child.expect("What I understood from your words")
    child.expect("Recommended: ")
    child.expect("Save a report")
    child.send(ENTER)  # no, thanks
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


QUESTIONS = len(load_catalog().questionnaire.questions)  # the wizard counts them: (1/N)


def test_saying_no_to_what_was_understood_asks_every_question() -> None:
    child = spawn("recommend")
    child.expect("In a sentence or two, what is going on")
    child.send("Dad has dementia and lives alone." + ENTER)
    child.expect("Keep these answers")
    child.send("n" + ENTER)  # the Enter confirms "n"; it must not answer the next question
    child.expect(rf"\(1/{QUESTIONS}\)")
    child.expect("Who is the help for")
    assert child.expect([rf"\(2/{QUESTIONS}\)", pexpect.TIMEOUT], timeout=1.5) == 1
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130


def test_the_description_step_can_be_skipped() -> None:
    child = spawn("recommend")
    child.expect("In a sentence or two, what is going on")
    child.send(ENTER)
    child.expect(rf"\(1/{QUESTIONS}\)")
    child.expect("Who is the help for")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130


def test_the_readme_example_is_what_the_command_prints(run: Run) -> None:
    import shlex
    from pathlib import Path

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("$ advisor recommend --describe ", 1)[1].split("…", 1)[0]
    command, _, shown = block.partition("\n")
    result = run("recommend", "--describe", *shlex.split(command), env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert result.output.startswith(shown.rstrip("\n") + "\n")
