"""
The rules of a unit catalog, as issues (QT201-QT217): references between units, levels, eras,
codes and successor links.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from quytac._eras import era_text, first_sharing_a_day, in_order, issue
from quytac._nearest import of_documents, unit_hint
from quytac.units import (
    CODE_DIGITS,
    LEVEL_VI,
    PARENT_LEVELS,
    PLACE_TYPES,
    UNIT_KINDS,
    UnitCatalog,
    UnitKind,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from quytac.errors import Issue
    from quytac.units import Unit

    from ._context import Context

_DAY = dt.timedelta(days=1)


def catalog_issues(catalog: UnitCatalog, context: Context | None) -> Iterator[Issue]:
    """
    Every issue of a catalog, in the order of its keys.
    """
    yield from in_order((), ("valid_from", "valid_to"), (catalog.valid_from, catalog.valid_to))
    yield from _successor_catalog(catalog, context)
    yield from _declared_kinds(catalog)
    yield from _duplicate_codes(catalog)
    yield from _cycles(catalog)
    for position, unit in enumerate(catalog.units):
        path = ("units", position)
        yield from in_order(path, ("valid_from", "valid_to"), (unit.valid_from, unit.valid_to))
        kind = catalog._kinds.get(unit.kind)  # noqa: SLF001 - the catalog's own rules
        if kind is None:
            known = catalog._kinds.values()  # noqa: SLF001
            yield issue(
                "QT209", (*path, "kind"), hint=of_documents(unit.kind, known), kind=repr(unit.kind)
            )
        else:
            yield from _kind_rules(catalog, unit, kind, path)
        yield from _parent(catalog, position, kind)
        yield from _successor(catalog, unit, path, context)


def _successor_catalog(catalog: UnitCatalog, context: Context | None) -> Iterator[Issue]:
    other = catalog.successor_catalog
    if context is not None and other is not None and context.get(UnitCatalog, other) is None:
        yield issue("QT211", ("successor_catalog",), id=repr(other))


def _declared_kinds(catalog: UnitCatalog) -> Iterator[Issue]:
    first: dict[str, int] = {}
    for position, kind in enumerate(catalog.unit_kinds):
        path = ("unit_kinds", position)
        yield from in_order(path, ("valid_from", "valid_to"), (kind.valid_from, kind.valid_to))
        if kind.id in UNIT_KINDS:
            yield issue(
                "QT213", (*path, "id"), kind=repr(kind.id), where="built in", where_vi="có sẵn"
            )
        elif kind.id in first:
            where = f"at unit_kinds[{first[kind.id]}]"
            where_vi = f"ở unit_kinds[{first[kind.id]}]"
            yield issue("QT213", (*path, "id"), kind=repr(kind.id), where=where, where_vi=where_vi)
        else:
            first[kind.id] = position


def _duplicate_codes(catalog: UnitCatalog) -> Iterator[Issue]:
    """
    QT202, code by code: a unit whose period overlaps that of an earlier unit of its code,
    naming the first of them.
    """
    periods = catalog._periods  # noqa: SLF001 - the catalog's own rules
    for positions in catalog._by_code.values():  # noqa: SLF001
        if len(positions) < 2:
            continue
        among = [periods[position] for position in positions]
        for later, first in zip(positions, first_sharing_a_day(among, among), strict=True):
            if first is not None and positions[first] < later:
                code = repr(catalog.units[later].code)
                yield issue("QT202", ("units", later, "code"), given=code, first=positions[first])


def _cycles(catalog: UnitCatalog) -> Iterator[Issue]:
    """
    QT203, once per cycle of parents, at its first unit listed, in the order of those units.

    Each unit is walked once: a walk follows parents until a unit already walked (or none);
    a cycle is found when the walk meets itself.
    """
    parents = catalog._parents  # noqa: SLF001 - the catalog's own rules
    walked = [False] * len(parents)
    cycles: list[list[int]] = []
    for start in range(len(parents)):
        walk: dict[int, int] = {}  # position -> its place in the walk
        position: int | None = start
        while position is not None and not walked[position]:
            walked[position] = True
            walk[position] = len(walk)
            position = parents[position]
        if position is not None and position in walk:
            cycle = list(walk)[walk[position] :]
            first = cycle.index(min(cycle))
            cycles.append(cycle[first:] + cycle[:first])
    for cycle in sorted(cycles):
        start = cycle[0]
        chain = " → ".join(repr(catalog.units[p].code) for p in [*cycle, start])
        parent = repr(catalog.units[start].parent)
        yield issue("QT203", ("units", start, "parent"), parent=parent, chain=chain)


def _kind_rules(
    catalog: UnitCatalog, unit: Unit, kind: UnitKind, path: tuple[str | int, ...]
) -> Iterator[Issue]:
    yield from _era(catalog, unit, kind, path)
    digits = CODE_DIGITS.get(kind.level)
    if kind.official and digits is not None and not _official(unit.code, digits):
        yield issue(
            "QT206",
            (*path, "code"),
            given=repr(unit.code),
            kind=kind.id,
            level=kind.level,
            level_vi=LEVEL_VI[kind.level],
            digits=digits,
            example="0" * (digits - 1) + "1",
        )
    yield from _place(catalog, unit, kind, path)


def _official(code: str, digits: int) -> bool:
    return len(code) == digits and code.isascii() and code.isdigit()


def _era(
    catalog: UnitCatalog, unit: Unit, kind: UnitKind, path: tuple[str | int, ...]
) -> Iterator[Issue]:
    """
    QT205 when the unit's known dates fall outside its kind's era; open ends are not checked.
    """
    start, end = catalog.period_of(unit)
    day: dt.date | None = None
    if kind.valid_to is not None:
        if start is not None and start > kind.valid_to:
            day = start
        elif end is not None and end > kind.valid_to:
            day = kind.valid_to + _DAY
    if day is None and kind.valid_from is not None:
        if start is not None and start < kind.valid_from:
            day = start
        elif end is not None and end < kind.valid_from:
            day = end
    if day is not None:
        era, era_vi = era_text((kind.valid_from, kind.valid_to))
        yield issue("QT205", (*path, "kind"), kind=repr(kind.id), day=day, era=era, era_vi=era_vi)


def _place(
    catalog: UnitCatalog, unit: Unit, kind: UnitKind, path: tuple[str | int, ...]
) -> Iterator[Issue]:
    is_place = kind.level == "place"
    if unit.place_type is None:
        if is_place:
            yield issue("QT216", path)
        return
    if not is_place:
        yield issue(
            "QT214",
            (*path, "place_type"),
            kind=kind.id,
            level=kind.level,
            level_vi=LEVEL_VI[kind.level],
        )
    elif catalog.place_type(unit.place_type) is None:
        known = [*PLACE_TYPES.values(), *catalog.place_types]
        yield issue(
            "QT215",
            (*path, "place_type"),
            hint=of_documents(unit.place_type, known),
            place_type=repr(unit.place_type),
        )


def _parent(catalog: UnitCatalog, position: int, kind: UnitKind | None) -> Iterator[Issue]:
    unit = catalog.units[position]
    path = ("units", position, "parent")
    if unit.parent is None:
        return
    parent_position = catalog._parents[position]  # noqa: SLF001 - the catalog's own rules
    if parent_position is None:
        if unit.parent in catalog._by_code:  # noqa: SLF001
            yield issue("QT210", path, parent=repr(unit.parent))
        else:
            yield issue("QT201", path, **unit_hint(catalog, unit.parent), parent=repr(unit.parent))
        return
    parent_kind = catalog._kinds.get(catalog.units[parent_position].kind)  # noqa: SLF001
    if kind is None or parent_kind is None:
        return
    allowed = PARENT_LEVELS[kind.level]
    if parent_kind.level not in allowed:
        yield issue(
            "QT204",
            path,
            kind=kind.id,
            level=kind.level,
            level_vi=LEVEL_VI[kind.level],
            parent_kind=parent_kind.id,
            parent_level=parent_kind.level,
            parent_level_vi=LEVEL_VI[parent_kind.level],
            expected=", ".join(allowed) or "none (it is the top)",
            expected_vi=", ".join(LEVEL_VI[level] for level in allowed)
            or "không (là cấp cao nhất)",
        )


def _successor(
    catalog: UnitCatalog, unit: Unit, path: tuple[str | int, ...], context: Context | None
) -> Iterator[Issue]:
    if unit.successor is None:
        return
    path = (*path, "successor")
    end = catalog.period_of(unit)[1]
    if end is None:
        yield issue("QT217", path, successor=repr(unit.successor))
        return
    searched = catalog._successor_catalogs(context)  # noqa: SLF001 - the catalog's own rules
    if any(other.taking_over(unit.successor, end) for other in searched):
        return
    unchecked = catalog.successor_catalog is not None and len(searched) == 1
    if unchecked:  # not in this catalog; the next era's catalog is not at hand
        return
    ends = [other._last_end(unit.successor, end) for other in searched]  # noqa: SLF001
    earlier = [day for day in ends if day is not None]
    if earlier:
        last = max(earlier)
        yield issue("QT208", path, successor=repr(unit.successor), last=last, end=end)
    else:
        ids = [repr(other.id) for other in searched]
        yield issue(
            "QT207",
            path,
            successor=repr(unit.successor),
            catalogs=" or ".join(ids),
            catalogs_vi=" hoặc ".join(ids),
        )
