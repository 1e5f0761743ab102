"""`advisor map`: the four roles drawn on two axes as plain text lines (`draw`
is pure: it returns strings for a width and glyph set that the renderer
chooses), with a legend, and where the person's answers put them (placement.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from advisor.answers import Answers
from advisor.document import Block, Bullets, Document, Paragraph, Preformatted, Section, View
from advisor.knowledge.catalog import Catalog
from advisor.knowledge.models import Source
from advisor.knowledge.questions import Option, Questionnaire
from advisor.placement import Point, person_position
from advisor.views.citing import cite, closing_sections, number_word
from advisor.views.data import about, sources_json

YOU = "you"
PLOT_ROWS = 11


def you_mark(ascii_only: bool) -> str:
    return "@" if ascii_only else "◆"


def draw(points: Sequence[Point], width: int, ascii_only: bool) -> list[str]:
    """The map, `width` characters wide at most (at least 40)."""
    width = max(40, min(width, 100))
    inner = width - 2
    grid = [[" "] * inner for _ in range(PLOT_ROWS)]
    mid_col, mid_row = inner // 2, PLOT_ROWS // 2
    h, v, cross, dot = ("-", "|", "+", "*") if ascii_only else ("─", "│", "┼", "●")
    you = you_mark(ascii_only)
    for col in range(inner):
        grid[mid_row][col] = h
    for row in range(PLOT_ROWS):
        grid[row][mid_col] = cross if row == mid_row else v
    for point in sorted(points, key=lambda p: p.label == YOU):
        col = round((point.x + 1) / 2 * (inner - 1))
        row = round((1 - point.y) / 2 * (PLOT_ROWS - 1))
        mark = you if point.label == YOU else dot
        label = _label(point.label, inner // 2 - 3, ascii_only)
        # Labels grow outwards from the centre line where they fit, so the
        # marker stays exactly where the role sits.
        length = len(label) + 2
        grow_left = col - length + 1 >= 0 if point.x < 0 else col + length > inner
        text = f"{label} {mark}" if grow_left else f"{mark} {label}"
        start = min(max(0, col - length + 1 if grow_left else col), inner - length)
        row = _free_row(grid, row, start, len(text))
        for offset, char in enumerate(text):
            grid[row][start + offset] = char
    top = "ongoing"
    bottom = "one episode"
    edge = "+" + "-" * inner + "+" if ascii_only else "┌" + "─" * inner + "┐"
    foot = "+" + "-" * inner + "+" if ascii_only else "└" + "─" * inner + "┘"
    side = "|" if ascii_only else "│"
    left, right = "<- works for the system", "works for the patient ->"
    if not ascii_only:
        left, right = "← works for the system", "works for the patient →"
    lines = [top.center(width).rstrip(), edge]
    lines += [side + "".join(row) + side for row in grid]
    lines += [foot, bottom.center(width).rstrip()]
    if len(left) + 1 + len(right) <= width:
        lines.append(left + " " * (width - len(left) - len(right)) + right)
    else:  # one line would wrap mid-phrase ("works for the / patient ->")
        lines += [left, right.rjust(width)]
    return lines


def _label(name: str, room: int, ascii_only: bool) -> str:
    """A role's name on one line, cut with an ellipsis to fit half the plot, so a
    long or multi-line name from a knowledge base never breaks the frame."""
    from advisor.render.sanitise import printable

    flat = " ".join(printable(name).split())
    if len(flat) <= room:
        return flat
    ellipsis = "..." if ascii_only else "…"
    return flat[: max(1, room - len(ellipsis))].rstrip() + ellipsis


def _free_row(grid: list[list[str]], row: int, start: int, length: int) -> int:
    """The nearest row where a label fits without covering another label."""
    inner = len(grid[0])
    for shift in (0, 1, -1, 2, -2, 3, -3):
        candidate = row + shift
        if 0 <= candidate < len(grid) and all(
            grid[candidate][c] in " ─│┼-|+" for c in range(start, min(inner, start + length))
        ):
            return candidate
    return row


def axis_flags(questionnaire: Questionnaire) -> tuple[str, str]:
    """The flags whose answers place a person across and up the map, from the data."""

    def flags(placed: Callable[[Option], bool]) -> str:
        found = [f"--{q.flag}" for q in questionnaire.questions if any(map(placed, q.options))]
        return " or ".join(found) or "(no question)"

    return flags(lambda o: o.map_x is not None), flags(lambda o: o.map_y is not None)


def axis_questions(questionnaire: Questionnaire) -> str:
    """The questions that place a person on the map, as the questionnaire asks them."""
    across = [q for q in questionnaire.questions if any(o.map_x is not None for o in q.options)]
    up = [q for q in questionnaire.questions if any(o.map_y is not None for o in q.options)]
    placed = dict.fromkeys(f'"{q.prompt}"' for q in (*across, *up))  # the flags' order
    return " and ".join(placed)


def placement_note(
    x: float | None,
    y: float | None,
    flags: tuple[str, str] = ("--side", "--timeframe"),
    questions: str = "",
) -> str:
    if x is None and y is None:
        # Someone who has just been through the questionnaire knows the questions,
        # not the flags: name both.
        asked = f"{questions} " if questions else ""
        return (
            f"Answer {asked}({flags[0]} and {flags[1]}, or --answers FILE) to see where "
            "you stand on the map."
        )
    missing = [name for name, value in zip(flags, (x, y), strict=True) if value is None]
    where = f'The "{YOU}" mark is where your answers put you'
    return where + (
        f"; with {' and '.join(missing)} unanswered, that axis is centred." if missing else "."
    )


def map_points(catalog: Catalog, answers: Answers) -> list[Point]:
    points = [Point(r.name, r.position.x, r.position.y) for r in catalog.roles]
    x, y = person_position(catalog.questionnaire, answers)
    if x is not None or y is not None:
        points.append(Point(YOU, x or 0.0, y or 0.0))
    return points


YOU_PATTERN = r"(?:[@◆] you|you [@◆])"  # the person's mark, in either glyph set


def map_title(catalog: Catalog) -> str:
    return f"Where the {number_word(len(catalog.roles))} roles sit"


def map_view(catalog: Catalog, answers: Answers) -> View:
    """`advisor map`: the drawing, the legend and the sources; JSON with positions."""
    return View(
        lambda: Document(map_title(catalog), map_sections(catalog, answers, closing=True)),
        lambda: map_json(catalog, answers),
    )


def map_sections(catalog: Catalog, answers: Answers, closing: bool = False) -> tuple[Section, ...]:
    """The map and its legend, for `map` and for the guidance when nothing decides."""
    x, y = person_position(catalog.questionnaire, answers)
    points = map_points(catalog, answers)
    note = placement_note(
        x, y, axis_flags(catalog.questionnaire), axis_questions(catalog.questionnaire)
    )
    legend = tuple(cite(r.position, f"{r.name}: ") for r in catalog.roles)
    blocks: list[Block] = [
        Preformatted(lambda width, ascii_only: draw(points, width, ascii_only), YOU_PATTERN),
        Paragraph(note, "note"),
        Bullets(legend),
    ]
    sections = [Section("" if closing else map_title(catalog), tuple(blocks))]
    if closing:
        positions = [r.position for r in catalog.roles]
        sections += closing_sections(
            catalog, catalog.cited(*positions, catalog.knowledge.loose_titles)
        )
    return tuple(sections)


def map_sources(catalog: Catalog) -> list[Source]:
    """The sources of the roles' places on the map, and of the loose-titles warning."""
    return catalog.cited(*(r.position for r in catalog.roles), catalog.knowledge.loose_titles)


def map_json(catalog: Catalog, answers: Answers) -> dict[str, Any]:
    x, y = person_position(catalog.questionnaire, answers)
    return {
        "axes": {
            "x": "works for the system (-1) to works for the patient (+1)",
            "y": "one episode (-1) to ongoing (+1)",
        },
        "roles": [
            {"id": r.id, "role": r.id, "name": r.name, **r.position.model_dump(mode="json")}
            for r in catalog.roles
        ],
        "you": None if x is None and y is None else {"x": x, "y": y},
        "sources": sources_json(map_sources(catalog)),
        **about(catalog),
    }
