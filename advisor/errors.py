"""The errors advisor reports to users, each with its exit code.

Kept free of typer and rich so the engine and loader can raise them.
"""

from __future__ import annotations

DATA_ERROR = 1
USAGE_ERROR = 2
INTERRUPTED = 130


class AdvisorError(Exception):
    """An error with a one-line message meant for the user."""

    exit_code = DATA_ERROR


class DataError(AdvisorError):
    """The knowledge base (bundled or --data) is missing or invalid."""

    exit_code = DATA_ERROR


class UsageProblem(AdvisorError):
    """The user asked for something that cannot be done as asked."""

    exit_code = USAGE_ERROR
