"""
Answers keyed by item id, and the plain values (as in YAML) they are built from.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from quytac.text import Text

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping


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
