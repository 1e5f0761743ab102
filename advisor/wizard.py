"""The interactive questionnaire: questionary prompts built from the question data.

Imported only when advisor actually prompts, because questionary and
prompt_toolkit cost noticeable start-up time that scripted runs must not pay.
Answers go through the same `parse_answer` as flags and answers files.

It forgives: each question is worded for whom the help is for; a "choose any"
question needs an explicit tick ("None of these / not sure" included) and says
when more choices are below; after the last question a review lists every
answer, any of which can be changed before the result is shown.
"""

from __future__ import annotations

import shutil
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING, Any

import questionary

from advisor.answers import Answers, parse_answer
from advisor.knowledge.questions import Question, Questionnaire

if TYPE_CHECKING:
    from advisor.describe import Described

# prompt_toolkit takes time that grows faster than the length of a prompt to draw
# it (20 000 characters: a minute); a prompt longer than this is printed above.
LONG_PROMPT = 500
HELP_LINES = 4  # more, and a question's help is printed once above it
ANSWER_STYLE = "fg:#FF9D00 bold"  # questionary's own colour for an answer
NONE_OF_THESE = "None of these / not sure"
SHOW_RESULT = "Show my result"
PICK_HINT = "(↑ ↓ to move, Enter to choose)"
TICK_HINT = "(Space to tick, Enter when done)"
STOP_HINT = "A few questions follow; Ctrl-C stops at any time."


def terminal_options() -> dict[str, Any]:
    """Where to ask when standard output is not a terminal (`advisor recommend >
    result.txt`): on the terminal itself, so the result alone goes to the file."""
    if sys.stdout.isatty():
        return {}
    from prompt_toolkit.output import create_output

    if sys.stderr.isatty():
        return {"output": create_output(stdout=sys.stderr)}
    tty = open("/dev/tty", "w", encoding="utf-8")  # noqa: SIM115 (open for the whole run)
    return {"output": create_output(stdout=tty)}


def interview(
    questionnaire: Questionnaire, answers: Answers, described: Described | None
) -> tuple[Answers, Described | None]:
    """The terminal's way to ask (`intake.Ask`): what is going on, in the person's
    own words (unless a description was given already), then every question not
    yet answered, then the review."""
    waiting_for_a_person()
    options = terminal_options()
    introduce(**options)
    if described is None:
        answers, described = ask_description(questionnaire, answers, **options)
    else:  # --describe: say what was understood before asking the rest
        show_understood(questionnaire, described, answers, **options)
    # Answers read from words are checked in the review even when nothing is left
    # to ask: the reading is the person's to correct before the result.
    read = described is not None and bool(described.used)
    return ask(questionnaire, answers, always_review=read, **options), described


def waiting_for_a_person() -> None:
    """The run is about to wait for answers and may last minutes: collect cyclic
    garbage again (entry.py turned it off for start-up), leaving what start-up
    built out of every collection."""
    import gc

    gc.freeze()
    gc.enable()


def introduce(**prompt_options: Any) -> None:
    """One line before the first question: Esc and q do nothing in a prompt, so say
    how to stop."""
    to = {"output": prompt_options["output"]} if "output" in prompt_options else {}
    _say(textwrap.fill(STOP_HINT, _width()), style="italic", **to)


def ask(
    questionnaire: Questionnaire,
    answers: Answers,
    review: bool = True,
    always_review: bool = False,
    **prompt_options: Any,
) -> Answers:
    """Ask every question not already answered, then let the person review and
    change any answer; Ctrl-C raises KeyboardInterrupt.

    `prompt_options` (such as `input` and `output`) go to prompt_toolkit, for tests
    and for asking on the terminal when stdout is a file; the wizard's own lines
    (each answer, the review) go to that output too.
    """
    result = dict(answers)
    pending = [q for q in questionnaire.questions if q.id not in result]
    for number, question in enumerate(pending, start=1):
        counter = f"({number}/{len(pending)})"
        result[question.id] = _ask_one(questionnaire, question, result, counter, prompt_options)
    if review and (pending or always_review):
        _review(questionnaire, result, prompt_options)
    return result


def _width() -> int:
    return max(30, shutil.get_terminal_size().columns - 1)


def _to(options: dict[str, Any]) -> dict[str, Any]:
    return {"output": options["output"]} if "output" in options else {}


