"""
Periods of time (a first and a last day, either open) and the rules they share: a unit's era,
a code's or an article's time in force.
"""

from __future__ import annotations

import bisect
import datetime as dt
from typing import TYPE_CHECKING

from . import _messages
from .errors import Issue

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

Path = tuple[str | int, ...]
#: First and last day, both included; None where the period is open.
Period = tuple[dt.date | None, dt.date | None]


def contains(period: Period, day: dt.date) -> bool:
    """
    Whether a day falls in a period.
    """
    start, end = period
    return (start is None or start <= day) and (end is None or day <= end)


def overlap(one: Period, other: Period) -> bool:
    """
    Whether two periods share a day.
    """
    return (one[0] is None or other[1] is None or one[0] <= other[1]) and (
        one[1] is None or other[0] is None or other[0] <= one[1]
    )


#: Up to this many periods, each query looks at every one of them.
_FEW = 8


def first_sharing_a_day(periods: Sequence[Period], queries: Sequence[Period]) -> list[int | None]:
    """
    For each query, the position of the first period that shares a day with it (``overlap``),
    or None; in O((n + q) log n) for n periods and q queries.
    """
    if len(periods) <= _FEW:
        return [_first_of_few(periods, query) for query in queries]
    # A period shares a day with a query when it starts by the query's end and ends on or
    # after the query's start. The queries are taken by their end: the periods that start by
    # then are added to a Fenwick tree over the periods' ends (latest end in slot 1), which
    # keeps the least position of each run of slots; the least among the ends on or after
    # the query's start is then a prefix of the slots.
    starts = [period[0] or dt.date.min for period in periods]
    ends = [period[1] or dt.date.max for period in periods]
    distinct = sorted(set(ends))
    slot = {end: len(distinct) - i for i, end in enumerate(distinct)}
    none = len(periods)
    tree = [none] * (len(distinct) + 1)
    by_start = sorted(range(len(periods)), key=starts.__getitem__)
    added = 0
    found: list[int | None] = [None] * len(queries)
    for q in sorted(range(len(queries)), key=lambda q: queries[q][1] or dt.date.max):
        query_start = queries[q][0] or dt.date.min
        query_end = queries[q][1] or dt.date.max
        while added < len(by_start) and starts[by_start[added]] <= query_end:
            position = by_start[added]
            added += 1
            i = slot[ends[position]]
            while i < len(tree):
                tree[i] = min(tree[i], position)
                i += i & -i
        least = none
        i = len(distinct) - bisect.bisect_left(distinct, query_start)
        while i > 0:
            least = min(least, tree[i])
            i -= i & -i
        found[q] = least if least < none else None
    return found


def _first_of_few(periods: Sequence[Period], query: Period) -> int | None:
    for position, period in enumerate(periods):
        if overlap(period, query):
            return position
    return None


def shown(period: Period) -> str:
    """
    A period for a message: ``2020-01-01..2024-12-31``, ``2025-07-01..…``.
    """
    start, end = period
    return f"{start or '…'}..{end or '…'}"


def era_text(period: Period) -> tuple[str, str]:
    """
    A period in words, in English and Vietnamese: "from 2025-07-01", "until 2025-06-30".
    """
    start, end = period
    if start is not None and end is not None:
        return f"from {start} to {end}", f"từ {start} đến {end}"
    if start is not None:
        return f"from {start}", f"từ {start}"
    if end is not None:
        return f"until {end}", f"đến hết {end}"
    return "at any time", "mọi lúc"


def issue(code: str, path: Path, **params: object) -> Issue:
    """
    An issue with its two messages.
    """
    return _messages.make(Issue, code, path, **params)


def in_order(path: Path, keys: tuple[str, str], period: Period) -> Iterator[Issue]:
    """
    QT212 when a period's first day (under ``keys[0]``) comes after its last (``keys[1]``).
    """
    start, end = period
    if start is not None and end is not None and start > end:
        yield issue(
            "QT212", (*path, keys[0]), start_key=keys[0], start=start, end_key=keys[1], end=end
        )
