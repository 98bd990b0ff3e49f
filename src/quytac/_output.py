"""
The file a command writes (``--output FILE``): whole or untouched, and never one it reads.

The text goes to a temporary file in the target's folder, renamed onto the target only when
the command has finished; a command that stops (a usage error, Ctrl-C) leaves the old file as
it was, and two commands writing one file leave one output or the other, never a mixture.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import os
import secrets
import stat
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

#: A new file gets the permissions ``open()`` gives (``0o666`` less the umask).
_NEW_MODE = 0o666
#: Names are cut so that the temporary name stays under the 255 bytes of a file name.
_NAME_KEPT = 120
#: The folders of the system's own names for open streams and devices.
_SPECIAL = ("/dev/", "/proc/")
#: Links followed before giving up (as the system does).
_MAX_LINKS = 40
#: The last code point written as one ``\\u`` escape.
_BMP = 0xFFFF


def _escaped(error: UnicodeError) -> tuple[str, int]:
    """
    What an encoding cannot write, as ``\\u`` escapes of four hex digits (a surrogate pair
    beyond U+FFFF):
    readable in text, and in JSON the same string (JSON's own escape), so JSON output stays
    valid and exact under any encoding.
    """
    if not isinstance(error, UnicodeEncodeError):
        raise error
    escapes = []
    for char in error.object[error.start : error.end]:
        code = ord(char)
        if code > _BMP:
            code -= _BMP + 1
            escapes.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            escapes.append(f"\\u{code:04x}")
    return "".join(escapes), error.end


#: The error handler of quytac's streams (stdout, stderr, ``--output``).
ESCAPE = "quytac-escape"
codecs.register_error(ESCAPE, _escaped)


def clash(output: str, files: Iterable[str], folders: Iterable[str]) -> str | None:
    """
    The input ``output`` would overwrite, or the folder being read it lies in; None if none.

    ``files`` are the files read (the output is one of them when it is the same file: by path,
    through a symbolic link or as a hard link); ``folders`` the folders read (an output inside
    one would be read back).
    """
    target = os.path.realpath(output)
    for folder in folders:
        top = os.path.realpath(folder)
        if os.path.commonpath([target, top]) == top:
            return folder
    try:
        written = Path(output).stat()
    except OSError:
        return None  # a new file cannot be an input
    for file in files:
        with contextlib.suppress(OSError):
            if os.path.samestat(written, Path(file).stat()):
                return file
    return None


@contextlib.contextmanager
def replaced(path: str) -> Iterator[TextIO]:
    """
    A stream whose text replaces the file ``path`` when the ``with`` block ends without an
    exception, or is thrown away when it raises.

    A symbolic link is written through (the file it names is replaced). The file keeps its
    permissions and, where the writer may give it, its owner; a new file gets those of
    ``open()``. A device or a pipe (``/dev/null``, ``/dev/stdout``, a FIFO) is written as the
    text comes: it cannot be replaced.

    Raises:
        OSError: When the file cannot be written (a folder, no such folder, no permission):
            before the block runs, so nothing is lost.
    """
    given = Path(path)
    try:
        old: os.stat_result | None = given.stat()
    except FileNotFoundError:
        old = None
    if old is not None and stat.S_ISDIR(old.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), path)
    if old is not None and (not stat.S_ISREG(old.st_mode) or _special(given)):
        with given.open("w", encoding="utf-8", errors=ESCAPE) as stream:
            yield stream
        return
    if old is not None and not os.access(given, os.W_OK):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), path)
    target = Path(os.path.realpath(given))
    descriptor, temporary = _temporary(target, old)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", errors=ESCAPE) as stream:
            yield stream
            try:
                stream.flush()
                os.fsync(stream.fileno())
            except OSError as exc:
                raise OSError(exc.errno, exc.strerror, path) from exc
        try:
            temporary.replace(target)
        except OSError as exc:  # an error of the output, named so (not of its temporary file)
            raise OSError(exc.errno, exc.strerror, path) from exc
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _special(path: Path) -> bool:
    """
    Whether a path is, or links to, a name of the system's (``/dev/stdout``, ``/dev/fd/3``,
    ``/proc/self/fd/1``): such a name stands for a stream already open, even when that stream
    is a regular file (``quytac ... --output /dev/stdout >> log``), so it is not replaced.
    """
    for _ in range(_MAX_LINKS):
        path = path.absolute()
        if str(path).startswith(_SPECIAL):
            return True
        if not path.is_symlink():
            return False
        path = path.parent / path.readlink()
    return True


def _temporary(target: Path, old: os.stat_result | None) -> tuple[int, Path]:
    """
    A new hidden file next to the target (left out of workspaces), open for writing, with the
    target's permissions and owner, or those of a new file.
    """
    while True:
        temporary = target.with_name(f".{target.name[:_NAME_KEPT]}.{secrets.token_hex(4)}.tmp")
        try:
            descriptor = os.open(
                temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, _NEW_MODE if old is None else 0o600
            )
        except FileExistsError:
            continue
        break
    if old is not None:
        try:
            with contextlib.suppress(PermissionError):
                os.fchown(descriptor, old.st_uid, old.st_gid)
            os.fchmod(descriptor, stat.S_IMODE(old.st_mode))
        except BaseException:
            os.close(descriptor)
            temporary.unlink()
            raise
    return descriptor, temporary
