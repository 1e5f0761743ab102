"""The typer command line: the commands, their options and their help.

Each command's body is a few lines: check the output flags, gather what the
person gave (advisor/intake.py), build the command's view (advisor/views/) and
`emit` it (advisor/render/output.py). Nothing here decides what is shown.
Heavy imports happen inside the commands, so `--help` and scripted runs stay fast.
No `from __future__ import annotations`: typer would then evaluate every
parameter's annotation string on each run, which costs about 3 ms of start-up.
"""

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from advisor import __version__
from advisor.cli_data import data_app
from advisor.cli_options import (
    AllRoles,
    AnswersFile,
    Aspects,
    CareerDetails,
    Describe,
    Details,
    Force,
    JsonFlag,
    Markdown,
    NeedFilter,
    NoInput,
    NoPager,
    ReportFile,
    ReportForce,
    RoleFilter,
    RoleName,
    RoleNames,
    SaveFile,
    Settings,
    Share,
    catalog_of,
    friendly,
)
from advisor.cli_serve import serve
from advisor.completion import CompletingGroup, RoleArgumentCommand
from advisor.help_format import AdvisorCommand
from advisor.question_flags import given_flags, questions_command
from advisor.render.console import print_json

if TYPE_CHECKING:
    from advisor.intake import Ask, Result
    from advisor.knowledge.questions import Questionnaire


app = typer.Typer(
    name="advisor",
    help="Find the right kind of help in the U.S. health-care system: patient advocate, case "
    "manager, care coordinator or care manager. Guidance only, not medical, legal or "
    "financial advice.\n\nExample: advisor recommend\n\n"
    "Tab completion (bash, zsh, fish): run advisor --install-completion once, then open a "
    "new terminal.",
    no_args_is_help=True,
    cls=CompletingGroup,
    rich_markup_mode=None,  # plain help: choices stay readable on narrow screens
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _can_ask() -> bool:
    """A person can be asked: stdin is a terminal, and so is stdout, stderr or the
    controlling terminal (`advisor recommend > result.txt` asks on the terminal)."""
    if not sys.stdin.isatty():
        return False
    if sys.stdout.isatty() or sys.stderr.isatty():
        return True
    try:
        with open("/dev/tty", "w", encoding="utf-8"):
            return True
    except OSError:
        return False


def _asker(no_input: bool) -> "Ask | None":
    """The wizard, when there is a person at a terminal to ask and --no-input is not given."""
    if no_input or not _can_ask():
        return None

    def ask(*args: Any) -> Any:
        from advisor.wizard import interview

        return interview(*args)

    return ask


def _offer(result: "Result") -> "Callable[[bool, bool], tuple[str, Path | None] | None] | None":
    """After a run that asked a person: the wizard's final menu (show everything,
    save a report, a text to share); questionary is imported only then."""
    if not result.gathered.asked:
        return None
    from advisor.wizard import offer_next

    return lambda everything, share: offer_next(everything=everything, share=share)


def _words(describe: str | None) -> str | None:
    """--describe's text: as given (bytes that were not UTF-8 shown as U+FFFD),
    or standard input for `-`."""
    from advisor.inputs import read_stdin_text, valid_text

    if describe != "-":
        return None if describe is None else valid_text(describe)

    return read_stdin_text("--describe -")


def _situation_questions(ctx: typer.Context) -> "Questionnaire":
    return catalog_of(ctx).questionnaire


def _career_questions(ctx: typer.Context) -> "Questionnaire":
    return catalog_of(ctx).career


# Commands whose options include one per question of a questionnaire (question_flags.py).
SituationCommand = questions_command(_situation_questions)
CareerCommand = questions_command(_career_questions)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"advisor {__version__}")
        raise typer.Exit()


