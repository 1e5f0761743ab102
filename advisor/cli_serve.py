"""`advisor serve`: the web page (advisor/web/), declared here and imported by
nothing else, so no other command pays for Starlette, Jinja2 or uvicorn.

Its annotations stay strings until typer builds this command (`cli.app_for`
builds only the command a run names), so other commands do not even pay for
making its options."""

from __future__ import annotations

from typing import Annotated

import typer

from advisor.cli_options import Settings, friendly, opt


@friendly
def serve(
    ctx: typer.Context,
    port: Annotated[
        int | None, opt("Listen on this port (default: a free one).", "--port", metavar="N")
    ] = None,
    host: Annotated[
        str,
        opt(
            "Listen on this address; 0.0.0.0 opens it to the network (a warning is printed).",
            "--host",
            metavar="ADDRESS",
        ),
    ] = "127.0.0.1",
    open_browser: Annotated[bool, opt("Open the page in your web browser.", "--open")] = False,
) -> None:
    """Serve the same questions, result, roles and free help as a web page, for
    people who do not use a terminal. It stores nothing: the answers stay in the
    page's address. It prints the address to open; Ctrl-C stops it.

    Example: advisor serve --open
    """
    from advisor.web.serving import serve as run

    settings = ctx.find_object(Settings)
    run(settings.data if settings else None, host, port, open_browser)
