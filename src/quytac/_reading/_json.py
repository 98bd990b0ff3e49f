"""
The JSON reader: the one document of a JSON text as the YAML reader gives it (numbers as text,
text NFC-normalised, objects as dicts), with the same problems, placed by reading the text once
more as YAML.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import TYPE_CHECKING, Any, Final

from quytac import _sources
from quytac._messages import quote

from ._common import (
    MAX_DEPTH,
    MAX_PROBLEMS,
    Path,
    RawDocument,
    Span,
    _character,
    _Fatal,
    _nfc,
    _problem,
    flaw_problem,
    too_large,
)
from ._walk import locate

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from quytac.errors import Problem


class _Pairs(list[tuple[str, Any]]):
    """
    The members of a JSON object as written, duplicates and all.
    """


class _Constant(str):
    """
    ``NaN``, ``Infinity`` or ``-Infinity``, which JSON does not allow.
    """

    __slots__ = ()


#: What the check of JSON data found: code, path, parameters, and where it is (key or value).
_Found = tuple[str, Path, dict[str, object], str]

_SURROGATE_ESCAPE: Final = re.compile(r"\\(?:\\|u[dD][89a-fA-F][0-9a-fA-F]{2})")


def read_json(
    text: str, source: str, *, flaw: _sources.Flaw | None = None, max_chars: int
) -> Iterator[RawDocument]:
    """
    Yield the one document of a JSON text as plain data (numbers as text), with its problems.

    ``flaw`` is the first flaw of the text (a byte that was not UTF-8). Problems of the data
    (duplicate keys, NaN, forbidden characters written as escapes) are placed by reading the
    text once more as YAML, which JSON is. A text longer than ``max_chars`` is not parsed.
    """
    span = Span(0, 0, len(text))
    first = (flaw_problem(flaw, source),) if flaw is not None else ()
    if len(text) > max_chars:
        yield RawDocument(0, None, (*first, too_large(source, (1, 1), limit=max_chars)))
        return
    try:
        data = json.loads(
            text,
            parse_float=str,
            parse_int=str,
            parse_constant=_Constant,
            object_pairs_hook=_object,
        )
    except json.JSONDecodeError as exc:
        where = (exc.lineno, exc.colno)
        yield RawDocument(0, None, (*first, _problem("QT013", (), where, source, detail=exc.msg)))
        return
    except RecursionError:
        problem = _problem("QT006", (), (1, 1), source, limit=MAX_DEPTH)
        yield RawDocument(0, None, (*first, problem))
        return
    except ValueError as exc:  # pragma: no cover - json raises only JSONDecodeError here
        problem = _problem("QT013", (), None, source, detail=str(exc))
        yield RawDocument(0, None, (*first, problem))
        return
    found: list[_Found] = []
    try:
        data = _checked(data, found, escapes="\\" in text)
    except _Fatal:
        data = None
    problems = _placed(found, text, span, source) if found else ()
    yield RawDocument(0, data, (*first, *problems), span)


def _checked(data: Any, found: list[_Found], *, escapes: bool) -> Any:
    """
    JSON data as the YAML reader gives it: objects as dicts, text NFC-normalised (keys too),
    walked without recursion (and changed in place). Too deep is QT006 (and stops), a duplicate
    key QT003, NaN QT013, and, when the text has escapes, a character text may not hold QT017.
    """
    search = _sources.UNWANTED.search if escapes else None
    normalize = unicodedata.normalize
    result: list[Any] = [data]
    pending: list[tuple[Any, Any, Any, Path]] = [(data, result, 0, ())]
    while pending:
        value, parent, slot, path = pending.pop()
        if len(path) > MAX_DEPTH:
            found.append(("QT006", path[:8], {"limit": MAX_DEPTH}, "value"))
            raise _Fatal
        kind = type(value)
        if kind is str:
            if search is not None and (bad := search(value)):
                found.append(("QT017", path, {**_character(ord(bad.group()))}, "value"))
            if not value.isascii():
                parent[slot] = normalize("NFC", value)
        elif kind is dict or kind is _Pairs:
            mapping = _mapping(value, path, search, found)
            parent[slot] = mapping
            pending += [(item, mapping, name, (*path, name)) for name, item in mapping.items()]
        elif kind is list:
            pending += [(item, value, i, (*path, i)) for i, item in enumerate(value)]
        elif kind is _Constant:
            detail = f"{value} is not a number JSON allows"
            detail_vi = f"{value} không phải là số mà JSON cho phép"
            found.append(("QT013", path, {"detail": detail, "detail_vi": detail_vi}, "value"))
            parent[slot] = None
    return result[0]


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any] | _Pairs:
    """
    A JSON object as a dict, or as its pairs when a key is repeated.
    """
    members = dict(pairs)
    return members if len(members) == len(pairs) else _Pairs(pairs)


def _mapping(
    value: dict[str, Any] | _Pairs,
    path: Path,
    search: Callable[[str], re.Match[str] | None] | None,
    found: list[_Found],
) -> dict[str, Any]:
    """
    The members of a JSON object by their NFC keys, the last of a repeated key winning (QT003).
    """
    if type(value) is dict and search is None and "".join(value).isascii():
        return value
    mapping: dict[str, Any] = {}
    items: Iterable[tuple[str, Any]] = value.items() if isinstance(value, dict) else value
    for key, item in items:
        name = _nfc(key)
        if search is not None and (bad := search(key)):
            found.append(("QT017", (*path, name), {**_character(ord(bad.group()))}, "key"))
        if name in mapping:
            found.append(("QT003", (*path, name), {}, "again"))
        mapping[name] = item
    return mapping


def _placed(found: list[_Found], text: str, span: Span, source: str) -> tuple[Problem, ...]:
    """
    The problems found in JSON data, placed in its text (one more pass, as YAML), in order.
    """
    if "\\u" in text:
        # libyaml refuses surrogate escapes, which JSON uses for characters beyond U+FFFF:
        # the pass that places values reads them as another escape of the same length.
        text = _SURROGATE_ESCAPE.sub(
            lambda m: m.group() if m.group() == "\\\\" else "\\u0058", text
        )
    marks = locate(text, span, [path for _, path, _, _ in found])
    repeated: dict[Path, int] = {}
    problems: list[Problem] = []
    for code, path, params, where in found:
        if code == "QT003":
            count = repeated[path] = repeated.get(path, -1) + 1
            places = marks.again.get(path, [])
            first = marks.keys.get(path)
            at = places[count] if count < len(places) else marks.at_value(path)
            params = {"key": quote(path[-1]), "first": first[0] if first else "?"}  # noqa: PLW2901
        else:
            at = marks.at_key(path) if where == "key" else marks.at_value(path)
        problems.append(_problem(code, path, at, source, **params))
    problems.sort(key=lambda p: (p.line is None, p.line or 0, p.column or 0))
    if len(problems) > MAX_PROBLEMS:
        extra = len(problems) - MAX_PROBLEMS
        del problems[MAX_PROBLEMS:]
        problems.append(_problem("QT016", (), None, source, count=extra, limit=MAX_PROBLEMS))
    return tuple(problems)


def looks_like_json(text: str) -> bool:
    """
    Whether a text should be tried as JSON first (it opens with ``{``).
    """
    return text.lstrip()[:1] == "{"
