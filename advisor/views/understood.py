"""What was understood from a person's own words, as lines: one place for the
questionnaire's first step (wizard) and the result's "What I understood" section."""

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from advisor.describe import Described
    from advisor.knowledge.questions import Questionnaire

ENGLISH_ONLY = "English"  # the language a reading is not announced in


class UnderstoodLine(NamedTuple):
    prompt: str  # the question, in the words for whom the help is for
    answers: tuple[str, ...]  # the answers' labels, as read from the words
    words: tuple[str, ...]  # the person's own words behind them all
    each: tuple[tuple[str, ...], ...]  # the words behind each answer
    # What the person made of it afterwards (the review, or dropping it): the final
    # answers' labels when they differ from what was read, else None.
    changed_to: tuple[str, ...] | None = None


def understood_lines(
    questionnaire: "Questionnaire", described: "Described", answers: Mapping[str, Sequence[str]]
) -> list[UnderstoodLine]:
    """One line a question, in the questionnaire's order, for each answer taken,
    marked where the final `answers` differ from what was read."""
    lines = []
    for question in questionnaire.questions:
        taken = [u for u in described.used if u.question == question.id]
        if taken:
            worded = questionnaire.worded(question, answers)  # "your care" or "their care"
            words = tuple(dict.fromkeys(w for u in taken for w in u.because))
            labels = tuple(worded.label(u.answer) for u in taken)
            each = tuple(u.because for u in taken)
            final = tuple(answers.get(question.id, ()))
            changed = None
            if sorted(final) != sorted(u.answer for u in taken):
                changed = tuple(worded.label(a) for a in final) or (NOT_SURE,)
            lines.append(UnderstoodLine(worded.prompt, labels, words, each, changed))
    return lines


NOT_SURE = "Not sure / not answered"


def language_line(described: "Described") -> str | None:
    """Which language was read, when it is not English alone; or why nothing was."""
    if described.note:
        return described.note
    if described.read_in and described.read_in != ENGLISH_ONLY:
        return f"Read in {described.read_in}."
    return None
