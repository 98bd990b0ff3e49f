"""
What every document kind has: the envelope (kind, schema) is handled by the converter; the
definitions carry an id, a title and an edition.
"""

from __future__ import annotations

from typing import ClassVar, Protocol, TypeVar

import attrs

from ._checks import at_least_one, identifier
from .text import Text

T = TypeVar("T")

#: The one format version this release reads and writes.
SCHEMA: str = "quytac/v1"


@attrs.frozen(kw_only=True)
class Definition:
    """
    A document that others refer to by id: a unit catalog, a code, a checklist, an outline, a plan.

    Attributes:
        id: Unique per kind in a workspace: lower-case letters, digits, ``.``, ``_``, ``-``.
        title: What it is called.
        version: Its own edition (1, 2, ...); reports and records pin the edition they used.
    """

    kind: ClassVar[str] = ""

    id: str = attrs.field(validator=identifier)
    title: Text
    version: int = attrs.field(default=1, validator=at_least_one)


class Lookup(Protocol):
    """
    Read-only access to definitions by kind and id: what a rule or a query that follows a
    reference needs. A ``Workspace`` is one; so is ``quytac.validation.Definitions``.

    .. versionadded:: 2026.12.0
    """

    def __hash__(self) -> int:
        """
        Hashed by identity: what is worked out once per context is kept per context.
        """

    def get(self, cls: type[T], id: str) -> T | None:  # noqa: A002 - the YAML key is "id"
        """
        The document of a kind with an id, or None.
        """

    def all(self, cls: type[T]) -> tuple[T, ...]:
        """
        Every document of a kind.
        """
