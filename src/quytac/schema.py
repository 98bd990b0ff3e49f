"""
JSON Schema (draft 2020-12) for every document kind, generated from the attrs model.

The schemas are for editors (completion and checks as a YAML file is typed) and for other
programs; quytac itself never validates with them at run time. ``quytac schema --write schemas``
writes one file per kind; a test fails when the files and the model disagree.
"""

from __future__ import annotations

import datetime as dt
import enum
import inspect
import json
import re
import types
import typing
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from . import _checks, checklists, conditions
from ._base import SCHEMA
from ._documents import KINDS
from ._mapping import FrozenMap
from .codes import REF_FORM
from .outlines import FigureValue
from .records import Figure
from .text import Text

__all__ = ["json_schema", "json_schemas", "schema_file_name", "write_schemas"]

DIALECT = "https://json-schema.org/draft/2020-12/schema"
#: The start of every schema's ``$id``: a name, not an address (quytac publishes no web site;
#: editors find a schema by the path or address a file's first line gives, not by its ``$id``).
BASE_URI = "urn:quytac:schema:v1:"

_INTEGER_TEXT = r"^[+-]?[0-9]+$"
_NUMBER_TEXT = r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$"

#: What the text validators mean, in JSON Schema words (number bounds say it themselves).
_VALIDATORS: dict[Any, dict[str, Any]] = {
    _checks.identifier: {"pattern": r"^[a-z0-9][a-z0-9._-]*$"},
    _checks.non_empty_text: {"minLength": 1, "pattern": r"\S"},
    _checks.optional_text: {"minLength": 1, "pattern": r"\S"},
}

#: Types whose YAML form is not a plain attrs mapping: their schema, written here once.
_SPECIAL: dict[Any, dict[str, Any]] = {
    str: {"type": ["string", "number"]},
    int: {"anyOf": [{"type": "integer"}, {"type": "string", "pattern": _INTEGER_TEXT}]},
    Decimal: {"anyOf": [{"type": "number"}, {"type": "string", "pattern": _NUMBER_TEXT}]},
    bool: {"type": "boolean"},
    dt.date: {"type": "string", "format": "date"},
}


_ATTRIBUTES = re.compile(r"^Attributes:\n(.*?)(?:\n\S|\n\n\S|\Z)", re.MULTILINE | re.DOTALL)


def schema_file_name(kind: str) -> str:
    """
    ``UnitCatalog`` -> ``unitcatalog.schema.json``.
    """
    return f"{kind.lower()}.schema.json"


def _description(cl: type) -> tuple[str, dict[str, str]]:
    """
    The first paragraph of a class docstring, and its ``Attributes:`` descriptions by name.
    """
    doc = inspect.getdoc(cl) or ""
    paragraphs = doc.split("\n\n")
    summary = _words(paragraphs[0]) if paragraphs and paragraphs[0] else ""
    fields: dict[str, str] = {}
    for klass in reversed(cl.__mro__):
        text = klass.__dict__.get("__doc__") or ""
        match = re.search(
            r"^Attributes:\n(.*?)(?:\n\S|\n\n\S|\Z)",
            inspect.cleandoc(text),
            re.MULTILINE | re.DOTALL,
        )
        if not match:
            continue
        current = None
        for line in match.group(1).splitlines():
            entry = re.match(r"^\s{4}(\w+): (.*)$", line)
            if entry:
                current = entry.group(1)
                fields[current] = entry.group(2).strip()
            elif current and line.strip():
                fields[current] += " " + line.strip()
    return summary, {name: _words(text) for name, text in fields.items()}


_ROLE = re.compile(r":[a-z]+:`~?([^`]+)`")
_LITERAL = re.compile(r"``([^`]+)``")


def _words(text: str) -> str:
    """
    Docstring prose for a schema: one line of plain text (no reST marks: ````yes_no```` and
    ``:data:`DIGITS``` are written ``yes_no`` and ``DIGITS``), and YAML's null where Python says
    None.
    """
    plain = _LITERAL.sub(r"\1", _ROLE.sub(r"\1", " ".join(text.split())))
    return re.sub(r"\bNone\b", "null", plain)


def _present(key: str) -> dict[str, Any]:
    """
    A mapping that has the key, with a value other than null.
    """
    return {"required": [key], "not": {"properties": {key: {"type": "null"}}}}


#: The rules between keys of one mapping that JSON Schema can state, by class (the problem code
#: quytac gives when one is broken is in the comment).
_BETWEEN_KEYS: dict[type, dict[str, Any]] = {
    # QT444: a count answer needs exactly one of full_at and thresholds.
    checklists.Count: {"oneOf": [_present("full_at"), _present("thresholds")]},
    # QT403: a condition on an item needs a test.
    conditions.ItemCondition: {
        "anyOf": [_present(key) for key in ("equals", "in", "gte", "lte", "answered")]
    },
}

