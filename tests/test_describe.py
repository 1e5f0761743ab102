"""`--describe`: the reader on the description set (tests/descriptions.json), its
rules one by one, and the cue language's validation."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from advisor.describe import fill, read, tokens
from advisor.knowledge.catalog import load_catalog
from advisor.knowledge.questions import Question, Questionnaire

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from describe_corpus import Tally, descriptions, table, tally

DESCRIPTIONS: list[dict[str, Any]] = descriptions()


def questionnaire() -> Questionnaire:
    return load_catalog().questionnaire


def test_the_set_is_well_formed() -> None:
    q = questionnaire()
    ids = [d["id"] for d in DESCRIPTIONS]
    assert len(ids) == len(set(ids)) and len(ids) >= 250
    known = {x.id: {o.id for o in x.options} for x in q.questions}
    roles = {r.id for r in load_catalog().roles}
    for item in DESCRIPTIONS:
        assert item["set"] in ("dev", "blind-1", "blind-2", "blind-3", "round-4", "round-5")
        for key in ("answers", "also_ok", "never"):
            for question_id, values in item.get(key, {}).items():
                values = [values] if isinstance(values, str) else values
                assert set(values) <= known[question_id], (item["id"], question_id, values)
        assert {item.get("role", "patient-advocate"), *item.get("also_role", [])} <= roles
    held = [d for d in DESCRIPTIONS if d.get("held_out")]
    assert len(held) == round(len(DESCRIPTIONS) / 5)
    assert all(d["set"] == "round-5" for d in held)  # never seen by any tuning


def _figures(chosen: list[dict[str, Any]], name: str) -> Tally:
    found = tally(chosen)
    print(f"\n{table(name, found)}")
    return found


def held_out() -> Tally:
    return tally([d for d in DESCRIPTIONS if d.get("held_out")])


def test_the_held_out_fifth_meets_the_thresholds(capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 23's bar, on descriptions the reader was never tuned on: role agreement
    >= 90%, recall >= 85%, nothing from a negated, past or someone else's phrase.
    Precision is held here at its measured floor; the issue's 97% is the next test."""
    with capsys.disabled():
        held = _figures([d for d in DESCRIPTIONS if d.get("held_out")], "held-out fifth")
    # numbers only: an assertion that names the held-out misses would invite tuning on them
    taken_against_context = len(held.never_items)
    precision, recall, roles = held.precision(), held.recall(), held.role_agreement()
    assert taken_against_context == 0
    assert recall >= 0.85
    assert roles >= 0.90
    assert precision >= 0.96


def test_the_held_out_precision_reaches_97_percent() -> None:
    precision = held_out().precision()
    assert precision >= 0.97


def test_the_tuning_set_keeps_its_figures(capsys: pytest.CaptureFixture[str]) -> None:
    with capsys.disabled():
        tuned = _figures([d for d in DESCRIPTIONS if not d.get("held_out")], "tuning set")
    assert tuned.never_items == []
    assert tuned.precision() >= 0.97, tuned.wrong_items
    assert tuned.recall() >= 0.85, tuned.missed_items
    assert tuned.role_agreement() >= 0.85, tuned.role_misses


def answers_of(text: str) -> dict[str, tuple[str, ...]]:
    return read(text, questionnaire()).answers()


@pytest.mark.parametrize(
    ("text", "question", "not_this"),
    [
        ("She is not in the hospital anymore.", "setting", "hospital"),
        ("Mom doesn't need help with bills.", "needs", "medical-bills"),
        ("Billing is not the problem, he needs rides.", "needs", "medical-bills"),
        ("We are not looking for a nursing home.", "needs", "placement"),
        ("This isn't a long-term thing.", "timeframe", "ongoing"),
        ("He no longer needs his medications.", "needs", "medications"),
        ("I don't want to pay privately.", "payment", "private"),
    ],
)
def test_a_negated_phrase_gives_nothing(text: str, question: str, not_this: str) -> None:
    assert not_this not in answers_of(text).get(question, ())


def test_a_negator_inside_a_cue_is_the_cue_meaning() -> None:
    assert answers_of("I'm retired and can't afford to pay anyone.")["payment"] == ("covered",)
    assert "insurance-approval" in answers_of("My insurance won't approve the scan.")["needs"]


def test_a_negation_stops_at_the_clause() -> None:
    needs = answers_of("I don't drive, but my medical bills are wrong.")["needs"]
    assert "medical-bills" in needs


def test_mixed_cues_answer_nothing_unless_one_covers_the_others() -> None:
    q = questionnaire()
    mixed = read("Dad has dementia and he is in the hospital after surgery.", q)
    assert "timeframe" not in mixed.answers() and "timeframe" in mixed.mixed
    going_home = read("She is in the hospital and will come home on Monday.", q)
    assert going_home.answers()["setting"] == ("both",)


def test_typos_are_forgiven_in_long_words_only() -> None:
    assert "insurance-denial" in answers_of("the insurence company denyed it")["needs"]
    assert "medications" in answers_of("help with her medicatons")["needs"]
    assert "hospital" in answers_of("Dad is in the hosptial")["setting"]
    assert "ongoing" in answers_of("Mom has alzhiemers")["timeframe"]
    assert "insurance-denial" not in answers_of("a dental bill").get("needs", ())


def test_nothing_to_go_on_gives_nothing() -> None:
    assert answers_of("") == {}
    assert answers_of("What is the difference between these jobs?") == {}
    assert read("!!! ... ???", questionnaire()).understood == ()


def test_the_words_behind_each_answer_are_the_person_s_own() -> None:
    text = "Mom FELL and she's in the Hospital."
    for understood in read(text, questionnaire()).understood:
        assert understood.because and all(words in text for words in understood.because)


