"""
The laws of scoring, and the check that a checklist keeps them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quytac import scoring
from quytac.checklists import (
    Checklist,
    Choices,
    Count,
    Item,
    PointsScale,
    Section,
    Threshold,
    YesNo,
)
from quytac.conditions import number as _number

from .checklists import answers

# --- the laws of scoring ----------------------------------------------------------------------

#: The laws :func:`check_scoring_laws` checks, by name.
SCORING_LAWS: tuple[str, ...] = ("bounds", "monotonicity", "na_neutrality", "scaling", "order")


def best_value(item: Item) -> str:
    """
    A value that gives an item its most points, as written in YAML (any text for ``text``).

    .. versionadded:: 2026.11.0
    """
    answer = item.answer
    if isinstance(answer, YesNo):
        return "pass"
    if isinstance(answer, Count):
        if answer.full_at is not None:
            return str(answer.full_at)
        return str(max(t.min for t in answer.thresholds or (Threshold(min=0, points=Decimal(0)),)))
    if isinstance(answer, PointsScale):
        return str(item.maximum)
    if isinstance(answer, Choices):
        return max(answer.choices, key=lambda choice: choice.points).id
    return "ghi chú"


def _edit_sections(
    sections: tuple[Section, ...], edit: Callable[[Section], Section]
) -> tuple[Section, ...]:
    return tuple(
        edit(attrs.evolve(section, sections=_edit_sections(section.sections, edit)))
        for section in sections
    )


def _without(checklist: Checklist, item_id: str) -> Checklist:
    def edit(section: Section) -> Section:
        return attrs.evolve(section, items=tuple(i for i in section.items if i.id != item_id))

    return attrs.evolve(checklist, sections=_edit_sections(checklist.sections, edit))


def _scaled_item(item: Item, factor: Decimal) -> Item:
    answer = item.answer
    if isinstance(answer, Choices):
        answer = Choices(
            choices=tuple(attrs.evolve(c, points=c.points * factor) for c in answer.choices)
        )
    elif isinstance(answer, Count) and answer.thresholds:
        answer = attrs.evolve(
            answer,
            thresholds=tuple(attrs.evolve(t, points=t.points * factor) for t in answer.thresholds),
        )
    elif isinstance(answer, PointsScale):
        answer = PointsScale(step=answer.step * factor)
    return attrs.evolve(
        item,
        answer=answer,
        points=item.maximum * factor if item.scored else item.points,
        weight=None if item.weight is None else item.weight * factor,
    )


def _scaled(checklist: Checklist, factor: Decimal, *, weights: bool) -> Checklist:
    if weights:  # top-level sections only: a subsection's weight competes with its siblings' points
        top = tuple(attrs.evolve(s, weight=s.weight * factor) for s in checklist.sections)
        return attrs.evolve(checklist, sections=top)

    def edit(section: Section) -> Section:
        return attrs.evolve(
            section,
            weight=section.weight * factor,  # subsections weigh against their siblings' points
            items=tuple(_scaled_item(i, factor) for i in section.items),
        )

    return attrs.evolve(checklist, sections=_edit_sections(checklist.sections, edit))


def _scaled_answers(checklist: Checklist, given: dict[str, str], factor: Decimal) -> dict[str, str]:
    points = {i.id for i in checklist.items if isinstance(i.answer, PointsScale)}
    return {
        key: str(Decimal(value) * factor) if key in points and _number(value) is not None else value
        for key, value in given.items()
    }


def _shuffled(checklist: Checklist, draw: Callable[[st.SearchStrategy[Any]], Any]) -> Checklist:
    def edit(section: Section) -> Section:
        return attrs.evolve(
            section,
            items=tuple(draw(st.permutations(section.items))),
            sections=tuple(draw(st.permutations(section.sections))),
        )

    shuffled = _edit_sections(checklist.sections, edit)
    return attrs.evolve(checklist, sections=tuple(draw(st.permutations(shuffled))))


class _LawBroken(AssertionError):
    """
    A law of scoring that a checklist breaks, with the answers that show it (the pytest plugin
    reads them to show a failure).
    """

    def __init__(
        self, law: str, checklist: Checklist, detail: str, given: Mapping[str, str]
    ) -> None:
        super().__init__(
            f"scoring law {law!r} fails for checklist {checklist.id!r}: {detail}"
            f" (answers: {dict(given)!r})"
        )
        self.law = law
        self.checklist_id = checklist.id
        self.detail = detail
        self.answers = dict(given)


def _broken(law: str, checklist: Checklist, detail: str, given: Mapping[str, str]) -> _LawBroken:
    return _LawBroken(law, checklist, detail, given)


def _law_bounds(checklist: Checklist, draw: Callable[[st.SearchStrategy[Any]], Any]) -> None:
    given = draw(answers(checklist))
    percent = scoring.score(checklist, given).percent
    if percent is not None and not 0 <= percent <= 100:
        raise _broken("bounds", checklist, f"percent {percent} is outside 0..100", given)


def _law_monotonicity(checklist: Checklist, draw: Callable[[st.SearchStrategy[Any]], Any]) -> None:
    watched = checklist.watched
    given: dict[str, str] = draw(answers(checklist, unanswered=("na", "missing")))
    raisable = [
        item
        for item in checklist.items
        if item.scored and item.id not in watched and item.id in given and given[item.id] != "na"
    ]
    if not raisable:
        return
    item = draw(st.sampled_from(raisable))
    better = {**given, item.id: best_value(item)}
    before = scoring.score(checklist, given).percent
    after = scoring.score(checklist, better).percent
    if before is not None and (after is None or after < before):
        detail = (
            f"answering {item.id} {better[item.id]!r} instead of {given[item.id]!r}"
            f" lowers the percent from {before} to {after}"
        )
        raise _broken("monotonicity", checklist, detail, given)


def _law_na_neutrality(checklist: Checklist, draw: Callable[[st.SearchStrategy[Any]], Any]) -> None:
    watched = checklist.watched
    given: dict[str, str] = draw(answers(checklist))
    candidates = [item.id for item in checklist.items if item.id not in watched]
    if not candidates:
        return
    item_id = draw(st.sampled_from(candidates))
    with_na = scoring.score(checklist, {**given, item_id: "na"})
    rest = {key: value for key, value in given.items() if key != item_id}
    removed = scoring.score(_without(checklist, item_id), rest)
    if (with_na.percent, with_na.awarded, with_na.maximum) != (
        removed.percent,
        removed.awarded,
        removed.maximum,
    ):
        detail = (
            f"{item_id}: na gives {with_na.percent} ({with_na.awarded}/{with_na.maximum}),"
            f" removing the item gives {removed.percent} ({removed.awarded}/{removed.maximum})"
        )
        raise _broken("na_neutrality", checklist, detail, {**given, item_id: "na"})


def _law_scaling(checklist: Checklist, draw: Callable[[st.SearchStrategy[Any]], Any]) -> None:
    given: dict[str, str] = draw(answers(checklist))
    factor = draw(st.sampled_from([Decimal(2), Decimal(3), Decimal("0.5"), Decimal(10)]))
    watched = checklist.watched
    # A condition's gte/lte on a points item reads the answer's scale: leave points as they are.
    weights = draw(st.booleans()) or any(
        isinstance(item.answer, PointsScale) and item.id in watched for item in checklist.items
    )
    scaled = _scaled(checklist, factor, weights=weights)
    scaled_given = given if weights else _scaled_answers(checklist, given, factor)
    before = scoring.score(checklist, given).percent
    after = scoring.score(scaled, scaled_given).percent
    if before != after:
        what = "top-level section weights" if weights else "points and weights"
        detail = f"scaling all {what} by {factor} changes the percent from {before} to {after}"
        raise _broken("scaling", checklist, detail, given)


def _law_order(checklist: Checklist, draw: Callable[[st.SearchStrategy[Any]], Any]) -> None:
    given: dict[str, str] = draw(answers(checklist))
    reordered = dict(draw(st.permutations(list(given.items()))))
    other = checklist if checklist.watched else _shuffled(checklist, draw)
    before = scoring.score(checklist, given).percent
    after = scoring.score(other, reordered).percent
    if before != after:
        what = "answers" if other is checklist else "answers, items and sections"
        detail = f"reordering the {what} changes the percent from {before} to {after}"
        raise _broken("order", checklist, detail, given)


_LAWS: dict[str, Callable[[Checklist, Callable[[st.SearchStrategy[Any]], Any]], None]] = {
    "bounds": _law_bounds,
    "monotonicity": _law_monotonicity,
    "na_neutrality": _law_na_neutrality,
    "scaling": _law_scaling,
    "order": _law_order,
}


def check_scoring_laws(
    checklist: Checklist, *, laws: Iterable[str] = SCORING_LAWS, max_examples: int = 100
) -> None:
    """
    Check, with Hypothesis, that a checklist scores by the laws of scoring, over answers drawn
    with :func:`answers`:

    ``bounds``
        The percent is "no score" or lies within 0..100.
    ``monotonicity``
        Giving an answered item its full points never lowers the percent, when no condition
        (``when:``) tests that item: an item a condition watches can switch other items on or
        off, so raising it may add a failed item to the score.
    ``na_neutrality``
        Answering an item ``na`` scores as if the item were removed from the checklist (the
        same percent, points awarded and maximum), for an item no condition tests.
    ``scaling``
        Multiplying every item's points (with choice and threshold points, steps and the
        answers of ``points`` items), explicit item weights and section weights by one
        constant leaves the
        percent unchanged (checked only when no condition tests a ``points`` item, since a
        condition's ``gte``/``lte`` reads the answer on the item's own scale); so does
        multiplying every top-level section weight by one constant (a subsection's weight
        competes with the points of the items beside it, so it is not scale-free).
    ``order``
        The order in which answers are given does not change the percent; nor, when no item
        has a condition, the order of items and sections (a condition reads earlier answers, so
        with conditions order is part of the checklist's meaning).

    Args:
        checklist: The checklist (e.g. from ``quytac.load``).
        laws: The names of the laws to check, among :data:`SCORING_LAWS`.
        max_examples: How many answer sets Hypothesis tries per law.

    Raises:
        AssertionError: Naming the law, the checklist and the counterexample (after
            Hypothesis has shrunk it).
        ValueError: For an unknown law.

    .. versionadded:: 2026.11.0
    """
    chosen = tuple(laws)
    unknown = [law for law in chosen if law not in _LAWS]
    if unknown:
        raise ValueError(
            f"unknown scoring law {unknown[0]!r} (expected one of: {', '.join(SCORING_LAWS)})"
        )
    for law in chosen:
        _check_law(checklist, _LAWS[law], max_examples)


def _check_law(
    checklist: Checklist,
    check: Callable[[Checklist, Callable[[st.SearchStrategy[Any]], Any]], None],
    max_examples: int,
) -> None:
    @settings(
        max_examples=max_examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(st.data())
    def run(data: st.DataObject) -> None:
        check(checklist, data.draw)

    run()
