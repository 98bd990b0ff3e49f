"""
The rules of a report outline, as issues (QT301-QT307): unique numbers and indicators, bounds
that fit the type, cross-indicator rules that are well formed and name numeric indicators.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from quytac import _messages
from quytac._nearest import Hint, of_documents
from quytac.errors import Issue, format_path

if TYPE_CHECKING:
    from collections.abc import Iterator

    from quytac.outlines import CrossRule, ReportOutline

    from ._context import Context

__all__ = ["outline_issues", "rule_issues"]


def outline_issues(outline: ReportOutline, context: Context | None = None) -> Iterator[Issue]:  # noqa: ARG001 - an outline refers to nothing
    """
    The rules an outline must keep, as issues with paths into the outline.
    """
    yield from _section_issues(outline)
    yield from _indicator_issues(outline)
    indicators = outline.indicators()
    for position, rule in enumerate(outline.rules):
        malformed = [attrs.evolve(i, path=("rules", position, *i.path)) for i in rule_issues(rule)]
        yield from malformed
        if malformed:
            continue
        for index, name in enumerate(rule.operands):
            path = ("rules", position, rule.op.value, index)
            found = indicators.get(name)
            if found is None:
                yield _messages.make(
                    Issue, "QT303", path, hint=_nearest(outline, name), indicator=repr(name)
                )
            elif not found[1].type.numeric:
                yield _messages.make(Issue, "QT304", path, indicator=repr(name), type=found[1].type)
    for position, name in enumerate(outline.appendix):
        if name not in indicators:
            yield _messages.make(
                Issue,
                "QT303",
                ("appendix", position),
                hint=_nearest(outline, name),
                indicator=repr(name),
            )


def rule_issues(rule: CrossRule) -> Iterator[Issue]:
    """
    Whether a cross-indicator rule is well formed: one comparison, with the right number of
    indicators.
    """
    comparisons = rule.comparisons()
    if len(comparisons) != 1:
        written = ", ".join(op.value for op, _ in comparisons) or "none"
        yield _messages.make(Issue, "QT306", (), written=written)
        return
    op, operands = comparisons[0]
    if len(operands) < 2 or (not op.sums and len(operands) != 2):
        yield _messages.make(
            Issue,
            "QT307",
            (op.value,),
            op=op.value,
            expected="at least two" if op.sums else "exactly two",
            expected_vi="ít nhất hai" if op.sums else "đúng hai",
            got=len(operands),
        )


def _nearest(outline: ReportOutline, name: str) -> Hint:
    return of_documents(name, (found for _, found in outline.indicators().values()))


def _section_issues(outline: ReportOutline) -> Iterator[Issue]:
    seen: dict[str, tuple[str | int, ...]] = {}
    for number, path, _ in outline.walk():
        if number in seen:
            yield _messages.make(
                Issue,
                "QT301",
                (*path, "number"),
                number=repr(number),
                first=format_path(seen[number]),
            )
        else:
            seen[number] = path


def _indicator_issues(outline: ReportOutline) -> Iterator[Issue]:
    seen: dict[str, tuple[str | int, ...]] = {}
    for _, path, section in outline.walk():
        for index, indicator in enumerate(section.indicators):
            here = (*path, "indicators", index)
            if indicator.id in seen:
                yield _messages.make(
                    Issue,
                    "QT302",
                    (*here, "id"),
                    indicator=repr(indicator.id),
                    first=format_path(seen[indicator.id]),
                )
            else:
                seen[indicator.id] = here
            bounded = indicator.min is not None or indicator.max is not None
            if bounded and not indicator.type.numeric:
                yield _messages.make(
                    Issue, "QT304", here, indicator=repr(indicator.id), type=indicator.type
                )
            elif (
                indicator.min is not None
                and indicator.max is not None
                and indicator.min > indicator.max
            ):
                yield _messages.make(
                    Issue, "QT305", (*here, "max"), min=indicator.min, max=indicator.max
                )
