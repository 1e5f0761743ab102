"""The errors advisor reports to users, each with its exit code.

Kept free of typer and rich so the engine and loader can raise them. The exit
codes are plain constants, not an IntEnum: the entry point imports this module
before anything else, and `enum` is left until Ctrl-C can be caught (entry.py).
"""

from __future__ import annotations

DATA_ERROR = 1
USAGE_ERROR = 2
INTERRUPTED = 130


class AdvisorError(Exception):
    """An error with a one-line message meant for the user; exit 1 unless a
    subclass says otherwise."""

    exit_code = DATA_ERROR


class DataError(AdvisorError):
    """The knowledge base (bundled or --data) is missing or invalid (exit 1)."""


class UsageProblem(AdvisorError):
    """The user asked for something that cannot be done as asked."""

    exit_code = USAGE_ERROR


class Terminated(BaseException):
    """SIGTERM or SIGHUP arrived. Raised from the signal handler so that every
    `finally` runs on the way out (the wizard restores the terminal, a half-written
    file's temporary copy is removed); the process then exits 128 + the signal."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum


class OutputFailed(BaseException):
    """Writing to standard output failed (closed, full, a pipe closed early).

    A BaseException so that click's own handling of OSError (which exits 1 on a
    broken pipe) and `except Exception` blocks leave it to the entry point."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error)
        self.error = error
