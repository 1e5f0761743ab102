"""Write user files atomically and never overwrite one without --force."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from advisor.errors import UsageProblem

if TYPE_CHECKING:
    from advisor.views.blocks import Document


STDOUT = "-"


def is_stdout(path: Path | None) -> bool:
    """`-` as a file name means standard output."""
    return path is not None and str(path) == STDOUT


def check_writable(path: Path, force: bool) -> None:
    """Fail early (before any prompting) if `path` exists and --force was not given."""
    if is_stdout(path):
        return
    if path.is_dir():
        raise UsageProblem(f"{path}: is a folder; give a file name")
    if path.exists() and not force:
        raise UsageProblem(f"{path}: already exists; pass --force to overwrite it")


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
    check_writable(path, force)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise UsageProblem(f"{path}: cannot write here: {exc.strerror}") from None
    tmp = Path(tmp_name)
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private; give it normal rights
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if force:
            os.replace(tmp, path)
        else:
            try:
                os.link(tmp, path)
            except FileExistsError:
                raise UsageProblem(
                    f"{path}: already exists; pass --force to overwrite it"
                ) from None
            except OSError:
                if path.exists():
                    raise UsageProblem(
                        f"{path}: already exists; pass --force to overwrite it"
                    ) from None
                os.replace(tmp, path)
    except OSError as exc:
        raise UsageProblem(f"{path}: cannot write: {exc.strerror}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def write_report(doc: Document, path: Path, force: bool) -> None:
    """`--report FILE.md` or `FILE.html`: the format follows the file name
    (`--report -` prints Markdown)."""
    suffix = ".md" if is_stdout(path) else path.suffix.lower()
    if suffix not in (".md", ".html", ".htm"):
        raise UsageProblem(f"--report: {path} should end in .md or .html")
    if suffix == ".md":
        from advisor.render.markdown import to_markdown

        text = to_markdown(doc)
    else:
        from advisor.render.html import to_html

        text = to_html(doc)
    write_atomically(path, text, force)
    if not is_stdout(path):
        sys.stderr.write(f"Report written to {path}\n")


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
