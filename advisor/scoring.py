"""Score the four roles against a person's answers.

Pure on purpose: no I/O, no rich, no questionary, no typer. It takes the
questionnaire (data) and the answers and returns plain named tuples, so
it can be tested exhaustively and reused anywhere.

What a score is: how far the answers point towards a role, on a straight
(unsquashed) scale. The questions fall into groups (in `questions.json`: what
the person needs, and their situation). In each group a role's points for and
against are each counted up to the group's `full` (a complete answer), so the
group says between -1 (everything against) and +1 (everything for); the groups
are combined by their weights, and a score is 50 + 50 x that evidence. So 50
means the answers say nothing either way, and a score near 100 needs every
group, needs included, to point at the role. A question left open adds
nothing, so with few answers no role can score high. Arithmetic is exact
(fractions): two roles tie only when the evidence really is equal, and the
order of roles or options in the data never decides anything.
"""

import math
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import NamedTuple

from advisor.knowledge.questions import Effect, Question, Questionnaire

Answers = Mapping[str, Sequence[str]]


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
    evidence: Fraction = Fraction(0)
    """Combined evidence, -1 (all against) to 1 (all for); score = 50 + 50 x evidence."""
    parts: tuple[tuple[str, Fraction], ...] = ()
    """Each group's evidence, -1 to 1, before its weight."""
    surplus: Fraction = Fraction(0)
    """Evidence beyond a full answer; only orders roles whose scores are equal."""


class Decider(NamedTuple):
    """An open question whose answer would separate the leading roles."""

    question: str
    favours: tuple[tuple[str, tuple[str, ...]], ...]
    """(role, the options that would put it ahead), leading role first."""
    strength: Fraction


class Recommendation(NamedTuple):
    ranking: tuple[RoleScore, ...]
    answered: tuple[str, ...]
    unanswered: tuple[str, ...]
    close_call: bool
    tie: tuple[str, ...] = ()
    """The roles sharing the top place (by id), or () when one role leads."""
    deciders: tuple[Decider, ...] = ()
    """For a tie or a close call: the open questions that would decide it."""

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


def to_score(evidence: Fraction) -> int:
    """Evidence from -1 to 1 as a score from 0 to 100 (50 = nothing either way)."""
    return math.floor(50 + 50 * evidence + Fraction(1, 2))


def applies(effect: Effect, answers: Answers) -> bool:
    """Whether an effect's conditions on other answers hold."""
    for question_id, options in effect.when.items():
        if not set(answers.get(question_id, ())) & set(options):
            return False
    return not any(
        set(answers.get(question_id, ())) & set(options)
        for question_id, options in effect.unless.items()
    )


def has_effects(question: Question) -> bool:
    """Questions without effects (e.g. who the help is for) only shape the wording."""
    return any(o.effects for o in question.options)


def full_points(questionnaire: Questionnaire) -> dict[str, int]:
    """Points of one role's evidence that make a complete answer, per group: its
    `full`, or else the strongest answer to each single-choice question plus two
    strongest answers to each multiple-choice one."""
    out = {}
    for group in questionnaire.groups:
        if group.full is not None:
            out[group.id] = group.full
            continue
        most = sum(
            max((e.weight for o in q.options for e in o.effects), default=0)
            * (2 if q.kind == "multi" else 1)
            for q in questionnaire.questions
            if q.group == group.id
        )
        out[group.id] = max(most, 1)
    return out


def recommend(
    questionnaire: Questionnaire,
    role_ids: Sequence[str],
    answers: Answers,
) -> Recommendation:
    """Rank every role; name a tie as a tie and say which open questions would decide it."""
    rec = _rank(questionnaire, role_ids, answers, full_points(questionnaire))
    if not (rec.tie or rec.close_call):
        return rec
    contenders = rec.tie or (rec.top.role, rec.runner_up.role)
    return rec._replace(deciders=_deciders(questionnaire, role_ids, answers, contenders))


def _rank(
    questionnaire: Questionnaire,
    role_ids: Sequence[str],
    answers: Answers,
    full: Mapping[str, int],
) -> Recommendation:
    reasons: dict[str, list[Reason]] = {role: [] for role in role_ids}
    grouped: dict[str, dict[str, list[int]]] = {role: {} for role in role_ids}
    answered: list[str] = []
    unanswered: list[str] = []
    for question in questionnaire.questions:
        if not has_effects(question):
            continue
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
                if effect.role in reasons and applies(effect, answers):
                    reasons[effect.role].append(
                        Reason(
                            question.id, option.id, effect.weight, effect.why, tuple(effect.sources)
                        )
                    )
                    grouped[effect.role].setdefault(question.group, []).append(effect.weight)
    scores = [
        _role_score(questionnaire, role, reasons[role], grouped[role], full) for role in role_ids
    ]
    ranking = tuple(sorted(scores, key=lambda s: (-s.evidence, -s.surplus, s.role)))
    top, second = ranking[0], ranking[1]
    tied = tuple(s.role for s in ranking if (s.evidence, s.surplus) == (top.evidence, top.surplus))
    close = (top.evidence - second.evidence) * 50 <= questionnaire.close_call_margin
    return Recommendation(
        ranking, tuple(answered), tuple(unanswered), close, tied if len(tied) > 1 else ()
    )


def _role_score(
    questionnaire: Questionnaire,
    role: str,
    reasons: list[Reason],
    grouped: Mapping[str, list[int]],
    full: Mapping[str, int],
) -> RoleScore:
    evidence = Fraction(0)
    surplus = Fraction(0)
    parts = []
    for group in questionnaire.groups:
        weights = grouped.get(group.id, [])
        points_for = sum(w for w in weights if w > 0)
        against = -sum(w for w in weights if w < 0)
        most = full[group.id]
        fit = Fraction(min(points_for, most) - min(against, most), most)
        share = Fraction(str(group.weight))
        evidence += share * fit
        surplus += share * Fraction(points_for - against, most) - share * fit
        parts.append((group.id, fit))
    ordered = tuple(sorted(reasons, key=lambda r: -r.weight))
    points = sum(r.weight for r in reasons)
    return RoleScore(role, to_score(evidence), points, ordered, evidence, tuple(parts), surplus)


def _deciders(
    questionnaire: Questionnaire,
    role_ids: Sequence[str],
    answers: Answers,
    contenders: Sequence[str],
) -> tuple[Decider, ...]:
    """For each open question: which of its answers would put which contender ahead."""
    full = full_points(questionnaire)
    found = []
    for question in questionnaire.questions:
        if answers.get(question.id) or not has_effects(question):
            continue
        favoured: dict[str, list[tuple[Fraction, str]]] = {}
        for option in question.options:
            if option.id == questionnaire.unsure or not option.effects:
                continue
            trial = _rank(questionnaire, role_ids, {**answers, question.id: (option.id,)}, full)
            among = [s for s in trial.ranking if s.role in contenders]
            gap = among[0].evidence - among[1].evidence
            if gap > 0:
                favoured.setdefault(among[0].role, []).append((gap, option.id))
        if len(favoured) < 2:
            continue
        order = {role: i for i, role in enumerate(contenders)}
        favours = tuple(
            (role, tuple(o for _, o in sorted(favoured[role], key=lambda g: (-g[0], g[1]))))
            for role in sorted(favoured, key=lambda r: order[r])
        )
        strength = min(max(g for g, _ in options) for options in favoured.values())
        found.append(Decider(question.id, favours, strength))
    return tuple(sorted(found, key=lambda d: (-d.strength, d.question)))
