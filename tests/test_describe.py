"""`--describe`: the reader on the description set (tests/descriptions.json), its
rules one by one, and the cue language's validation."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from advisor.describe import fill, one_slip, read, tokens
from advisor.knowledge.catalog import load_catalog
from advisor.knowledge.questions import Question, Questionnaire
from advisor.scoring import recommend

SET = json.loads((Path(__file__).parent / "descriptions.json").read_text(encoding="utf-8"))
DESCRIPTIONS: list[dict[str, Any]] = SET["descriptions"]


def questionnaire() -> Questionnaire:
    return load_catalog().questionnaire


def as_options(q: Questionnaire, question_id: str, values: object) -> list[str]:
    """A description's expected answer(s) for one question of this questionnaire
    (none for a question it does not have, like ux's who-is-it-for before it lands)."""
    if q.question(question_id) is None:
        return []
    return [values] if isinstance(values, str) else list(values or [])  # type: ignore[call-overload]


class Tally:
    """Filled answers right or wrong, and expected answers found or missed, per question."""

    def __init__(self) -> None:
        self.right: Counter[str] = Counter()
        self.wrong: Counter[str] = Counter()
        self.found: Counter[str] = Counter()
        self.missed: Counter[str] = Counter()
        self.wrong_items: list[str] = []
        self.negated_items: list[str] = []

    def add(self, q: Questionnaire, item: dict[str, Any]) -> None:
        got = read(item["text"], q).answers()
        for question in q.questions:
            want = as_options(q, question.id, item["answers"].get(question.id))
            fine = want + as_options(q, question.id, item.get("also_ok", {}).get(question.id))
            never = as_options(q, question.id, item.get("never", {}).get(question.id))
            for answer in got.get(question.id, ()):
                if answer in fine:
                    self.right[question.id] += 1
                else:
                    self.wrong[question.id] += 1
                    self.wrong_items.append(f"{item['id']}: {question.id}={answer}")
                if answer in never:
                    self.negated_items.append(f"{item['id']}: {question.id}={answer}")
            for answer in want:
                if answer in got.get(question.id, ()):
                    self.found[question.id] += 1
                else:
                    self.missed[question.id] += 1

    def precision(self) -> float:
        filled = sum(self.right.values()) + sum(self.wrong.values())
        return sum(self.right.values()) / filled if filled else 1.0

    def table(self, q: Questionnaire) -> str:
        lines = [f"{'question':10} {'precision':>16} {'recall':>16}"]
        for question in q.questions:
            r, w = self.right[question.id], self.wrong[question.id]
            f, m = self.found[question.id], self.missed[question.id]
            if r + w + f + m == 0:
                continue
            p = f"{r}/{r + w} {r / max(1, r + w):.0%}"
            c = f"{f}/{f + m} {f / max(1, f + m):.0%}"
            lines.append(f"{question.id:10} {p:>16} {c:>16}")
        right, found = sum(self.right.values()), sum(self.found.values())
        filled, wanted = right + sum(self.wrong.values()), found + sum(self.missed.values())
        lines.append(
            f"{'all':10} {f'{right}/{filled} {right / filled:.0%}':>16} "
            f"{f'{found}/{wanted} {found / wanted:.0%}':>16}"
        )
        return "\n".join(lines)


def test_the_set_is_well_formed() -> None:
    q = questionnaire()
    ids = [d["id"] for d in DESCRIPTIONS]
    assert len(ids) == len(set(ids)) and len(ids) >= 60
    known = {x.id: {o.id for o in x.options} for x in q.questions}
    known.setdefault("for-whom", {"me", "someone"})
    roles = {r.id for r in load_catalog().roles}
    for item in DESCRIPTIONS:
        assert item["set"] in ("dev", "blind-1", "blind-2", "blind-3")
        for key in ("answers", "also_ok", "never"):
            for question_id, values in item.get(key, {}).items():
                values = [values] if isinstance(values, str) else values
                assert set(values) <= known[question_id], (item["id"], question_id, values)
        assert item.get("role", "patient-advocate") in roles


def test_the_description_set(capsys: pytest.CaptureFixture[str]) -> None:
    """At least 90% of the answers it fills are right, and none comes from a negated phrase."""
    q = questionnaire()
    tally = Tally()
    for item in DESCRIPTIONS:
        tally.add(q, item)
    with capsys.disabled():
        print(f"\n--describe on {len(DESCRIPTIONS)} descriptions (tests/descriptions.json):")
        print(tally.table(q))
        if tally.wrong_items:
            print("filled wrongly: " + "; ".join(tally.wrong_items))
    assert tally.negated_items == []
    assert tally.precision() >= 0.9


def test_the_recommendation_from_a_description_alone(capsys: pytest.CaptureFixture[str]) -> None:
    """The role recommended from the description alone matches a careful reader's."""
    catalog = load_catalog()
    q = catalog.questionnaire
    judged = [d for d in DESCRIPTIONS if "role" in d]
    misses = []
    for item in judged:
        answers = read(item["text"], q).answers()
        top = recommend(q, [r.id for r in catalog.roles], answers).top.role if answers else None
        if top != item["role"]:
            misses.append(f"{item['id']} ({top} for {item['role']})")
    agreed = len(judged) - len(misses)
    with capsys.disabled():
        print(f"\nrole from the description alone: {agreed}/{len(judged)} as a careful reader")
    assert agreed / len(judged) >= 0.8, misses


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
    assert one_slip("hospital", "hosptial") and one_slip("alzheimers", "alzhiemers")
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
