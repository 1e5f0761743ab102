"""The context step, on the lines of NegEx and ConText (Chapman et al., 2001; Harkema
et al., 2009): a cue found in the text counts as the person's present situation
unless a trigger term puts it in another context.

- A trigger has a kind (negated, past, hypothetical) and a direction: `before`
  terms qualify the words after them ("not in the hospital"), `after` terms the
  words before them ("the money isn't the problem", "she fell last year"). Its
  reach ends after a few words, at a clause's end and at a terminator ("but").
- A trigger that is part of a cue is that cue's meaning ("can't afford"), and a
  pseudo-trigger is no trigger ("not only", "I don't know if").
- Whose situation it is (ConText's experiencer): when a story names two people,
  what is said of the one the help is not for is set aside ("my sister is in
  hospital having a baby; the help is for our father").
- Each kind may leave some answers standing (`keeps`): "diagnosed with dementia
  two years ago" is still an ongoing need.
The terms are data (`lexicon.json`), per language.
"""

from collections.abc import Sequence
from typing import NamedTuple

from advisor.describe.words import Token

WRITER = -1  # the person writing, in the list of people a story names
KINDS = ("negated", "past", "hypothetical")
WHY = {
    "negated": "negated",
    "past": "past",
    "hypothetical": "hypothetical",
    "other": "about someone else",
}


class Trigger(NamedTuple):
    kind: str
    backwards: bool  # qualifies the words before it
    reach: int
    sentence: bool = False  # reaches across the clauses of its sentence ("last year")


class Scope(NamedTuple):
    """A trigger (words `first`..`last`) and the words it qualifies (`low`..`high`)."""

    kind: str
    first: int
    last: int
    low: int
    high: int
    backwards: bool

    def covers(self, first: int, last: int) -> bool:
        """Does it qualify a cue found at `first`..`last` (a trigger that is one of the
        cue's own words was left out before)? A cue that starts inside a trigger running
        forwards ("was in the ER") is qualified, as one that ends inside one running
        backwards, and one with the trigger in its gap ("insurer usually refuses")."""
        if first < self.first and self.last < last:
            return True
        if self.backwards:
            return self.low <= last < self.last
        return self.first < first <= self.high


def scopes(
    words: Sequence[Token],
    triggers: Sequence[tuple[Trigger, int, int]],
    void: set[int],
    terminators: dict[str, set[int]],
) -> list[Scope]:
    """The words each live trigger qualifies: from it, forwards or backwards, until
    its reach, the clause's (or sentence's) end or a terminator of its kind."""
    out = []
    for trigger, first, last in triggers:
        if any(i in void for i in range(first, last + 1)):
            continue
        ends = terminators.get(trigger.kind, terminators.get("", set()))
        step, at = (-1, first - 1) if trigger.backwards else (1, last + 1)
        covered: list[int] = []
        while 0 <= at < len(words) and len(covered) < trigger.reach:
            same = (
                words[at].sentence == words[first].sentence
                if trigger.sentence
                else words[at].clause == words[first].clause
            )
            if not same or (at in ends and at not in range(first, last + 1)):
                break
            covered.append(at)
            at += step
        if not covered:
            continue
        low, high = min(covered), max(covered)
        out.append(Scope(trigger.kind, first, last, low, high, trigger.backwards))
    return out


class People(NamedTuple):
    """The people a lexicon knows: each word's person, pronouns, the writer's words."""

    person_of: dict[str, int]
    pronoun_of_person: list[str]
    pronouns: dict[str, str]  # word -> "she" / "he"
    reflexive: frozenset[str]
    objects: frozenset[str]  # pronouns that refer to someone only within their clause
    writer: frozenset[str]
    help_for: frozenset[str]
    possessives: frozenset[str]


def owners(words: Sequence[Token], people: People) -> tuple[list[int | None], int | None]:
    """Whom each word is about (a person's index, WRITER, or None), and the person the
    help is for; the principal is None when the story names fewer than two people."""
    owner: list[int | None] = []
    mentions: dict[int, int] = {}
    first_seen: dict[int, int] = {}
    named_for: list[int] = []
    history: list[int] = []  # people in the order last referred to
    clause_people: set[int] = set()
    clause = -1
    current: int | None = None
    after_clause: int | None = None  # whom the story is about again once this clause ends
    for i, token in enumerate(words):
        if token.clause != clause:
            clause, clause_people = token.clause, set()
            if after_clause is not None:
                current, after_clause = after_clause, None
        person = next((people.person_of[f] for f in token.forms if f in people.person_of), None)
        pronoun = next((people.pronouns[f] for f in token.forms if f in people.pronouns), None)
        referred: int | None = None
        if person is not None:
            referred = person
            clause_people.add(person)
            first_seen.setdefault(person, i)
            j = i - 1
            while j >= 0 and words[j].word in people.possessives and words[j].clause == clause:
                j -= 1
            if j >= 0 and words[j].clause == clause and words[j].word in people.help_for:
                named_for.append(person)
        elif pronoun is not None:
            # "my sister lives with her": a pronoun in the clause of a person of its
            # kind is another person, unless it is "herself"
            # "she" is the last woman named, else the last person of either kind
            fits = [p for p in reversed(history) if people.pronoun_of_person[p] == pronoun]
            fits += [p for p in reversed(history) if people.pronoun_of_person[p] == "they"]
            other = [p for p in fits if p not in clause_people or token.word in people.reflexive]
            if other or fits:
                referred = (other or fits)[0]
                if token.word in people.objects and after_clause is None:
                    # "my mom, who takes care of him, just had surgery": him for this clause only
                    after_clause = current
        elif token.word in people.writer:
            current = WRITER
        if referred is not None:
            current = referred
            mentions[referred] = mentions.get(referred, 0) + 1
            if referred in history:
                history.remove(referred)
            history.append(referred)
        owner.append(current)
    if len(first_seen) < 2:
        return owner, None
    if named_for:
        return owner, named_for[-1]
    # the person referred to most; when two are referred to as often, the story does
    # not say whose it is, and nothing is set aside as someone else's
    ranked = sorted(first_seen, key=lambda p: -mentions.get(p, 0))
    if mentions.get(ranked[0], 0) == mentions.get(ranked[1], 0):
        return owner, None
    return owner, ranked[0]
