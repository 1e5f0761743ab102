"""Finding cues in a description, in bounded time.

A cue (see `knowledge.questions.Cue`) compiles to a few places, each a set of
words, word beginnings and word stems, or a gap of up to `MAX_GAP` words. A
cue is tried only from the words its first place accepts (an index by word,
beginning and stem), and is matched by moving a set of positions forward place
by place, never by trying each split of its gaps in turn: a cue of `w` places
with `g` gaps costs at most `w * (1 + g * MAX_GAP)` steps from each word, so a
reading costs at most words x cues x that constant (DEF-41). The limits on `w`
and `g` are checked where the data is loaded. `Work` counts the steps, so
tests can hold the reader to its budget without timing it.

Typos are forgiven: a word of `FUZZY_MIN - 1` letters or more that is no cue's
word also reads as the cue words of `FUZZY_MIN` letters or more, with the same
first letter, one slip away ("insurence", "dischrg"): an optimal-string-alignment
distance of at most one (`one_slip_apart`; tests/test_describe_properties.py
holds it to rapidfuzz's OSA distance, whose import alone cost 30 M instructions,
about 4% of a run, for this one check). Stems come from the Snowball stemmers, for the
languages the text is in (Spanish: "hospitalizada" and "hospitalizado"), for words
of `STEM_MIN` letters or more that begin alike; the stemmer is loaded, and a cue
word stemmed, only when such a word is read.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from advisor.describe.words import Token, fold

MAX_GAP = 2  # words a `...` may stand for
FUZZY_MIN = 8  # shortest cue word that also matches a one-letter slip (not 7: changes/charges)
STEM_MIN = 6  # shortest cue word that also matches another word of the same stem
STEM_PREFIX = 3  # letters a word and a cue word share before their stems are compared


def one_slip_apart(a: str, b: str) -> bool:
    """At most one letter added, dropped, changed, or two neighbours swapped: an
    optimal-string-alignment distance of 0 or 1, in one pass over the words."""
    if a == b:
        return True
    if len(a) > len(b):
        a, b = b, a
    if len(b) - len(a) > 1:
        return False
    i = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(a))
    if len(a) < len(b):  # one letter added to `a`
        return a[i:] == b[i + 1 :]
    if a[i + 1 :] == b[i + 1 :]:  # one letter changed
        return True
    return a[i : i + 2] == b[i + 1 : i + 2] + b[i : i + 1] and a[i + 2 :] == b[i + 2 :]  # swapped


@dataclass
class Work:
    """Steps taken by the matcher: positions tried, and words compared for typos."""

    steps: int = 0


class Part(NamedTuple):
    """One place in a cue: the words it accepts, or a gap."""

    exact: frozenset[str]
    prefixes: tuple[str, ...]
    gap: bool = False


GAP = Part(frozenset(), (), gap=True)


def compile_cue(cue: str) -> tuple[Part, ...]:
    """A cue as its places."""
    parts = []
    for raw in cue.replace("-", " ").split():
        if raw == "...":
            parts.append(GAP)
            continue
        words = [fold(w) for w in raw.split("/")]
        exact = frozenset(w for w in words if not w.endswith("*"))
        parts.append(Part(exact, tuple(w[:-1] for w in words if w.endswith("*"))))
    return tuple(parts)


class Found(NamedTuple):
    """A cue found: its key, and the first and last word it covers."""

    key: int
    first: int
    last: int


@dataclass
class Matcher:
    """Compiled cues, each under a key its caller chose, found by what their first
    place accepts."""

    stemmer_names: dict[str, str] = field(default_factory=dict)  # language -> Snowball's name
    stemmers: dict[str, Callable[[str], str]] = field(default_factory=dict)
    _stems: dict[tuple[str, str], str] = field(default_factory=dict)
    cues: list[tuple[tuple[Part, ...], str]] = field(default_factory=list)  # parts, language
    by_word: dict[str, list[int]] = field(default_factory=dict)
    by_prefix: dict[str, list[int]] = field(default_factory=dict)
    by_stem: dict[tuple[str, str], list[tuple[str, int]]] = field(default_factory=dict)
    vocabulary: set[str] = field(default_factory=set)
    long_words: dict[str, list[str]] = field(default_factory=dict)  # by first letter
    long_prefixes: dict[str, list[str]] = field(default_factory=dict)
    _known: dict[tuple[str, str], int] = field(default_factory=dict)

    def add(self, cue: str, language: str) -> int:
        """Compile `cue` once, however many answers it serves; its key. Stems are
        added only when a text in its language is read (`use_stems`)."""
        known = self._known.get((cue, language))
        if known is not None:
            return known
        parts = compile_cue(cue)
        key = len(self.cues)
        self.cues.append((parts, language))
        self._known[(cue, language)] = key
        first = parts[0]
        for word in first.exact:
            self.by_word.setdefault(word, []).append(key)
        for prefix in first.prefixes:
            self.by_prefix.setdefault(prefix, []).append(key)
        if language in self.stemmer_names:
            for word in first.exact:
                if len(word) >= STEM_MIN:
                    self.by_stem.setdefault((language, word[:STEM_PREFIX]), []).append((word, key))
        for part in parts:
            self.vocabulary.update(part.exact)
            for word in part.exact:
                if len(word) >= FUZZY_MIN:
                    self.long_words.setdefault(word[0], []).append(word)
            for prefix in part.prefixes:
                self.vocabulary.add(prefix)
                if len(prefix) >= FUZZY_MIN:
                    self.long_prefixes.setdefault(prefix[0], []).append(prefix)
        return key

    def stem(self, language: str, word: str) -> str:
        """The word's stem in the language (Snowball), computed once; the stemmer is
        loaded only when a text in a language with one is read."""
        known = self._stems.get((language, word))
        if known is None:
            if language not in self.stemmers:
                import snowballstemmer  # type: ignore[import-untyped]

                stemmer = snowballstemmer.stemmer(self.stemmer_names[language])
                self.stemmers[language] = lambda w: str(stemmer.stemWord(w))
            known = self._stems[(language, word)] = self.stemmers[language](word)
        return known

    def same_stem(self, language: str, cue_word: str, token: Token, stem: str) -> bool:
        """Does a cue word share the word's stem? Only words of `STEM_MIN` letters that
        begin alike are stemmed at all ("hospitalizada", "hospitalizado")."""
        return (
            len(cue_word) >= STEM_MIN
            and cue_word[:STEM_PREFIX] == token.word[:STEM_PREFIX]
            and self.stem(language, cue_word) == stem
        )

    def prepare(self, words: Sequence[Token], work: Work) -> list[Token]:
        """The words with the cue words they may be a typo of added to their forms."""
        out = []
        for token in words:
            forms = set(token.forms)
            word = token.word
            if len(word) >= FUZZY_MIN - 1 and not (forms & self.vocabulary) and word.isalpha():
                near = self.long_words.get(word[0], [])
                work.steps += len(near)
                forms.update(choice for choice in near if one_slip_apart(word, choice))
                for prefix in self.long_prefixes.get(word[0], []) if len(word) >= FUZZY_MIN else ():
                    work.steps += 1
                    if any(
                        one_slip_apart(word[:k], prefix)
                        for k in (len(prefix) - 1, len(prefix), len(prefix) + 1)
                    ):
                        forms.add(prefix)
            out.append(token._replace(forms=frozenset(forms)))
        return out

    def stems_of(self, token: Token, languages: Iterable[str]) -> dict[str, str]:
        """The word's stem in each of these languages that has a stemmer."""
        if len(token.word) < STEM_MIN:
            return {}
        return {lid: self.stem(lid, token.word) for lid in languages if lid in self.stemmer_names}

    def starting_at(self, token: Token, stems: dict[str, str]) -> list[int]:
        """The cues whose first place accepts `token`, each once, in a stable order."""
        found: list[int] = []
        for form in token.forms:
            found += self.by_word.get(form, ())
            for size in range(1, len(form) + 1):
                found += self.by_prefix.get(form[:size], ())
        for language, stem in stems.items():
            for word, key in self.by_stem.get((language, token.word[:STEM_PREFIX]), ()):
                if self.same_stem(language, word, token, stem):
                    found.append(key)
        return sorted(set(found))

    def find_all(
        self, words: Sequence[Token], work: Work, languages: Iterable[str] = ()
    ) -> list[Found]:
        """Every cue found in `words`, each from each word it starts at, shortest first;
        stems count for the `languages` the text is in ("program" is no Spanish word)."""
        languages = tuple(languages)
        stems = [self.stems_of(t, languages) for t in words]
        found: list[Found] = []
        for first, token in enumerate(words):
            for key in self.starting_at(token, stems[first]):
                parts, language = self.cues[key]
                last = match_from(parts, language, words, stems, first, work, self)
                if last is not None:
                    found.append(Found(key, first, last))
        return found


