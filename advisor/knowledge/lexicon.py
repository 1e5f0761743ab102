"""Pydantic models for the reader's lexicon (`lexicon.json`): per language, the words
that tell the language apart, the context terms of the NegEx/ConText step, the
people a story may be about, word-sense rules, and (for languages other than
English, whose cues stay on the options in `questions.json`) the cues.

Read only when someone describes their situation; validated by the same loader
and `data check` as every other file.
"""

from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, ValidationInfo, model_validator

from advisor.knowledge.models import (
    Problem,
    Slug,
    Strict,
    Text,
    context_value,
    raise_problems,
)
from advisor.knowledge.questions import Cue, Questionnaire

# "question/option", or "question/*" for every option of a question.
OptionRef = Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+/(?:[a-z0-9-]+|\*)$")]
Word = Annotated[str, StringConstraints(pattern=r"^[\p{Ll}\p{Lo}\p{Mn}0-9']+$")]


class Context(Strict):
    """One kind of context (negated, past, hypothetical): its trigger terms, which
    qualify the words after them (`before`: "not in the hospital") or before them
    (`after`: "the money is not the problem"), how many words each reaches, and the
    answers such a context leaves standing ("diagnosed with dementia two years ago"
    is still ongoing)."""

    before: list[Cue] = []
    after: list[Cue] = []
    reach_before: Annotated[int, Field(ge=1, le=12)] = 7
    reach_after: Annotated[int, Field(ge=1, le=12)] = 3
    keeps: list[OptionRef] = []
    scope: Literal["clause", "sentence"] = "clause"
    """How far a trigger may reach: its clause, or its sentence ("she fell last year and
    broke her hip" is past throughout)."""
    ends_at: list[Cue] = []
    """Terminators of this kind alone, instead of the language's ("now", "today")."""


class Person(Strict):
    """Words that name one person ("mom", "mother"), and the pronoun that refers to them."""

    words: Annotated[list[Word], Field(min_length=1)]
    pronoun: Literal["she", "he", "they"] = "they"


class People(Strict):
    """Whose situation a phrase is about (ConText's experiencer): the people a story
    names, the pronouns that refer back to them, the writer's own words, and the
    words that name whom the help is for ("for my father")."""

    persons: list[Person] = []
    pronouns: dict[Literal["she", "he"], list[Word]] = {}
    objects: list[Word] = []
    """Pronouns that name someone for their own clause only ("who takes care of him")."""
    writer: list[Word] = []
    help_for: list[Word] = []
    possessives: list[Word] = []
    keeps: list[OptionRef] = []


class Sense(Strict):
    """A word-sense rule: where `words` are found, cues of these answers that overlap
    them are another sense of the word ("in denial about" is not an insurance denial)."""

    words: Cue
    sets_aside: Annotated[list[OptionRef], Field(min_length=1)]
    why: Text


class Language(Strict):
    id: Slug
    name: Text
    markers: Annotated[list[Word], Field(min_length=5)]
    """Common words of the language and of no other here, to tell which one was written."""
    stemmer: Literal["english", "spanish"] | None = None
    respell: dict[
        Word, Annotated[str, StringConstraints(pattern=r"^[\p{Ll}\p{Lo}\p{Mn}0-9' ]+$")]
    ] = {}
    """Texting and common misspellings, and what they stand for ("dischrg": "discharge")."""
    negated: Context = Context()
    past: Context = Context()
    hypothetical: Context = Context()
    pseudo: list[Cue] = []
    """Terms that hold a trigger word but are not one ("not only", "no doubt")."""
    terminators: list[Cue] = []
    """Words that end a trigger's reach ("but", "however")."""
    people: People = People()
    senses: list[Sense] = []
    cues: dict[Slug, dict[Slug, list[Cue]]] = {}
    """question id -> option id -> cues, for languages whose cues are not on the options."""


class Lexicon(Strict):
    languages: Annotated[list[Language], Field(min_length=1)]
    other_language: Text
    """Said when the words are in none of these languages."""

    @model_validator(mode="after")
    def _answers_are_the_questionnaires(self, info: ValidationInfo) -> "Lexicon":
        """Every answer it names (its cues, what a context keeps, what a word sense
        sets aside) is an option of the questionnaire the loader passes."""
        questionnaire = context_value(info, "questionnaire")
        if questionnaire is not None:
            raise_problems(self, self.questionnaire_problems(questionnaire))
        return self

    def questionnaire_problems(self, questionnaire: Questionnaire) -> Iterator[Problem]:
        options = {q.id: {o.id for o in q.options} for q in questionnaire.questions}

        def unknown(ref: str) -> bool:
            question, _, option = ref.partition("/")
            return question not in options or (option != "*" and option not in options[question])

        def refs(language: Language) -> Iterator[tuple[tuple[str | int, ...], str]]:
            for question, by_option in language.cues.items():
                for option in by_option:
                    yield ("cues", question, option), f"{question}/{option}"
            for kind in ("negated", "past", "hypothetical"):
                for ki, ref in enumerate(getattr(language, kind).keeps):
                    yield (kind, "keeps", ki), ref
            for ki, ref in enumerate(language.people.keeps):
                yield ("people", "keeps", ki), ref
            for si, sense in enumerate(language.senses):
                for ri, ref in enumerate(sense.sets_aside):
                    yield ("senses", si, "sets_aside", ri), ref

        for li, language in enumerate(self.languages):
            for loc, ref in refs(language):
                if unknown(ref):
                    yield ("languages", li, *loc), f"{ref!r} is not an option in questions.json"
