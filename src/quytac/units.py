"""
Administrative units and the catalogs that list them for an era.

A unit's code means something only together with a date: after the 2025 mergers, Hanoi's new
communes kept codes that smaller units had used before (00070 was Phường Hàng Trống, then
Phường Hoàn Kiếm). A catalog may span eras; each unit lives for the catalog's period unless it
gives its own ``valid_from`` / ``valid_to``, and the lookups that take a code also take a date.
"""

from __future__ import annotations

import bisect
import datetime as dt
import enum
import functools
import types
from typing import TYPE_CHECKING, ClassVar

import attrs

from ._base import Definition, Lookup
from ._checks import non_empty_text
from ._eras import Period, contains, first_sharing_a_day, shown
from .errors import UnitLookupError
from .text import Text

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping


__all__ = [
    "PLACE_TYPES",
    "UNIT_KINDS",
    "PlaceType",
    "Unit",
    "UnitCatalog",
    "UnitKind",
    "UnitLevel",
    "UnitLookupError",
]

#: The first day of two-tier local government (district level abolished, đặc khu created).
TWO_TIER_FROM = dt.date(2025, 7, 1)
_THREE_TIER_TO = TWO_TIER_FROM - dt.timedelta(days=1)


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


#: The levels a unit of each level may hang under (its parent's level).
PARENT_LEVELS: Mapping[UnitLevel, tuple[UnitLevel, ...]] = types.MappingProxyType(
    {
        UnitLevel.PROVINCE: (),
        UnitLevel.DISTRICT: (UnitLevel.PROVINCE,),
        # Under a district until 06/2025, directly under the province from 07/2025.
        UnitLevel.COMMUNE: (UnitLevel.DISTRICT, UnitLevel.PROVINCE),
        UnitLevel.AGENCY: (
            UnitLevel.PROVINCE,
            UnitLevel.DISTRICT,
            UnitLevel.COMMUNE,
            UnitLevel.AGENCY,
        ),
        UnitLevel.PLACE: (UnitLevel.COMMUNE,),
    }
)

#: How many digits an official code has, by level.
CODE_DIGITS: Mapping[UnitLevel, int] = types.MappingProxyType(
    {UnitLevel.PROVINCE: 2, UnitLevel.DISTRICT: 3, UnitLevel.COMMUNE: 5}
)

