"""The typer command line: parse flags, call the core, pick the output.

Each command stays a few lines; the work is in knowledge/, scoring, views/ and render/.
Heavy imports happen inside the commands, so `--help` and scripted runs stay fast.
No `from __future__ import annotations`: typer would then evaluate every
parameter's annotation string on each run, which costs about 3 ms of start-up.
"""

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple, ParamSpec, TypeVar

import typer

from advisor import __version__
from advisor.completion import RoleArgumentCommand, aspect_names
from advisor.errors import INTERRUPTED, AdvisorError, UsageProblem
from advisor.help_format import AdvisorCommand, AdvisorGroup
from advisor.question_flags import Flags, given_flags, questions_command
from advisor.render.console import console, print_error, print_json, print_note

if TYPE_CHECKING:
    from advisor.answers import Answers
    from advisor.describe import Described
    from advisor.knowledge.catalog import Catalog
    from advisor.knowledge.questions import Questionnaire
    from advisor.scoring import Recommendation
    from advisor.views.blocks import Document

P = ParamSpec("P")
R = TypeVar("R")

app = typer.Typer(
    name="advisor",
    help="Find the right kind of help in the U.S. health-care system: patient advocate, case "
    "manager, care coordinator or care manager. Guidance only, not medical, legal or "
    "financial advice.\n\nExample: advisor recommend\n\n"
    "Tab completion (bash, zsh, fish): run advisor --install-completion once, then open a "
    "new terminal.",
    no_args_is_help=True,
    cls=AdvisorGroup,
    rich_markup_mode=None,  # plain help: choices stay readable on narrow screens
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _opt(
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


JsonFlag = Annotated[bool, _opt("Print JSON instead of text.", "--json")]
Markdown = Annotated[bool, _opt("Print Markdown to paste into an email or a note.", "--markdown")]
AnswersFile = Annotated[
    Path | None,
    _opt(
        "Read answers from a JSON file, or - for standard input (flags win).",
        "--answers",
        metavar="FILE",
    ),
]
SaveFile = Annotated[
    Path | None,
    _opt(
        "Save the answers to a JSON file for --answers (- prints them).",
        "--save",
        metavar="FILE",
        parser=output_path,
    ),
]
Force = Annotated[bool, _opt("Overwrite an existing --save or --report file.", "--force")]
SaveForce = Annotated[bool, _opt("Overwrite an existing --save file.", "--force")]
Details = Annotated[
    bool, _opt("Print the full result: every reason, costs, questions to ask.", "--details")
]
CareerDetails = Annotated[
    bool, _opt("Print the full result: every reason, every career's paths and pay.", "--details")
]
NoPager = Annotated[
    bool, _opt("Print long output directly instead of through a pager.", "--no-pager")
]
NoInput = Annotated[
    bool,
    _opt(
        "Never prompt; questions you leave unanswered count as not sure (answer at least one).",
        "--no-input",
    ),
]
Describe = Annotated[
    str | None,
    _opt(
        "Your situation in your own words (or - to read them from stdin); it answers the "
        "questions your words support. Flags and --answers win.",
        "--describe",
        metavar="TEXT",
    ),
]
MAX_DESCRIPTION = 2000  # characters: "a sentence or two", with room to spare


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


def _catalog(ctx: typer.Context) -> "Catalog":
    from advisor.knowledge.catalog import load_catalog

    settings = ctx.find_object(Settings)
    return load_catalog(settings.data if settings else None)


def _given(questionnaire: "Questionnaire", flags: Flags, answers_file: Path | None) -> "Answers":
    """Answers from a file, then flags on top, through the one validation path."""
    from advisor.answers import parse_answer, read_answers_file

    answers = read_answers_file(questionnaire, answers_file) if answers_file else {}
    for question in questionnaire.questions:
        raw = flags.get(question.flag)
        if raw is not None:
            answers[question.id] = parse_answer(questionnaire, question, raw, f"--{question.flag}")
    return answers


def _description(text: str) -> str:
    """The text of --describe: as given, or read from stdin for `-`."""
    if text == "-":
        text = sys.stdin.read()
    if not text.strip():
        raise UsageProblem(
            "--describe: the description is empty. Say in a sentence or two what is going on."
        )
    if len(text) > MAX_DESCRIPTION:
        raise UsageProblem(
            f"--describe: please keep it to a few sentences (at most {MAX_DESCRIPTION} characters)."
        )
    return text


class Gathered(NamedTuple):
    answers: "Answers"
    asked: bool  # did the wizard ask anything
    described: "Described | None"  # what a description gave, if one was read


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


def _gather(
    questionnaire: "Questionnaire",
    flags: Flags,
    answers_file: Path | None,
    prompt: bool,
    description: str | None = None,
) -> Gathered:
    """Given answers, then what a description supports, then the wizard for the rest
    when on a terminal (which first offers to read a description); never empty."""
    answers = _given(questionnaire, flags, answers_file)
    described = None
    if description is not None:
        from advisor.describe import fill, read

        answers, described = fill(questionnaire, answers, read(description, questionnaire))
    asked = prompt and _can_ask()
    if asked:
        from advisor.entry import waiting_for_a_person
        from advisor.wizard import ask, ask_description, introduce, terminal_options

        waiting_for_a_person()
        options = terminal_options()
        introduce(**options)
        if described is None:
            answers, described = ask_description(questionnaire, answers, **options)
        answers = ask(questionnaire, answers, **options)
    if not answers and described is not None:
        raise UsageProblem(
            "I could not take any answer from your description. Try naming where the "
            "person is, how long help is needed or what needs doing, or run this command "
            "in a terminal to be asked."
        )
    if not answers:  # nothing given at all; "not sure" everywhere gets guidance instead
        from advisor.describe import reads_descriptions

        flag_list = ", ".join(f"--{q.flag}" for q in questionnaire.questions)
        describe = (
            "Say what is going on with --describe TEXT. "
            if reads_descriptions(questionnaire)
            else ""
        )
        raise UsageProblem(
            f"no answers to go on. {describe}Pass {flag_list} or --answers FILE, "
            "or run this command in a terminal (without --no-input) to be asked."
        )
    return Gathered(answers, asked, described)


def _answer_and_rank(
    catalog: "Catalog",
    questionnaire: "Questionnaire",
    flags: Flags,
    answers_file: Path | None,
    save: Path | None,
    force: bool,
    no_input: bool,
    also_writes: Path | None = None,
    description: str | None = None,
) -> "tuple[Gathered, Recommendation]":
    """The flow `recommend` and `career` share: check output paths before asking
    anything, gather answers, rank every role, save the answers if asked."""
    from advisor.render.files import check_outputs
    from advisor.scoring import recommend

    check_outputs(force, save=save, report=also_writes)
    text = _description(description) if description is not None else None
    gathered = _gather(questionnaire, flags, answers_file, not no_input, text)
    result = recommend(questionnaire, [r.id for r in catalog.roles], gathered.answers)
    if save:
        _save_answers(questionnaire, gathered.answers, save, force)
    return gathered, result


def _file_to_stdout(json_out: bool, **files: Path | None) -> bool:
    """Whether a file option is `-` (standard output); only one output may use it."""
    from advisor.render.files import is_stdout

    claims = [f"--{name} -" for name, path in files.items() if is_stdout(path)]
    if len(claims) + json_out > 1:
        both = " and ".join([*claims, "--json"] if json_out else claims)
        raise UsageProblem(
            f"{both} would {'both' if len(claims) + json_out == 2 else 'all'} print to "
            "standard output; send one to a file"
        )
    return bool(claims)


def _save_answers(
    questionnaire: "Questionnaire", answers: "Answers", path: Path, force: bool
) -> None:
    import json

    from advisor.answers import to_mapping
    from advisor.render.files import is_stdout, write_atomically

    write_atomically(path, json.dumps(to_mapping(questionnaire, answers), indent=2) + "\n", force)
    if not is_stdout(path):
        import shlex

        print_note(
            f"Answers saved to {path}; use them again with --answers {shlex.quote(str(path))}"
        )


def _undecided(
    catalog: "Catalog",
    questionnaire: "Questionnaire",
    command: str,
    json_out: bool,
    report: Path | None,
    force: bool,
    show: bool,
    paged: bool = True,
) -> None:
    """Every answer "not sure": guidance on what would decide it, not an error.
    `show` is false when standard output already carries JSON or a file."""
    from advisor.views.guidance import deciding_questions, undecided_document

    if json_out:
        from advisor.render.json import about

        print_json(
            {
                "undecided": True,
                "deciding_questions": [q.id for q in deciding_questions(questionnaire)],
                **about(catalog),
            }
        )
    if report:
        from advisor.render.files import write_report

        write_report(undecided_document(catalog, questionnaire, command), report, force)
    if show:
        from advisor.render.pager import show as page
        from advisor.render.terminal import to_rich

        out = console()
        with_map = command == "recommend"
        doc = undecided_document(catalog, questionnaire, command, with_roles=not with_map)
        if not with_map:
            page(out, to_rich(out, doc), paged=paged)
            return
        from rich.text import Text

        from advisor.views.map import map_view

        guidance = to_rich(out, doc._replace(sections=doc.sections[:-1]))
        closing = to_rich(out, doc._replace(title="", sections=doc.sections[-1:]))
        page(out, guidance, Text(), map_view(out, catalog, {}), Text(), closing, paged=paged)


def _offer_report(doc: "Document") -> None:
    """After an interactive run: offer to save a report to share (never over a file)."""
    from advisor.render.files import write_report
    from advisor.wizard import offer_report

    path = offer_report()
    if path:
        write_report(doc, path, force=False)


def _print_document(doc: "Document", no_pager: bool = False) -> None:
    from advisor.render.pager import show
    from advisor.render.terminal import to_rich

    out = console()
    show(out, to_rich(out, doc), paged=not no_pager)


def _check_formats(json_out: bool, markdown: bool) -> None:
    if json_out and markdown:
        raise UsageProblem("choose one of --json and --markdown")


def _emit(
    as_json: Callable[[], Any],
    as_document: Callable[[], "Document"],
    json_out: bool,
    markdown: bool,
    no_pager: bool = False,
) -> None:
    """Print JSON, Markdown or the terminal view, building only the one asked for."""
    if json_out:
        print_json(as_json())
    elif markdown:
        from advisor.render.markdown import to_markdown

        sys.stdout.write(to_markdown(as_document()))
    else:
        _print_document(as_document(), no_pager)


def _situation_questions(ctx: typer.Context) -> "Questionnaire":
    return _catalog(ctx).questionnaire


def _career_questions(ctx: typer.Context) -> "Questionnaire":
    return _catalog(ctx).career


# Commands whose options include one per question of a questionnaire (question_flags.py).
SituationCommand = questions_command(_situation_questions)
CareerCommand = questions_command(_career_questions)


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
    ctx.obj = Settings(data.resolve() if data else None)


@app.command(cls=AdvisorCommand, short_help="The four roles at a glance.")
@friendly
def roles(
    ctx: typer.Context,
    json_out: JsonFlag = False,
    markdown: Markdown = False,
    no_pager: NoPager = False,
) -> None:
    """List the four roles: whom they work for, their timeframe and focus.

    Example: advisor roles --json
    """
    from advisor.views.roles import roles_document

    _check_formats(json_out, markdown)
    catalog = _catalog(ctx)

    def as_json() -> Any:
        from advisor.render.json import roles_json

        return roles_json(catalog)

    _emit(as_json, lambda: roles_document(catalog), json_out, markdown, no_pager)


@app.command(
    cls=RoleArgumentCommand,
    short_help="Everything about one role (or another title), with sources.",
)
@friendly
def show(
    ctx: typer.Context,
    role: Annotated[
        list[str],
        typer.Argument(
            show_default=False,
            metavar="ROLE",
            hidden=True,  # described in the docstring: typer would print its type
        ),
    ],
    json_out: JsonFlag = False,
    markdown: Markdown = False,
    no_pager: NoPager = False,
) -> None:
    """Everything about one role, with its sources; or, for another title people
    meet (navigator, social worker...), which role it is closest to and how it differs.

    ROLE is a role id or alias, e.g. care-manager, advocate, geriatric-care-manager;
    or another title, e.g. navigator, social-worker, community-health-worker.

    Example: advisor show nurse-case-manager
    """
    from advisor.knowledge.models import Role

    _check_formats(json_out, markdown)
    catalog = _catalog(ctx)
    found = catalog.lookup(" ".join(role))  # `show case manager` without quotes works too

    def as_json() -> Any:
        from advisor.render.json import role_json, title_json

        if isinstance(found, Role):
            return role_json(catalog, found)
        return title_json(catalog, found)

    def as_document() -> "Document":
        if isinstance(found, Role):
            from advisor.views.roles import role_document

            return role_document(catalog, found)
        from advisor.views.routes import title_document

        return title_document(catalog, found)

    _emit(as_json, as_document, json_out, markdown, no_pager)


@app.command(
    cls=RoleArgumentCommand, short_help="Free and low-cost routes to the same help (U.S.)."
)
@friendly
def routes(
    ctx: typer.Context,
    need: Annotated[
        list[str] | None,
        _opt(
            "Only routes that serve this need (repeatable, or comma-separated), "
            "e.g. insurance-denial, discharge, rights.",
            "--need",
            metavar="NEED,...",
        ),
    ] = None,
    role: Annotated[
        str | None,
        _opt("Only routes that stand in for this role (id or alias).", "--role", metavar="ROLE"),
    ] = None,
    json_out: JsonFlag = False,
    markdown: Markdown = False,
    no_pager: NoPager = False,
) -> None:
    """Free and low-cost routes to the same help (U.S.): SHIP, the long-term care
    ombudsman, Medicare's fast discharge appeal, insurance appeals and more.

    Example: advisor routes --need insurance-denial
    """
    from advisor.knowledge.routes import routes_for
    from advisor.views.routes import routes_document

    _check_formats(json_out, markdown)
    catalog = _catalog(ctx)
    needs = _needs(catalog, need or [])
    found = catalog.resolve(role) if role else None
    chosen = routes_for(catalog.routes, needs)
    if found is not None:
        chosen = tuple(r for r in chosen if found.id in r.stands_in_for.roles)
        if not needs:
            chosen = routes_for(catalog.routes, role=found.id)

    def as_json() -> Any:
        from advisor.render.json import routes_json

        return routes_json(catalog, chosen)

    _emit(
        as_json,
        lambda: routes_document(catalog, chosen, needs, found),
        json_out,
        markdown,
        no_pager,
    )


def _needs(catalog: "Catalog", raw: list[str]) -> list[str]:
    """--need values checked against the needs the questionnaire offers."""
    import difflib

    from advisor.knowledge.catalog import need_ids

    known = sorted(need_ids(catalog.questionnaire))
    needs: list[str] = []
    for value in (v.strip().lower() for item in raw for v in item.split(",") if v.strip()):
        if value == catalog.questionnaire.unsure:
            continue  # recommend takes --need not-sure; here it narrows nothing
        if value not in known:
            unsure = catalog.questionnaire.unsure
            close = difflib.get_close_matches(value, [*known, unsure], n=1)
            hint = f" Did you mean {close[0]}?" if close else ""
            raise UsageProblem(f"--need: unknown need {value!r}.{hint} Needs: {', '.join(known)}")
        if value not in needs:
            needs.append(value)
    return needs


@app.command(cls=RoleArgumentCommand, short_help="Two to four roles side by side.")
@friendly
def compare(
    ctx: typer.Context,
    role_names: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="ROLE",
            show_default=False,
            hidden=True,  # described in the docstring: typer would print its type
        ),
    ] = None,
    everything: Annotated[bool, _opt("Compare all four roles.", "--all")] = False,
    aspect: Annotated[
        list[str] | None,
        _opt(
            "Show only these rows; repeat or comma-separate: works-for, settings, timeframe, "
            "focus, responsibilities, limits, cost, credentials, education, salary, find-one, "
            "codes.",
            "--aspect",
            metavar="ASPECT,...",
            complete=aspect_names,
        ),
    ] = None,
    json_out: JsonFlag = False,
    markdown: Markdown = False,
    no_pager: NoPager = False,
) -> None:
    """Compare roles side by side: who they work for, settings, cost, credentials and more.

    Give two to four role ids or aliases, or --all.

    Example: advisor compare advocate case-manager
    """
    from advisor.comparison import compare as build
    from advisor.comparison import pick_roles, select_aspects
    from advisor.views.compare import comparison_document

    _check_formats(json_out, markdown)
    catalog = _catalog(ctx)
    comparison = build(
        catalog, pick_roles(catalog, role_names or [], everything), select_aspects(aspect)
    )

    def as_json() -> Any:
        from advisor.render.json import comparison_json

        return comparison_json(catalog, comparison)

    _emit(
        as_json,
        lambda: comparison_document(catalog, comparison, picked=bool(aspect)),
        json_out,
        markdown,
        no_pager,
    )


