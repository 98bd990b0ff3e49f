"""
Administrative units and the catalogs that list them for an era.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING, ClassVar

import attrs

from . import _messages
from ._base import Definition
from ._checks import non_empty_text
from .errors import Issue
from .text import Text

if TYPE_CHECKING:
    from collections.abc import Iterator

    from .workspace import Workspace

__all__ = ["Unit", "UnitCatalog", "UnitKind", "UnitLevel"]


class UnitLevel(enum.StrEnum):
    """
    Where a kind of unit sits in government.

    .. versionadded:: 2026.11.0
    """

    PROVINCE = "province"
    DISTRICT = "district"
    COMMUNE = "commune"
    AGENCY = "agency"
    PLACE = "place"


@attrs.frozen(kw_only=True)
class UnitKind:
    """
    A kind of unit (quận, phường, sở, chợ ...) with its level and the era in which it exists.

    Attributes:
        id: The kind's id as used in ``Unit.kind`` (``quan``, ``phuong``, ``so``).
        label: Its name.
        level: Province, district, commune, agency or place.
        valid_from: First day the kind exists, or None (always has).
        valid_to: Last day the kind exists, or None (still does).

    .. versionadded:: 2026.11.0
    """

    id: str = attrs.field(validator=non_empty_text)
    label: Text
    level: UnitLevel
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None


@attrs.frozen(kw_only=True)
class Unit:
    """
    One administrative unit, agency or public place.

    Attributes:
        code: Official code as text (leading zeros matter: "00004"), or a stable slug for units
            that have none (departments, public places).
        name: The unit's name.
        kind: Id of its unit kind.
        parent: Code of the unit it belongs to, or None for the top.
        place_type: For a public place, what sort of place (``cho``, ``di_tich`` ...).
        valid_from: First day the unit exists, when it is not the catalog's.
        valid_to: Last day the unit exists, when it is not the catalog's.
        successor: Code of the unit that took it over (the 2025 mergers).
        verified: False for facts not yet checked against an official source.

    .. versionadded:: 2026.11.0
    """

    code: str = attrs.field(validator=non_empty_text)
    name: Text
    kind: str = attrs.field(validator=non_empty_text)
    parent: str | None = None
    place_type: str | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    successor: str | None = None
    verified: bool = True


@attrs.frozen(kw_only=True)
class UnitCatalog(Definition):
    """
    The units of a territory during an era, with any kinds beyond the built-in ones.

    Attributes:
        valid_from: First day of the era the catalog describes.
        valid_to: Last day of the era, or None (still current).
        unit_kinds: Kinds the catalog adds to the built-in vocabulary.
        units: The units.

    .. versionadded:: 2026.11.0
    """

    kind: ClassVar[str] = "UnitCatalog"

    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    unit_kinds: tuple[UnitKind, ...] = ()
    units: tuple[Unit, ...] = ()

    def issues(self, workspace: Workspace | None = None) -> Iterator[Issue]:  # noqa: ARG002
        """
        The rules a catalog must keep, as issues with paths into the catalog.

        .. versionadded:: 2026.11.0
        """
        codes = {unit.code for unit in self.units}
        for position, unit in enumerate(self.units):
            if unit.parent is not None and unit.parent not in codes:
                yield _messages.make(
                    Issue, "QT201", ("units", position, "parent"), parent=repr(unit.parent)
                )
