"""
Report outlines (đề cương báo cáo): the numbered sections a unit's report follows, the figures
(indicators) it must give, and the rules that tie the figures together.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar, Final

import attrs

from ._base import Definition
from ._checks import DIGITS, EXACT, identifier, in_range, non_empty_text
from .text import Text

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = [
    "AppendixRow",
    "CrossRule",
    "Indicator",
    "IndicatorType",
    "Narrative",
    "OutlineSection",
    "ReportOutline",
    "RuleOp",
]

#: A value as a report gives it: text from YAML, or a typed value made in Python.
FigureValue = bool | int | Decimal | dt.date | str

_INT: Final = re.compile(r"[+-]?[0-9]+\Z")
_NUMBER: Final = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)\Z")
_LONGEST: Final = 2 * DIGITS + 2  # the digits, a sign and a point


class Narrative(enum.StrEnum):
    """
    Whether a section of a report must have a narrative (its text).

    .. versionadded:: 2026.11.0
    """

    REQUIRED = "required"
    OPTIONAL = "optional"
    NONE = "none"


class IndicatorType(enum.StrEnum):
    """
    What kind of value an indicator takes.

    .. versionadded:: 2026.11.0
    """

    INTEGER = "integer"
    DECIMAL = "decimal"
    PERCENT = "percent"
    BOOLEAN = "boolean"
    DATE = "date"
    TEXT = "text"

    @property
    def numeric(self) -> bool:
        """
        Whether values of this type are numbers (they can be bounded, compared and totalled).
        """
        return self in (IndicatorType.INTEGER, IndicatorType.DECIMAL, IndicatorType.PERCENT)


@attrs.frozen(kw_only=True)
class Indicator:
    """
    A figure a report gives (chỉ tiêu): leaflets handed out, boards posted, documents issued.

    Attributes:
        id: Unique in the outline; reports key the value by it.
        label: What is counted, as the appendix table names it.
        unit: The unit of measure (đơn vị tính): "tờ", "văn bản", "cuộc".
        type: integer, decimal, percent, boolean, date or text.
        min: The least value allowed (a percent is always within 0..100).
        max: The greatest value allowed.
        required: Whether every report must give it.

    .. versionadded:: 2026.11.0
    """

    id: str = attrs.field(validator=identifier)
    label: Text
    unit: str | None = None
    type: IndicatorType = IndicatorType.INTEGER
    min: Decimal | None = None
    max: Decimal | None = None
    required: bool = False

    def typed(self, value: FigureValue) -> FigureValue | None:
        """
        The value as this indicator's type (``"51500"`` -> ``51500``), or None when it is not
        a value of that type.
        """
        if isinstance(value, bool) or self.type is IndicatorType.BOOLEAN:
            return value if isinstance(value, bool) and self.type is IndicatorType.BOOLEAN else None
        if self.type is IndicatorType.INTEGER:
            return _integer(value)
        if self.type.numeric:
            return _number(value)
        if self.type is IndicatorType.DATE:
            return _date(value)
        return value if isinstance(value, str) and value.strip() else None

    def bounds(self) -> tuple[Decimal | None, Decimal | None]:
        """
        The least and greatest values allowed (a percent lies within 0..100 in any case).
        """
        if self.type is IndicatorType.PERCENT:
            low = max(self.min, Decimal(0)) if self.min is not None else Decimal(0)
            high = min(self.max, Decimal(100)) if self.max is not None else Decimal(100)
            return low, high
        return self.min, self.max


def _integer(value: FigureValue) -> int | None:
    if isinstance(value, str):
        if len(value) > _LONGEST or not _INT.match(value):
            return None
        value = int(value)
    elif isinstance(value, Decimal):
        if not in_range(value) or value != value.to_integral_value():
            return None
        value = int(value)
    return value if isinstance(value, int) and in_range(value) else None


def _number(value: FigureValue) -> Decimal | None:
    """
    The number a figure gives, or None: not a number, or one with more digits than any figure
    (:data:`DIGITS` before the point and after it).
    """
    number = None
    if isinstance(value, int | Decimal):
        number = Decimal(value) if in_range(value) else None
    elif isinstance(value, str) and len(value) <= _LONGEST and _NUMBER.match(value):
        number = Decimal(value)
    return number if number is not None and in_range(number) else None


def _date(value: FigureValue) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


@attrs.frozen(kw_only=True)
class OutlineSection:
    """
    A numbered section of the outline (I → 1 → a), with its own subsections.

    Reports name a section by its full number, the numbers of its parents and its own joined by
    dots: ``II.1.a``.

    Attributes:
        number: Its number among its siblings ("II", "1", "a").
        title: Its heading.
        narrative: Whether the report must (``required``) or may (``optional``) write text
            under it, or whether the section has no text of its own (``none``: its subsections
            do).
        indicators: The figures given in this section.
        sections: Its subsections.

    .. versionadded:: 2026.11.0
    """

    number: str = attrs.field(validator=non_empty_text)
    title: Text
    narrative: Narrative = Narrative.OPTIONAL
    indicators: tuple[Indicator, ...] = ()
    sections: tuple[OutlineSection, ...] = ()


class RuleOp(enum.StrEnum):
    """
    How a cross-indicator rule compares its indicators.

    ``le``, ``lt``, ``ge``, ``gt``, ``eq`` compare two indicators; ``sum_le``, ``sum_eq`` and
    ``sum_ge`` compare the sum of all but the last with the last.

    .. versionadded:: 2026.11.0
    """

    LE = "le"
    LT = "lt"
    GE = "ge"
    GT = "gt"
    EQ = "eq"
    SUM_LE = "sum_le"
    SUM_EQ = "sum_eq"
    SUM_GE = "sum_ge"

    @property
    def sums(self) -> bool:
        """
        Whether the rule sums its first operands.
        """
        return self.value.startswith("sum_")


_COMPARE = {
    "le": Decimal.__le__,
    "lt": Decimal.__lt__,
    "ge": Decimal.__ge__,
    "gt": Decimal.__gt__,
    "eq": Decimal.__eq__,
}


@attrs.frozen(kw_only=True)
class CrossRule:
    """
    A rule between indicators, written as data with exactly one comparison:
    ``{le: [mo_hinh_nhan_rong, mo_hinh_diem], message: ...}``.

    Attributes:
        le: Two indicator ids; the first must be ≤ the second.
        lt: Two indicator ids; the first must be < the second.
        ge: Two indicator ids; the first must be ≥ the second.
        gt: Two indicator ids; the first must be > the second.
        eq: Two indicator ids; they must be equal.
        sum_le: Two or more indicator ids; the sum of all but the last must be ≤ the last.
        sum_eq: Two or more indicator ids; the sum of all but the last must equal the last.
        sum_ge: Two or more indicator ids; the sum of all but the last must be ≥ the last.
        message: What to tell the unit when its figures break the rule.

    .. versionadded:: 2026.11.0
    """

    le: tuple[str, ...] | None = None
    lt: tuple[str, ...] | None = None
    ge: tuple[str, ...] | None = None
    gt: tuple[str, ...] | None = None
    eq: tuple[str, ...] | None = None
    sum_le: tuple[str, ...] | None = None
    sum_eq: tuple[str, ...] | None = None
    sum_ge: tuple[str, ...] | None = None
    message: Text

    def comparisons(self) -> tuple[tuple[RuleOp, tuple[str, ...]], ...]:
        """
        The comparisons written (a well-formed rule has exactly one).
        """
        found = ((op, getattr(self, op.value)) for op in RuleOp)
        return tuple((op, operands) for op, operands in found if operands is not None)

    @property
    def well_formed(self) -> bool:
        """
        Whether the rule writes one comparison, with the right number of indicators (two, or
        at least two for a sum).
        """
        comparisons = self.comparisons()
        if len(comparisons) != 1:
            return False
        op, operands = comparisons[0]
        return len(operands) == 2 or (op.sums and len(operands) > 2)

    @property
    def op(self) -> RuleOp:
        """
        The comparison (the first written).
        """
        return self.comparisons()[0][0]

    @property
    def operands(self) -> tuple[str, ...]:
        """
        The indicator ids it compares.
        """
        return self.comparisons()[0][1]

    def holds(self, values: dict[str, Decimal]) -> bool | None:
        """
        Whether the figures keep the rule; None when one of them is not given (or the rule is
        not well formed).
        """
        if not self.well_formed or any(n not in values for n in self.operands):
            return None
        numbers = [values[name] for name in self.operands]
        left = functools.reduce(EXACT.add, numbers[:-1], Decimal(0)) if self.op.sums else numbers[0]
        compare = _COMPARE[self.op.value.removeprefix("sum_")]
        return bool(compare(left, numbers[-1]))


@attrs.frozen(kw_only=True)
class AppendixRow:
    """
    A row of the appendix table: STT | chỉ tiêu | đơn vị tính | số lượng | ghi chú.

    .. versionadded:: 2026.11.0
    """

    stt: int
    indicator: str
    label: Text
    unit: str | None
    value: FigureValue | None
    note: Text | None


@attrs.frozen(kw_only=True)
class ReportOutline(Definition):
    """
    The outline (đề cương) units write their reports to.

    Attributes:
        sections: The top-level sections (I, II, ...).
        rules: Rules between indicators.
        appendix: The indicators of the appendix table, in order; empty means every indicator
            in the order of the outline.

    .. versionadded:: 2026.11.0
    """

    kind: ClassVar[str] = "ReportOutline"

    sections: tuple[OutlineSection, ...] = ()
    rules: tuple[CrossRule, ...] = ()
    appendix: tuple[str, ...] = ()

    def walk(self) -> Iterator[tuple[str, tuple[str | int, ...], OutlineSection]]:
        """
        Every section with its full number (``II.1``) and its path in the outline, in order.
        """
        stack: list[tuple[str, tuple[str | int, ...], OutlineSection]] = [
            (section.number, ("sections", i), section)
            for i, section in reversed(list(enumerate(self.sections)))
        ]
        while stack:
            number, path, section = stack.pop()
            yield number, path, section
            stack += [
                (f"{number}.{child.number}", (*path, "sections", i), child)
                for i, child in enumerate(section.sections)
            ][::-1]

    def section(self, number: str) -> OutlineSection | None:
        """
        The section with a full number (``"II.1"``), or None.
        """
        return next((s for n, _, s in self.walk() if n == number), None)

    def indicators(self) -> dict[str, tuple[str, Indicator]]:
        """
        Every indicator by id, with the full number of its section, in outline order.
        """
        found: dict[str, tuple[str, Indicator]] = {}
        for number, _, section in self.walk():
            for indicator in section.indicators:
                found.setdefault(indicator.id, (number, indicator))
        return found

    def appendix_rows(
        self, figures: dict[str, tuple[FigureValue, Text | None]] | None = None
    ) -> tuple[AppendixRow, ...]:
        """
        The appendix table, filled with a report's figures (value and note) when given.
        """
        indicators = self.indicators()
        ids = self.appendix or tuple(indicators)
        given = figures or {}
        rows: list[AppendixRow] = []
        for id_ in (i for i in ids if i in indicators):
            indicator = indicators[id_][1]
            value, note = given.get(id_, (None, None))
            rows.append(
                AppendixRow(
                    stt=len(rows) + 1,
                    indicator=id_,
                    label=indicator.label,
                    unit=indicator.unit,
                    value=value,
                    note=note,
                )
            )
        return tuple(rows)
