"""Write user files atomically and never overwrite one without --force.

The one place that checks output paths (`check_outputs`, before any question
is asked) and writes them: only regular files are ever replaced (never a
device, a FIFO or a link to one), a replaced file keeps its permissions and
owner, and no temporary file is left behind, even on SIGTERM or SIGHUP (they
unwind through `finally`, see errors.Terminated).
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from advisor.errors import UsageProblem

if TYPE_CHECKING:
    from advisor.document import Document


STDOUT = "-"


def is_stdout(path: Path | None) -> bool:
    """`-` as a file name means standard output."""
    return path is not None and str(path) == STDOUT


REPORT_SUFFIXES = (".txt", ".md", ".html", ".htm")


def output_path(value: str) -> Path:
    """Parse a --save/--report value: a name ending in `/` means a folder, not a file."""
    if value != STDOUT and value.endswith(("/", os.sep)):
        import typer

        raise typer.BadParameter(f"{value}: ends with '/', which names a folder; give a file name")
    return Path(value)


def check_outputs(force: bool, save: Path | None = None, report: Path | None = None) -> None:
    """Every output path, checked before anything is asked, computed or written."""
    if report is not None and not is_stdout(report):
        check_report_name(report)
    for path in (save, report):
        if path is not None:
            check_writable(path, force)
    if save and report and not is_stdout(save) and _same_file(save, report):
        raise UsageProblem(f"--save and --report name the same file ({save}); give two names")


def check_report_name(path: Path) -> None:
    if path.suffix.lower() not in REPORT_SUFFIXES:
        if path.name.lower() in REPORT_SUFFIXES:
            raise UsageProblem(f"--report: give the file a name before {path.name}")
        raise UsageProblem(f"--report: {path} should end in .txt, .md or .html")


def _same_file(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:
        return os.path.abspath(one) == os.path.abspath(other)


def check_writable(path: Path, force: bool) -> os.stat_result | None:
    """Fail early (before any prompting) unless `path` can be written; return what is
    there now (following a link), or None if nothing is.

    Only a regular file is ever replaced, and only with --force; a symlink to one
    is replaced by the new file, never written through.
    """
    if is_stdout(path):
        return None
    try:
        info: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise UsageProblem(f"{path}: cannot write: {exc.strerror}") from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise UsageProblem(f"{path}: is a folder; give a file name")
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise UsageProblem(
            f"{path}: not a regular file (a device, FIFO or socket); advisor only writes "
            "regular files, so give another name"
        )
    if (info is not None or os.path.lexists(path)) and not force:
        raise _exists(path)
    if info is not None and not info.st_mode & 0o222:
        raise UsageProblem(f"{path}: is read-only; make it writable first, or give another name")
    folder = path.parent
    if not folder.is_dir():
        raise UsageProblem(f"{path}: cannot write here: the folder {folder} does not exist")
    return info


def _exists(path: Path) -> UsageProblem:
    return UsageProblem(f"{path}: already exists; pass --force to overwrite it")


def write_atomically(path: Path, text: str, force: bool) -> None:
    """Write to a temporary file beside `path`, then move it into place.

    Without `force` the final step is a hard link, which fails if the file
    appeared meanwhile, so nothing a user has is ever replaced by accident.
    Whatever happens, no temporary file is left behind.
    """
    if is_stdout(path):
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    before = check_writable(path, force)
    import tempfile

    folder = path.parent if str(path.parent) else Path(".")
    try:
        # A short fixed prefix, so that a name near the 255-byte limit still fits.
        fd, tmp_name = tempfile.mkstemp(prefix=".advisor-", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise UsageProblem(f"{path}: cannot write here: {exc.strerror}") from None
    tmp = Path(tmp_name)
    try:
        _same_rights(fd, before)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if force:
            check_writable(path, force)  # still nothing but a regular file there
            os.replace(tmp, path)
        else:
            try:
                os.link(tmp, path)
            except FileExistsError:
                raise _exists(path) from None
            except OSError:
                if path.exists():
                    raise _exists(path) from None
                os.replace(tmp, path)
    except OSError as exc:
        raise UsageProblem(f"{path}: cannot write: {exc.strerror}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def write_report(doc: Document, path: Path, force: bool, announce: bool = True) -> None:
    """`--report FILE.txt`, `FILE.md` or `FILE.html`: the format follows the file name
    (`--report -` prints Markdown). `announce` says where it went on stderr (not
    when the result on the same screen says so already)."""
    suffix = ".md" if is_stdout(path) else path.suffix.lower()
    if not is_stdout(path):
        check_report_name(path)
    if suffix == ".md":
        from advisor.render.markdown import to_markdown

        text = to_markdown(doc)
    elif suffix == ".txt":
        from advisor.render.text import to_text

        text = to_text(doc)
    else:
        from advisor.render.html import to_html

        text = to_html(doc)
    write_atomically(path, text, force)
    if announce and not is_stdout(path):
        from advisor.render.console import print_note

        print_note(f"Report saved to {path.absolute()}")


def _same_rights(fd: int, before: os.stat_result | None) -> None:
    """A new file gets the usual rights (mkstemp makes it private); a replaced one
    keeps its permissions and, where allowed, its owner, so --force never makes a
    private file readable by others."""
    if before is None:
        os.fchmod(fd, 0o666 & ~_umask())
        return
    os.fchmod(fd, stat.S_IMODE(before.st_mode))
    if (before.st_uid, before.st_gid) != (os.geteuid(), os.getegid()):
        with contextlib.suppress(OSError):
            os.fchown(fd, before.st_uid, before.st_gid)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
