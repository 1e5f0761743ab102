"""A Document as Markdown: for `--markdown` and `--report FILE.md`."""

from __future__ import annotations

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
from advisor.render.references import flat, label, readable, source_label
from advisor.render.sanitise import markdown as md
from advisor.render.sanitise import printable

DRAWING_WIDTH = 72  # columns of a drawing in a file, where no terminal says how wide


def _cite(cite: Cite) -> str:
    return label(cite).replace("[", "\\[").replace("]", "\\]")


def _text(text: Text, in_cell: bool = False) -> str:
    return flat(text, lambda words: md(words, in_cell=in_cell), _cite)


def _cell(cell: Cell) -> str:
    lines = [_text(line, in_cell=True) for line in cell.lines]
    return "<br>".join(f"- {line}" if cell.listed else line for line in lines)


def to_markdown(doc: Document) -> str:
    """The document as Markdown; citations as \\[1\\], sources as a numbered list."""
    doc = readable(doc)
    lines = [f"# {md(doc.title)}"]
    for section in doc.sections:
        if section.title:
            lines += ["", f"## {md(section.title)}"]
        for block in section.blocks:
            if isinstance(block, Spacer):
                continue  # Markdown already puts a blank line between blocks
            lines.append("")
            if isinstance(block, Paragraph):
                text = _text(block.text)
                lines.append(f"_{text}_" if block.emphasis in ("note", "quiet") else text)
            elif isinstance(block, Bullets):
                markers = block.markers or ("",) * len(block.items)
                lines += [
                    f"- {f'**{m}** ' if m else ''}{_text(item)}"
                    for m, item in zip(markers, block.items, strict=True)
                ]
            elif isinstance(block, SourceList):
                lines += [f"- **[{n}]** {md(source_label(s))}" for n, s in block.listed]
            elif isinstance(block, Table):
                lines.append("| " + " | ".join(md(h, in_cell=True) for h in block.header) + " |")
                lines.append("|---" * len(block.header) + "|")
                lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in block.rows]
            elif isinstance(block, Scores):
                lines += [f"- {md(name)}: **{score}**/100" for name, score in block.rows]
                if block.note:
                    lines += ["", f"_{md(block.note)}_"]
            elif isinstance(block, Preformatted):
                drawn = printable("\n".join(block.draw(DRAWING_WIDTH, False))).replace("`", "'")
                lines += ["```text", drawn, "```"]
            elif isinstance(block, Command):
                if block.lead:
                    lines += [md(block.lead), ""]
                commands = (block.line, *block.more)
                lines += ["```sh", *(printable(c, one_line=True) for c in commands), "```"]
    return "\n".join(lines) + "\n"
