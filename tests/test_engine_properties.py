"""Properties of the scoring engine, checked with hypothesis over the real questionnaire."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.answers import answers_from_mapping, to_mapping
from advisor.knowledge.catalog import load_catalog
from advisor.scoring import recommend, to_score

CATALOG = load_catalog()
Q = CATALOG.questionnaire
ROLE_IDS = [r.id for r in CATALOG.roles]
UNSURE = Q.unsure


def option_ids(question_id: str) -> list[str]:
    question = next(q for q in Q.questions if q.id == question_id)
    return [o.id for o in question.options if o.id != UNSURE]


@st.composite
def answer_sets(draw: st.DrawFn) -> dict[str, tuple[str, ...]]:
    answers: dict[str, tuple[str, ...]] = {}
    for question in Q.questions:
        choice = draw(st.sampled_from(["skip", "unsure", "answer"]))
        if choice == "unsure":
            answers[question.id] = ()
        elif choice == "answer":
            ids = option_ids(question.id)
            if question.kind == "multi":
                picked = draw(st.lists(st.sampled_from(ids), min_size=1, unique=True))
                answers[question.id] = tuple(picked)
            else:
                answers[question.id] = (draw(st.sampled_from(ids)),)
    return answers


@given(answer_sets())
def test_every_answer_set_ranks_all_roles_in_range(answers: dict[str, tuple[str, ...]]) -> None:
    rec = recommend(Q, ROLE_IDS, answers)
    assert sorted(s.role for s in rec.ranking) == sorted(ROLE_IDS)
    assert all(0 <= s.score <= 100 for s in rec.ranking)
    assert [s.score for s in rec.ranking] == sorted((s.score for s in rec.ranking), reverse=True)
    assert set(rec.answered) | set(rec.unanswered) == {q.id for q in Q.questions}
    assert rec.close_call == (rec.ranking[0].score - rec.ranking[1].score <= Q.close_call_margin)
    for s in rec.ranking:
        assert s.points == sum(r.weight for r in s.reasons)
        assert all(r.question in rec.answered for r in s.reasons)


@given(answer_sets())
def test_deterministic(answers: dict[str, tuple[str, ...]]) -> None:
    assert recommend(Q, ROLE_IDS, answers) == recommend(Q, ROLE_IDS, dict(answers))


@given(answer_sets(), st.data())
def test_adding_a_need_tied_to_a_role_never_lowers_it(
    answers: dict[str, tuple[str, ...]], data: st.DataObject
) -> None:
    needs = next(q for q in Q.questions if q.kind == "multi")
    extra = data.draw(st.sampled_from([o for o in needs.options if o.effects]))
    before = recommend(Q, ROLE_IDS, answers)
    current = answers.get(needs.id, ())
    after = recommend(
        Q, ROLE_IDS, {**answers, needs.id: tuple(dict.fromkeys((*current, extra.id)))}
    )
    score_before = {s.role: s.score for s in before.ranking}
    score_after = {s.role: s.score for s in after.ranking}
    for effect in extra.effects:
        if effect.weight > 0:
            assert score_after[effect.role] >= score_before[effect.role]


@given(answer_sets())
def test_answers_survive_a_save_and_reload(answers: dict[str, tuple[str, ...]]) -> None:
    reloaded = answers_from_mapping(Q, to_mapping(Q, answers), "test")
    assert recommend(Q, ROLE_IDS, reloaded) == recommend(Q, ROLE_IDS, answers)


@given(st.integers(-60, 60), st.integers(0, 10))
def test_score_is_monotone_and_bounded(points: int, more: int) -> None:
    assert 0 <= to_score(points, Q.scale) <= to_score(points + more, Q.scale) <= 100


def test_every_role_wins_for_some_answers() -> None:
    winners = set()
    singles = [q for q in Q.questions if q.kind == "single"]
    needs = next(q for q in Q.questions if q.kind == "multi")
    for combo in itertools.product(*[[*option_ids(q.id), None] for q in singles]):
        answers = {q.id: (v,) for q, v in zip(singles, combo, strict=True) if v}
        for need in [None, *option_ids(needs.id)]:
            if need:
                answers[needs.id] = (need,)
            if answers:
                winners.add(recommend(Q, ROLE_IDS, answers).top.role)
    assert winners == set(ROLE_IDS)


def test_every_option_moves_some_role_and_cites_sources() -> None:
    for question in Q.questions:
        for option in question.options:
            if option.id in (UNSURE, "either"):
                continue
            assert option.effects, f"{question.id}={option.id} changes nothing"
            assert all(e.sources for e in option.effects)


@settings(max_examples=50)
@given(answer_sets())
def test_unanswered_questions_contribute_nothing(answers: dict[str, tuple[str, ...]]) -> None:
    rec = recommend(Q, ROLE_IDS, answers)
    for s in rec.ranking:
        assert not any(r.question in rec.unanswered for r in s.reasons)
