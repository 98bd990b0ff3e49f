"""
An immutable, hashable mapping for the model: frozen records hold no dicts.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TypeVar

__all__ = ["FrozenMap"]

V = TypeVar("V")


class FrozenMap(Mapping[str, V]):
    """
    A mapping from text keys to values that cannot change, kept in the order written.

    The model uses it where YAML writes a mapping keyed by ids (a report's sections by outline
    number, answers by item id). It compares equal to any mapping with the same items.

    >>> from quytac import FrozenMap
    >>> figures = FrozenMap({"to_roi": 51500, "bang": 274})
    >>> figures["bang"], len(figures), figures == {"bang": 274, "to_roi": 51500}
    (274, 2, True)

    .. versionadded:: 2026.11.0
    """

    __slots__ = ("_data",)

    def __init__(self, items: Mapping[str, V] | Iterable[tuple[str, V]] = ()) -> None:
        self._data: dict[str, V] = dict(items)

    def __getitem__(self, key: str) -> V:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        return hash(frozenset(self._data.items()))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return self._data == dict(other.items())
        return NotImplemented

    def __repr__(self) -> str:
        return f"FrozenMap({self._data!r})"
