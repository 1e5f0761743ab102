"""Load, validate and cross-check the knowledge base in `data/`.

The bundled data ships inside the wheel as `advisor/data`; a source checkout
reads the top-level `data/` folder. `--data DIR` or `ADVISOR_DATA` point at
another folder of the same shape, checked the same way.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

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
)
from advisor.render.sanitise import quoted

if TYPE_CHECKING:
    from advisor.knowledge.questions import Questionnaire
    from advisor.knowledge.routes import RouteBook
    from advisor.knowledge.titles import Title, TitleBook

ROLES_FILE = "roles.json"
QUESTIONS_FILE = "questions.json"
CAREER_FILE = "career.json"
SOURCES_FILE = "sources.json"
ROUTES_FILE = "routes.json"
TITLES_FILE = "titles.json"

M = TypeVar("M", bound=BaseModel)


def normalise(name: str) -> str:
    """Fold a role name or alias so 'Nurse Case Manager' finds 'nurse-case-manager'.

    Compatibility forms (full-width letters, the Kelvin sign), case (ß and SS),
    invisible characters and every kind of dash or space fold together, so two
    names that look the same always find the same role.
    """
    if name.isascii():
        # The same result without a per-character walk: NFKC leaves ASCII as it is,
        # casefold is lower, the only dash and space are "-" and " " (both folded
        # by the pattern below) and no ASCII character is invisible (Cf).
        return _SEPARATORS.sub("-", name.lower()).strip("-")
    import unicodedata

    folded = unicodedata.normalize("NFKC", name).casefold()
    folded = "".join(
        "-" if unicodedata.category(c) in ("Pd", "Zs") else c
        for c in folded
        if unicodedata.category(c) != "Cf"
    )
    return _SEPARATORS.sub("-", folded).strip("-")


_SEPARATORS = re.compile(r"[\s_/-]+")


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
    _names: dict[str, str] = field(repr=False)

    @property
    def roles(self) -> list[Role]:
        return self.knowledge.roles

    @functools.cached_property
    def questionnaire(self) -> Questionnaire:
        """The situation questionnaire behind `recommend` and `map`."""
        return self._questionnaire(QUESTIONS_FILE)

    @functools.cached_property
    def career(self) -> Questionnaire:
        """The career questionnaire, read only by `advisor career`."""
        return self._questionnaire(CAREER_FILE)

    def _questionnaire(self, file_name: str) -> Questionnaire:
        from advisor.knowledge.questions import Questionnaire

        path = self.directory / file_name
        questionnaire = _read(path, Questionnaire, self.sources)
        _check_questions(path, questionnaire, {r.id for r in self.roles})
        return questionnaire

    @property
    def names(self) -> list[str]:
        """Every role id, name and alias that `resolve` accepts, folded, ids first."""
        return [*(r.id for r in self.roles), *(n for n in self._names if n not in self._ids)]

    @functools.cached_property
    def _ids(self) -> set[str]:
        return {r.id for r in self.roles}

    @functools.cached_property
    def route_book(self) -> RouteBook:
        """Free and low-cost routes (routes.json), checked against the roles and sources
        but not the questionnaire, so `show` works without reading the questions.
        None if a --data folder has no routes.json."""
        from advisor.knowledge.routes import RouteBook

        path = self.directory / ROUTES_FILE
        if not path.exists():
            return RouteBook(as_of=self.knowledge.as_of, scope=self.knowledge.scope, routes=[])
        book = _read(path, RouteBook, self.sources)
        _check_routes(path, book, {r.id for r in self.roles})
        return book

    @functools.cached_property
    def routes(self) -> RouteBook:
        """The routes, with the needs they serve also checked against the questionnaire."""
        from advisor.knowledge.routes import check_against

        book = self.route_book
        _check_route_needs(self.directory / ROUTES_FILE, book, need_ids(self.questionnaire))
        problems = check_against(book, self.questionnaire)
        if problems:
            path = self.directory / ROUTES_FILE
            raise DataError("\n".join(f"{path}: {p}" for p in problems))
        return book

    @functools.cached_property
    def titles(self) -> TitleBook:
        """Other titles people meet (titles.json); none if a --data folder has no such file."""
        from advisor.knowledge.titles import TitleBook

        path = self.directory / TITLES_FILE
        if not path.exists():
            return TitleBook(as_of=self.knowledge.as_of, scope=self.knowledge.scope, titles=[])
        book = _read(path, TitleBook, self.sources)
        route_ids = {r.id for r in self.route_book.routes}
        _check_titles(path, book, self._names, {r.id for r in self.roles}, route_ids)
        return book

    def role(self, role_id: str) -> Role:
        return next(r for r in self.roles if r.id == role_id)

    def title_named(self, query: str) -> Title | None:
        """The other title (navigator, social worker...) with this id, name or alias."""
        key = normalise(query)
        for title in self.titles.titles:
            if key in {normalise(n) for n in (title.id, title.name, *title.aliases)}:
                return title
        return None

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
        for t in self.titles.titles:
            names.update({normalise(n): t.id for n in (t.id, t.name, *t.aliases)})
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
        return [d for d in self.knowledge.disagreements if set(role_ids) & set(d.roles)]

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
    package = Path(__file__).resolve().parent.parent  # advisor/
    inside = package / "data"
    return inside if inside.is_dir() else package.parent / "data"


@functools.cache
def load_catalog(directory: Path | None = None) -> Catalog:
    """Read and check the roles and sources once per process."""
    folder = directory or bundled_directory()
    if not folder.is_dir():
        raise DataError(f"{folder}: not a folder holding {ROLES_FILE} and {SOURCES_FILE}")
    by_id = _unique_sources(folder / SOURCES_FILE, _read(folder / SOURCES_FILE, SourceList))
    knowledge = _read(folder / ROLES_FILE, KnowledgeBase, by_id)
    names = _check_roles(folder / ROLES_FILE, knowledge)
    return Catalog(folder, knowledge, by_id, names)


def _read(path: Path, model: type[M], sources: dict[str, Source] | None = None) -> M:
    """One data file, validated; cited source ids are checked against `sources`."""
    from advisor.inputs import DATA_LIMIT, read_user_file

    text = read_user_file(path, DATA_LIMIT, DataError)
    if path.parent != bundled_directory():
        # Someone's own knowledge base: a key given twice (the last would win
        # silently) is an error. The bundled data is checked by a test instead,
        # so start-up does not pay for a second parse.
        from advisor.inputs import parse_json

        parse_json(text, path, DataError)
    try:
        return model.model_validate_json(text, context={"sources": sources})
    except ValidationError as exc:
        raise DataError(f"{path}: {describe_validation_error(exc)}") from None


def describe_validation_error(exc: ValidationError) -> str:
    """One line naming the first bad field, e.g. `roles[2].salary.amount: ...`."""
    errors = exc.errors(include_url=False)
    first = errors[0]
    if first["type"] == "json_invalid":
        return f"not valid JSON: {first['ctx']['error'] if 'ctx' in first else first['msg']}"
    where = format_location(first["loc"])
    more = f" (and {len(errors) - 1} more problems)" if len(errors) > 1 else ""
    message = first["msg"]
    if first["type"] == "missing":
        message = "required field is missing"
    elif first["type"] == "string_pattern_mismatch" and first["ctx"]["pattern"] == NO_CONTROL:
        message = NO_CONTROL_MESSAGE
    return f"{where or 'top level'}: {message}{more}"


def format_location(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else str(part)
    return text


def _unique_sources(path: Path, sources: SourceList) -> dict[str, Source]:
    by_id: dict[str, Source] = {}
    for index, source in enumerate(sources.sources):
        if source.id in by_id:
            raise DataError(f"{path}: sources[{index}].id: duplicate source id {source.id!r}")
        by_id[source.id] = source
    return by_id


def _check_roles(path: Path, knowledge: KnowledgeBase) -> dict[str, str]:
    """Map every folded id, name and alias to its role; a name used twice (however
    it is spelt), an invisible character or a name of punctuation alone is an error."""
    names: dict[str, str] = {}
    role_ids = [r.id for r in knowledge.roles]
    for index, role in enumerate(knowledge.roles):
        for label, name in [("id", role.id), ("name", role.name)] + [
            (f"aliases[{i}]", a) for i, a in enumerate(role.aliases)
        ]:
            key = normalise(name)
            if not name.isascii() and _invisible(name):
                raise DataError(
                    f"{path}: roles[{index}].{label}: {quoted(name)} holds an invisible character"
                )
            if not any(c.isalnum() for c in key):
                raise DataError(
                    f"{path}: roles[{index}].{label}: {quoted(name)} has no letters or digits"
                )
            owner = names.get(key)
            if owner is not None and owner != role.id:
                raise DataError(
                    f"{path}: roles[{index}].{label}: {quoted(name)} "
                    f"is already used by role {owner!r}"
                )
            names[key] = role.id
        aliases = {normalise(a) for a in role.aliases}
        for ni, note in enumerate(role.alias_notes):
            if normalise(note.alias) not in aliases:
                raise DataError(
                    f"{path}: roles[{index}].alias_notes[{ni}].alias: "
                    f"{quoted(note.alias)} is not one of the role's aliases"
                )
    for index, dispute in enumerate(knowledge.disagreements):
        for role_id in dispute.roles:
            if role_id not in role_ids:
                raise DataError(f"{path}: disagreements[{index}].roles: unknown role {role_id!r}")
    return names


def _invisible(name: str) -> bool:
    import unicodedata

    return any(unicodedata.category(c) == "Cf" for c in name)


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


def _check_questions(path: Path, questionnaire: Questionnaire, role_ids: set[str]) -> None:
    from advisor.knowledge.questions import RESERVED_FLAGS

    seen: set[str] = set()
    flags: set[str] = set()
    for qi, question in enumerate(questionnaire.questions):
        where = f"questions[{qi}]"
        if question.id in seen:
            raise DataError(f"{path}: {where}.id: duplicate question {question.id!r}")
        flag_names = [("flag", question.flag)]
        flag_names += [
            (f"flag_aliases[{i}]", a)
            for i, a in enumerate(question.flag_aliases)
            if a != question.flag
        ]
        for field_name, flag in flag_names:
            if flag in flags:
                raise DataError(f"{path}: {where}.{field_name}: another question has --{flag}")
            if flag in RESERVED_FLAGS:
                raise DataError(
                    f"{path}: {where}.{field_name}: --{flag} is one of advisor's own options; "
                    "choose another flag"
                )
            flags.add(flag)
        seen.add(question.id)
        option_ids = [o.id for o in question.options]
        if len(set(option_ids)) != len(option_ids):
            raise DataError(f"{path}: {where}.options: option ids repeat")
        if questionnaire.unsure not in option_ids:
            raise DataError(f"{path}: {where}.options: needs a {questionnaire.unsure!r} option")
        names = [*option_ids, *(a for o in question.options for a in o.aliases)]
        if len(set(names)) != len(names):
            raise DataError(f"{path}: {where}.options: an alias repeats an option id or alias")
        for oi, option in enumerate(question.options):
            for ei, effect in enumerate(option.effects):
                if effect.role not in role_ids:
                    raise DataError(
                        f"{path}: {where}.options[{oi}].effects[{ei}].role: "
                        f"unknown role {effect.role!r}"
                    )
    _check_conditions(path, questionnaire)
    _check_wording(path, questionnaire)
    _check_groups(path, questionnaire)


def _check_conditions(path: Path, questionnaire: Questionnaire) -> None:
    """`when`/`unless` must name another question and real (not alias, not unsure) options."""
    options = {
        q.id: {o.id for o in q.options} - {questionnaire.unsure} for q in questionnaire.questions
    }
    for qi, question in enumerate(questionnaire.questions):
        for oi, option in enumerate(question.options):
            for ei, effect in enumerate(option.effects):
                where = f"questions[{qi}].options[{oi}].effects[{ei}]"
                for key, condition in (("when", effect.when), ("unless", effect.unless)):
                    for other, chosen in condition.items():
                        if other not in options or other == question.id:
                            raise DataError(
                                f"{path}: {where}.{key}: {other!r} is not another question"
                            )
                        unknown = sorted(set(chosen) - options[other])
                        if unknown:
                            raise DataError(
                                f"{path}: {where}.{key}.{other}: unknown options {unknown}"
                            )


def _check_groups(path: Path, questionnaire: Questionnaire) -> None:
    """Every question's group exists and the weights add up to 1."""
    groups = {g.id: g for g in questionnaire.groups}
    if len(groups) != len(questionnaire.groups):
        raise DataError(f"{path}: groups: group ids repeat")
    if abs(sum(g.weight for g in groups.values()) - 1) > 1e-9:
        raise DataError(f"{path}: groups: the weights must add up to 1")
    for qi, question in enumerate(questionnaire.questions):
        group = groups.get(question.group)
        if group is None:
            raise DataError(f"{path}: questions[{qi}].group: unknown group {question.group!r}")


