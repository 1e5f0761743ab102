"""Other titles people meet (`titles.json`): a patient navigator, a hospital social
worker... Each says which of the four roles it is closest to and how it differs.

They are not a fifth role: `show` gives their page, `compare` and `recommend`
point to it. Read only when a name is not one of the four roles' names.
"""

from datetime import date
from typing import Annotated

from pydantic import Field

from advisor.knowledge.models import Fact, Slug, Strict, Text


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
