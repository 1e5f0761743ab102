"""Standard streams that keep the command's promises when they are odd: closed,
full, not UTF-8, or a pipe closed early. Used by `cli.main` only."""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Callable
from typing import Any

from advisor.errors import DATA_ERROR, INTERRUPTED, OutputFailed


class GuardedOutput:
    """stdout, whose write errors become `OutputFailed` (see errors.py)."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        if self._stream is None:
            raise OutputFailed(OSError(errno.EBADF, "standard output is closed"))
        try:
            return int(self._stream.write(text))
        except OSError as exc:
            raise OutputFailed(exc) from None

    def flush(self) -> None:
        if self._stream is None:
            return
        try:
            self._stream.flush()
        except OSError as exc:
            raise OutputFailed(exc) from None

    def isatty(self) -> bool:
        return self._stream is not None and bool(self._stream.isatty())

    @property
    def encoding(self) -> str:
        return str(getattr(self._stream, "encoding", None) or "utf-8")

    def __getattr__(self, name: str) -> Any:
        if self._stream is None:
            raise AttributeError(name)
        return getattr(self._stream, name)


def guard_streams() -> None:
    """A closed stdin reads as empty; a closed stderr is discarded; stdout is guarded.

    On a terminal that cannot show every character, text views put `?` in
    their place; JSON escapes them instead (render.console.print_json).
    """
    if sys.stdin is None:
        sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    sys.stdout = GuardedOutput(sys.stdout)


def run_guarded(run: Callable[[], Any]) -> int:
    """The exit code of `run()` (typer's non-standalone mode), with its usage
    errors shown as typer shows them and stdout failures turned into one line."""
    from typer import _click as click
    from typer.exceptions import Abort

    from advisor.render.console import print_error, print_note

    try:
        try:
            result = run()
        except click.ClickException as exc:
            _show(exc)
            result = exc.exit_code
        except Abort:
            print_note("\nInterrupted.")
            result = INTERRUPTED
        sys.stdout.flush()
    except OutputFailed as failed:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - nothing more to say there
        if failed.error.errno == errno.EPIPE:
            return 0
        print_error(f"cannot write the output: {failed.error.strerror or failed.error}")
        return DATA_ERROR
    return result if isinstance(result, int) else 0


def _show(exc: Any) -> None:
    """A usage error in advisor's own style: one line, `advisor: error: ...`, with a
    suggestion for a mistyped option and where to read more; a closed or full
    stderr is ignored."""
    from typer import _click as click

    from advisor.render.console import print_error
    from advisor.render.sanitise import printable

    if isinstance(exc, click.exceptions.NoArgsIsHelpError):  # `advisor` alone: the help
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.write(printable(exc.format_message()).rstrip("\n") + "\n")
        return
    message = exc.format_message()
    if isinstance(exc, click.exceptions.NoSuchOption) and exc.possibilities:
        message = (
            f"No such option: {exc.option_name}. Did you mean {' or '.join(exc.possibilities)}?"
        )
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        message += (
            "" if message.endswith(("?", ".")) else "."
        ) + f" See: {ctx.command_path} --help"
    with contextlib.suppress(OSError, ValueError):
        print_error(message)
