"""
What kind of answer an item takes: yes or no, a count, points in steps, one of some choices, or
free text.
"""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar, TypeAlias

import attrs

from quytac._checks import non_empty_text, not_negative, optional_positive
from quytac.text import Text


@attrs.frozen(kw_only=True)
class YesNo:
    """
    Answered ``pass`` (full points) or ``fail`` (none). YAML: ``answer: yes_no``.

    .. versionadded:: 2026.11.0
    """

    name: ClassVar[str] = "yes_no"


@attrs.frozen(kw_only=True)
class FreeText:
    """
    Answered with any text; recorded, never scored. YAML: ``answer: text``.

    .. versionadded:: 2026.11.0
    """

    name: ClassVar[str] = "text"


@attrs.frozen(kw_only=True)
class Threshold:
    """
    A step of a count table: a count of at least ``min`` gives ``points``.

    Attributes:
        min: The least count that reaches the step.
        points: The points the step gives.

    .. versionadded:: 2026.11.0
    """

    min: int = attrs.field(validator=not_negative)
    points: Decimal = attrs.field(validator=not_negative)


@attrs.frozen(kw_only=True)
class Count:
    """
    Answered with a whole number (documents issued, boards posted ...).

    Either the points grow with the count up to ``full_at`` (full points from there on), or a
    table of ``thresholds`` gives the points of the highest step reached.
    YAML: ``answer: {count: {full_at: 5}}``.

    Attributes:
        full_at: The count that gives full points; less gives its share.
        thresholds: Steps, each a least count and the points it gives.

    .. versionadded:: 2026.11.0
    """

    name: ClassVar[str] = "count"

    full_at: int | None = attrs.field(default=None, validator=optional_positive)
    thresholds: tuple[Threshold, ...] | None = None


@attrs.frozen(kw_only=True)
class PointsScale:
    """
    The inspector gives 0 up to the item's points in steps (0.5 in Vietnamese scoring sheets).
    YAML: ``answer: {points: {step: 0.5}}``.

    Attributes:
        step: The step the points are given in (more than 0).

    .. versionadded:: 2026.11.0
    """

    name: ClassVar[str] = "points"

    step: Decimal = attrs.field(default=Decimal(1), validator=optional_positive)


@attrs.frozen(kw_only=True)
class Choice:
    """
    One choice of a choices item, with the points it gives.

    Attributes:
        id: The choice's id: the answer that picks it.
        label: What the inspector reads.
        points: The points it gives, 0 up to the item's points.

    .. versionadded:: 2026.11.0
    """

    id: str = attrs.field(validator=non_empty_text)
    label: Text
    points: Decimal = attrs.field(validator=not_negative)


@attrs.frozen(kw_only=True)
class Choices:
    """
    Answered with the id of one choice, which gives its points.
    YAML: ``answer: {choices: [{id, label, points}, ...]}``.

    .. versionadded:: 2026.11.0
    """

    name: ClassVar[str] = "choices"

    choices: tuple[Choice, ...]


#: What kind of answer an item takes.
AnswerType: TypeAlias = YesNo | Count | PointsScale | Choices | FreeText

#: The answer types by their YAML name.
ANSWER_TYPES: dict[str, type[AnswerType]] = {
    cls.name: cls for cls in (YesNo, Count, PointsScale, Choices, FreeText)
}
