"""Read a short description in plain English and take from it the answers it supports.

Pure: no I/O, no rich, no questionary, no typer; imported only when a person
describes their situation (`--describe`, or the questionnaire's first step).
How it reads is data: each option in `questions.json` may list `cues`, short
phrases in the little language below. The reader is never more confident
than the text:
- a cue in a negated phrase counts for nothing ("not in the hospital anymore",
  "doesn't need help with bills", "billing is not the problem");
- a negator that is part of a cue ("can't afford", "won't approve") is that
  cue's meaning, and negates nothing else;
- when the cues of a single-choice question point to two answers, it answers
  nothing, unless one of them `covers` the others in the data ("both" covers
  "at home" and "in hospital" for someone going home from hospital).

The cue language (validated by `knowledge.questions.Cue`):
- `word`   the word itself; a word of 7 letters or more also matches the word
           with one slip (a letter added, dropped, changed, or two swapped),
           when the first letter agrees: `insurance` matches "insurence"
- `word*`  any word that starts with `word`
- `a/b/c`  any one of these words (each may end in `*`)
- `...`    up to two other words, within the same clause
Apostrophes are dropped and hyphens split words, in the text and in cues alike
("don't" is `dont`, "Alzheimer's" is `alzheimers`, "long-term" is `long term`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from advisor.knowledge.questions import Question, Questionnaire

MAX_GAP = 2  # words a `...` may stand for
FUZZY_MIN = 7  # shortest cue word that also matches a one-letter slip
NEGATION_BEFORE = 7  # words before a cue in which a negator counts
NEGATION_AFTER = 3  # words after a cue in which a negator counts ("X is not the problem")

NEGATORS = frozenset(
    "no not never nor neither without cannot dont doesnt didnt isnt wasnt arent werent "  # noqa: SIM905
    "wont cant couldnt shouldnt wouldnt hasnt havent hadnt aint".split()
)
# Words that end a negation's reach: "I don't understand why they denied it".
SCOPE_BREAKERS = frozenset(
    "but and or because so though although however while why what how when where if "  # noqa: SIM905
    "since until then yet".split()
)
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)*|[.,;:!?()\[\]\u2014\u2013]|\s-\s")


class Token(NamedTuple):
    word: str
    start: int
    end: int
    clause: int


def tokens(text: str) -> list[Token]:
    """Words in lower case without apostrophes, each with its place in `text` and its clause."""
    lowered = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    out: list[Token] = []
    clause = 0
    for match in _TOKEN.finditer(lowered):
        word = match.group().strip()
        if not word[0].isalnum():
            clause += 1
            continue
        out.append(Token(word.replace("'", ""), match.start(), match.end(), clause))
    return out


def one_slip(a: str, b: str) -> bool:
    """True when `b` is `a`, or `a` with one letter added, dropped, changed, or two swapped."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        swapped = i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i]
        return a[i + 1 :] == b[i + 1 :] or (swapped and a[i + 2 :] == b[i + 2 :])
    return a[i + 1 :] == b[i:] if len(a) > len(b) else a[i:] == b[i + 1 :]


class Part(NamedTuple):
    """One place in a cue: the words it accepts, or a gap."""

    exact: frozenset[str]
    prefixes: tuple[str, ...]
    gap: bool = False

    def accepts(self, word: str) -> bool:
        if word in self.exact or any(word.startswith(p) for p in self.prefixes):
            return True
        return len(word) >= FUZZY_MIN - 1 and any(
            len(e) >= FUZZY_MIN and e[0] == word[0] and one_slip(e, word) for e in self.exact
        )


GAP = Part(frozenset(), (), gap=True)


def compile_cue(cue: str) -> tuple[Part, ...]:
    parts = []
    for raw in cue.replace("'", "").replace("-", " ").split():
        if raw == "...":
            parts.append(GAP)
            continue
        words = raw.split("/")
        parts.append(
            Part(
                frozenset(w for w in words if not w.endswith("*")),
                tuple(w[:-1] for w in words if w.endswith("*")),
            )
        )
    return tuple(parts)


class Cue(NamedTuple):
    question: str
    option: str
    text: str


