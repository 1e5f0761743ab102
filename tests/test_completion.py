"""Shell completion through typer's own mechanism, as the shells call it: the
_ADVISOR_COMPLETE protocol in a real process; bash, zsh and fish running the
script that `advisor --show-completion` prints, with hostile names (values that
come from a knowledge base someone else wrote must never run as code); and the
installer's errors."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pexpect
import pytest

from advisor.completion import quoted_for
from hostile import advisor, copy_kb, edit

BIN = Path(sys.executable).parent
ADVISOR = str(BIN / "advisor") if (BIN / "advisor").exists() else shutil.which("advisor")


def complete_bash(words: str, **env: str) -> list[str]:
    """What advisor offers for the last word of `words` (bash's protocol)."""
    parts = words.split(" ")
    assert ADVISOR
    result = subprocess.run(
        [ADVISOR],
        env={
            **os.environ,
            **env,
            "_ADVISOR_COMPLETE": "complete_bash",
            "COMP_WORDS": words,
            "COMP_CWORD": str(len(parts) - 1),
        },
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return [line for line in result.stdout.splitlines() if line]


def test_role_names_complete_on_any_word_of_a_role_id() -> None:
    offered = complete_bash("advisor compare adv")
    assert "patient-advocate" in offered
    assert "advocate" in offered  # the alias
    assert "case-manager" not in offered


def test_roles_already_given_are_not_offered_again() -> None:
    offered = complete_bash("advisor compare care-manager care")
    assert "care-coordinator" in offered
    assert "care-manager" not in offered
    assert "nurse-case-manager" in complete_bash("advisor show nurse")


def test_commands_flags_and_values_complete() -> None:
    assert {"compare", "career"} <= set(complete_bash("advisor c"))
    assert {"--side", "--need", "--answers"} <= set(complete_bash("advisor recommend --"))
    assert complete_bash("advisor recommend --side p") == ["patient"]
    assert complete_bash("advisor recommend --need home-visits,me") == [
        "home-visits,medical-bills",
        "home-visits,medications",
    ]
    assert complete_bash("advisor career --lic") == ["--licence", "--license"]
    assert complete_bash("advisor compare --aspect cost,s") == ["cost,settings", "cost,salary"]


def test_routes_complete_roles_and_needs() -> None:
    assert "patient-advocate" in complete_bash("advisor routes --role adv")
    assert complete_bash("advisor routes --need insurance-d") == ["insurance-denial"]
    assert "discharge,medications" in complete_bash("advisor routes --need discharge,me")


def test_a_broken_knowledge_base_completes_nothing_quietly(tmp_path: Path) -> None:
    assert complete_bash("advisor compare adv", ADVISOR_DATA=str(tmp_path)) == []


def test_zsh_and_fish_protocols() -> None:
    assert ADVISOR
    zsh = subprocess.run(
        [ADVISOR],
        env={
            **os.environ,
            "_ADVISOR_COMPLETE": "complete_zsh",
            "_TYPER_COMPLETE_ARGS": "advisor compare adv",
        },
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert zsh.returncode == 0 and "'\\''patient-advocate'\\''" in zsh.stdout
    fish = subprocess.run(
        [ADVISOR],
        env={
            **os.environ,
            "_ADVISOR_COMPLETE": "complete_fish",
            "_TYPER_COMPLETE_ARGS": "advisor compare adv",
            "_TYPER_COMPLETE_FISH_ACTION": "get-args",
        },
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert fish.returncode == 0 and "patient-advocate" in fish.stdout.split()


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_bash_completes_with_the_script_advisor_installs(tmp_path: Path) -> None:
    """The installed script, sourced in a real bash, fills COMPREPLY."""
    env = {**os.environ, "HOME": str(tmp_path), "SHELL": "/bin/bash"}
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    install = subprocess.run(
        [ADVISOR or "advisor", "--install-completion", "bash"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert install.returncode == 0, install.stderr
    scripts = list(tmp_path.rglob("advisor*"))
    assert scripts, "no completion script written under HOME"
    script = " ".join(f'. "{s}";' for s in scripts if s.is_file())
    shell = subprocess.run(
        [
            "bash",
            "-c",
            f"{script} COMP_WORDS=(advisor compare adv); COMP_CWORD=2; "
            '_advisor_completion advisor; printf "%s\\n" "${COMPREPLY[@]}"',
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert shell.returncode == 0, shell.stderr
    assert "patient-advocate" in shell.stdout.split()


# Each would run `touch pwned` (or forge a candidate) if a shell evaluated it.
HOSTILE_NAMES = [
    "a\\",
    ");touch pwned;ws=(x\\",
    "$(touch pwned)",
    "\\$(touch pwned)",
    "`touch pwned`",
    'it\'s "q"',
    "x;touch pwned",
    "a\\:b:c",
    "!!",
    "'\\''",
    "é&(x)|y>z*",
]
# Some shell's protocol cannot carry these: they are never offered.
FORGED = ["one\ntouch pwned", "tab\there", "~root"]


def _fake_advisor(folder: Path) -> Path:
    """An `advisor` on PATH whose ROLE... arguments complete, one at a time, to
    the names in ./names.json: the first Tab offers the first name, the next Tab
    the second (counted in ./count; all of them, with a ./all file), through advisor's own
    completion classes. Run normally, it prints its arguments as JSON. So each
    shell's real script meets exactly the values a hostile knowledge base could
    hold, and one command line checks them all."""
    script = folder / "advisor"
    script.write_text(
        textwrap.dedent(
            f"""\
            #!{sys.executable}
            import json, sys
            if sys.argv[1:2] == ["show"]:  # quick: no imports
                sys.exit(print("ARGV=" + json.dumps(sys.argv[1:])))
            import os
            from pathlib import Path
            import typer
            from typer._click.shell_completion import CompletionItem
            from advisor.completion import CompletingGroup

            app = typer.Typer(cls=CompletingGroup)

            def names(ctx, param, incomplete):
                every = json.loads(Path("names.json").read_text())
                if Path("all").exists():
                    return [CompletionItem(n) for n in every]
                count = Path("count")
                done = int(count.read_text()) if count.exists() else 0
                if os.environ.get("_TYPER_COMPLETE_FISH_ACTION") != "is-args":
                    count.write_text(str(done + 1))  # fish asks twice a Tab
                return [CompletionItem(every[done % len(every)])]

            @app.command()
            def show(roles: list[str] = typer.Argument(..., shell_complete=names)) -> None:
                pass  # run without completion, the quick path above prints the arguments

            @app.command()
            def other() -> None:
                pass

            app(prog_name="advisor")
            """
        )
    )
    script.chmod(0o755)
    return script


SHELLS = {
    "bash": (["bash", "--norc", "--noprofile"], "source <(advisor --show-completion bash)"),
    "zsh": (
        ["zsh", "-f"],
        "autoload -Uz compinit && compinit -u && source <(advisor --show-completion zsh)",
    ),
    "fish": (["fish", "--no-config"], "advisor --show-completion fish | source"),
}


def _shell(name: str, home: Path) -> pexpect.spawn:
    if shutil.which(name) is None:
        pytest.skip(f"{name} is not installed (apt-get install {name}); .ci/run installs it")
    argv, setup = SHELLS[name]
    env = {
        "PATH": f"{home}{os.pathsep}{os.environ['PATH']}",
        "HOME": str(home),
        "TERM": "xterm" if name == "fish" else "dumb",  # fish lists nothing on a dumb one
        "LANG": "C.UTF-8",
        "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1",
        "PYTHONPATH": os.pathsep.join(sys.path),
    }
    child = pexpect.spawn(
        argv[0], argv[1:], env=env, cwd=str(home), encoding="utf-8", timeout=30,
        dimensions=(50, 250),
    )  # fmt: skip
    prompt = "PROMPT-READY> "
    set_prompt = (
        f"function fish_prompt; echo -n '{prompt}'; end" if name == "fish" else f"PS1='{prompt}'"
    )
    child.sendline(f"{set_prompt}; {setup}")
    _settled(child)
    return child


def _settled(child: pexpect.spawn) -> str:
    """Everything the shell printed until it ran a marker command (its own
    redrawn prompts included, which fish draws many times)."""
    child.sendline("echo END''MARK")
    child.expect_exact("ENDMARK")
    return child.before or ""


def _tab_and_run(child: pexpect.spawn, tabs: int) -> list[str] | None:
    """Type `advisor show `, press Tab `tabs` times (a space after each), then
    Enter: the arguments the program got. Keys typed ahead wait for each
    completion to finish, in all three shells."""
    child.send("advisor show " + "\t " * tabs + "\r")
    found = [line for line in _settled(child).splitlines() if "ARGV=" in line]
    return json.loads(found[-1].split("ARGV=", 1)[1]) if found else None


def _as_listed(shell: str, name: str) -> str:
    """bash lists the candidates as they will be typed (escaped); zsh and fish
    list the names themselves."""
    return quoted_for(shell, name) if shell == "bash" else name


def _offered(child: pexpect.spawn, line: str) -> str:
    """What the shell shows after `line` and Tab twice (then the line is dropped)."""
    child.send(line + "\t\t")
    time.sleep(1)  # the list is drawn after the keys are read
    child.sendcontrol("u")  # and the line dropped
    return _settled(child)


@pytest.mark.parametrize("shell", list(SHELLS))
def test_hostile_names_are_inserted_literally_and_run_nothing(tmp_path: Path, shell: str) -> None:
    """DEF-40, N64-N66: each name Tab inserts reaches the program as that very
    name, and no evaluation of a completion reply ever runs `touch pwned`."""
    _fake_advisor(tmp_path)
    child = _shell(shell, tmp_path)
    try:
        (tmp_path / "names.json").write_text(json.dumps(HOSTILE_NAMES))
        assert _tab_and_run(child, len(HOSTILE_NAMES)) == ["show", *HOSTILE_NAMES]
        for name in FORGED:  # offered nothing: Tab inserts nothing
            (tmp_path / "names.json").write_text(json.dumps([name]))
            (tmp_path / "count").unlink(missing_ok=True)
            assert _tab_and_run(child, 1) == ["show"], name
        (tmp_path / "names.json").write_text(json.dumps(HOSTILE_NAMES + FORGED))
        (tmp_path / "all").write_text("")  # the whole list at once
        listed = _offered(child, "advisor show ")
        assert _as_listed(shell, "!!") in listed and "touch pwned\n" not in listed
    finally:
        child.close(force=True)
    assert not list(tmp_path.glob("pwned*")), "a completion reply ran as code"


@pytest.mark.parametrize("shell", list(SHELLS))
def test_a_knowledge_base_with_quotes_in_its_names_completes_them_literally(
    tmp_path: Path, shell: str
) -> None:
    """DEF-40 end to end, with the real advisor: names the loader allows that a
    shell still reads (an apostrophe, parentheses, `+`, `:`) are offered, and
    inserted so that the command gets the name itself."""
    kb = copy_kb(tmp_path)
    names = ["o'brien", "care (rn)", "nurse+social", "team:lead"]
    edit(kb / "roles.json", lambda d: d["roles"][0]["aliases"].extend(names))
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "advisor").symlink_to(ADVISOR or "advisor")
    child = _shell(shell, bin_dir)
    try:
        export = "set -x ADVISOR_DATA " if shell == "fish" else "export ADVISOR_DATA="
        child.sendline(f"{export}'{kb}'")
        shown = _offered(child, "advisor show ")
        child.send("advisor show o\t --json\r")  # one name starts with o: inserted whole
        ran = _settled(child)
    finally:
        child.close(force=True)
    assert "patient-advocate" in shown and _as_listed(shell, "o'brien") in shown
    assert '"id": "patient-advocate"' in ran  # `show o'brien` found the role


@pytest.mark.parametrize("shell", list(SHELLS))
def test_a_knowledge_base_with_shell_code_in_its_names_runs_nothing(
    tmp_path: Path, shell: str
) -> None:
    """DEF-40, N65: with zsh, Tab ran `true>pwned` written into an alias. The
    loader now refuses such names (knowledge.names), so Tab offers nothing from
    that knowledge base, prints nothing on the line, and runs nothing."""
    kb = copy_kb(tmp_path)
    edit(kb / "roles.json", lambda d: d["roles"][0]["aliases"].extend(
        ["a\\", ");touch pwned;ws=(x\\", "$(touch pwned)", "`touch pwned`"]
    ))  # fmt: skip
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "advisor").symlink_to(ADVISOR or "advisor")
    child = _shell(shell, bin_dir)
    try:
        export = "set -x ADVISOR_DATA " if shell == "fish" else "export ADVISOR_DATA="
        child.sendline(f"{export}'{kb}'")
        shown = _offered(child, "advisor show ")
    finally:
        child.close(force=True)
    assert not list(bin_dir.glob("pwned*")) and not list(tmp_path.glob("pwned*"))
    assert "Traceback" not in shown and "error" not in shown


@pytest.mark.parametrize(
    ("shell", "value", "sent"),
    [
        ("bash", "care-manager", "care-manager"),
        ("bash", "it's u*", "it\\'s\\ u\\*"),
        ("zsh", "a\\", "'a\\\\'"),
        ("zsh", "a:b", "'a\\\\:b'"),
        ("zsh", "it's", "'it'\\''s'"),
        ("fish", "$(x)", "$(x)"),
    ],
)
def test_one_function_quotes_a_value_for_each_shell(shell: str, value: str, sent: str) -> None:
    assert quoted_for(shell, value) == sent


@pytest.mark.parametrize(
    ("shell", "broken"),
    [
        ("bash", "loop"),  # DEF-46: a traceback landed on the line being typed
        ("zsh", "loop"),
        ("fish", "loop"),
        ("bash", "fifo-roles"),  # N67 (passed): a FIFO as roles.json
        ("bash", "missing"),
        ("zsh", "oversized-roles"),  # N67 (passed): a roles.json beyond the cap
    ],
)
@pytest.mark.parametrize("how", ["--data", "ADVISOR_DATA"])
def test_tab_with_a_broken_data_folder_prints_nothing(
    tmp_path: Path, shell: str, broken: str, how: str
) -> None:
    """Whatever is wrong with the knowledge base, Tab offers none of its names
    and prints nothing (typer falls back to file names in zsh and fish)."""
    folder = tmp_path / "kb"
    if broken == "loop":
        folder.symlink_to(folder)
    elif broken == "missing":
        pass
    else:
        folder = copy_kb(tmp_path)
        (folder / "roles.json").unlink()
        if broken == "fifo-roles":
            os.mkfifo(folder / "roles.json")
        else:
            with (folder / "roles.json").open("wb") as handle:
                handle.truncate(300 * 1024 * 1024)
    words = ["advisor", *(["--data", str(folder)] if how == "--data" else []), "show", "adv"]
    env = {"_ADVISOR_COMPLETE": f"complete_{shell}", "_TYPER_COMPLETE_ARGS": " ".join(words)}
    env.update(COMP_WORDS=" ".join(words), COMP_CWORD=str(len(words) - 1))
    env.update(_TYPER_COMPLETE_FISH_ACTION="get-args")
    if how == "ADVISOR_DATA":
        env["ADVISOR_DATA"] = str(folder)
    result = advisor(env=env, timeout=20)
    assert result.stderr == b"", result.stderr
    assert b"advocate" not in result.stdout and b"Traceback" not in result.stdout


@pytest.mark.parametrize(
    ("home", "shell"),
    [("/proc", "bash"), ("{file}", "bash"), ("{readonly}", "zsh"), ("/proc", "fish")],
)
def test_install_completion_into_an_unwritable_home_is_one_line(
    tmp_path: Path, home: str, shell: str
) -> None:
    """DEF-51, N59: typer's installer traced back when HOME could not be written."""
    (tmp_path / "file").write_text("")
    readonly = tmp_path / "readonly"
    readonly.mkdir(mode=0o500)
    home = home.format(file=tmp_path / "file", readonly=readonly)
    if home == str(readonly) and os.geteuid() == 0:
        home = "/proc"  # root writes anywhere; /proc refuses even root
    result = advisor("--install-completion", shell, env={"HOME": home, "SHELL": f"/bin/{shell}"})
    err = result.stderr.decode()
    assert result.returncode == 1, err
    assert "Traceback" not in err and err.startswith("advisor: error: ") and err.count("\n") == 1
    assert "cannot install completion" in err
