"""
Scoring a checklist's answers: exact percents, bands chosen on the exact value, critical items,
coverage, and an explanation of every point; agreement of a self-assessment with an appraisal;
golden examples.

Everything is exact: points are Decimals from the source text, sums are scaled integers, ratios
are Fractions; rounding happens only when a percent is shown.
"""

from __future__ import annotations

import enum
import functools
import math
import re
import weakref
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from . import _messages
from ._checks import DIGITS
from ._nearest import WORDS, Hint, hint, nearest
from .checklists import (
    MISSING,
    NA,
    NOT_OBSERVED,
    Answer,
    Answers,
    Band,
    Checklist,
    Choices,
    Count,
    Expectation,
    Item,
    Model,
    PointsScale,
    Rounding,
    RoundingMode,
    ScoringPolicy,
    Section,
    Unanswered,
    YesNo,
    ZeroScope,
    answer_text,
    answer_values,
    band_hint,
)
from .conditions import UnmetCondition, number, references, unmet
from .errors import Issue, ScoreError, Severity, _order
from .text import Text

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping

    from .conditions import Condition
    from .workspace import Workspace

__all__ = [
    "Agreement",
    "Coverage",
    "Explanation",
    "ItemAgreement",
    "ItemResult",
    "Plan",
    "Score",
    "ScoreError",
    "SectionResult",
    "Status",
    "compare",
    "plan_of",
    "round_percent",
    "run_examples",
    "score",
]

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
#: How many distinct answers an item remembers the points of.
_MEMO = 256


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


#: An issue before it is made: its code, path and parameters.
_Found = tuple[str, Path, dict[str, object]]

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


# --- scores ---------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Coverage:
    """
    How much of what applies was evaluated: items with a value out of items applicable (not
    skipped, not ``na``, not text).

    .. versionadded:: 2026.11.0
    """

    evaluated: int
    applicable: int

    @property
    def ratio(self) -> Fraction | None:
        """
        evaluated / applicable, or None when nothing applies.
        """
        return Fraction(self.evaluated, self.applicable) if self.applicable else None

    def __str__(self) -> str:
        return f"{self.evaluated}/{self.applicable}"


@attrs.frozen(kw_only=True, eq=False)
class Score:
    """
    The score of one set of answers to a checklist.

    Attributes:
        checklist: The checklist scored.
        percent: The exact percent (a Fraction from 0 to 100), or None for "no score" (nothing
            was counted, or the answers have errors: see ``issues``).
        awarded: The points awarded over the counted items (the ``flat`` model's score).
        maximum: The points the counted items could give.
        band: The band reached (after any critical cap), or None.
        coverage: Items evaluated / items applicable.
        capped_by: Ids of the failed critical items that had an effect: they zeroed the score
            or their sections (``zero``), or they lowered the band (``cap_band``); empty when
            the band reached is already at or below the cap.
        issues: Answers that do not fit the checklist, with paths (``answers["I.1"]``).
        answers: The answers scored.
        critical_failed: Ids of every critical item that failed, whatever its effect.

    .. versionadded:: 2026.11.0
    .. versionchanged:: 2026.11.0
       ``capped_by`` names only the items that capped or zeroed; ``critical_failed`` added.
    """

    checklist: Checklist = attrs.field(repr=lambda c: f"<Checklist {c.id}>")
    percent: Fraction | None
    awarded: Fraction
    maximum: Fraction
    band: Band | None
    coverage: Coverage
    capped_by: tuple[str, ...]
    answers: Answers | Mapping[str, object] = attrs.field(repr=False)
    found: tuple[_Found, ...] = attrs.field(repr=False)
    kept: tuple[tuple[Status, ...], tuple[int, ...]] | None = attrs.field(repr=False)
    critical_failed: tuple[str, ...] = ()

    @functools.cached_property
    def _items(self) -> tuple[tuple[Status, ...], tuple[int, ...]]:
        if self.kept is not None:
            return self.kept
        plan = plan_of(self.checklist)
        tally = _evaluate(plan, answer_values(self.answers), [], (), keep=True)
        return tuple(tally.statuses), tuple(tally.scaled)

    @property
    def statuses(self) -> tuple[Status, ...]:
        """
        What became of each item, in the checklist's order.
        """
        return self._items[0]

    @property
    def scaled(self) -> tuple[int, ...]:
        """
        Each item's points, as integers over the plan's common denominator.
        """
        return self._items[1]

    @property
    def ok(self) -> bool:
        """
        Whether the answers fit the checklist (no issue of severity error).
        """
        return not _has_errors(self.found)

    @functools.cached_property
    def issues(self) -> tuple[Issue, ...]:
        """
        Answers that do not fit the checklist, as issues with paths (built when first asked).
        """
        return tuple(
            _messages.make(Issue, code, path, **params) for code, path, params in self.found
        )

    @property
    def rounded(self) -> Decimal | None:
        """
        The percent rounded as the checklist declares (for display), or None.
        """
        if self.percent is None:
            return None
        return round_percent(self.percent, self.checklist.scoring.rounding)

    def shown(self, lang: str = "en") -> str:
        """
        The percent as shown to people (``"87.5"``, ``"66.67"``), or "no score".
        """
        rounded = self.rounded
        if rounded is None:
            return "chưa có điểm" if lang == "vi" else "no score"
        return _plain(Fraction(rounded))

    @property
    def uncapped_band(self) -> Band | None:
        """
        The band the exact percent reaches before a failed critical item caps it
        (``critical: {cap_band: ...}``): the band the score would have had without the cap.
        The same as ``band`` when nothing capped it; None when there is no score.

        .. versionadded:: 2026.11.0
        """
        if self.percent is None:
            return None
        return _reached(plan_of(self.checklist), self.percent)

    def explain(self) -> Explanation:
        """
        The tree of sections and items: what each was awarded out of what, and why an item
        was counted or not.
        """
        return _explain(self)


