"""The reader of people's own words (`--describe`, and the questionnaire's first step).

Pure: no I/O of its own, no rich, no questionary, no typer; imported only when
a person describes their situation. The pipeline, one module each:
`words` (clauses and normalised words, with their places in the text) ->
`matching` (cues from the data, found in bounded time, typos and stems
forgiven) -> `context` (NegEx/ConText: negated, past, hypothetical, about
someone else) -> `reading` (word senses, the answers that survive, with their
words, and the cues set aside with the reason).

How it reads is data: English cues are on the options in `questions.json`;
the context terms, the people, word senses and other languages' cues are in
`lexicon.json`.
"""

from advisor.describe.reading import (
    Described,
    Hit,
    Reading,
    SetAside,
    Understood,
    fill,
    read,
    reads_descriptions,
)
from advisor.describe.words import Token, tokens

__all__ = [
    "Described",
    "Hit",
    "Reading",
    "SetAside",
    "Token",
    "Understood",
    "fill",
    "read",
    "reads_descriptions",
    "tokens",
]
