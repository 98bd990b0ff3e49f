"""
A workspace: the documents of a folder, indexed by (kind, id), with their cross-references.
"""

from __future__ import annotations

import errno
import functools
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from . import _messages
from ._documents import SUFFIXES, Document, Loaded, Origin, file_source
from .errors import Finding, Issue, LoadError, Problem

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

__all__ = ["Workspace"]

T = TypeVar("T")
F = TypeVar("F", bound=Finding)


def walk(
    paths: Iterable[str | os.PathLike[str]], suffixes: Iterable[str] = SUFFIXES
) -> tuple[list[str], list[Problem]]:
    """
    The files to read under the paths, and a problem for each entry of a folder left unread.

    A path that is not a folder is read as it is named (reading says what is wrong with it).
    A folder gives every file under it whose name ends with one of ``suffixes``, sorted, without
    hidden files and folders (``.git``, ``.venv``) and JSON Schemas (``*.schema.json``). A link
    to a folder is walked as the folder, once: a folder reached again (through a second link,
    or a link to one of its own parents) is not walked again, so a loop of links ends. A file
    reached twice is read once. Left unread, each with a problem at its path: a folder or entry
    that cannot be listed or looked at (QT014, an error), a link that leads to nothing (QT112)
    and a pipe, socket or device (QT113), both warnings.
    """
    named = tuple(suffixes)
    found: list[str] = []
    problems: list[Problem] = []
    seen: set[object] = set()
    walked: set[tuple[int, int]] = set()
    for path in paths:
        top = Path(path)
        try:
            status = top.stat()
        except OSError:
            files = iter([(top, _key(top))])
        else:
            if stat.S_ISDIR(status.st_mode):
                files = _folder(top, _identity(status), named, walked, problems)
            else:
                files = iter([(top, _identity(status))])
        for file, key in files:
            if key not in seen:
                seen.add(key)
                found.append(os.fspath(file))
    return found, problems


def _identity(status: os.stat_result) -> tuple[int, int]:
    """
    What tells a file or folder from any other however it is reached: its device and inode.
    """
    return (status.st_dev, status.st_ino)


def _key(path: Path) -> object:
    """
    The identity of a path named that cannot be looked at: its real path.
    """
    return os.path.realpath(path)


def _folder(
    top: Path,
    identity: tuple[int, int],
    suffixes: tuple[str, ...],
    walked: set[tuple[int, int]],
    problems: list[Problem],
) -> Iterator[tuple[Path, tuple[int, int]]]:
    """
    The files to read under a folder with their identities, depth first in sorted order (as
    paths sort), without recursion: a tree as deep as paths allow is walked.
    """
    pending = [_listing(top, identity, walked, problems)]
    while pending:
        child = next(pending[-1], None)
        if child is None:
            pending.pop()
            continue
        path, entry = child
        try:
            status = entry.stat()
        except OSError as exc:
            if _may_hold(entry.name, suffixes):
                problems.extend(_unlooked(path, entry, exc))
            continue
        if stat.S_ISDIR(status.st_mode):
            pending.append(_listing(path, _identity(status), walked, problems))
        elif _named(entry.name, suffixes):
            if stat.S_ISREG(status.st_mode):
                yield path, _identity(status)
            else:
                problems.append(_unread("QT113", path))


def _listing(
    folder: Path, identity: tuple[int, int], walked: set[tuple[int, int]], problems: list[Problem]
) -> Iterator[tuple[Path, os.DirEntry[str]]]:
    """
    The entries of a folder that are not hidden, sorted by name; none when the folder was
    walked already or cannot be listed (a problem then says so).
    """
    if identity in walked:
        return iter(())
    walked.add(identity)
    try:
        with os.scandir(folder) as listed:
            entries = sorted(
                (entry for entry in listed if not entry.name.startswith(".")),
                key=lambda entry: entry.name,
            )
    except OSError as exc:
        problems.append(_unread("QT014", folder, **_messages.os_detail(exc)))
        return iter(())
    return ((folder / entry.name, entry) for entry in entries)


