"""A Document as a self-contained HTML page: for `--report FILE.html`."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from advisor.document import (
    Bullets,
    Cell,
    Cite,
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
from advisor.render.markdown import DRAWING_WIDTH
from advisor.render.references import flat, label, readable, source_label
from advisor.render.sanitise import printable

if TYPE_CHECKING:
    from advisor.knowledge.models import Source


def e(text: str) -> str:
    """Text as HTML shows it literally: markup escaped, and control characters and
    text-direction overrides (which html.escape keeps, and which make a printed
    page read backwards) shown as escapes, as on a terminal."""
    return html.escape(printable(text))


STYLE = """
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto;
       padding: 0 1rem; line-height: 1.5; color: #222; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #bbb; padding: .4rem; vertical-align: top; text-align: left; }
.bar { background: #eee; width: 20rem; max-width: 60%; display: inline-block; }
.bar span { background: #2a7; display: block; height: 1rem; }
.marker { font-weight: bold; font-family: monospace; }
.note { font-style: italic; }
.quiet { color: #555; }
.warning { font-weight: bold; }
pre, code { white-space: pre-wrap; }
"""


def cite_html(cite: Cite) -> str:
    """[1, 2], each number a link to its source in the list."""
    if not cite.numbers:
        return e(label(cite))
    links = ", ".join(f'<a href="#source-{n}">{n}</a>' for n in cite.numbers)
    return f'<span class="cite">[{links}]</span>'


def text_html(text: Text) -> str:
    """Words escaped, citations as links (the web page's templates use it too)."""
    return flat(text, e, cite_html)


def cell_html(cell: Cell) -> str:
    lines = [text_html(line) for line in cell.lines]
    if cell.listed:
        return "<ul>" + "".join(f"<li>{line}</li>" for line in lines) + "</ul>"
    return "<br>".join(lines)


def to_html(doc: Document) -> str:
    """A self-contained page: inline CSS, no scripts, nothing fetched from a network."""
    doc = readable(doc)
    title = doc.title or "advisor"
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(title)}</title><style>{STYLE}</style></head><body>",
        f"<h1>{e(title)}</h1>",
    ]
    for section in doc.sections:
        out.append(f"<section><h2>{e(section.title)}</h2>" if section.title else "<section>")
        for block in section.blocks:
            if isinstance(block, Paragraph):
                css = f' class="{block.emphasis}"' if block.emphasis else ""
                tag = "strong" if block.emphasis == "strong" else ""
                words = f"<{tag}>{text_html(block.text)}</{tag}>" if tag else text_html(block.text)
                out.append(f"<p{css}>{words}</p>")
            elif isinstance(block, Bullets):
                markers = block.markers or ("",) * len(block.items)
                out.append("<ul>")
                out += [
                    f"<li>{f'<span class=marker>{e(m)}</span> ' if m else ''}{text_html(item)}</li>"
                    for m, item in zip(markers, block.items, strict=True)
                ]
                out.append("</ul>")
            elif isinstance(block, SourceList):
                out.append("<ol>")
                out += [
                    f'<li id="source-{n}" value="{n}">{source_html(source)}</li>'
                    for n, source in block.listed
                ]
                out.append("</ol>")
            elif isinstance(block, Table):
                out.append("<table><thead><tr>")
                out += [f'<th scope="col">{e(h)}</th>' for h in block.header]
                out.append("</tr></thead><tbody>")
                for row in block.rows:
                    cells = "".join(f"<td>{cell_html(c)}</td>" for c in row)
                    out.append(f"<tr>{cells}</tr>")
                out.append("</tbody></table>")
            elif isinstance(block, Scores):
                out.append("<table><tbody>")
                for name, score in block.rows:
                    out.append(
                        f'<tr><td>{e(name)}</td><td>{score}</td><td><span class="bar">'
                        f'<span style="width:{score}%"></span></span></td></tr>'
                    )
                out.append("</tbody></table>")
                if block.note:
                    out.append(f'<p class="note">{e(block.note)}</p>')
            elif isinstance(block, Preformatted):
                drawn = "\n".join(block.draw(DRAWING_WIDTH, False))
                out.append(f'<pre aria-hidden="true">{e(drawn)}</pre>')
            elif isinstance(block, Command):
                lead = f"{e(block.lead)} " if block.lead else ""
                codes = ", ".join(f"<code>{e(c)}</code>" for c in (block.line, *block.more))
                out.append(f"<p>{lead}{codes}</p>")
            elif isinstance(block, Spacer):
                continue
        out.append("</section>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def source_html(source: Source) -> str:
    """A source as readers can find it; a web address is a link (http and https only)."""
    where = source.reference
    if source.kind != "seed" and where.startswith(("https://", "http://")):
        stop = "" if source.title.rstrip(".").endswith(("?", "!")) else "."
        return f'{e(source.title.rstrip("."))}{stop} <a href="{e(where)}">{e(where)}</a>'
    return e(source_label(source))