class CueIndex:
    """Every cue of a questionnaire, found by what its first word accepts; a cue is
    compiled only when its first word is in the text."""

    def __init__(self, questionnaire: Questionnaire) -> None:
        self.by_word: dict[str, list[Cue]] = {}
        self.by_prefix: list[tuple[str, Cue]] = []
        self.by_initial: dict[str, list[tuple[str, Cue]]] = {}  # long words, for typos
        self.compiled: dict[str, tuple[Part, ...]] = {}
        for question in questionnaire.questions:
            for option in question.options:
                for text in option.cues:
                    cue = Cue(question.id, option.id, text)
                    first = text.replace("'", "").replace("-", " ", 1).split(" ", 1)[0]
                    for word in first.split("/"):
                        if word.endswith("*"):
                            self.by_prefix.append((word[:-1], cue))
                            continue
                        self.by_word.setdefault(word, []).append(cue)
                        if len(word) >= FUZZY_MIN:
                            self.by_initial.setdefault(word[0], []).append((word, cue))

    def starting_with(self, word: str) -> list[Cue]:
        """The cues whose first word accepts `word`, each once, in a stable order."""
        found = list(self.by_word.get(word, ()))
        found += [cue for prefix, cue in self.by_prefix if word.startswith(prefix)]
        if len(word) >= FUZZY_MIN - 1:
            found += [c for w, c in self.by_initial.get(word[0], ()) if one_slip(w, word)]
        return list(dict.fromkeys(found))

    def parts(self, cue: Cue) -> tuple[Part, ...]:
        if cue.text not in self.compiled:
            self.compiled[cue.text] = compile_cue(cue.text)
        return self.compiled[cue.text]


_INDEX: list[tuple[Questionnaire, CueIndex]] = []


def cue_index(questionnaire: Questionnaire) -> CueIndex:
    """The questionnaire's cues, compiled on first use (only when someone describes)."""
    for known, index in _INDEX:
        if known is questionnaire:
            return index
    index = CueIndex(questionnaire)
    _INDEX[:] = [(questionnaire, index)]
    return index


def find(parts: Sequence[Part], words: Sequence[Token], start: int) -> int | None:
    """The last word index of the cue when it matches from `start`, within one clause."""
    return _match_from(parts, 0, words, start, words[start].clause)


def _match_from(
    parts: Sequence[Part], p: int, words: Sequence[Token], i: int, clause: int
) -> int | None:
    if p == len(parts):
        return i - 1
    part = parts[p]
    if part.gap:
        for j in range(i, min(i + MAX_GAP + 1, len(words))):
            if words[j].clause != clause:
                break
            end = _match_from(parts, p + 1, words, j, clause)
            if end is not None:
                return end
        return None
    if i < len(words) and words[i].clause == clause and part.accepts(words[i].word):
        return _match_from(parts, p + 1, words, i + 1, clause)
    return None


def is_negator(words: Sequence[Token], i: int) -> bool:
    """A negating word, or the "longer" of "no longer"."""
    return words[i].word in NEGATORS or (
        words[i].word == "longer" and i > 0 and words[i - 1].word == "no"
    )


def negated(words: Sequence[Token], first: int, last: int, consumed: set[int]) -> bool:
    """Is there a negator shortly before the cue ("doesn't need help with bills") or just
    after it ("billing is not the problem"), in its clause and not part of another cue?"""
    clause = words[first].clause
    before = range(first - 1, max(-1, first - 1 - NEGATION_BEFORE), -1)
    after = range(last + 1, min(len(words), last + 1 + NEGATION_AFTER))
    for reach in (before, after):
        for i in reach:
            if words[i].clause != clause or words[i].word in SCOPE_BREAKERS:
                break
            if i not in consumed and is_negator(words, i):
                return True
    return False


class Hit(NamedTuple):
    """One cue found in the text: the option it points to, the words, and whether negated."""

    question: str
    option: str
    words: str
    negated: bool


class Understood(NamedTuple):
    """One answer taken from the text, and the words it was taken from."""

    question: str
    answer: str
    because: tuple[str, ...]


