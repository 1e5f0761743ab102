"""Jinja2 templates (autoescaped) and the helpers they lay a Document out with.

A view's Document says what is shown; these only say how: numbered citations
(`render.references.readable`, as in every other format) as links to the
source list, a block by its kind, an emphasis word as a class. The helpers
that write HTML escape every word themselves and return `Markup`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup

from advisor.document import (
    Block,
    Bullets,
    Cell,
    Command,
    Document,
    Paragraph,
    Preformatted,
    Scores,
    SourceList,
    Spacer,
    Table,
    Text,
)
from advisor.render.html import cell_html, source_html, text_html
from advisor.render.markdown import DRAWING_WIDTH
from advisor.render.references import readable

if TYPE_CHECKING:
    from advisor.knowledge.models import Source

KINDS: tuple[tuple[type, str], ...] = (
    (Paragraph, "paragraph"),
    (Bullets, "bullets"),
    (Table, "table"),
    (Scores, "scores"),
    (SourceList, "sources"),
    (Preformatted, "drawing"),
    (Command, "command"),
    (Spacer, "spacer"),
)
EMPHASIS = {"strong": "strong", "note": "note", "warning": "caution", "quiet": "muted"}


def kind(block: Block) -> str:
    """A block's kind, for the template's `{% if kind(block) == ... %}`."""
    return next(name for cls, name in KINDS if isinstance(block, cls))


def emphasis(word: str) -> str:
    """A paragraph's emphasis ("warning") as a CSS class ("caution")."""
    return EMPHASIS.get(word, "")


def text(words: Text) -> Markup:
    """Words and their citations; a line break where the text has one."""
    return Markup(text_html(words).replace("\n", "<br>"))


def cell(c: Cell) -> Markup:
    return Markup(cell_html(c))


def source(s: Source) -> Markup:
    """A source as a reader finds it; a web address is a link, only followed when clicked."""
    return Markup(source_html(s))


def drawn(block: Preformatted) -> str:
    """A drawing (the map) at the width a report draws it, with Unicode glyphs."""
    return "\n".join(block.draw(DRAWING_WIDTH, False))


class Templates:
    def __init__(self, folder: Path) -> None:
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(folder),
            autoescape=True,  # every value is escaped unless a helper above wrote it
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.globals.update(
            kind=kind, emphasis=emphasis, text=text, cell=cell, source=source, drawn=drawn
        )

    def render(self, name: str, **context: Any) -> str:
        doc = context.get("doc")
        if isinstance(doc, Document):
            context["doc"] = readable(doc)
        return self.env.get_template(name).render(**context)
