"""
The strict reader: YAML (or JSON) text to plain data, and locations for problems.

Plain data is ``str``, ``bool``, ``None``, ``list`` and ``dict`` with ``str`` keys, all text
NFC-normalised. Numbers and dates stay text: the model decides what a value is. The reader
builds the data straight from the parser's events, so it never constructs a tag it does not
know, never expands an alias, and stops at once when a document nests too deep or grows too
large. Locations are not kept while reading; a second, tracking pass over one document finds
them when there is something to report.

Only this module imports PyYAML.
"""

from __future__ import annotations

import io
import json
import unicodedata
from typing import IO, TYPE_CHECKING, Any, Final

import attrs
import yaml
from yaml import events as ev
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.scanner import Scanner

from . import _messages
from ._messages import quote
from .errors import Problem

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

_CParser: Any
try:
    from yaml._yaml import CParser as _CParser
except ImportError:  # pragma: no cover - the PyYAML wheels ship libyaml
    _CParser = None

#: How deep mappings and lists may nest in one document.
MAX_DEPTH: Final = 64
#: How many characters one document may span.
MAX_DOCUMENT_CHARS: Final = 16 * 1024 * 1024

HAVE_LIBYAML: Final = _CParser is not None

_TAG: Final = "tag:yaml.org,2002:"
_PLAIN: Final[dict[str, bool | None]] = {
    "true": True,
    "True": True,
    "TRUE": True,
    "false": False,
    "False": False,
    "FALSE": False,
    "null": None,
    "Null": None,
    "NULL": None,
    "~": None,
    "": None,
}
_MISSING: Final = object()
_NOKEY: Final = object()

Path = tuple[str | int, ...]


class _PureParser(Reader, Scanner, Parser):
    def __init__(self, stream: str | IO[bytes]) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)


def _parser(stream: str | IO[bytes], *, pure: bool) -> Any:
    if pure or _CParser is None:
        return _PureParser(stream)
    return _CParser(stream)


@attrs.frozen
class RawDocument:
    """
    One document as plain data, or the problems that kept it from being read.

    Attributes:
        index: 0-based position of the document in its source.
        data: The plain data; meaningful only when ``problems`` is empty.
        problems: What was wrong, located.
    """

    index: int
    data: object
    problems: tuple[Problem, ...] = ()


@attrs.frozen
class Marks:
    """
    Where the values of one document are: path -> (line, column) of the key and of the value.
    """

    keys: dict[Path, tuple[int, int]]
    values: dict[Path, tuple[int, int]]

    def at_value(self, path: Path) -> tuple[int, int] | None:
        """
        The place of the value at ``path``, or of its nearest enclosing value.
        """
        for cut in range(len(path), -1, -1):
            found = self.values.get(path[:cut])
            if found is not None:
                return found
        return None

    def at_key(self, path: Path) -> tuple[int, int] | None:
        """
        The place of the key that ends ``path`` (or of the value, if it has no key).
        """
        return self.keys.get(path) or self.at_value(path)


def _problem(
    code: str, path: Path, where: tuple[int, int] | None, source: str, **params: object
) -> Problem:
    found = _messages.make(Problem, code, path, **params)
    if where is None:
        return found.located(source)
    return found.located(source, where[0], where[1])


def _tag_name(tag: str) -> str:
    return "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag


def _nfc(text: str) -> str:
    return text if text.isascii() else unicodedata.normalize("NFC", text)


