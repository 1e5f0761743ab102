"""A small document model that the terminal, Markdown and HTML outputs share.

Views build a `Document` once; `to_markdown` and `to_html` here (and
`render_document.to_rich`) only lay it out, so the three never drift apart.
"""

from __future__ import annotations

from typing import NamedTuple


class Paragraph(NamedTuple):
    text: str
    style: str = ""  # a rich style for the terminal; "emphasis" also italicises elsewhere


class Bullets(NamedTuple):
    items: tuple[str, ...]
    markers: tuple[str, ...] = ()  # e.g. "+3"; a dash when empty


class Table(NamedTuple):
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


class Scores(NamedTuple):
    rows: tuple[tuple[str, int], ...]
    note: str = ""


Block = Paragraph | Bullets | Table | Scores


class Section(NamedTuple):
    title: str  # empty: the blocks follow the document's title directly
    blocks: tuple[Block, ...]
    print_only: bool = False  # left out of the terminal view, kept in files
    highlight: bool = False  # the answer the reader came for: coloured in a terminal


class Document(NamedTuple):
    title: str
    sections: tuple[Section, ...] = ()


def to_markdown(doc: Document) -> str:
    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", "<br>")

    lines = [f"# {doc.title}"]
    for section in doc.sections:
        if section.title:
            lines += ["", f"## {section.title}"]
        for block in section.blocks:
            lines.append("")
            if isinstance(block, Paragraph):
                lines.append(f"_{block.text}_" if "italic" in block.style else block.text)
            elif isinstance(block, Bullets):
                markers = block.markers or ("",) * len(block.items)
                lines += [
                    f"- {f'**{m}** ' if m else ''}{item}"
                    for m, item in zip(markers, block.items, strict=True)
                ]
            elif isinstance(block, Table):
                lines.append("| " + " | ".join(cell(h) for h in block.header) + " |")
                lines.append("|---" * len(block.header) + "|")
                lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in block.rows]
            else:
                lines += [f"- {label}: **{score}**/100" for label, score in block.rows]
                if block.note:
                    lines += ["", f"_{block.note}_"]
    return "\n".join(lines) + "\n"


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


def to_html(doc: Document) -> str:
    """A self-contained page: inline CSS, no scripts, nothing fetched from a network."""
    import html

    e = html.escape
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
            else:
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