def _ask_one(
    questionnaire: Questionnaire,
    question: Question,
    answers: Answers,
    counter: str,
    options: dict[str, Any],
) -> tuple[str, ...]:
    worded = questionnaire.worded(question, answers)
    width = _width()
    to = _to(options)
    _say("", **to)
    if len(worded.prompt) > LONG_PROMPT:
        _say(textwrap.fill(worded.prompt, width), style="bold", **to)
    if _long_help(worded, width):  # printed once: the prompt area is redrawn on every key
        _say(textwrap.fill(worded.help, width), style="italic", **to)
    prompt = _prompt(questionnaire, worded, counter, width, answers.get(question.id), options)
    # Not unsafe_ask(): prompt_toolkit's own SIGINT handling would swallow a
    # `kill -INT`; without it, SIGINT raises KeyboardInterrupt like Ctrl-C.
    raw = prompt.application.run(handle_sigint=False)
    chosen = parse_answer(questionnaire, question, raw or [], question.prompt)
    _echo(questionnaire, worded, chosen, width, to)
    return chosen


def _review(questionnaire: Questionnaire, answers: Answers, options: dict[str, Any]) -> None:
    """All answers listed; "Show my result" or change one, then back here."""
    while True:
        width = _width()
        choices = [questionary.Choice(SHOW_RESULT, value="")]
        for question in questionnaire.questions:
            worded = questionnaire.worded(question, answers)
            said = _labels(questionnaire, worded, answers.get(question.id, ()))
            title = f"{worded.prompt} {said}"
            choices.append(
                questionary.Choice(choice_title(title, width, indent=3), value=question.id)
            )
        _say("", **_to(options))
        picked = questionary.select(
            _wrap("Your answers. Change one, or see your result:", width),
            choices=choices,
            instruction="\n" + _wrap(PICK_HINT, width),
            erase_when_done=True,
            **options,
        ).application.run(handle_sigint=False)
        if not picked:
            return
        change = questionnaire.question(picked)
        if change is not None:
            answers[change.id] = _ask_one(questionnaire, change, answers, "", options)


def _labels(questionnaire: Questionnaire, question: Question, chosen: tuple[str, ...]) -> str:
    ids = chosen or (questionnaire.unsure,)
    labels = [o.label for i in ids if (o := question.option(i)) is not None]
    if not chosen and question.kind == "multi":
        labels = [NONE_OF_THESE]
    return ", ".join(labels)


def _echo(
    questionnaire: Questionnaire,
    question: Question,
    chosen: tuple[str, ...],
    width: int,
    to: dict[str, Any],
) -> None:
    """Leave the question and the answer in full on the screen.

    Each prompt erases itself when answered: questionary's own echo cuts a
    label that was wrapped onto two lines, and shows only "done (2 selections)"
    for ticked boxes.
    """
    answer = _labels(questionnaire, question, chosen)
    if len(f"? {question.prompt} {answer}") <= width:
        _say(f"? {question.prompt} ", style="bold", end="", **to)
        _say(answer, style=ANSWER_STYLE, **to)
    else:
        _say(textwrap.fill(f"? {question.prompt}", width), style="bold", **to)
        answer = textwrap.fill(answer, width, initial_indent="  ", subsequent_indent="  ")
        _say(answer, style=ANSWER_STYLE, **to)


def choice_title(label: str, width: int, indent: int) -> str:
    """An option's label, wrapped under itself when it is too long for one line.

    questionary cuts a long choice off at the edge of the terminal; on a narrow
    one that would hide the end of the label. `indent` is the room the pointer
    and tick box take before the label.
    """
    pad = " " * indent
    return textwrap.fill(label, width, initial_indent=pad, subsequent_indent=pad)[indent:]


def _wrap(text: str, width: int, indent: int = 2) -> str:
    """Text for the prompt area, wrapped short of the edge ("? " comes before it)."""
    return textwrap.fill(text, width - indent)


def _message(question: Question, counter: str, width: int) -> str:
    prompt = question.prompt if len(question.prompt) <= LONG_PROMPT else "Your answer"
    return _wrap(f"{counter} {prompt}".strip(), width)


def _long_help(question: Question, width: int) -> bool:
    """A help of more than HELP_LINES lines goes above the question, not under it."""
    return len(question.help) > HELP_LINES * width or (
        len(textwrap.wrap(question.help, width)) > HELP_LINES
    )


