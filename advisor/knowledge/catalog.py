"""Load, validate and cross-check the knowledge base in `data/`.

The bundled data ships inside the wheel as `advisor/data`; a source checkout
reads the top-level `data/` folder. `--data DIR` or `ADVISOR_DATA` point at
another folder of the same shape, checked the same way.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ValidationError

from advisor.errors import DataError, UsageProblem
from advisor.knowledge.models import (
    NO_CONTROL,
    NO_CONTROL_MESSAGE,
    Disagreement,
    KnowledgeBase,
    Role,
    Source,
    SourceList,
    raise_problems,
)
from advisor.knowledge.names import names_of, normalise
from advisor.render.sanitise import quoted

if TYPE_CHECKING:
    from advisor.knowledge.lexicon import Lexicon
    from advisor.knowledge.questions import Questionnaire
    from advisor.knowledge.routes import RouteBook
    from advisor.knowledge.titles import Title, TitleBook

ROLES_FILE = "roles.json"
QUESTIONS_FILE = "questions.json"
CAREER_FILE = "career.json"
SOURCES_FILE = "sources.json"
ROUTES_FILE = "routes.json"
TITLES_FILE = "titles.json"
LEXICON_FILE = "lexicon.json"

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Catalog:
    """Everything advisor knows, validated, with lookups built once.

    The roles and sources are read up front; each questionnaire is read and
    checked the first time a command asks for it, so a command that asks no
    questions neither pays for them nor fails on them.
    """

    directory: Path
    knowledge: KnowledgeBase
    sources: dict[str, Source]
    # The folder of a snapshot of this knowledge base's validated parts
    # (knowledge/snapshot.py), when one was found: each part is read from it.
    snapshot: str | None = None

    def _snapshot_of(self, part: str) -> Any:
        """`part` from the snapshot, or None to read and check the JSON instead."""
        if self.snapshot is None:
            return None
        from advisor.knowledge.snapshot import read_part

        return read_part(self.snapshot, part)

    @property
    def roles(self) -> list[Role]:
        return self.knowledge.roles

    @functools.cached_property
    def context(self) -> dict[str, Any]:
        """What the other files are checked against: the validation context."""
        return {"sources": self.sources, **roles_context(self.roles)}

    @functools.cached_property
    def questionnaire(self) -> Questionnaire:
        """The situation questionnaire behind `recommend` and `map`."""
        found: Questionnaire | None = self._snapshot_of("questionnaire")
        return found if found is not None else self._questionnaire(QUESTIONS_FILE)

    @functools.cached_property
    def career(self) -> Questionnaire:
        """The career questionnaire, read only by `advisor career`."""
        found: Questionnaire | None = self._snapshot_of("career")
        return found if found is not None else self._questionnaire(CAREER_FILE)

    def _questionnaire(self, file_name: str) -> Questionnaire:
        from advisor.knowledge.questions import Questionnaire

        return _read(self.directory / file_name, Questionnaire, self.context)

    @property
    def names(self) -> list[str]:
        """Every role id, name and alias that `resolve` accepts, folded, ids first."""
        return [*self._by_id, *(n for n in self._names if n not in self._by_id)]

    @functools.cached_property
    def _by_id(self) -> dict[str, Role]:
        return {r.id: r for r in self.roles}

    @property
    def _names(self) -> dict[str, str]:
        names: dict[str, str] = self.context["role_names"]
        return names

    @functools.cached_property
    def route_book(self) -> RouteBook:
        """Free and low-cost routes (routes.json), checked against the roles and sources
        but not the questionnaire, so `show` works without reading the questions.
        None if a --data folder has no routes.json."""
        from advisor.knowledge.routes import RouteBook

        found: RouteBook | None = self._snapshot_of("route_book")
        if found is not None:
            return found
        path = self.directory / ROUTES_FILE
        if not path.exists():
            return RouteBook(as_of=self.knowledge.as_of, scope=self.knowledge.scope, routes=[])
        return _read(path, RouteBook, self.context)

    @functools.cached_property
    def routes(self) -> RouteBook:
        """The routes, also checked against the questionnaire (the needs they serve)."""
        found: RouteBook | None = self._snapshot_of("routes")
        if found is not None:
            return found
        book = self.route_book
        if self.directory == bundled_directory():
            return book  # checked by a test, as _read says
        try:
            raise_problems(book, book.questionnaire_problems(self.questionnaire))
        except ValidationError as exc:
            raise InvalidData(self.directory / ROUTES_FILE, problem_lines(exc)) from None
        return book

    @functools.cached_property
    def lexicon(self) -> Lexicon:
        """The reader's words for `--describe` (lexicon.json), checked against the
        questionnaire; a --data folder without one reads with the bundled lexicon."""
        from advisor.knowledge.lexicon import Lexicon

        found: Lexicon | None = self._snapshot_of("lexicon")
        if found is not None:
            return found
        path = self.directory / LEXICON_FILE
        if not path.exists():
            return _read(bundled_directory() / LEXICON_FILE, Lexicon, {})
        return _read(path, Lexicon, {"questionnaire": self.questionnaire})

    @functools.cached_property
    def titles(self) -> TitleBook:
        """Other titles people meet (titles.json); none if a --data folder has no such file."""
        from advisor.knowledge.titles import TitleBook

        found: TitleBook | None = self._snapshot_of("titles")
        if found is not None:
            return found
        path = self.directory / TITLES_FILE
        if not path.exists():
            return TitleBook(as_of=self.knowledge.as_of, scope=self.knowledge.scope, titles=[])
        routes = {r.id for r in self.route_book.routes}
        return _read(path, TitleBook, {**self.context, "routes": routes})

    def role(self, role_id: str) -> Role:
        return self._by_id[role_id]

    @functools.cached_property
    def _title_names(self) -> dict[str, Title]:
        return {normalise(n): t for t in self.titles.titles for _, n in names_of(t)}

    def title_named(self, query: str) -> Title | None:
        """The other title (navigator, social worker...) with this id, name or alias."""
        return self._title_names.get(normalise(query))

    def lookup(self, query: str) -> Role | Title:
        """A role, or else another title people meet, by id, name or alias (for `show`)."""
        key = normalise(query)
        if key in self._names:
            return self.role(self._names[key])
        title = self.title_named(query)
        if title is None:
            raise self._unknown(query, titles_too=True)
        return title

    def resolve(self, query: str) -> Role:
        """Find a role by id, name or alias; unknown names get suggestions, and
        another title (e.g. navigator) is pointed to its page rather than taken as a role."""
        key = normalise(query)
        if key in self._names:
            return self.role(self._names[key])
        title = self.title_named(query)
        if title is not None:
            closest = self.role(title.closest.role).name.lower()
            raise UsageProblem(
                f"{query!r} is another title ({title.name}), not one of the four roles; "
                f"it is closest to a {closest} ({title.closest.role}). "
                f"Use {title.closest.role} here, or read: advisor show {title.id}"
            )
        raise self._unknown(query, titles_too=False)

    def _unknown(self, query: str, titles_too: bool) -> UsageProblem:
        """'unknown role', with the closest names (roles or other titles) and the valid ones."""
        names = dict(self._names)
        names.update({n: t.id for n, t in self._title_names.items()})
        key = normalise(query)
        close = difflib.get_close_matches(key, list(names), n=3, cutoff=0.6)
        # and names that hold the word, so `nurse` finds nurse-case-manager
        close += [n for n in names if key and set(key.split("-")) <= set(n.split("-"))]
        suggestions = list(dict.fromkeys(names[c] for c in close))[:3]
        hint = f" Did you mean {' or '.join(suggestions)}?" if suggestions else ""
        valid = f"Valid roles: {', '.join(r.id for r in self.roles)} (or an alias)"
        if titles_too and self.titles.titles:
            valid += f"; other titles: {', '.join(t.id for t in self.titles.titles)}"
        return UsageProblem(f"unknown role {quoted(query)}.{hint} {valid}.")

    def disagreements_about(self, *role_ids: str) -> list[Disagreement]:
        """The places where the sources disagree about any of these roles."""
        wanted = set(role_ids)
        return [d for d in self.knowledge.disagreements if not wanted.isdisjoint(d.roles)]

    def cited(self, *models: BaseModel) -> list[Source]:
        """The sources cited anywhere inside `models`, in first-cited order."""
        ids: dict[str, None] = {}
        for model in models:
            for source_id in _cited_ids(model):
                ids[source_id] = None
        return [self.sources[i] for i in ids]


@functools.cache
def bundled_directory() -> Path:
    """Where the shipped data lives: inside the package, or beside it in a checkout."""
    from advisor.knowledge.location import bundled_folder

    return Path(bundled_folder())


@functools.cache
def load_catalog(directory: Path | None = None) -> Catalog:
    """Read and check the roles and sources once per process: from the folder's
    snapshot when it has one (knowledge/snapshot.py), else from the JSON, and
    then write the snapshot for the next run."""
    import os

    from advisor.knowledge.snapshot import read_part, snapshot_folder, write_snapshot

    folder = directory or bundled_directory()
    if not folder.is_dir():
        raise DataError(f"{folder}: not a folder holding {ROLES_FILE} and {SOURCES_FILE}")
    snapshot = snapshot_folder(str(folder))
    if snapshot is not None and os.path.isdir(snapshot):
        knowledge, by_id = read_part(snapshot, "knowledge"), read_part(snapshot, "sources")
        if knowledge is not None and by_id is not None:
            return Catalog(folder, knowledge, by_id, snapshot)
    sources = _read(folder / SOURCES_FILE, SourceList, {})
    by_id = {s.id: s for s in sources.sources}
    knowledge = _read(folder / ROLES_FILE, KnowledgeBase, {"sources": by_id})
    catalog = Catalog(folder, knowledge, by_id)
    if snapshot is not None:
        write_snapshot(catalog, snapshot)
    return catalog


def roles_context(roles: list[Role]) -> dict[str, Any]:
    """What roles.json gives the checks of other files: the role ids, and every
    folded id, name and alias with its role's id (unique: the model checks)."""
    return {
        "roles": {r.id for r in roles},
        "role_names": {normalise(name): r.id for r in roles for _, name in names_of(r)},
    }