def round_percent(value: Fraction, rounding: Rounding = Rounding()) -> Decimal:  # noqa: B008
    """
    A percent rounded for display, exactly (half up by default): 200/3 -> 66.67.

    .. versionadded:: 2026.11.0
    """
    factor = 10**rounding.places
    whole, rest = divmod(value.numerator * factor, value.denominator)
    twice = 2 * rest
    mode = rounding.mode
    if rest and (
        mode is RoundingMode.UP
        or (mode is RoundingMode.HALF_UP and twice >= value.denominator)
        or (
            mode is RoundingMode.HALF_EVEN
            and (twice > value.denominator or (twice == value.denominator and whole % 2))
        )
    ):
        whole += 1
    return Decimal(whole).scaleb(-rounding.places)


def score(
    checklist: Checklist,
    answers: Answers | Mapping[str, object],
    *,
    path: Path = ("answers",),
) -> Score:
    """
    Score answers to a checklist.

    Args:
        checklist: The checklist.
        answers: Answers as loaded (``Answers``), or plain values as in YAML:
            ``{"I.1": "pass", "I.2": 7, "I.3": {"value": "day_du", "note": "..."}}``; numbers
            may be int, str or Decimal.
        path: The YAML path of the answers in their document, which prefixes the issues' paths.

    Returns:
        The Score. Answers that do not fit the checklist are in ``Score.issues`` and then the
        score has no percent and no band (it is not partial).

    Raises:
        TypeError: For a float or another value that is not an answer.

    .. versionadded:: 2026.11.0
    """
    plan = plan_of(checklist)
    values = answer_values(answers)
    issues: list[_Found] = []
    if not plan.ids.issuperset(values):
        for key, value in values.items():
            if key not in plan.ids:
                answer_text(key, value)  # a float is refused here too
                found = hint(key, [item.id for item in checklist.items])
                params = {"id": repr(key), "checklist": repr(checklist.id), "hint": found}
                issues.append(("QT450", (*path, key), params))
    tally = _evaluate(plan, values, issues, path, keep=plan.keep)
    kept = answers if isinstance(answers, Answers) else values  # a copy: later edits do not leak
    return _score(checklist, plan=plan, tally=tally, issues=issues, answers=kept)