#: What a key holds beyond its type, by class and attribute name (problem codes in comments).
_KEY_WORDS: dict[tuple[type, str], dict[str, Any]] = {
    # QT420: a reference is CODE_ID:ARTICLE.
    (checklists.Item, "refs"): {"items": {"pattern": REF_FORM}},
}


def text_bound(bound: _checks.Bound, *, integer: bool) -> str | None:
    """
    A pattern that a number written as text (``"2.5"``, quoted in YAML) matches when it is
    within the bound, for the bounds the model uses; None when the bound has none.

    JSON Schema's ``minimum`` and ``maximum`` say nothing of text, and quytac reads quoted
    numbers where numbers are expected, so the schema says it with a pattern (the number's form
    is checked apart). A number with an exponent (``"1e2"``) is within any upper bound for the
    pattern, which cannot compare it: what the schema accepts may still be out of range, but
    what quytac accepts, the schema accepts.
    """
    parts = []
    if bound.minimum == 0 and bound.above:
        parts.append(r"(?=\+?[0-9.]*[1-9])")  # a digit that is not 0 before any exponent
    elif bound.minimum == 0:
        parts.append(r"(?!-[0-9.]*[1-9])")  # not below 0 (-0 is 0)
    elif bound.minimum == 1 and integer:
        parts.append(r"(?=\+?0*[1-9])")
    elif bound.minimum is not None:
        return None
    if bound.maximum is not None:
        parts.append(
            f"(?=.*[eE]|[+-]?0*(?:{_below(bound.maximum)})(?:\\.[0-9]*)?$|"
            f"[+-]?0*{bound.maximum}(?:\\.0*)?$)"
        )
    return "^" + "".join(parts) if parts else None


def _below(limit: int) -> str:
    """
    A pattern of the whole numbers from 0 to ``limit`` - 1, without leading zeros.
    """
    digits = str(limit)
    options = [f"[0-9]{{0,{len(digits) - 1}}}"] if len(digits) > 1 else []
    for place, digit in enumerate(digits):
        if digit != "0":
            rest = len(digits) - place - 1
            options.append(f"{digits[:place]}[0-{int(digit) - 1}][0-9]{{{rest}}}")
    return "|".join(options) or "(?!)"


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def of_type(self, tp: Any) -> dict[str, Any]:
        if tp in _SPECIAL:
            return dict(_SPECIAL[tp])
        if tp is Text:
            return self.ref(Text, text_form=True)
        shape = self.checklist_shape(tp)
        if shape is None:
            shape = self.records_shape(tp)
        if shape is not None:
            return shape
        origin = typing.get_origin(tp)
        args = typing.get_args(tp)
        if origin in (types.UnionType, typing.Union):
            options = [a for a in args if a is not type(None)]
            inner = [self.of_type(a) for a in options]
            schema = inner[0] if len(inner) == 1 else {"anyOf": inner}
            if len(options) < len(args):
                return {"anyOf": [schema, {"type": "null"}]}
            return schema
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": self.of_type(args[0])}
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return {"enum": [member.value for member in tp]}
        if isinstance(tp, type) and attrs.has(tp):
            return self.ref(tp)
        raise TypeError(f"no JSON Schema for {tp!r}")

    def checklist_shape(self, tp: Any) -> dict[str, Any] | None:
        """
        The checklists' shapes that are not plain mappings: an answer type (``yes_no`` or
        ``{count: {...}}`` ...), an answer (a value or ``{value, note, evidence}``), answers
        keyed by item id.
        """
        if tp == checklists.AnswerType:
            named = [name for name, cl in checklists.ANSWER_TYPES.items() if not attrs.fields(cl)]
            forms: list[dict[str, Any]] = [{"enum": named}]
            for name, cl in checklists.ANSWER_TYPES.items():
                if name in named:
                    continue
                body = (
                    # QT446: at least one choice.
                    {"type": "array", "items": self.of_type(checklists.Choice), "minItems": 1}
                    if cl is checklists.Choices
                    else self.ref(cl)
                )
                forms.append(
                    {
                        "type": "object",
                        "properties": {name: body},
                        "required": [name],
                        "additionalProperties": False,
                    }
                )
            return {"anyOf": forms}
        if tp is checklists.Answer:
            return self.ref(checklists.Answer, text_form=True)
        if tp is checklists.Answers:
            return {"type": "object", "additionalProperties": self.of_type(checklists.Answer)}
        return None

    def records_shape(self, tp: Any) -> dict[str, Any] | None:
        """
        The shapes of reports and records that are not plain mappings: mappings keyed by ids
        (sections, figures), a figure's value (text, a number or true/false, typed by the
        outline), and a figure (its value, or ``{value, note}``).
        """
        if typing.get_origin(tp) is FrozenMap:
            (value_type,) = typing.get_args(tp)
            return {"type": "object", "additionalProperties": self.of_type(value_type)}
        if tp == FigureValue:
            return {"type": ["string", "number", "boolean"]}
        if tp is Figure:
            self.ref(Figure)
            return {
                "anyOf": [{"type": ["string", "number", "boolean"]}, {"$ref": "#/$defs/Figure"}]
            }
        return None

    def ref(self, cl: type, *, text_form: bool = False) -> dict[str, Any]:
        name = cl.__name__
        if name not in self.defs:
            self.defs[name] = {}  # placeholder, against recursion
            mapping = self.mapping(cl)
            if text_form:
                mapping = {"anyOf": [{"type": ["string", "number"]}, mapping]}
            self.defs[name] = mapping
        return {"$ref": f"#/$defs/{name}"}

    def mapping(self, cl: type, envelope: dict[str, Any] | None = None) -> dict[str, Any]:
        from ._converter import yaml_key  # noqa: PLC0415 - the names of keys live there

        hints = typing.get_type_hints(cl)
        summary, described = _description(cl)
        properties: dict[str, Any] = dict(envelope or {})
        required: list[str] = list(envelope or {})
        for attribute in attrs.fields(cl):
            key = yaml_key(attribute)
            schema = self.of_type(hints[attribute.name])
            words = validator_words(attribute.validator, hints[attribute.name])
            if words:
                schema = {"allOf": [schema, words]} if "$ref" in schema else {**schema, **words}
            for name, extra in _KEY_WORDS.get((cl, attribute.name), {}).items():
                schema[name] = {**schema[name], **extra}
            if attribute.name in described:
                schema = {"description": described[attribute.name], **schema}
            if attribute.default is attrs.NOTHING:
                required.append(key)
            elif not isinstance(attribute.default, attrs.Factory):  # type: ignore[arg-type]
                default = _plain_default(attribute.default)
                if default is not None:
                    schema["default"] = default
            properties[key] = schema
        result: dict[str, Any] = {"type": "object"}
        if summary:
            result["description"] = summary
        result["properties"] = properties
        if required:
            result["required"] = required
        result["additionalProperties"] = False
        return {**result, **_BETWEEN_KEYS.get(cl, {})}


