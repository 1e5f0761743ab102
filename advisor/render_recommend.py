"""The human view of a recommendation: decision, reasons, every score, next steps."""

from __future__ import annotations

from typing import TYPE_CHECKING

from advisor.answers import Answers
from advisor.catalog import Catalog
from advisor.engine import Reason, Recommendation
from advisor.export import recommendation_sources
from advisor.render_common import bar, bullets, cite, is_ascii, sources_table

if TYPE_CHECKING:
    from rich.console import Console, RenderableType


def answer_label(catalog: Catalog, question_id: str, option_id: str) -> str:
    question = next(q for q in catalog.questionnaire.questions if q.id == question_id)
    option = question.option(option_id)
    return option.label if option else option_id


def grid(rows: list[tuple[str, str]]) -> RenderableType:
    """Two columns with a hanging indent, so wrapped lines stay readable when narrow."""
    from rich.table import Table

    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True)
    table.add_column(overflow="fold")
    for left, right in rows:
        table.add_row(left, right)
    return table


def reasons_grid(catalog: Catalog, reasons: tuple[Reason, ...]) -> RenderableType:
    from rich.text import Text

    if not reasons:
        return Text("  (none of your answers moved it)")
    return grid(
        [
            (
                f"  {r.weight:+d}",
                f"{r.why} (you said: {answer_label(catalog, r.question, r.answer)}) "
                f"[{', '.join(r.sources)}]",
            )
            for r in reasons
        ]
    )


def recommendation_view(
    console: Console, catalog: Catalog, answers: Answers, rec: Recommendation
) -> RenderableType:
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    q = catalog.questionnaire
    k = catalog.knowledge
    top = catalog.role(rec.top.role)
    runner = catalog.role(rec.runner_up.role)
    parts: list[RenderableType] = [Text("The decision", style="bold underline"), Text(q.decision)]

    given = [
        (
            "-",
            f"{question.prompt} "
            + "; ".join(answer_label(catalog, question.id, a) for a in answers[question.id]),
        )
        for question in q.questions
        if answers.get(question.id)
    ]
    skipped = [question.prompt for question in q.questions if question.id in rec.unanswered]
    parts += [Text(""), Text("Your answers", style="bold underline"), grid(given)]
    if skipped:
        parts.append(Text("Not answered (counted as not sure): " + "; ".join(skipped), style="dim"))

    parts += [
        Text(""),
        Text(f"Recommended: {top.name} ({rec.top.score}/100)", style="bold green"),
        Text(cite(top.summary)),
        Text("Why (points each answer gave or took away):"),
        reasons_grid(catalog, rec.top.reasons),
    ]

    scores = Table(
        box=None,
        show_header=False,
        pad_edge=False,
        title="Every role's score",
        title_justify="left",
        title_style="bold underline",
    )
    scores.add_column("role", no_wrap=True)
    scores.add_column("score", justify="right", no_wrap=True)
    scores.add_column("bar", no_wrap=True)
    width = max(10, min(30, console.width - 30))
    for s in rec.ranking:
        scores.add_row(
            catalog.role(s.role).name, str(s.score), bar(s.score, width, is_ascii(console))
        )
    parts += [Text(""), scores, Text("50 = your answers say nothing either way.", style="dim")]

    parts += [
        Text(""),
        Text(f"Runner-up: {runner.name} ({rec.runner_up.score}/100)", style="bold"),
        reasons_grid(catalog, rec.runner_up.reasons),
    ]
    if rec.close_call:
        parts.append(Text(f"Close call: {cite(q.close_call)}", style="bold yellow"))

    parts += [Text(""), Text("How this was reached", style="bold underline"), Text(q.method)]
    parts += [
        Text(""),
        Text(f"Next steps: finding a {top.name.lower()}", style="bold underline"),
        Text(bullets(top.find_one)),
        Text(f"Who pays: {cite(top.who_pays)}"),
        Text(f"Typical cost: {cite(top.typical_cost)}"),
        Text("Questions to ask:"),
        Text(bullets(top.questions_to_ask)),
        Text(""),
        Text(cite(k.loose_titles), style="italic"),
        Text(""),
        sources_table(console, recommendation_sources(catalog, rec), k.as_of.isoformat()),
        Text(k.disclaimer, style="dim"),
    ]
    return Group(*parts)