class InvalidData(DataError):
    """A knowledge-base file that fails its checks: the first problem as the
    message (the loader's one line), every problem in `problems` (`data check`)."""

    def __init__(self, path: Path, lines: list[str]) -> None:
        self.problems = [f"{path}: {line}" for line in lines]
        more = len(lines) - 1
        tail = f" (and {more} more; advisor data check {path.parent} lists every problem)"
        super().__init__(self.problems[0] + (tail if more else ""))


def _read(path: Path, model: type[M], context: dict[str, Any]) -> M:
    """One data file, validated with every check against what `context` holds."""
    from advisor.inputs import DATA_LIMIT, read_user_file

    text = read_user_file(path, DATA_LIMIT, DataError)
    if path.parent == bundled_directory():
        # Checked in full by a test (the cross-checks, and keys given twice), so
        # start-up pays only for validating its fields.
        return validate(path, text, model, {"bundled": True})
    # Someone's own knowledge base: a key given twice (the last would win
    # silently) is an error too.
    from advisor.inputs import parse_json

    parse_json(text, path, DataError)
    return validate(path, text, model, context)


def validate(path: Path, text: bytes, model: type[M], context: dict[str, Any]) -> M:
    """The one way a file is checked, by the loader and by `advisor data check`."""
    try:
        return model.model_validate_json(text, context=context)
    except ValidationError as exc:
        raise InvalidData(path, problem_lines(exc)) from None


def problem_lines(exc: ValidationError) -> list[str]:
    """Each error as one line naming its field, e.g. `roles[2].salary.amount: ...`."""
    lines = []
    for error in exc.errors(include_url=False):
        if error["type"] == "json_invalid":
            detail = error["ctx"]["error"] if "ctx" in error else error["msg"]
            lines.append(f"not valid JSON: {detail}")
            continue
        message = error["msg"]
        if error["type"] == "missing":
            message = "required field is missing"
        elif error["type"] == "string_pattern_mismatch" and error["ctx"]["pattern"] == NO_CONTROL:
            message = NO_CONTROL_MESSAGE
        lines.append(f"{format_location(error['loc']) or 'top level'}: {message}")
    return lines


def format_location(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else str(part)
    return text


def _cited_ids(value: object) -> Iterator[str]:
    """Every source id cited inside a model, depth first."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            inner = getattr(value, name)
            if name == "sources" and isinstance(inner, list):
                yield from inner
            else:
                yield from _cited_ids(inner)
    elif isinstance(value, list):
        for item in value:
            yield from _cited_ids(item)
