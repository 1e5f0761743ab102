"""The user's cache folder, where advisor keeps what it can rebuild: Tab's index
of names (completion_index.py) and the knowledge base's snapshot
(knowledge/snapshot.py). Both are named by a hash of what they were made from,
so an edited file or another version of advisor simply gets a new one, and both
are written atomically, or silently not at all when the folder cannot be written.

Only `os` is imported at the top: a Tab press reads its index through here.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping

KEY_LIMIT = 16 * 1024 * 1024  # bytes: a larger file is left to the full path (and its limit)


def content_key(folder: str, names: Iterable[str], salt: str) -> str | None:
    """A hash of `salt` and the named files in `folder` (a missing one counts as
    absent); None when one is not a regular file or is too large, so the caller
    goes the long way, which says why."""
    import stat
    from _blake2 import blake2b  # hashlib without loading OpenSSL: a Tab press is short

    digest = blake2b(salt.encode(), digest_size=16)
    for name in names:
        path = os.path.join(folder, name)
        try:
            info = os.stat(path)
        except FileNotFoundError:
            digest.update(f"\0{name}\0absent\0".encode())
            continue
        except OSError:
            return None
        if not stat.S_ISREG(info.st_mode) or info.st_size > KEY_LIMIT:
            return None
        try:
            with open(path, "rb") as handle:
                content = handle.read(KEY_LIMIT + 1)
        except OSError:
            return None
        digest.update(f"\0{name}\0{len(content)}\0".encode())
        digest.update(content)
    return digest.hexdigest()


def cache_file(kind: str, name: str, environ: Mapping[str, str]) -> str | None:
    """`name`'s place under advisor's cache folder (XDG), or None without a home."""
    base = environ.get("XDG_CACHE_HOME") or ""
    if not os.path.isabs(base):
        home = environ.get("HOME") or os.path.expanduser("~")
        if not os.path.isabs(home):
            return None
        base = os.path.join(home, ".cache")
    return os.path.join(base, "advisor", kind, name)


def write_atomically(path: str, content: bytes) -> None:
    """Write `content` to `path` through a temporary file in the same folder, so a
    reader sees the old file or the new one, never half of one; nothing at all
    when the folder cannot be made or written."""
    import tempfile

    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(content)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        pass