@app.command(cls=SituationCommand, short_help="Answer a few questions; get the role that fits.")
@friendly
def recommend(
    ctx: typer.Context,
    answers_file: AnswersFile = None,
    save: SaveFile = None,
    report: Annotated[
        Path | None,
        _opt(
            "Also write a report to share: FILE.md or FILE.html (- prints Markdown).",
            "--report",
            metavar="FILE",
            parser=output_path,
        ),
    ] = None,
    force: Force = False,
    no_input: NoInput = False,
    details: Details = False,
    json_out: JsonFlag = False,
    no_pager: NoPager = False,
    describe: Describe = None,
) -> None:
    """Answer a few questions and get the role that fits, with reasons and next steps.

    In a terminal it asks what the flags did not answer; in scripts it never prompts.
    With --describe it first takes what it can from your own words, and shows what
    it understood.

    Example: advisor recommend --timeframe ongoing --side patient --setting home

    Example: advisor recommend --describe "Dad has dementia, lives alone, I'm 300 miles away"
    """
    stdout_taken = _file_to_stdout(json_out, save=save, report=report)
    catalog = _catalog(ctx)
    (answers, asked, described), result = _answer_and_rank(
        catalog,
        catalog.questionnaire,
        given_flags(ctx),
        answers_file,
        save,
        force,
        no_input,
        also_writes=report,
        description=describe,
    )
    if not result.answered:
        _undecided(
            catalog,
            catalog.questionnaire,
            "recommend",
            json_out,
            report,
            force,
            not (json_out or stdout_taken),
            not no_pager,
        )
        return
    if json_out:
        from advisor.render.json import recommendation_json

        print_json(recommendation_json(catalog, answers, result, described))
    if report or not (json_out or stdout_taken):
        from advisor.views.recommend import (
            recommendation_document,
            short_recommendation_document,
        )

        if report:
            from advisor.render.files import write_report

            doc = recommendation_document(catalog, answers, result, True, described)
            # the short result on a terminal ends with where the report went
            shown = not (json_out or stdout_taken or details) and sys.stdout.isatty()
            write_report(doc, report, force, announce=not shown)
        if not (json_out or stdout_taken):
            if details:
                doc = recommendation_document(catalog, answers, result, described=described)
            else:
                doc = short_recommendation_document(
                    catalog,
                    answers,
                    result,
                    str(report.absolute()) if report else None,
                    asked,
                    described,
                )
            _print_document(doc, no_pager)
            if asked and not report and sys.stdout.isatty():
                _offer_report(recommendation_document(catalog, answers, result, True))


