"""Other titles people meet (`titles.json`): a patient navigator, a hospital social
worker... Each says which of the four roles it is closest to and how it differs.

They are not a fifth role: `show` gives their page, `compare` and `recommend`
point to it. Read only when a name is not one of the four roles' names.
"""

from datetime import date
from typing import Annotated

from pydantic import AfterValidator, Field, ValidationInfo, model_validator
from pydantic_core import PydanticCustomError

from advisor.knowledge.models import (
    Fact,
    Name,
    RoleId,
    Slug,
    Strict,
    Text,
    context_value,
    name_clashes,
    raise_problems,
)


def known_route(route_id: str, info: ValidationInfo) -> str:
    """A route a title points to must be in routes.json (context "routes")."""
    known = context_value(info, "routes")
    if known is not None and route_id not in known:
        raise PydanticCustomError(
            "unknown_route", "unknown route {route}", {"route": repr(route_id)}
        )
    return route_id


class Closest(Fact):
    """The nearest of the four roles (and others it resembles), and how it differs."""

    role: RoleId
    also: list[RoleId] = []


class Title(Strict):
    id: Slug
    name: Name
    aliases: list[Name] = []
    what: Annotated[list[Fact], Field(min_length=1)]
    closest: Closest
    # free or low-cost routes to read next
    routes: list[Annotated[Slug, AfterValidator(known_route)]] = []


class TitleBook(Strict):
    as_of: date
    scope: Text
    titles: list[Title]

    @model_validator(mode="after")
    def _cross_check(self, info: ValidationInfo) -> "TitleBook":
        """Ids and names unique, and never a role's name (context "role_names")."""
        taken = context_value(info, "role_names")
        raise_problems(self, name_clashes("titles", self.titles, "title", taken))
        return self
