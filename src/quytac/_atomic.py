"""
Replacing a file's content all at once: a reader sees the old content or the new, never a part.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

__all__ = ["replace_file"]


def replace_file(path: str | os.PathLike[str], data: bytes) -> None:
    """
    Write ``data`` as the whole content of the file at ``path``.

    The bytes go to a temporary file in the same folder, are flushed to the disk, and the
    temporary file is then renamed over the file (``os.replace``, atomic on one file system).
    The file keeps its permissions (and its owner, when the system allows); a symbolic link
    keeps pointing at it, since the file it names is the one replaced. When anything fails
    the file is left as it was and the temporary file is removed.

    Raises:
        OSError: When the file or its folder cannot be written (a read-only file is not
            replaced, as ``open(path, "w")`` would not write it), or the disk is full.
    """
    target = Path(os.path.realpath(path))
    if target.exists() and not os.access(target, os.W_OK):
        # Renaming over it would succeed: refuse as opening it for writing would.
        raise PermissionError(13, "Permission denied", os.fspath(path))
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        with contextlib.suppress(FileNotFoundError):
            kept = target.stat()
            temporary.chmod(stat.S_IMODE(kept.st_mode))
            with contextlib.suppress(OSError):
                os.chown(temporary, kept.st_uid, kept.st_gid)
        temporary.replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