@attrs.define
class _Tally:
    """
    What the hot loop finds: each item's status and scaled points, and the totals.
    """

    statuses: list[Status] = attrs.Factory(list)
    scaled: list[int] = attrs.Factory(list)
    awarded: int = 0
    maximum: int = 0
    evaluated: int = 0
    applicable: int = 0
    failed: list[int] = attrs.Factory(list)


def _evaluate(  # noqa: C901 - the hot loop, kept in one piece
    plan: Plan, values: Mapping[str, object], issues: list[_Found], path: Path, *, keep: bool
) -> _Tally:
    """
    The hot loop: the totals, and (when ``keep``) each item's status and scaled points.
    Each answer's outcome for the totals is worked out once per plan and remembered.
    """
    tally = _Tally()
    statuses, scaled, failed = tally.statuses, tally.scaled, tally.failed
    seen: dict[str, str] = {}
    awarded = maximum = evaluated = applicable = 0
    for item_id, when, memo, step, watched, position, unanswered, skipped in plan.rows:
        raw = values.get(item_id)
        if raw is None and item_id in values:
            answer_text(item_id, raw)  # None is not an answer: raises TypeError
        token = raw if raw is None or isinstance(raw, str) else answer_text(item_id, raw)
        if when is not None and not when.holds(seen):
            if token is not None and token != NA:
                issues.append(("QT455", (*path, item_id), {}))
            outcome, token = skipped, None
        elif token is None:
            outcome = unanswered
        else:
            remembered = memo.get(token)
            if remembered is None:
                remembered = plan.outcome(step, token)
                if len(memo) < _MEMO:
                    memo[token] = remembered
            outcome = remembered
            if outcome[7] is not None:
                issues.append((outcome[7][0], (*path, item_id), outcome[7][1]))
                token = None
        if watched and token is not None:
            seen[item_id] = token
        if keep:
            statuses.append(outcome[0])
            scaled.append(outcome[1])
        awarded += outcome[2]
        maximum += outcome[3]
        evaluated += outcome[4]
        applicable += outcome[5]
        if outcome[6]:
            failed.append(position)
    tally.awarded, tally.maximum = awarded, maximum
    tally.evaluated, tally.applicable = evaluated, applicable
    return tally


def _score(
    checklist: Checklist,
    *,
    plan: Plan,
    tally: _Tally,
    issues: list[_Found],
    answers: Answers | Mapping[str, object],
) -> Score:
    policy = plan.policy
    statuses, scaled = tally.statuses, tally.scaled
    awarded = tally.awarded
    failed = [plan.items[position].item.id for position in tally.failed]
    zero = policy.critical.zero if failed else None
    zeroed: set[int] = set()
    if zero is ZeroScope.SECTION:
        zeroed = _with_subsections(plan, {plan.items[p].section for p in tally.failed})
        awarded -= sum(
            award
            for step, status, award in zip(plan.items, statuses, scaled, strict=True)
            if step.section in zeroed and (status is Status.SCORED or status in plan.fails)
        )
    percent = _percent(
        plan,
        statuses=statuses,
        scaled=scaled,
        awarded=awarded,
        maximum=tally.maximum,
        zeroed=zeroed,
    )
    if zero is ZeroScope.SCORE and percent is not None:
        percent, awarded = Fraction(0), 0
    if issues and _has_errors(issues):
        percent = None
    band, lowered = _band(plan, percent, capped=bool(failed))
    effect = percent is not None and (policy.critical.zero is not None or lowered)
    return Score(
        checklist=checklist,
        percent=percent,
        awarded=Fraction(awarded, plan.scale),
        maximum=Fraction(tally.maximum, plan.scale),
        band=band,
        coverage=Coverage(evaluated=tally.evaluated, applicable=tally.applicable),
        capped_by=tuple(failed) if effect else (),
        critical_failed=tuple(failed),
        found=tuple(issues),
        answers=answers,
        kept=(tuple(statuses), tuple(scaled)) if plan.keep else None,
    )


def _has_errors(found: Iterable[_Found]) -> bool:
    return any(_messages.CATALOG[code][0] is Severity.ERROR for code, _, _ in found)


