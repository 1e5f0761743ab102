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

from __future__ import annotations

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


class Scope(NamedTuple):
    kind: str
    first: int
    last: int


def scopes(
    words: Sequence[Token],
    triggers: Sequence[tuple[Trigger, int, int]],
    void: set[int],
    terminators: set[int],
) -> list[Scope]:
    """The words each live trigger qualifies: from it, forwards or backwards, until
    its reach, the clause's end or a terminator."""
    out = []
    for trigger, first, last in triggers:
        if any(i in void for i in range(first, last + 1)):
            continue
        clause = words[first].clause
        step, at = (-1, first - 1) if trigger.backwards else (1, last + 1)
        covered: list[int] = []
        while 0 <= at < len(words) and len(covered) < trigger.reach:
            if words[at].clause != clause or at in terminators:
                break
            covered.append(at)
            at += step
        if covered:
            out.append(Scope(trigger.kind, min(covered), max(covered)))
    return out


class People(NamedTuple):
    """The people a lexicon knows: each word's person, pronouns, the writer's words."""

    person_of: dict[str, int]
    pronoun_of_person: list[str]
    pronouns: dict[str, str]  # word -> "she" / "he"
    reflexive: frozenset[str]
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
    for i, token in enumerate(words):
        if token.clause != clause:
            clause, clause_people = token.clause, set()
        person = next((people.person_of[f] for f in token.forms if f in people.person_of), None)
        pronoun = next((people.pronouns[f] for f in token.forms if f in people.pronouns), None)
        if person is not None:
            current = person
            clause_people.add(person)
            first_seen.setdefault(person, i)
            j = i - 1
            while j >= 0 and words[j].word in people.possessives:
                j -= 1
            if j >= 0 and words[j].word in people.help_for:
                named_for.append(person)
        elif pronoun is not None:
            # "my sister lives with her": a pronoun in the clause of a person of its
            # kind is another person, unless it is "herself"
            fits = [
                p for p in reversed(history) if people.pronoun_of_person[p] in (pronoun, "they")
            ]
            other = [p for p in fits if p not in clause_people or token.word in people.reflexive]
            if other or fits:
                current = (other or fits)[0]
        elif token.word in people.writer:
            current = WRITER
        if current is not None and current != WRITER:
            mentions[current] = mentions.get(current, 0) + 1
            if current in history:
                history.remove(current)
            history.append(current)
        owner.append(current)
    if len(first_seen) < 2:
        return owner, None
    if named_for:
        return owner, named_for[-1]
    principal = min(first_seen, key=lambda p: (-mentions.get(p, 0), first_seen[p]))
    return owner, principal