def _instruction(question: Question, hint: str, width: int) -> str:
    """Under the question: its help (the question comes first), unless it was too
    long and is above it, then the keys."""
    help = "" if _long_help(question, width) else _wrap(question.help, width, 0) + "\n"
    return "\n" + help + _wrap(hint, width, 0)


def _prompt(
    questionnaire: Questionnaire,
    question: Question,
    counter: str,
    width: int,
    current: tuple[str, ...] | None,
    options: dict[str, Any],
) -> questionary.Question:
    message = _message(question, counter, width)
    if question.kind == "multi":
        ticked = set(current or ())
        choices = [
            questionary.Choice(
                choice_title(o.label, width, indent=5), value=o.id, checked=o.id in ticked
            )
            for o in question.options
            if o.id != questionnaire.unsure
        ]
        choices.append(
            questionary.Choice(
                NONE_OF_THESE,
                value=questionnaire.unsure,
                checked=current is not None and not current,
            )
        )

        def explicit(picked: list[str]) -> bool | str:
            if not picked:
                return 'Tick one (Space), or "None of these"'
            if questionnaire.unsure in picked and len(picked) > 1:
                return '"None of these" goes alone'
            return True

        prompt = questionary.checkbox(
            message,
            choices=choices,
            instruction=_instruction(question, TICK_HINT, width),
            validate=explicit,
            erase_when_done=True,
            **options,
        )
        _show_more_below(prompt)
        return prompt
    return questionary.select(
        message,
        choices=[
            questionary.Choice(choice_title(o.label, width, indent=3), value=o.id)
            for o in question.options
        ],
        default=current[0] if current else None,
        instruction=_instruction(question, PICK_HINT, width),
        erase_when_done=True,
        **options,
    )


def _show_more_below(prompt: questionary.Question) -> None:
    """Add a line under a long list saying how many choices are hidden below."""
    from prompt_toolkit.filters import Condition, IsDone
    from prompt_toolkit.layout import ConditionalContainer, HSplit, Window
    from prompt_toolkit.layout.controls import FormattedTextControl
    from questionary.prompts.common import InquirerControl

    layout = prompt.application.layout
    root = layout.container
    found = [w for w in layout.find_all_windows() if isinstance(w.content, InquirerControl)]
    if not isinstance(root, HSplit) or not found:
        return
    window = found[0]
    control = window.content
    assert isinstance(control, InquirerControl)

    def hidden() -> int:
        info = window.render_info
        if info is None:
            return 0
        last = info.last_visible_line()
        line = 0
        below = 0
        for choice in control.choices:
            title = choice.title if isinstance(choice.title, str) else ""
            if line > last:
                below += 1
            line += title.count("\n") + 1
        return below

    def text() -> str:
        n = hidden()
        return f"  ↓ {n} more below" if n else ""

    drawn: list[bool] = []

    def redraw_once(app: Any) -> None:  # the count needs one drawing to measure
        if not drawn:
            drawn.append(True)
            app.invalidate()

    prompt.application.after_render += redraw_once
    root.children.append(
        ConditionalContainer(
            Window(FormattedTextControl(text), height=1),
            filter=Condition(lambda: hidden() > 0) & ~IsDone(),  # type: ignore[no-untyped-call]
        )
    )


DONE = "Done"
SHOW_EVERYTHING = "Show everything (every reason, costs, sources)"
SAVE_REPORT = "Save a report to share (a plan: text, web page or Markdown)"
SHARE_TEXT = "A short text to send a family member"
REPORT_KINDS = (
    ("Plain text, to paste into a message (.txt)", ".txt"),
    ("A web page, to print or send (.html)", ".html"),
    ("Markdown (.md)", ".md"),
)


def offer_next(
    default_name: str = "advisor-plan.txt",
    everything: bool = False,
    share: bool = False,
    **options: Any,
) -> tuple[str, Path | None] | None:
    """At the end of an interactive run: what next? "Done" (None), "everything"
    (the full result), "share" (the text for a family member), or "report" with
    the path chosen (never an existing file). The menu erases itself, so the
    result's closing block stays the last thing on screen."""
    width = _width()
    choices = [questionary.Choice(DONE, value="")]
    if everything:
        choices.append(questionary.Choice(choice_title(SHOW_EVERYTHING, width, 3), "everything"))
    choices.append(questionary.Choice(choice_title(SAVE_REPORT, width, 3), "report"))
    if share:
        choices.append(questionary.Choice(choice_title(SHARE_TEXT, width, 3), "share"))
    picked = questionary.select(
        _wrap("What next?", width),
        choices=choices,
        instruction="\n" + _wrap(PICK_HINT, width),
        erase_when_done=True,
        **options,
    ).application.run(handle_sigint=False)
    if not picked:
        return None
    if picked != "report":
        return picked, None
    path = ask_report_name(default_name, width, **options)
    return ("report", path) if path is not None else None


