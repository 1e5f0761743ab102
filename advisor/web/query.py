"""A page's address read as a command line: its query string uses the flags'
names and the answers' ids (`/recommend?for=someone&need=medications,rights`),
and every value goes through the same checks as a flag.

Anything wrong (an unknown name, a value that is no choice, control
characters, a value or an address too long) is an `UsageProblem` with the
command line's wording, which the app shows on the page with status 400.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from advisor.errors import UsageProblem
from advisor.knowledge.questions import Questionnaire
from advisor.render.sanitise import quoted

MAX_QUERY = 16_000  # bytes of a query string: a full description, encoded, fits
MAX_VALUE = 1_000  # characters of any value but the description
DESCRIBE = "describe"  # the flag of the person's own words, as on the command line
LINE_BREAKS = frozenset("\n\r\t")


class Query(NamedTuple):
    """The values of a query string by name, each name's values joined by commas
    (a form sends `need=a&need=b`, a person writes `need=a,b`)."""

    values: dict[str, str]

    def get(self, name: str) -> str | None:
        return self.values.get(name)


def read_query(
    raw: bytes, pairs: Iterable[tuple[str, str]], known: Sequence[str], long: Mapping[str, int]
) -> Query:
    """The pairs of a query string, checked: only `known` names, no control
    characters, no value longer than MAX_VALUE (or its own limit in `long`)."""
    if len(raw) > MAX_QUERY:
        raise UsageProblem(
            f"this address is too long ({len(raw):,} characters; at most {MAX_QUERY:,})."
        )
    joined: dict[str, list[str]] = {}
    for name, value in pairs:
        if name not in known:
            close = difflib.get_close_matches(name, list(known), n=1)
            hint = f" Did you mean {close[0]}?" if close else ""
            raise UsageProblem(
                f"unknown name {quoted(name)} in the address.{hint} Names: {', '.join(known)}"
            )
        allowed = LINE_BREAKS if name in long else frozenset()
        if any(unicodedata.category(c) == "Cc" and c not in allowed for c in value):
            raise UsageProblem(f"{name}: the value has control characters; please retype it.")
        limit = long.get(name, MAX_VALUE)
        if len(value) > limit:
            raise UsageProblem(f"{name}: the value is too long (at most {limit:,} characters).")
        joined.setdefault(name, []).append(value)
    return Query({name: ",".join(v for v in values) for name, values in joined.items()})


def answer_names(questionnaire: Questionnaire) -> list[str]:
    """The flags of a questionnaire's questions, and their other spellings."""
    return [f for q in questionnaire.questions for f in (q.flag, *q.flag_aliases)]