@app.command(cls=CareerCommand, short_help="Choosing a career: which of the four fits you.")
@friendly
def career(
    ctx: typer.Context,
    answers_file: AnswersFile = None,
    save: SaveFile = None,
    force: SaveForce = False,
    no_input: NoInput = False,
    details: CareerDetails = False,
    json_out: JsonFlag = False,
    no_pager: NoPager = False,
) -> None:
    """For people choosing a career: which of the four fits you, and how to get there.

    Shows the best fit with reasons, then education, licence and credential paths,
    skills, salary figures and the closest occupation codes.

    Example: advisor career --work-for patients --licence none --relationship episodic
    """
    from advisor.render.json import career_json
    from advisor.views.career import career_document, short_career_document

    stdout_taken = _file_to_stdout(json_out, save=save)
    catalog = _catalog(ctx)
    (answers, asked, _), result = _answer_and_rank(
        catalog, catalog.career, given_flags(ctx), answers_file, save, force, no_input
    )
    if not result.answered:
        _undecided(
            catalog,
            catalog.career,
            "career",
            json_out,
            None,
            force,
            not (json_out or stdout_taken),
            not no_pager,
        )
        return
    if json_out:
        print_json(career_json(catalog, answers, result))
    elif stdout_taken:
        pass
    elif details:
        _print_document(career_document(catalog, answers, result), no_pager)
    else:
        _print_document(short_career_document(catalog, answers, result, asked), no_pager)


