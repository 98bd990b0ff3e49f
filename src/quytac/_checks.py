"""
Validators shared by the model classes; each raises InvalidValue in YAML vocabulary.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from ._messages import quote
from .errors import InvalidValue

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


def at_least_one(_: object, attribute: Any, value: int) -> None:
    """
    A whole number of 1 or more (an edition, a count).
    """
    if value < 1:
        raise InvalidValue(
            attribute.alias,
            f"must be at least 1, got {value}",
            f"phải từ 1 trở lên, nhận được {value}",
        )


def not_negative(_: object, attribute: Any, value: Decimal | int) -> None:
    """
    A number of 0 or more (points, weights).
    """
    if value < 0:
        raise InvalidValue(
            attribute.alias, f"must be at least 0, got {value}", f"không được âm, nhận được {value}"
        )
