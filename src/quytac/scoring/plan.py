"""
The compiled plan of a checklist: its items in order, the points of each answer as integers
over one common denominator, its sections flattened and its bands sorted; the statuses an item
can end in; and the sums over the plan's sections that the computation and the explanation
share (the weighted model's means, the sections a zeroed section takes with it).
"""

from __future__ import annotations

import enum
import math
import re
import weakref
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from quytac._checks import DIGITS
from quytac._nearest import WORDS, Hint, hint, nearest
from quytac.checklists import (
    MISSING,
    NA,
    NOT_OBSERVED,
    Band,
    Checklist,
    Choices,
    Count,
    Item,
    Model,
    PointsScale,
    ScoringPolicy,
    Section,
    Unanswered,
    YesNo,
    ZeroScope,
)
from quytac.conditions import number, references

if TYPE_CHECKING:
    from collections.abc import Iterator

    from quytac.conditions import Condition

Path = tuple[str | int, ...]
_HUNDRED = Fraction(100)


class Status(enum.StrEnum):
    """
    What became of an item when a checklist was scored.

    .. versionadded:: 2026.11.0
    """

    SCORED = "scored"
    NA = NA
    NOT_OBSERVED = NOT_OBSERVED
    MISSING = MISSING
    SKIPPED = "skipped"
    NOT_SCORED = "not_scored"
    INVALID = "invalid"


# --- the compiled plan ----------------------------------------------------------------------

_TABLE, _FULL_AT, _THRESHOLDS, _STEPS, _TEXT = range(5)
_WHOLE = re.compile(r"[0-9]+\Z")


@attrs.frozen(eq=False)
class _ItemPlan:
    """
    One item, ready to score: its maximum and the points of each answer, as integers scaled by
    the plan's common denominator.
    """

    item: Item
    path: Path
    section: int
    how: int
    scaled_max: int
    table: dict[str, int]
    unit: int = 0
    full_at: int = 0
    thresholds: tuple[tuple[int, int], ...] = ()
    step: Fraction = Fraction(1)
    watched: bool = False

    def resolve(self, token: str) -> _Resolved:
        """
        What an answer makes of the item: its status and scaled points, or (for an answer that
        does not fit) the status ``invalid`` and the code and parameters of the issue.
        """
        if self.how == _TEXT:
            return (Status.NOT_SCORED, 0)
        if token == NA:
            return (Status.NA, 0)
        if token == NOT_OBSERVED:
            return (Status.NOT_OBSERVED, 0)
        found = self.award(token)
        if isinstance(found, int):
            return (Status.SCORED, found)
        return (Status.INVALID, found)

    def award(self, token: str) -> int | tuple[str, dict[str, object]]:
        """
        The scaled points an answer gives, or the code and parameters of why it does not fit.
        """
        if self.how == _TABLE:
            found = self.table.get(token)
            return self._unknown(token) if found is None else found
        value = number(token)
        if value is None or value < 0:
            return self._not_a_number(token)
        exponent = value.as_tuple().exponent
        if value.adjusted() >= DIGITS or (isinstance(exponent, int) and -exponent > DIGITS):
            # Bounded before any Fraction or int is made of it: 1e1000000 would take minutes.
            return ("QT456", {"got": repr(token), "digits": DIGITS})
        if self.how == _STEPS:
            steps = Fraction(value) / self.step
            if steps.denominator != 1:
                return ("QT452", {"got": repr(token), "step": _plain(self.step)})
            scaled = steps.numerator * self.unit
            if scaled > self.scaled_max:
                return ("QT453", {"got": repr(token), "maximum": self.item.maximum})
            return scaled
        if not _WHOLE.match(token):  # a count is written as a whole number: not 2.0, not 1e3
            return self._not_a_number(token)
        return self._count(int(token))

    def _count(self, count: int) -> int:
        if self.how == _FULL_AT:
            return self.unit * min(count, self.full_at)
        reached = 0
        for least, scaled in self.thresholds:
            if count >= least:
                reached = scaled
        return reached

    def _unknown(self, token: str) -> tuple[str, dict[str, object]]:
        if isinstance(self.item.answer, Choices):
            choices = self.item.answer.choices
            expected = ", ".join(choice.id for choice in choices)
            labels = {choice.id: (choice.label.vi, choice.label.en or "") for choice in choices}
            found = hint(token, [*labels, NA, NOT_OBSERVED], {**WORDS["answer"], **labels})
            return ("QT454", {"got": repr(token), "expected": expected, "hint": found})
        return (
            "QT451",
            {
                "expected": "pass or fail",
                "expected_vi": "pass hoặc fail",
                "got": repr(token),
                "answer": "yes_no",
                "hint": hint(token, ("pass", "fail", NA, NOT_OBSERVED), WORDS["answer"]),
            },
        )

    def _not_a_number(self, token: str) -> tuple[str, dict[str, object]]:
        if self.how == _STEPS:
            expected, expected_vi = "a number of 0 or more", "một số từ 0 trở lên"
        else:
            expected, expected_vi = "a whole number of 0 or more", "một số nguyên từ 0 trở lên"
        name = self.item.answer.name
        # Any item may be na or not_observed: "không áp dụng" given for a number is na.
        said = nearest(token, (NA, NOT_OBSERVED), WORDS["answer"])
        return (
            "QT451",
            {
                "expected": expected,
                "expected_vi": expected_vi,
                "got": repr(token),
                "answer": name,
                "hint": Hint(said, (), ""),
            },
        )


