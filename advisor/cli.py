"""The typer command line: parse flags, call the core, pick the output.

Each command stays a few lines; the work is in catalog, engine and the views.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, ParamSpec, TypeVar

import typer

from advisor import __version__
from advisor.errors import INTERRUPTED, USAGE_ERROR, AdvisorError, UsageProblem
from advisor.output import console, print_error, print_json

if TYPE_CHECKING:
    from advisor.catalog import Catalog

P = ParamSpec("P")
R = TypeVar("R")

app = typer.Typer(
    name="advisor",
    help="Find the right kind of help in the health-care system: patient advocate, case "
    "manager, care coordinator or care manager. Guidance only, not medical, legal or "
    "financial advice.\n\nExample: advisor recommend",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]


@dataclass(frozen=True)
class Settings:
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
            sys.stderr.write("\nInterrupted.\n")
            raise typer.Exit(INTERRUPTED) from None

    return wrapper


def _catalog(ctx: typer.Context) -> Catalog:
    from advisor.catalog import load_catalog

    settings = ctx.find_object(Settings)
    return load_catalog(settings.data if settings else None)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"advisor {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            envvar="ADVISOR_DATA",
            help="Use the knowledge base in this folder (roles.json, questions.json, "
            "sources.json) instead of the bundled one.",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_show_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    ctx.obj = Settings(data.resolve() if data else None)


@app.command()
@friendly
def roles(ctx: typer.Context, json_out: JsonFlag = False) -> None:
    """List the four roles: whom they work for, their timeframe and focus.

    Example: advisor roles --json
    """
    from advisor.export import roles_json
    from advisor.render_roles import roles_table

    catalog = _catalog(ctx)
    if json_out:
        print_json(roles_json(catalog))
        return
    out = console()
    out.print(roles_table(out, catalog))


@app.command()
@friendly
def show(
    ctx: typer.Context,
    role: Annotated[
        str,
        typer.Argument(help="A role id or alias, e.g. care-manager, advocate.", show_default=False),
    ],
    json_out: JsonFlag = False,
) -> None:
    """Everything about one role, with its sources.

    Example: advisor show nurse-case-manager
    """
    from advisor.export import role_json
    from advisor.render_roles import role_details

    catalog = _catalog(ctx)
    found = catalog.resolve(role)
    if json_out:
        print_json(role_json(catalog, found))
        return
    out = console()
    out.print(role_details(out, catalog, found))


@app.command()
@friendly
def recommend(
    ctx: typer.Context,
    timeframe: Annotated[
        str | None,
        typer.Option(
            help="How long help is needed: episodic, ongoing, as-needed, not-sure.",
            show_default=False,
        ),
    ] = None,
    side: Annotated[
        str | None,
        typer.Option(
            help="Whose side the helper is on: patient, system, either, not-sure.",
            show_default=False,
        ),
    ] = None,
    setting: Annotated[
        str | None,
        typer.Option(
            help="Where the person is: home, facility, both, not-sure.", show_default=False
        ),
    ] = None,
    payment: Annotated[
        str | None,
        typer.Option(help="How help is paid for: covered, private, not-sure.", show_default=False),
    ] = None,
    need: Annotated[
        list[str] | None,
        typer.Option(
            help="What needs doing; repeat or comma-separate: discharge, insurance-approval, "
            "insurance-denial, medical-bills, understand-options, appointments-with-me, "
            "scheduling, transportation, home-visits, medications, long-term-plan, "
            "family-updates, benefits, rights, social-needs, placement, crisis-prevention, "
            "travel, not-sure.",
            show_default=False,
        ),
    ] = None,
    answers_file: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            help="Read answers from a JSON file (flags win over it).",
            show_default=False,
        ),
    ] = None,
    save: Annotated[
        Path | None,
        typer.Option(
            help="Save the answers to a JSON file, for --answers later.", show_default=False
        ),
    ] = None,
    force: Annotated[bool, typer.Option(help="Overwrite the --save file if it exists.")] = False,
    no_input: Annotated[
        bool,
        typer.Option("--no-input", help="Never prompt; unanswered questions count as not sure."),
    ] = False,
    json_out: JsonFlag = False,
) -> None:
    """Answer a few questions and get the role that fits, with reasons and next steps.

    In a terminal it asks what the flags did not answer; in scripts it never prompts.

    Example: advisor recommend --timeframe ongoing --side patient --setting home
    """
    from advisor.answers import parse_answer, read_answers_file, to_mapping
    from advisor.engine import recommend as rank
    from advisor.files import check_writable, write_atomically

    catalog = _catalog(ctx)
    q = catalog.questionnaire
    if save:
        check_writable(save, force)
    answers = read_answers_file(q, answers_file) if answers_file else {}
    flags = {
        "timeframe": timeframe,
        "side": side,
        "setting": setting,
        "payment": payment,
        "need": need,
    }
    for question in q.questions:
        raw = flags.get(question.flag)
        if raw is not None:
            answers[question.id] = parse_answer(q, question, raw, f"--{question.flag}")
    if not no_input and sys.stdin.isatty() and sys.stdout.isatty():
        from advisor.wizard import ask

        answers = ask(q, answers)
    if not any(answers.values()):
        flag_list = ", ".join(f"--{question.flag}" for question in q.questions)
        raise UsageProblem(
            f"no answers to go on. Pass {flag_list} or --answers FILE, "
            "or run `advisor recommend` in a terminal to be asked."
        )
    result = rank(q, [r.id for r in catalog.roles], answers)
    if save:
        import json

        write_atomically(save, json.dumps(to_mapping(q, answers), indent=2) + "\n", force)
    if json_out:
        from advisor.export import recommendation_json

        print_json(recommendation_json(catalog, answers, result))
        return
    from advisor.render_recommend import recommendation_view

    out = console()
    out.print(recommendation_view(out, catalog, answers, result))


@app.command()
@friendly
def compare(
    ctx: typer.Context,
    role_names: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="ROLE ROLE [ROLE] [ROLE]",
            help="Two to four role ids or aliases.",
            show_default=False,
        ),
    ] = None,
    everything: Annotated[bool, typer.Option("--all", help="Compare all four roles.")] = False,
    aspect: Annotated[
        list[str] | None,
        typer.Option(
            help="Show only these rows (repeatable): works-for, settings, timeframe, focus, "
            "responsibilities, limits, cost, credentials, education, salary, find-one.",
            show_default=False,
        ),
    ] = None,
    json_out: JsonFlag = False,
    markdown: Annotated[
        bool,
        typer.Option("--markdown", help="Print a Markdown table to paste into an email or a note."),
    ] = False,
) -> None:
    """Compare roles side by side: who they work for, settings, cost, credentials and more.

    Example: advisor compare advocate case-manager
    """
    from advisor.aspects import select_aspects
    from advisor.comparison import compare as build
    from advisor.comparison import pick_roles

    if json_out and markdown:
        raise UsageProblem("choose one of --json and --markdown")
    catalog = _catalog(ctx)
    chosen = pick_roles(catalog, role_names or [], everything)
    comparison = build(catalog, chosen, select_aspects(aspect))
    if json_out:
        from advisor.export import comparison_json

        print_json(comparison_json(catalog, comparison))
    elif markdown:
        from advisor.render_compare import comparison_markdown

        sys.stdout.write(comparison_markdown(catalog, comparison))
    else:
        from advisor.render_compare import comparison_view

        out = console()
        out.print(comparison_view(out, catalog, comparison))


def main() -> None:
    """Console-script entry point."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):  # never crash on a non-UTF-8 terminal
            stream.reconfigure(errors="replace")
    try:
        app(prog_name="advisor")
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(0)
    except KeyboardInterrupt:
        sys.stderr.write("\nInterrupted.\n")
        sys.exit(INTERRUPTED)


__all__ = ["USAGE_ERROR", "app", "main"]