def _named(name: str, suffixes: tuple[str, ...]) -> bool:
    """
    Whether a file of this name is read: its suffix is one of ``suffixes`` and it is not a
    JSON Schema.
    """
    return Path(name).suffix.lower() in suffixes and not name.endswith(".schema.json")


def _may_hold(name: str, suffixes: tuple[str, ...]) -> bool:
    """
    Whether an entry that cannot be looked at could have been read: a file of a name that is
    read, or a folder (a name without a suffix).
    """
    return _named(name, suffixes) or not Path(name).suffix


#: What ``stat`` of a link that leads to nothing fails with: no target, a file where its path
#: needs a folder, a loop of links.
_NOWHERE = (errno.ENOENT, errno.ENOTDIR, errno.ELOOP)


def _unlooked(path: Path, entry: os.DirEntry[str], exc: OSError) -> list[Problem]:
    """
    The problem of an entry that was listed but cannot be looked at: a link that leads to
    nothing, or an entry the reader may not see (none for an entry gone since it was listed).
    """
    if exc.errno in _NOWHERE and entry.is_symlink():
        try:
            target = os.fspath(path.readlink())
        except OSError:
            target = "?"
        return [_unread("QT112", path, target=repr(target))]
    if exc.errno == errno.ENOENT:
        return []
    return [_unread("QT014", path, **_messages.os_detail(exc))]


def _unread(code: str, path: Path, **params: object) -> Problem:
    return _messages.make(Problem, code, (), **params).located(os.fspath(path))


def read_paths(
    paths: Iterable[str | os.PathLike[str]],
) -> tuple[list[tuple[Any, Origin]], list[Problem]]:
    """
    Every document under the paths with where it came from, and every problem, duplicate ids
    and the entries ``walk`` could not read included; documents with problems are left out.
    """
    files, unread = walk(paths)
    documents, problems = read_files(files)
    return documents, unread + problems


def read_files(
    files: Iterable[str], *, shown: Callable[[str], str] | None = None
) -> tuple[list[tuple[Any, Origin]], list[Problem]]:
    """
    Every document of the files with where it came from, and every problem, duplicate ids
    included. ``shown`` gives the name problems and origins use for a file (its path by
    default).
    """
    documents: list[tuple[Any, Origin]] = []
    problems: list[Problem] = []
    first: dict[tuple[str, str], Origin] = {}
    for file in files:
        item: Loaded
        for item in file_source(file, source=shown(file) if shown else None):
            if item.problems:
                problems += item.problems
                continue
            document = item.document
            key = (type(document).kind, document.id)
            if key in first:
                problems.append(_duplicate(key, first[key], item.origin))
                continue
            first[key] = item.origin
            documents.append((document, item.origin))
    return documents, problems


def _duplicate(key: tuple[str, str], first: Origin, again: Origin) -> Problem:
    first_where = first.marks([("id",)]).at_key(("id",))
    named = first.source + (f":{first_where[0]}" if first_where else "")
    found = _messages.make(Problem, "QT109", ("id",), kind=key[0], id=repr(key[1]), first=named)
    where = again.marks([("id",)]).at_value(("id",))
    return found.located(again.source, *where) if where else found.located(again.source)