#: One item as the hot loop reads it: id, condition, the outcome of each answer (na,
#: not_observed and the fixed answers of yes_no and choices at first, then every answer met),
#: the item's plan, whether a condition tests it, its position, its outcome when unanswered and
#: when skipped.
_Row = tuple[
    str, "Condition | None", dict[str, "_Outcome"], _ItemPlan, bool, int, "_Outcome", "_Outcome"
]

#: What an item adds to the totals: status, points, points counted, maximum counted, evaluated
#: (0 or 1), applicable (0 or 1), whether it is a failed critical item, the issue it raises.
_Outcome = tuple["Status", int, int, int, int, int, bool, "tuple[str, dict[str, object]] | None"]

#: An answer resolved: its status, and its scaled points or the issue it raises.
_Resolved = tuple["Status", "int | tuple[str, dict[str, object]]"]

#: Statuses of items that apply but were not evaluated (counted as failed or left out).
_APPLICABLE = frozenset({"not_observed", "missing", "invalid"})


def _plain(value: Fraction | Decimal) -> str:
    """
    A number as a person writes it: ``2.5``, ``10``; a fraction that does not end as ``200/3``.
    """
    fraction = Fraction(value)
    if fraction.denominator == 1:
        return str(fraction.numerator)
    denominator, places = fraction.denominator, 0
    for prime in (2, 5):
        count = 0
        while denominator % prime == 0:
            denominator //= prime
            count += 1
        places = max(places, count)
    if denominator != 1:
        return f"{fraction.numerator}/{fraction.denominator}"
    # Exact: the digits are a whole number once scaled by 10**places (no context to round in).
    digits = str(abs(fraction.numerator) * 10**places // fraction.denominator).rjust(
        places + 1, "0"
    )
    sign = "-" if fraction < 0 else ""
    return f"{sign}{digits[:-places]}.{digits[-places:]}".rstrip("0").rstrip(".")


@attrs.frozen(eq=False)
class Plan:
    """
    A checklist compiled for scoring many answer sets: its items in order with their maxima and
    the points of each answer as integers over one common denominator (``scale``), its
    sections flattened, its bands sorted. ``plan_of(checklist)`` builds it once.

    .. versionadded:: 2026.11.0
    """

    policy: ScoringPolicy
    scale: int
    items: tuple[_ItemPlan, ...]
    sections: tuple[tuple[Section, Path, tuple[int, ...]], ...]
    ids: frozenset[str]
    bands: tuple[Band, ...]
    fails: frozenset[Status]
    rows: tuple[_Row, ...]

    def outcome(self, step: _ItemPlan, token: str) -> _Outcome:
        """
        What an answer to an item adds to the totals.
        """
        status, award = step.resolve(token)
        return self.resolved(step, status, award)

    def resolved(
        self, step: _ItemPlan, status: Status, award: int | tuple[str, dict[str, object]]
    ) -> _Outcome:
        """
        The outcome of an item with a status and points (or the issue of an invalid answer).
        """
        error = award if isinstance(award, tuple) else None
        points = award if isinstance(award, int) else 0
        counted = status is Status.SCORED or status in self.fails
        top = step.scaled_max
        return (
            status,
            points,
            points if counted else 0,
            top if counted else 0,
            int(status is Status.SCORED),
            int(counted or status in _APPLICABLE),
            step.item.critical and counted and points < top,
            error,
        )

    @property
    def keep(self) -> bool:
        """
        Whether scoring needs each item's points (the weighted model, zeroed sections), not
        only the totals.
        """
        return self.model is Model.WEIGHTED or self.policy.critical.zero is ZeroScope.SECTION

    @property
    def model(self) -> Model:
        """
        The scoring model.
        """
        return self.policy.model


_PLANS: dict[int, tuple[weakref.ref[Checklist], Plan]] = {}


def plan_of(checklist: Checklist) -> Plan:
    """
    The plan of a checklist, compiled on first use and kept as long as the checklist lives.

    .. versionadded:: 2026.11.0
    """
    key = id(checklist)
    kept = _PLANS.get(key)
    if kept is not None and kept[0]() is checklist:
        return kept[1]
    plan = compile_plan(checklist)
    _PLANS[key] = (weakref.ref(checklist), plan)
    weakref.finalize(checklist, _PLANS.pop, key, None)
    return plan


