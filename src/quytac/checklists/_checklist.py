"""
The checklist itself: its items and sections, and the static queries on them (the walks, the
items a condition watches, the targets of conditions, the items that can be reached).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar

import attrs

from quytac._base import Definition
from quytac._checks import non_empty_text, not_negative, optional_not_negative
from quytac.codes import AppliesTo
from quytac.conditions import Condition, Target, references, satisfiable
from quytac.text import Text

from ._answer_types import AnswerType, Choices, Count, FreeText, PointsScale, YesNo
from ._examples import Example
from ._policy import ScoringPolicy

if TYPE_CHECKING:
    from collections.abc import Iterator


Path = tuple[str | int, ...]


@attrs.frozen(kw_only=True)
class Item:
    """
    One question of a checklist.

    Attributes:
        id: Unique in the checklist (``I.1``); answers are keyed by it.
        text: What the inspector checks.
        refs: The code articles it checks, as ``CODE_ID:ARTICLE``.
        answer: Its answer type (default ``yes_no``).
        points: Its maximum; by default 1, the best choice of a choices item, 0 for text.
        weight: Its weight in a section under the ``weighted`` model; by default its points.
        critical: Whether failing it caps the band or zeroes the score (``scoring.critical``).
        when: A condition on earlier answers; when it does not hold the item is skipped.
        note: Guidance for the inspector.

    .. versionadded:: 2026.11.0
    """

    id: str = attrs.field(validator=non_empty_text)
    text: Text
    refs: tuple[str, ...] = ()
    answer: AnswerType = YesNo()  # noqa: RUF009 - frozen, shared safely
    points: Decimal | None = attrs.field(default=None, validator=optional_not_negative)
    weight: Decimal | None = attrs.field(default=None, validator=optional_not_negative)
    critical: bool = False
    when: Condition | None = None
    note: Text | None = None

    @property
    def maximum(self) -> Decimal:
        """
        The most points the item gives.
        """
        if isinstance(self.answer, FreeText):
            return Decimal(0)
        if self.points is not None:
            return self.points
        if isinstance(self.answer, Choices):
            return max((choice.points for choice in self.answer.choices), default=Decimal(0))
        if isinstance(self.answer, Count) and self.answer.thresholds:
            return max(threshold.points for threshold in self.answer.thresholds)
        return Decimal(1)

    @property
    def scored(self) -> bool:
        """
        Whether the item takes part in the score at all (text items never do).
        """
        return not isinstance(self.answer, FreeText)

    @property
    def weight_in_section(self) -> Decimal:
        """
        Its weight among the children of its section under the ``weighted`` model.
        """
        return self.maximum if self.weight is None else self.weight

    def target(self, position: int) -> Target:
        """
        What a condition may compare this item's answer with.
        """
        answer = self.answer
        if isinstance(answer, YesNo):
            return Target(position=position, answer=answer.name, values=_PASS_FAIL, numeric=False)
        if isinstance(answer, Choices):
            values = frozenset(choice.id for choice in answer.choices)
            return Target(position=position, answer=answer.name, values=values, numeric=False)
        if isinstance(answer, PointsScale):
            return Target(
                position=position,
                answer=answer.name,
                values=None,
                numeric=True,
                maximum=self.maximum,
            )
        numeric = isinstance(answer, Count)
        return Target(position=position, answer=answer.name, values=None, numeric=numeric)


_PASS_FAIL = frozenset({"pass", "fail"})


@attrs.frozen(kw_only=True)
class Section:
    """
    A group of items, and of subsections.

    Attributes:
        id: Unique among the sections of the checklist (``I``, ``II.1``).
        title: Its title.
        weight: Its weight among its siblings under the ``weighted`` model.
        items: Its items.
        sections: Its subsections, after its items.

    .. versionadded:: 2026.11.0
    """

    id: str = attrs.field(validator=non_empty_text)
    title: Text
    weight: Decimal = attrs.field(default=Decimal(1), validator=not_negative)
    items: tuple[Item, ...] = ()
    sections: tuple[Section, ...] = ()


@attrs.frozen(kw_only=True)
class Checklist(Definition):
    """
    A checklist an inspection team fills in at a unit.

    Attributes:
        codes: The ids of the codes of conduct its items cite.
        applies_to: The kinds of unit and the types of public place it is meant for.
        valid_from: The first day it is used (references are checked to be in force then).
        notes: What it is, where it comes from.
        scoring: How it is scored.
        sections: Its sections, in order.
        examples: Golden cases.

    .. versionadded:: 2026.11.0
    """

    kind: ClassVar[str] = "Checklist"

    codes: tuple[str, ...] = ()
    applies_to: AppliesTo = attrs.Factory(AppliesTo)
    valid_from: dt.date | None = None
    notes: Text | None = None
    scoring: ScoringPolicy = ScoringPolicy()  # noqa: RUF009 - frozen, shared safely
    sections: tuple[Section, ...] = ()
    examples: tuple[Example, ...] = ()

    def walk(self) -> Iterator[tuple[Item, Path]]:
        """
        Every item with its path, in the checklist's order: a section's items, then its
        subsections.
        """
        for position, section in enumerate(self.sections):
            yield from _walk_items(section, ("sections", position))

    def sections_walk(self) -> Iterator[tuple[Section, Path]]:
        """
        Every section (subsections included) with its path, parents first.
        """
        for position, section in enumerate(self.sections):
            yield from _walk_sections(section, ("sections", position))

    @property
    def items(self) -> tuple[Item, ...]:
        """
        Every item, in order.
        """
        return tuple(item for item, _ in self.walk())

    @property
    def watched(self) -> frozenset[str]:
        """
        The ids of the items some ``when:`` condition tests: their answers decide which items
        are skipped, so changing one can do more than change its own points.

        .. versionadded:: 2026.11.0
        """
        return frozenset(
            test.item
            for item in self.items
            if item.when is not None
            for test, _ in references(item.when)
        )

    def item(self, item_id: str) -> Item | None:
        """
        The item with an id, or None.
        """
        return next((item for item, _ in self.walk() if item.id == item_id), None)


def _walk_items(section: Section, path: Path) -> Iterator[tuple[Item, Path]]:
    for position, item in enumerate(section.items):
        yield item, (*path, "items", position)
    for position, inner in enumerate(section.sections):
        yield from _walk_items(inner, (*path, "sections", position))


def _walk_sections(section: Section, path: Path) -> Iterator[tuple[Section, Path]]:
    yield section, path
    for position, inner in enumerate(section.sections):
        yield from _walk_sections(inner, (*path, "sections", position))


def targets(checklist: Checklist) -> dict[str, Target]:
    """
    The static view of each item (its first occurrence), for checking conditions.
    """
    found: dict[str, Target] = {}
    for position, item in enumerate(checklist.items):
        found.setdefault(item.id, item.target(position))
    return found


def reachable(checklist: Checklist) -> set[str]:
    """
    The ids of the items whose condition (if any) can hold.
    """
    every = targets(checklist)
    able: dict[str, Target] = {}
    for item in checklist.items:
        if item.when is None or satisfiable(item.when, able):
            able.setdefault(item.id, every[item.id])
    return set(able)
