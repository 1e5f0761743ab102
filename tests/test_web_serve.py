"""`advisor serve` in a real terminal: it prints its address on its own line,
serves the page there, and stops on Ctrl-C with exit 130 and no traceback; and
no other command imports the web stack (their start-up stays as it was)."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pexpect
import pytest

from conftest import Run

WEB_MODULES = ("starlette", "uvicorn", "jinja2", "advisor.web", "anyio", "h11")


def spawn(*args: str, cwd: Path) -> pexpect.spawn:
    return pexpect.spawn(
        sys.executable,
        ["-m", "advisor", "serve", *args],
        env={**os.environ, "COLUMNS": "80", "TERM": "xterm"},
        encoding="utf-8",
        timeout=30,
        dimensions=(24, 80),
        cwd=str(cwd),
    )


def test_serve_prints_its_address_serves_the_page_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    child = spawn(cwd=tmp_path)
    child.expect(r"\r\n(http://127\.0\.0\.1:(\d+)/)\r\n")
    url = child.match.group(1)
    with urllib.request.urlopen(url + "recommend?need=rights", timeout=20) as page:
        assert page.status == 200
        assert "Recommended:" in page.read().decode()
    too_long = url + "recommend?" + "&".join(["need=rights"] * 1500)  # 18,000 bytes
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(too_long, timeout=20)
    assert refused.value.code == 400
    assert "this address is too long" in refused.value.read().decode()
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert "Interrupted." in child.before and "Traceback" not in child.before


def test_serve_takes_a_port_and_says_plainly_when_it_is_taken(run: Run) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = run("serve", "--port", str(port))
    assert result.exit_code == 2
    assert f"--port {port}: that port is in use" in result.stderr
    assert run("serve", "--port", "70000").exit_code == 2


def test_serve_on_every_address_warns_first(tmp_path: Path) -> None:
    child = spawn("--host", "0.0.0.0", cwd=tmp_path)
    child.expect(r"Warning: --host 0\.0\.0\.0 lets anyone")
    child.expect(r"http://127\.0\.0\.1:\d+/")  # the address to open on this computer
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130


def test_serve_stops_on_a_broken_knowledge_base_before_listening(run: Run, tmp_path: Path) -> None:
    (tmp_path / "roles.json").write_text("{}", encoding="utf-8")
    result = run("--data", str(tmp_path), "serve")
    assert result.exit_code == 1 and "http://" not in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["roles"],
        ["recommend", "--need", "rights", "--json"],
        ["recommend", "--describe", "my dad fell", "--no-input"],
        ["compare", "--all"],
        ["routes", "--need", "rights"],
        ["show", "care-manager"],
        ["--help"],
    ],
    ids=lambda a: " ".join(a),
)
def test_no_other_command_imports_the_web_stack(args: list[str], tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "advisor", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "100", "ADVISOR_PAGER": "cat"},
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    imported = set(re.findall(r"\|\s+(\S+)$", result.stderr, re.M))
    assert "typer" in imported  # the list is read right
    web = {m for m in imported if m.split(".")[0] in WEB_MODULES or m.startswith("advisor.web")}
    assert not web


def test_the_load_benchmark_runs_on_loopback_and_stops_by_itself() -> None:
    bench = Path(__file__).parent.parent / "bench" / "web_load.py"
    result = subprocess.run(
        [sys.executable, str(bench), "--requests", "3", "--seconds", "5"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    rows = [line.split() for line in result.stdout.splitlines()[2:]]
    assert [row[:2] for row in rows] == [["1", "3"], ["10", "3"], ["50", "3"]]


def test_serve_open_opens_the_page_once_it_is_served(tmp_path: Path) -> None:
    """--open starts the person's browser ($BROWSER here: a program that fetches
    the page) once the server answers, not before."""
    fetched = tmp_path / "fetched.html"
    fetch = (
        "import sys, urllib.request as u; "
        f"open({str(fetched)!r}, 'wb').write(u.urlopen(sys.argv[1]).read())"
    )
    child = pexpect.spawn(
        sys.executable,
        ["-m", "advisor", "serve", "--open"],
        env={**os.environ, "BROWSER": f'{sys.executable} -c "{fetch}" %s', "TERM": "xterm"},
        encoding="utf-8",
        timeout=30,
        cwd=str(tmp_path),
    )
    child.expect(r"http://127\.0\.0\.1:\d+/")
    for _ in range(100):
        if fetched.exists() and fetched.stat().st_size:
            break
        time.sleep(0.1)
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    assert "Find the right kind of help" in fetched.read_text(encoding="utf-8")
    assert child.exitstatus == 130


def test_serve_stops_on_sigterm_as_every_command_does(tmp_path: Path) -> None:
    import signal

    process = subprocess.Popen(
        [sys.executable, "-m", "advisor", "serve"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
    )
    assert process.stdout is not None
    url = process.stdout.readline().strip()
    assert url.startswith("http://127.0.0.1:")
    with urllib.request.urlopen(url, timeout=20) as page:  # serving, not starting
        assert page.status == 200
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=30)
    assert (process.returncode, "Stopped." in err, "Traceback" in err) == (143, True, False), err