class Reading(NamedTuple):
    understood: tuple[Understood, ...]
    mixed: tuple[str, ...]  # questions whose cues pointed to different answers
    hits: tuple[Hit, ...]  # every cue found, negated or not

    def answers(self) -> dict[str, tuple[str, ...]]:
        out: dict[str, tuple[str, ...]] = {}
        for u in self.understood:
            out[u.question] = (*out.get(u.question, ()), u.answer)
        return out


def read(text: str, questionnaire: Questionnaire) -> Reading:
    """The answers `text` supports, each with the words behind it; the same text
    always gives the same reading."""
    words = tokens(text)
    index = cue_index(questionnaire)
    found: set[tuple[int, int, str, str]] = set()
    consumed: set[int] = set()  # negators that belong to a cue ("can't afford")
    for first, token in enumerate(words):
        for cue in index.starting_with(token.word):
            last = find(index.parts(cue), words, first)
            if last is not None:
                found.add((first, last, cue.question, cue.option))
                consumed.update(i for i in range(first, last + 1) if is_negator(words, i))
    # In a single-choice question, a cue inside a longer cue is read only as the longer
    # one: "can't afford to pay someone" is "can't afford", not also "pay someone".
    # (In "choose any" questions both may hold, and both are kept.)
    single = {q.id for q in questionnaire.questions if q.kind != "multi"}
    found = {
        (first, last, q, o)
        for first, last, q, o in found
        if q not in single
        or not any(
            q2 == q and f2 <= first and last <= l2 and (f2, l2) != (first, last)
            for f2, l2, q2, _ in found
        )
    }
    hits = tuple(
        Hit(q, o, text[words[first].start : words[last].end], negated(words, first, last, consumed))
        for first, last, q, o in sorted(found)
    )
    understood: list[Understood] = []
    mixed: list[str] = []
    for question in questionnaire.questions:
        live: dict[str, list[str]] = {}
        for hit in hits:
            if hit.question == question.id and not hit.negated:
                live.setdefault(hit.option, []).append(hit.words)
        chosen = _decide(question, list(live))
        if chosen is None:
            mixed.append(question.id)
            continue
        for option_id in chosen:
            # the option's own words; an option that covers others ("both") and was
            # not named itself is backed by theirs ("at home", "in hospital")
            own = live.get(option_id, [])
            behind = [own] if own or question.kind == "multi" else list(live.values())
            said = list(dict.fromkeys(w for found_words in behind for w in found_words))
            because = tuple(w for w in said if not any(w != o and w in o for o in said))
            understood.append(Understood(question.id, option_id, because))
    return Reading(tuple(understood), tuple(mixed), hits)


def _decide(question: Question, pointed: list[str]) -> list[str] | None:
    """The options to answer with, in the data's order; None when the cues disagree."""
    order = [o.id for o in question.options]
    pointed.sort(key=order.index)
    if question.kind == "multi" or len(pointed) <= 1:
        return pointed
    for option in question.options:
        if option.id in pointed and set(pointed) - {option.id} <= set(option.covers):
            return [option.id]
    return None


class Described(NamedTuple):
    """What a description gave: the answers taken from it, and what it left open."""

    used: tuple[Understood, ...]
    still_open: tuple[str, ...]  # questions neither the description nor anything else answered
    mixed: tuple[str, ...]  # of those, the ones its words pointed more than one way


def fill(
    questionnaire: Questionnaire, answers: Mapping[str, tuple[str, ...]], reading: Reading
) -> tuple[dict[str, tuple[str, ...]], Described]:
    """Answers with the reading's added where nothing was given (flags and answers
    files always win), and what the description gave."""
    used = tuple(u for u in reading.understood if u.question not in answers)
    filled = dict(answers)
    for u in used:
        filled[u.question] = (*filled.get(u.question, ()), u.answer)
    still_open = tuple(  # a question that moves no score (who the help is for) is not missed
        q.id
        for q in questionnaire.questions
        if q.id not in filled and any(o.effects for o in q.options)
    )
    mixed = tuple(q for q in reading.mixed if q in still_open)
    return filled, Described(used, still_open, mixed)


def reads_descriptions(questionnaire: Questionnaire) -> bool:
    """Does this questionnaire have cues at all (career.json has none)?"""
    return any(o.cues for q in questionnaire.questions for o in q.options)