@app.command(name="map", cls=SituationCommand, short_help="The four roles on two axes, and you.")
@friendly
def role_map(
    ctx: typer.Context,
    answers_file: AnswersFile = None,
    json_out: JsonFlag = False,
    no_pager: NoPager = False,
) -> None:
    """Draw the four roles on two axes (system or patient; one episode or ongoing).

    With the same answers as `recommend` (flags or --answers) it marks where you are.

    Example: advisor map --side patient --timeframe ongoing
    """
    from advisor.render.json import map_json
    from advisor.views.map import map_view

    catalog = _catalog(ctx)
    answers = _given(catalog.questionnaire, given_flags(ctx), answers_file)
    if json_out:
        print_json(map_json(catalog, answers))
        return
    from advisor.render.pager import show

    out = console()
    show(out, map_view(out, catalog, answers), paged=not no_pager)


OUTPUT_COMMANDS = ("roles", "show", "compare", "recommend", "career", "map", "routes")


def _one_of(value: str, choices: "tuple[str, ...] | list[str]", what: str) -> str:
    """`value` if it is one of `choices`, else a usage error with a suggestion."""
    if value in choices:
        return value
    import difflib

    from advisor.render.sanitise import quoted

    close = difflib.get_close_matches(value, list(choices), n=1)
    hint = f" Did you mean {close[0]}?" if close else ""
    raise UsageProblem(f"unknown {what} {quoted(value)}.{hint} Choose from: {', '.join(choices)}")


