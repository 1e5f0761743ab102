"""A description as words: each word normalised for matching and kept with its place
in the person's own text, its clause and its sentence.

Normalising folds case, accents ("mamá" is "mama"), apostrophes ("don't" is
"dont") and the texting and misspellings each language's lexicon lists
("dischrg" is also "discharge"). Places are taken from the original text, word by
word, so a character whose lower case is longer ("İ") never shifts the words
quoted back to the person (DEF-50).
"""

import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import NamedTuple

# A word: letters and digits of any alphabet, with inner apostrophes ("don't").
# A clause ends at punctuation or a dash between spaces; a sentence at . ! ? ; or a line end.
_PIECE = re.compile(
    r"(?P<word>[^\W_]+(?:['\u2019\u2018][^\W_]+)*)|(?P<stop>[.!?;\n]+)|(?P<pause>[,:()\[\]\u2014\u2013]|\s-\s)"
)


class Token(NamedTuple):
    word: str  # the normalised word
    forms: frozenset[str]  # the word and what the lexicons respell it as
    start: int  # its place in the original text
    end: int
    clause: int
    sentence: int


def fold(word: str) -> str:
    """Lower case without accents or apostrophes: how words are compared."""
    word = word.replace("\u2019", "").replace("\u2018", "").replace("'", "")
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def tokens(text: str, respell: Mapping[str, Sequence[str]] | None = None) -> list[Token]:
    """The words of `text` in order; `respell` maps a folded word to what it may stand
    for (one word, or several: "idk" is "i dont know", each with the same place)."""
    out: list[Token] = []
    clause = sentence = 0
    for match in _PIECE.finditer(text):
        if match.lastgroup == "stop":
            clause, sentence = clause + 1, sentence + 1
            continue
        if match.lastgroup == "pause":
            clause += 1
            continue
        word = fold(match.group())
        spelled = (respell or {}).get(word, ())
        several = [s for s in spelled if " " in s]
        if several:  # "idk": three words where one was typed
            for part in several[0].split():
                out.append(Token(part, frozenset({part}), *match.span(), clause, sentence))
            continue
        forms = frozenset({word, *spelled})
        out.append(Token(word, forms, match.start(), match.end(), clause, sentence))
    return out
