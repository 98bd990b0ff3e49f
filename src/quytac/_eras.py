"""
Periods of time (a first and a last day, either open) and the rules they share: a unit's era,
a code's or an article's time in force.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from . import _messages
from .errors import Issue

if TYPE_CHECKING:
    from collections.abc import Iterator

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


def goes_on_after(period: Period, day: dt.date) -> bool:
    """
    Whether a period goes on after a day (so it can take over something that ended that day).
    """
    return period[1] is None or period[1] > day


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