class _Walk:
    """
    Turns a parser's events into plain data, one document at a time.

    With ``track`` it also records where every value is and keeps exact problems (the first
    line of a duplicated key); without it, it does as little as it can.
    """

    def __init__(self, source: str, *, track: bool) -> None:
        self.source = source
        self.track = track
        self.problems: list[Problem] = []
        self.keys: dict[Path, tuple[int, int]] = {}
        self.values: dict[Path, tuple[int, int]] = {}

    def report(self, code: str, path: Path, mark: Any, **params: object) -> None:
        where = (mark.line + 1, mark.column + 1) if mark is not None else None
        self.problems.append(_problem(code, path, where, self.source, **params))

    def documents(self, parser: Any, *, only: int | None = None) -> Iterator[RawDocument]:  # noqa: C901, PLR0912, PLR0915
        """
        Yield each document of the stream; with ``only``, stop after that document.
        """
        track = self.track
        get = parser.get_event
        scalar_event = ev.ScalarEvent
        mapping_start = ev.MappingStartEvent
        sequence_start = ev.SequenceStartEvent
        # A frame is [container, pending key, is_mapping, path, key lines].
        stack: list[list[Any]] = []
        root: object = _MISSING
        index = -1
        start = 0
        while True:
            event = get()
            kind = type(event)
            if kind is scalar_event:
                if event.anchor is not None:
                    self._anchor(stack, event)
                frame = stack[-1] if stack else None
                if frame is not None and frame[2] and frame[1] is _NOKEY:
                    frame[1] = self._key(frame, event)
                    continue
                if event.tag is None:
                    value = event.value
                    if not event.style:
                        value = _PLAIN.get(value, value)
                else:
                    value = self._tagged(stack, event)
                if type(value) is str and not value.isascii():
                    value = unicodedata.normalize("NFC", value)
                if event.start_mark.index - start > MAX_DOCUMENT_CHARS:
                    self._too_large(stack, event)
                    yield RawDocument(index, None, tuple(self.problems))
                    return
                if track:
                    self._mark_value(stack, event)
                if frame is None:
                    root = value
                elif frame[2]:
                    container = frame[0]
                    key = frame[1]
                    if key in container:
                        self._duplicate(frame, key)
                    container[key] = value
                    frame[1] = _NOKEY
                else:
                    frame[0].append(value)
            elif kind is mapping_start or kind is sequence_start:
                is_mapping = kind is mapping_start
                if event.anchor is not None:
                    self._anchor(stack, event)
                expected = _TAG + ("map" if is_mapping else "seq")
                if event.tag is not None and event.tag not in ("!", expected):
                    self.report(
                        "QT005", self._path(stack), event.start_mark, tag=_tag_name(event.tag)
                    )
                if len(stack) >= MAX_DEPTH:
                    self.report("QT006", (), event.start_mark, limit=MAX_DEPTH)
                    yield RawDocument(index, None, tuple(self.problems))
                    return
                if event.start_mark.index - start > MAX_DOCUMENT_CHARS:
                    self._too_large(stack, event)
                    yield RawDocument(index, None, tuple(self.problems))
                    return
                frame = stack[-1] if stack else None
                if frame is not None and frame[2] and frame[1] is _NOKEY:
                    self.report(
                        "QT010",
                        self._path(stack),
                        event.start_mark,
                        got="a mapping" if is_mapping else "a list",
                    )
                    frame[1] = object()  # a key that matches nothing; the document is rejected
                if track:
                    self._mark_value(stack, event)
                path = self._path(stack) if track else ()
                stack.append(
                    [{} if is_mapping else [], _NOKEY, is_mapping, path, {} if track else None]
                )
            elif kind is ev.MappingEndEvent or kind is ev.SequenceEndEvent:
                value = stack.pop()[0]
                if not stack:
                    root = value
                else:
                    frame = stack[-1]
                    if frame[2]:
                        key = frame[1]
                        if key in frame[0]:
                            self._duplicate(frame, key)
                        frame[0][key] = value
                        frame[1] = _NOKEY
                    else:
                        frame[0].append(value)
            elif kind is ev.AliasEvent:
                self.report(
                    "QT004", self._path(stack), event.start_mark, what="*" + str(event.anchor)
                )
                frame = stack[-1] if stack else None
                if frame is not None and frame[2] and frame[1] is _NOKEY:
                    frame[1] = object()
                elif frame is not None and frame[2]:
                    frame[0][frame[1]] = None
                    frame[1] = _NOKEY
                elif frame is not None:
                    frame[0].append(None)
                else:
                    root = None
            elif kind is ev.DocumentStartEvent:
                index += 1
                start = event.start_mark.index
                root = _MISSING
                stack.clear()
                if track:
                    self.values[()] = (event.end_mark.line + 1, event.end_mark.column + 1)
            elif kind is ev.DocumentEndEvent:
                data = None if root is _MISSING else root
                yield RawDocument(index, data, tuple(self.problems))
                if only is not None and index >= only:
                    return
                self.problems = []
            elif kind is ev.StreamEndEvent:
                return

    def _path(self, stack: list[list[Any]]) -> Path:
        if not stack:
            return ()
        frame = stack[-1]
        if not self.track:
            return ()
        if frame[2]:
            key = frame[1]
            return (*frame[3], key) if isinstance(key, str) else frame[3]
        return (*frame[3], len(frame[0]))

    def _mark_value(self, stack: list[list[Any]], event: Any) -> None:
        mark = event.start_mark
        self.values[self._path(stack)] = (mark.line + 1, mark.column + 1)

    def _key(self, frame: list[Any], event: Any) -> object:
        if event.tag is not None and event.tag not in ("!", _TAG + "str"):
            self.report(
                "QT005", (*frame[3], event.value), event.start_mark, tag=_tag_name(event.tag)
            )
        key = _nfc(event.value)
        if self.track:
            mark = event.start_mark
            self.keys[(*frame[3], key)] = (mark.line + 1, mark.column + 1)
            lines = frame[4]
            if key not in lines:
                lines[key] = (mark.line + 1, mark)
        return key

    def _duplicate(self, frame: list[Any], key: object) -> None:
        if not isinstance(key, str):
            return
        if self.track:
            first_line = frame[4][key][0]
            mark = self._last_key_mark(frame, key)
            self.report("QT003", (*frame[3], key), mark, key=quote(key), first=first_line)
        else:
            self.report("QT003", (), None, key=quote(key), first="?")

    def _last_key_mark(self, frame: list[Any], key: str) -> Any:
        line, column = self.keys[(*frame[3], key)]
        return _Mark(line - 1, column - 1)

    def _anchor(self, stack: list[list[Any]], event: Any) -> None:
        self.report("QT004", self._path(stack), event.start_mark, what="&" + str(event.anchor))

    def _tagged(self, stack: list[list[Any]], event: Any) -> object:
        tag = event.tag
        value = event.value
        if tag in ("!", _TAG + "str"):
            return value
        if tag in (_TAG + "int", _TAG + "float"):
            return value
        if tag == _TAG + "bool" and value in ("true", "True", "TRUE", "false", "False", "FALSE"):
            return _PLAIN[value]
        if tag == _TAG + "null" and value in ("null", "Null", "NULL", "~", ""):
            return None
        self.report("QT005", self._path(stack), event.start_mark, tag=_tag_name(tag))
        return None

    def _too_large(self, stack: list[list[Any]], event: Any) -> None:
        self.report(
            "QT007",
            self._path(stack),
            event.start_mark,
            what="document",
            what_vi="tài liệu",
            limit=f"{MAX_DOCUMENT_CHARS:,} characters",
        )


