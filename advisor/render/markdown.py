"""A Document as Markdown: for `--markdown` and `--report FILE.md`."""

from __future__ import annotations

from advisor.document import Bullets, Document, Paragraph, Preformatted, Scores, Table
from advisor.render.references import readable
from advisor.render.sanitise import markdown as md
from advisor.render.sanitise import printable

DRAWING_WIDTH = 72  # columns of a drawing in a file, where no terminal says how wide


def to_markdown(doc: Document) -> str:
    def cell(text: str) -> str:
        return md(text, in_cell=True).replace("\n", "<br>")

    doc = readable(doc)
    lines = [f"# {md(doc.title)}"]
    for section in doc.sections:
        if section.title:
            lines += ["", f"## {md(section.title)}"]
        for block in section.blocks:
            lines.append("")
            if isinstance(block, Paragraph):
                text = md(block.text)
                lines.append(f"_{text}_" if "italic" in block.style else text)
            elif isinstance(block, Bullets):
                markers = block.markers or ("",) * len(block.items)
                lines += [
                    f"- {f'**{m}** ' if m else ''}{md(item)}"
                    for m, item in zip(markers, block.items, strict=True)
                ]
            elif isinstance(block, Table):
                lines.append("| " + " | ".join(cell(h) for h in block.header) + " |")
                lines.append("|---" * len(block.header) + "|")
                lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in block.rows]
            elif isinstance(block, Scores):
                lines += [f"- {md(label)}: **{score}**/100" for label, score in block.rows]
                if block.note:
                    lines += ["", f"_{md(block.note)}_"]
            elif isinstance(block, Preformatted):
                drawn = printable("\n".join(block.draw(DRAWING_WIDTH, False))).replace("`", "'")
                lines += ["```text", drawn, "```"]
    return "\n".join(lines) + "\n"
