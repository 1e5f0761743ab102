"""Where a command's result goes, by the same rules for every command.

`output(...)` turns the output flags into an `Output`, checking them before any
work is done or any question asked (one format; one use of standard output;
report and save paths writable). `emit(view, output)` then builds only what is
asked for: JSON, Markdown or the terminal view (through the pager when long),
and a report file beside any of them.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NamedTuple

from advisor.errors import UsageProblem
from advisor.render.console import console, print_json, print_note

if TYPE_CHECKING:
    from advisor.answers import Answers
    from advisor.document import Document, View
    from advisor.knowledge.questions import Questionnaire

Format = Literal["text", "markdown", "json"]


class Output(NamedTuple):
    format: Format = "text"
    report: Path | None = None  # also write a report (- : print it as Markdown)
    force: bool = False  # a report or answers file may replace an existing file
    paged: bool = True  # long text on a terminal goes through the pager
    screen: bool = True  # false when standard output carries a report or saved answers


def output(
    json_out: bool = False,
    markdown: bool = False,
    report: Path | None = None,
    force: bool = False,
    no_pager: bool = False,
    save: Path | None = None,
) -> Output:
    """The output flags, checked before anything is asked, computed or written."""
    if json_out and markdown:
        raise UsageProblem("choose one of --json and --markdown")
    claims = []
    taken = False
    files = save is not None or report is not None
    if files:  # render.files loads only when a file is to be written
        from advisor.render.files import check_outputs, is_stdout

        claims = [
            f"--{name} -" for name, path in (("save", save), ("report", report)) if is_stdout(path)
        ]
        taken = is_stdout(save) or is_stdout(report)
    if json_out:
        claims.append("--json")
    elif markdown:
        claims.append("--markdown")
    if len(claims) > 1:
        both = "both" if len(claims) == 2 else "all"
        raise UsageProblem(
            f"{' and '.join(claims)} would {both} print to standard output; send one to a file"
        )
    if files:
        check_outputs(force, save=save, report=report)
    fmt: Format = "json" if json_out else "markdown" if markdown else "text"
    return Output(fmt, report, force, not no_pager, screen=not taken)


def emit(view: View, out: Output, offer_report: Callable[[], Path | None] | None = None) -> None:
    """Show `view` as `out` asks; `offer_report` (the wizard's question, after an
    interactive run on a terminal) may name a report file to save afterwards."""
    report = view.report or view.screen
    saved_to = None
    if out.report is not None:  # render.files loads only when a report is asked
        from advisor.render.files import is_stdout, write_report

        write_report(report(), out.report, out.force, announce=False)
        saved_to = None if is_stdout(out.report) else out.report
    if out.format == "json":
        print_json(view.data())
    elif out.screen and out.format == "markdown":
        from advisor.render.markdown import to_markdown

        sys.stdout.write(to_markdown(view.screen()))
    elif out.screen:
        show_document(view.screen(), out.paged)
    if saved_to is not None:
        # last, so that on a terminal it is on screen when the command ends
        print_note(f"Report saved to {saved_to.absolute()}")
    elif offer_report is not None and out.format == "text" and sys.stdout.isatty():
        path = offer_report()
        if path is not None:
            from advisor.render.files import write_report

            write_report(report(), path, force=False)


def show_document(doc: Document, paged: bool = True) -> None:
    """A document on standard output, laid out for the terminal (or plain when piped)."""
    from advisor.render.pager import show
    from advisor.render.terminal import to_rich

    screen = console()
    show(screen, to_rich(screen, doc), paged=paged)


def save_answers(questionnaire: Questionnaire, answers: Answers, path: Path, force: bool) -> None:
    """`--save FILE`: the answers as an answers file (atomically; - prints them)."""
    import json

    from advisor.answers import to_mapping
    from advisor.render.files import is_stdout, write_atomically

    write_atomically(path, json.dumps(to_mapping(questionnaire, answers), indent=2) + "\n", force)
    if not is_stdout(path):
        import shlex

        print_note(
            f"Answers saved to {path}; use them again with --answers {shlex.quote(str(path))}"
        )
