"""The knowledge base's snapshot (knowledge/snapshot.py): a run after the first
reads the validated objects instead of validating the JSON, gets exactly what
validating would give, never a stale or foreign snapshot, and works as before
whenever a snapshot cannot be written or read. And pydantic's plugin loader's
stand-in (entry.py) answers as pydantic's own would."""

from __future__ import annotations

import importlib.util
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from advisor.entry import PLUGINS_OFF
from advisor.knowledge import snapshot
from advisor.knowledge.catalog import Catalog, load_catalog
from helpers import Run, edit, kb_copy, role_in

PARTS_OF = snapshot.PARTS


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache folder of the test's own: the suite's holds the data's snapshot already."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "own-cache"))


def _load(folder: Path) -> Catalog:
    return load_catalog.__wrapped__(folder)  # not the per-process cache


def _validated(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Catalog:
    with monkeypatch.context() as m:
        m.setattr(snapshot, "snapshot_folder", lambda folder: None)
        return _load(folder)


def test_a_second_load_reads_the_snapshot_and_gets_the_same_objects(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = kb_copy(tmp_path)
    first = _load(folder)
    assert first.snapshot is None  # validated, and the snapshot written
    second = _load(folder)
    assert second.snapshot is not None and os.path.isdir(second.snapshot)
    validated = _validated(folder, monkeypatch)
    for part in PARTS_OF:
        assert getattr(second, part) == getattr(validated, part), part


def test_an_edited_file_gets_a_new_snapshot(tmp_path: Path) -> None:
    folder = kb_copy(tmp_path)
    first = _load(folder).roles[0].id
    before = _load(folder).snapshot
    edit(folder / "roles.json", lambda d: role_in(d, first).update(name="Patient ally"))
    after = _load(folder)
    assert after.snapshot is None  # a miss: validated again
    assert after.role(first).name == "Patient ally"
    assert _load(folder).snapshot not in (None, before)


class _Planter:
    """What a planted pickle could hold: loading it makes a folder."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return os.mkdir, (str(self.path),)


def test_a_snapshot_naming_anything_else_is_refused(tmp_path: Path) -> None:
    """A file planted in the cache folder cannot make advisor run anything."""
    folder = kb_copy(tmp_path)
    _load(folder)
    place = _load(folder).snapshot
    assert place is not None
    pickle.loads(pickle.dumps(_Planter(tmp_path / "proof")))
    assert (tmp_path / "proof").is_dir()  # an ordinary unpickler runs it
    planted = tmp_path / "planted"
    (Path(place) / "knowledge.pickle").write_bytes(pickle.dumps(_Planter(planted)))
    assert snapshot.read_part(place, "knowledge") is None
    assert not planted.exists()
    assert not os.path.exists(place)  # removed, to be written again


def test_a_damaged_snapshot_is_read_from_the_json_and_written_again(tmp_path: Path) -> None:
    folder = kb_copy(tmp_path)
    _load(folder)
    place = _load(folder).snapshot
    assert place is not None
    (Path(place) / "sources.pickle").write_bytes(b"not a pickle")
    catalog = _load(folder)
    assert catalog.snapshot is None and catalog.roles
    assert _load(folder).snapshot == place


def test_no_snapshot_for_a_folder_with_a_part_that_fails_its_checks(
    tmp_path: Path, run: Run
) -> None:
    """The broken part fails as before, the rest works, and nothing is cached."""
    folder = kb_copy(tmp_path)
    (folder / "career.json").write_text("{", encoding="utf-8")
    assert _load(folder).snapshot is None
    assert run("--data", str(folder), "compare", "--all").exit_code == 0
    assert run("--data", str(folder), "career", "--no-input").exit_code == 1


def test_an_unwritable_cache_folder_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run: Run
) -> None:
    cache = tmp_path / "cache"
    cache.write_text("a file where the folder would be", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    folder = kb_copy(tmp_path)
    assert _load(folder).snapshot is None
    assert _load(folder).snapshot is None
    assert run("--data", str(folder), "roles").exit_code == 0


def test_the_command_reads_the_snapshot_and_prints_the_same(tmp_path: Path, run: Run) -> None:
    folder = kb_copy(tmp_path)
    args = ["--data", str(folder), "recommend", "--timeframe", "ongoing", "--json"]
    first = run(*args)
    load_catalog.cache_clear()  # as a new process would
    second = run(*args)
    assert first.exit_code == second.exit_code == 0
    assert first.stdout == second.stdout
    assert _load(folder).snapshot is not None


def _real_loader() -> object:
    """pydantic's own plugin loader, loaded from its file beside the stand-in."""
    import pydantic.plugin

    path = Path(pydantic.plugin.__file__).parent / "_loader.py"
    spec = importlib.util.spec_from_file_location("pydantic_loader_under_test", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("value", PLUGINS_OFF)
def test_pydantic_itself_loads_no_plugin_when_advisor_stands_in(
    value: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", value)
    assert tuple(_real_loader().get_plugins()) == ()  # type: ignore[attr-defined]


def test_the_stand_in_is_used_only_when_every_plugin_is_off() -> None:
    probe = (
        "import sys, os; sys.argv = ['advisor', 'roles', '--json']\n"
        "from advisor import entry\n"
        "try: entry.main()\n"
        "except SystemExit: pass\n"
        "loader = sys.modules['pydantic.plugin._loader']\n"
        "sys.stderr.write(str(getattr(loader, '__file__', None)))\n"
    )
    for value, real in (("__all__", False), (None, False), ("some-plugin", True)):
        env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
        if value is not None:
            env["PYDANTIC_DISABLE_PLUGINS"] = value
        done = subprocess.run(
            [sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=60
        )
        assert done.stdout.startswith("{"), done.stderr  # the roles, as JSON
        assert done.stderr.endswith("_loader.py") is real, (value, done.stderr)


def test_the_describe_reader_is_kept_in_the_snapshot_and_reads_the_same(
    tmp_path: Path,
) -> None:
    from advisor.describe import reading

    folder = kb_copy(tmp_path)
    _load(folder)
    catalog = _load(folder)
    assert catalog.snapshot is not None
    texts = ["Dad has dementia and lives alone", "Mi madre no puede pagar la factura"]

    def readings() -> list[object]:
        reading._READERS.clear()  # as a new process would
        return [
            reading.read(t, catalog.questionnaire, catalog.lexicon, catalog.snapshot) for t in texts
        ]

    built = readings()
    kept = list(Path(catalog.snapshot).glob("reader-*.pickle"))
    assert len(kept) == 1
    assert readings() == built  # now read from the snapshot
    kept[0].write_bytes(pickle.dumps(reading.read))  # code, not a reader's data
    assert snapshot.read_part(catalog.snapshot, kept[0].stem, "advisor.describe.") is None
    assert readings() == built


def test_only_the_latest_snapshots_are_kept(tmp_path: Path) -> None:
    folder = kb_copy(tmp_path)
    made = []
    for n in range(snapshot.KEPT + 3):
        edit(folder / "roles.json", lambda d, n=n: d.update(scope=f"United States {n}"))
        _load(folder)
        made.append(_load(folder).snapshot)
    assert all(made) and len(set(made)) == len(made)
    kept = sorted(p.name for p in Path(str(made[0])).parent.iterdir())
    assert kept == sorted(Path(str(m)).name for m in made[-snapshot.KEPT :])


def test_a_file_edited_while_it_is_read_gets_no_snapshot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The snapshot is named by the files as they were before they were read."""
    folder = kb_copy(tmp_path)
    named = snapshot.snapshot_folder(str(folder))
    real_write = snapshot.write_snapshot

    def edited_meanwhile(catalog: Catalog, place: str) -> None:
        edit(folder / "roles.json", lambda d: d.update(scope="Elsewhere"))
        real_write(catalog, place)

    monkeypatch.setattr(snapshot, "write_snapshot", edited_meanwhile)
    assert _load(folder).snapshot is None
    assert named is not None and not os.path.exists(named)


def test_a_copy_without_a_lexicon_is_named_by_the_bundled_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Such a copy reads the bundled lexicon, so an edit of that gets a new snapshot."""
    folder = kb_copy(tmp_path)
    (folder / "lexicon.json").unlink()
    bundled = kb_copy(tmp_path, "bundled")
    monkeypatch.setattr("advisor.knowledge.location.bundled_folder", lambda: str(bundled))
    before = snapshot.snapshot_folder(str(folder))
    edit(bundled / "lexicon.json", lambda d: d.update(as_of="2020-01-01"))
    assert snapshot.snapshot_folder(str(folder)) != before