#: Levels in Vietnamese, for messages.
LEVEL_VI: Mapping[UnitLevel, str] = types.MappingProxyType(
    {
        UnitLevel.PROVINCE: "cấp tỉnh",
        UnitLevel.DISTRICT: "cấp huyện",
        UnitLevel.COMMUNE: "cấp xã",
        UnitLevel.AGENCY: "cơ quan",
        UnitLevel.PLACE: "địa điểm",
    }
)


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
        official: Whether units of the kind carry an official numeric code (2, 3 or 5 digits
            by level); true for the built-in territorial kinds.

    .. versionadded:: 2026.11.0
    """

    id: str = attrs.field(validator=non_empty_text)
    label: Text
    level: UnitLevel
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    official: bool = False

    def exists_on(self, day: dt.date) -> bool:
        """
        Whether the kind exists on a day.
        """
        return contains((self.valid_from, self.valid_to), day)


@attrs.frozen(kw_only=True)
class PlaceType:
    """
    A sort of public place (chợ, di tích, công viên ...), named by a public place's
    ``place_type`` and by a rule of a code that is about such places.

    Attributes:
        id: The place type's id (``cho``, ``di_tich``).
        label: Its name.

    .. versionadded:: 2026.11.0
    """

    id: str = attrs.field(validator=non_empty_text)
    label: Text


def _kind(  # noqa: PLR0913, PLR0917 - one line per built-in kind reads best
    id_: str,
    vi: str,
    en: str,
    level: UnitLevel,
    valid_from: dt.date | None = None,
    valid_to: dt.date | None = None,
    *,
    official: bool = False,
) -> UnitKind:
    return UnitKind(
        id=id_,
        label=Text(vi=vi, en=en),
        level=level,
        valid_from=valid_from,
        valid_to=valid_to,
        official=official,
    )


_P, _D, _C, _A, _L = (
    UnitLevel.PROVINCE,
    UnitLevel.DISTRICT,
    UnitLevel.COMMUNE,
    UnitLevel.AGENCY,
    UnitLevel.PLACE,
)

#: The national vocabulary of unit kinds, by id, with level and era.
UNIT_KINDS: Mapping[str, UnitKind] = types.MappingProxyType(
    {
        kind.id: kind
        for kind in (
            _kind("tinh", "Tỉnh", "Province", _P, official=True),
            _kind(
                "thanh_pho_tw",
                "Thành phố trực thuộc trung ương",
                "Centrally governed city",
                _P,
                official=True,
            ),
            _kind("quan", "Quận", "Urban district", _D, None, _THREE_TIER_TO, official=True),
            _kind("huyen", "Huyện", "Rural district", _D, None, _THREE_TIER_TO, official=True),
            _kind("thi_xa", "Thị xã", "Town", _D, None, _THREE_TIER_TO, official=True),
            _kind(
                "thanh_pho_thuoc_tinh",
                "Thành phố thuộc tỉnh",
                "Provincial city",
                _D,
                None,
                _THREE_TIER_TO,
                official=True,
            ),
            _kind(
                "thanh_pho_thuoc_tp",
                "Thành phố thuộc thành phố trực thuộc trung ương",
                "City within a centrally governed city",
                _D,
                None,
                _THREE_TIER_TO,
                official=True,
            ),
            _kind("xa", "Xã", "Rural commune", _C, official=True),
            _kind("phuong", "Phường", "Ward", _C, official=True),
            _kind("thi_tran", "Thị trấn", "Township", _C, None, _THREE_TIER_TO, official=True),
            _kind("dac_khu", "Đặc khu", "Special zone", _C, TWO_TIER_FROM, official=True),
            _kind("so", "Sở", "Department", _A),
            _kind("ban", "Ban", "Board", _A),
            _kind("nganh", "Ngành", "Branch", _A),
            _kind("don_vi_su_nghiep", "Đơn vị sự nghiệp công lập", "Public service unit", _A),
            _kind("dia_diem_cong_cong", "Địa điểm công cộng", "Public place", _L),
        )
    }
)


def _place(id_: str, vi: str, en: str) -> PlaceType:
    return PlaceType(id=id_, label=Text(vi=vi, en=en))


#: The built-in sorts of public place, by id.
PLACE_TYPES: Mapping[str, PlaceType] = types.MappingProxyType(
    {
        place.id: place
        for place in (
            _place("cho", "Chợ", "Market"),
            _place("trung_tam_thuong_mai", "Trung tâm thương mại, nhà hàng", "Shopping centre"),
            _place("di_tich", "Di tích lịch sử - văn hóa", "Historic relic site"),
            _place("cong_vien", "Công viên, vườn hoa, quảng trường", "Park, garden or square"),
            _place("nha_ga_ben_xe", "Nhà ga, bến xe, bến tàu, sân bay", "Station or terminal"),
            _place("bao_tang_thu_vien", "Bảo tàng, thư viện, nhà văn hóa", "Museum or library"),
            _place("truong_hoc", "Trường học", "School"),
            _place("benh_vien", "Bệnh viện, cơ sở y tế", "Hospital or clinic"),
            _place(
                "co_so_tin_nguong_ton_giao",
                "Cơ sở tín ngưỡng, tôn giáo",
                "Place of worship",
            ),
            _place("khu_du_lich", "Khu vui chơi, giải trí, du lịch", "Amusement or tourist site"),
            _place("via_he_long_duong", "Vỉa hè, lòng đường", "Sidewalk or roadway"),
        )
    }
)


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
        successor: Code of the unit that took it over (the 2025 mergers): a later unit of this
            catalog, or of the catalog named by the catalog's ``successor_catalog``.
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

    Lookups by code take a date (``on=``) because codes are reused across eras: ``unit(code,
    on=day)`` returns the unit with that code that exists on that day. The lookups that also
    accept a code without a date (``children``, ``ancestors``, ``successors``) raise
    UnitLookupError when the code names more than one unit.

    Attributes:
        valid_from: First day of the era the catalog describes.
        valid_to: Last day of the era, or None (still current).
        successor_catalog: Id of the catalog of the next era, where successor codes that are
            not in this catalog are found.
        unit_kinds: Kinds the catalog adds to the built-in vocabulary.
        place_types: Sorts of public place the catalog adds to the built-in ones.
        units: The units.

    .. versionadded:: 2026.11.0
    """

    kind: ClassVar[str] = "UnitCatalog"

    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    successor_catalog: str | None = None
    unit_kinds: tuple[UnitKind, ...] = ()
    place_types: tuple[PlaceType, ...] = ()
    units: tuple[Unit, ...] = ()

    # --- periods and kinds ----------------------------------------------------------------

    def period_of(self, unit: Unit) -> Period:
        """
        The first and last day of a unit (its own, or the catalog's); None where open.
        """
        return (unit.valid_from or self.valid_from, unit.valid_to or self.valid_to)

    def exists_on(self, unit: Unit, day: dt.date) -> bool:
        """
        Whether a unit of this catalog exists on a day.
        """
        return contains(self.period_of(unit), day)

    @functools.cached_property
    def _kinds(self) -> dict[str, UnitKind]:
        return {**UNIT_KINDS, **{kind.id: kind for kind in self.unit_kinds}}

    def kind_of(self, unit: Unit) -> UnitKind:
        """
        The kind of a unit: built in, or declared by this catalog under ``unit_kinds``.

        Raises:
            UnitLookupError: When the kind is neither (validation reports it as QT209).
        """
        kind = self._kinds.get(unit.kind)
        if kind is None:
            raise UnitLookupError(f"unknown unit kind {unit.kind!r} of unit {unit.code!r}")
        return kind

    def place_type(self, id: str) -> PlaceType | None:  # noqa: A002 - the YAML key is "id"
        """
        A sort of public place, built in or declared by this catalog, or None.
        """
        return self._place_types.get(id)

    @functools.cached_property
    def _place_types(self) -> dict[str, PlaceType]:
        return {**PLACE_TYPES, **{place.id: place for place in self.place_types}}

    # --- lookups --------------------------------------------------------------------------

    @functools.cached_property
    def _by_code(self) -> dict[str, tuple[int, ...]]:
        found: dict[str, list[int]] = {}
        for position, unit in enumerate(self.units):
            found.setdefault(unit.code, []).append(position)
        return {code: tuple(positions) for code, positions in found.items()}

    @functools.cached_property
    def _periods(self) -> tuple[Period, ...]:
        return tuple(self.period_of(unit) for unit in self.units)

    @functools.cached_property
    def _parents(self) -> tuple[int | None, ...]:
        """
        The parent of each unit: the first unit listed with the parent's code that exists when
        the unit starts, or failing that, whose period overlaps the unit's.
        """
        periods = self._periods
        asking: dict[str, list[int]] = {}
        for position, unit in enumerate(self.units):
            if unit.parent is not None:
                asking.setdefault(unit.parent, []).append(position)
        found: list[int | None] = [None] * len(self.units)
        for code, children in asking.items():
            candidates = self._by_code.get(code)
            if candidates is None:
                continue
            among = [periods[position] for position in candidates]
            dated = [child for child in children if periods[child][0] is not None]
            days = [(periods[child][0], periods[child][0]) for child in dated]
            for child, first in zip(dated, first_sharing_a_day(among, days), strict=True):
                if first is not None:
                    found[child] = candidates[first]
            rest = [child for child in children if found[child] is None]
            overlapping = first_sharing_a_day(among, [periods[child] for child in rest])
            for child, first in zip(rest, overlapping, strict=True):
                if first is not None:
                    found[child] = candidates[first]
        return tuple(found)

    def unit(self, code: str, *, on: dt.date) -> Unit | None:
        """
        The unit with a code on a day, or None.

        When two units of one era share a code (QT202), the first one listed is returned.
        """
        for position in self._by_code.get(code, ()):
            if self.exists_on(self.units[position], on):
                return self.units[position]
        return None

    def units_with_code(self, code: str) -> tuple[Unit, ...]:
        """
        Every unit that has used a code, in any era, in the order listed.
        """
        return tuple(self.units[position] for position in self._by_code.get(code, ()))

    def _position(self, unit: Unit | str, on: dt.date | None) -> int:
        if isinstance(unit, Unit):
            for position in self._by_code.get(unit.code, ()):
                if self.units[position] is unit or self.units[position] == unit:
                    return position
            raise UnitLookupError(f"unit {unit.code!r} is not in catalog {self.id!r}")
        positions = self._by_code.get(unit, ())
        if on is not None:
            positions = tuple(p for p in positions if self.exists_on(self.units[p], on))
        if not positions:
            when = f" on {on}" if on is not None else ""
            raise UnitLookupError(f"no unit with code {unit!r}{when} in catalog {self.id!r}")
        if len(positions) > 1 and on is None:
            eras = ", ".join(
                f"{self.units[p].name} ({shown(self.period_of(self.units[p]))})" for p in positions
            )
            raise UnitLookupError(f"code {unit!r} names several units, give a date: {eras}")
        return positions[0]

    def parent_of(self, unit: Unit) -> Unit | None:
        """
        The unit a unit belongs to, or None (the top, or a parent not in the catalog).
        """
        position = self._parents[self._position(unit, None)]
        return None if position is None else self.units[position]

    def children(self, unit: Unit | str, *, on: dt.date | None = None) -> tuple[Unit, ...]:
        """
        The units directly under a unit (given as a Unit, or as a code and a day).

        With ``on``, only the children that exist on that day.

        Raises:
            UnitLookupError: When the code names no unit, or several and no day was given.
        """
        position = self._position(unit, on)
        return tuple(
            child
            for child, parent in zip(self.units, self._parents, strict=True)
            if parent == position and (on is None or self.exists_on(child, on))
        )

    def ancestors(self, unit: Unit | str, *, on: dt.date | None = None) -> tuple[Unit, ...]:
        """
        The units above a unit, nearest first: for a ward, its district, then its province.

        Raises:
            UnitLookupError: When the code names no unit, or several and no day was given.
        """
        start = self._position(unit, on)
        seen = {start}
        found: list[Unit] = []
        position = self._parents[start]
        while position is not None and position not in seen:
            seen.add(position)
            found.append(self.units[position])
            position = self._parents[position]
        return tuple(found)

    def units_of_kinds(
        self, kinds: Iterable[str], *, on: dt.date | None = None
    ) -> tuple[Unit, ...]:
        """
        Every unit of the kinds given (ids such as ``"quan"``), in the order listed; with
        ``on``, only those that exist on that day.
        """
        wanted = frozenset(kinds)
        return tuple(
            unit
            for unit in self.units
            if unit.kind in wanted and (on is None or self.exists_on(unit, on))
        )

    def successor_of(self, unit: Unit, *, workspace: Lookup | None = None) -> Unit | None:
        """
        The unit that took a unit over: the first unit with the ``successor`` code that goes on
        after the unit ends, in this catalog or (given a workspace) in ``successor_catalog``.

        Raises:
            UnitLookupError: When none is found in this catalog, the catalog names a
                ``successor_catalog`` and no ``workspace`` is given to look in it.
        """
        found = self._successor(unit, workspace)
        if found is None and workspace is None and self.successor_catalog is not None:
            raise UnitLookupError(
                f"catalog {self.id!r} names its successor catalog {self.successor_catalog!r}:"
                f" give workspace= to find the successor of {unit.code!r} in it"
            )
        return None if found is None else found[1]

    def successors(
        self,
        unit: Unit | str,
        *,
        on: dt.date | None = None,
        workspace: Lookup | None = None,
    ) -> tuple[Unit, ...]:
        """
        The chain of units that took a unit over, oldest first: for a 2023 ward, the 2025
        commune that now covers it (and any later successor).

        Raises:
            UnitLookupError: When the code names no unit, or several and no day was given;
                when the catalog names a ``successor_catalog`` and no ``workspace`` is given to
                find it in (the chain would stop short and answer "no successor").
        """
        catalog: UnitCatalog = self
        current = self.units[self._position(unit, on)]
        if workspace is None and self.successor_catalog is not None:
            raise UnitLookupError(
                f"catalog {self.id!r} names its successor catalog {self.successor_catalog!r}:"
                f" give workspace= to follow successors into it"
            )
        chain: list[Unit] = []
        seen = {(catalog.id, id(current))}
        while True:
            found = catalog._successor(current, workspace)
            if found is None or (found[0].id, id(found[1])) in seen:
                return tuple(chain)
            catalog, current = found
            seen.add((catalog.id, id(current)))
            chain.append(current)

    def _successor(self, unit: Unit, workspace: Lookup | None) -> tuple[UnitCatalog, Unit] | None:
        end = self.period_of(unit)[1]
        if unit.successor is None or end is None:
            return None
        for catalog in self._successor_catalogs(workspace):
            found = catalog.taking_over(unit.successor, end)
            if found is not None:
                return catalog, found
        return None

    def _successor_catalogs(self, workspace: Lookup | None) -> list[UnitCatalog]:
        catalogs: list[UnitCatalog] = [self]
        if workspace is not None and self.successor_catalog is not None:
            other = workspace.get(UnitCatalog, self.successor_catalog)
            if other is not None:
                catalogs.append(other)
        return catalogs

    def taking_over(self, code: str, end: dt.date) -> Unit | None:
        """
        The unit with a code that can take over a unit that ended on ``end``: the earliest
        one that goes on after that day (the first listed of those that start together).
        """
        found = self._ends(code)
        if found is None:
            return None
        ends, earliest = found
        after = bisect.bisect_right(ends, (False, end))
        return self.units[earliest[after]] if after < len(ends) else None

    def _last_end(self, code: str, otherwise: dt.date) -> dt.date | None:
        """
        The latest end of the units with a code, taking ``otherwise`` for an open end; None
        when no unit has the code.
        """
        found = self._ends(code)
        if found is None:
            return None
        ends = found[0]
        closed = bisect.bisect_left(ends, (True, dt.date.min))
        if closed == 0:
            return otherwise
        last = ends[closed - 1][1]
        return max(last, otherwise) if closed < len(ends) else last

    def _ends(self, code: str) -> tuple[list[tuple[bool, dt.date]], list[int]] | None:
        """
        The ends of the units with a code in order (``(open, day)``: an open end last), and
        from each of them on, the position of the unit that starts first (the first listed of
        those that start together); None when no unit has the code. Worked out once a code.
        """
        known = self._by_end
        if code not in known:
            positions = self._by_code.get(code)
            known[code] = None if positions is None else self._ends_of(positions)
        return known[code]

    @functools.cached_property
    def _by_end(self) -> dict[str, tuple[list[tuple[bool, dt.date]], list[int]] | None]:
        return {}

    def _ends_of(self, positions: tuple[int, ...]) -> tuple[list[tuple[bool, dt.date]], list[int]]:
        periods = self._periods

        def end(position: int) -> tuple[bool, dt.date]:
            last = periods[position][1]
            return (last is None, last or dt.date.max)

        by_end = sorted(positions, key=end)
        earliest = [0] * len(by_end)
        best: tuple[dt.date, int] | None = None
        for index in reversed(range(len(by_end))):
            position = by_end[index]
            key = (periods[position][0] or dt.date.min, position)
            best = key if best is None or key < best else best
            earliest[index] = best[1]
        return [end(position) for position in by_end], earliest
