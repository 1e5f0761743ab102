"""Where roles and a person sit on the role map's two axes.

x runs from "works for the system" (-1) to "works for the patient" (+1);
y from "one episode" (-1) to "ongoing" (+1). Pure: no output.
"""

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from advisor.knowledge.questions import Questionnaire


class Point(NamedTuple):
    label: str
    x: float
    y: float


def person_position(
    questionnaire: "Questionnaire", answers: Mapping[str, Sequence[str]]
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