def offer_report(default_name: str = "advisor-plan.txt", **options: Any) -> Path | None:
    """Save a report to share? The path chosen (never an existing file), or None."""
    return ask_report_name(default_name, _width(), **options)


def ask_report_name(default_name: str, width: int, **options: Any) -> Path | None:
    """Which kind of report, then its file name (never an existing file)."""
    from advisor.render.files import REPORT_SUFFIXES

    kind = questionary.select(
        _wrap("Save it as:", width),
        choices=[
            questionary.Choice("Cancel", value=""),
            *(questionary.Choice(choice_title(t, width, 3), v) for t, v in REPORT_KINDS),
        ],
        default=REPORT_KINDS[0][1],
        instruction="\n" + _wrap(PICK_HINT, width),
        erase_when_done=True,
        **options,
    ).application.run(handle_sigint=False)
    if not kind:
        return None
    suggested = Path(default_name).with_suffix(kind)

    def new_file(text: str) -> bool | str:
        path = Path(text.strip()).expanduser()
        if not text.strip():
            return "Type a file name"
        if path.suffix.lower() not in REPORT_SUFFIXES:
            return "The name should end in .txt, .html or .md"
        if path.exists():
            return f"{path} already exists; choose another name"
        if not path.parent.expanduser().is_dir():
            return f"There is no folder {path.parent}"
        return True

    name = questionary.text(
        _wrap("File name:", width),
        default=str(suggested),
        validate=new_file,
        **options,
    ).application.run(handle_sigint=False)
    return Path(str(name).strip()).expanduser() if name else None


DESCRIBE_PROMPT = "In a sentence or two, what is going on? (Enter to skip)"
KEEP_PROMPT = "Keep these answers?"


def _visible_controls() -> Any:
    """What the describe prompt shows of pasted text: C1 controls and text-direction
    overrides as U+FFFD, one character for one so the cursor stays in place
    (prompt_toolkit already shows the C0 controls as ^G and the like)."""
    import re

    from prompt_toolkit.layout.processors import Processor, Transformation, TransformationInput

    hidden = re.compile("[\x80-\x9f\u202a-\u202e\u2066-\u2069]")

    class VisibleControls(Processor):
        def apply_transformation(self, ti: TransformationInput) -> Transformation:
            return Transformation(
                [(f[0], hidden.sub("\ufffd", f[1]), *f[2:]) for f in ti.fragments]
            )

    return VisibleControls()


def _say(text: str, **options: Any) -> None:
    """Print a line of the wizard's own, with control characters and text-direction
    overrides shown as escapes: it echoes the person's own words (pasted text may
    hold BEL, CSI or U+202E) as well as the knowledge base's."""
    from advisor.render.sanitise import printable

    questionary.print(printable(text), **options)


def ask_description(
    questionnaire: Questionnaire, answers: Answers, **prompt_options: Any
) -> tuple[Answers, Described | None]:
    """The optional first step: the person's own words, read for the answers they
    support, which then are not asked again. None when skipped."""
    from advisor.describe import fill, read, reads_descriptions

    open_questions = [q for q in questionnaire.questions if q.id not in answers]
    if not open_questions or not reads_descriptions(questionnaire):
        return answers, None
    to = {"output": prompt_options["output"]} if "output" in prompt_options else {}
    # run(handle_sigint=False), as in ask(): a `kill -INT` interrupts like Ctrl-C.
    prompt = questionary.text(
        DESCRIBE_PROMPT, input_processors=[_visible_controls()], **prompt_options
    )
    text = prompt.application.run(handle_sigint=False)
    if not text or not text.strip():
        return answers, None
    from advisor.intake import MAX_DESCRIPTION

    filled, described = fill(questionnaire, answers, read(text[:MAX_DESCRIPTION], questionnaire))
    described = described._replace(text=text[:MAX_DESCRIPTION])
    width = max(30, shutil.get_terminal_size().columns - 1)
    if len(text) > MAX_DESCRIPTION:
        cut = f"Only the first {MAX_DESCRIPTION:,} characters were read ({len(text):,} typed)."
        _say(textwrap.fill(cut, width), **to)
    show_understood(questionnaire, described, filled, **prompt_options)
    if described.used:
        kept = confirm_reading(questionnaire, described, answers, filled, prompt_options)
        if kept is None:
            return answers, None
        filled = kept
    return filled, described


