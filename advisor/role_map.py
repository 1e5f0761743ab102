"""Draw the four roles on two axes as plain text lines.

x runs from "works for the system" (-1) to "works for the patient" (+1);
y from "one episode" (-1) to "ongoing" (+1). Pure: it returns strings, so the
terminal view only has to colour them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

from advisor.questionnaire import Questionnaire

YOU = "you"
PLOT_ROWS = 11


def you_mark(ascii_only: bool) -> str:
    return "@" if ascii_only else "◆"


class Point(NamedTuple):
    label: str
    x: float
    y: float


def person_position(
    questionnaire: Questionnaire, answers: Mapping[str, Sequence[str]]
) -> tuple[float | None, float | None]:
    """Average the map coordinates of the chosen options; None where nothing placed them."""
    xs: list[float] = []
    ys: list[float] = []
    for question in questionnaire.questions:
        for option_id in answers.get(question.id, ()):
            option = question.option(option_id)
            if option and option.map_x is not None:
                xs.append(option.map_x)
            if option and option.map_y is not None:
                ys.append(option.map_y)
    return (sum(xs) / len(xs) if xs else None, sum(ys) / len(ys) if ys else None)


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
        # Labels grow outwards from the centre line where they fit, so the
        # marker stays exactly where the role sits.
        length = len(point.label) + 2
        grow_left = col - length + 1 >= 0 if point.x < 0 else col + length > inner
        text = f"{point.label} {mark}" if grow_left else f"{mark} {point.label}"
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
    lines.append(left + " " * max(1, width - len(left) - len(right)) + right)
    return lines


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
