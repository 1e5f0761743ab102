"""`advisor roles`: the four roles at a glance."""

from __future__ import annotations

from typing import Any

from advisor.document import Block, Cell, Command, Document, Paragraph, Section, Table, View
from advisor.knowledge.catalog import Catalog
from advisor.views.citing import number_word, value_words
from advisor.views.data import about


def roles_view(catalog: Catalog) -> View:
    return View(lambda: roles_document(catalog), lambda: roles_json(catalog))


def roles_document(catalog: Catalog) -> Document:
    """The four roles in one table: whom they work for, their timeframe and focus."""
    rows = tuple(
        (
            Cell((r.name, f"({r.id})")),
            Cell((value_words(r.works_for.value),)),
            Cell((value_words(r.timeframe.value),)),
            Cell((r.focus.text,)),
        )
        for r in catalog.roles
    )
    blocks: tuple[Block, ...] = (
        Table(("Role (id)", "Works for", "Timeframe", "Focus"), rows),
        Paragraph(f"Note: {catalog.knowledge.loose_titles.text}", "note"),
        Command("advisor show ROLE", "More:", ("advisor compare ROLE ROLE", "advisor recommend")),
    )
    return Document(f"The {number_word(len(catalog.roles))} roles", (Section("", blocks),))


def roles_json(catalog: Catalog) -> dict[str, Any]:
    return {
        "roles": [
            {
                "id": r.id,
                "name": r.name,
                "aliases": r.aliases,
                "works_for": r.works_for.value,
                "timeframe": r.timeframe.value,
                "focus": r.focus.text,
            }
            for r in catalog.roles
        ],
        "titles_used_loosely": catalog.knowledge.loose_titles.model_dump(mode="json"),
        **about(catalog),
    }
