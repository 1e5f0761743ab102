"""The rules for names people look up (roles, other titles, routes): how they
are folded, and which are refused.

Kept free of pydantic, so that Tab completion can fold and check names without
importing the models.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # a Protocol class costs start-up to build; only mypy needs it
    from collections.abc import Sequence
    from typing import Protocol

    class Named(Protocol):
        """A role, title or route: what people may call it."""

        @property
        def id(self) -> str: ...
        @property
        def name(self) -> str: ...
        @property
        def aliases(self) -> Sequence[str]: ...


_SEPARATORS = re.compile(r"[\s_/-]+")


@functools.lru_cache(maxsize=4096)  # each name is folded by its check and by its lookup table
def normalise(name: str) -> str:
    """Fold a role name or alias so 'Nurse Case Manager' finds 'nurse-case-manager'.

    Compatibility forms (full-width letters, the Kelvin sign), case (ß and SS),
    invisible characters and every kind of dash or space fold together, so two
    names that look the same always find the same role.
    """
    if name.isascii():
        # The same result without a per-character walk: NFKC leaves ASCII as it is,
        # casefold is lower, the only dash and space are "-" and " " (both folded
        # by the pattern below) and no ASCII character is invisible (Cf).
        return _SEPARATORS.sub("-", name.lower()).strip("-")
    import unicodedata

    folded = unicodedata.normalize("NFKC", name).casefold()
    folded = "".join(
        "-" if unicodedata.category(c) in ("Pd", "Zs") else c
        for c in folded
        if unicodedata.category(c) != "Cf"
    )
    return _SEPARATORS.sub("-", folded).strip("-")


def name_problem(name: str) -> str | None:
    """Why a name people look up cannot be used, or None: an invisible character
    would make two names that look the same differ, a name of punctuation alone
    would be found by `show -` or `show ' '`, and a shell character could run
    as code when Tab completion offers the name."""
    if not name.isascii():
        import unicodedata

        if any(unicodedata.category(c) == "Cf" for c in name):
            return "holds an invisible character"
    folded = normalise(name)
    if not any(map(str.isalnum, folded)):
        return "has no letters or digits"
    unsafe = SHELL_CHARACTERS.intersection(folded)
    if unsafe:
        return (
            f"holds {' '.join(sorted(unsafe))}, which a shell may run as code when Tab "
            "completion offers the name; leave it out"
        )
    return None


# What bash, zsh or fish read as code, expansion or quoting in an offered word:
# escapes, variables and commands, separators, redirections, globs, history.
# Letters, digits, spaces, hyphens and the punctuation of ordinary names
# (. , ' ( ) + : and the like) stay allowed.
SHELL_CHARACTERS = frozenset('\\`$;|&<>"{}*?[]~!#')


def completes_safely(name: str) -> bool:
    """True if Tab completion may offer `name` (folded, as `resolve` accepts it):
    it holds no character that a shell reads as code, an expansion or a quote.

    zsh evaluates the words typer's completion hands it, and bash puts them on
    the command line as they are, so a backslash, `$(...)`, a backquote or `;`
    in a knowledge base's names could run code in the shell of whoever presses
    Tab (DEF-40). The loader and `advisor data check` refuse such names.
    """
    return SHELL_CHARACTERS.isdisjoint(normalise(name))


def names_of(item: Named) -> list[tuple[tuple[str | int, ...], str]]:
    """Every name of `item` with its place in the item: id, name, each alias."""
    return [
        (("id",), item.id),
        (("name",), item.name),
        *((("aliases", i), alias) for i, alias in enumerate(item.aliases)),
    ]
