"""The options the commands share (each with its help text), and the wrapper
that turns advisor's errors into one line and an exit code.

No `from __future__ import annotations`: typer would then evaluate every
parameter's annotation string on each run, which costs about 3 ms of start-up.
"""

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple, ParamSpec, TypeVar

import typer

from advisor.completion import aspect_names
from advisor.errors import INTERRUPTED, AdvisorError
from advisor.render.console import print_error, print_note

if TYPE_CHECKING:
    from advisor.knowledge.catalog import Catalog

P = ParamSpec("P")
R = TypeVar("R")


def opt(
    help: str,
    *names: str,
    metavar: str | None = None,
    complete: Any = None,
    parser: Callable[[str], Any] | None = None,
) -> Any:
    """An option with help text and no default shown (typer's own return type is Any).

    Every option names itself (a bool then is one flag, no `--no-...` twin) and
    every option that takes a value says what (`FILE`, `DIR`), never a type.
    """
    return typer.Option(
        *names,
        help=help,
        show_default=False,
        metavar=metavar,
        autocompletion=complete,
        parser=parser,
    )


def output_path(value: str) -> Path:
    """--save and --report's parser; render.files loads only when one is given."""
    from advisor.render.files import output_path as checked

    return checked(value)


JsonFlag = Annotated[bool, opt("Print JSON instead of text.", "--json")]
Markdown = Annotated[bool, opt("Print Markdown to paste into an email or a note.", "--markdown")]
AnswersFile = Annotated[
    Path | None,
    opt(
        "Read answers from a JSON file, or - for standard input (flags win).",
        "--answers",
        metavar="FILE",
    ),
]
SaveFile = Annotated[
    Path | None,
    opt(
        "Save the answers to a JSON file for --answers (- prints them).",
        "--save",
        metavar="FILE",
        parser=output_path,
    ),
]
Force = Annotated[bool, opt("Overwrite an existing --save or --report file.", "--force")]
Share = Annotated[
    bool,
    opt(
        "Print only a few lines to send a family member: the kind of help and the first calls.",
        "--share",
    ),
]
Details = Annotated[
    bool, opt("Print the full result: every reason, costs, questions to ask.", "--details")
]
CareerDetails = Annotated[
    bool, opt("Print the full result: every reason, every career's paths and pay.", "--details")
]
NoPager = Annotated[
    bool, opt("Print long output directly instead of through a pager.", "--no-pager")
]
NoInput = Annotated[
    bool,
    opt(
        "Never prompt; questions you leave unanswered count as not sure (answer at least one).",
        "--no-input",
    ),
]
Describe = Annotated[
    str | None,
    opt(
        "Your situation in your own words (or - to read them from stdin); it answers the "
        "questions your words support. Flags and --answers win.",
        "--describe",
        metavar="TEXT",
    ),
]
ReportFile = Annotated[
    Path | None,
    opt(
        "Also write a report to share: FILE.md or FILE.html (- prints Markdown).",
        "--report",
        metavar="FILE",
        parser=output_path,
    ),
]
ReportForce = Annotated[bool, opt("Overwrite an existing --report file.", "--force")]


RoleName = Annotated[
    list[str],
    typer.Argument(
        show_default=False,
        metavar="ROLE",
        hidden=True,  # described in the docstring: typer would print its type
    ),
]
RoleNames = Annotated[
    list[str] | None,
    typer.Argument(metavar="ROLE", show_default=False, hidden=True),
]
AllRoles = Annotated[bool, opt("Compare all four roles.", "--all")]
Aspects = Annotated[
    list[str] | None,
    opt(
        "Show only these rows; repeat or comma-separate: works-for, settings, timeframe, "
        "focus, responsibilities, limits, cost, credentials, education, salary, find-one, "
        "codes.",
        "--aspect",
        metavar="ASPECT,...",
        complete=aspect_names,
    ),
]
NeedFilter = Annotated[
    list[str] | None,
    opt(
        "Only routes that serve this need (repeatable, or comma-separated), "
        "e.g. insurance-denial, discharge, rights.",
        "--need",
        metavar="NEED,...",
    ),
]
RoleFilter = Annotated[
    str | None,
    opt("Only routes that stand in for this role (id or alias).", "--role", metavar="ROLE"),
]


class Settings(NamedTuple):
    data: Path | None


def friendly(func: Callable[P, R]) -> Callable[P, R]:
    """Turn advisor's errors and Ctrl-C into one line on stderr and the right exit code."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except AdvisorError as exc:
            print_error(str(exc))
            raise typer.Exit(exc.exit_code) from None
        except (KeyboardInterrupt, EOFError):
            print_note("\nInterrupted.")
            raise typer.Exit(INTERRUPTED) from None

    return wrapper


def catalog_of(ctx: typer.Context) -> "Catalog":
    from advisor.knowledge.catalog import load_catalog

    settings = ctx.find_object(Settings)
    return load_catalog(settings.data if settings else None)
