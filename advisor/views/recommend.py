"""`advisor recommend`: the result as a short screen, the full result (--details),
a report to share (--report) and JSON, all from one gathered result."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from advisor.answers import Answers
from advisor.comparison import ASPECTS, compare
from advisor.document import (
    Block,
    Bullets,
    Cite,
    Command,
    Document,
    Paragraph,
    Scores,
    Section,
    SourceList,
    Spacer,
    Text,
    View,
    plain,
    uncited,
)
from advisor.knowledge.catalog import Catalog
from advisor.knowledge.models import Role, Source
from advisor.knowledge.questions import Questionnaire
from advisor.knowledge.routes import RouteAdvice, Situation, condition_text
from advisor.scoring import Recommendation
from advisor.views.answered import answer_line, answers_block, reasons_block
from advisor.views.citing import cite, cite_plainly, closing_sections
from advisor.views.compare import aspect_table
from advisor.views.data import about, dumped, ranking_json, sources_json, understood_json
from advisor.views.routes import (
    advice_facts,
    advice_for,
    lead,
    next_steps_sections,
    paid_privately_text,
    route_short,
)
from advisor.views.sources import recommendation_sources
from advisor.views.steps import FirstStep, first_step_plan
from advisor.views.verdict import decided_by_intro, names, unsaid, verdict

if TYPE_CHECKING:
    from advisor.describe import Described
    from advisor.intake import Result


def recommend_view(catalog: Catalog, result: Result, details: bool = False) -> View:
    """What `recommend` shows for a gathered result: the short result (or with
    `details` the full one), the report, and the JSON; guidance instead of a pick
    when every answer was "not sure"."""
    rec = result.recommendation
    answers, _, asked, described = result.gathered
    if not rec.answered:
        from advisor.views.guidance import undecided_view

        return undecided_view(catalog, catalog.questionnaire, "recommend", answers, described)
    advice = advice_for(catalog, answers, rec.top.role)
    sources = recommendation_sources(catalog, rec, routes=advice_facts(advice))

    def full() -> Document:
        doc = recommendation_document(catalog, answers, rec, advice, sources, False, described)
        closing = closing_section(catalog, answers, rec, more_line("recommend", asked, True))
        return doc._replace(sections=(*doc.sections, closing))

    def short() -> Document:
        return short_recommendation_document(catalog, answers, rec, asked, described)

    def report() -> Document:
        """The plan first, then everything behind it, with the sources."""
        from advisor.views.plan import plan_sections
        from advisor.views.routes import route_facts

        top = catalog.role(rec.top.role)
        # the plan cites every fact of its calls and the role's works-for line too
        more = catalog.cited(*route_facts(advice.routes), top.works_for, *top.find_one)
        cited = [*sources, *(s for s in more if s not in sources)]
        doc = recommendation_document(catalog, answers, rec, advice, cited, True, described)
        plan = plan_sections(catalog, answers, rec, advice, described)
        behind = Section("Everything behind this plan", (Paragraph(EVERYTHING_BEHIND),))
        title = f"A plan to share: finding a {catalog.role(rec.top.role).name.lower()}"
        return Document(title, (*plan, behind, *doc.sections))

    def share() -> str:
        from advisor.views.plan import share_text

        return share_text(catalog, answers, rec, advice)

    return View(
        full if details else short,
        lambda: recommendation_json(catalog, answers, rec, advice, sources, described),
        report,
        everything=None if details else full,
        share=share,
    )


EVERYTHING_BEHIND = (
    "The rest of this report is the full result: every answer, every role's score "
    "and reasons, the top two compared, all free and low-cost routes, and the sources."
)


def recommendation_json(
    catalog: Catalog,
    answers: Answers,
    rec: Recommendation,
    advice: RouteAdvice,
    sources: list[Source],
    described: Described | None = None,
) -> dict[str, Any]:
    """The stable --json shape of `advisor recommend`; `understood` and
    `not_understood` only when a description was read. A route's facts keep their
    source ids; `sources` lists those of the facts the result shows (as --details
    does), and `advisor routes --json` lists every route's in full."""
    top = catalog.role(rec.top.role)
    return {
        **(understood_json(described) if described is not None else {}),
        **ranking_json(catalog, catalog.questionnaire, answers, rec),
        "next_steps": {
            "find_one": [f.text for f in top.find_one],
            "who_pays": top.who_pays.text,
            "typical_cost": top.typical_cost.text,
            "questions_to_ask": [f.text for f in top.questions_to_ask],
        },
        "routes": dumped(advice.routes),
        # the condition said before each route that may not apply ("If they have Medicare")
        "route_conditions": {
            r.id: said for r in advice.routes if (said := condition_text(r, advice.situation))
        },
        "paid_privately_note": advice.warning.model_dump(mode="json") if advice.warning else None,
        "sources": sources_json(sources),
        **about(catalog),
    }


