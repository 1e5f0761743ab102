"""The files advisor writes (--save, --report): never a special file, never
over a file without --force, rights kept, nothing left behind, and every
output path checked before any question is asked. (What advisor reads is in
test_input_files.py.)

Nothing here touches a real device: device nodes and FIFOs are made in a
temporary folder.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import Run

RECOMMEND = ("recommend", "--timeframe", "ongoing", "--side", "patient", "--no-input")


def _special(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / f"{kind}.json"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        if os.geteuid() != 0:
            pytest.skip("making a device node needs root")
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a copy of /dev/null's node
    else:  # a symlink to a character device: what /dev/stdout is
        path.symlink_to("/dev/null")
    return path


@pytest.mark.parametrize("kind", ["fifo", "device", "symlink-to-device"])
def test_def01_force_never_replaces_a_special_file(run: Run, tmp_path: Path, kind: str) -> None:
    """D7, D8, D9, D10: --force swapped devices, FIFOs and /dev/stdout for a regular file."""
    target = _special(tmp_path, kind)
    before = os.lstat(target)
    for option in ("--save", "--report"):
        name = str(target) if option == "--save" else str(target.with_suffix(".md"))
        if option == "--report":
            target.rename(name)
        result = run(*RECOMMEND, option, name, "--force")
        assert result.exit_code == 2, result.output
        assert "not a regular file" in result.stderr
        after = os.lstat(name)
        assert stat.S_IFMT(after.st_mode) == stat.S_IFMT(before.st_mode)
        Path(name).rename(target)
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]  # no temp file left


def test_def01_symlink_to_a_regular_file_is_still_replaced(run: Run, tmp_path: Path) -> None:
    """D2 (passed): the link itself is replaced; nothing is written through it."""
    (tmp_path / "target.json").write_text("keep", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to("target.json")
    assert run(*RECOMMEND, "--save", str(link), "--force").exit_code == 0
    assert not link.is_symlink() and (tmp_path / "target.json").read_text() == "keep"


def test_def03_force_keeps_a_private_files_mode_and_owner(run: Run, tmp_path: Path) -> None:
    """D26: a 0600 answers file became 0644 (and root-owned) after --force."""
    saved = tmp_path / "a.json"
    assert run(*RECOMMEND, "--save", str(saved)).exit_code == 0
    saved.chmod(0o600)
    owner = (65534, 65534) if os.geteuid() == 0 else (os.getuid(), os.getgid())
    if os.geteuid() == 0:
        os.chown(saved, *owner)
    result = run(
        "recommend", "--timeframe", "episodic", "--no-input", "--save", str(saved), "--force"
    )
    assert result.exit_code == 0, result.output
    info = saved.stat()
    assert stat.S_IMODE(info.st_mode) == 0o600
    assert (info.st_uid, info.st_gid) == owner
    assert json.loads(saved.read_text())["timeframe"] == "episodic"


def test_def03_force_does_not_replace_a_read_only_file(run: Run, tmp_path: Path) -> None:
    """D14: a 0444 file in a writable folder was replaced without complaint (cp refuses)."""
    report = tmp_path / "ro.md"
    report.write_text("keep", encoding="utf-8")
    report.chmod(0o444)
    result = run(*RECOMMEND, "--report", str(report), "--force")
    assert result.exit_code == 2 and "read-only" in result.stderr
    assert report.read_text() == "keep"


def test_def07_bad_report_suffix_writes_nothing(run: Run, tmp_path: Path) -> None:
    """D22: --save was written before --report failed, so the rerun said 'already exists'."""
    saved, report = tmp_path / "s.json", tmp_path / "r.pdf"
    result = run(*RECOMMEND, "--save", str(saved), "--report", str(report))
    assert result.exit_code == 2 and "should end in .txt, .md or .html" in result.stderr
    assert not saved.exists() and not report.exists()


def test_def07_bad_report_path_fails_before_json_is_printed(run: Run, tmp_path: Path) -> None:
    """D23: 6 KB of JSON went to stdout, then exit 2."""
    result = run(*RECOMMEND, "--json", "--report", str(tmp_path / "r.pdf"))
    assert result.exit_code == 2 and result.stdout == ""


def test_def07_missing_folder_fails_before_anything_is_written(run: Run, tmp_path: Path) -> None:
    """D21 (scripted): a missing folder for --report is found before --save is written."""
    saved = tmp_path / "s.json"
    result = run(*RECOMMEND, "--save", str(saved), "--report", str(tmp_path / "no" / "r.md"))
    assert result.exit_code == 2 and "folder" in result.stderr
    assert not saved.exists()


@pytest.mark.parametrize("force", [False, True])
def test_def08_save_and_report_on_the_same_file(run: Run, tmp_path: Path, force: bool) -> None:
    """D24: the report silently replaced the saved answers (or half a run was written)."""
    out = tmp_path / "out.md"
    result = run(*RECOMMEND, "--save", str(out), "--report", str(out), *(["--force"] * force))
    assert result.exit_code == 2 and "same file" in result.stderr
    assert not out.exists()


def test_def25_long_file_name_can_be_written(run: Run, tmp_path: Path) -> None:
    """D35: a legal 251-byte name failed: the temporary name added 14 bytes."""
    name = tmp_path / ("a" * 246 + ".json")
    result = run(*RECOMMEND, "--save", str(name))
    assert result.exit_code == 0, result.output
    assert json.loads(name.read_text())["side"] == "patient"


def test_def25_save_into_a_folder_name_is_an_error(run: Run, tmp_path: Path) -> None:
    """D36: `--save newdir/` created a regular file called `newdir`."""
    result = run(*RECOMMEND, "--save", f"{tmp_path}/newdir/")
    assert result.exit_code == 2
    assert not (tmp_path / "newdir").exists()


def test_def25_save_dash_is_not_a_file_named_dash(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """D37: `--save -` created a file named `-`."""
    monkeypatch.chdir(tmp_path)
    result = run(*RECOMMEND, "--save", "-")
    assert not (tmp_path / "-").exists()
    assert result.exit_code in (0, 2)


SLOW_FSYNC = (
    "import os, time, sys\n"
    "real = os.fsync\n"
    "def slow(fd):\n"
    "    time.sleep(30)\n"
    "    real(fd)\n"
    "os.fsync = slow\n"
    "sys.argv[0] = 'advisor'\n"
    "from advisor.entry import main\n"
    "main()\n"
)


@pytest.mark.parametrize(
    ("sig", "code"),
    [
        (signal.SIGTERM, 143),
        (signal.SIGHUP, 129),
        (signal.SIGINT, 130),
    ],
)
def test_def06_signal_during_a_write_leaves_no_temp_file(
    tmp_path: Path, sig: signal.Signals, code: int
) -> None:
    """D28, D29: SIGTERM or SIGHUP while writing left `.r.html.XXXX.tmp` behind (D30,
    SIGINT, passed)."""
    with subprocess.Popen(
        [sys.executable, "-c", SLOW_FSYNC, *RECOMMEND, "--report", str(tmp_path / "r.html")],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as proc:
        deadline = time.monotonic() + 30
        while not list(tmp_path.iterdir()) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert list(tmp_path.iterdir()), "no temporary file appeared"
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=30)
    assert proc.returncode == code
    assert list(tmp_path.iterdir()) == []
    assert b"Traceback" not in err and len(err.strip().splitlines()) == 1