@app.command(cls=AdvisorCommand, short_help="The JSON Schema of a command's --json output.")
@friendly
def schema(
    command: Annotated[str, typer.Argument(metavar="COMMAND", show_default=False, hidden=True)],
) -> None:
    """Print the JSON Schema of a command's --json output, generated from its models.

    COMMAND is one of: roles, show, compare, recommend, career, map, routes.

    Example: advisor schema recommend > recommend.schema.json
    """
    from advisor.render.json_shapes import output_schema

    print_json(output_schema(_one_of(command, OUTPUT_COMMANDS, "command")))


data_app = typer.Typer(
    name="data",
    cls=AdvisorGroup,
    no_args_is_help=True,
    help="For organisations that adapt the knowledge base: copy it, check a copy, "
    "and get JSON Schemas for editors. Use a copy with advisor --data DIR.\n\n"
    "Example: advisor data init my-kb && advisor data check my-kb",
)
app.add_typer(data_app, short_help="Copy, check and describe a knowledge base of your own.")
Folder = Annotated[Path, typer.Argument(metavar="DIR", show_default=False, hidden=True)]


@data_app.command(cls=AdvisorCommand, short_help="Copy the bundled knowledge base to DIR.")
@friendly
def init(folder: Folder) -> None:
    """Copy the bundled knowledge base into a new folder DIR, to adapt it.

    Nothing is overwritten: DIR must not exist (or be an empty folder).

    Example: advisor data init my-kb
    """
    from advisor.knowledge.adapting import init_copy

    names = init_copy(folder)
    sys.stderr.write(
        f"Copied {', '.join(names)} to {folder}. Edit them, check them with "
        f"advisor data check {folder}, and use them with advisor --data {folder} ...\n"
    )


