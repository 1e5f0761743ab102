"""What the tests share: the knowledge base they run against, the real command
run three ways (in-process, as a subprocess, in a pseudo-terminal), copies of
the data, and answers to the questionnaire given by its own words.

The knowledge base is the bundled one, or the folder named by ADVISOR_TEST_DATA
(e.g. the variant `tests/kb_variant.py` builds: a fifth role and a seventh
question). Tests that are about the bundled data itself are marked
`bundled_data`; every other test must pass against any valid copy, so it reads
role names, prompts and headings from `catalog()` rather than spelling them.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Protocol

import pexpect

if TYPE_CHECKING:
    from typer.testing import Result

    from advisor.knowledge.catalog import Catalog
    from advisor.knowledge.questions import Question, Questionnaire

DOWN, UP, ENTER, SPACE, CTRL_C = "\x1b[B", "\x1b[A", "\r", " ", "\x03"

# However slow the machine, no test waits longer than this for one child process
# (HARD_TIMEOUT) or one in-process questionnaire (PROMPT_TIMEOUT; it takes a
# second or two): it fails instead of hanging.
HARD_TIMEOUT = 90.0
PROMPT_TIMEOUT = 30.0


# -- the knowledge base under test -------------------------------------------


@cache
def knowledge_dir() -> Path:
    """The knowledge base the suite runs against: ADVISOR_TEST_DATA, or the bundled data."""
    from advisor.knowledge.catalog import bundled_directory

    given = os.environ.get("ADVISOR_TEST_DATA")
    return Path(given).resolve() if given else bundled_directory()


def is_bundled() -> bool:
    from advisor.knowledge.catalog import bundled_directory

    return knowledge_dir() == bundled_directory()


def catalog() -> Catalog:
    """The knowledge base under test, loaded (and cached) as the command loads it."""
    from advisor.knowledge.catalog import load_catalog

    return load_catalog(None if is_bundled() else knowledge_dir())


def questionnaire() -> Questionnaire:
    return catalog().questionnaire


def role_name(role_id: str) -> str:
    return catalog().role(role_id).name


def kb_copy(tmp_path: Path, name: str = "kb") -> Path:
    """A writable copy of the knowledge base under test, at `tmp_path / name`."""
    target = tmp_path / name
    shutil.copytree(knowledge_dir(), target)
    return target


def edit(path: Path, change: Callable[[Any], None]) -> None:
    """Rewrite the JSON file at `path` with `change` applied to its data."""
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def role_in(roles_json: Any, role_id: str) -> Any:
    """The role `role_id` in the data of a roles.json (to edit a copy by id, not by place)."""
    return next(r for r in roles_json["roles"] if r["id"] == role_id)


# -- the real command ---------------------------------------------------------

Run = Callable[..., "Result"]  # the `run` fixture: the command in-process (CliRunner)


def ok(result: Result) -> Result:
    """`result` after checking that the command succeeded (for one-line uses)."""
    assert result.exit_code == 0, result.output
    return result


def advisor(
    *args: str,
    env: dict[str, str] | None = None,
    timeout: float = 60,
    **kwargs: Any,
) -> subprocess.CompletedProcess[bytes]:
    """The real command, `python -m advisor ARGS`, with output captured as bytes."""
    full = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS", "TERM")}
    full.update(env or {})
    kwargs.setdefault("stdin", subprocess.DEVNULL)
    if "stdout" not in kwargs and "stderr" not in kwargs:
        kwargs["capture_output"] = True
    return subprocess.run(
        [sys.executable, "-m", "advisor", *args],
        env=full,
        timeout=timeout,
        check=False,
        **kwargs,
    )


def spawn(
    *args: str,
    columns: int = 100,
    rows: int = 40,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    timeout: float = 30,
    command: Sequence[str] | None = None,
    emulated: bool = False,
    lifetime: float = HARD_TIMEOUT,
) -> pexpect.spawn:
    """`python -m advisor ARGS` (or `command`) in a real pseudo-terminal.

    `timeout` bounds each `expect`; `lifetime` bounds the child's whole life:
    past it the child is killed, so the test fails on EOF instead of hanging.
    `emulated`: a terminal emulator reads the output and answers prompt_toolkit's
    cursor-position requests (test_terminal_ux's Terminal).
    """
    environ = {**os.environ, "COLUMNS": str(columns), "TERM": "xterm"}
    environ.pop("NO_COLOR", None)
    if emulated:
        environ.pop("PROMPT_TOOLKIT_NO_CPR", None)
        environ["LINES"] = str(rows)
    else:  # pexpect does not answer cursor-position requests: each prompt would wait 1 s
        environ["PROMPT_TOOLKIT_NO_CPR"] = "1"
    environ.update(env or {})
    program, *argv = command or [sys.executable, "-m", "advisor", *args]
    child = pexpect.spawn(
        program,
        argv,
        env=environ,
        cwd=str(cwd) if cwd else None,
        encoding="utf-8",
        codec_errors="replace",
        timeout=timeout,
        dimensions=(rows, columns),
    )
    watchdog = threading.Timer(lifetime, _kill, (child,))
    watchdog.daemon = True
    watchdog.start()
    return child


def _kill(child: pexpect.spawn) -> None:
    if child.isalive():
        child.terminate(force=True)


def close_on_timeout(pipe: Any, seconds: float = PROMPT_TIMEOUT) -> threading.Timer:
    """Close the write end of a prompt_toolkit pipe input after `seconds`: a prompt
    still waiting for keys then ends with EOFError instead of waiting for ever."""
    timer = threading.Timer(seconds, pipe.close)
    timer.daemon = True
    timer.start()
    return timer


# -- answering the questionnaire by its own words -------------------------------

Answers = Mapping[str, Sequence[str]]
NOTHING: Answers = MappingProxyType({})


def asked(questions: Questionnaire, given: Answers) -> list[Question]:
    """The questions the wizard asks, in order, when `given` are answered already."""
    return [q for q in questions.questions if q.id not in given]


def choices(questions: Questionnaire, question: Question) -> list[str]:
    """The option ids in the order the wizard lists them: the data's order, with a
    "choose any" question's "not sure" moved last ("None of these / not sure")."""
    ids = [o.id for o in question.options]
    if question.kind == "multi" and questions.unsure in ids:
        ids.remove(questions.unsure)
        ids.append(questions.unsure)
    return ids


def keys_for(questions: Questionnaire, question: Question, chosen: Sequence[str]) -> str:
    """The keys that answer `question` with the options `chosen` (ids), found by
    their place in the list the wizard shows."""
    ids = choices(questions, question)
    if question.kind == "single":
        return DOWN * ids.index(chosen[0]) + ENTER
    keys, at = "", 0
    for index in sorted(ids.index(c) for c in chosen):
        keys += DOWN * (index - at) + SPACE
        at = index
    return keys + ENTER


def default_choice(questions: Questionnaire, question: Question) -> tuple[str, ...]:
    """What a test answers to a question it does not care about: "not sure" if the
    question has that option, else the first option."""
    if question.option(questions.unsure) is not None:
        return (questions.unsure,)
    return (question.options[0].id,)


def wizard_keys(questions: Questionnaire, answers: Answers, given: Answers = NOTHING) -> str:
    """Every key the wizard needs, in order, to answer the questions not in `given`
    with `answers` (a question left out gets `default_choice`)."""
    return "".join(
        keys_for(questions, q, answers[q.id] if q.id in answers else default_choice(questions, q))
        for q in asked(questions, given)
    )


def expected_answers(
    questions: Questionnaire, answers: Answers, given: Answers = NOTHING
) -> dict[str, tuple[str, ...]]:
    """What the wizard returns for `wizard_keys(questions, answers, given)`."""
    out = {k: tuple(v) for k, v in given.items()}
    for q in asked(questions, given):
        chosen = tuple(answers[q.id]) if q.id in answers else default_choice(questions, q)
        out[q.id] = () if chosen == (questions.unsure,) else chosen
    return out


def prompt_pattern(text: str) -> str:
    """A regex for a prompt as the wizard shows it: its words before any bracket,
    with any line break or terminal control sequence between them."""
    words = text.split("(")[0].split()
    return r"(?:\s|\x1b\[[0-9;?]*[A-Za-z])+".join(re.escape(w) for w in words)


class Child(Protocol):
    """A program in a pseudo-terminal: pexpect's spawn, or test_terminal_ux's Terminal."""

    def expect(self, pattern: str) -> object: ...

    def send(self, keys: str) -> object: ...


def answer_in_terminal(
    child: Child,
    questions: Questionnaire,
    answers: Answers,
    given: Answers = NOTHING,
    until: str | None = None,
) -> dict[str, tuple[str, ...]]:
    """Answer the wizard in `child` question by question: wait for each prompt (in
    the words chosen by who the help is for), then press the keys for its answer
    (`default_choice` for a question `answers` leaves out). With `until`, stop at
    that question's prompt without answering it.

    Returns the answers so far (with `given`), to pass on as flags with `flags_for`.
    """
    so_far: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in given.items()}
    for question in asked(questions, given):
        child.expect(prompt_pattern(questions.worded(question, so_far).prompt))
        if question.id == until:
            break
        chosen = tuple(answers.get(question.id, default_choice(questions, question)))
        child.send(keys_for(questions, question, chosen))
        so_far[question.id] = chosen
    return so_far