def validator_words(validator: object, tp: Any = None) -> dict[str, Any] | None:
    """
    What a field's validator checks, in JSON Schema words; None for a validator that has none.
    ``tp`` is the field's type: a bound on a number also bounds the number written as text.
    """
    if isinstance(validator, _checks.Bound):
        words: dict[str, Any] = dict(validator.json_schema)
        integer = int in (tp, *typing.get_args(tp))
        pattern = text_bound(validator, integer=integer)
        if pattern is not None:
            words["pattern"] = pattern
        return words
    for check, words in _VALIDATORS.items():
        if validator is check:
            return words
    return None


def _plain_default(value: object) -> object:
    if isinstance(value, bool | int | str):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if value == ():
        return []
    if isinstance(value, FrozenMap) and not value:
        return {}
    return None


def json_schema(kind: str) -> dict[str, Any]:
    """
    The JSON Schema of one document kind (``"Checklist"``, ``"UnitCatalog"`` ...).

    Raises:
        KeyError: For a kind quytac does not know.

    .. versionadded:: 2026.11.0
    """
    cl = KINDS[kind]
    builder = _Builder()
    envelope = {
        "kind": {"description": "What the document is.", "const": kind},
        "schema": {"description": "The version of the format.", "const": SCHEMA},
    }
    body = builder.mapping(cl, envelope)
    schema: dict[str, Any] = {
        "$schema": DIALECT,
        "$id": BASE_URI + kind.lower(),
        "title": f"quytac {kind} ({SCHEMA})",
        **body,
    }
    if builder.defs:
        schema["$defs"] = dict(sorted(builder.defs.items()))
    return schema


def json_schemas() -> dict[str, dict[str, Any]]:
    """
    Every kind's schema, by file name.

    .. versionadded:: 2026.11.0
    """
    return {schema_file_name(kind): json_schema(kind) for kind in sorted(KINDS)}


def dump_schema(schema: dict[str, Any]) -> str:
    """
    The text written to a schema file: stable, readable, UTF-8.
    """
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def write_schemas(folder: str | Path) -> list[Path]:
    """
    Write every kind's schema into a folder; returns the files written.

    .. versionadded:: 2026.11.0
    """
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in json_schemas().items():
        path = target / name
        path.write_text(dump_schema(schema), encoding="utf-8")
        written.append(path)
    return written