def need_ids(questionnaire: Questionnaire) -> set[str]:
    """The needs a route may serve: the options of the multi-choice questions."""
    return set(need_labels(questionnaire))


def need_labels(questionnaire: Questionnaire) -> dict[str, str]:
    """Each need a route may serve, with its label ("Fighting an insurance denial")."""
    return {
        o.id: o.label
        for q in questionnaire.questions
        if q.kind == "multi"
        for o in q.options
        if o.id != questionnaire.unsure
    }


def _check_route_needs(path: Path, book: RouteBook, known: set[str]) -> None:
    for ri, route in enumerate(book.routes):
        for ni, need in enumerate(route.needs):
            if need not in known:
                raise DataError(
                    f"{path}: routes[{ri}].needs[{ni}]: unknown need {need!r} (see questions.json)"
                )


def _check_routes(path: Path, book: RouteBook, role_ids: set[str]) -> None:
    """Route ids and names unique; the roles they stand in for known."""
    names: dict[str, str] = {}
    for ri, route in enumerate(book.routes):
        where = f"routes[{ri}]"
        for label, name in [("id", route.id), ("name", route.name)] + [
            (f"aliases[{i}]", a) for i, a in enumerate(route.aliases)
        ]:
            owner = names.setdefault(normalise(name), route.id)
            if owner != route.id:
                raise DataError(f"{path}: {where}.{label}: {name!r} is already used by {owner!r}")
        for oi, role_id in enumerate(route.stands_in_for.roles):
            if role_id not in role_ids:
                raise DataError(
                    f"{path}: {where}.stands_in_for.roles[{oi}]: unknown role {role_id!r}"
                )
    for pi, paid in enumerate(book.paid_privately):
        if paid.role not in role_ids:
            raise DataError(f"{path}: paid_privately[{pi}].role: unknown role {paid.role!r}")