def _with_subsections(plan: Plan, zeroed: set[int]) -> set[int]:
    return {
        index
        for index, (_, _, parents) in enumerate(plan.sections)
        if index in zeroed or zeroed.intersection(parents)
    }


def _percent(  # noqa: PLR0913 - the totals of one score
    plan: Plan,
    *,
    statuses: list[Status],
    scaled: list[int],
    awarded: int,
    maximum: int,
    zeroed: set[int],
) -> Fraction | None:
    model = plan.model
    if model is Model.WEIGHTED:
        weighted = _weighted(plan, statuses, scaled, zeroed)
        return None if weighted is None else _HUNDRED * weighted
    if model is Model.ABSOLUTE:
        # Every counted item gives at most its maximum: all are met when the sums are equal.
        if not maximum:
            return None
        return _HUNDRED if awarded == maximum else Fraction(0)
    if not maximum:
        return None
    return Fraction(100 * awarded, maximum)


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


def _band(plan: Plan, percent: Fraction | None, *, capped: bool) -> tuple[Band | None, bool]:
    """
    The band reached, and whether the critical cap lowered it.
    """
    if percent is None:
        return None, False
    reached = _reached(plan, percent)
    cap = plan.policy.critical.cap_band
    if not capped or cap is None or reached is None:
        return reached, False
    limit = next((band for band in plan.bands if band.id == cap), None)
    if limit is not None and limit.min < reached.min:
        return limit, True
    return reached, False


def _reached(plan: Plan, percent: Fraction) -> Band | None:
    """
    The highest band whose minimum the exact percent meets, before any cap.
    """
    return next((band for band in plan.bands if percent >= band.min), None)


