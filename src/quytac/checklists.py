"""
Checklists (phiếu kiểm tra): sections of items an inspector answers, the scoring policy that
turns the answers into a percent and a band, and golden examples.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar, TypeAlias

import attrs

from ._base import Definition
from ._checks import (
    Bound,
    non_empty_text,
    not_negative,
    optional_not_negative,
    optional_positive,
    percent,
)
from ._nearest import Hint, of_documents
from .codes import AppliesTo
from .conditions import Condition, Target, references, satisfiable
from .text import Text

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping


__all__ = [
    "Answer",
    "AnswerType",
    "Answers",
    "Band",
    "Checklist",
    "Choice",
    "Choices",
    "Count",
    "CriticalPolicy",
    "Example",
    "Expectation",
    "FreeText",
    "Item",
    "Model",
    "PointsScale",
    "Rounding",
    "RoundingMode",
    "ScoringPolicy",
    "Section",
    "Threshold",
    "Unanswered",
    "YesNo",
    "ZeroScope",
]

Path = tuple[str | int, ...]

#: Answers any item may take besides its values.
NA = "na"
NOT_OBSERVED = "not_observed"
MISSING = "missing"


# --- answer types ---------------------------------------------------------------------------


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


# --- the checklist --------------------------------------------------------------------------


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
    answer: AnswerType = YesNo()
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


class Model(enum.StrEnum):
    """
    How answers become a score (DESIGN §4).

    ``points``: 100 × awarded / maximum over every counted item.
    ``weighted``: weighted means of sections (XCCDF 1.2 ``default``).
    ``flat``: the points themselves, awarded out of maximum (and their percent).
    ``absolute``: 100 when every counted item is fully met, else 0.

    .. versionadded:: 2026.11.0
    """

    POINTS = "points"
    WEIGHTED = "weighted"
    FLAT = "flat"
    ABSOLUTE = "absolute"


class Unanswered(enum.StrEnum):
    """
    The ways an item can lack a value that a policy may count as failed.

    .. versionadded:: 2026.11.0
    """

    NOT_OBSERVED = NOT_OBSERVED
    MISSING = MISSING


class ZeroScope(enum.StrEnum):
    """
    What a failed critical item zeroes: its ``section`` or the whole ``score``.

    .. versionadded:: 2026.11.0
    """

    SECTION = "section"
    SCORE = "score"


@attrs.frozen(kw_only=True)
class CriticalPolicy:
    """
    What a failed critical item (one not fully met) does.

    Attributes:
        cap_band: The best band the checklist can reach, by id.
        zero: ``section`` (its section scores 0) or ``score`` (the score is 0).

    .. versionadded:: 2026.11.0
    """

    cap_band: str | None = None
    zero: ZeroScope | None = None

    @property
    def declared(self) -> bool:
        """
        Whether failing a critical item has any effect.
        """
        return self.cap_band is not None or self.zero is not None


@attrs.frozen(kw_only=True)
class Band:
    """
    A band of scores (Tốt, Khá ...): reached by a percent of at least ``min``.

    Attributes:
        id: The band's id, which ``cap_band`` and examples name (``tot``).
        label: Its name (Tốt, Khá).
        min: The least percent that reaches it, 0 to 100.

    .. versionadded:: 2026.11.0
    """

    id: str = attrs.field(validator=non_empty_text)
    label: Text
    min: Decimal = attrs.field(validator=percent)


class RoundingMode(enum.StrEnum):
    """
    How a percent is rounded for display; bands never see the rounded value.

    .. versionadded:: 2026.11.0
    """

    HALF_UP = "half_up"
    HALF_EVEN = "half_even"
    DOWN = "down"
    UP = "up"


@attrs.frozen(kw_only=True)
class Rounding:
    """
    How many decimal places a percent is shown with, and how it is rounded (half up).

    Attributes:
        places: The decimal places shown, 0 to 10.
        mode: ``half_up`` (the default), ``half_even``, ``down`` or ``up``.

    .. versionadded:: 2026.11.0
    """

    places: int = attrs.field(default=2, validator=Bound(minimum=0, maximum=10))
    mode: RoundingMode = RoundingMode.HALF_UP


@attrs.frozen(kw_only=True)
class ScoringPolicy:
    """
    How a checklist is scored.

    Attributes:
        model: points, weighted, flat or absolute.
        counts_as_fail: Which of ``not_observed`` and ``missing`` count as failed; the others
            are left out like ``na``.
        critical: What a failed critical item does.
        bands: The bands, highest first, covering 0..100.
        rounding: How percents are shown.

    .. versionadded:: 2026.11.0
    """

    model: Model = Model.POINTS
    counts_as_fail: tuple[Unanswered, ...] = (Unanswered.NOT_OBSERVED, Unanswered.MISSING)
    critical: CriticalPolicy = CriticalPolicy()
    bands: tuple[Band, ...] = ()
    rounding: Rounding = Rounding()


# --- answers --------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Answer:
    """
    The answer to one item: a value as written (``pass``, ``7``, ``day_du``, ``na``), with an
    optional note and evidence.

    Attributes:
        value: As written: ``pass``, ``fail``, a number, a choice id, text, or ``na``,
            ``not_observed``, ``missing``.
        note: What the inspector noted, if anything.
        evidence: What the answer rests on (documents, photographs).

    .. versionadded:: 2026.11.0
    """

    value: str
    note: Text | None = None
    evidence: tuple[str, ...] = ()


@attrs.frozen
class Answers:
    """
    Answers keyed by item id, in the order written. YAML: ``{I.1: pass, I.2: {value: 7}}``.

    Build one from plain Python values with :meth:`Answers.of`.

    .. versionadded:: 2026.11.0
    """

    entries: tuple[tuple[str, Answer], ...] = ()

    @functools.cached_property
    def _by_id(self) -> dict[str, Answer]:
        return dict(self.entries)

    @functools.cached_property
    def values(self) -> dict[str, str]:
        """
        The value of each answer by item id (the first, if an id is given twice).
        """
        found: dict[str, str] = {}
        for item_id, answer in self.entries:
            found.setdefault(item_id, answer.value)
        return found

    def get(self, item_id: str) -> Answer | None:
        """
        The answer to an item, or None.
        """
        return self._by_id.get(item_id)

    def __iter__(self) -> Iterator[str]:
        return (item_id for item_id, _ in self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, item_id: object) -> bool:
        return item_id in self._by_id

    @classmethod
    def of(cls, answers: Answers | Mapping[str, object]) -> Answers:
        """
        Answers from plain values as in YAML: ``{"I.1": "pass", "I.2": 7}``.

        Values may be text, a whole number, a Decimal, or a mapping ``{"value": ..., "note":
        ..., "evidence": [...]}``.

        Raises:
            TypeError: For a float (it is not exact: write ``Decimal("2.5")`` or ``"2.5"``), a
                boolean, or anything else that is not an answer.
        """
        if isinstance(answers, Answers):
            return answers
        entries = tuple((str(key), _answer(key, value)) for key, value in answers.items())
        return cls(entries)


def answer_values(answers: Answers | Mapping[str, object]) -> dict[str, object]:
    """
    The answers by item id: the values of loaded answers, or a copy of plain values as in YAML
    (read one at a time by :func:`answer_text`).
    """
    if isinstance(answers, Answers):
        return answers.values  # type: ignore[return-value]
    return dict(answers)


def answer_text(key: object, value: object) -> str:
    """
    The text of one answer given as a plain value: text, a whole number, a Decimal, an Answer,
    or a mapping ``{"value": ..., "note": ..., "evidence": [...]}``.

    Raises:
        TypeError: For a float or another value that is not an answer.
    """
    if isinstance(value, Answer):
        return value.value
    if isinstance(value, dict):
        return _answer_value(key, value.get("value"))
    return _answer_value(key, value)


def _answer(key: object, value: object) -> Answer:
    if isinstance(value, Answer):
        return value
    if isinstance(value, dict):
        note = value.get("note")
        return Answer(
            value=_answer_value(key, value.get("value")),
            note=None if note is None else Text.of(note),
            evidence=tuple(str(e) for e in value.get("evidence", ())),
        )
    return Answer(value=_answer_value(key, value))


def _answer_value(key: object, value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, Decimal) or (isinstance(value, int) and not isinstance(value, bool)):
        return str(value)
    if isinstance(value, float):
        raise TypeError(
            f"answer {key!r}: {value!r} is a float, which is not exact; write"
            f" Decimal({str(value)!r}) or {str(value)!r}"
        )
    raise TypeError(
        f"answer {key!r}: expected text, a whole number or a Decimal, got {type(value).__name__}"
    )


# --- examples -------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Expectation:
    """
    What an example's answers must score; only the keys given are checked.

    Attributes:
        percent: The percent: equal to the exact value, or to it rounded as the checklist shows
            percents.
        no_score: True when nothing is scored ("no score").
        band: The id of the band reached.
        awarded: The points awarded.
        maximum: The points that could be awarded.
        capped_by: The ids of the failed critical items.

    .. versionadded:: 2026.11.0
    """

    percent: Decimal | None = None
    no_score: bool = False
    band: str | None = None
    awarded: Decimal | None = None
    maximum: Decimal | None = None
    capped_by: tuple[str, ...] | None = None


@attrs.frozen(kw_only=True)
class Example:
    """
    A golden case: answers and what they must score. ``quytac test`` runs them.

    Attributes:
        name: What the case is.
        answers: The answers, by item id.
        expect: What they must score.

    .. versionadded:: 2026.11.0
    """

    name: str = attrs.field(validator=non_empty_text)
    answers: Answers = Answers()
    expect: Expectation = Expectation()


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
    scoring: ScoringPolicy = ScoringPolicy()
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


def band_hint(given: str, policy: ScoringPolicy) -> Hint:
    """
    The hint for a band id that names no band: the band ids, with their labels matched too
    (``Khá`` given for ``kha``).
    """
    return of_documents(given, policy.bands)


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
