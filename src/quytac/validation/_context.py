"""
The read-only context a rule is given: the definitions a document refers to, by kind and id.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, TypeVar

import attrs

from quytac._base import Lookup

if TYPE_CHECKING:
    from quytac._documents import Document

__all__ = ["Context", "Definitions"]

T = TypeVar("T")

#: What a rule is given: any read-only lookup of definitions by kind and id (a ``Workspace``,
#: ``Definitions``).
Context = Lookup


@attrs.frozen(eq=False)
class Definitions:
    """
    A context of a handful of documents that are in no workspace: what a rule looks up when it
    runs on one document (``issues_of(report, Definitions.of(plan, catalog, outline))``).

    The first document of a kind with an id is the one found. Hashed by identity, like a
    workspace, so what rules work out once per context is kept per context.

    Attributes:
        documents: The documents, in the order given.

    .. versionadded:: 2026.12.0
    """

    documents: tuple[Document, ...]

    @classmethod
    def of(cls, *documents: Document) -> Definitions:
        """
        A context of the documents given.
        """
        return cls(tuple(documents))

    @functools.cached_property
    def _index(self) -> dict[tuple[str, str], Document]:
        index: dict[tuple[str, str], Document] = {}
        for document in self.documents:
            index.setdefault((type(document).kind, document.id), document)
        return index

    def get(self, cls: type[T], id: str) -> T | None:  # noqa: A002 - the YAML key is "id"
        """
        The document of a kind with an id, or None.
        """
        document = self._index.get((cls.kind, id))  # type: ignore[attr-defined]
        return document if isinstance(document, cls) else None

    def all(self, cls: type[T]) -> tuple[T, ...]:
        """
        Every document of a kind, in the order given.
        """
        return tuple(doc for doc in self.documents if isinstance(doc, cls))