@data_app.command(cls=AdvisorCommand, short_help="Check a knowledge base in DIR.")
@friendly
def check(
    folder: Folder,
    against: Annotated[
        Path | None,
        _opt(
            "Also check that no text shares 7 or more words in a row with the articles "
            "(.txt files) in this folder.",
            "--against",
            metavar="DIR",
        ),
    ] = None,
) -> None:
    """Check the knowledge base in DIR the way advisor reads it: one line per problem,
    naming the file and field; exit code 1 if there is any.

    Also checked: every cited source exists, no source is dated in the future.

    Example: advisor data check my-kb --against my-articles
    """
    from advisor.errors import DATA_ERROR
    from advisor.knowledge.adapting import check_folder
    from advisor.render.sanitise import printable

    problems, notes = check_folder(folder, against)
    for line in problems:
        sys.stdout.write(printable(line, one_line=True) + "\n")
    for line in notes:
        sys.stderr.write(f"note: {printable(line, one_line=True)}\n")
    if problems:
        sys.stderr.write(f"{len(problems)} problem{'s' * (len(problems) != 1)} in {folder}\n")
        raise typer.Exit(DATA_ERROR)
    sys.stdout.write(f"{folder}: no problems found\n")


@data_app.command(
    name="schema", cls=AdvisorCommand, short_help="JSON Schema of the knowledge-base files."
)
@friendly
def data_schema(
    file: Annotated[
        str | None, typer.Argument(metavar="FILE", show_default=False, hidden=True)
    ] = None,
) -> None:
    """Print the JSON Schema of a knowledge-base file, generated from the models advisor
    reads it with, so an editor can check the file as you type.

    FILE is one of roles.json, sources.json, questions.json, career.json,
    routes.json, titles.json; without it, all of them, by file name.

    Example: advisor data schema roles.json > roles.schema.json
    """
    from advisor.knowledge.adapting import file_models, file_schema

    names = list(file_models())
    if file is None:
        print_json({name: file_schema(name) for name in names})
    else:
        print_json(file_schema(_one_of(Path(file).name, names, "knowledge-base file")))


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
