"""Every file and stream a user names for reading goes through advisor.inputs:
`--answers`, the knowledge base (`--data`, ADVISOR_DATA), a description on
standard input (`--describe -`) and the articles of `data check --against`.
Each refuses what it cannot read in bounded time and memory (a device, a FIFO
with no writer, a folder, an endless or oversized input) with one line naming
the file, never a hang or a traceback. Malformed JSON is one line too.

The real command runs as a subprocess with its memory capped at 1 GB, so an
unbounded read fails inside the child and can never exhaust this machine.
Nothing here touches a real device but /dev/zero, read through a symlink.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Run
from hostile import copy_kb

BUNDLED = str(Path(__file__).resolve().parents[1] / "data")


def _limited(
    *args: str, stdin: int | None = subprocess.DEVNULL, cwd: Path | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[bytes]:  # fmt: skip
    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    return subprocess.run(
        [sys.executable, "-m", "advisor", *args],
        capture_output=True,
        timeout=30,
        stdin=stdin,
        preexec_fn=cap,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        check=False,
    )


def _place(path: Path, kind: str) -> None:
    """Put something hostile at `path`."""
    if path.exists() or path.is_symlink():
        path.unlink()
    if kind == "endless":
        path.symlink_to("/dev/zero")
    elif kind == "fifo":
        os.mkfifo(path)  # no writer: a blocking open would wait forever
    elif kind == "folder":
        path.mkdir()
    elif kind == "oversized":
        with path.open("wb") as handle:
            handle.truncate(300 * 1024 * 1024)  # sparse: beyond every cap, no disk used


# reader: (what to place, the command; its exit code)
def _answers(tmp_path: Path, kind: str) -> tuple[list[str], int]:
    _place(tmp_path / "a.json", kind)
    return ["recommend", "--no-input", "--json", "--answers", str(tmp_path / "a.json")], 2


def _data(tmp_path: Path, kind: str) -> tuple[list[str], int]:
    kb = copy_kb(tmp_path)
    _place(kb / "roles.json", kind)
    return ["--data", str(kb), "roles"], 1


def _data_check(tmp_path: Path, kind: str) -> tuple[list[str], int]:
    kb = copy_kb(tmp_path)
    _place(kb / "roles.json", kind)
    return ["data", "check", str(kb)], 1


def _against(tmp_path: Path, kind: str) -> tuple[list[str], int]:
    """DEF-43, N41: the articles were read with read_text(): a FIFO hung, a
    folder named *.txt traced back, /dev/zero ran out of memory."""
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "fine.txt").write_text("An article of a few words.")
    _place(articles / "b.txt", kind)
    return ["data", "check", BUNDLED, "--against", str(articles)], 2


READERS: dict[str, Callable[[Path, str], tuple[list[str], int]]] = {
    "answers": _answers,
    "data": _data,
    "data-check": _data_check,
    "against": _against,
}
REFUSED = {
    "endless": "not a regular file",
    "fifo": "not a regular file",
    "folder": "is a folder",
    "oversized": "too large",
}


@pytest.mark.parametrize("kind", list(REFUSED))
@pytest.mark.parametrize("reader", list(READERS))
def test_every_reader_refuses_what_it_cannot_read_in_bounded_time(
    tmp_path: Path, reader: str, kind: str
) -> None:
    """DEF-4 and DEF-24 (answers, data), DEF-43 (--against)."""
    args, code = READERS[reader](tmp_path, kind)
    result = _limited(*args)
    err = result.stderr.decode()
    assert result.returncode == code, err
    if reader == "data-check":  # one line per problem, on stdout
        assert REFUSED[kind] in result.stdout.decode(), result.stdout
    else:
        assert err.startswith("advisor: error: ") and err.count("\n") == 1, err
        assert REFUSED[kind] in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("source", "stdin"),
    [
        ("/dev/zero", None),  # N5
        ("yes", None),  # N6: `yes 'my dad needs help' | advisor recommend --describe -`
        ("big", None),  # N4: 50 MB was read whole before it was refused
    ],
)
def test_a_description_on_standard_input_is_read_only_up_to_its_limit(
    tmp_path: Path, source: str, stdin: None
) -> None:
    """DEF-42: `--describe -` read standard input whole (MemoryError traceback)."""
    if source == "/dev/zero":
        with open("/dev/zero", "rb") as zero:
            result = _limited("recommend", "--describe", "-", "--no-input", stdin=zero.fileno())
    elif source == "yes":
        yes = subprocess.Popen(["yes", "my dad needs help"], stdout=subprocess.PIPE)
        assert yes.stdout is not None
        result = _limited("recommend", "--describe", "-", "--no-input", stdin=yes.stdout.fileno())
        yes.kill()
        yes.wait()
        yes.stdout.close()
    else:
        big = tmp_path / "big.txt"
        big.write_bytes(b"my dad needs help " * 3_000_000)
        with big.open("rb") as handle:
            result = _limited("recommend", "--describe", "-", "--no-input", stdin=handle.fileno())
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert err.startswith("advisor: error: --describe") and err.count("\n") == 1, err


def test_a_description_on_standard_input_at_the_limit_is_read(tmp_path: Path) -> None:
    """N1, N3: up to 2 000 characters (of up to 4 bytes each) are read."""
    text = ("My dad is in hospital and needs help at home, Zoë says. " * 50)[:2000]
    path = tmp_path / "d.txt"
    path.write_text(text, encoding="utf-8")  # 2-byte characters too
    with path.open("rb") as handle:
        result = _limited("recommend", "--describe", "-", "--no-input", "--json",
                          stdin=handle.fileno())  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["answers"]


@pytest.mark.parametrize("where", ["--describe", "stdin"])
def test_bytes_that_are_not_utf8_in_a_description_never_crash_a_report(
    tmp_path: Path, where: str
) -> None:
    """DEF-44, N57: `--describe $'...heart\\xff attack' --report r.html` traced back
    (UnicodeEncodeError): the invalid byte is shown as U+FFFD instead."""
    raw = b"my dad had a heart\xff attack and needs help at home"
    for report in ("r.html", "r.md"):
        if where == "--describe":
            result = subprocess.run(
                [sys.executable.encode(), b"-m", b"advisor", b"recommend", b"--describe", raw,
                 b"--no-input", b"--report", report.encode()],
                capture_output=True, cwd=tmp_path, timeout=30, check=False,
                stdin=subprocess.DEVNULL,
            )  # fmt: skip
        else:
            result = subprocess.run(
                [sys.executable, "-m", "advisor", "recommend", "--describe", "-", "--no-input",
                 "--report", report],
                capture_output=True, cwd=tmp_path, timeout=30, check=False, input=raw,
            )  # fmt: skip
        assert result.returncode == 0, result.stderr
        written = (tmp_path / report).read_text(encoding="utf-8")
        assert "heart\ufffd attack" in written
        (tmp_path / report).unlink()


@pytest.mark.parametrize("how", ["--data", "ADVISOR_DATA"])
def test_a_data_folder_in_a_symlink_loop_is_one_line(tmp_path: Path, how: str) -> None:
    """DEF-46, N32: `RuntimeError: Symlink loop` traceback."""
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    if how == "--data":
        result = _limited("--data", str(loop), "roles")
    else:
        result = _limited("roles", env={"ADVISOR_DATA": str(loop)})
    err = result.stderr.decode()
    assert result.returncode == 1, err
    assert err == f"advisor: error: {loop}: cannot read: Too many levels of symbolic links\n"


def test_a_relative_data_folder_after_the_current_folder_was_deleted(tmp_path: Path) -> None:
    """DEF-46, N61: `FileNotFoundError ... abspath` traceback."""
    gone = tmp_path / "gone"
    gone.mkdir()
    script = (
        "import os, sys; os.chdir(sys.argv[1]); os.rmdir(sys.argv[1]); "
        "sys.argv = ['advisor', '--data', 'kb', 'roles']; "
        "from advisor.cli import main; main()"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(gone)], capture_output=True, timeout=30,
        stdin=subprocess.DEVNULL, check=False,
    )  # fmt: skip
    err = result.stderr.decode()
    assert result.returncode == 1, err
    assert err == "advisor: error: kb: cannot read: the current folder no longer exists\n"


def test_process_substitution_and_stdin_still_work() -> None:
    """E3, E4 (passed): `--answers <(...)` and `--answers /dev/stdin` are pipes, and work."""
    result = subprocess.run(
        [sys.executable, "-m", "advisor", "recommend", "--answers", "/dev/stdin", "--json"],
        input=b'{"timeframe": "ongoing"}',
        capture_output=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["answers"] == {"timeframe": "ongoing"}


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),  # E7 (DEF-10)
        ('{"needs": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deeply"),  # E8
        ('{"timeframe": ' + '{"a": ' * 5000 + "1" + "}" * 5001, "nested too deeply"),  # E9
        ('{"timeframe": ' + "9" * 5000 + "}", "not valid JSON"),  # E16 (DEF-11)
    ],
    ids=["list", "under-a-key", "object", "huge-integer"],
)
def test_malformed_answers_files_are_one_line(
    run: Run, tmp_path: Path, content: str, said: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    result = run("recommend", "--no-input", "--answers", str(path))
    assert result.exit_code == 2, result.output
    assert said in result.stderr and len(result.stderr.splitlines()) == 1
    assert len(result.stderr) < 300


# The review's other reading probes, which pass: each stays one line, exit 2 (a
# usage problem) or 1 (the knowledge base), with nothing of the input echoed.
PROBES = {
    "N2 description of 2001 characters": (["recommend", "--no-input", "--describe", "a" * 2001], 2),
    "N7 --describe - with stdin closed": (["recommend", "--no-input", "--describe", "-"], 2),
    "N72 --describe - and --answers -": (
        ["recommend", "--no-input", "--describe", "-", "--answers", "-"], 2),
    "N73 blank description": (["recommend", "--no-input", "--describe", "   "], 2),
    # N73: punctuation alone is a description nothing can be read from: guidance, exit 0
    "N73 punctuation only": (["recommend", "--no-input", "--describe", "?!... --"], 0),
    "N78 --answers /proc/self/environ": (
        ["recommend", "--no-input", "--answers", "/proc/self/environ"], 2),
    "N78 --answers /proc/self/mem": (["recommend", "--no-input", "--answers", "/proc/self/mem"], 2),
    "N78 --answers /proc/self/status": (
        ["recommend", "--no-input", "--answers", "/proc/self/status"], 2),
    "N33 --data a FIFO": (["--data", "{fifo}", "roles"], 1),
    "N33 data check a FIFO": (["data", "check", "{fifo}"], 2),
}  # fmt: skip


@pytest.mark.parametrize("probe", list(PROBES))
def test_other_reading_probes_stay_one_line(tmp_path: Path, probe: str) -> None:
    args, code = PROBES[probe]
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    args = [a.replace("{fifo}", str(fifo)) for a in args]
    stdin = None if "closed" in probe else subprocess.DEVNULL
    if stdin is None:
        script = "import os, runpy, sys; os.close(0); sys.argv = ['advisor', *sys.argv[1:]]; "
        script += "runpy.run_module('advisor', run_name='__main__')"
        result = subprocess.run(
            [sys.executable, "-c", script, *args], capture_output=True, timeout=30, check=False
        )
    else:
        result = _limited(*args)
    err = result.stderr.decode()
    assert result.returncode == code, err
    lines = [line for line in err.splitlines() if line and not line.startswith("note: ")]
    assert len(lines) <= 2 and "Traceback" not in err, err  # data check: a count line too
    assert code == 0 or lines, "an error says why"
    assert "PATH=" not in err and "VmPeak" not in err  # nothing of /proc echoed


def test_an_endless_pipe_of_blanks_as_answers_is_refused() -> None:
    """N79: `--answers <(yes '  ')` is read up to its limit, then refused."""
    result = subprocess.run(
        ["bash", "-c", f"{sys.executable} -m advisor recommend --no-input --answers <(yes '  ')"],
        capture_output=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 2 and b"too large" in result.stderr, result.stderr
