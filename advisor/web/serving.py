"""`advisor serve`: the web page on this computer, until Ctrl-C.

It listens on 127.0.0.1 (this computer only) and a port the system says is
free, unless told otherwise; prints the address on its own line on standard
output (so a script can read it) and the rest on standard error. uvicorn
stops cleanly on Ctrl-C and then raises it again, which the command line turns
into exit 130 and one short line, as for every command.
"""

from __future__ import annotations

import socket
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from advisor.errors import UsageProblem
from advisor.web.query import MAX_QUERY

if TYPE_CHECKING:
    import uvicorn

LOOPBACK = ("127.0.0.1", "localhost", "::1")
EVERYWHERE = ("0.0.0.0", "::")
OPEN_WARNING = (
    "Warning: --host {host} lets anyone who can reach this computer over the network "
    "open the page. It stores nothing, but answers travel in the address without "
    "encryption: for real use put it behind a web server with HTTPS (see the README)."
)


def say(text: str) -> None:
    """A line for the person on stderr, wrapped to the terminal (never failing)."""
    import shutil
    import textwrap

    from advisor.render.console import print_note

    width = max(30, shutil.get_terminal_size().columns - 1)
    print_note(textwrap.fill(text, width))


def listen(host: str, port: int) -> socket.socket:
    """A listening socket on `host`:`port` (0: a free port), or a usage error
    that says why not."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror:
        raise UsageProblem(f"--host {host}: not an address of this computer") from None
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
        sock.listen(128)
    except OSError as exc:
        sock.close()
        if port and exc.errno in (98, 48):  # EADDRINUSE on Linux, macOS
            raise UsageProblem(
                f"--port {port}: that port is in use; choose another, or leave --port out "
                "to use a free one"
            ) from None
        raise UsageProblem(f"cannot listen on {host} port {port}: {exc.strerror}") from None
    return sock


def address_of(host: str, sock: socket.socket) -> str:
    """The address to open in a browser on this computer."""
    port = sock.getsockname()[1]
    shown = {"0.0.0.0": "127.0.0.1", "::": "::1", "localhost": "127.0.0.1"}.get(host, host)
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/"


def serve(data: Path | None, host: str, port: int | None, open_browser: bool) -> None:
    """Build the app (a broken knowledge base stops here, exit 1), listen, say
    where, serve until Ctrl-C."""
    if port is not None and not 0 <= port <= 65535:
        raise UsageProblem(f"--port {port}: a port is a number from 1 to 65535")
    import uvicorn

    from advisor.web import create_app

    app = create_app(data)
    sock = listen(host, port or 0)
    url = address_of(host, sock)
    if host not in LOOPBACK:
        say(OPEN_WARNING.format(host=host))
    say("advisor's web page is at this address (Ctrl-C stops it):")
    sys.stdout.write(url + "\n")  # whole, on its own line, even on a narrow terminal
    sys.stdout.flush()
    config = uvicorn.Config(
        app,
        log_level="warning",
        access_log=False,  # the answers are in the addresses: never write them to a log
        server_header=False,
        lifespan="off",
        timeout_graceful_shutdown=5,
        # room for the longest address the page accepts (query.MAX_QUERY), so that
        # a longer one gets the page's own message rather than the server's
        h11_max_incomplete_event_size=2 * MAX_QUERY,
    )
    server = uvicorn.Server(config)
    if open_browser:  # once the server answers: a browser may wait for the page
        import threading

        threading.Thread(target=open_when_up, args=(server, url), daemon=True).start()
    server.run(sockets=[sock])


def open_when_up(server: uvicorn.Server, url: str) -> None:
    """Open `url` in the person's browser as soon as `server` has started."""
    import time
    import webbrowser

    for _ in range(100):
        if server.started:
            break
        time.sleep(0.1)
    if not webbrowser.open(url):
        say("No web browser could be opened; open the address yourself.")
