"""The reading of a person's words is theirs to correct: one understood answer
can be dropped or changed on its own, the review follows any reading, and "What
I understood" shows the final answers, marked where the person changed them."""

from __future__ import annotations

import io

from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output.plain_text import PlainTextOutput

from advisor.describe import fill, read
from advisor.views.recommend import understood_section
from advisor.wizard import ask, ask_description
from helpers import DOWN, ENTER, close_on_timeout, keys_for, questionnaire

WORDS = "Dad has dementia and lives alone at home. He needs help with his medications."


def _read_questions() -> list[str]:
    q = questionnaire()
    return list(dict.fromkeys(u.question for u in read(WORDS, q).understood))


def test_one_understood_answer_is_dropped_without_answering_the_rest_again() -> None:
    q = questionnaire()
    read_ids = _read_questions()
    assert len(read_ids) >= 2, read_ids  # the data reads more than one answer here
    dropped = read_ids[0]
    out = io.StringIO()
    with create_pipe_input() as pipe:
        close_on_timeout(pipe)
        # change or drop one ("c"), the first read answer, drop it, then keep the rest
        pipe.send_text(WORDS + ENTER + "c" + ENTER + DOWN + ENTER + DOWN + ENTER + ENTER)
        options = {"input": pipe, "output": PlainTextOutput(out)}
        answers, described = ask_description(q, {}, **options)
        assert described is not None
        assert dropped not in answers
        assert all(qid in answers for qid in read_ids[1:])  # kept, not asked again
        pending = [x for x in q.questions if x.id not in answers]
        assert dropped in [x.id for x in pending]
        keys = "".join(keys_for(q, x, [x.options[0].id]) for x in pending)
        pipe.send_text(keys + ENTER)  # each open question, then "Show my result"
        final = ask(q, answers, always_review=True, **options)
    shown = " ".join(out.getvalue().split())
    assert shown.count("(1/") == 1 and f"(1/{len(pending)})" in shown  # only those asked
    assert set(final) == {x.id for x in q.questions}


def test_changing_an_understood_answer_in_the_review_changes_what_i_understood() -> None:
    q = questionnaire()
    filled, described = fill(q, {}, read(WORDS, q))
    setting = q.steering("setting")
    assert setting is not None and setting.id in filled
    other = next(o.id for o in setting.options if o.id not in filled[setting.id])
    before = understood_section(q, described, filled)
    changed = {**filled, setting.id: (other,)}
    after = understood_section(q, described, changed)
    text = str(after.blocks)
    assert "you changed this" in text and "you changed this" not in str(before.blocks)
    worded = q.worded(setting, changed)
    assert worded.label(other) in text


def test_the_review_follows_a_reading_that_answered_everything() -> None:
    """With every question answered by flags and words, the person still sees the
    review (and its "Show my result") before the result."""
    q = questionnaire()
    filled, _ = fill(q, {x.id: (x.options[0].id,) for x in q.questions[1:]}, read(WORDS, q))
    out = io.StringIO()
    with create_pipe_input() as pipe:
        close_on_timeout(pipe)
        pipe.send_text(ENTER)
        ask(q, filled, always_review=True, input=pipe, output=PlainTextOutput(out))
    assert "Show my result" in out.getvalue()


def test_y_and_n_move_to_keep_and_drop_and_enter_chooses() -> None:
    """`n` at "Keep these answers?" then Enter drops the reading; `y` then Enter
    keeps it (the keys move to the choice, and its hint says to press Enter)."""
    q = questionnaire()
    for key, kept in (("n", False), ("y", True)):
        out = io.StringIO()
        with create_pipe_input() as pipe:
            close_on_timeout(pipe)
            pipe.send_text(WORDS + ENTER + "c" + key + ENTER)  # "c" first: the key must move back
            answers, described = ask_description(q, {}, input=pipe, output=PlainTextOutput(out))
        assert (described is not None) is kept, key
        assert bool(answers) is kept, key