def compile_plan(checklist: Checklist) -> Plan:
    """
    The plan of a checklist (``plan_of`` keeps it).
    """
    sections: list[tuple[Section, Path, tuple[int, ...]]] = []
    index_of: dict[Path, int] = {}
    for section, path in checklist.sections_walk():
        index_of[path] = len(sections)
        parents = tuple(index_of[path[:cut]] for cut in range(2, len(path), 2))
        sections.append((section, path, parents))
    walked = list(checklist.walk())
    scale = _scale(item for item, _ in walked)
    watched = {test.item for item, _ in walked if item.when for test, _ in references(item.when)}
    items = tuple(
        _item_plan(item, path, index_of[path[:-2]], scale, watched=item.id in watched)
        for item, path in walked
    )
    fails = {Status(kind) for kind in checklist.scoring.counts_as_fail}
    if Unanswered.MISSING in checklist.scoring.counts_as_fail:
        fails.add(Status.INVALID)
    plan = Plan(
        rows=(),
        policy=checklist.scoring,
        scale=scale,
        items=items,
        sections=tuple(sections),
        ids=frozenset(item.item.id for item in items),
        bands=tuple(sorted(checklist.scoring.bands, key=lambda band: -band.min)),
        fails=frozenset(fails),
    )
    rows = tuple(
        (
            step.item.id,
            step.item.when,
            {token: plan.outcome(step, token) for token in (NA, NOT_OBSERVED, *step.table)},
            step,
            step.watched,
            position,
            plan.resolved(step, Status.NOT_SCORED if step.how == _TEXT else Status.MISSING, 0),
            plan.resolved(step, Status.SKIPPED, 0),
        )
        for position, step in enumerate(items)
    )
    return attrs.evolve(plan, rows=rows)


def _scale(items: Iterator[Item]) -> int:
    denominators = [1]
    for item in items:
        answer = item.answer
        numbers = [Fraction(item.maximum)]
        if isinstance(answer, Choices):
            numbers += (Fraction(choice.points) for choice in answer.choices)
        elif isinstance(answer, PointsScale):
            numbers.append(Fraction(answer.step))
        elif isinstance(answer, Count):
            numbers += (Fraction(t.points) for t in answer.thresholds or ())
            if answer.full_at:
                numbers.append(Fraction(item.maximum) / answer.full_at)
        denominators += (n.denominator for n in numbers)
    return math.lcm(*denominators)


def _item_plan(item: Item, path: Path, section: int, scale: int, *, watched: bool) -> _ItemPlan:
    answer = item.answer
    scaled_max = int(Fraction(item.maximum) * scale)

    def scaled(value: Decimal) -> int:
        return min(int(Fraction(value) * scale), scaled_max)

    how, table, unit, full_at = _TEXT, {}, 0, 0
    thresholds: tuple[tuple[int, int], ...] = ()
    step = Fraction(1)
    if isinstance(answer, YesNo):
        how, table = _TABLE, {"pass": scaled_max, "fail": 0}
    elif isinstance(answer, Choices):
        how = _TABLE
        table = {choice.id: scaled(choice.points) for choice in reversed(answer.choices)}
    elif isinstance(answer, PointsScale):
        how, step = _STEPS, Fraction(answer.step)
        unit = int(step * scale)
    elif isinstance(answer, Count) and answer.full_at:
        how, full_at = _FULL_AT, answer.full_at
        unit = int(Fraction(item.maximum) / full_at * scale)
    elif isinstance(answer, Count):
        how = _THRESHOLDS
        thresholds = tuple(sorted((t.min, scaled(t.points)) for t in answer.thresholds or ()))
    else:
        scaled_max = 0
    return _ItemPlan(
        item=item,
        path=path,
        section=section,
        watched=watched,
        how=how,
        scaled_max=scaled_max,
        table=table,
        unit=unit,
        full_at=full_at,
        thresholds=thresholds,
        step=step,
    )


# --- sums over the sections ----------------------------------------------------------------


def _with_subsections(plan: Plan, zeroed: set[int]) -> set[int]:
    return {
        index
        for index, (_, _, parents) in enumerate(plan.sections)
        if index in zeroed or zeroed.intersection(parents)
    }


def _weighted(
    plan: Plan,
    statuses: list[Status],
    scaled: list[int],
    zeroed: set[int],
    means: dict[int, Fraction] | None = None,
) -> Fraction | None:
    """
    XCCDF's default model: each section the weighted mean of its counted children (kept in
    ``means`` by section index when given).
    """
    children: dict[int | None, list[tuple[Fraction, Fraction]]] = {}
    for step, status, award in zip(plan.items, statuses, scaled, strict=True):
        counted = status is Status.SCORED or status in plan.fails
        weight = Fraction(step.item.weight_in_section)
        if counted and weight and step.scaled_max:
            ratio = Fraction(0) if step.section in zeroed else Fraction(award, step.scaled_max)
            children.setdefault(step.section, []).append((weight, ratio))
    for index in range(len(plan.sections) - 1, -1, -1):
        section, _, parents = plan.sections[index]
        mean = _mean(children.get(index, ()))
        if means is not None and mean is not None:
            means[index] = mean
        if mean is not None and section.weight:
            parent = parents[-1] if parents else None
            children.setdefault(parent, []).append((Fraction(section.weight), mean))
    return _mean(children.get(None, ()))


def _mean(pairs: list[tuple[Fraction, Fraction]] | tuple[()]) -> Fraction | None:
    total = sum((weight for weight, _ in pairs), Fraction(0))
    if not total:
        return None
    return sum((weight * value for weight, value in pairs), Fraction(0)) / total