def test_fill_never_overrides_what_was_given() -> None:
    reading = read("Dad has dementia, lives alone, I'm 300 miles away.", questionnaire())
    given = {"timeframe": ("episodic",), "payment": ()}
    filled, described = fill(questionnaire(), given, reading)
    assert filled["timeframe"] == ("episodic",) and filled["payment"] == ()
    assert filled["setting"] == ("home",)
    assert {u.question for u in described.used} == {"for-whom", "setting", "needs"}
    assert described.still_open == ("side",)


def test_the_same_text_always_reads_the_same() -> None:
    text = DESCRIPTIONS[0]["text"]
    assert read(text, questionnaire()) == read(text, questionnaire())


def test_words_keep_their_place_in_the_text() -> None:
    words = tokens("Don't worry - it's O.K.")
    assert [w.word for w in words] == ["dont", "worry", "its", "o", "k"]
    assert words[0].clause < words[1].clause or words[1].clause < words[2].clause


def question_with(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "where",
        "flag": "where",
        "kind": "single",
        "prompt": "Where?",
        "help": "Where.",
        "options": [{"id": "home", "label": "Home"}, {"id": "away", "label": "Away"}],
    }
    return {**base, **changes}


@pytest.mark.parametrize(
    "options",
    [
        [{"id": "home", "label": "Home", "cues": ["At Home"]}, {"id": "away", "label": "Away"}],
        [{"id": "home", "label": "Home", "cues": ["... home"]}, {"id": "away", "label": "Away"}],
        [{"id": "home", "label": "Home", "cues": ["at  home"]}, {"id": "away", "label": "Away"}],
        [{"id": "home", "label": "Home", "cues": ["long-term/x"]}, {"id": "away", "label": "Away"}],
        [
            {"id": "home", "label": "Home", "cues": ["house"]},
            {"id": "away", "label": "Away", "cues": ["house"]},
        ],
        [{"id": "home", "label": "Home", "covers": ["elsewhere"]}, {"id": "away", "label": "Away"}],
        [{"id": "home", "label": "Home", "covers": ["home"]}, {"id": "away", "label": "Away"}],
    ],
)
def test_bad_cues_are_rejected_when_the_data_is_loaded(options: list[dict[str, Any]]) -> None:
    with pytest.raises(ValidationError):
        Question.model_validate(question_with(options=options))


def test_good_cues_are_accepted() -> None:
    cues = ["at home", "lives alone/together", "in ... house", "pre-auth*", "alzheimer's"]
    options = [{"id": "home", "label": "Home", "cues": cues, "covers": ["away"]}]
    options.append({"id": "away", "label": "Away"})
    question = Question.model_validate(question_with(options=options))
    assert question.options[0].cues == cues


def test_a_bad_cue_in_a_knowledge_base_copy_is_a_data_error(run: Any, data_copy: Path) -> None:
    from conftest import edit_json

    edit_json(
        data_copy / "questions.json",
        lambda d: d["questions"][0]["options"][0].__setitem__("cues", ["Bad Cue"]),
    )
    result = run("--data", str(data_copy), "recommend", "--timeframe", "ongoing", "--no-input")
    assert result.exit_code == 1
    assert "cues" in result.output


PHRASES = (
    "mom dad is not in the hospital at home rehab never bills doesn't need help denied "  # noqa: SIM905
    "can't afford lives alone dementia surgery , . but and insurence meds no longer".split()
)
WORDS = st.sampled_from(PHRASES)


@settings(max_examples=150, deadline=None)
@given(st.lists(WORDS, max_size=30).map(" ".join) | st.text(max_size=200))
def test_any_text_reads_without_error_and_only_from_its_own_words(text: str) -> None:
    q = questionnaire()
    reading = read(text, q)
    assert reading == read(text, q)
    live = {(h.question, h.option) for h in reading.hits if not h.negated}
    for understood in reading.understood:
        assert (understood.question, understood.answer) in live
        assert all(words in text for words in understood.because)
    for question in q.questions:
        if question.kind == "single":
            assert len(reading.answers().get(question.id, ())) <= 1


def test_what_the_questionnaire_asked_next_is_not_listed_as_unanswered() -> None:
    """In the questionnaire the description comes first and the rest is asked after
    it: the result must not then say those questions were left unanswered."""
    from advisor.document import Document
    from advisor.render.markdown import to_markdown
    from advisor.views.recommend import understood_section

    q = load_catalog().questionnaire
    filled, described = fill(q, {}, read("My dad is in the hospital after a fall.", q))
    assert "side" in described.still_open
    before = to_markdown(Document("", (understood_section(q, described, filled),)))
    assert "Whose side" in before.split("Not answered by your words")[1]
    after = to_markdown(
        Document("", (understood_section(q, described, {**filled, "side": ("patient",)}),))
    )
    assert "Whose side" not in after


@pytest.mark.parametrize(
    "text",
    [
        "My MRI claim was denied. We can't afford to pay someone.",
        "We cannot afford to hire a care manager for Dad.",
    ],
)
def test_cannot_afford_to_pay_someone_means_covered(text: str) -> None:
    """The words "pay someone" inside "can't afford to pay someone" must not cancel the
    answer out: the person most needs the free routes."""
    q = load_catalog().questionnaire
    assert read(text, q).answers()["payment"] == ("covered",)


def test_an_answer_is_backed_by_its_own_words_not_those_it_outranks() -> None:
    """Found in a trial: 'Someone I look after (from: "my dad", "I live")' — "I live"
    is a cue for 'me', which 'someone' covers; it is not evidence for 'someone'."""
    q = load_catalog().questionnaire
    reading = read("My father was admitted to the hospital. I live 300 miles away.", q)
    who = next(u for u in reading.understood if u.question == "for-whom")
    assert (who.answer, who.because) == ("someone", ("My father",))