@attrs.frozen
class _Mark:
    line: int
    column: int


def _reader_problem(exc: Exception, opener: Callable[[], str | IO[bytes]], source: str) -> Problem:
    """
    A problem for an error of the YAML reader or scanner, located as well as it can be.
    """
    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem_mark is not None:
        mark = exc.problem_mark
        problem = str(exc.problem or "")
        where = (mark.line + 1, mark.column + 1)
        if "\\t" in problem or "tab" in problem or _char_at(opener, mark.line, mark.column) == "\t":
            return _problem("QT011", (), where, source)
        if "nesting depth" in problem:
            return _problem("QT006", (), where, source, limit=MAX_DEPTH)
        detail = problem
        if exc.context:
            detail += f" ({exc.context}"
            if exc.context_mark is not None:
                detail += f" on line {exc.context_mark.line + 1}"
            detail += ")"
        return _problem("QT001", (), where, source, detail=detail)
    if isinstance(exc, yaml.reader.ReaderError):
        place = _offset_place(opener, exc.position)
        detail = f"character {exc.character!r} at offset {exc.position}: {exc.reason}"
        if "UTF-8" in exc.reason or "byte" in exc.reason or "octet" in exc.reason:
            return _problem("QT002", (), place, source, detail=exc.reason)
        return _problem("QT001", (), place, source, detail=detail)
    if isinstance(exc, UnicodeError):
        return _problem("QT002", (), None, source, detail=str(exc))
    return _problem("QT001", (), None, source, detail=str(exc))


def _char_at(opener: Callable[[], str | IO[bytes]], line: int, column: int) -> str:
    """
    The character at a 0-based line and column of a source ("" when there is none).
    """
    stream = opener()
    if isinstance(stream, str):
        lines = stream.splitlines()
    else:
        with stream:
            lines = stream.read().decode("utf-8", "replace").splitlines()
    if line < len(lines) and column < len(lines[line]):
        return lines[line][column]
    return ""


