"""The one sanitising step for text that reaches a terminal, stderr or Markdown.

Text from a knowledge base, a file path or a command-line argument may carry
terminal control sequences (ESC, BEL, NUL, the C1 controls such as U+009B CSI)
that hide links, retitle or clear the screen, or bidirectional overrides that
make text read backwards. `printable` shows each of them as a visible escape
(`\\x1b`), so nothing reaches the terminal as a command. `markdown` escapes
what Markdown and HTML would read as markup. `shorten` keeps error messages
about huge values to one readable line.
"""

from __future__ import annotations

import re

# C0 controls except newline and tab, DEL, C1 controls, and the bidirectional
# embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069).
CONTROL = "\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
_ASCII_CONTROL = "\x00-\x08\x0b-\x1f\x7f"  # the same, as far as ASCII goes
_LINE_BREAKS = r"[\n\t]"


def control_characters(text: str) -> re.Pattern[str]:
    """What finds control characters in `text`. ASCII text (all of the bundled data)
    gets the short ASCII class: the full class with its Unicode ranges takes half
    a millisecond to compile, so only text that needs it pays for it (re caches both)."""
    return re.compile(f"[{_ASCII_CONTROL if text.isascii() else CONTROL}]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _without_breaks(text: str) -> str:
    return text.replace("\n", "").replace("\t", "") if "\n" in text or "\t" in text else text


def printable(text: str, one_line: bool = False) -> str:
    """`text` with every control character shown as an escape such as `\\x1b`.

    `one_line` also escapes newlines and tabs (for paths and values in an error).
    """
    if text.isascii() and (text if one_line else _without_breaks(text)).isprintable():
        return text  # the common case, answered without a regular expression
    if one_line:
        text = re.sub(_LINE_BREAKS, _escape, text)
    pattern = control_characters(text)
    if pattern.search(text) is None:
        return text
    return pattern.sub(_escape, text)


def one_line(value: object) -> str:
    """A name the user gave (a file, a folder), to show inside a line of text:
    newlines, tabs and control characters escaped."""
    return printable(str(value), one_line=True)


def shorten(text: str, limit: int = 80) -> str:
    """At most `limit` characters, with an ellipsis where the rest was cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def quoted(value: object, limit: int = 80) -> str:
    """A value from the user, shown in an error: quoted, escaped, shortened."""
    return shorten(printable(repr(value), one_line=True), limit)


_MARKDOWN_INLINE = r"([\\`*_\[\]<>|])"
_MARKDOWN_LINE_START = r"(?m)^(\s*)([#>+=~-]|\d+[.)])"


def markdown(text: str, in_cell: bool = False) -> str:
    """Text as Markdown shows it literally: markup, links and raw HTML escaped.

    `<` and `>` become entities, so no viewer renders them as HTML; other
    markup characters get a backslash, and so does anything at the start of a
    line that would make it a heading, a quote or a list (not needed in a
    table cell, whose lines are joined with <br>).
    """
    text = printable(text)
    text = re.sub(
        _MARKDOWN_INLINE,
        lambda m: {"<": "&lt;", ">": "&gt;"}.get(m.group(1), "\\" + m.group(1)),
        text,
    )
    return text if in_cell else re.sub(_MARKDOWN_LINE_START, _escape_line_start, text)


def _escape_line_start(match: re.Match[str]) -> str:
    mark = match.group(2)
    return match.group(1) + mark[:-1] + "\\" + mark[-1]
