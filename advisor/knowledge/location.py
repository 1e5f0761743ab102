"""Where the bundled knowledge base lives, with no import beyond `os`: the
loader and the quick Tab path (completion_index.py) both ask."""

from __future__ import annotations

import os


def bundled_folder() -> str:
    """Where the shipped data lives: inside the package, or beside it in a checkout."""
    package = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))  # advisor/
    inside = os.path.join(package, "data")
    return inside if os.path.isdir(inside) else os.path.join(os.path.dirname(package), "data")