def _offset_place(opener: Callable[[], str | IO[bytes]], offset: int) -> tuple[int, int] | None:
    stream = opener()
    data: bytes
    if isinstance(stream, str):
        data = stream.encode("utf-8", "surrogatepass")
    else:
        with stream:
            data = stream.read(offset + 1)
    if offset > len(data):
        return None
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return (line, column)


def read_yaml(
    opener: Callable[[], str | IO[bytes]],
    source: str,
    *,
    pure: bool = False,
) -> Iterator[RawDocument]:
    """
    Yield every document of a YAML stream as plain data or as problems.

    A document with problems is read a second time, tracking locations, so that its problems
    are exact. An error of the YAML syntax ends the stream: what follows it is not read.
    """
    stream = opener()
    try:
        walk = _Walk(source, track=False)
        try:
            documents = walk.documents(_parser(stream, pure=pure))
            while True:
                try:
                    document = next(documents)
                except StopIteration:
                    return
                if document.problems:
                    problems = _exact_problems(opener, source, document, pure=pure)
                    yield RawDocument(document.index, None, problems)
                else:
                    yield document
        except (yaml.YAMLError, UnicodeError, ValueError) as exc:
            yield RawDocument(-1, None, (_reader_problem(exc, opener, source),))
    finally:
        if not isinstance(stream, str):
            stream.close()


def _exact_problems(
    opener: Callable[[], str | IO[bytes]], source: str, document: RawDocument, *, pure: bool
) -> tuple[Problem, ...]:
    walk = _Walk(source, track=True)
    stream = opener()
    try:
        for again in walk.documents(_parser(stream, pure=pure), only=document.index):
            if again.index == document.index:
                return again.problems or document.problems
    finally:
        if not isinstance(stream, str):
            stream.close()
    return document.problems  # pragma: no cover - the second pass reads the same text


def locate(opener: Callable[[], str | IO[bytes]], index: int, *, pure: bool = False) -> Marks:
    """
    Where the values of document ``index`` of a source are (a second, tracking pass).
    """
    walk = _Walk("", track=True)
    stream = opener()
    try:
        for document in walk.documents(_parser(stream, pure=pure), only=index):
            if document.index == index:
                break
    except (yaml.YAMLError, UnicodeError, ValueError):
        pass
    finally:
        if not isinstance(stream, str):
            stream.close()
    return Marks(walk.keys, walk.values)


def read_json(text: str, source: str) -> Iterator[RawDocument]:
    """
    Yield the one document of a JSON text as plain data (numbers as text), or its problems.
    """
    duplicates: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in items:
            name = _nfc(key)
            if name in result:
                duplicates.append(name)
            result[name] = value
        return result

    try:
        data = json.loads(
            text,
            parse_float=str,
            parse_int=str,
            parse_constant=_no_constant,
            object_pairs_hook=pairs,
        )
    except json.JSONDecodeError as exc:
        yield RawDocument(
            0, None, (_problem("QT013", (), (exc.lineno, exc.colno), source, detail=exc.msg),)
        )
        return
    except ValueError as exc:
        yield RawDocument(0, None, (_problem("QT013", (), None, source, detail=str(exc)),))
        return
    if duplicates:
        # JSON is YAML: the tracking walk finds the duplicates with their lines.
        yield from read_yaml(lambda: text, source)
        return
    if not text.isascii():
        data = _nfc_all(data)
    yield RawDocument(0, data)


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not a number JSON allows")


def _nfc_all(data: Any) -> Any:
    if type(data) is str:
        return _nfc(data)
    if type(data) is list:
        return [_nfc_all(item) for item in data]
    if type(data) is dict:
        return {key: _nfc_all(value) for key, value in data.items()}
    return data


def looks_like_json(text: str) -> bool:
    """
    Whether a text should be tried as JSON first (it opens with ``{``).
    """
    return text.lstrip()[:1] == "{"


def from_bytes(data: bytes, source: str) -> tuple[str | None, Problem | None]:
    """
    Decode UTF-8 (a byte order mark is dropped), or say where the first bad byte is.
    """
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        where = _offset_place(lambda: io.BytesIO(data), exc.start)
        return None, _problem(
            "QT002", (), where, source, detail=f"{exc.reason} at byte {exc.start}"
        )
