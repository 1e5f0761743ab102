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
    ongoing = load_catalog().questionnaire.question("timeframe").label("ongoing")  # type: ignore[union-attr]
    assert f'{ongoing} (from: "dementia")' in head
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
        {"question": "for-whom", "answer": "me", "because": "My insurance; my doctor; I want"},
        {"question": "needs", "answer": "insurance-denial", "because": "denied; appeal"},
    ]
    assert data["top"] == "patient-advocate"


def test_a_description_with_nothing_to_go_on_is_not_enough_to_go_on(run: Run) -> None:
    """Nothing understood is not a usage error: exit 0, what would help, and in --json
    one object with `understood: []`."""
    text = "Who is who? Titles confuse everyone."
    result = run("recommend", "--describe", text, "--no-input")
    assert result.exit_code == 0, result.output
    assert "not enough to go on" in result.stdout
    assert "could not take an answer from your words" in " ".join(result.stdout.split())
    assert "Every answer was" not in result.stdout
    shown = run("recommend", "--describe", text, "--no-input", "--json")
    assert shown.exit_code == 0
    data = json.loads(shown.stdout)
    assert data["understood"] == [] and data["undecided"] is True
    assert data["not_understood"] and data["guidance"]
    assert "Traceback" not in result.output + shown.output


def test_words_in_another_language_get_a_clear_line(run: Run) -> None:
    result = run("recommend", "--describe", "Ma mère est à l'hôpital depuis lundi", "--json")
    data = json.loads(result.stdout)
    assert result.exit_code == 0 and data["understood"] == [] and data["language"] is None
    assert "English and Spanish" in data["guidance"]


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


def reading(run: Run, text: str) -> dict[str, object]:
    result = run("recommend", "--describe", text, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


def taken(data: dict[str, object]) -> set[tuple[str, str]]:
    return {(u["question"], u["answer"]) for u in data["understood"]}  # type: ignore[attr-defined, index]


def aside(data: dict[str, object]) -> dict[tuple[str, str], str]:
    return {(a["question"], a["answer"]): a["why"] for a in data["set_aside"]}  # type: ignore[attr-defined, index]


def test_negation_and_contrast_through_the_command(run: Run) -> None:
    money = reading(run, "It isn't the money, it's that they won't let him come home.")
    assert ("needs", "discharge") in taken(money)
    nobody = reading(run, "Nobody here is in hospital. Mom has Parkinson's and lives with us.")
    assert ("setting", "hospital") not in taken(nobody)
    assert aside(nobody)[("setting", "hospital")] == "negated"
    assert ("setting", "home") in taken(nobody)


def test_word_sense_through_the_command(run: Run) -> None:
    denial = reading(run, "My brother is in denial about how sick Mum is. She has heart failure.")
    assert ("needs", "insurance-denial") not in taken(denial)
    assert aside(denial)[("needs", "insurance-denial")].startswith("another sense")
    network = reading(run, "I had surgery last month at an in-network hospital and got a bill.")
    assert ("setting", "hospital") not in taken(network)
    assert ("needs", "medical-bills") in taken(network)


def test_whose_situation_through_the_command(run: Run) -> None:
    text = (
        "My sister is in the hospital having a baby, so I'm asking for our father, "
        "who lives alone and has COPD."
    )
    data = reading(run, text)
    assert ("setting", "home") in taken(data) and ("setting", "hospital") not in taken(data)
    assert aside(data)[("setting", "hospital")] == "about someone else"
    assert ("timeframe", "ongoing") in taken(data)


def test_time_through_the_command(run: Run) -> None:
    data = reading(run, "She fell last year, that healed. Now it is her dementia; she lives alone.")
    assert ("timeframe", "episodic") not in taken(data)
    assert aside(data)[("timeframe", "episodic")] == "past"
    assert ("timeframe", "ongoing") in taken(data)
    trip = reading(
        run, "We need a plan for Dad's diabetes so it doesn't end with a trip to the ER."
    )
    assert ("needs", "travel") not in taken(trip) and ("needs", "long-term-plan") in taken(trip)


def test_typos_and_texting_through_the_command(run: Run) -> None:
    data = reading(run, "mom in hosp, dischrg fri, moms insurence says no rehab")
    assert {("for-whom", "someone"), ("setting", "hospital"), ("needs", "discharge")} <= taken(data)


def test_spanish_through_the_command(run: Run) -> None:
    data = reading(run, "Mi papá está en el hospital y el seguro no cubre la factura.")
    assert data["language"] == "es"
    assert {("for-whom", "someone"), ("setting", "hospital")} <= taken(data)
    assert {("needs", "insurance-denial"), ("needs", "medical-bills")} <= taken(data)
    shown = run("recommend", "--describe", "Mi mamá tiene demencia y vive sola.", "--no-input")
    assert shown.exit_code == 0
    assert "Read in Spanish." in shown.stdout
    negated = reading(run, "Mi mamá ya no está en el hospital, está en casa.")
    assert ("setting", "home") in taken(negated) and ("setting", "hospital") not in taken(negated)


def test_spanglish_is_read_in_both_languages(run: Run) -> None:
    data = reading(run, "Mi papá vive solo and he has dementia, I live in another state.")
    assert data["languages"] == ["en", "es"]
    assert {("setting", "home"), ("timeframe", "ongoing"), ("needs", "family-updates")} <= taken(
        data
    )


def test_any_text_up_to_the_limit_exits_zero_with_one_json_object(run: Run) -> None:
    for text in ("?", "a " * 999, "İ" * 2000, "\u202e hello", "日本語の文です", "no no no"):
        result = run("recommend", "--describe", text, "--json")
        assert result.exit_code == 0, (text[:20], result.output)
        assert isinstance(json.loads(result.stdout), dict)


def test_the_questionnaire_reads_spanish_and_says_so() -> None:
    child = spawn("recommend")
    child.expect("In a sentence or two, what is going on")
    child.send("Mi mamá tiene demencia y vive sola." + ENTER)
    child.expect("Read in Spanish.")
    child.expect('from "demencia"')
    child.expect("Keep these answers")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130


def test_the_questionnaire_says_which_languages_it_reads() -> None:
    child = spawn("recommend")
    child.expect("In a sentence or two, what is going on")
    child.send("Ma mère est à l'hôpital depuis lundi" + ENTER)
    child.expect("English and Spanish")
    child.expect("questions follow")
    child.expect("Who is the help for")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
