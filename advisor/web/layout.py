"""Jinja2 templates (autoescaped) and the helpers they lay a Document out with.

A view's Document says what is shown; these only say how: numbered citations
(`render.references.readable`, as in every other format), a block by its kind,
a paragraph's terminal style as a class.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2

from advisor.document import Block, Bullets, Document, Paragraph, Preformatted, Scores, Table
from advisor.render.markdown import DRAWING_WIDTH
from advisor.render.references import readable

STYLE_CLASSES = {"bold": "strong", "italic": "italic", "dim": "muted", "yellow": "caution"}


def kind(block: Block) -> str:
    """A block's kind, for the template's `{% if kind(block) == ... %}`."""
    if isinstance(block, Paragraph):
        return "paragraph"
    if isinstance(block, Bullets):
        return "bullets"
    if isinstance(block, Table):
        return "table"
    if isinstance(block, Scores):
        return "scores"
    if isinstance(block, Preformatted):
        return "drawing"
    return "other"  # a SourceList: `readable` has turned it into Bullets already


def classes(style: str) -> str:
    """A rich style ("bold yellow") as CSS classes ("strong caution")."""
    return " ".join(STYLE_CLASSES[w] for w in style.split() if w in STYLE_CLASSES)


def lines(text: str) -> list[str]:
    return text.split("\n")


def drawn(block: Preformatted) -> str:
    """A drawing (the map) at the width a report draws it, with Unicode glyphs."""
    return "\n".join(block.draw(DRAWING_WIDTH, False))


class Templates:
    def __init__(self, folder: Path) -> None:
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(folder),
            autoescape=True,  # every value is escaped unless a template says otherwise
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.globals.update(kind=kind, classes=classes, lines=lines, drawn=drawn)

    def render(self, name: str, **context: Any) -> str:
        doc = context.get("doc")
        if isinstance(doc, Document):
            context["doc"] = readable(doc)
        return self.env.get_template(name).render(**context)
