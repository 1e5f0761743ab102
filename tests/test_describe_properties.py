"""The reader's promises as properties (hypothesis): a negated cue never sets an
answer; swapping two clauses joined by "but" never flips a negation; every cue in
the data can be reached; and reading stays within a fixed budget of steps, whatever
the cues' shapes and the text (counted, never timed: DEF-41)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from advisor.describe import read
from advisor.describe.matching import MAX_GAP, one_slip_apart
from advisor.describe.reading import reader_for
from advisor.knowledge.catalog import load_catalog
from advisor.knowledge.questions import (
    CUE_MAX_GAPS,
    CUE_MAX_WORDS,
    Option,
    Question,
    Questionnaire,
)

CATALOG = load_catalog()
QUESTIONS = CATALOG.questionnaire
LEXICON = CATALOG.lexicon


def every_cue() -> list[tuple[str, str, str, str]]:
    """(question, option, cue, language) for every cue: on the options and in the lexicon."""
    english = LEXICON.languages[0].id
    found = [
        (q.id, o.id, cue, english) for q in QUESTIONS.questions for o in q.options for cue in o.cues
    ]
    for language in LEXICON.languages:
        for question_id, by_option in language.cues.items():
            for option_id, cues in by_option.items():
                found += [(question_id, option_id, cue, language.id) for cue in cues]
    return found


CUES = every_cue()


def said(cue: str) -> str:
    """The plainest words a cue matches: each place's first word, no word for a gap."""
    words = []
    for place in cue.split():
        if place != "...":
            words.append(place.split("/")[0].rstrip("*"))
    return " ".join(words)


def kept(kind: str, question: str, option: str) -> bool:
    refs = {ref for lang in LEXICON.languages for ref in getattr(lang, kind).keeps}
    return f"{question}/{option}" in refs or f"{question}/*" in refs


def live_from(text: str, start: int, question: str, option: str) -> bool:
    """Is there an answer (question, option) taken from words starting at `start`?"""
    reading = read(text, QUESTIONS)
    return any(
        h.question == question and h.option == option and not h.why and text.find(h.words) == start
        for h in reading.hits
    )


NEGATORS = ("not", "never", "no", "nunca")


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(CUES), st.sampled_from(NEGATORS))
def test_a_negated_cue_never_sets_an_answer(cue: tuple[str, str, str, str], negator: str) -> None:
    question, option, text, _ = cue
    if kept("negated", question, option):  # who the help is for: negation says nothing of it
        return
    first = said(text).split()[0]
    if first in NEGATORS:  # "no no ...": a stutter, not a negation
        return
    pseudo = {tuple(p.split()[:2]) for lang in LEXICON.languages for p in lang.pseudo}
    if (negator, first) in pseudo:  # "no solo" is "not only", no negation
        return
    phrase = f"{negator} {said(text)}"
    pseudo = {p for lang in LEXICON.languages for p in lang.pseudo}
    if any(phrase.startswith(p + " ") for p in pseudo):  # "no solo": "not only", no negation
        return
    reading = read(phrase, QUESTIONS)
    if any(h.question == question and phrase.startswith(h.words) for h in reading.hits):
        return  # the negator is a word of another cue ("no ... housing"): that cue's meaning
    assert not live_from(phrase, len(negator) + 1, question, option), phrase


CLAUSES = (
    "she is not in the hospital",
    "mom has dementia",
    "we dont need help with bills",
    "he lives alone",
    "my insurance denied the claim",
    "she never had surgery",
    "no one drives him to dialysis",
    "dad is in a nursing home",
    "mi mamá no está en el hospital",
    "the bill is not the problem",
)


def negations(text: str) -> set[tuple[str, str, str]]:
    return {(h.question, h.option, h.words) for h in read(text, QUESTIONS).hits if h.negated}


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(CLAUSES), st.sampled_from(CLAUSES))
def test_swapping_clauses_joined_by_but_never_flips_a_negation(first: str, second: str) -> None:
    assert negations(f"{first} but {second}") == negations(f"{second} but {first}")


def test_every_cue_in_the_lexicon_is_reachable() -> None:
    """Each cue, said plainly, gives its answer: none is shadowed by another cue, a
    trigger word inside it, or a word-sense rule."""
    unreachable = [
        (language, question, option, cue)
        for question, option, cue, language in CUES
        if not live_from(said(cue), 0, question, option)
    ]
    assert unreachable == []


def hostile_questionnaire(cues: list[str], options: int = 2) -> Questionnaire:
    base = QUESTIONS.model_dump()
    base["questions"] = [
        {
            "id": "where",
            "flag": "where",
            "kind": "multi",
            "prompt": "Where?",
            "help": "Where.",
            "options": [{"id": "o0", "label": "O0", "cues": cues}]
            + [  # more options, each with a cue of its own that reads as the first one
                {"id": f"o{i}", "label": f"O{i}", "cues": [f"{cues[0]}/x{i}"]}
                for i in range(1, options)
            ]
            + [{"id": base["unsure"], "label": "Not sure"}],
        }
    ]
    base["audience"] = None
    base["groups"] = [{"id": "situation", "weight": 1}]
    return Questionnaire.model_validate(base)