# --- explanation ----------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ItemResult:
    """
    What one item was awarded, and whether it counted.

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
       ``item``, ``unmet`` and ``issues``.
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

    def reason(self, lang: str = "en", *, detailed: bool = False) -> str:
        """
        Why the item counted or not, in words; ``detailed`` names the part of a condition
        that did not hold (``skipped: I.3 = khong, needs I.3 in [day_du, mot_phan]``), why an
        answer does not fit, and a failed critical item.

        .. versionchanged:: 2026.11.0
           ``detailed``.
        """
        from .render.explanation import reason  # noqa: PLC0415 - render/ words it

        return reason(self, lang, detailed=detailed)


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


@attrs.frozen(kw_only=True)
class Explanation:
    """
    The explanation of a score: the score and a tree of section and item results.
    Render it with ``render(lang)`` or ``str()``.

    ``quytac score --explain`` shows it in detail (each item's text, the part of a condition
    that did not hold, the bands); ``--format json --explain`` gives it as data.

    .. versionadded:: 2026.11.0
    """

    score: Score
    sections: tuple[SectionResult, ...]

    @property
    def bands(self) -> tuple[Band, ...]:
        """
        The checklist's bands, highest first: the limits the percent is placed within.

        .. versionadded:: 2026.11.0
        """
        return plan_of(self.score.checklist).bands

    def items(self) -> Iterator[ItemResult]:
        """
        Every item's result, in the checklist's order.

        .. versionadded:: 2026.11.0
        """
        return _item_results(self.sections)

    def render(self, lang: str = "en") -> str:
        """
        The tree as indented lines, in ``"en"`` or ``"vi"``.
        """
        from .render.explanation import text  # noqa: PLC0415 - render/ is the formatter

        return text(self, lang)

    def __str__(self) -> str:
        return self.render()


def _issues_by_item(issues: Iterable[Issue]) -> dict[object, tuple[Issue, ...]]:
    """
    The issues of a score's answers by the item they are about (the last key of their path).
    """
    found: dict[object, tuple[Issue, ...]] = {}
    for issue in issues:
        if issue.path and issue.code != "QT450":  # QT450: an answer to no item
            found[issue.path[-1]] = (*found.get(issue.path[-1], ()), issue)
    return found


def _explain(score: Score) -> Explanation:
    plan = plan_of(score.checklist)
    answers = Answers.of(score.answers)
    values = answers.values
    fails = plan.fails
    results: dict[int, list[ItemResult]] = {}
    totals: dict[int, list[int]] = {}
    failed = set(score.critical_failed)
    zero = plan.policy.critical.zero
    means: dict[int, Fraction] = {}
    if plan.model is Model.WEIGHTED:
        _weighted(
            plan,
            list(score.statuses),
            list(score.scaled),
            _with_subsections(
                plan,
                {step.section for step in plan.items if step.item.id in failed}
                if zero is ZeroScope.SECTION
                else set(),
            ),
            means,
        )
    zero_sections = (
        {step.section for step in plan.items if step.item.id in failed}
        if zero is ZeroScope.SECTION
        else set()
    )
    zeroed = _with_subsections(plan, zero_sections)
    issues = _issues_by_item(score.issues)
    # What the conditions saw, item by item, as the scoring loop sees it.
    seen: dict[str, str] = {}
    for step, status, award in zip(plan.items, score.statuses, score.scaled, strict=True):
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
            issues=issues.get(item.id, ()),
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
    return Explanation(score=score, sections=tuple(build(index) for index in tops))


# --- agreement ------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ItemAgreement:
    """
    One item as self-assessed and as appraised.

    .. versionadded:: 2026.11.0
    """

    id: str
    self_status: Status
    appraised_status: Status
    self_awarded: Fraction | None
    appraised_awarded: Fraction | None
    maximum: Fraction

    @property
    def agrees(self) -> bool:
        """
        Whether both counted the item with the same points, or both left it out.
        """
        return self.self_awarded == self.appraised_awarded

    @property
    def difference(self) -> Fraction | None:
        """
        Appraised minus self-assessed points, when both counted the item.
        """
        if self.self_awarded is None or self.appraised_awarded is None:
            return None
        return self.appraised_awarded - self.self_awarded


@attrs.frozen(kw_only=True)
class Agreement:
    """
    How a unit's self-assessment compares with the inspectors' appraisal, item by item.

    Attributes:
        items: Every item counted in at least one of the two scores.
        agreeing: How many of them agree.
        share: agreeing / compared, or None when nothing was compared.
        difference: Appraised percent minus self-assessed percent (percent points), or None.

    .. versionadded:: 2026.11.0
    """

    items: tuple[ItemAgreement, ...]
    agreeing: int
    share: Fraction | None
    difference: Fraction | None

    @property
    def differences(self) -> tuple[ItemAgreement, ...]:
        """
        The items on which the two scores differ.
        """
        return tuple(item for item in self.items if not item.agrees)


def compare(self_score: Score, appraised: Score) -> Agreement:
    """
    Compare a self-assessed score with an appraised score of the same checklist.

    Raises:
        ScoreError: When the two scores are of different checklists.

    .. versionadded:: 2026.11.0
    """
    mine, theirs = self_score.checklist, appraised.checklist
    if (mine.id, mine.version) != (theirs.id, theirs.version):
        raise ScoreError(
            f"cannot compare scores of different checklists: {mine.id} (version {mine.version})"
            f" and {theirs.id} (version {theirs.version})"
        )
    if mine is not theirs and mine != theirs:
        raise ScoreError(
            f"cannot compare scores of two checklists that differ but share the id {mine.id}"
            f" and version {mine.version}"
        )
    for which, given in (("self-assessment", self_score), ("appraisal", appraised)):
        if not given.ok:
            first = next(issue for issue in given.issues if issue.severity is Severity.ERROR)
            raise ScoreError(
                f"cannot compare: the {which}'s answers do not fit checklist {mine.id} ({first})"
            )
    left = self_score.explain()
    right = appraised.explain()
    pairs = zip(_item_results(left.sections), _item_results(right.sections), strict=True)
    items = tuple(
        ItemAgreement(
            id=a.id,
            self_status=a.status,
            appraised_status=b.status,
            self_awarded=a.awarded,
            appraised_awarded=b.awarded,
            maximum=a.maximum,
        )
        for a, b in pairs
        if a.counted or b.counted
    )
    agreeing = sum(1 for item in items if item.agrees)
    difference = None
    if self_score.percent is not None and appraised.percent is not None:
        difference = appraised.percent - self_score.percent
    return Agreement(
        items=items,
        agreeing=agreeing,
        share=Fraction(agreeing, len(items)) if items else None,
        difference=difference,
    )


def _item_results(sections: tuple[SectionResult, ...]) -> Iterator[ItemResult]:
    for section in sections:
        yield from section.items
        yield from _item_results(section.sections)


# --- golden examples ------------------------------------------------------------------------


def run_examples(checklist: Checklist) -> Iterator[Issue]:
    """
    Run a checklist's ``examples:``; yield an issue for every answer that does not fit and for
    every expectation that fails, with its path (``examples[2].expect.percent``).

    .. versionadded:: 2026.11.0
    """
    bands = {band.id for band in checklist.scoring.bands}
    for position, example in enumerate(checklist.examples):
        where: Path = ("examples", position)
        result = score(checklist, example.answers, path=(*where, "answers"))
        # An answer that does not fit leaves the example without a score: the expectations it
        # then misses follow from the first such answer.
        cause = (checklist.kind, checklist.id, *map(str, where))
        first = next((i for i in result.issues if i.severity is Severity.ERROR), None)
        for issue in result.issues:
            yield attrs.evolve(issue, cause=cause) if issue is first else issue
        band = example.expect.band
        unknown_band = band is not None and band not in bands
        if band is not None and unknown_band:
            found = band_hint(band, checklist.scoring)
            yield _messages.make(
                Issue,
                "QT461",
                (*where, "expect", "band"),
                hint=found,
                cause=(*cause, "band"),
                name=repr(example.name),
                band=repr(band),
                allowed=found.shown or "(no bands)",
            )
        for key, expected, got in _misses(result, example.expect):
            if first is not None:
                followed: tuple[str, ...] = cause
            else:
                followed = (*cause, "band") if key == "band" and unknown_band else ()
            yield _messages.make(
                Issue,
                "QT460",
                (*where, "expect", key),
                cause=followed,
                follows=bool(followed),
                name=repr(example.name),
                what=key,
                expected=expected,
                expected_vi=_VI.get(expected, expected),
                got=got,
                got_vi=_VI.get(got, got),
            )


def _located_examples(workspace: Workspace, checklist: Checklist) -> list[Issue]:
    """
    The issues of :func:`run_examples`, placed at their file, line and column and sorted by
    place: what ``quytac test`` and the pytest plugin show.
    """
    return sorted(workspace.locate(checklist, run_examples(checklist)), key=_order)


#: The words of example failures, in Vietnamese.
_VI = {"no score": "chưa có điểm", "no band": "không có mức nào"}


def _misses(result: Score, expect: Expectation) -> Iterator[tuple[str, str, str]]:
    shown = "no score"
    if result.percent is not None:
        shown = _plain(result.percent)
        if "/" in shown:
            shown = f"{result.shown()} ({shown})"
    if expect.no_score and result.percent is not None:
        yield "no_score", "no score", shown
    if expect.percent is not None and not _percent_matches(result, expect.percent):
        yield "percent", _plain(expect.percent), shown
    if expect.band is not None:
        got = result.band.id if result.band else "no band"
        if got != expect.band:
            yield "band", expect.band, got
    if expect.awarded is not None and Fraction(expect.awarded) != result.awarded:
        yield "awarded", _plain(expect.awarded), _plain(result.awarded)
    if expect.maximum is not None and Fraction(expect.maximum) != result.maximum:
        yield "maximum", _plain(expect.maximum), _plain(result.maximum)
    if expect.capped_by is not None and tuple(expect.capped_by) != result.capped_by:
        yield "capped_by", _listed(expect.capped_by), _listed(result.capped_by)


def _percent_matches(result: Score, expected: Decimal) -> bool:
    if result.percent is None:
        return False
    return Fraction(expected) == result.percent or result.rounded == expected


def _listed(ids: tuple[str, ...]) -> str:
    return "[" + ", ".join(ids) + "]"
