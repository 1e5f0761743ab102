"""`advisor data`: for organisations that adapt the knowledge base (copy it,
check a copy, JSON Schemas for editors)."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from advisor.cli_options import friendly, opt
from advisor.help_format import AdvisorCommand, AdvisorGroup
from advisor.render.console import print_json, print_note

data_app = typer.Typer(
    name="data",
    cls=AdvisorGroup,
    no_args_is_help=True,
    help="For organisations that adapt the knowledge base: copy it, check a copy, "
    "and get JSON Schemas for editors. Use a copy with advisor --data DIR.\n\n"
    "Example: advisor data init my-kb && advisor data check my-kb",
)
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
    print_note(
        f"Copied {', '.join(names)} to {folder}. Edit them, check them with "
        f"advisor data check {folder}, and use them with advisor --data {folder} ..."
    )


@data_app.command(cls=AdvisorCommand, short_help="Check a knowledge base in DIR.")
@friendly
def check(
    folder: Folder,
    against: Annotated[
        Path | None,
        opt(
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
    from advisor.render.sanitise import one_line

    problems, notes = check_folder(folder, against)
    for line in problems:
        sys.stdout.write(one_line(line) + "\n")
    for line in notes:
        print_note(f"note: {line}")
    if problems:
        print_note(f"{len(problems)} problem{'s' * (len(problems) != 1)} in {folder}")
        raise typer.Exit(DATA_ERROR)
    sys.stdout.write(one_line(f"{folder}: no problems found") + "\n")


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
    routes.json, titles.json, lexicon.json; without it, all of them, by file name.

    Example: advisor data schema roles.json > roles.schema.json
    """
    from advisor.knowledge.adapting import file_models, file_schema

    names = list(file_models())
    if file is None:
        print_json({name: file_schema(name) for name in names})
    else:
        from advisor.answers import one_of

        print_json(file_schema(one_of(Path(file).name, names, "knowledge-base file")))
