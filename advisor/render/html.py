"""A Document as a self-contained HTML page: for `--report FILE.html`."""

from __future__ import annotations

from advisor.render.sanitise import printable
from advisor.views.blocks import Bullets, Document, Paragraph, Scores, Table
from advisor.views.references import readable

STYLE = """
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto;
       padding: 0 1rem; line-height: 1.5; color: #222; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #bbb; padding: .4rem; vertical-align: top; text-align: left; }
.bar { background: #eee; width: 20rem; max-width: 60%; display: inline-block; }
.bar span { background: #2a7; display: block; height: 1rem; }
.marker { font-weight: bold; font-family: monospace; }
.italic { font-style: italic; }
"""


def e(text: str) -> str:
    """Text as HTML shows it literally: markup escaped, and control characters and
    text-direction overrides (which html.escape keeps, and which make a printed
    page read backwards) shown as escapes, as on a terminal."""
    import html

    return html.escape(printable(text))


def to_html(doc: Document) -> str:
    """A self-contained page: inline CSS, no scripts, nothing fetched from a network."""
    doc = readable(doc)
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(doc.title)}</title><style>{STYLE}</style></head><body>",
        f"<h1>{e(doc.title)}</h1>",
    ]
    for section in doc.sections:
        out.append(f"<section><h2>{e(section.title)}</h2>" if section.title else "<section>")
        for block in section.blocks:
            if isinstance(block, Paragraph):
                css = ' class="italic"' if "italic" in block.style else ""
                out.append(f"<p{css}>{e(block.text)}</p>")
            elif isinstance(block, Bullets):
                markers = block.markers or ("",) * len(block.items)
                out.append("<ul>")
                out += [
                    f"<li>{f'<span class=marker>{e(m)}</span> ' if m else ''}{e(item)}</li>"
                    for m, item in zip(markers, block.items, strict=True)
                ]
                out.append("</ul>")
            elif isinstance(block, Table):
                out.append("<table><thead><tr>")
                out += [f"<th>{e(h)}</th>" for h in block.header]
                out.append("</tr></thead><tbody>")
                for row in block.rows:
                    cells = "".join(f"<td>{e(c).replace(chr(10), '<br>')}</td>" for c in row)
                    out.append(f"<tr>{cells}</tr>")
                out.append("</tbody></table>")
            elif isinstance(block, Scores):
                out.append("<table><tbody>")
                for label, score in block.rows:
                    out.append(
                        f'<tr><td>{e(label)}</td><td>{score}</td><td><span class="bar">'
                        f'<span style="width:{score}%"></span></span></td></tr>'
                    )
                out.append("</tbody></table>")
                if block.note:
                    out.append(f'<p class="italic">{e(block.note)}</p>')
        out.append("</section>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
