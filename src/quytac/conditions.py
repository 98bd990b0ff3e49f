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

from . import _deprecated
from ._checks import non_empty_text
from ._nearest import WORDS, hint

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

__all__ = [
    "AllOf",
    "AnyOf",
    "Condition",
    "ItemCondition",
    "NotCondition",
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
class NotCondition:
    """
    Holds when its condition does not (YAML ``not: {...}``).

    Attributes:
        condition: The condition that must not hold (YAML key ``not``).

    .. versionadded:: 2026.11.0
    .. versionchanged:: 2026.11.0
       Renamed from ``Not``, which stays a deprecated alias for one release.
    """

    condition: Condition = attrs.field(metadata={"yaml": "not"})

    def holds(self, answers: Mapping[str, str]) -> bool:
        """
        Whether the condition fails.
        """
        return not self.condition.holds(answers)


#: A ``when:`` condition.
Condition: TypeAlias = ItemCondition | AllOf | AnyOf | NotCondition

#: The YAML key that says which kind of condition a mapping is.
TAGS: dict[str, type[Condition]] = {
    "item": ItemCondition,
    "all": AllOf,
    "any": AnyOf,
    "not": NotCondition,
}


def references(condition: Condition, path: Path = ()) -> Iterator[tuple[ItemCondition, Path]]:
    """
    Every item test in a condition, with its path inside the condition.
    """
    if isinstance(condition, ItemCondition):
        yield condition, path
    elif isinstance(condition, NotCondition):
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

    @functools.cached_property
    def expected_text(self) -> str:
        """
        What the answer can be, for a message: its values in order, "a number" or "any text"
        (worked out once, however many conditions give the item a value it never takes).
        """
        if self.values is not None:
            return ", ".join(sorted(self.values))
        return "a number" if self.numeric else "any text"


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
                ("expected", target.expected_text),
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


def satisfiable(condition: Condition, targets: Mapping[str, Target]) -> bool:
    """
    False when a condition can never hold (``in: []``, a value the item never takes, ``gte``
    above its maximum ...); True when it might. Conservative: ``not`` is taken to be satisfiable.
    """
    if isinstance(condition, AllOf):
        return all(satisfiable(inner, targets) for inner in condition.conditions)
    if isinstance(condition, AnyOf):
        return any(satisfiable(inner, targets) for inner in condition.conditions)
    if isinstance(condition, NotCondition):
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
    Every cycle among items whose conditions refer to each other, each once (once per edge
    that closes it, when an item names another twice), starting from its first item in the
    order given.

    From each item in turn, the cycles through it among the items after it, found as a
    depth-first search would (the last edge of an item followed first), but in time that
    grows with the cycles found rather than with the paths tried: only the items of its
    strongly connected part are searched, and an item that cannot lead back is skipped until
    it can (Johnson, "Finding all the elementary circuits of a directed graph", 1975).
    """
    order = {node: position for position, node in enumerate(edges)}
    found: dict[str, list[tuple[str, ...]]] = {}
    for part in _components(edges, list(edges)):
        if len(part) > 1:
            found.update(_part_cycles(sorted(part, key=order.__getitem__), edges))
    for start in edges:
        yield from found.get(start, ())


def _part_cycles(
    part: list[str], edges: Mapping[str, tuple[str, ...]]
) -> dict[str, list[tuple[str, ...]]]:
    """
    The cycles of one strongly connected part (its items in the order given), by first item.
    """
    found: dict[str, list[tuple[str, ...]]] = {}
    after = part
    while True:
        parts = [inner for inner in _components(edges, after) if len(inner) > 1]
        if not parts:
            return found
        first = {node: position for position, node in enumerate(after)}
        inner = min(parts, key=lambda nodes: min(map(first.__getitem__, nodes)))
        start = min(inner, key=first.__getitem__)
        found[start] = _circuits(start, edges, frozenset(inner))
        after = after[first[start] + 1 :]


def _circuits(
    start: str, edges: Mapping[str, tuple[str, ...]], inside: frozenset[str]
) -> list[tuple[str, ...]]:
    """
    Every cycle through ``start`` among the items ``inside`` (strongly connected), in the order
    of a depth-first search that takes an item's last edge first.
    """
    search = _Search(start, edges, inside)
    visits = [search.enter(start)]
    while visits:
        visit = visits[-1]
        if visit.next < len(visit.following):
            name = visit.following[visit.next]
            visit.next += 1
            if name not in search.blocked:
                visits.append(search.enter(name))
            continue
        visits.pop()
        search.leave(visit)
        if visit.closed and visits:
            visits[-1].closed = True
    return search.found


@attrs.define
class _Visit:
    """
    An item on the search's trail: the items it leads to, still to follow (the last edge
    first), and whether a cycle was closed from it.
    """

    node: str
    following: list[str] = attrs.Factory(list)
    next: int = 0
    closed: bool = False


class _Search:
    """
    The state of the search for the cycles through one item: the trail, the cycles found,
    and the items blocked because they cannot lead back to the start without crossing the
    trail (each with the items to free when it is freed).
    """

    def __init__(
        self, start: str, edges: Mapping[str, tuple[str, ...]], inside: frozenset[str]
    ) -> None:
        self.start = start
        self.edges = edges
        self.inside = inside
        self.found: list[tuple[str, ...]] = []
        self.trail: list[str] = []
        self.on_trail: set[str] = set()
        self.blocked: set[str] = set()
        self.waiting: dict[str, set[str]] = {}

    def enter(self, node: str) -> _Visit:
        self.trail.append(node)
        self.on_trail.add(node)
        self.blocked.add(node)
        visit = _Visit(node)
        for name in self.edges[node]:
            if name == self.start and len(self.trail) > 1:
                self.found.append(tuple(self.trail))
                visit.closed = True
            elif name in self.inside and name not in self.on_trail:
                visit.following.append(name)
        visit.following.reverse()
        return visit

    def leave(self, visit: _Visit) -> None:
        self.trail.pop()
        self.on_trail.discard(visit.node)
        if visit.closed:
            self._unblock(visit.node)
            return
        for name in self.edges[visit.node]:
            if name in self.inside:
                self.waiting.setdefault(name, set()).add(visit.node)

    def _unblock(self, node: str) -> None:
        todo = [node]
        while todo:
            name = todo.pop()
            if name in self.blocked:
                self.blocked.discard(name)
                todo.extend(self.waiting.pop(name, ()))


def _components(edges: Mapping[str, tuple[str, ...]], nodes: list[str]) -> list[list[str]]:
    """
    The strongly connected parts of the graph of ``nodes`` (edges to other items left out),
    by Tarjan's algorithm without recursion.
    """
    tarjan = _Tarjan(edges, nodes)
    for root in nodes:
        if root not in tarjan.number:
            tarjan.walk(root)
    return tarjan.parts


class _Tarjan:
    """
    Tarjan's strongly connected parts: each item gets a number as the walk reaches it, and
    the least number it leads back to; an item that leads back to none before it closes a part.
    """

    def __init__(self, edges: Mapping[str, tuple[str, ...]], nodes: list[str]) -> None:
        self.edges = edges
        self.among = set(nodes)
        self.number: dict[str, int] = {}
        self.low: dict[str, int] = {}
        self.stack: list[str] = []
        self.on_stack: set[str] = set()
        self.parts: list[list[str]] = []

    def _reach(self, node: str) -> Iterator[str]:
        self.number[node] = self.low[node] = len(self.number)
        self.stack.append(node)
        self.on_stack.add(node)
        return iter(self.edges[node])

    def walk(self, root: str) -> None:
        work = [(root, self._reach(root))]
        while work:
            node, following = work[-1]
            for name in following:
                if name not in self.number and name in self.among:
                    work.append((name, self._reach(name)))
                    break
                if name in self.on_stack:
                    self.low[node] = min(self.low[node], self.number[name])
            else:
                work.pop()
                if work:
                    above = work[-1][0]
                    self.low[above] = min(self.low[above], self.low[node])
                if self.low[node] == self.number[node]:
                    self._close(node)

    def _close(self, node: str) -> None:
        part = []
        while True:
            name = self.stack.pop()
            self.on_stack.discard(name)
            part.append(name)
            if name == node:
                break
        self.parts.append(part)


#: Old names of this module's classes, kept for one release (old -> new).
_RENAMED = {"Not": "NotCondition"}

__getattr__ = _deprecated.renamed(globals(), _RENAMED)

if TYPE_CHECKING:
    Not = NotCondition  # deprecated: the type checker sees the old name as the new class