@app.callback()
@friendly
def main_options(
    ctx: typer.Context,
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            envvar="ADVISOR_DATA",
            show_default=False,
            metavar="DIR",
            help="Use the knowledge base in this folder (roles.json, questions.json, "
            "sources.json, career.json; optional routes.json, titles.json) instead of the "
            "bundled one.",
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_show_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    from advisor.inputs import data_folder

    ctx.obj = Settings(data_folder(data) if data else None)


@app.command(cls=AdvisorCommand, short_help="The four roles at a glance.")
@friendly
def roles(
    ctx: typer.Context,
    json_out: JsonFlag = False,
    markdown: Markdown = False,
    report: ReportFile = None,
    force: ReportForce = False,
    no_pager: NoPager = False,
) -> None:
    """List the four roles: whom they work for, their timeframe and focus.

    Example: advisor roles --json
    """
    from advisor.render.output import emit, output
    from advisor.views.roles import roles_view

    out = output(json_out, markdown, report, force, no_pager)
    emit(roles_view(catalog_of(ctx)), out)


@app.command(
    cls=RoleArgumentCommand,
    short_help="Everything about one role (or another title), with sources.",
)
@friendly
def show(
    ctx: typer.Context,
    role: RoleName,
    json_out: JsonFlag = False,
    markdown: Markdown = False,
    report: ReportFile = None,
    force: ReportForce = False,
    no_pager: NoPager = False,
) -> None:
    """Everything about one role, with its sources; or, for another title people
    meet (navigator, social worker...), which role it is closest to and how it differs.

    ROLE is a role id or alias, e.g. care-manager, advocate, geriatric-care-manager;
    or another title, e.g. navigator, social-worker, community-health-worker.

    Example: advisor show nurse-case-manager
    """
    from advisor.render.output import emit, output
    from advisor.views.show import show_view

    out = output(json_out, markdown, report, force, no_pager)
    catalog = catalog_of(ctx)
    # `show case manager` without quotes works too
    emit(show_view(catalog, catalog.lookup(" ".join(role))), out)


@app.command(
    cls=RoleArgumentCommand, short_help="Free and low-cost routes to the same help (U.S.)."
)
@friendly
def routes(
    ctx: typer.Context,
    need: NeedFilter = None,
    role: RoleFilter = None,
    json_out: JsonFlag = False,
    markdown: Markdown = False,
    report: ReportFile = None,
    force: ReportForce = False,
    no_pager: NoPager = False,
) -> None:
    """Free and low-cost routes to the same help (U.S.): SHIP, the long-term care
    ombudsman, Medicare's fast discharge appeal, insurance appeals and more.

    Example: advisor routes --need insurance-denial
    """
    from advisor.answers import needs_from
    from advisor.render.output import emit, output
    from advisor.views.routes import routes_view

    out = output(json_out, markdown, report, force, no_pager)
    catalog = catalog_of(ctx)
    needs = needs_from(catalog.questionnaire, need or [])
    emit(routes_view(catalog, needs, catalog.resolve(role) if role else None), out)


@app.command(cls=RoleArgumentCommand, short_help="Two to four roles side by side.")
@friendly
def compare(
    ctx: typer.Context,
    role_names: RoleNames = None,
    everything: AllRoles = False,
    aspect: Aspects = None,
    json_out: JsonFlag = False,
    markdown: Markdown = False,
    report: ReportFile = None,
    force: ReportForce = False,
    no_pager: NoPager = False,
) -> None:
    """Compare roles side by side: who they work for, settings, cost, credentials and more.

    Give two to four role ids or aliases, or --all.

    Example: advisor compare advocate case-manager
    """
    from advisor.render.output import emit, output
    from advisor.views.compare import compare_view

    out = output(json_out, markdown, report, force, no_pager)
    emit(compare_view(catalog_of(ctx), role_names or [], everything, aspect), out)


@app.command(cls=SituationCommand, short_help="Answer a few questions; get the role that fits.")
@friendly
def recommend(
    ctx: typer.Context,
    answers_file: AnswersFile = None,
    save: SaveFile = None,
    report: ReportFile = None,
    force: Force = False,
    no_input: NoInput = False,
    details: Details = False,
    json_out: JsonFlag = False,
    markdown: Markdown = False,
    no_pager: NoPager = False,
    describe: Describe = None,
    share: Share = False,
) -> None:
    """Answer a few questions and get the role that fits, with reasons and next steps.

    In a terminal it asks what the flags did not answer; in scripts it never prompts.
    With --describe it first takes what it can from your own words, and shows what
    it understood.

    Example: advisor recommend --timeframe ongoing --side patient --setting home

    Example: advisor recommend --describe "Dad has dementia, lives alone, I'm 300 miles away"

    Example: advisor recommend --need rights --setting nursing-home --share
    """
    from advisor import intake
    from advisor.render.output import emit, output, save_answers
    from advisor.views.recommend import recommend_view

    out = output(json_out, markdown, report, force, no_pager, save=save, share=share)
    catalog = catalog_of(ctx)
    words = _words(describe)
    result = intake.recommend(catalog, given_flags(ctx), answers_file, words, _asker(no_input))
    if save:
        save_answers(catalog.questionnaire, result.gathered.answers, save, force)
    emit(recommend_view(catalog, result, details), out, _offer(result))


@app.command(cls=CareerCommand, short_help="Choosing a career: which of the four fits you.")
@friendly
def career(
    ctx: typer.Context,
    answers_file: AnswersFile = None,
    save: SaveFile = None,
    report: ReportFile = None,
    force: Force = False,
    no_input: NoInput = False,
    details: CareerDetails = False,
    json_out: JsonFlag = False,
    markdown: Markdown = False,
    no_pager: NoPager = False,
) -> None:
    """For people choosing a career: which of the four fits you, and how to get there.

    Shows the best fit with reasons, then education, licence and credential paths,
    skills, salary figures and the closest occupation codes.

    Example: advisor career --work-for patients --licence none --relationship episodic
    """
    from advisor import intake
    from advisor.render.output import emit, output, save_answers
    from advisor.views.career import career_view

    out = output(json_out, markdown, report, force, no_pager, save=save)
    catalog = catalog_of(ctx)
    result = intake.career(catalog, given_flags(ctx), answers_file, _asker(no_input))
    if save:
        save_answers(catalog.career, result.gathered.answers, save, force)
    emit(career_view(catalog, result, details), out, _offer(result))


@app.command(name="map", cls=SituationCommand, short_help="The four roles on two axes, and you.")
@friendly
def role_map(
    ctx: typer.Context,
    answers_file: AnswersFile = None,
    json_out: JsonFlag = False,
    markdown: Markdown = False,
    report: ReportFile = None,
    force: ReportForce = False,
    no_pager: NoPager = False,
) -> None:
    """Draw the four roles on two axes (system or patient; one episode or ongoing).

    With the same answers as `recommend` (flags or --answers) it marks where you are.

    Example: advisor map --side patient --timeframe ongoing
    """
    from advisor.intake import given_answers
    from advisor.render.output import emit, output
    from advisor.views.map import map_view

    out = output(json_out, markdown, report, force, no_pager)
    catalog = catalog_of(ctx)
    answers, _ = given_answers(catalog.questionnaire, given_flags(ctx), answers_file)
    emit(map_view(catalog, answers), out)


app.command(cls=AdvisorCommand, short_help="The same advisor as a web page on this computer.")(
    serve
)


OUTPUT_COMMANDS = ("roles", "show", "compare", "recommend", "career", "map", "routes")


@app.command(cls=AdvisorCommand, short_help="The JSON Schema of a command's --json output.")
@friendly
def schema(
    command: Annotated[str, typer.Argument(metavar="COMMAND", show_default=False, hidden=True)],
) -> None:
    """Print the JSON Schema of a command's --json output, generated from its models.

    COMMAND is one of: roles, show, compare, recommend, career, map, routes.

    Example: advisor schema recommend > recommend.schema.json
    """
    from advisor.answers import one_of
    from advisor.render.json_shapes import output_schema

    print_json(output_schema(one_of(command, OUTPUT_COMMANDS, "command")))


app.add_typer(data_app, short_help="Copy, check and describe a knowledge base of your own.")


def main() -> None:
    """Run the command line, and keep its promises on odd streams.

    A closed stdin reads as empty, a closed or full stderr never changes the
    exit code, and stdout errors are one line on stderr with exit 1 (a pipe
    closed early, as by `| head`, exits 0 quietly), never a traceback.
    """
    from advisor.render.streams import guard_streams, run_guarded

    guard_streams()
    chosen = app_for(sys.argv[1:])
    sys.exit(run_guarded(lambda: chosen(prog_name="advisor", standalone_mode=False)))


def app_for(args: list[str]) -> typer.Typer:
    """The app with only the command that `args` names first, when it names one.

    typer turns every command's parameters into click options on each run, and
    a run such as `advisor compare ...` needs only compare's: building one
    command instead of all of them is a few percent of start-up. Anything else
    (an option first, a typo, no command, Tab completion) gets the whole app, so
    `--help`, the list of commands and "did you mean" stay complete.
    """
    import os

    if not args or "_ADVISOR_COMPLETE" in os.environ:
        return app
    commands = [c for c in app.registered_commands if _command_name(c) == args[0]]
    groups = [g for g in app.registered_groups if _group_name(g) == args[0]]
    if not commands and not groups:
        return app
    import copy

    only = copy.copy(app)
    only.registered_commands = commands
    only.registered_groups = groups
    return only


def _command_name(command: typer.models.CommandInfo) -> str | None:
    if command.name:
        return command.name
    callback = command.callback
    return callback.__name__.lower().replace("_", "-") if callback else None  # typer's rule


def _group_name(group: typer.models.TyperInfo) -> str | None:
    instance = group.typer_instance
    return group.name or (instance.info.name if instance else None)
