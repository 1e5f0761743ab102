"""Where output goes: rich consoles for people, plain JSON for machines,
one-line errors on stderr."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console


def console() -> Console:
    """A stdout console: colour only on a terminal, none with NO_COLOR or TERM=dumb."""
    from rich.console import Console

    return Console(highlight=False, emoji=False, markup=False)


def print_json(data: Any) -> None:
    import json

    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def print_error(message: str) -> None:
    sys.stderr.write(f"advisor: error: {message}\n")
