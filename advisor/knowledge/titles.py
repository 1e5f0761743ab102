"""Other titles people meet (`titles.json`): a patient navigator, a hospital social
worker... Each says which of the four roles it is closest to and how it differs.

They are not a fifth role: `show` gives their page, `compare` and `recommend`
point to it. Read only when a name is not one of the four roles' names.
"""

from datetime import date
from typing import Annotated

from pydantic import Field, ValidationInfo, model_validator

from advisor.knowledge.models import (
    Fact,
    Loc,
    Slug,
    Strict,
    Text,
    checked_already,
    known,
    name_problems,
    raise_problems,
    unknown,
)


class Closest(Fact):
    """The nearest of the four roles (and others it resembles), and how it differs."""

    role: Slug
    also: list[Slug] = []


class Title(Strict):
    id: Slug
    name: Text
    aliases: list[Text] = []
    what: Annotated[list[Fact], Field(min_length=1)]
    closest: Closest
    routes: list[Slug] = []  # free or low-cost routes to read next


class TitleBook(Strict):
    as_of: date
    scope: Text
    titles: list[Title]

    @model_validator(mode="after")
    def _cross_check(self, info: ValidationInfo) -> "TitleBook":
        """Names as for roles, ids unique, no name a role's (context "role_names"),
        the roles and routes named known (contexts "roles", "routes")."""
        if checked_already(info):
            return self
        roles: list[tuple[Loc, str]] = []
        routes: list[tuple[Loc, str]] = []
        for ti, title in enumerate(self.titles):
            roles.append((("titles", ti, "closest", "role"), title.closest.role))
            roles += (
                (("titles", ti, "closest", "also", i), r) for i, r in enumerate(title.closest.also)
            )
            routes += ((("titles", ti, "routes", i), r) for i, r in enumerate(title.routes))
        taken: dict[str, str] | None = info.context.get("role_names") if info.context else None
        problems = [
            *name_problems("titles", self.titles, "title", taken),
            *unknown("role", roles, known(info, "roles")),
            *unknown("route", routes, known(info, "routes")),
        ]
        raise_problems(self, problems)
        return self
