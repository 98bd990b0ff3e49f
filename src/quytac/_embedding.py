"""
Documents from and to plain Python data, for software that embeds quytac: structure,
unstructure, and dumps in YAML or JSON.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any, Literal

from . import _documents
from ._base import SCHEMA
from ._converter import (
    RawProblem,
    StructureFailed,
    plain,
    structure_document,
    unstructure_document,
)
from ._documents import KINDS, Document, Origin, place
from ._messages import quote
from .errors import LoadError

#: The document classes, as their names are listed in messages.
_NAMES = ", ".join(cl.__name__ for cl in KINDS.values())


def _kind_class(kind: type[Any] | str) -> type[Any]:
    if isinstance(kind, str) and kind in KINDS:
        return KINDS[kind]
    if isinstance(kind, type) and kind in KINDS.values():
        return kind
    raise TypeError(
        f"quytac.structure: kind must be a document class or its name ({_NAMES}), got {kind!r}"
    )


def _mismatch(given: object, asked: type[Any]) -> RawProblem:
    return RawProblem(
        "QT105",
        ("kind",),
        "value",
        (
            ("expected", f"{asked.kind!r} (the kind asked for)"),
            ("expected_vi", f"{asked.kind!r} (loại tài liệu được yêu cầu)"),
            ("got", quote(given)),
            ("got_vi", quote(given, lang="vi")),
        ),
    )


def structure(
    data: object, kind: type[Document] | str | None = None, *, source: str = "<data>"
) -> Document:
    """
    The document for plain Python data: a dict from ``json.loads``, a database row, a form.

    The data is read as ``loads`` reads the same content, with the same problems (same codes,
    same paths of YAML keys), placed under ``source`` (there are no lines and columns: the data
    came from no text). A float is taken as the number it prints as when it has at most 15
    significant digits (``2.5`` is exactly 2.5); a set, bytes, an object or a longer float is
    a problem, never a traceback.

    Args:
        data: The document as plain data: dicts with text keys, lists (or tuples), text,
            ints, floats, ``Decimal``, ``datetime.date``, ``True``/``False``, ``None``.
        kind: The kind of document, when the data carries no ``kind:`` and ``schema:`` keys: a
            document class (``quytac.InspectionRecord``) or its kind name
            (``"inspection_record"``). When the data has a ``kind:`` too, they must agree.
        source: The name problems are reported under.

    Raises:
        LoadError: With every problem found.
        TypeError: When ``kind`` is neither a document class nor a kind name.

    .. versionadded:: 2026.11.0
    """
    asked = None if kind is None else _kind_class(kind)
    body, raws = plain(data)
    origin = Origin(source, 0)
    if asked is not None and type(body) is dict:
        given = body.get("kind", asked.kind)
        if given != asked.kind:
            raws.append(_mismatch(given, asked))
            raise LoadError(place(raws, origin))
        body = {"kind": asked.kind, "schema": body.get("schema", SCHEMA), **body}
    reading = tuple(place(raws, origin))
    if any(raw.code == "QT006" for raw in raws):  # as in a file: too deep is not read
        raise LoadError(reading)
    try:
        document: Document = structure_document(body, KINDS)
    except StructureFailed as failed:
        raise LoadError(_documents.merged(reading, place(failed.problems, origin))) from None
    if reading:
        raise LoadError(reading)
    return document


def _checked(document: object, what: str) -> None:
    if type(document) not in KINDS.values():
        raise TypeError(
            f"quytac.{what}: expected a document ({_NAMES}), got {type(document).__name__}"
        )


def _json_ready(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _json_ready(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_json_ready(item) for item in value]
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def unstructure(document: Document) -> dict[str, Any]:
    """
    Plain, JSON-ready data for a document, as the YAML format writes it: ``kind`` and
    ``schema`` first, exact numbers (``Decimal``) as text, whole numbers as ints, dates as
    ``YYYY-MM-DD``, text as written (a string, or ``{vi, en}``); keys left at their default
    are left out. ``structure`` reads it back to an equal document.

    Raises:
        TypeError: For anything that is not a document (scores, explanations and syntheses
            are not written yet).

    .. versionadded:: 2026.11.0
    """
    _checked(document, "unstructure")
    ready: dict[str, Any] = _json_ready(unstructure_document(document))
    return ready


def dumps(document: Document, format: Literal["yaml", "json"] = "yaml") -> str:  # noqa: A002
    """
    A document as YAML (the default) or JSON, which ``loads`` reads back to an equal document.

    JSON is ``unstructure(document)``, indented by two spaces, non-ASCII text as is.

    Raises:
        TypeError: For anything that is not a document (a ``Score``, an int ...).
        ValueError: For a format other than ``"yaml"`` and ``"json"``.

    .. versionadded:: 2026.11.0
    .. versionchanged:: 2026.11.0 ``format="json"``.
    """
    if format not in ("yaml", "json"):
        raise ValueError(f"quytac.dumps: format must be 'yaml' or 'json', got {format!r}")
    _checked(document, "dumps")
    if format == "json":
        return json.dumps(unstructure(document), ensure_ascii=False, indent=2) + "\n"
    return _documents.dumps(document)