@attrs.frozen(eq=False)
class Workspace:
    """
    Documents indexed by (kind, id), each remembering where it was read.

    Build one with ``Workspace.load(folder)`` or ``Workspace.of(*documents)``.

    Attributes:
        documents: Every document, in the order read (files sorted by path).

    .. versionadded:: 2026.11.0
    """

    documents: tuple[Document, ...]
    _origins: tuple[Origin | None, ...] = attrs.field(alias="origins", repr=False)

    @classmethod
    def load(cls, *paths: str | os.PathLike[str]) -> Workspace:
        """
        Every ``.yaml``, ``.yml`` and ``.json`` file under the folders (or the files) given.

        Raises:
            LoadError: With every problem of every file, each duplicate id (naming both
                places) and each entry of a folder left unread (``walk``: a folder that cannot
                be listed, a link that leads nowhere, a pipe); no partial workspace is returned.

        .. versionchanged:: 2026.11.0
           Links to folders are followed, once; what a folder holds that cannot be read is
           a problem, not skipped.
        """
        documents, problems = read_paths(paths)
        if problems:
            raise LoadError(problems)
        return cls.of_read(documents)

    @classmethod
    def of_read(cls, documents: Iterable[tuple[Document, Origin]]) -> Workspace:
        """
        A workspace of documents as ``read_files`` gives them, each with where it came from.
        """
        pairs = list(documents)
        return cls(
            documents=tuple(doc for doc, _ in pairs), origins=tuple(origin for _, origin in pairs)
        )

    @classmethod
    def of(cls, *documents: Document) -> Workspace:
        """
        A workspace of documents made in Python (they have no source file).

        Raises:
            LoadError: When two documents of one kind share an id.
        """
        seen: set[tuple[str, str]] = set()
        problems = []
        for document in documents:
            key = (type(document).kind, document.id)
            if key in seen:
                found = _messages.make(
                    Problem, "QT109", ("id",), kind=key[0], id=repr(key[1]), first="this workspace"
                )
                problems.append(found.located(_name(document)))
            seen.add(key)
        if problems:
            raise LoadError(problems)
        return cls(documents=tuple(documents), origins=(None,) * len(documents))

    @functools.cached_property
    def _index(self) -> dict[tuple[str, str], int]:
        return {(type(doc).kind, doc.id): i for i, doc in enumerate(self.documents)}

    def get(self, cls: type[T], id: str) -> T | None:  # noqa: A002 - the YAML key is "id"
        """
        The document of a kind with an id, or None.
        """
        position = self._index.get((cls.kind, id))  # type: ignore[attr-defined]
        if position is None:
            return None
        document = self.documents[position]
        return document if isinstance(document, cls) else None

    def all(self, cls: type[T]) -> tuple[T, ...]:
        """
        Every document of a kind, in the order read.
        """
        return tuple(doc for doc in self.documents if isinstance(doc, cls))

    def __iter__(self) -> Iterator[Document]:
        return iter(self.documents)

    def __len__(self) -> int:
        return len(self.documents)

    def origin(self, document: Document) -> Origin | None:
        """
        Where a document of this workspace was read, or None if it was made in Python.
        """
        position = self._index.get((type(document).kind, document.id))
        return None if position is None else self._origins[position]

    def locate(self, document: Document, findings: Iterable[F]) -> list[F]:
        """
        Findings about a document, placed at its file, line and column (one pass over the
        document's text for all of them).
        """
        return locate(document, self.origin(document), findings)

    def validate(self) -> tuple[Issue, ...]:
        """
        Every rule of every document, as issues with locations, sorted by place
        (``quytac.validation.validate``).
        """
        if _rules is None:  # pragma: no cover - importing quytac imports the rules
            msg = "the rules are not loaded: import quytac.validation"
            raise RuntimeError(msg)
        return _rules(self)


#: What ``Workspace.validate`` runs: ``quytac.validation.validate``, which sets it when it is
#: imported (and importing quytac imports it). The rules sit above the workspace, so the
#: workspace never imports them.
_rules: Callable[[Workspace], tuple[Issue, ...]] | None = None


def use_rules(validate: Callable[[Workspace], tuple[Issue, ...]]) -> None:
    """
    Have ``Workspace.validate`` run ``validate``: called once, by ``quytac.validation``.
    """
    global _rules  # noqa: PLW0603 - one slot, set once at import
    _rules = validate


def locate(document: Document, origin: Origin | None, findings: Iterable[F]) -> list[F]:
    """
    Findings about a document read at ``origin``, placed at their file, line and column, at
    the value of their path (one pass over the document's text for all of them); a document
    made in Python (no origin) is named ``<Kind id>``.
    """
    found = list(findings)
    if origin is None:
        return [finding.located(_name(document)) for finding in found]
    if not found:
        return []
    marks = origin.marks([finding.path for finding in found])
    placed = []
    for finding in found:
        where = marks.at_value(finding.path)
        if where is None:
            placed.append(finding.located(origin.source))
        else:
            placed.append(finding.located(origin.source, *where))
    return placed


def _name(document: Document) -> str:
    return f"<{type(document).kind} {document.id}>"
