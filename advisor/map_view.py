"""`advisor map`: the role map with a legend, and where the person's answers put them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from advisor.answers import Answers
from advisor.catalog import Catalog
from advisor.citing import cite
from advisor.export import about
from advisor.render_common import is_ascii
from advisor.role_map import YOU, Point, draw, person_position, you_mark

if TYPE_CHECKING:
    from rich.console import Console, RenderableType


def placement_note(x: float | None, y: float | None, mark: str) -> str:
    if x is None and y is None:
        return (
            "Answer --side and --timeframe (or pass --answers FILE) to see where you "
            "stand on the map."
        )
    missing = [name for name, value in (("--side", x), ("--timeframe", y)) if value is None]
    where = f"The {mark} {YOU} mark is where your answers put you"
    return where + (
        f"; with {' and '.join(missing)} unanswered, that axis is centred." if missing else "."
    )


def map_points(catalog: Catalog, answers: Answers) -> list[Point]:
    points = [Point(r.name, r.position.x, r.position.y) for r in catalog.roles]
    x, y = person_position(catalog.questionnaire, answers)
    if x is not None or y is not None:
        points.append(Point(YOU, x or 0.0, y or 0.0))
    return points


def map_view(console: Console, catalog: Catalog, answers: Answers) -> RenderableType:
    from rich.console import Group
    from rich.text import Text

    ascii_only = is_ascii(console)
    lines = draw(map_points(catalog, answers), console.width, ascii_only)
    drawing = Text("\n".join(lines))
    drawing.highlight_regex(r"(?:[@◆] you|you [@◆])", style="bold green")
    x, y = person_position(catalog.questionnaire, answers)
    legend = [Text(f"{r.name}: {cite(r.position)}") for r in catalog.roles]
    return Group(
        Text("Where the four roles sit", style="bold"),
        drawing,
        Text(placement_note(x, y, you_mark(ascii_only)), style="italic"),
        Text(""),
        *legend,
        Text(""),
        Text(cite(catalog.knowledge.loose_titles), style="dim"),
    )


def map_json(catalog: Catalog, answers: Answers) -> dict[str, Any]:
    x, y = person_position(catalog.questionnaire, answers)
    return {
        "axes": {
            "x": "works for the system (-1) to works for the patient (+1)",
            "y": "one episode (-1) to ongoing (+1)",
        },
        "roles": [
            {"role": r.id, "name": r.name, **r.position.model_dump(mode="json")}
            for r in catalog.roles
        ],
        "you": None if x is None and y is None else {"x": x, "y": y},
        **about(catalog),
    }
