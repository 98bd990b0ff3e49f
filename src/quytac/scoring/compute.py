"""
The computation of a score: the hot loop over a plan's rows, the percent of each model, the
band and the critical cap; ``Score`` and its ``Explanation`` (each refers to the other, so
both are here; the tree of an explanation is built in ``scoring.explain``).
"""

from __future__ import annotations

import functools
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from quytac import _messages
from quytac._nearest import hint
from quytac.checklists import (
    NA,
    Answers,
    Band,
    Checklist,
    Model,
    Rounding,
    RoundingMode,
    ZeroScope,
    answer_text,
    answer_values,
)
from quytac.errors import Issue, Severity

from .explain import ItemResult, SectionResult, _item_results, tree
from .plan import (
    _HUNDRED,
    Path,
    Plan,
    Status,
    _plain,
    _weighted,
    _with_subsections,
    plan_of,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping


#: How many distinct answers an item remembers the points of.
_MEMO = 256


#: An issue before it is made: its code, path and parameters.
_Found = tuple[str, Path, dict[str, object]]


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
            return _messages.score_word("no score", lang)
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
        return Explanation(
            score=self,
            sections=tree(
                plan_of(self.checklist),
                Answers.of(self.answers),
                statuses=self.statuses,
                scaled=self.scaled,
                failed=self.critical_failed,
                issues=self.issues,
            ),
        )


@attrs.frozen(kw_only=True)
class Explanation:
    """
    The explanation of a score: the score and a tree of section and item results.
    ``quytac.render.explanation.text(explanation, lang)`` writes it as indented lines.

    ``quytac score --explain`` shows it in detail (each item's text, the part of a condition
    that did not hold, the bands); ``--format json --explain`` gives it as data.

    .. versionadded:: 2026.11.0
    .. versionchanged:: 2026.11.0
       ``render(lang)`` and ``str()`` removed: use ``quytac.render.explanation.text``.
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