def verdict_blocks(
    catalog: Catalog,
    questionnaire: Questionnaire,
    rec: Recommendation,
    answers: Answers | None = None,
) -> list[Block]:
    """A tie or a close call, said plainly, with the open questions that would decide it."""
    said = verdict(catalog, questionnaire, rec, answers=answers)
    if said.headline is None:
        return []
    # A tie is already named in the section title; a close call is said here.
    blocks: list[Block] = [] if rec.tie else [Paragraph(said.headline, "warning")]
    if said.note:
        blocks.append(Paragraph(cite(said.note)))
    if said.decided_by:
        blocks += [Paragraph(decided_by_intro(rec)), Bullets(said.decided_by)]
    return blocks


def quoted(words: tuple[str, ...]) -> str:
    return ", ".join('"' + w + '"' for w in words)


def understood_section(
    questionnaire: Questionnaire, described: Described, answers: Answers
) -> Section:
    """Each answer taken from the person's own words, with those words, and what
    their words left unanswered and is still unanswered (the questionnaire may have
    asked the rest)."""
    from advisor.views.understood import language_line, understood_lines

    lines = [
        f"{line.prompt} "
        + (
            "; ".join(line.changed_to)
            + f" (you changed this; I had read {'; '.join(line.answers)}"
            + f" from: {quoted(line.words)})"
            if line.changed_to is not None
            else "; ".join(
                f"{label} (from: {quoted(words)})"
                for label, words in zip(line.answers, line.each, strict=True)
            )
        )
        for line in understood_lines(questionnaire, described, answers)
    ]
    blocks: list[Block] = [
        Bullets(tuple(lines))
        if lines
        else Paragraph("I could not take any answer from your words.")
    ]
    language = language_line(described)
    if language:
        blocks.insert(0, Paragraph(language))
    not_sure = (questionnaire.unsure,)
    open_still = [q for q in described.still_open if answers.get(q, not_sure) == not_sure]
    if open_still:
        prompts = {q.id: questionnaire.worded(q, answers).prompt for q in questionnaire.questions}
        unsure = [
            prompts[q] + (" (your words pointed more than one way)" if q in described.mixed else "")
            for q in open_still
        ]
        blocks.append(Paragraph("Not answered by your words: " + " ".join(unsure)))
    return Section("What I understood from your words", tuple(blocks))


def scored_document(
    catalog: Catalog,
    questionnaire: Questionnaire,
    answers: Answers,
    rec: Recommendation,
    headline: str,
    kind: str,
) -> list[Section]:
    """The parts a role recommendation and a career recommendation share."""
    top = catalog.role(rec.top.role)
    runner = catalog.role(rec.runner_up.role)
    title = f"{headline}: {top.name} ({rec.top.score}/100)"
    if rec.tie:
        title = f"{headline}: a tie, {names(catalog, rec.tie)} ({rec.top.score}/100 each)"
    return [
        Section("The decision", (Paragraph(questionnaire.decision),)),
        Section("Your answers", (answers_block(questionnaire, answers),)),
        Section(
            title,
            (
                *verdict_blocks(catalog, questionnaire, rec, answers),
                Paragraph(cite(top.summary)),
                Paragraph(f"Why {top.name.lower()} (points each answer gave or took away):"),
                reasons_block(questionnaire, rec.top.reasons, answers),
            ),
            highlight=True,
        ),
        Section(
            f"Every {kind}'s score",
            (
                Scores(
                    tuple((catalog.role(s.role).name, s.score) for s in rec.ranking),
                    questionnaire.score_meaning,
                ),
                *(Paragraph(text) for text in unsaid(questionnaire, rec)),
            ),
        ),
        Section(
            f"Runner-up: {runner.name} ({rec.runner_up.score}/100)",
            (reasons_block(questionnaire, rec.runner_up.reasons, answers),),
        ),
        # every role's score and how it was reached, not only the top two's
        *(
            Section(
                f"{catalog.role(s.role).name} ({s.score}/100)",
                (reasons_block(questionnaire, s.reasons, answers),),
            )
            for s in rec.ranking[2:]
        ),
        Section("How this was reached", (Paragraph(questionnaire.method),)),
    ]


