"""For organisations that adapt the knowledge base (`advisor data`): start from
a copy of the bundled one, check a copy the way advisor will read it, and give
editors a JSON Schema of each file.

The checks are the loader's own (the same models, validators and context, run
by `catalog.validate`), but every problem is listed, one line each naming the
file and field, instead of stopping at the first. A file that cannot be read
or parsed is one problem, and the checks that need it are skipped rather than
reported as hundreds of consequences. Beyond the loader: every cited source id
must exist (in every file, also any the loader does not read), no source may
be dated in the future, and, given a folder of the articles the text was
written from (`--against`), no string may share seven or more words in a row
with one. Every step is linear in the size of the files.
"""

from __future__ import annotations

import contextlib
import datetime
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from advisor.errors import DataError, UsageProblem
from advisor.inputs import ARTICLE_LIMIT, DATA_LIMIT, decoded, parse_json, read_user_file
from advisor.knowledge.catalog import (
    CAREER_FILE,
    LEXICON_FILE,
    QUESTIONS_FILE,
    ROLES_FILE,
    ROUTES_FILE,
    SOURCES_FILE,
    TITLES_FILE,
    bundled_directory,
    format_location,
)

COPIED_WORDS = 7  # a run this long, shared with an article, is a copied sentence


def file_models() -> dict[str, type[BaseModel]]:
    """Each knowledge-base file the loader reads, with the model it is read as,
    in the order the loader reads them (each is checked against those before)."""
    from advisor.knowledge.lexicon import Lexicon
    from advisor.knowledge.models import KnowledgeBase, SourceList
    from advisor.knowledge.questions import Questionnaire
    from advisor.knowledge.routes import RouteBook
    from advisor.knowledge.titles import TitleBook

    return {
        SOURCES_FILE: SourceList,
        ROLES_FILE: KnowledgeBase,
        QUESTIONS_FILE: Questionnaire,
        CAREER_FILE: Questionnaire,
        ROUTES_FILE: RouteBook,
        TITLES_FILE: TitleBook,
        LEXICON_FILE: Lexicon,
    }


OPTIONAL_FILES = (ROUTES_FILE, TITLES_FILE, LEXICON_FILE)  # a --data folder may leave these out