def flags_for(answers: Answers, questions: Questionnaire | None = None) -> list[str]:
    """`answers` (question id → option ids) as the command-line flags that give them
    (to the recommend questionnaire unless `questions` says which)."""
    questions = questions or questionnaire()
    out: list[str] = []
    for question_id, chosen in answers.items():
        question = questions.question(question_id)
        assert question is not None, question_id
        for option in chosen or (questions.unsure,):
            out += [f"--{question.flag}", option]
    return out


def recommended_json(*args: str) -> Any:
    """What `advisor recommend ARGS --no-input --json` says."""
    from typer.testing import CliRunner

    from advisor.cli import app

    result = CliRunner().invoke(app, ["recommend", *args, "--no-input", "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def recommended(*args: str) -> str:
    """The name of the role `advisor recommend ARGS --no-input` puts first (read
    from its --json), to check what another way of answering shows."""
    return role_name(recommended_json(*args)["top"])


def headline(*args: str) -> str:
    """The first line of the result for `recommend ARGS`, e.g. "Recommended: Case manager"."""
    return f"{HEADLINE} {recommended(*args)}"


HEADLINE = "Recommended:"  # the one place the tests spell recommend's headline


# -- reading a coloured screen ----------------------------------------------

Run_ = tuple[str, str]  # (text, style) of one run of equally styled characters


def screen(ansi: str) -> list[list[Run_]]:
    """What a terminal shows for `ansi`: each line as runs of (text, rich style).

    Escape sequences are parsed, so two outputs that look the same on screen
    compare equal however their bytes are split into styled segments.
    """
    from rich.style import Style
    from rich.text import Text

    lines: list[list[Run_]] = []
    for line in Text.from_ansi(ansi).split("\n", allow_blank=True):
        styles: list[Style] = [Style.null()] * len(line.plain)
        for span in line.spans:
            for i in range(span.start, min(span.end, len(styles))):
                styles[i] = styles[i] + Style.parse(str(span.style))
        runs: list[Run_] = []
        for char, style in zip(line.plain, styles, strict=True):
            name = str(style) if style else ""
            if runs and runs[-1][1] == name:
                runs[-1] = (runs[-1][0] + char, name)
            else:
                runs.append((char, name))
        lines.append(runs)
    return lines


def styled_text(ansi: str) -> str:
    """`screen(ansi)` as readable rich markup, one line per screen line."""
    from rich.markup import escape

    return "\n".join(
        "".join(f"[{style}]{escape(text)}[/]" if style else escape(text) for text, style in runs)
        for runs in screen(ansi)
    )


# -- a terminal emulator on a real pseudo-terminal ---------------------------


ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\x1b[=>]")


ADVISOR = f"{shlex.quote(sys.executable)} -m advisor"


class Terminal:
    """A command running in a pseudo-terminal of a given size, with a screen to read."""

    def __init__(
        self, command: str, columns: int = 80, rows: int = 30, env: dict[str, str] | None = None
    ) -> None:
        import pyte

        self.columns = columns
        self.screen = pyte.Screen(columns, rows)
        self.screen.write_process_input = self._reply  # type: ignore[method-assign]
        self.stream = pyte.Stream(self.screen)
        self.raw = ""
        self.screens: list[str] = []
        self.child = spawn(
            command=["/bin/sh", "-c", command],
            columns=columns,
            rows=rows,
            env={"ADVISOR_PAGER": "cat", **(env or {})},
            emulated=True,  # the emulator answers where the cursor is
        )

    def _reply(self, data: str) -> None:
        """The terminal's answers (e.g. the cursor position prompt_toolkit asks for)."""
        self.child.send(data)

    def _read(self, timeout: float) -> None:
        try:
            chunk = self.child.read_nonblocking(65536, timeout=timeout)
        except pexpect.TIMEOUT:
            return
        except pexpect.EOF:
            raise
        self.raw += chunk
        self.stream.feed(chunk)
        self.screens.append(self.text)

    @property
    def text(self) -> str:
        return "\n".join(line.rstrip() for line in self.screen.display)

    def wait_for(self, pattern: str, timeout: float = 8) -> str:
        """Read until `pattern` (a regex) is on the screen; return the screen."""
        end = time.monotonic() + timeout
        while not re.search(pattern, self.text):
            if time.monotonic() > end:
                raise AssertionError(f"{pattern!r} not on screen:\n{self.text}")
            try:
                self._read(0.2)
            except pexpect.EOF:
                if re.search(pattern, self.text):
                    break
                raise AssertionError(f"ended before {pattern!r}:\n{self.text}") from None
        return self.text

    def expect(self, pattern: str) -> str:
        """`wait_for`, under the name helpers.answer_in_terminal uses."""
        return self.wait_for(pattern)

    def skip_description(self) -> None:
        """The optional first step (the person's own words): Enter skips it."""
        self.wait_for("In a sentence or two")
        self.send(ENTER)

    def send(self, *keys: str) -> None:
        """Each key with a short pause, as a person types."""
        for key in keys:
            self.child.send(key)
            time.sleep(0.05)

    def finish(self) -> int:
        """Read to the end; the exit status."""
        while True:
            try:
                self._read(0.5)
            except pexpect.EOF:
                break
        self.child.close()
        status = self.child.exitstatus
        return self.child.signalstatus + 128 if status is None else status

    @property
    def plain(self) -> str:
        """Everything printed, escape sequences removed."""
        return ANSI.sub("", self.raw)


def command_paths() -> list[tuple[str, ...]]:
    """Every command and sub-command, as the words that reach it."""
    import typer

    from advisor.cli import app

    paths: list[tuple[str, ...]] = [()]

    def walk(group: typer.core.TyperGroup, prefix: tuple[str, ...]) -> None:
        for name, command in group.commands.items():
            paths.append((*prefix, name))
            if isinstance(command, typer.core.TyperGroup):
                walk(command, (*prefix, name))

    root = typer.main.get_command(app)
    assert isinstance(root, typer.core.TyperGroup)
    walk(root, ())
    return paths


# Headless Chromium from the system packages, for the report and web-page tests.
# The flags keep it off this machine's closed network and out of a profile.
BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def dump_dom(page: Path, profile: Path) -> subprocess.CompletedProcess[str]:
    """The page as headless Chromium builds it (`--dump-dom`), with a fresh profile."""
    assert BROWSER is not None
    return subprocess.run(
        [BROWSER, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