KEEP_ALL = "Yes, keep them all"
FIX_ONE = "Change or drop one of them"
DROP_ALL = "No, drop them all (I answer every question)"
KEEP_KEYS = "(↑ ↓, or y / n, then Enter)"
CHANGE_IT = "Change it"
DROP_IT = "Drop it (it is asked later)"


def confirm_reading(
    questionnaire: Questionnaire,
    described: Described,
    given: Answers,
    filled: Answers,
    options: dict[str, Any],
) -> Answers | None:
    """Keep what was read, fix it one answer at a time (change it now, or drop it
    so it is asked with the rest), or drop it all (None). `y` and `n` move to
    keep and drop; Enter chooses, as in every other list."""
    width = _width()
    answers = dict(filled)
    while True:
        picked = questionary.select(
            _wrap(KEEP_PROMPT, width),
            choices=[
                questionary.Choice(KEEP_ALL, value="keep", shortcut_key="y"),
                questionary.Choice(choice_title(FIX_ONE, width, 3), value="fix", shortcut_key="c"),
                questionary.Choice(
                    choice_title(DROP_ALL, width, 3), value="drop", shortcut_key="n"
                ),
            ],
            use_shortcuts=True,
            use_arrow_keys=True,
            instruction="\n" + _wrap(KEEP_KEYS, width),
            erase_when_done=True,
            **options,
        ).application.run(handle_sigint=False)
        if picked == "drop":
            return None
        if picked != "fix":
            return answers
        read = [
            q for q in questionnaire.questions if any(u.question == q.id for u in described.used)
        ]
        read = [q for q in read if q.id not in given]
        which = questionary.select(
            _wrap("Which one?", width),
            choices=[
                questionary.Choice("Back", value=""),
                *(
                    questionary.Choice(
                        choice_title(
                            f"{(w := questionnaire.worded(q, answers)).prompt} "
                            + (
                                _labels(questionnaire, w, answers[q.id])
                                if q.id in answers
                                else "(dropped: asked later)"
                            ),
                            width,
                            3,
                        ),
                        value=q.id,
                    )
                    for q in read
                ),
            ],
            instruction="\n" + _wrap(PICK_HINT, width),
            erase_when_done=True,
            **options,
        ).application.run(handle_sigint=False)
        question = questionnaire.question(which) if which else None
        if question is None:
            continue
        how = questionary.select(
            _wrap(questionnaire.worded(question, answers).prompt, width),
            choices=[
                questionary.Choice(CHANGE_IT, value="change"),
                questionary.Choice(DROP_IT, value="drop"),
                questionary.Choice("Back", value=""),
            ],
            instruction="\n" + _wrap(PICK_HINT, width),
            erase_when_done=True,
            **options,
        ).application.run(handle_sigint=False)
        if how == "change":
            answers[question.id] = _ask_one(questionnaire, question, answers, "", options)
        elif how == "drop":
            answers.pop(question.id, None)
            worded = questionnaire.worded(question, answers)
            _say(textwrap.fill(f"Dropped: {worded.prompt} (asked later)", width), **_to(options))


def show_understood(
    questionnaire: Questionnaire, described: Described, filled: Answers, **prompt_options: Any
) -> None:
    """What was understood from the person's words, one line a question, with the words."""
    to = {"output": prompt_options["output"]} if "output" in prompt_options else {}
    width = max(30, shutil.get_terminal_size().columns - 1)
    from advisor.views.understood import language_line, understood_lines

    said = language_line(described)
    if said and not described.used:
        said += " The questions follow."
    elif not described.used:
        said = "I could not take an answer from that; the questions follow."
    if said:
        _say(textwrap.fill(said, width), **to)
    for line in understood_lines(questionnaire, described, filled):  # one line a question
        words = ", ".join('"' + w + '"' for w in line.words)
        text_line = f"\u2713 {line.prompt} {'; '.join(line.answers)}"
        _say(textwrap.fill(text_line, width, subsequent_indent="  "), **to)
        _say(
            textwrap.fill(f"from {words}", width, initial_indent="  ", subsequent_indent="  "),
            style="italic",
            **to,
        )
