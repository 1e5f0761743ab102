"""Where output goes: rich consoles for people, plain JSON for machines,
one-line errors and notes on stderr (sanitised: a path or value the user gave
never reaches the terminal as a control sequence)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from advisor.render.sanitise import control_characters, printable, shorten

if TYPE_CHECKING:
    from rich.console import Console

ERROR_LIMIT = 2000  # characters: an error about a huge value stays one readable line


def console() -> Console:
    """A stdout console: colour only on a terminal, none with NO_COLOR or TERM=dumb."""
    from rich.console import Console

    return Console(highlight=False, emoji=False, markup=False)


def _json_escape(match: Any) -> str:
    return f"\\u{ord(match.group()):04x}"


def print_json(data: Any) -> None:
    """JSON on stdout: control characters and text-direction overrides are always
    escaped, and everything beyond ASCII too when stdout is not UTF-8, so the JSON
    stays valid and lossless whatever the terminal's encoding."""
    import json

    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    text = json.dumps(data, indent=2, ensure_ascii=encoding != "utf8")
    sys.stdout.write(control_characters(text).sub(_json_escape, text) + "\n")


def print_note(message: str) -> None:
    """One line for people on stderr (after any blank lines `message` starts with):
    a newline, tab or control character inside it, as in a file name the user
    gave, is shown escaped, so no name can forge a second line. A closed or full
    stderr never fails the command."""
    body = message.lstrip("\n")
    line = "\n" * (len(message) - len(body)) + shorten(printable(body, one_line=True), ERROR_LIMIT)
    try:
        sys.stderr.write(line + "\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass


def print_error(message: str) -> None:
    print_note(f"advisor: error: {message}")
