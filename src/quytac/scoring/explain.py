"""
The explanation of a score as data: what each item and section was awarded, and why an item
counted or not (``ItemResult``, ``SectionResult``); ``sections`` builds the tree of
``Score.explain()``. Its views for people are in ``quytac.render.explanation``.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from quytac.checklists import (
    Answer,
    Answers,
    Item,
    Model,
    ZeroScope,
)
from quytac.conditions import UnmetCondition, unmet
from quytac.errors import Issue
from quytac.text import Text

from .plan import _HUNDRED, Plan, Status, _weighted, _with_subsections

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator


@attrs.frozen(kw_only=True)
class ItemResult:
    """
    What one item was awarded, and whether it counted.
    ``quytac.render.explanation.reason(result, lang)`` says why in words.

    Attributes:
        id: The item's id.
        status: scored, na, not_observed, missing, skipped, not_scored or invalid.
        counted: Whether it is in the numerator and the denominator.
        awarded: Its points (None when not counted).
        maximum: Its maximum.
        answer: The answer given, or None.
        critical_failed: Whether it is a critical item that failed.
        weight: Its weight among its section's children under the ``weighted`` model (its
            ``weight``, or its points), None under the other models.
        item: The item itself (its text, its answer type, whether it is critical).
        unmet: For an item skipped by its ``when:``, the parts of the condition that did not
            hold and the answers they saw; empty otherwise.
        issues: What is wrong with its answer (an answer that does not fit, an answer to a
            skipped item), with the paths of the score's issues.

    .. versionadded:: 2026.11.0
    .. versionchanged:: 2026.11.0
       ``item``, ``unmet`` and ``issues``; ``reason(lang)`` removed: use
       ``quytac.render.explanation.reason``.
    """

    id: str
    status: Status
    counted: bool
    awarded: Fraction | None
    maximum: Fraction
    answer: Answer | None
    critical_failed: bool = False
    weight: Decimal | None = None
    item: Item | None = None
    unmet: tuple[UnmetCondition, ...] = ()
    issues: tuple[Issue, ...] = ()


@attrs.frozen(kw_only=True)
class SectionResult:
    """
    What a section was awarded over its counted items (subsections included).

    Attributes:
        id: The section's id.
        title: Its title.
        awarded: Points awarded over its counted items (0 when zeroed).
        maximum: Points its counted items could give.
        zeroed_by: The failed critical items that zeroed it.
        items: Its items' results.
        sections: Its subsections' results.
        titles: Its title in every language it has (``titles.get("en")``); ``title`` is the
            Vietnamese one.
        percent: Its percent: under ``weighted`` the weighted mean of its counted children,
            otherwise 100 x awarded / maximum; None when nothing in it counted.
        weight: Its weight among its siblings under the ``weighted`` model, else None.

    .. versionadded:: 2026.11.0
    """

    id: str
    title: str
    awarded: Fraction
    maximum: Fraction
    zeroed_by: tuple[str, ...]
    items: tuple[ItemResult, ...]
    sections: tuple[SectionResult, ...]
    titles: Text | None = None
    percent: Fraction | None = None
    weight: Decimal | None = None


def _issues_by_item(issues: Iterable[Issue]) -> dict[object, tuple[Issue, ...]]:
    """
    The issues of a score's answers by the item they are about (the last key of their path).
    """
    found: dict[object, tuple[Issue, ...]] = {}
    for issue in issues:
        if issue.path and issue.code != "QT450":  # QT450: an answer to no item
            found[issue.path[-1]] = (*found.get(issue.path[-1], ()), issue)
    return found


def tree(  # noqa: PLR0913 - what a score holds, given explicitly
    plan: Plan,
    answers: Answers,
    *,
    statuses: tuple[Status, ...],
    scaled: tuple[int, ...],
    failed: Iterable[str],
    issues: Iterable[Issue],
) -> tuple[SectionResult, ...]:
    """
    The tree of a score's section and item results (``Score.explain()``), from the plan, the
    answers, each item's status and scaled points, the ids of the critical items that failed
    and the issues of the answers.
    """
    values = answers.values
    fails = plan.fails
    results: dict[int, list[ItemResult]] = {}
    totals: dict[int, list[int]] = {}
    failed = set(failed)
    zero_sections = (
        {step.section for step in plan.items if step.item.id in failed}
        if plan.policy.critical.zero is ZeroScope.SECTION
        else set()
    )
    zeroed = _with_subsections(plan, zero_sections)
    means: dict[int, Fraction] = {}
    if plan.model is Model.WEIGHTED:
        _weighted(plan, list(statuses), list(scaled), zeroed, means)
    by_item = _issues_by_item(issues)
    # What the conditions saw, item by item, as the scoring loop sees it.
    seen: dict[str, str] = {}
    for step, status, award in zip(plan.items, statuses, scaled, strict=True):
        counted = status is Status.SCORED or status in fails
        item, when = step.item, step.item.when
        result = ItemResult(
            id=item.id,
            status=status,
            counted=counted,
            awarded=Fraction(award, plan.scale) if counted else None,
            maximum=Fraction(item.maximum),
            answer=answers.get(item.id),
            critical_failed=item.critical and counted and award < step.scaled_max,
            weight=item.weight_in_section if plan.model is Model.WEIGHTED else None,
            item=item,
            unmet=unmet(when, seen) if when is not None and status is Status.SKIPPED else (),
            issues=by_item.get(item.id, ()),
        )
        if status not in (Status.SKIPPED, Status.INVALID) and item.id in values:
            seen[item.id] = values[item.id]
        results.setdefault(step.section, []).append(result)
        if counted:
            indexes = (step.section, *plan.sections[step.section][2])
            for index in indexes:
                total = totals.setdefault(index, [0, 0])
                total[0] += 0 if index in zeroed else award
                total[1] += step.scaled_max

    def build(index: int) -> SectionResult:
        section, _, _ = plan.sections[index]
        total = totals.get(index, [0, 0])
        percent = means[index] * _HUNDRED if index in means else None
        if plan.model is not Model.WEIGHTED and total[1]:
            percent = Fraction(100 * total[0], total[1])
        inner = [
            build(other)
            for other, (_, _, parents) in enumerate(plan.sections)
            if parents and parents[-1] == index
        ]
        return SectionResult(
            id=section.id,
            title=str(section.title),
            titles=section.title,
            percent=percent,
            weight=section.weight if plan.model is Model.WEIGHTED else None,
            awarded=Fraction(total[0], plan.scale),
            maximum=Fraction(total[1], plan.scale),
            zeroed_by=tuple(sorted(failed_in(index))) if index in zeroed else (),
            items=tuple(results.get(index, ())),
            sections=tuple(inner),
        )

    def failed_in(index: int) -> set[str]:
        above = {index, *plan.sections[index][2]}
        return {
            step.item.id for step in plan.items if step.item.id in failed and step.section in above
        }

    tops = [index for index, (_, _, parents) in enumerate(plan.sections) if not parents]
    return tuple(build(index) for index in tops)


def _item_results(sections: tuple[SectionResult, ...]) -> Iterator[ItemResult]:
    for section in sections:
        yield from section.items
        yield from _item_results(section.sections)
