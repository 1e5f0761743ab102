"""One command-line option per question, built from the questionnaire's data.

`recommend`, `map` and `career` take an option for each question (`--timeframe`,
`--need`, `--work-for` ...). They are built when the command parses its
arguments, from the questionnaire of the knowledge base in use (the bundled one,
or `--data` / ADVISOR_DATA), so a question added to or renamed in the data gets
its flag and its help with no code change. The values reach the command through
`given_flags(ctx)`, keyed by each question's flag.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from advisor.errors import AdvisorError
from advisor.help_format import AdvisorCommand
from advisor.render.console import print_error

if TYPE_CHECKING:
    import typer

    from advisor.knowledge.questions import Question, Questionnaire

Flags = Mapping[str, "str | list[str] | None"]
LoadQuestions = Callable[["typer.Context"], "Questionnaire"]

_OPTIONS = "advisor.question_options"
_GIVEN = "advisor.question_flags"


def given_flags(ctx: typer.Context) -> Flags:
    """The question flags given on the command line, keyed by flag (None: not given)."""
    flags: Flags = ctx.meta.get(_GIVEN, {})
    return flags


CHOICES_WIDTH = 48  # a longer list of choices is named in the help text instead


def choices_metavar(question: Question) -> str:
    """What `--help` shows after the flag: the choices themselves, e.g.
    `[episodic|ongoing|as-needed|not-sure]`, or the flag's name in capitals
    (`NEED,...`) when the list is too long to sit beside it."""
    shown = "[" + "|".join(o.id for o in question.options) + "]"
    if len(shown) > CHOICES_WIDTH:
        shown = question.flag.upper()
    return f"{shown},..." if question.kind == "multi" else shown


def flag_help(question: Question) -> str:
    repeat = " Repeat or comma-separate" if question.kind == "multi" else ""
    if choices_metavar(question).startswith("["):
        return f"{question.prompt}{repeat}{'.' if repeat else ''}"
    choices = ", ".join(o.id for o in question.options)
    return f"{question.prompt}{repeat or ' One of'}: {choices}."


def option_completer(question: Question) -> Callable[[str], list[str]]:
    """Shell completion for a question's flag: its option ids (and any aliases)."""

    def complete(incomplete: str) -> list[str]:
        done, _, last = incomplete.rpartition(",")  # --need home-visits,med<TAB>
        prefix = f"{done}," if done else ""
        names: list[str] = []
        for option in question.options:
            names += [option.id, *option.aliases]
        return [prefix + n for n in names if n.startswith(last.lower())]

    return complete


def _param_name(question: Question) -> str:
    """A name for click that no built-in option can have."""
    return "question_" + question.flag.replace("-", "_")


def _option(question: Question) -> Any:
    """A typer option for one question, made the way typer makes its own."""
    import typer
    from typer.main import _get_param
    from typer.models import ParamMeta

    annotation = list[str] | None if question.kind == "multi" else str | None
    info = typer.Option(
        None,
        f"--{question.flag}",
        *(f"--{alias}" for alias in dict.fromkeys(question.flag_aliases) if alias != question.flag),
        help=flag_help(question),
        metavar=choices_metavar(question),
        show_default=False,
        autocompletion=option_completer(question),
    )
    return _get_param(ParamMeta(name=_param_name(question), default=info, annotation=annotation))


def questions_command(load: LoadQuestions) -> type[AdvisorCommand]:
    """A typer command class whose question options come from `load(ctx)`."""

    class QuestionsCommand(AdvisorCommand):
        def get_params(self, ctx: typer.Context) -> list[Any]:  # type: ignore[override]
            return [*self._questions(ctx)[1], *super().get_params(ctx)]

        def _questions(self, ctx: typer.Context) -> tuple[list[Question], list[Any]]:
            key = f"{_OPTIONS}.{self.name}"
            cached: tuple[list[Question], list[Any]] | None = ctx.meta.get(key)
            if cached is None:
                try:
                    questions = list(load(ctx).questions)
                except AdvisorError as exc:
                    if ctx.resilient_parsing:  # shell completion: offer what we can
                        return [], []
                    print_error(str(exc))
                    ctx.exit(exc.exit_code)
                cached = questions, [_option(q) for q in questions]
                ctx.meta[key] = cached
            return cached

        def invoke(self, ctx: typer.Context) -> Any:  # type: ignore[override]
            given: dict[str, str | list[str] | None] = {}
            for question in self._questions(ctx)[0]:
                value = ctx.params.pop(_param_name(question), None)
                if isinstance(value, (list, tuple)):
                    value = list(value) or None
                given[question.flag] = value
            ctx.meta[_GIVEN] = given
            return super().invoke(ctx)

    return QuestionsCommand
