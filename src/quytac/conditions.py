"""
Conditions (``when:``) on checklist items, written as data and evaluated without ``eval``.

A condition tests the answer of an earlier item (``item`` with ``equals``, ``in``, ``gte``,
``lte`` or ``answered``) or combines conditions (``all``, ``any``, ``not``). An item whose
condition does not hold is skipped: it is out of the score.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, TypeAlias

import attrs

from ._checks import non_empty_text
from ._nearest import WORDS, hint

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

__all__ = [
    "AllOf",
    "AnyOf",
    "Condition",
    "ItemCondition",
    "Not",
    "Target",
    "UnmetCondition",
    "unmet",
]

#: Answers that say why an item has no value: they are not values a condition compares.
NOT_ANSWERED = frozenset({"na", "not_observed"})

_NUMBER = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?\Z")

Path = tuple[str | int, ...]


def number(text: str) -> Decimal | None:
    """
    The number an answer's text spells (``"2.5"`` -> ``Decimal("2.5")``), or None.
    """
    if not _NUMBER.match(text):
        return None
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        return None


@attrs.frozen(kw_only=True)
class ItemCondition:
    """
    A test of one earlier item's answer; every test given must hold.

    Attributes:
        item: The id of the item tested.
        equals: The answer must be this value (``pass``, a choice id, a number).
        in_: The answer must be one of these values (YAML key ``in``).
        gte: The answer must be a number at least this.
        lte: The answer must be a number at most this.
        answered: True: the item has a value (not ``na``, ``not_observed``, missing or skipped);
            False: it has none.

    .. versionadded:: 2026.11.0
    """

    item: str = attrs.field(validator=non_empty_text)
    equals: str | None = None
    in_: tuple[str, ...] | None = attrs.field(default=None, metadata={"yaml": "in"})
    gte: Decimal | None = None
    lte: Decimal | None = None
    answered: bool | None = None

    def holds(self, answers: Mapping[str, str]) -> bool:
        """
        Whether the test holds, given the values of the items answered so far.
        """
        token = answers.get(self.item)
        has_value = token is not None and token not in NOT_ANSWERED
        if self.answered is not None and self.answered != has_value:
            return False
        if self.equals is not None and not (has_value and _same(token, self.equals)):
            return False
        if self.in_ is not None and not (has_value and self._one_of(token)):
            return False
        if self.gte is None and self.lte is None:
            return True
        value = number(token) if token is not None and has_value else None
        if value is None:
            return False
        return (self.gte is None or value >= self.gte) and (self.lte is None or value <= self.lte)

    @functools.cached_property
    def _in_set(self) -> tuple[frozenset[str], frozenset[Decimal]]:
        values = self.in_ or ()
        numbers = {number(value) for value in values}
        return frozenset(values), frozenset(n for n in numbers if n is not None)

    def _one_of(self, token: str | None) -> bool:
        texts, numbers = self._in_set
        if token in texts:
            return True
        if not numbers or token is None:
            return False
        return number(token) in numbers


def _same(token: str | None, expected: str) -> bool:
    if token == expected:
        return True
    if token is None:
        return False
    left, right = number(token), number(expected)
    return left is not None and left == right


@attrs.frozen(kw_only=True)
class AllOf:
    """
    Holds when every condition holds (YAML ``all: [...]``).

    Attributes:
        conditions: The conditions, all of which must hold (YAML key ``all``).

    .. versionadded:: 2026.11.0
    """

    conditions: tuple[Condition, ...] = attrs.field(metadata={"yaml": "all"})

    def holds(self, answers: Mapping[str, str]) -> bool:
        """
        Whether every condition holds.
        """
        return all(condition.holds(answers) for condition in self.conditions)


@attrs.frozen(kw_only=True)
class AnyOf:
    """
    Holds when at least one condition holds (YAML ``any: [...]``).

    Attributes:
        conditions: The conditions, one of which must hold (YAML key ``any``).

    .. versionadded:: 2026.11.0
    """

    conditions: tuple[Condition, ...] = attrs.field(metadata={"yaml": "any"})

    def holds(self, answers: Mapping[str, str]) -> bool:
        """
        Whether some condition holds.
        """
        return any(condition.holds(answers) for condition in self.conditions)


@attrs.frozen(kw_only=True)
class Not:
    """
    Holds when its condition does not (YAML ``not: {...}``).

    Attributes:
        condition: The condition that must not hold (YAML key ``not``).

    .. versionadded:: 2026.11.0
    """

    condition: Condition = attrs.field(metadata={"yaml": "not"})

    def holds(self, answers: Mapping[str, str]) -> bool:
        """
        Whether the condition fails.
        """
        return not self.condition.holds(answers)


#: A ``when:`` condition.
Condition: TypeAlias = ItemCondition | AllOf | AnyOf | Not

#: The YAML key that says which kind of condition a mapping is.
TAGS: dict[str, type[Condition]] = {"item": ItemCondition, "all": AllOf, "any": AnyOf, "not": Not}


def references(condition: Condition, path: Path = ()) -> Iterator[tuple[ItemCondition, Path]]:
    """
    Every item test in a condition, with its path inside the condition.
    """
    if isinstance(condition, ItemCondition):
        yield condition, path
    elif isinstance(condition, Not):
        yield from references(condition.condition, (*path, "not"))
    else:
        key = "all" if isinstance(condition, AllOf) else "any"
        for position, inner in enumerate(condition.conditions):
            yield from references(inner, (*path, key, position))


# --- why a condition does not hold ------------------------------------------------------------

#: The tests of an item condition, by attribute name.
_TESTS = ("answered", "equals", "in_", "gte", "lte")


@attrs.frozen(kw_only=True)
class UnmetCondition:
    """
    A part of a ``when:`` condition that did not hold, with the answers it saw: why an item was
    skipped.

    Attributes:
        condition: The part that did not hold: an item's test, narrowed to the tests of it that
            failed (``{item: I.3, in: [day_du, mot_phan]}``), or an ``any`` or a ``not`` as a
            whole.
        seen: The answer of each item it tests, as the condition saw it, in the order written
            (``(("I.3", "khong"),)``); None for an item without one (not answered, skipped, or
            an answer that does not fit).

    .. versionadded:: 2026.11.0
    """

    condition: Condition
    seen: tuple[tuple[str, str | None], ...]


def unmet(condition: Condition, answers: Mapping[str, str]) -> tuple[UnmetCondition, ...]:
    """
    Why a condition does not hold, given the values of the items answered so far: each part
    that did not hold (every failing condition of an ``all``; an ``any`` or a ``not`` as a
    whole). Empty when the condition holds.

    .. versionadded:: 2026.11.0
    """
    if condition.holds(answers):
        return ()
    if isinstance(condition, AllOf):
        return tuple(found for inner in condition.conditions for found in unmet(inner, answers))
    if isinstance(condition, ItemCondition):
        failed = {
            name: getattr(condition, name)
            for name in _TESTS
            if getattr(condition, name) is not None
            and not ItemCondition(item=condition.item, **{name: getattr(condition, name)}).holds(
                answers
            )
        }
        condition = ItemCondition(item=condition.item, **failed)
    items = dict.fromkeys(test.item for test, _ in references(condition))
    return (UnmetCondition(condition=condition, seen=tuple((i, answers.get(i)) for i in items)),)


# --- static checks --------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Target:
    """
    What a condition may compare an item's answer with: the static view of an item.

    Attributes:
        position: The item's place in the checklist's order.
        answer: The name of its answer type (``yes_no``, ``count`` ...).
        values: The values its answer can take, or None for a number or free text.
        numeric: Whether its answer is a number (``gte`` and ``lte`` apply).
        maximum: The largest number it can take, or None when unbounded.

    .. versionadded:: 2026.11.0
    """

    position: int
    answer: str
    values: frozenset[str] | None
    numeric: bool
    maximum: Decimal | None = None


@attrs.frozen
class Flaw:
    """
    One thing wrong with a condition: a message code, its path inside the condition, parameters.
    """

    code: str
    path: Path
    params: tuple[tuple[str, object], ...] = ()


def flaws(condition: Condition, owner: str, targets: Mapping[str, Target]) -> Iterator[Flaw]:
    """
    What is wrong with the condition of item ``owner``: unknown items, the item itself or a later
    one, tests that do not fit an item's answer type, values it can never take.
    """
    here = targets[owner].position
    for test, path in references(condition):
        target = targets.get(test.item)
        item_path = (*path, "item")
        if target is None:
            found = hint(test.item, list(targets))
            yield Flaw("QT430", item_path, (("item", repr(test.item)), ("hint", found)))
            continue
        if test.item == owner:
            yield Flaw("QT431", item_path)
            continue
        if target.position > here:
            yield Flaw("QT432", item_path, (("item", repr(test.item)),))
        yield from _test_flaws(test, path, target)


def _test_flaws(test: ItemCondition, path: Path, target: Target) -> Iterator[Flaw]:
    for key in ("gte", "lte"):
        if getattr(test, key) is not None and not target.numeric:
            yield Flaw("QT433", (*path, key), (("test", key), ("answer", target.answer)))
    compared: list[tuple[Path, str]] = [(("equals",), test.equals)] if test.equals else []
    compared += [(("in", i), v) for i, v in enumerate(test.in_ or ())]
    for where, value in compared:
        if not _can_take(target, value):
            params: tuple[tuple[str, object], ...] = (
                ("value", repr(value)),
                ("expected", _expected(target)),
            )
            if target.values is not None:  # pass for yes_no, the ids of a choices item
                params += (("hint", hint(value, sorted(target.values), WORDS["answer"])),)
            yield Flaw("QT434", (*path, *where), params)


def _can_take(target: Target, value: str) -> bool:
    if target.values is not None:
        return value in target.values
    if target.numeric:
        return number(value) is not None
    return True


def _expected(target: Target) -> str:
    if target.values is not None:
        return ", ".join(sorted(target.values))
    return "a number" if target.numeric else "any text"


def satisfiable(condition: Condition, targets: Mapping[str, Target]) -> bool:
    """
    False when a condition can never hold (``in: []``, a value the item never takes, ``gte``
    above its maximum ...); True when it might. Conservative: ``not`` is taken to be satisfiable.
    """
    if isinstance(condition, AllOf):
        return all(satisfiable(inner, targets) for inner in condition.conditions)
    if isinstance(condition, AnyOf):
        return any(satisfiable(inner, targets) for inner in condition.conditions)
    if isinstance(condition, Not):
        return True
    return _test_satisfiable(condition, targets.get(condition.item))


def _test_satisfiable(test: ItemCondition, target: Target | None) -> bool:
    if target is None:
        return False
    valued = test.answered is True or test.equals is not None or test.in_ is not None
    valued = valued or test.gte is not None or test.lte is not None
    if valued and test.answered is False:
        return False
    if test.equals is not None and not _can_take(target, test.equals):
        return False
    if test.in_ is not None and not any(_can_take(target, v) for v in test.in_):
        return False
    low = test.gte
    high = test.lte if target.maximum is None or test.lte is None else min(test.lte, target.maximum)
    if high is None:
        high = target.maximum
    if high is not None and high < 0:
        return False
    return not (low is not None and high is not None and low > high)


def cycles(edges: Mapping[str, tuple[str, ...]]) -> Iterator[tuple[str, ...]]:
    """
    Every cycle among items whose conditions refer to each other, each once, starting from its
    first item in the order given.
    """
    seen: set[str] = set()
    for start in edges:
        yield from _cycles_from(start, edges, seen)


def _cycles_from(
    start: str, edges: Mapping[str, tuple[str, ...]], seen: set[str]
) -> Iterator[tuple[str, ...]]:
    stack: list[tuple[str, tuple[str, ...]]] = [(start, (start,))]
    while stack:
        node, trail = stack.pop()
        for following in edges.get(node, ()):
            if following == start and len(trail) > 1:
                yield trail
            elif following not in trail and following not in seen and following in edges:
                stack.append((following, (*trail, following)))
    seen.add(start)
