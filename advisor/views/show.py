"""`advisor show NAME`: one role in full, or the page for another title people
meet (navigator, social worker...): which role it is closest to and how it differs."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from advisor.document import Block, Bullets, Command, Document, Paragraph, Section, View
from advisor.knowledge.catalog import Catalog
from advisor.knowledge.models import Disagreement, Fact, Role, Source
from advisor.views.citing import (
    cite,
    closing_sections,
    disagreements_section,
    fact_line,
    number_word,
    value_words,
)
from advisor.views.data import about, dumped, sources_json
from advisor.views.routes import alternatives_section, line_facts, role_routes, route_line

if TYPE_CHECKING:
    from advisor.knowledge.routes import Route
    from advisor.knowledge.titles import Title


def show_view(catalog: Catalog, found: Role | Title) -> View:
    """The page for a role or another title; its sources are those of the facts
    it shows (a route by its cost and first way to reach it, as on screen)."""
    loose = catalog.knowledge.loose_titles
    if isinstance(found, Role):
        role = found
        disputes = catalog.disagreements_about(role.id)
        routes = role_routes(catalog, role)
        sources = catalog.cited(role, *disputes, *line_facts(routes), loose)
        return View(
            lambda: role_document(catalog, role, disputes, routes, sources),
            lambda: role_json(catalog, role, disputes, routes, sources),
        )
    title = found
    listed = [r for r in catalog.route_book.routes if r.id in title.routes]
    sources = catalog.cited(*title.what, title.closest, *line_facts(listed), loose)
    return View(
        lambda: title_document(catalog, title, listed, sources),
        lambda: title_json(catalog, title, listed, sources),
    )


def role_document(
    catalog: Catalog,
    role: Role,
    disputes: list[Disagreement],
    routes: Sequence[Route],
    sources: list[Source],
) -> Document:
    """Everything about one role, each fact with its sources."""

    def facts(title: str, items: Sequence[Fact]) -> Section:
        return Section(title, (Bullets(tuple(fact_line(f) for f in items)),))

    def one(title: str, fact: Fact) -> Section:
        return Section(title, (Paragraph(fact_line(fact)),))

    intro: list[Block] = [Paragraph(cite(role.summary))]
    if role.aliases:
        intro.insert(0, Paragraph(f"Also called: {', '.join(role.aliases)}", "note"))
    sections = [
        Section("In short", tuple(intro), highlight=True),
        one("Works for", role.works_for),
        one("Timeframe", role.timeframe),
        one("Primary focus", role.focus),
        facts("Typical settings", role.settings),
        facts("What they do", role.responsibilities),
        facts("Limits to know", role.limits),
        one("Who pays", role.who_pays),
        one("Typical cost", role.typical_cost),
        facts("Education", role.education),
        facts("Skills", role.skills),
        facts("Credentials and associations", role.credentials),
        one("Average salary (from the source articles)", role.salary),
        facts("Closest occupation codes (U.S.), with dated median pay", role.occupation_codes),
    ]
    if role.variants:
        sections.append(
            Section(
                "Variants",
                (
                    Bullets(
                        tuple(
                            cite(v, f"{v.name} (works for: {value_words(v.works_for)}): ")
                            for v in role.variants
                        )
                    ),
                ),
            )
        )
    if role.alias_notes:
        sections.append(
            Section(
                "Where its other names come from",
                (Bullets(tuple(cite(n, f"'{n.alias}': ") for n in role.alias_notes)),),
            )
        )
    if role.loose_titles:
        sections.append(
            Section(
                "Titles used loosely",
                (Bullets(tuple(cite(t, f"'{t.title}': ") for t in role.loose_titles)),),
            )
        )
    if disputes:
        sections.append(disagreements_section(disputes))
    sections += [
        facts("Where to find one", role.find_one),
        facts("Questions to ask", role.questions_to_ask),
        alternatives_section(role, routes),
    ]
    sections += closing_sections(catalog, sources)
    return Document(f"{role.name} ({role.id})", tuple(sections))


def role_json(
    catalog: Catalog,
    role: Role,
    disputes: list[Disagreement],
    routes: Sequence[Route],
    sources: list[Source],
) -> dict[str, Any]:
    free = dumped(routes)
    return {
        **role.model_dump(mode="json"),
        "kind": "role",  # `show` also prints other titles ("other-title")
        "disagreements": dumped(disputes),
        "titles_used_loosely": catalog.knowledge.loose_titles.model_dump(mode="json"),
        "free_or_low_cost_alternatives": free,  # the first name of this key, kept for scripts
        "free_or_low_cost_routes": free,  # the same key as for other titles
        "sources": sources_json(sources),
        **about(catalog),
    }


def title_document(
    catalog: Catalog, title: Title, routes: Sequence[Route], sources: list[Source]
) -> Document:
    """`show navigator`: another title, the role it is closest to and how it differs."""
    closest = catalog.role(title.closest.role)
    also = [catalog.role(r).name.lower() for r in title.closest.also]
    four = number_word(len(catalog.roles))
    lead = f"Not one of the {four} roles. Closest to: {closest.name.lower()} ({closest.id})"
    if also:
        lead += f"; also like a {' and a '.join(also)}"
    intro: list[Block] = [
        Paragraph(f"{lead}."),
        Paragraph(cite(title.closest, "How it differs: ")),
    ]
    if title.aliases:
        intro.insert(0, Paragraph(f"Also called: {', '.join(title.aliases)}", "note"))
    sections = [
        Section("In short", tuple(intro), highlight=True),
        Section("What it is", (Bullets(tuple(cite(f) for f in title.what)),)),
    ]
    if routes:
        sections.append(
            Section("Free or low-cost routes", (Bullets(tuple(route_line(r) for r in routes)),))
        )
    more = Command(
        f"advisor show {closest.id}",
        "More:",
        (f"advisor compare {closest.id} ROLE", "advisor routes"),
    )
    sections.append(Section("More", (more,)))
    sections += closing_sections(catalog, sources)
    return Document(f"{title.name} ({title.id})", tuple(sections))


def title_json(
    catalog: Catalog, title: Title, routes: Sequence[Route], sources: list[Source]
) -> dict[str, Any]:
    """`advisor show TITLE --json`: another title, marked as not one of the four roles."""
    return {
        **title.model_dump(mode="json"),
        "kind": "other-title",
        "closest_role": title.closest.role,
        "free_or_low_cost_routes": dumped(routes),
        "sources": sources_json(sources),
        **about(catalog),
    }
