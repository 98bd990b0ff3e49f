"""
The strict reader: YAML (or JSON) text to plain data, and locations for problems.

Plain data is ``str``, ``bool``, ``None``, ``list`` and ``dict`` with ``str`` keys, all text
NFC-normalised. Numbers and dates stay text: the model decides what a value is. The reader
builds the data straight from the parser's events, so it never constructs a tag it does not
know, never expands an alias, and stops at once when a document nests too deep or grows too
large. Locations of values are not kept while reading: when there is something to report, a
second pass over that one document (not the whole file) finds the places of the paths asked for.
The parsers read text from ``_sources``, which decodes it a piece at a time and stands in for a
byte that is not UTF-8 or a forbidden character, so one flaw never hides the rest of a file.

The parts are in ``quytac._reading``; this module is their entry, and the home of the size
limit as the reader reads it (``MAX_DOCUMENT_CHARS`` is looked up here at each call, and given
to the parts).

Only this module, the ``_reading`` package and the writer, ``_yaml_writer``, import PyYAML.
"""

from __future__ import annotations

import sys
from typing import IO, TYPE_CHECKING

import attrs
import yaml

from . import _messages, _sources
from ._messages import quote
from ._reading import _common, _json, _walk
from ._reading._common import (
    HAVE_LIBYAML,
    MAX_DEPTH,
    MAX_DOCUMENT_CHARS,
    Marks,
    Path,
    RawDocument,
    Span,
    _parser,
    _problem,
    encoding_problem,
    flaw_problem,
)
from ._reading._extents import Extent, extents
from ._reading._json import looks_like_json
from ._reading._syntax import _reader_problem
from ._reading._walk import _Walk
from .errors import Problem

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator


def read_yaml(
    text: _sources.Text | Callable[[], str | IO[bytes]],
    source: str,
    *,
    pure: bool = False,
    reader: _sources.Decoded | None = None,
) -> Iterator[RawDocument]:
    """
    Yield every document of a YAML stream as plain data, with the reader's problems.

    ``text`` is the source's text (or an opener of it, a ``str`` or a binary stream of UTF-8);
    ``reader``, when given, is the reader of it already opened. A document with problems of its
    own (a duplicate key, an alias, a tag, a byte that is not UTF-8) still carries its data, so
    that its other problems can be found too. A broken limit (depth, size) or a syntax error
    ends the stream: what follows is not read, and the problem says so.
    """
    if not isinstance(text, _sources.Text):
        text = _sources.Text(text)
    decoded = text.reader() if reader is None else reader
    decoded.limit = MAX_DOCUMENT_CHARS + 2 * _sources.CHUNK
    try:
        walk = _Walk(source, decoded=decoded, segment=text.segment, max_chars=MAX_DOCUMENT_CHARS)
        try:
            for read in walk.documents(_parser(decoded, pure=pure)):
                if walk.duplicates:
                    yield _first_lines(read, walk.duplicates, text, source, pure=pure)
                    walk.duplicates = []
                else:
                    yield read
        except _sources.WrongEncoding as wrong:
            yield RawDocument(-1, None, (encoding_problem(wrong, source),))
        except OSError as exc:
            problem = _problem("QT014", (), None, source, **_messages.os_detail(exc))
            yield RawDocument(-1, None, (problem,))
        except (yaml.YAMLError, UnicodeError, ValueError) as exc:
            problems = [_reader_problem(exc, text.segment, source)]
            flaw = decoded.flaw_before(sys.maxsize)
            if flaw is not None:
                problems.insert(0, flaw_problem(flaw, source))
            yield RawDocument(-1, None, tuple(problems))
    finally:
        decoded.close()


def _first_lines(
    document: RawDocument,
    duplicates: list[tuple[int, Path]],
    text: _sources.Text,
    source: str,
    *,
    pure: bool,
) -> RawDocument:
    """
    The document with each duplicate key's message naming the line of its first occurrence.
    """
    problems = list(document.problems)
    span = document.span
    segment = text.segment(span.start, span.end, span.at) if span is not None else None
    marks = locate(segment, span, {path for _, path in duplicates}, pure=pure)
    for position, path in duplicates:
        first = marks.keys.get(path)
        old = problems[position]
        key = quote(path[-1]) if path else "?"
        again = _messages.make(Problem, "QT003", path, key=key, first=first[0] if first else "?")
        problems[position] = again.located(source, old.line, old.column)
    return attrs.evolve(document, problems=tuple(problems))


def locate(
    segment: str | None, span: Span | None, paths: Iterable[Path], *, pure: bool = False
) -> Marks:
    """
    Where the values (and keys) at some paths of one document are: a second pass over only
    that document's text (``segment``, the text of its span), recording only those paths and
    their enclosing values.
    """
    return _walk.locate(
        segment, span, paths, pure=pure, parser=_parser, max_chars=MAX_DOCUMENT_CHARS
    )


def read_json(
    text: str, source: str, *, flaw: _sources.Flaw | None = None
) -> Iterator[RawDocument]:
    """
    Yield the one document of a JSON text as plain data (numbers as text), with its problems.

    ``flaw`` is the first flaw of the text (a byte that was not UTF-8). Problems of the data
    (duplicate keys, NaN, forbidden characters written as escapes) are placed by reading the
    text once more as YAML, which JSON is.
    """
    return _json.read_json(text, source, flaw=flaw, max_chars=MAX_DOCUMENT_CHARS)


def too_large(source: str, where: tuple[int, int] = (1, 1)) -> Problem:
    """
    QT007 for a document (a JSON text, a line of JSON Lines) longer than the limit.
    """
    return _common.too_large(source, where, limit=MAX_DOCUMENT_CHARS)


__all__ = [
    "HAVE_LIBYAML",
    "MAX_DEPTH",
    "MAX_DOCUMENT_CHARS",
    "Extent",
    "Marks",
    "RawDocument",
    "Span",
    "encoding_problem",
    "extents",
    "flaw_problem",
    "locate",
    "looks_like_json",
    "read_json",
    "read_yaml",
    "too_large",
]
