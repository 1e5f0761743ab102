"""Where a command's result goes, by the same rules for every command.

`output(...)` turns the output flags into an `Output`, checking them before any
work is done or any question asked (one format; one use of standard output;
report and save paths writable). `emit(view, output)` then builds only what is
asked for: JSON, Markdown or the terminal view (through the pager when long),
and a report file beside any of them.
"""

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

Format = Literal["text", "markdown", "json", "share"]


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
    share: bool = False,
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
    if share:
        claims.append("--share")
    if len(claims) > 1:
        both = "both" if len(claims) == 2 else "all"
        raise UsageProblem(
            f"{' and '.join(claims)} would {both} print to standard output; send one to a file"
        )
    if files:
        check_outputs(force, save=save, report=report)
    fmt: Format = "json" if json_out else "markdown" if markdown else "share" if share else "text"
    return Output(fmt, report, force, not no_pager, screen=not taken)


Offer = Callable[[bool, bool], "tuple[str, Path | None] | None"]
"""The wizard's final menu: given whether "everything" and a text to share can be
offered, what the person chose ("everything", "share", "report" with a path), or
None when they are done."""


def emit(view: "View", out: Output, offer: Offer | None = None) -> None:
    """Show `view` as `out` asks; `offer` (the wizard's final menu, after an
    interactive run on a terminal) may then show everything, the text to share,
    or name a report file to save."""
    report = view.report or view.screen
    saved_to = None
    if out.report is not None:  # render.files loads only when a report is asked
        from advisor.render.files import is_stdout, write_report

        write_report(report(), out.report, out.force, announce=False)
        saved_to = None if is_stdout(out.report) else out.report
    if out.format == "json":
        print_json(view.data())
    elif out.format == "share":
        if view.share is None:
            raise UsageProblem("--share: this result has no text to share yet; answer more")
        sys.stdout.write(printable_lines(view.share()))
    elif out.screen and out.format == "markdown":
        from advisor.render.markdown import to_markdown

        sys.stdout.write(to_markdown(view.screen()))
    elif out.screen:
        show_document(view.screen(), out.paged)
    if saved_to is not None:
        # last, so that on a terminal it is on screen when the command ends
        print_note(f"Report saved to {saved_to.absolute()}")
    elif offer is not None and out.format == "text" and sys.stdout.isatty():
        follow_up(view, offer, out.paged)


def follow_up(view: "View", offer: Offer, paged: bool) -> None:
    """The final menu, until the person is done: everything (through the pager,
    ending again on the closing block), the text to share, or a report saved."""
    report = view.report or view.screen
    everything = view.everything
    while True:
        choice = offer(everything is not None, view.share is not None)
        if choice is None:
            return
        kind, path = choice
        if kind == "everything" and everything is not None:
            show_document(everything(), paged)
            everything = None  # shown: the menu no longer offers it
        elif kind == "share" and view.share is not None:
            show_share(view.share())
        elif kind == "report" and path is not None:
            from advisor.render.files import write_report

            write_report(report(), path, force=False)


def printable_lines(text: str) -> str:
    from advisor.render.sanitise import printable

    return "".join(printable(line) + "\n" for line in text.splitlines())


def show_share(text: str) -> None:
    """The text to send, between blank lines, plain and wrapped between words so
    that it reads and copies cleanly."""
    import shutil
    import textwrap

    width = max(20, shutil.get_terminal_size().columns - 1)
    lines = [textwrap.fill(line, width) for line in printable_lines(text).splitlines()]
    sys.stdout.write("\nA text to send (copy it as it is):\n\n" + "\n".join(lines) + "\n\n")
    sys.stdout.flush()


def show_document(doc: "Document", paged: bool = True) -> None:
    """A document on standard output, laid out for the terminal (or plain when piped).

    Its closing sections (the answer and the first call) are printed after the
    pager, so they are what stays on screen however the reader leaves it."""
    from advisor.render.pager import show
    from advisor.render.terminal import to_rich

    screen = console()
    body = doc._replace(sections=tuple(s for s in doc.sections if not s.closing))
    closing = tuple(s for s in doc.sections if s.closing)
    show(screen, to_rich(screen, body), paged=paged)
    if closing:
        screen.print()
        screen.print(to_rich(screen, doc._replace(title="", sections=closing)), crop=False)


def save_answers(
    questionnaire: "Questionnaire", answers: "Answers", path: Path, force: bool
) -> None:
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
