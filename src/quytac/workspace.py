"""
A workspace: the documents of a folder, indexed by (kind, id), with their cross-references.
"""

from __future__ import annotations

import functools
import os
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


def _files(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """
    The files to read: each file named, and every YAML or JSON file under each folder, sorted;
    hidden files and folders (``.git``, ``.venv``) and JSON Schemas (``*.schema.json``) are not
    documents and are left out. A file named twice is read once.
    """
    found: list[str] = []
    seen: set[Path] = set()
    for path in paths:
        top = Path(path)
        if top.is_dir():
            files = sorted(
                file
                for file in top.rglob("*")
                if file.suffix.lower() in SUFFIXES
                and not file.name.endswith(".schema.json")
                and not any(part.startswith(".") for part in file.relative_to(top).parts)
                and file.is_file()
            )
        else:
            files = [top]
        for file in files:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                found.append(os.fspath(file))
    return found


def read_paths(
    paths: Iterable[str | os.PathLike[str]],
) -> tuple[list[tuple[Any, Origin]], list[Problem]]:
    """
    Every document under the paths with where it came from, and every problem, duplicate ids
    included; documents with problems are left out.
    """
    return read_files(_files(paths))


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
            LoadError: With every problem of every file, and each duplicate id (naming both
                places); no partial workspace is returned.
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
        Every rule of every document, as issues with locations, sorted by place.
        """
        from .validation import validate  # noqa: PLC0415 - the rules import the workspace

        return validate(self)


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
