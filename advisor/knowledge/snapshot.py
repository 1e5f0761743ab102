"""A snapshot of a knowledge base's validated objects, so a run need not build
pydantic's validators to read data that has passed every check before.

Measured (README, "Start-up speed"): building the validators of the knowledge
models, which validating the JSON needs, is most of what advisor adds to the
floor program; unpickling the objects those same validators produced, with the
models' schemas deferred (`Strict`'s `defer_build`), costs a fraction of it.
pydantic stays the one schema: a snapshot is only ever written from objects
that the models validated, and only once every part of the folder has loaded
and passed its checks.

A snapshot is a folder in the user's cache folder, one pickle per part (so a
command still reads only the parts it uses), named by a hash of the knowledge
base's files (a missing one counted as missing), of the modules that define
the models, and of the versions of advisor, pydantic and Python: an edited file
or model, or an upgrade, gets a new snapshot and never a stale one (a folder
without lexicon.json reads the bundled one, so its hash counts that file). It is
read with an unpickler that accepts only advisor's knowledge models, `date` and,
for a derived part such as the describe reader, its own package's classes, so a
file planted in the cache folder cannot name anything else to run.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from typing import Any, TypeVar

from advisor.cache import cache_file, content_key

FORMAT = 1
KEPT = 8  # snapshots kept in the cache folder (about 400 KB each for the bundled data)
T = TypeVar("T")
# The data files a catalog can read (each part's files are among them).
DATA_FILES = (
    "sources.json",
    "roles.json",
    "questions.json",
    "career.json",
    "routes.json",
    "titles.json",
    "lexicon.json",
)
# The modules whose classes a snapshot holds: the only ones it may name.
MODELS = ("models", "questions", "routes", "titles", "lexicon")
# The catalog's parts, each read on first use as without a snapshot.
PARTS = (
    "knowledge",
    "sources",
    "questionnaire",
    "career",
    "route_book",
    "routes",
    "titles",
    "lexicon",
)


def snapshot_folder(folder: str) -> str | None:
    """Where `folder`'s snapshot is or would be; None when its files cannot be
    hashed (the loader then says why) or there is no cache folder."""
    import sys

    from pydantic.version import VERSION

    from advisor import __version__

    here = os.path.dirname(os.path.abspath(__file__))
    models = content_key(here, [f"{m}.py" for m in MODELS], "")
    if models is None:
        return None
    salt = f"{FORMAT} {__version__} {VERSION} {sys.version_info[:2]} {models}"
    if not os.path.exists(os.path.join(folder, "lexicon.json")):  # read from the bundled data
        from advisor.knowledge.location import bundled_folder

        salt += f" {content_key(bundled_folder(), ['lexicon.json'], '')}"
    key = content_key(folder, DATA_FILES, salt)
    return cache_file("snapshot", key, os.environ) if key else None


class _Restricted(pickle.Unpickler):
    """Unpickles advisor's knowledge models, dates and the classes of the
    modules `package` names (a derived part's own), and refuses anything else."""

    def __init__(self, handle: Any, package: str) -> None:
        super().__init__(handle)
        self.package = package

    def find_class(self, module: str, name: str) -> Any:
        from advisor.knowledge.models import Strict

        if module == "datetime" and name == "date":
            return super().find_class(module, name)
        knowledge = module.startswith("advisor.knowledge.") and module.rpartition(".")[2] in MODELS
        if knowledge or (self.package and module.startswith(self.package)):
            found = super().find_class(module, name)
            if isinstance(found, type) and (not knowledge or issubclass(found, Strict)):
                return found
        raise pickle.UnpicklingError(f"a snapshot may not name {module}.{name}")


def read_part(snapshot: str, part: str, package: str = "") -> Any:
    """One part of a snapshot, or None when it cannot be read as one: the caller
    then reads and validates the JSON, and the snapshot is removed, so that the
    next run writes a sound one."""
    try:
        with open(os.path.join(snapshot, f"{part}.pickle"), "rb") as handle:
            return _Restricted(handle, package).load()
    except FileNotFoundError:
        if package:  # a derived part not made yet
            return None
    except Exception:  # a damaged or foreign file is a cache miss, never an error
        pass
    import shutil

    shutil.rmtree(snapshot, ignore_errors=True)
    return None


def derived(snapshot: str | None, part: str, package: str, build: Callable[[], T]) -> T:
    """What `build` makes from a snapshot's parts (the --describe reader), kept
    beside them: read if there, else built and added. `part` must name the code
    that builds it too (a hash of its source), and `package` is the only code
    besides the knowledge models that the file may name."""
    if snapshot is None:
        return build()
    found: T | None = read_part(snapshot, part, package)
    if found is not None:
        return found
    value = build()
    from advisor.cache import write_atomically

    if os.path.isdir(snapshot):
        write_atomically(
            os.path.join(snapshot, f"{part}.pickle"),
            pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL),
        )
    return value


def write_snapshot(catalog: Any, snapshot: str) -> None:
    """Load every part of `catalog` (a catalog.Catalog) and write them all as
    one snapshot folder, renamed into place at once; nothing when any part
    fails its checks (that error is raised when a command asks for the part),
    when a file changed while it was read, or when the folder cannot be written."""
    import shutil
    import tempfile

    from advisor.errors import DataError

    try:
        parts = {part: getattr(catalog, part) for part in PARTS}
    except DataError:
        return
    if snapshot_folder(str(catalog.directory)) != snapshot:  # edited meanwhile
        return
    try:
        os.makedirs(os.path.dirname(snapshot), exist_ok=True)
        temporary = tempfile.mkdtemp(dir=os.path.dirname(snapshot), suffix=".tmp")
    except OSError:
        return
    try:
        for part, value in parts.items():
            with open(os.path.join(temporary, f"{part}.pickle"), "wb") as out:
                pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.rename(temporary, snapshot)  # fails if another run got there first: fine
    except OSError:
        pass
    finally:
        shutil.rmtree(temporary, ignore_errors=True)
    _prune(os.path.dirname(snapshot))


def _prune(folder: str) -> None:
    """Keep the `KEPT` most recently written snapshots: every edit of a knowledge
    base, and every upgrade, makes a new one."""
    import shutil

    try:
        entries = [e for e in os.scandir(folder) if e.is_dir() and not e.name.endswith(".tmp")]
        entries.sort(key=lambda e: e.stat().st_mtime, reverse=True)
    except OSError:
        return
    for old in entries[KEPT:]:
        shutil.rmtree(old.path, ignore_errors=True)