def file_schema(name: str) -> dict[str, Any]:
    """The JSON Schema of one knowledge-base file, from its model."""
    models = file_models()
    if name not in models:
        raise UsageProblem(f"no schema for {name!r}; files: {', '.join(models)}")
    schema = models[name].model_json_schema(mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def init_copy(target: Path) -> list[str]:
    """Copy the bundled knowledge base to `target`, all at once or not at all.

    The files are copied into a hidden folder beside `target`, which is then
    renamed into place; an existing file or non-empty folder is never touched.
    """
    if target.exists() and not (target.is_dir() and not any(target.iterdir())):
        raise UsageProblem(f"{target}: already exists; give a new folder name")
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise UsageProblem(f"{parent}: no such folder")
    source = bundled_directory()
    names = sorted(p.name for p in source.glob("*.json"))
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=parent))
    except OSError as exc:
        raise UsageProblem(f"{target}: cannot write here: {exc.strerror}") from None
    try:
        for name in names:
            shutil.copyfile(source / name, staging / name)
        os.chmod(staging, 0o777 & ~_umask())  # mkdtemp makes it private
        os.rename(staging, target)  # fails, touching nothing, if target filled up meanwhile
    except OSError as exc:
        raise UsageProblem(f"{target}: cannot create: {exc.strerror}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            shutil.rmtree(staging)
    return names


def check_folder(folder: Path, against: Path | None = None) -> tuple[list[str], list[str]]:
    """(problems, notes) for a knowledge-base folder; each a line naming file and field."""
    if not folder.is_dir():
        raise UsageProblem(f"{folder}: not a folder")
    problems: list[str] = []
    raw: dict[str, bytes] = {}
    documents: dict[str, Any] = {}
    for path in sorted(folder.glob("*.json")):
        try:
            text = read_user_file(path, DATA_LIMIT, DataError)
            documents[path.name] = parse_json(text, path, DataError)
            raw[path.name] = text
        except DataError as exc:
            problems.append(str(exc))
    for name in file_models():
        if name in OPTIONAL_FILES:
            continue
        if name not in documents and not any(p.startswith(f"{folder / name}:") for p in problems):
            problems.append(f"{folder / name}: file not found")

    problems += _model_problems(folder, raw, documents)
    notes: list[str] = []
    if SOURCES_FILE in documents:  # else no citation can be checked: say nothing of them
        source_ids = _ids(documents, SOURCES_FILE, "sources")
        problems += _citation_problems(folder, documents, source_ids)
        cited = set(_cited(documents, skip=SOURCES_FILE))
        notes = [
            f"{folder / SOURCES_FILE}: sources[{i}].id: {sid!r} is not cited anywhere"
            for i, sid in enumerate(source_ids)
            if sid not in cited
        ]
    if against is not None:
        problems += _copied_text(folder, documents, against)
    notes += stale_notes(folder, documents, datetime.date.today())
    return problems, notes


STALE_AFTER = datetime.timedelta(days=365)


def stale_notes(folder: Path, documents: dict[str, Any], today: datetime.date) -> list[str]:
    """Sources read more than a year ago, and routes whose sources all were: what an
    organisation using the data should check again (numbers, deadlines, rules change)."""
    read_on: dict[str, datetime.date] = {}
    notes = []
    sources = documents.get(SOURCES_FILE, {})
    for i, source in enumerate(sources.get("sources", []) if isinstance(sources, dict) else []):
        with contextlib.suppress(AttributeError, KeyError, TypeError, ValueError):
            read_on[source["id"]] = day = datetime.date.fromisoformat(source["as_of"])
            if today - day > STALE_AFTER:
                notes.append(
                    f"{folder / SOURCES_FILE}: sources[{i}].as_of: read on {day}, more than "
                    "a year ago; read the page again and update the date"
                )
    routes = documents.get(ROUTES_FILE, {})
    for i, route in enumerate(routes.get("routes", []) if isinstance(routes, dict) else []):
        days = [read_on[sid] for _, sid in _citations(route) if sid in read_on]
        if days and today - max(days) > STALE_AFTER:
            name = route.get("id", "") if isinstance(route, dict) else ""
            notes.append(
                f"{folder / ROUTES_FILE}: routes[{i}] ({name}): its sources were last read on "
                f"{max(days)}, more than a year ago; check its numbers, deadlines and rules"
            )
    return notes


def _ids(documents: dict[str, Any], name: str, key: str) -> list[str]:
    """The ids of the entries under `key` in a parsed file, even one that fails its
    checks (so the files that cite it are still checked); [] if it has none."""
    document = documents.get(name)
    entries = document.get(key) if isinstance(document, dict) else None
    if not isinstance(entries, list):
        return []
    return [e["id"] for e in entries if isinstance(e, dict) and isinstance(e.get("id"), str)]


def _model_problems(folder: Path, raw: dict[str, bytes], documents: dict[str, Any]) -> list[str]:
    """Every problem of every file the loader reads, checked as the loader checks
    it (one path: `catalog.validate`), against what the files before it hold."""
    from advisor.knowledge.catalog import InvalidData, roles_context, validate

    problems: list[str] = []
    valid: dict[str, Any] = {}

    def context(name: str) -> dict[str, Any]:
        """The loader's context for `name`; a part whose file is missing or
        unparsable is left out, and the checks that need it are skipped."""
        found: dict[str, Any] = {}
        if name == SOURCES_FILE:
            return found
        if SOURCES_FILE in documents:
            found["sources"] = dict.fromkeys(_ids(documents, SOURCES_FILE, "sources"))
        if name == ROLES_FILE:
            return found
        if ROLES_FILE in valid:
            found.update(roles_context(valid[ROLES_FILE].roles))
        elif ROLES_FILE in documents:
            found["roles"] = set(_ids(documents, ROLES_FILE, "roles"))
        if name in (ROUTES_FILE, LEXICON_FILE) and QUESTIONS_FILE in valid:
            found["questionnaire"] = valid[QUESTIONS_FILE]
        if name == TITLES_FILE and ROUTES_FILE in documents:
            found["routes"] = set(_ids(documents, ROUTES_FILE, "routes"))
        return found

    for name, model in file_models().items():
        if name not in raw:
            continue
        against = context(name)
        try:
            valid[name] = validate(folder / name, raw[name], model, against)
        except InvalidData as exc:
            problems += exc.problems
            if against and name in (ROLES_FILE, QUESTIONS_FILE):
                # Wrong only in what it names elsewhere: the files read after it
                # can still be checked against it.
                with contextlib.suppress(InvalidData):
                    valid[name] = validate(folder / name, raw[name], model, {})
    return problems


def _citation_problems(folder: Path, documents: dict[str, Any], source_ids: list[str]) -> list[str]:
    """Cited ids that sources.json lacks (in files the loader does not read: its
    models check the others), and sources dated in the future."""
    known = set(source_ids)
    problems = []
    for name, document in documents.items():
        if name == SOURCES_FILE or name in file_models():
            continue
        for where, source_id in _citations(document):
            if source_id not in known:
                problems.append(f"{folder / name}: {where}: unknown source {source_id!r}")
    today = datetime.date.today()
    sources = documents.get(SOURCES_FILE, {})
    for i, source in enumerate(sources.get("sources", []) if isinstance(sources, dict) else []):
        as_of = source.get("as_of") if isinstance(source, dict) else None
        with contextlib.suppress(TypeError, ValueError):
            if as_of and datetime.date.fromisoformat(as_of) > today:
                problems.append(
                    f"{folder / SOURCES_FILE}: sources[{i}].as_of: {as_of} is in the future"
                )
    return problems


def _citations(node: Any, loc: tuple[int | str, ...] = ()) -> Iterator[tuple[str, str]]:
    """(place, source id) for every id in a `sources` list, anywhere in a document."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "sources" and isinstance(value, list):
                for i, item in enumerate(value):
                    if isinstance(item, str):
                        yield format_location((*loc, key, i)), item
            else:
                yield from _citations(value, (*loc, key))
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _citations(item, (*loc, i))


def _cited(documents: dict[str, Any], skip: str) -> Iterator[str]:
    for name, document in documents.items():
        if name != skip:
            yield from (source_id for _, source_id in _citations(document))


# US spellings, so that a British rewording of an American sentence still counts
_US = {
    "organisation": "organization",
    "organisations": "organizations",
    "organise": "organize",
    "organises": "organizes",
    "organising": "organizing",
    "centre": "center",
    "centres": "centers",
    "programme": "program",
    "programmes": "programs",
    "ageing": "aging",
    "licence": "license",
    "travelling": "traveling",
    "centred": "centered",
    "judgement": "judgment",
}


def _words(text: str) -> list[str]:
    text = text.lower().replace("\u2019", "").replace("'", "")
    return [_US.get(w, w) for w in re.sub(r"[^a-z0-9$]+", " ", text).split()]


def _copied_text(folder: Path, documents: dict[str, Any], against: Path) -> list[str]:
    """Strings that share COPIED_WORDS or more words in a row with an article in `against`."""
    articles = sorted(against.glob("*.txt")) if against.is_dir() else []
    if not articles:
        raise UsageProblem(f"--against {against}: no .txt articles in that folder")
    runs: dict[tuple[str, ...], str] = {}
    for path in articles:
        raw = read_user_file(path, ARTICLE_LIMIT, UsageProblem, "article")
        words = _words(decoded(raw))
        for i in range(len(words) - COPIED_WORDS + 1):
            runs.setdefault(tuple(words[i : i + COPIED_WORDS]), path.name)
    titles = {
        s.get("title")
        for s in documents.get(SOURCES_FILE, {}).get("sources", [])
        if isinstance(s, dict)
    }
    problems = []
    for name, document in documents.items():
        for where, text in _strings(document):
            if text in titles:
                continue  # an article's own title may be quoted
            words = _words(text)
            for i in range(len(words) - COPIED_WORDS + 1):
                article = runs.get(tuple(words[i : i + COPIED_WORDS]))
                if article:
                    shared = " ".join(words[i : i + COPIED_WORDS])
                    problems.append(
                        f"{folder / name}: {where}: shares {COPIED_WORDS}+ words with "
                        f'{article} ("{shared} ..."); say it in your own words'
                    )
                    break
    return problems


def _strings(node: Any, loc: tuple[int | str, ...] = ()) -> Iterator[tuple[str, str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, (*loc, key))
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _strings(item, (*loc, i))
    elif isinstance(node, str):
        yield format_location(loc), node


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