PLACE = st.sampled_from(["a", "b", "a*", "a/b", "ab*/a", "aaaaaaaa", "aaaaaaab*"])


@st.composite
def hostile_cue(draw: Any) -> str:
    words = draw(st.lists(PLACE, min_size=1, max_size=CUE_MAX_WORDS))
    gaps = draw(st.integers(0, min(CUE_MAX_GAPS, len(words) - 1)))
    out = [words[0]]
    for i, word in enumerate(words[1:]):
        out += ["...", word] if i < gaps else [word]
    return " ".join(out)


def budget(words: int, questionnaire: Questionnaire) -> int:
    """The matcher's bound: from each word, each cue costs at most its places times the
    positions its gaps allow; each word is compared once with the typo vocabulary."""
    reader = reader_for(questionnaire, LEXICON)
    per_start = CUE_MAX_WORDS * (1 + CUE_MAX_GAPS * MAX_GAP)
    vocabulary = sum(map(len, reader.matcher.long_words.values()))
    vocabulary += sum(map(len, reader.matcher.long_prefixes.values()))
    return words * (len(reader.matcher.cues) * per_start + vocabulary + 1)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(hostile_cue(), min_size=1, max_size=30, unique=True),
    st.lists(st.sampled_from(["a", "b", "ab", "aaaaaaaa", "aaaaaaac", ","]), max_size=400),
)
def test_reading_stays_within_a_fixed_budget_of_steps(cues: list[str], text: list[str]) -> None:
    questionnaire = hostile_questionnaire(cues)
    reading = read(" ".join(text), questionnaire, LEXICON)
    assert reading.steps <= budget(len(text), questionnaire)


def test_the_reviews_hostile_cases_stay_small() -> None:
    """DEF-41's reproductions: 3 gaps (the most a cue may have) on 'a ' * 1000, and 500
    options whose cues all read `help*` on 2 000 characters of 'help '."""
    gaps = hostile_questionnaire(["a ... " * CUE_MAX_GAPS + "b"])
    text = "a " * 1000
    assert read(text, gaps, LEXICON).steps <= budget(1000, gaps)
    many = hostile_questionnaire(["help*"], options=500)
    reading = read("help " * 400, many, LEXICON)
    assert reading.steps <= budget(400, many)
    assert len(reading.hits) <= 500 * 8  # each option's cue is quoted from 8 places at most


@pytest.mark.parametrize(
    "cue", ["a ... " * (CUE_MAX_GAPS + 1) + "b", " ".join(["word"] * (CUE_MAX_WORDS + 1))]
)
def test_a_cue_beyond_the_readers_limits_is_refused(cue: str) -> None:
    with pytest.raises(ValidationError, match="at most"):
        Option.model_validate({"id": "x", "label": "X", "cues": [cue]})


def test_data_check_names_a_cue_beyond_the_limits(run: Any, data_copy: Any) -> None:
    from conftest import edit_json

    edit_json(
        data_copy / "questions.json",
        lambda d: d["questions"][1]["options"][0]["cues"].append("a ... " * 12 + "b"),
    )
    result = run("data", "check", str(data_copy))
    assert result.exit_code == 1
    assert "at most 3 '...' gaps; this one has 12" in result.stdout
    described = run("--data", str(data_copy), "recommend", "--describe", "a " * 60, "--no-input")
    assert described.exit_code == 1 and "Traceback" not in described.output


def test_a_dotted_capital_i_does_not_shift_the_words_quoted() -> None:
    """DEF-50: "İ".lower() is two characters; the words quoted are the words read."""
    text = "İİİİİİ My dad had hip surgery and needs help with his medications"
    reading = read(text, QUESTIONS)
    quoted = {w for u in reading.understood for w in u.because}
    assert {"My dad", "medications"} <= quoted
    assert all(w in text for w in quoted)
    turkish = read("İsmail, my father, is in the İzmir hospital after a fall", QUESTIONS)
    assert all(
        w in "İsmail, my father, is in the İzmir hospital after a fall"
        for h in turkish.hits
        for w in [h.words]
    )
    assert {h.words for h in turkish.hits} >= {"my father", "in the İzmir hospital"}


def test_question_options_are_models_not_literals() -> None:
    """The property tests read every cue from the data: nothing here names an option."""
    assert Question.model_fields and CUES


WORDS = st.text(alphabet="abcñé", max_size=8)


@given(WORDS, WORDS)
@settings(max_examples=3000, deadline=None)
def test_one_slip_is_an_optimal_string_alignment_distance_of_one(a: str, b: str) -> None:
    """The typo check is rapidfuzz's OSA distance (kept as a test dependency for this)."""
    from rapidfuzz.distance import OSA

    assert one_slip_apart(a, b) is (OSA.distance(a, b) <= 1)
    slipped = [a[:i] + a[i + 1 :] for i in range(len(a))]  # a letter dropped ...
    slipped += [a[:i] + a[i + 1] + a[i] + a[i + 2 :] for i in range(len(a) - 1)]  # ... or swapped
    assert all(one_slip_apart(a, s) and one_slip_apart(s, a) for s in slipped)
