"""Tab completion without the stack: role names, aliases, answer ids and need ids
from a small index, so a Tab press imports neither typer, pydantic nor rich.

The index is written by the full completion path (completion.py, after typer's
completion has run on a knowledge base that loaded and passed its checks) into
the user's cache folder, named by a hash of the knowledge base's files (and of
advisor's version): a `--data` or ADVISOR_DATA copy gets its own, and an edited
file gets a new one. Until an index exists, or for any command line this module
does not read exactly as click would (an option name, a file, `--aspect`, `=`,
`--`, an option it does not know), `quick_complete` answers None and the whole
stack completes as before. Values are quoted by the same function
(`shell_quoting.quoted_for`) and pass the same safe-name rule
(`knowledge.names.completes_safely`) as on the full path.

Only the standard library's light modules are imported here (os, json, shlex,
blake2b, through advisor/cache.py): this runs on every Tab press.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from advisor.cache import cache_file, content_key, write_atomically
from advisor.knowledge.location import bundled_folder

if TYPE_CHECKING:
    from advisor.knowledge.catalog import Catalog

FORMAT = 1
# The files whose content decides what completes (the loader reads the first two
# for every command, the questionnaires for their flags and the needs).
KEYED_FILES = ("sources.json", "roles.json", "questions.json", "career.json")
# Which questionnaire gives each command its question flags (cli.py's command classes).
QUESTIONNAIRE_OF = {"recommend": "questions", "map": "questions", "career": "career"}
# The options of the commands whose role names complete; anything else on the line
# sends the press to the full path. tests/test_completion_index.py checks these
# against the click commands.
FLAGS = {
    "compare": ("--all", "--json", "--markdown", "--force", "--no-pager"),
    "show": ("--json", "--markdown", "--force", "--no-pager"),
}
VALUE_OPTIONS = {"compare": ("--aspect", "--report"), "show": ("--report",)}


def index_path(folder: str, environ: Mapping[str, str]) -> str | None:
    """The index's place in the cache folder, named by a hash of the knowledge
    base's files and advisor's version; None when a file cannot be hashed (the
    full path says why) or there is no home."""
    from advisor import __version__

    key = content_key(folder, KEYED_FILES, f"{FORMAT} {__version__}")
    return cache_file("completion", f"{key}.json", environ) if key else None


def build_index(catalog: Catalog) -> dict[str, Any]:
    """What Tab offers from this knowledge base, as plain JSON."""
    flags: dict[str, dict[str, list[str]]] = {}
    for name, questionnaire in (("questions", catalog.questionnaire), ("career", catalog.career)):
        flags[name] = {}
        for question in questionnaire.questions:
            values = [n for o in question.options for n in (o.id, *o.aliases)]
            for flag in dict.fromkeys((question.flag, *question.flag_aliases)):
                flags[name][f"--{flag}"] = values
    return {
        "format": FORMAT,
        "role_ids": [r.id for r in catalog.roles],
        "names": catalog.names,
        "needs": sorted(catalog.questionnaire.needs()),
        "flags": flags,
    }


def write_index(catalog: Catalog) -> None:
    """Write the index for `catalog`'s folder, atomically; silently not at all
    when the cache folder cannot be written (Tab then stays on the full path)."""
    import json

    path = index_path(str(catalog.directory), os.environ)
    if path is None or os.path.exists(path):
        return
    write_atomically(path, json.dumps(build_index(catalog), ensure_ascii=False).encode())


def read_index(folder: str, environ: Mapping[str, str]) -> dict[str, Any] | None:
    import json

    path = index_path(folder, environ)
    if path is None:
        return None
    try:
        with open(path, encoding="utf-8") as handle:
            index: dict[str, Any] = json.load(handle)
    except (OSError, ValueError):
        return None
    return index if index.get("format") == FORMAT else None


def split_words(string: str) -> list[str]:
    """Split a command line as click's completion does (shlex, tolerating an
    unfinished quote)."""
    import shlex

    lex = shlex.shlex(string, posix=True)
    lex.whitespace_split = True
    lex.commenters = ""
    out: list[str] = []
    try:
        out.extend(lex)
    except ValueError:
        out.append(lex.token)
    return out


def _shell_words(shell: str, environ: Mapping[str, str]) -> tuple[list[str], str]:
    """(the complete words after the program's name, the word being completed),
    as typer's BashComplete, ZshComplete and FishComplete read them."""
    if shell == "bash":
        words = split_words(environ["COMP_WORDS"])
        cword = int(environ["COMP_CWORD"])
        return words[1:cword], words[cword] if cword < len(words) else ""
    line = environ.get("_TYPER_COMPLETE_ARGS", "")
    args = split_words(line)[1:]
    if args and not line.endswith(" "):
        return args[:-1], args[-1]
    return args, ""


def data_folder_of(args: list[str], environ: Mapping[str, str]) -> tuple[str, list[str]] | None:
    """The knowledge base's folder (`--data`, ADVISOR_DATA or the bundled one) and
    the words after the root options; None for any other root option."""
    data = environ.get("ADVISOR_DATA") or None
    at = 0
    while at < len(args) and args[at].startswith("-"):
        if args[at] == "--data" and at + 1 < len(args):
            data, at = args[at + 1], at + 2
        else:
            return None
    folder = os.path.realpath(data) if data else bundled_folder()
    return folder, args[at:]


def _role_names(index: dict[str, Any], incomplete: str, given: list[str]) -> list[str]:
    """As completion.role_names, from the index."""
    from advisor.knowledge.names import completes_safely

    key = incomplete.lower()
    ids = [i for i in index["role_ids"] if key and f"-{key}" in f"-{i}"]
    found = dict.fromkeys([*ids, *(n for n in index["names"] if n.startswith(key))])
    return [n for n in found if n not in given and completes_safely(n)]


def _after_comma(names: list[str], incomplete: str) -> list[str]:
    """As completion.need_names and question_flags.option_completer do it."""
    done, _, last = incomplete.rpartition(",")
    prefix = f"{done}," if done else ""
    return [prefix + n for n in names if n.startswith(last.lower())]


def _completions(index: dict[str, Any], words: list[str], incomplete: str) -> list[str] | None:
    """What the full path would offer for `incomplete` after `words` (the command
    and its words), or None where this module does not know."""
    if not words or incomplete.startswith("-") or "--" in words:
        return None
    command, rest = words[0], words[1:]
    last = rest[-1] if rest else ""
    if command in QUESTIONNAIRE_OF:
        values = index["flags"][QUESTIONNAIRE_OF[command]].get(last)
        if values is None:
            return None
        # typer keeps only what starts with the typed text
        return [v for v in _after_comma(values, incomplete) if v.startswith(incomplete)]
    if command == "routes":
        if last == "--need" and "--need" not in rest[:-1]:
            return _after_comma(index["needs"], incomplete)
        if last == "--role" and "--role" not in rest[:-1]:
            return _role_names(index, incomplete, [])
        return None
    if command not in FLAGS:
        return None
    given: list[str] = []
    taking_value = False
    for word in rest:
        if taking_value:
            taking_value = False
        elif word in VALUE_OPTIONS[command]:
            taking_value = True
        elif word.startswith("-"):
            if word not in FLAGS[command]:
                return None
        else:
            given.append(word)
    if taking_value:  # the word is an option's value (--aspect, --report)
        return None
    return _role_names(index, incomplete, given)


def quick_complete(environ: Mapping[str, str]) -> tuple[str, int] | None:
    """(what to print, the exit code) for this Tab press, or None to let the
    full path answer it."""
    instruction, _, shell = environ.get("_ADVISOR_COMPLETE", "").partition("_")
    if instruction != "complete" or shell not in ("bash", "zsh", "fish"):
        return None
    args, incomplete = _shell_words(shell, environ)
    if incomplete == "=" or "=" in incomplete:
        return None
    found = data_folder_of(args, environ)
    if found is None:
        return None
    folder, words = found
    index = read_index(folder, environ)
    if index is None:
        return None
    values = _completions(index, words, incomplete)
    if values is None:
        return None
    return _formatted(shell, values, environ)


def _formatted(shell: str, values: list[str], environ: Mapping[str, str]) -> tuple[str, int]:
    """The reply as typer's classes, with completion.py's quoting, print it."""
    from advisor.shell_quoting import _carried, _single_quoted, quoted_for

    items = [quoted_for(shell, v) for v in values if _carried(v)]
    if shell == "bash":
        return "\n".join(items) + "\n", 0
    if shell == "zsh":
        if not items:
            return "_files\n", 0
        return "_arguments " + _single_quoted("*: :((" + " ".join(items) + "))") + "\n", 0
    action = environ.get("_TYPER_COMPLETE_FISH_ACTION", "")
    if action == "is-args":
        return "", 0 if items else 1
    if action == "get-args" and items:
        return "\n".join(items) + "\n", 0
    return "\n", 0


def run_quickly() -> bool:
    """Answer this Tab press from the index and return True, or return False for
    the full path. A failure here never costs the completion: it falls through."""
    try:
        answer = quick_complete(os.environ)
    except Exception:
        return False
    if answer is None:
        return False
    text, code = answer
    sys.stdout.write(text)
    sys.stdout.flush()
    raise SystemExit(code)