def recommendation_document(
    catalog: Catalog,
    answers: Answers,
    rec: Recommendation,
    advice: RouteAdvice,
    sources: list[Source],
    for_report: bool = False,
    described: Described | None = None,
) -> Document:
    """The full result (--details); `for_report` adds the top two roles side by side,
    for a file; `described` puts what was understood from the person's words first."""
    top = catalog.role(rec.top.role)
    compared: list[Role] = []
    sections = scored_document(catalog, catalog.questionnaire, answers, rec, "Recommended", "role")
    if described is not None:
        sections.insert(0, understood_section(catalog.questionnaire, described, answers))
    if for_report:
        pair = compare(catalog, [top, catalog.role(rec.runner_up.role)], list(ASPECTS))
        compared = pair.roles
        sections.append(Section("The top two compared", (aspect_table(pair),)))
    routes = next_steps_sections(catalog, advice)
    free_first = advice.situation.wants_free  # help should be covered, or not sure
    if free_first:
        sections += routes
    sections += [
        Section(
            f"Next steps: finding a {top.name.lower()}",
            (
                Bullets(tuple(cite(f) for f in top.find_one)),
                Paragraph(cite(top.who_pays, "Who pays: ")),
                Paragraph(cite(top.typical_cost, "Typical cost: ")),
                Paragraph("Questions to ask:"),
                Bullets(tuple(cite(f) for f in top.questions_to_ask)),
            ),
        ),
    ]
    if not free_first:
        sections += routes
    if compared:
        sources = [*sources, *(s for s in catalog.cited(*compared) if s not in sources)]
    sections += closing_sections(catalog, sources)
    return Document("advisor: which kind of help fits", tuple(sections))


STRONGEST = 3  # reasons shown in the short result


def rerun_command(command: str, questionnaire: Questionnaire, answers: Answers) -> str:
    """The command line that gives these answers again, e.g. to add --details."""
    from advisor.answers import to_mapping

    parts = [f"advisor {command}"]
    by_id = {q.id: q for q in questionnaire.questions}
    for question_id, value in to_mapping(questionnaire, answers).items():
        chosen = value if isinstance(value, str) else ",".join(value) or questionnaire.unsure
        parts.append(f"--{by_id[question_id].flag} {chosen}")
    return " ".join(parts)


def short_sections(
    catalog: Catalog,
    questionnaire: Questionnaire,
    rec: Recommendation,
    headline: str,
    kind: str,
    answers: Answers | None = None,
) -> list[Section]:
    """What a person needs on one screen: the answer and why, every score and
    the close-call note; the caller adds the first steps."""
    top = catalog.role(rec.top.role)
    reasons = [r for r in rec.top.reasons if r.weight > 0][:STRONGEST]
    # and the strongest answer against it: a pick is not all for, and a person
    # who asked for someone on their side must see "usually hospital staff"
    reasons += [r for r in rec.top.reasons if r.weight < 0][:1]
    blocks: list[Block] = [Paragraph(cite_plainly(top.summary))]
    if reasons:
        blocks.append(
            Bullets(
                tuple((r.why, Cite(tuple(r.sources))) for r in reasons),
                tuple(f"{r.weight:+d}" for r in reasons),
            )
        )
    scores = Scores(tuple((catalog.role(s.role).name, s.score) for s in rec.ranking))
    title = f"{headline}: {top.name} ({rec.top.score}/100)"
    if rec.tie:
        title = f"{headline}: a tie, {names(catalog, rec.tie)} ({rec.top.score}/100 each)"
    said = verdict(catalog, questionnaire, rec, most=2, answers=answers)
    verdict_blocks: list[Block] = []
    if said.headline and not rec.tie:
        verdict_blocks.append(Paragraph(said.headline, "warning"))
    if said.decided_by:
        verdict_blocks += [Paragraph(decided_by_intro(rec)), Bullets(said.decided_by)]
    return [
        Section(title, (*verdict_blocks, *blocks), highlight=True),
        Section(
            f"Every {kind}'s score ({questionnaire.score_note})",
            (scores, *(Paragraph(text) for text in unsaid(questionnaire, rec))),
        ),
    ]


def details_hint(
    command: str, questionnaire: Questionnaire, answers: Answers, asked: bool, everything: str
) -> Block | None:
    """After the wizard, the whole command that gives the same answers with
    everything (a command, never wrapped mid-line), to run again later; after
    flags, nothing here: the closing block says to add --details."""
    if asked:
        lead = f"Everything ({everything}), to run again later:"
        return Command(rerun_command(command, questionnaire, answers) + " --details", lead)
    return None


