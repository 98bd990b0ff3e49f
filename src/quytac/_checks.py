"""
Validators shared by the model classes; each raises InvalidValue in YAML vocabulary.
"""

from __future__ import annotations

import decimal
import re
from decimal import Decimal
from typing import Any

import attrs

from ._messages import quote
from .errors import InvalidValue

#: How many digits a number may have before its point, and after it: beyond, exact arithmetic on
#: it would take minutes or overflow (``1e999999999``), and no inspection needs such numbers.
DIGITS = 30

_TOO_BIG: int = 10**DIGITS

#: Where sums of such numbers are exact: enough digits for any sum an inspection makes.
EXACT = decimal.Context(prec=4 * DIGITS, Emax=4 * DIGITS, Emin=-4 * DIGITS)


def in_range(value: Decimal | int) -> bool:
    """
    Whether a number has at most :data:`DIGITS` digits before its point and after it.
    """
    if isinstance(value, int):
        return abs(value) < _TOO_BIG
    if not value.is_finite():
        return False
    exponent = int(value.as_tuple().exponent)
    return bool(not value or (value.adjusted() < DIGITS and exponent >= -DIGITS))


_ID = re.compile(r"[a-z0-9][a-z0-9._-]*\Z")


def identifier(_: object, attribute: Any, value: str) -> None:
    """
    An id of a definition: lower-case letters, digits, ``.``, ``_`` and ``-``.
    """
    if not _ID.match(value):
        raise InvalidValue(
            attribute.alias,
            f"must be lower-case letters, digits, '.', '_' or '-' and start with a letter or"
            f" digit, got {quote(value)}",
            f"chỉ gồm chữ thường, chữ số, '.', '_' hoặc '-' và bắt đầu bằng chữ hoặc số,"
            f" nhận được {quote(value)}",
        )


def non_empty_text(_: object, attribute: Any, value: str) -> None:
    """
    Text that says something (not empty, not only spaces).
    """
    if not value.strip():
        raise InvalidValue(attribute.alias, "must not be empty", "không được để trống")


def optional_text(instance: object, attribute: Any, value: str | None) -> None:
    """
    Text that says something, or nothing at all (None).
    """
    if value is not None:
        non_empty_text(instance, attribute, value)


@attrs.frozen
class Bound:
    """
    A validator of a number within bounds, with its JSON Schema words (``schema.py`` reads them).

    Attributes:
        minimum: The least value allowed, or None.
        maximum: The greatest value allowed, or None.
        above: True when the value must be more than ``minimum``, not equal to it.
        optional: True when None is allowed (the key was left out).
    """

    minimum: int | None = None
    maximum: int | None = None
    above: bool = False
    optional: bool = False

    def __call__(self, _: object, attribute: Any, value: Any) -> None:
        if value is None:
            if self.optional:
                return
            raise TypeError(f"{attribute.alias} is not optional")
        low, high = self.minimum, self.maximum
        if high is not None and low is not None:
            if not low <= value <= high:
                raise InvalidValue(
                    attribute.alias,
                    f"must be between {low} and {high}, got {value}",
                    f"phải từ {low} đến {high}, nhận được {value}",
                )
        elif low is not None and self.above:
            if value <= low:
                raise InvalidValue(
                    attribute.alias,
                    f"must be more than {low}, got {value}",
                    f"phải lớn hơn {low}, nhận được {value}",
                )
        elif low is not None and value < low:
            raise InvalidValue(
                attribute.alias,
                f"must be at least {low}, got {value}",
                f"không được âm, nhận được {value}"
                if low == 0
                else f"phải từ {low} trở lên, nhận được {value}",
            )

    @property
    def json_schema(self) -> dict[str, int]:
        """
        The bounds in JSON Schema words (``minimum``, ``exclusiveMinimum``, ``maximum``).
        """
        words = {}
        if self.minimum is not None:
            words["exclusiveMinimum" if self.above else "minimum"] = self.minimum
        if self.maximum is not None:
            words["maximum"] = self.maximum
        return words


#: A whole number of 1 or more (an edition, an article's number).
at_least_one = Bound(minimum=1)
#: A number of 0 or more (points, weights, counts).
not_negative = Bound(minimum=0)
#: The same, or None.
optional_not_negative = Bound(minimum=0, optional=True)
#: A number more than 0, or None (a step, a count that gives full points).
optional_positive = Bound(minimum=0, above=True, optional=True)
#: A percent.
percent = Bound(minimum=0, maximum=100)
