"""
What every document kind has: the envelope (kind, schema) is handled by the converter; the
definitions carry an id, a title and an edition.
"""

from __future__ import annotations

from typing import ClassVar

import attrs

from ._checks import at_least_one, identifier
from .text import Text

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
