"""
The sections and figures of a report (or of a record's figures) against its outline, as
issues: sections and indicators required or unknown, values of the right type within bounds,
and the rules between indicators (QT320-QT325, QT111).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

from quytac import _messages
from quytac._checks import DIGITS, in_range
from quytac._nearest import hint, of_documents
from quytac.conditions import number as spelled_number
from quytac.errors import Issue
from quytac.outlines import Narrative
from quytac.records import Report, numeric_figures

if TYPE_CHECKING:
    from collections.abc import Iterator

    from quytac._mapping import FrozenMap
    from quytac._nearest import Hint
    from quytac.outlines import FigureValue, Indicator, OutlineSection, ReportOutline
    from quytac.records import Figure, Path
    from quytac.text import Text

__all__ = ["figure_issues", "report_content_issues"]


def report_content_issues(outline: ReportOutline, report: Report) -> Iterator[Issue]:
    """
    A report's sections and figures against its outline: required sections and indicators,
    unknown ones, types, bounds and the rules between indicators.
    """
    numbers = {number: section for number, _, section in outline.walk()}
    unknown, meant = _misnumbered(numbers, report)
    yield from _required_issues(numbers, report, meant)
    indicators = outline.indicators()
    for number, given in report.sections.items():
        if number in unknown:
            found, cause = unknown[number]
            yield _messages.make(
                Issue,
                "QT325",
                ("sections", number),
                hint=found,
                cause=cause,
                what="section",
                what_vi="mục",
                id=repr(number),
            )
            continue
        own = numbers[number].indicators
        for name, figure in given.indicators.items():
            path = ("sections", number, "indicators", name)
            if name not in {i.id for i in own}:
                yield _messages.make(
                    Issue,
                    "QT325",
                    path,
                    hint=of_documents(name, own),
                    what="indicator",
                    what_vi="chỉ tiêu",
                    id=repr(name),
                )
            else:
                yield from _value_issues(indicators[name][1], figure, path)
    yield from _rule_issues(outline, report.figures(), ("sections",))


def _misnumbered(
    numbers: dict[str, OutlineSection], report: Report
) -> tuple[dict[str, tuple[Hint, tuple[str, ...]]], dict[str, tuple[str, ...]]]:
    """
    The report's sections the outline has no number for, each with its hint and cause, and
    the cause of each outline section one of them was meant for: a section written under a
    wrong number ("II.3" for "II.2") is one mistake, and the section of the outline it was
    meant for then lacks its narrative and indicators.
    """
    titles = {number: (section.title.vi,) for number, section in numbers.items()}
    unknown: dict[str, tuple[Hint, tuple[str, ...]]] = {}
    meant: dict[str, tuple[str, ...]] = {}
    for number in report.sections:
        if number in numbers:
            continue
        found = hint(number, list(numbers), titles)
        cause: tuple[str, ...] = ()
        target = found.suggestion
        if target is not None and target not in report.sections and target not in meant:
            cause = meant[target] = (Report.kind, report.id, "section", number)
        unknown[number] = (found, cause)
    return unknown, meant


def _required_issues(
    numbers: dict[str, OutlineSection], report: Report, meant: dict[str, tuple[str, ...]]
) -> Iterator[Issue]:
    for number, section in numbers.items():
        given = report.sections.get(number)
        narrative = given.narrative if given is not None else None
        cause = meant.get(number, ())
        if section.narrative is Narrative.REQUIRED and narrative is None:
            yield _messages.make(
                Issue,
                "QT320",
                ("sections",),
                cause=cause,
                follows=bool(cause),
                section=repr(number),
            )
        elif section.narrative is Narrative.NONE and narrative is not None:
            yield _messages.make(
                Issue, "QT336", ("sections", number, "narrative"), section=repr(number)
            )
        for indicator in section.indicators:
            if indicator.required and (given is None or indicator.id not in given.indicators):
                yield _messages.make(
                    Issue,
                    "QT321",
                    ("sections", number) if given is not None else ("sections",),
                    cause=cause,
                    follows=bool(cause),
                    indicator=repr(indicator.id),
                    section=repr(number),
                )


def figure_issues(
    outline: ReportOutline, figures: FrozenMap[Figure], path: Path
) -> Iterator[Issue]:
    """
    Figures keyed by indicator id against an outline: unknown ones, types, bounds, rules.
    """
    indicators = outline.indicators()
    for name, figure in figures.items():
        if name not in indicators:
            yield _messages.make(
                Issue,
                "QT325",
                (*path, name),
                hint=of_documents(name, (found for _, found in indicators.values())),
                what="indicator",
                what_vi="chỉ tiêu",
                id=repr(name),
            )
        else:
            yield from _value_issues(indicators[name][1], figure, (*path, name))
    given = {name: (figure.value, figure.note) for name, figure in figures.items()}
    yield from _rule_issues(outline, given, path)


def _out_of_range(value: FigureValue) -> bool:
    """
    Whether a figure is a number with more digits than any figure may have.
    """
    if isinstance(value, bool | dt.date):
        return False
    found = spelled_number(value) if isinstance(value, str) else value
    return found is not None and not in_range(found)


def _value_issues(indicator: Indicator, figure: Figure, path: Path) -> Iterator[Issue]:
    where = (*path, "value") if figure.note is not None else path
    typed = indicator.typed(figure.value)
    if typed is None and indicator.type.numeric and _out_of_range(figure.value):
        shown = _messages.quote(str(figure.value))
        yield _messages.make(Issue, "QT111", where, got=shown, digits=str(DIGITS))
        return
    if typed is None:
        yield _messages.make(
            Issue,
            "QT322",
            where,
            type=indicator.type,
            got=_messages.quote(figure.value),
            got_vi=_messages.quote(figure.value, lang="vi"),
        )
        return
    low, high = indicator.bounds()
    if isinstance(typed, int | Decimal) and not isinstance(typed, bool):
        number = Decimal(typed)
        if (low is not None and number < low) or (high is not None and number > high):
            yield _messages.make(
                Issue,
                "QT323",
                where,
                value=number,
                low="…" if low is None else low,
                high="…" if high is None else high,
            )


def _rule_issues(
    outline: ReportOutline, figures: dict[str, tuple[FigureValue, Text | None]], path: Path
) -> Iterator[Issue]:
    values = numeric_figures(outline, figures)
    for rule in outline.rules:
        if rule.holds(values) is False:
            shown = ", ".join(f"{name} = {values[name]}" for name in rule.operands)
            yield _messages.make(
                Issue,
                "QT324",
                path,
                message=rule.message.get("en"),
                message_vi=rule.message.vi,
                figures=shown,
            )
