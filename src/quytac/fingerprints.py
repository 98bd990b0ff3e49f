"""
Content fingerprints of documents, so that a report or record can pin the exact edition of the
outline or checklist it was written against.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import json
from collections.abc import Mapping
from typing import Any

import attrs

__all__ = ["fingerprint"]

#: The fingerprints of the documents fingerprinted last, by identity: documents are immutable,
#: and a synthesis checks the same checklist's pin for every record.
_RECENT: dict[int, tuple[Any, str]] = {}
_RECENT_SIZE = 64


def _canonical(value: Any) -> Any:
    if attrs.has(type(value)):
        fields = {}
        for field in attrs.fields(type(value)):
            item = getattr(value, field.name)
            default = field.default
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                default = default.factory()
            if item != default:
                fields[field.name] = _canonical(item)
        return fields
    if isinstance(value, enum.Enum):
        return _canonical(value.value)
    if isinstance(value, Mapping):
        return {str(key): _canonical(item) for key, item in value.items()}
    if isinstance(value, tuple | list):
        return [_canonical(item) for item in value]
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def fingerprint(document: Any) -> str:
    """
    A short fingerprint of a document's content: 16 hexadecimal digits of a SHA-256.

    Two documents with the same content have the same fingerprint, however they were written
    (key order, quoting, defaults spelt out or left out, ``2`` or ``"2"``); any change of
    content (a reworded item, a new band, other points) changes it. It tells editions apart;
    it is not a security measure.

    .. versionadded:: 2026.11.0
    """
    found = _RECENT.get(id(document))
    if found is not None and found[0] is document:
        return found[1]
    text = json.dumps(
        {"kind": type(document).kind, "content": _canonical(document)},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    if len(_RECENT) >= _RECENT_SIZE:
        _RECENT.clear()
    _RECENT[id(document)] = (document, digest)
    return digest