def _check_titles(
    path: Path,
    book: TitleBook,
    role_names: dict[str, str],
    role_ids: set[str],
    route_ids: set[str],
) -> None:
    """Title names unique and never a role's name; closest roles and routes known."""
    names: dict[str, str] = {}
    for ti, title in enumerate(book.titles):
        where = f"titles[{ti}]"
        for label, name in [("id", title.id), ("name", title.name)] + [
            (f"aliases[{i}]", a) for i, a in enumerate(title.aliases)
        ]:
            key = normalise(name)
            if key in role_names:
                raise DataError(
                    f"{path}: {where}.{label}: {name!r} is a name of role {role_names[key]!r}"
                )
            owner = names.setdefault(key, title.id)
            if owner != title.id:
                raise DataError(f"{path}: {where}.{label}: {name!r} is already used by {owner!r}")
        for label, role_id in [("closest.role", title.closest.role)] + [
            (f"closest.also[{i}]", r) for i, r in enumerate(title.closest.also)
        ]:
            if role_id not in role_ids:
                raise DataError(f"{path}: {where}.{label}: unknown role {role_id!r}")
        for i, route_id in enumerate(title.routes):
            if route_id not in route_ids:
                raise DataError(f"{path}: {where}.routes[{i}]: unknown route {route_id!r}")


def _check_wording(path: Path, questionnaire: Questionnaire) -> None:
    """Wordings are keyed by answers to the audience question and relabel real options."""
    audience = questionnaire.question(questionnaire.audience or "")
    if questionnaire.audience and audience is None:
        raise DataError(f"{path}: audience: no question {questionnaire.audience!r}")
    who = {o.id for o in audience.options} if audience else set()
    for qi, question in enumerate(questionnaire.questions):
        for key, wording in question.wording.items():
            where = f"questions[{qi}].wording.{key}"
            if key not in who:
                raise DataError(f"{path}: {where}: not an answer to the audience question")
            for option_id in wording.labels:
                if question.option(option_id) is None:
                    raise DataError(f"{path}: {where}.labels: unknown option {option_id!r}")
