"""The one place that opens files and streams a user names for reading:
`--answers` files, the knowledge base's JSON files and its folder (`--data`),
a description on standard input (`--describe -`) and the articles of
`data check --against`; and where text from the command line is made valid.

Only regular files are read, and only up to a size cap, so /dev/zero cannot
exhaust memory and a FIFO with no writer cannot hang the command. A pipe the
shell hands over (`--answers <(...)`, `/dev/stdin`, or `-` for standard input)
is read too, since that is what the person asked for; it is capped the same way.
The JSON is parsed strictly: duplicate keys, nesting too deep and numbers too
long are clear errors rather than a silent choice or a traceback.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import Any

from advisor.errors import AdvisorError, DataError

ANSWERS_LIMIT = 10 * 1024 * 1024  # far beyond any real answers file
DATA_LIMIT = 256 * 1024 * 1024  # a knowledge-base file
ARTICLE_LIMIT = 32 * 1024 * 1024  # an article for `data check --against` (a book is ~1 MB)
WORDS_LIMIT = 64 * 1024  # a description from standard input (far beyond its character limit)


def read_stdin_text(what: str, limit: int = WORDS_LIMIT) -> str:
    """Text from standard input (`--describe -`), capped like every other input;
    bytes that are not UTF-8 become U+FFFD rather than an error later on."""
    from advisor.errors import UsageProblem

    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise UsageProblem(f"{what}: standard input is closed")
    if sys.stdin.isatty():
        raise UsageProblem(f"{what}: pipe the text in, e.g. echo 'what is going on' | advisor ...")
    try:
        raw = stream.read(limit + 1)
    except (OSError, ValueError) as exc:
        raise UsageProblem(f"{what}: cannot read standard input ({exc})") from None
    if len(raw) > limit:
        raise UsageProblem(f"{what}: too long (more than {limit:,} bytes)")
    return bytes(raw).decode("utf-8", errors="replace")


def read_user_file(path: Path, limit: int, error: type[AdvisorError], what: str = "file") -> bytes:
    """The bytes of `path` (`-` is standard input), or `error` saying why not;
    `what` names the file in the not-found message ("answers file"). At most
    `limit` + 1 bytes are ever read."""
    if str(path) == "-":
        return _capped(sys.stdin.buffer.fileno() if sys.stdin else -1, path, limit, error)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise error(f"{path}: {what} not found") from None
    except OSError as exc:
        raise error(f"{path}: cannot read: {exc.strerror}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise error(f"{path}: is a folder, not a file")
        if stat.S_ISREG(info.st_mode):
            if info.st_size > limit:
                raise error(f"{path}: too large ({info.st_size:,} bytes; the limit is {limit:,})")
        elif not (stat.S_ISFIFO(info.st_mode) and _handed_over(path, info)):
            raise error(f"{path}: not a regular file (a device, FIFO or socket); give a file")
        os.set_blocking(fd, True)
        return _capped(fd, path, limit, error)
    finally:
        os.close(fd)


def _handed_over(path: Path, info: os.stat_result) -> bool:
    """True for a pipe the shell passed in (/dev/fd/N, /dev/stdin): it has no name
    on disk. A named FIFO, which may never get a writer, is refused instead."""
    try:
        named = os.stat(os.path.realpath(path))
    except OSError:
        return True
    return (named.st_dev, named.st_ino) != (info.st_dev, info.st_ino)


def _capped(fd: int, path: Path, limit: int, error: type[AdvisorError]) -> bytes:
    if fd < 0:
        raise error(f"{path}: standard input is closed")
    chunks: list[bytes] = []
    size = 0
    try:
        while chunk := os.read(fd, min(1 << 20, limit + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise error(f"{path}: too large (the limit is {limit:,} bytes)")
    except OSError as exc:
        raise error(f"{path}: cannot read: {exc.strerror}") from None
    return b"".join(chunks)


def decoded(raw: bytes) -> str:
    """UTF-8 text with any byte that is not UTF-8 shown as U+FFFD."""
    return raw.decode("utf-8-sig", errors="replace")


def valid_text(text: str) -> str:
    """Command-line text that can be written anywhere: bytes that were not UTF-8
    reach Python as lone surrogates (surrogateescape), which no UTF-8 file or
    stream accepts; they become U+FFFD, as `decoded` does for files."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        raw = text.encode("utf-8", "replace")
    return raw.decode("utf-8", "replace")


def data_folder(path: Path) -> Path:
    """`--data DIR` (or ADVISOR_DATA) as an absolute path, or a DataError saying
    why it has none: a symlink loop, or a relative path after the current
    folder was deleted."""
    try:
        return Path(path).resolve()
    except FileNotFoundError:
        raise DataError(f"{path}: cannot read: the current folder no longer exists") from None
    except RuntimeError:  # Python before 3.13 reports a symlink loop so
        raise DataError(f"{path}: cannot read: Too many levels of symbolic links") from None
    except OSError as exc:
        raise DataError(f"{path}: cannot read: {exc.strerror or exc}") from None


def parse_json(raw: bytes, path: Path, error: type[AdvisorError]) -> Any:
    """Decode UTF-8 (a byte-order mark is allowed) and parse JSON strictly."""
    import json

    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(f"{path}: not UTF-8 text: {exc.reason} at byte {exc.start}") from None
    if not text.strip():
        raise error(f"{path}: the file is empty; it should hold JSON")
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        hint = next((h for start, h in _JSON_HINTS if exc.msg.startswith(start)), "")
        raise error(
            f"{path}: not valid JSON at {where}: {exc.msg[:1].lower()}{exc.msg[1:]}{hint}"
        ) from None
    except RecursionError:
        raise error(f"{path}: not valid JSON: nested too deeply") from None
    except _DuplicateKey as exc:
        raise error(f"{path}: the key {exc.args[0]!r} is given twice") from None
    except ValueError as exc:  # e.g. an integer of thousands of digits
        raise error(f"{path}: not valid JSON: {str(exc).split(';')[0]}") from None


# What the parser's messages usually mean, for someone editing a file by hand.
_AFTER_LAST = " (is there a comma after the last item?)"
_JSON_HINTS = (
    ("Expecting property name", _AFTER_LAST),
    ("Illegal trailing comma", _AFTER_LAST),
    ("Expecting value", " (a value is missing, or there is a comma after the last item)"),
    ("Expecting ',' delimiter", " (a comma is missing between two items)"),
    ("Expecting ':' delimiter", " (a colon is missing after a name)"),
    ("Unterminated string", " (a text has no closing double quote)"),
    ("Extra data", " (something follows the end of the JSON)"),
)


class _DuplicateKey(Exception):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key[:80])
        result[key] = value
    return result
