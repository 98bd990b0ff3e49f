"""
Report outlines and the reports that fill them.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import strategies as st

from quytac._mapping import FrozenMap
from quytac.outlines import (
    CrossRule,
    Indicator,
    IndicatorType,
    Narrative,
    OutlineSection,
    ReportOutline,
)
from quytac.records import (
    Figure,
    Pin,
    Report,
    ReportSection,
)
from quytac.text import Text

from ._common import _END, _START, ids, texts, words

# --- report outlines and reports ------------------------------------------------------------

_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")
_NUMERIC = (IndicatorType.INTEGER, IndicatorType.DECIMAL, IndicatorType.PERCENT)


@st.composite
def _indicators(draw: st.DrawFn, number: int) -> Indicator:
    kind = draw(st.sampled_from(IndicatorType))
    low = high = None
    if kind in _NUMERIC and draw(st.booleans()):
        low = Decimal(draw(st.integers(0, 10)))
        if draw(st.booleans()):
            high = low + draw(st.integers(0, 90))
    return Indicator(
        id=f"chi_tieu_{number}",
        label=Text(vi=f"Chỉ tiêu {number}"),
        unit=draw(st.none() | st.sampled_from(["tờ", "văn bản", "cuộc", "bảng"])),
        type=kind,
        min=low,
        max=high,
        required=draw(st.booleans()),
    )


@st.composite
def report_outlines(
    draw: st.DrawFn, *, max_sections: int = 4, max_subsections: int = 3, max_indicators: int = 3
) -> ReportOutline:
    """
    Report outlines that validate with no issue: sections numbered I, II... with subsections
    1, 2...; indicators ``chi_tieu_0``, ``chi_tieu_1``... of every type, numeric ones sometimes
    bounded; rules ``le`` between pairs of integer indicators (each in one rule at most).

    .. versionadded:: 2026.11.0
    """
    made: list[Indicator] = []

    def indicators() -> tuple[Indicator, ...]:
        drawn = [
            draw(_indicators(len(made) + n)) for n in range(draw(st.integers(0, max_indicators)))
        ]
        made.extend(drawn)
        return tuple(drawn)

    def section(number: str, depth: int) -> OutlineSection:
        inner = []
        if depth == 0:
            inner = [section(str(n + 1), 1) for n in range(draw(st.integers(0, max_subsections)))]
        return OutlineSection(
            number=number,
            title=Text(vi=f"Mục {number}"),
            narrative=draw(st.sampled_from(Narrative)),
            indicators=indicators(),
            sections=tuple(inner),
        )

    sections = [section(_ROMAN[n], 0) for n in range(draw(st.integers(1, max_sections)))]
    integers = [i.id for i in made if i.type is IndicatorType.INTEGER and i.max is None]
    paired = draw(st.permutations(integers))
    rules = tuple(
        CrossRule(le=(paired[n], paired[n + 1]), message=Text(vi="Quy tắc giữa hai chỉ tiêu"))
        for n in range(0, len(paired) - 1, 2)
        if draw(st.booleans())
    )
    return ReportOutline(
        id=draw(ids()),
        title=draw(texts()),
        version=draw(st.integers(1, 5)),
        sections=tuple(sections),
        rules=rules,
    )


def _figures(indicator: Indicator) -> st.SearchStrategy[bool | int | Decimal | dt.date | str]:
    """
    Values of an indicator's type within its bounds.
    """
    if indicator.type is IndicatorType.BOOLEAN:
        return st.booleans()
    if indicator.type is IndicatorType.DATE:
        return st.dates(dt.date(2020, 1, 1), dt.date(2024, 12, 31))
    if indicator.type is IndicatorType.TEXT:
        return words()
    low, high = indicator.bounds()
    low = Decimal(0) if low is None else low
    high = low + 1000 if high is None else high
    whole = st.integers(int(low), int(high))
    if indicator.type is IndicatorType.INTEGER:
        return whole
    return st.integers(int(low) * 10, int(high) * 10).map(lambda n: Decimal(n) / 10)


def _written(value: bool | int | Decimal | dt.date | str) -> bool | str:  # noqa: FBT001
    """
    A figure as it loads from YAML: numbers and dates stay text until the outline types them.
    """
    if isinstance(value, bool | str):
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


@st.composite
def _figure_values(
    draw: st.DrawFn, outline: ReportOutline, *, every_required: bool
) -> dict[str, bool | int | Decimal | dt.date | str]:
    """
    Values for some indicators of an outline (every required one with ``every_required``), by
    indicator id: of the right type, within bounds, the outline's rules kept.
    """
    values: dict[str, bool | int | Decimal | dt.date | str] = {}
    for _, indicator in outline.indicators().values():
        if (every_required and indicator.required) or draw(st.booleans()):
            values[indicator.id] = draw(_figures(indicator))
    for rule in outline.rules:
        first, second = rule.operands
        low, high = values.get(first), values.get(second)
        if isinstance(low, int | Decimal) and isinstance(high, int | Decimal) and low > high:
            values[second] = low  # the second has no max: raising it keeps its bounds
    return values


@st.composite
def reports(  # noqa: PLR0913 - where the report belongs
    draw: st.DrawFn,
    outline: ReportOutline,
    *,
    plan: str = "ke-hoach",
    unit: str = "01",
    id: str | None = None,  # noqa: A002 - the YAML key is "id"
    submitted_on: st.SearchStrategy[dt.date] | None = None,
) -> Report:
    """
    Reports that follow an outline with no issue: a narrative for every section that requires
    one (and none where the outline forbids it), a figure for every required indicator, values
    of the right type within bounds, and the outline's rules kept.

    Args:
        outline: The outline followed (its id and version are pinned).
        plan: Id of the plan answered.
        unit: Code of the reporting unit.
        id: The report's id (drawn when None).
        submitted_on: The dates to draw from (the third quarter of 2023 by default).

    .. versionadded:: 2026.11.0
    """
    values = draw(_figure_values(outline, every_required=True))
    sections: dict[str, ReportSection] = {}
    for number, _, section in outline.walk():
        narrative = None
        if section.narrative is Narrative.REQUIRED or (
            section.narrative is Narrative.OPTIONAL and draw(st.booleans())
        ):
            narrative = Text(vi=f"Tình hình thực hiện mục {number}")
        given = FrozenMap(
            (i.id, Figure(value=_written(values[i.id])))
            for i in section.indicators
            if i.id in values
        )
        if narrative is not None or given:
            sections[number] = ReportSection(narrative=narrative, indicators=given)
    return Report(
        id=id if id is not None else draw(ids()),
        plan=plan,
        unit=unit,
        number=f"{draw(st.integers(1, 999))}/BC-UBND",
        submitted_on=draw(st.dates(_START, _END) if submitted_on is None else submitted_on),
        outline=Pin.of(outline),
        sections=FrozenMap(sections),
    )
