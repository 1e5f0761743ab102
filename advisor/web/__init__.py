"""`advisor serve`: the same advisor as a web page, over the same library calls.

Imported only by `advisor serve` (and by a server an organisation runs, as
`uvicorn advisor.web:app --workers N`), so no other command pays for Starlette,
Jinja2 or uvicorn. `app` is built on first use, from the knowledge base that
ADVISOR_DATA names (as for every command) or the bundled one.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from starlette.types import ASGIApp


def create_app(data: Path | None = None) -> ASGIApp:
    """The web app over the knowledge base in `data` (None: the bundled one)."""
    from advisor.web.app import build

    return build(data)


def __getattr__(name: str) -> Any:
    """`advisor.web:app` for uvicorn, built when it is first asked for."""
    if name != "app":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import os

    data = os.environ.get("ADVISOR_DATA")
    app = create_app(Path(data).resolve() if data else None)
    globals()["app"] = app
    return app