EVERYTHING = "every reason, costs, questions to ask"


SOURCES_POINTER = "Sources for every line: in --details, the report and --json."


def closing_short(
    catalog: Catalog, hint: Block | None, disclaimer: str | None = None
) -> list[Section]:
    """How to see everything, where the sources are (a pointer: the short result
    lists none), and the disclaimer (the knowledge base's unless a questionnaire
    has its own)."""
    more: list[Block] = [Spacer(), *([hint] if hint else []), Paragraph(SOURCES_POINTER, "quiet")]
    return [
        Section("", tuple(more)),
        Section("", (Paragraph(disclaimer or catalog.knowledge.disclaimer, "quiet"),)),
    ]


def sources_section(catalog: Catalog, disclaimer: str | None = None) -> Section:
    """The sources a result may cite (only those cited are listed) and the disclaimer."""
    k = catalog.knowledge
    return Section(
        f"Sources (read on {k.as_of.isoformat()}; page dates vary)",
        (
            SourceList(tuple(catalog.sources.values())),
            Paragraph(disclaimer or k.disclaimer, "quiet"),
        ),
    )


def first_steps(catalog: Catalog, answers: Answers, rec: Recommendation) -> Section:
    """The first steps (`first_step_plan`), with a plain note when the top role is
    usually paid privately although they want covered help. --details shows all."""
    top = catalog.role(rec.top.role)
    advice = advice_for(catalog, answers, top.id)
    where = advice.situation
    plan = first_step_plan(catalog, answers, rec)
    items: list[Text] = []
    for step in plan:
        if step.route is not None:
            items.append(route_short(step.route, where))
        elif step.find is not None:
            items.append(cite_plainly(step.find))
    blocks: list[Block] = []
    if advice.warning is not None:
        blocks.append(Paragraph(paid_privately_text(catalog, advice.warning, where), "strong"))
    blocks.append(Bullets(tuple(items)))
    title = f"First steps: finding a {top.name.lower()}"
    if any(step.route for step in plan):
        title += ", or free and low-cost help"
    return Section(title, tuple(blocks))


def step_lines(step: FirstStep, where: Situation) -> list[str]:
    """A first step in a line or two: a route's deadline, condition and name, then
    its first way to reach it; or the way to find the role."""
    if step.route is not None:
        route = step.route
        return [plain(lead(route, where)) + ".", route.reach[0].text]
    return [plain(cite_plainly(step.find))] if step.find else []


def closing_section(catalog: Catalog, answers: Answers, rec: Recommendation, more: str) -> Section:
    """What stays on screen at the end: the role, the first call with its number
    and deadline, and how to see more or save a plan."""
    plan = first_step_plan(catalog, answers, rec)
    where = advice_for(catalog, answers, rec.top.role).situation
    blocks: list[Block] = []
    if plan:
        first, *rest = step_lines(plan[0], where)
        blocks.append(
            Paragraph(f"First call: {first}" if plan[0].route else f"First step: {first}")
        )
        blocks += [Paragraph(line) for line in rest]
    blocks.append(Paragraph(more, "quiet"))
    return Section(answer_line(catalog, rec, "Your answer"), tuple(blocks), True, closing=True)


def more_line(command: str, asked: bool, everything: bool = False) -> str:
    """One line on how to see everything or save a plan (a report, for `career`)."""
    if asked:  # the final menu follows
        return "Below: save a report." if everything else "Below: see everything or save a report."
    saved = "a plan to share" if command == "recommend" else "a report"
    name = "plan" if command == "recommend" else command
    if everything:
        return f"Save {saved}: add --report {name}.txt (or .html)."
    return f"More: add --details; save {saved} with --report {name}.txt (or .html)."


def short_recommendation_document(
    catalog: Catalog,
    answers: Answers,
    rec: Recommendation,
    asked: bool = False,
    described: Described | None = None,
) -> Document:
    """The short result `recommend` prints unless asked for --details; what was
    understood from the person's own words comes first."""
    q = catalog.questionnaire
    sections = short_sections(catalog, q, rec, "Recommended", "role", answers)
    if described is not None:
        sections.insert(0, understood_section(q, described, answers))
    sections.append(first_steps(catalog, answers, rec))
    sections += closing_short(catalog, details_hint("recommend", q, answers, asked, EVERYTHING))
    sections.append(closing_section(catalog, answers, rec, more_line("recommend", asked)))
    return uncited(Document("", tuple(sections)))  # the headline is the first line
