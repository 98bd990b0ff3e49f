"""
Checklists, their answer types, and answers to them.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from quytac.checklists import (
    AnswerType,
    Band,
    Checklist,
    Choice,
    Choices,
    Count,
    CriticalPolicy,
    FreeText,
    Item,
    Model,
    PointsScale,
    ScoringPolicy,
    Section,
    Threshold,
    Unanswered,
    YesNo,
    ZeroScope,
)
from quytac.conditions import AllOf, AnyOf, Condition, ItemCondition, NotCondition
from quytac.text import Text

from ._common import ids, texts, words

# --- checklists ------------------------------------------------------------------------------

#: The names of the answer types, as written in YAML (``answer: yes_no``), for ``answer_types=``.
ANSWER_TYPES: tuple[str, ...] = ("yes_no", "count", "points", "choices", "text")

_BANDS = (
    Band(id="tot", label=Text(vi="Tốt"), min=Decimal(85)),
    Band(id="kha", label=Text(vi="Khá"), min=Decimal(70)),
    Band(id="trung_binh", label=Text(vi="Trung bình"), min=Decimal(50)),
    Band(id="yeu", label=Text(vi="Yếu"), min=Decimal(0)),
)

#: Points in tenths, 0.1 .. 20.0: never 0, so every scored item can be passed and failed.
_POINTS = st.integers(min_value=1, max_value=200).map(lambda n: Decimal(n) / 10)
_STEPS = st.sampled_from([Decimal("0.5"), Decimal(1), Decimal("0.25")])


def answer_types(
    *, names: tuple[str, ...] = ANSWER_TYPES
) -> st.SearchStrategy[tuple[AnswerType, Decimal | None]]:
    """
    An answer type and the item points that suit it (a multiple of the step of a points
    scale; the best choice of a choices item; None for ``text``), for building items by hand.

    Args:
        names: Which answer types to draw, among :data:`ANSWER_TYPES`.

    .. versionadded:: 2026.11.0
    """
    if not names or not set(names) <= set(ANSWER_TYPES):
        raise ValueError(f"names must be among {', '.join(ANSWER_TYPES)}, got {names!r}")
    return st.sampled_from(names).flatmap(_answer_type)


@st.composite
def _answer_type(draw: st.DrawFn, name: str) -> tuple[AnswerType, Decimal | None]:
    """
    An answer type of the kind named and the item points that suit it.
    """
    if name == "yes_no":
        return YesNo(), draw(_POINTS)
    if name == "count":
        maximum = draw(_POINTS)
        if draw(st.booleans()):
            return Count(full_at=draw(st.integers(min_value=1, max_value=6))), maximum
        mins = sorted(draw(st.lists(st.integers(0, 10), min_size=1, max_size=3, unique=True)))
        top = int(maximum * 10)
        lower = sorted(
            draw(st.lists(st.integers(0, top), min_size=len(mins) - 1, max_size=len(mins) - 1))
        )
        thresholds = tuple(
            Threshold(min=low, points=Decimal(tenths) / 10)
            for low, tenths in zip(mins, [*lower, top], strict=True)
        )
        return Count(thresholds=thresholds), maximum
    if name == "points":
        step = draw(_STEPS)
        return PointsScale(step=step), step * draw(st.integers(min_value=1, max_value=12))
    if name == "choices":
        maximum = draw(_POINTS)
        top = int(maximum * 10)
        tenths = [top, *draw(st.lists(st.integers(0, top), max_size=3))]
        choices = tuple(
            Choice(id=f"c{n}", label=Text(vi=f"Lựa chọn {n}"), points=Decimal(p) / 10)
            for n, p in enumerate(draw(st.permutations(tenths)))
        )
        return Choices(choices=choices), maximum
    return FreeText(), None


def values(item: Item) -> st.SearchStrategy[str]:
    """
    The values that fit an item, as written in YAML (``pass``, ``3``, ``1.5``, a choice id),
    never ``na``, ``not_observed`` or ``missing``.

    .. versionadded:: 2026.11.0
    """
    answer = item.answer
    if isinstance(answer, YesNo):
        return st.sampled_from(["pass", "fail"])
    if isinstance(answer, Count):
        return st.integers(min_value=0, max_value=12).map(str)
    if isinstance(answer, PointsScale):
        steps = int(item.maximum / answer.step)
        return st.integers(min_value=0, max_value=steps).map(lambda n: str(answer.step * n))
    if isinstance(answer, Choices):
        return st.sampled_from([choice.id for choice in answer.choices])
    return words(max_size=12)


@st.composite
def _tests(draw: st.DrawFn, item: Item) -> ItemCondition:
    """
    A test on an earlier item that some answer to it satisfies.
    """
    answer = item.answer
    if isinstance(answer, YesNo | Choices) and draw(st.booleans()):
        chosen = sorted({draw(values(item)) for _ in range(draw(st.integers(1, 2)))})
        if len(chosen) == 1:
            return ItemCondition(item=item.id, equals=chosen[0])
        return ItemCondition(item=item.id, in_=tuple(chosen))
    if isinstance(answer, Count | PointsScale) and draw(st.booleans()):
        bound = Decimal(draw(values(item)))
        if draw(st.booleans()):
            return ItemCondition(item=item.id, gte=bound)
        return ItemCondition(item=item.id, lte=bound)
    return ItemCondition(item=item.id, answered=True)


@st.composite
def _conditions(draw: st.DrawFn, earlier: list[Item]) -> Condition:
    """
    A condition on earlier items that holds for some answers: a test, or all / any of tests.
    """
    how = draw(st.sampled_from(["test", "test", "all", "any", "not"]))
    if how == "not":
        return NotCondition(
            condition=ItemCondition(item=draw(st.sampled_from(earlier)).id, answered=False)
        )
    if how == "test":
        return draw(_tests(draw(st.sampled_from(earlier))))
    tested = draw(st.lists(st.sampled_from(earlier), min_size=1, max_size=2, unique_by=id))
    tests = tuple(draw(_tests(item)) for item in tested)
    return AllOf(conditions=tests) if how == "all" else AnyOf(conditions=tests)


@st.composite
def checklists(  # noqa: PLR0913 - the knobs of a checklist
    draw: st.DrawFn,
    *,
    max_sections: int = 3,
    max_items: int = 4,
    max_depth: int = 1,
    answer_types: tuple[str, ...] = ANSWER_TYPES,
    models: tuple[Model, ...] = tuple(Model),
    conditions: bool = True,
    critical: bool = True,
) -> Checklist:
    """
    Checklists that validate with no issue: sections ``s0``, ``s1``... (nested up to
    ``max_depth`` levels), items ``i0``, ``i1``... in order, the first a scored one; conditions
    (``when:``) test earlier items and can hold; a critical item makes the policy cap the band
    or zero the score.

    Args:
        max_sections: At most this many sections at each level (at least one at the top).
        max_items: At most this many items in each section.
        max_depth: How deep sections nest (0: top-level sections only).
        answer_types: Which answer types items use, among :data:`ANSWER_TYPES`; at least one
            must be scored (not only ``text``).
        models: The scoring models to draw from.
        conditions: Whether items may carry a ``when:`` condition.
        critical: Whether items may be critical.

    .. versionadded:: 2026.11.0
    """
    scored_types = [name for name in answer_types if name in ANSWER_TYPES and name != "text"]
    if not scored_types or not set(answer_types) <= set(ANSWER_TYPES):
        raise ValueError(
            f"answer_types must be among {', '.join(ANSWER_TYPES)} and include a scored one,"
            f" got {answer_types!r}"
        )
    made: list[Item] = []

    def item(name: str) -> Item:
        answer, maximum = draw(_answer_type(name))
        when = None
        if conditions and made and draw(st.integers(0, 3)) == 0:
            when = draw(_conditions(made))
        found = Item(
            id=f"i{len(made)}",
            text=Text(vi=f"Câu hỏi {len(made)}"),
            answer=answer,
            points=maximum,
            weight=draw(st.none() | st.integers(1, 5).map(Decimal)) if maximum else None,
            critical=critical and maximum is not None and when is None and draw(st.booleans()),
            when=when,
        )
        made.append(found)
        return found

    counter = [0]

    def section(depth: int, *, first: bool) -> Section:
        number = counter[0]
        counter[0] += 1
        found = [item(draw(st.sampled_from(scored_types)))] if first else []
        found += [
            item(draw(st.sampled_from(answer_types)))
            for _ in range(draw(st.integers(0, max_items - len(found))))
        ]
        inner = []
        if depth < max_depth:
            inner = [
                section(depth + 1, first=False) for _ in range(draw(st.integers(0, max_sections)))
            ]
        return Section(
            id=f"s{number}",
            title=Text(vi=f"Mục {number}"),
            weight=Decimal(draw(st.integers(1, 4))),
            items=tuple(found),
            sections=tuple(inner),
        )

    sections = [section(0, first=True)]
    sections += [section(0, first=False) for _ in range(draw(st.integers(0, max_sections - 1)))]
    has_critical = any(i.critical for i in made)
    policy = ScoringPolicy(
        model=draw(st.sampled_from(models)),
        counts_as_fail=tuple(draw(st.lists(st.sampled_from(Unanswered), unique=True))),
        critical=draw(
            st.sampled_from(
                [
                    CriticalPolicy(cap_band="trung_binh"),
                    CriticalPolicy(zero=ZeroScope.SECTION),
                    CriticalPolicy(zero=ZeroScope.SCORE),
                ]
            )
            if has_critical
            else st.just(CriticalPolicy())
        ),
        bands=_BANDS,
    )
    return Checklist(
        id=draw(ids()),
        title=draw(texts()),
        version=draw(st.integers(1, 5)),
        scoring=policy,
        sections=tuple(sections),
    )


@st.composite
def answers(
    draw: st.DrawFn,
    checklist: Checklist,
    *,
    unanswered: tuple[str, ...] = ("na", "not_observed", "missing"),
) -> dict[str, str]:
    """
    Answers to a checklist, as in YAML (``{"i0": "pass", "i1": "3"}``), that score with no
    issue: each item gets a value that fits it, or one of ``unanswered`` (``missing`` leaves it
    out); an item its condition skips is left out.

    Args:
        checklist: The checklist answered.
        unanswered: Which of ``na``, ``not_observed``, ``missing`` may stand for a value.

    .. versionadded:: 2026.11.0
    """
    found: dict[str, str] = {}
    for item in checklist.items:
        if item.when is not None and not item.when.holds(found):
            continue
        how = draw(st.sampled_from(["value", "value", *unanswered]))
        if how == "value":
            found[item.id] = draw(values(item))
        elif how != "missing":
            found[item.id] = how
    return found
