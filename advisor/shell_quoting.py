"""How a completion value is handed to each shell (bash, zsh, fish), with no
import beyond `re`: the quick Tab path (completion_index.py) and typer's
completion classes (completion.py) quote through the same function."""

from __future__ import annotations

import re


def _carried(value: str) -> bool:
    """Whether every shell's protocol carries `value` as one literal word: a line
    break would split it into two candidates, and fish expands a leading `~`
    (into a home folder) even in a completion it inserts."""
    return bool(value) and not value.startswith("~") and re.search(_LINE_CONTROL, value) is None


# Compiled on first use (re caches it): a class with Unicode ranges is slow to
# compile, and most runs complete nothing.
_LINE_CONTROL = r"[\x00-\x1f\x7f-\x9f\u2028\u2029]"


def quoted_for(shell: str, value: str, help: str = "") -> str:
    """`value` (and its `help`, which zsh and fish show) as `shell` must receive it
    from a completer to insert `value` literally, whatever it holds.

    bash puts each line into COMPREPLY as typed text, after glob expansion: every
    character but letters, digits and `-_.,:/=+@%` gets a backslash, as printf %q
    does. zsh evaluates typer's reply twice, `eval $(...)` and then `_arguments`
    over its `((...))` list: here the item is single-quoted for the inner
    evaluation, with `\\` escaped and `:` escaped twice (`_arguments` reads one
    backslash, `_describe` the other); `_SafeZsh` quotes the whole list for the
    outer one. fish evaluates nothing: the value goes as it is. A line break
    or tab can be carried by none of them; no such value is offered
    (`_carried`), and the loader refuses a name with any character a shell
    reads (`knowledge.names.completes_safely`).
    """
    if shell == "bash":
        return re.sub(r"([^A-Za-z0-9_.,:/=+@%-])", r"\\\1", value)
    if shell == "zsh":
        item = value.replace("\\", "\\\\").replace(":", "\\\\:")
        if help:
            item += ":" + _one_line(help).replace("\\", "\\\\")
        return _single_quoted(item)
    return f"{value}\t{_one_line(help)}" if help else value


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _single_quoted(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"