def accepts(
    part: Part,
    language: str,
    token: Token,
    stems: dict[str, str],
    matcher: Matcher | None = None,
) -> bool:
    if part.exact & token.forms:
        return True
    if any(f.startswith(p) for p in part.prefixes for f in token.forms):
        return True
    stem = stems.get(language)
    return (
        stem is not None
        and matcher is not None
        and any(matcher.same_stem(language, w, token, stem) for w in part.exact)
    )


def match_from(
    parts: Sequence[Part],
    language: str,
    words: Sequence[Token],
    stems: Sequence[dict[str, str]],
    start: int,
    work: Work,
    matcher: Matcher | None = None,
) -> int | None:
    """The last word of the cue when it matches from `start` within one clause: the
    positions it may have reached, carried place by place (no backtracking)."""
    clause = words[start].clause
    reached = {start}  # the next word to read, for each way of matching so far
    for part in parts:
        ahead: set[int] = set()
        for i in reached:
            work.steps += 1
            if part.gap:
                for j in range(i, min(i + MAX_GAP, len(words)) + 1):
                    if j > i and words[j - 1].clause != clause:
                        break
                    ahead.add(j)
            elif (
                i < len(words)
                and words[i].clause == clause
                and accepts(part, language, words[i], stems[i], matcher)
            ):
                ahead.add(i + 1)
        if not ahead:
            return None
        reached = ahead
    return min(reached) - 1


def spans(found: Iterable[Found]) -> set[int]:
    """Every word covered by these finds."""
    return {i for f in found for i in range(f.first, f.last + 1)}
