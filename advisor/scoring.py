"""Score the four roles against a person's answers.

Pure on purpose: no I/O, no rich, no questionary, no typer. It takes the
questionnaire (data) and the answers and returns plain named tuples, so
it can be tested exhaustively and reused anywhere.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from advisor.knowledge.questions import Questionnaire


class Reason(NamedTuple):
    """One answer that moved one role's score."""

    question: str
    answer: str
    weight: int
    why: str
    sources: tuple[str, ...]


class RoleScore(NamedTuple):
    role: str
    score: int
    points: int
    reasons: tuple[Reason, ...]


class Recommendation(NamedTuple):
    ranking: tuple[RoleScore, ...]
    answered: tuple[str, ...]
    unanswered: tuple[str, ...]
    close_call: bool

    @property
    def top(self) -> RoleScore:
        return self.ranking[0]

    @property
    def runner_up(self) -> RoleScore:
        return self.ranking[1]

    @property
    def source_ids(self) -> tuple[str, ...]:
        """Every source behind any reason, in first-cited order."""
        return tuple(dict.fromkeys(i for s in self.ranking for r in s.reasons for i in r.sources))


def to_score(points: int, scale: float) -> int:
    """Map points to 0-100: 50 is neutral; monotone, so more support never scores lower."""
    return math.floor(50 + 50 * math.tanh(points / scale) + 0.5)


def recommend(
    questionnaire: Questionnaire,
    role_ids: Sequence[str],
    answers: Mapping[str, Sequence[str]],
) -> Recommendation:
    """Rank every role; ties go to more points, then to the data's role order."""
    reasons: dict[str, list[Reason]] = {role: [] for role in role_ids}
    answered: list[str] = []
    unanswered: list[str] = []
    for question in questionnaire.questions:
        chosen = answers.get(question.id, ())
        if not chosen:
            unanswered.append(question.id)
            continue
        answered.append(question.id)
        for option_id in chosen:
            option = question.option(option_id)
            if option is None:
                raise ValueError(f"{question.id}: unknown option {option_id!r}")
            for effect in option.effects:
                if effect.role in reasons:
                    reasons[effect.role].append(
                        Reason(
                            question.id, option.id, effect.weight, effect.why, tuple(effect.sources)
                        )
                    )
    scores = []
    for role in role_ids:
        points = sum(r.weight for r in reasons[role])
        ordered = tuple(sorted(reasons[role], key=lambda r: -r.weight))
        scores.append(RoleScore(role, to_score(points, questionnaire.scale), points, ordered))
    order = {role: i for i, role in enumerate(role_ids)}
    ranking = tuple(sorted(scores, key=lambda s: (-s.score, -s.points, order[s.role])))
    close = ranking[0].score - ranking[1].score <= questionnaire.close_call_margin
    return Recommendation(ranking, tuple(answered), tuple(unanswered), close)
