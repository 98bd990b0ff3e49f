"""
The strict reader: YAML (or JSON) text to plain data, and locations for problems.

Plain data is ``str``, ``bool``, ``None``, ``list`` and ``dict`` with ``str`` keys, all text
NFC-normalised. Numbers and dates stay text: the model decides what a value is. The reader
builds the data straight from the parser's events, so it never constructs a tag it does not
know, never expands an alias, and stops at once when a document nests too deep or grows too
large. Locations of values are not kept while reading: when there is something to report, a
second pass over that one document (not the whole file) finds the places of the paths asked for.

Only this module imports PyYAML.
"""

from __future__ import annotations

import json
import re
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
    from collections.abc import Callable, Iterable, Iterator

_CParser: Any
try:
    from yaml._yaml import CParser as _CParser
except ImportError:  # pragma: no cover - the PyYAML wheels ship libyaml
    _CParser = None

#: How deep mappings and lists may nest in one document.
MAX_DEPTH: Final = 64
#: How many characters one document may span.
MAX_DOCUMENT_CHARS: Final = 16 * 1024 * 1024
#: How many problems of the reader one document may report before the rest are counted only.
MAX_PROBLEMS: Final = 100

HAVE_LIBYAML: Final = _CParser is not None

_TAG: Final = "tag:yaml.org,2002:"
_BOOLS: Final = {
    "true": True,
    "True": True,
    "TRUE": True,
    "false": False,
    "False": False,
    "FALSE": False,
}
_NULLS: Final = ("null", "Null", "NULL", "~", "")
_PLAIN: Final[dict[str, bool | None]] = {**_BOOLS, **dict.fromkeys(_NULLS)}
_MISSING: Final = object()
_NOKEY: Final = object()
_SURROGATE: Final = re.compile("[\ud800-\udfff]")

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
class Span:
    """
    Where a document is in its source: the 0-based line it starts on, and the character
    offsets of the start of that line and of the document's end.
    """

    line: int
    start: int
    end: int


@attrs.frozen
class RawDocument:
    """
    One document as plain data, with the problems the reader found in it.

    Attributes:
        index: 0-based position of the document in its source.
        data: The plain data; None when a problem kept the document from being read at all.
        problems: What the reader found wrong, located.
        span: Where the document is, for a later pass that locates its values.
    """

    index: int
    data: object
    problems: tuple[Problem, ...] = ()
    span: Span | None = None


@attrs.frozen
class Marks:
    """
    Where values of one document are: path -> (line, column) of the key and of the value.
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
    name = "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag
    return quote(name, limit=40)[1:-1]


def _nfc(text: str) -> str:
    return text if text.isascii() else unicodedata.normalize("NFC", text)


class _Fatal(Exception):
    """
    A document broke a limit: reading the source stops.
    """


class _Walk:
    """
    Turns a parser's events into plain data, one document at a time.

    The path of the value being built is always known from the stack of open mappings and
    lists, so the reader's own problems are exact in one pass. With ``wanted`` (a set of paths
    and their prefixes) it also records where those values and keys are.
    """

    def __init__(self, source: str, *, line: int = 0, wanted: set[Path] | None = None) -> None:
        self.source = source
        self.line = line
        self.wanted = wanted
        self.problems: list[Problem] = []
        self.extra = 0
        self.keys: dict[Path, tuple[int, int]] = {}
        self.values: dict[Path, tuple[int, int]] = {}
        self.duplicates: list[tuple[int, Path]] = []

    def place(self, mark: Any) -> tuple[int, int]:
        return (mark.line + 1 + self.line, mark.column + 1)

    def report(self, code: str, path: Path, mark: Any, **params: object) -> None:
        if len(self.problems) >= MAX_PROBLEMS:
            self.extra += 1
            return
        self.problems.append(_problem(code, path, self.place(mark), self.source, **params))

    def documents(self, parser: Any, *, only: int | None = None) -> Iterator[RawDocument]:  # noqa: C901, PLR0912, PLR0915
        """
        Yield each document of the stream; with ``only``, stop after that document.
        """
        wanted = self.wanted
        get = parser.get_event
        scalar_event = ev.ScalarEvent
        mapping_start = ev.MappingStartEvent
        sequence_start = ev.SequenceStartEvent
        # A frame is [container, pending key, is_mapping].
        stack: list[list[Any]] = []
        root: object = _MISSING
        index = -1
        start = 0
        span_start = (0, 0)
        while True:
            event = get()
            kind = type(event)
            if kind is scalar_event:
                frame = stack[-1] if stack else None
                if event.end_mark.index - start > MAX_DOCUMENT_CHARS:
                    self._too_large(stack, event)
                    yield RawDocument(index, None, tuple(self.problems))
                    return
                if event.anchor is not None:
                    self._anchor(stack, event)
                if frame is not None and frame[2] and frame[1] is _NOKEY:
                    frame[1] = self._key(stack, event)
                    continue
                if event.tag is None:
                    value = event.value
                    if not event.style:
                        value = _PLAIN.get(value, value)
                else:
                    value = self._tagged(stack, event)
                if type(value) is str and not value.isascii():
                    value = unicodedata.normalize("NFC", value)
                if wanted is not None:
                    self._mark(stack, event)
                if frame is None:
                    root = value
                elif frame[2]:
                    container = frame[0]
                    key = frame[1]
                    if key in container:
                        self._duplicate(stack, key, event)
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
                        got_vi="một ánh xạ" if is_mapping else "một danh sách",
                    )
                    frame[1] = f"\x00key {event.start_mark.line + 1}:{event.start_mark.column + 1}"
                if wanted is not None:
                    self._mark(stack, event)
                stack.append([{} if is_mapping else [], _NOKEY, is_mapping])
            elif kind is ev.MappingEndEvent or kind is ev.SequenceEndEvent:
                value = stack.pop()[0]
                if not stack:
                    root = value
                else:
                    frame = stack[-1]
                    if frame[2]:
                        key = frame[1]
                        if key in frame[0]:
                            self._duplicate(stack, key, event)
                        frame[0][key] = value
                        frame[1] = _NOKEY
                    else:
                        frame[0].append(value)
            elif kind is ev.AliasEvent:
                self.report(
                    "QT004", self._path(stack), event.start_mark, what="*" + _tag_name(event.anchor)
                )
                frame = stack[-1] if stack else None
                if frame is not None and frame[2] and frame[1] is _NOKEY:
                    frame[1] = (
                        f"\x00alias {event.start_mark.line + 1}:{event.start_mark.column + 1}"
                    )
                elif frame is not None and frame[2]:
                    frame[0][frame[1]] = None
                    frame[1] = _NOKEY
                elif frame is not None:
                    frame[0].append(None)
                else:
                    root = None
            elif kind is ev.DocumentStartEvent:
                index += 1
                mark = event.start_mark
                start = mark.index
                span_start = (mark.line, mark.index - mark.column)
                root = _MISSING
                stack.clear()
                if wanted is not None:
                    self.values[()] = self.place(event.end_mark)
            elif kind is ev.DocumentEndEvent:
                data = None if root is _MISSING else root
                if self.extra:
                    self.problems.append(
                        _problem(
                            "QT016", (), None, self.source, count=self.extra, limit=MAX_PROBLEMS
                        )
                    )
                span = Span(span_start[0], span_start[1], event.end_mark.index)
                yield RawDocument(index, data, tuple(self.problems), span)
                if only is not None and index >= only:
                    return
                self.problems = []
                self.extra = 0
            elif kind is ev.StreamEndEvent:
                return

    def _path(self, stack: list[list[Any]]) -> Path:
        """
        The path of the value being built now, read off the stack.
        """
        path: list[str | int] = []
        for frame in stack:
            if frame[2]:
                key = frame[1]
                if key is _NOKEY:
                    break
                path.append(key)
            else:
                path.append(len(frame[0]))
        return tuple(path)

    def _mark(self, stack: list[list[Any]], event: Any) -> None:
        path = self._path(stack)
        if path in self.wanted:  # type: ignore[operator]
            self.values[path] = self.place(event.start_mark)

    def _key(self, stack: list[list[Any]], event: Any) -> str:
        if event.tag is not None and event.tag not in ("!", _TAG + "str"):
            self.report("QT005", self._path(stack), event.start_mark, tag=_tag_name(event.tag))
        key = _nfc(event.value)
        if self.wanted is not None:
            path = (*self._path(stack), key)
            if path in self.wanted and path not in self.keys:
                self.keys[path] = self.place(event.start_mark)
        stack[-1][1] = key
        stack[-1][3:] = [self.place(event.start_mark)]
        return key

    def _duplicate(self, stack: list[list[Any]], key: object, event: Any) -> None:  # noqa: ARG002
        if not isinstance(key, str) or key.startswith("\x00"):
            return
        path = self._path(stack)
        line, column = stack[-1][3]
        if len(self.problems) >= MAX_PROBLEMS:
            self.extra += 1
            return
        found = _problem("QT003", path, (line, column), self.source, key=quote(key), first="?")
        self.duplicates.append((len(self.problems), path))
        self.problems.append(found)

    def _anchor(self, stack: list[list[Any]], event: Any) -> None:
        self.report(
            "QT004", self._path(stack), event.start_mark, what="&" + _tag_name(event.anchor)
        )

    def _tagged(self, stack: list[list[Any]], event: Any) -> object:
        tag = event.tag
        value = event.value
        if tag in ("!", _TAG + "str", _TAG + "int", _TAG + "float"):
            return value
        if tag == _TAG + "bool" and value in _BOOLS:
            return _BOOLS[value]
        if tag == _TAG + "null" and value in _NULLS:
            return None
        if tag in (_TAG + "bool", _TAG + "null"):
            self.report(
                "QT015", self._path(stack), event.start_mark, tag=_tag_name(tag), got=quote(value)
            )
        else:
            self.report("QT005", self._path(stack), event.start_mark, tag=_tag_name(tag))
        return None

    def _too_large(self, stack: list[list[Any]], event: Any) -> None:
        self.report(
            "QT007",
            self._path(stack)[:8],
            event.start_mark,
            limit=f"{MAX_DOCUMENT_CHARS:,}",
        )


def _indentation_tab(text: str | None, line: int, column: int) -> bool:
    """
    Whether the character at a 0-based line and column is a tab in the line's indentation.
    """
    if text is None:
        return False
    lines = _LINES.split(text)
    if line >= len(lines) or column >= len(lines[line]):
        return False
    return lines[line][column] == "\t" and not lines[line][:column].strip(" \t")


_LINES: Final = re.compile(r"\r\n|\r|\n")


def _reader_problem(
    exc: Exception, text: Callable[[], str | None], data: Callable[[], bytes], source: str
) -> Problem:
    """
    A problem for an error of the YAML reader, scanner or parser, located as well as it can be.
    """
    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem_mark is not None:
        mark = exc.problem_mark
        problem = str(exc.problem or "")
        where = (mark.line + 1, mark.column + 1)
        if _indentation_tab(text(), mark.line, mark.column):
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
        if "special characters" not in exc.reason and "control characters" not in exc.reason:
            return _utf8_problem(data(), source)
        place = _char_place(text(), exc.position)
        character = (
            exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
        )
        return _problem("QT017", (), place, source, character=f"U+{character:04X}")
    if isinstance(exc, UnicodeError):
        return _utf8_problem(data(), source)
    return _problem("QT001", (), None, source, detail=quote(str(exc), limit=200)[1:-1])


def _char_place(text: str | None, offset: int) -> tuple[int, int] | None:
    """
    The 1-based line and column of a character offset (any line break counts).
    """
    if text is None or offset > len(text):
        return None
    before = text[:offset]
    breaks = list(_LINES.finditer(before))
    line_start = breaks[-1].end() if breaks else 0
    return (len(breaks) + 1, offset - line_start + 1)


def _utf8_problem(data: bytes, source: str) -> Problem:
    """
    QT002 at the first byte that is not UTF-8, with a column in characters.
    """
    body = data.removeprefix(b"\xef\xbb\xbf")
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as exc:
        decoded = body[: exc.start].decode("utf-8")
        where = _char_place(decoded, len(decoded))
        byte = body[exc.start]
        return _problem("QT002", (), where, source, detail=f"byte 0x{byte:02X}")
    return _problem("QT002", (), None, source, detail="a character that cannot be encoded")


def source_text(opener: Callable[[], str | IO[bytes]]) -> str | None:
    """
    The whole text of a source (None when it is not UTF-8), for the passes that locate values.
    """
    stream = opener()
    if isinstance(stream, str):
        return stream
    with stream:
        data = stream.read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _source_bytes(opener: Callable[[], str | IO[bytes]]) -> bytes:
    stream = opener()
    if isinstance(stream, str):
        return stream.encode("utf-8", "surrogatepass")
    with stream:
        return stream.read()


def read_yaml(
    opener: Callable[[], str | IO[bytes]],
    source: str,
    *,
    pure: bool = False,
) -> Iterator[RawDocument]:
    """
    Yield every document of a YAML stream as plain data, with the reader's problems.

    A document with problems of its own (a duplicate key, an alias, a tag) still carries its
    data, so that its other problems can be found too. A broken limit (depth, size) or a syntax
    error ends the stream: what follows is not read, and the problem says so.
    """
    stream = opener()
    text: list[str | None] = []

    def whole_text() -> str | None:
        if not text:
            text.append(source_text(opener))
        return text[0]

    try:
        walk = _Walk(source)
        try:
            for read in walk.documents(_parser(stream, pure=pure)):
                if walk.duplicates:
                    yield _first_lines(read, walk.duplicates, whole_text(), source, pure=pure)
                    walk.duplicates = []
                else:
                    yield read
        except (yaml.YAMLError, UnicodeError, ValueError) as exc:
            problem = _reader_problem(exc, whole_text, lambda: _source_bytes(opener), source)
            yield RawDocument(-1, None, (problem,))
    finally:
        if not isinstance(stream, str):
            stream.close()


def _first_lines(
    document: RawDocument,
    duplicates: list[tuple[int, Path]],
    text: str | None,
    source: str,
    *,
    pure: bool,
) -> RawDocument:
    """
    The document with each duplicate key's message naming the line of its first occurrence.
    """
    problems = list(document.problems)
    marks = (
        locate(text, document.span, {path for _, path in duplicates}, pure=pure) if text else None
    )
    for position, path in duplicates:
        first = marks.keys.get(path) if marks else None
        old = problems[position]
        key = quote(path[-1]) if path else "?"
        again = _messages.make(Problem, "QT003", path, key=key, first=first[0] if first else "?")
        problems[position] = again.located(source, old.line, old.column)
    return attrs.evolve(document, problems=tuple(problems))


def _prefixes(paths: Iterable[Path]) -> set[Path]:
    return {path[:cut] for path in paths for cut in range(len(path) + 1)}


def locate(
    text: str | None, span: Span | None, paths: Iterable[Path], *, pure: bool = False
) -> Marks:
    """
    Where the values (and keys) at some paths of one document are: a second pass over only
    that document's text, recording only those paths and their enclosing values.
    """
    if text is None or span is None:
        return Marks({}, {})
    walk = _Walk("", line=span.line, wanted=_prefixes(paths))
    try:
        for _ in walk.documents(_parser(text[span.start : span.end], pure=pure), only=0):
            break
    except (yaml.YAMLError, UnicodeError, ValueError):
        pass
    return Marks(walk.keys, walk.values)


# --- JSON -----------------------------------------------------------------------------------


def read_json(text: str, source: str) -> Iterator[RawDocument]:  # noqa: C901
    """
    Yield the one document of a JSON text as plain data (numbers as text), or its problems.

    JSON is YAML: a document with duplicate keys is read by the YAML walk, which names both lines.
    """
    span = Span(0, 0, len(text))
    if len(text) > MAX_DOCUMENT_CHARS:
        problem = _problem("QT007", (), (1, 1), source, limit=f"{MAX_DOCUMENT_CHARS:,}")
        yield RawDocument(0, None, (problem,))
        return
    duplicates: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in items:
            if key in result:
                duplicates.append(key)
            result[key] = value
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
        where = (exc.lineno, exc.colno)
        yield RawDocument(0, None, (_problem("QT013", (), where, source, detail=exc.msg),))
        return
    except RecursionError:
        yield RawDocument(0, None, (_problem("QT006", (), (1, 1), source, limit=MAX_DEPTH),))
        return
    except ValueError as exc:
        yield RawDocument(0, None, (_problem("QT013", (), None, source, detail=str(exc)),))
        return
    problems: list[Problem] = []
    try:
        data = _checked(data, problems, source)
    except _Fatal:
        yield RawDocument(0, None, tuple(problems))
        return
    if duplicates or problems:
        raws = list(read_yaml(lambda: text, source))
        if len(raws) == 1 and raws[0].index == 0:
            yield attrs.evolve(raws[0], problems=(*raws[0].problems, *problems))
            return
    yield RawDocument(0, data, tuple(problems), span)


def _checked(data: Any, problems: list[Problem], source: str) -> Any:
    """
    JSON data NFC-normalised (keys too), walked without recursion: too deep is QT006, a lone
    surrogate (which UTF-8 cannot hold) is QT002.
    """

    def text(value: str, path: Path) -> str:
        if value.isascii():
            return value
        if _SURROGATE.search(value):
            problems.append(
                _problem("QT002", path, None, source, detail="a lone surrogate (\\ud800-\\udfff)")
            )
        return unicodedata.normalize("NFC", value)

    result: list[Any] = [None]
    pending: list[tuple[Any, Any, Any, Path]] = [(data, result, 0, ())]
    while pending:
        value, parent, slot, path = pending.pop()
        if len(path) > MAX_DEPTH:
            problems.append(_problem("QT006", path[:8], None, source, limit=MAX_DEPTH))
            raise _Fatal
        if type(value) is str:
            parent[slot] = text(value, path)
        elif type(value) is list:
            copy: list[Any] = [None] * len(value)
            parent[slot] = copy
            pending += [(item, copy, i, (*path, i)) for i, item in enumerate(value)]
        elif type(value) is dict:
            mapping: dict[str, Any] = {}
            parent[slot] = mapping
            for key, item in value.items():
                name = text(key, path)
                mapping[name] = None
                pending.append((item, mapping, name, (*path, name)))
        else:
            parent[slot] = value
    return result[0]


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not a number JSON allows")


def looks_like_json(text: str) -> bool:
    """
    Whether a text should be tried as JSON first (it opens with ``{``).
    """
    return text.lstrip()[:1] == "{"


def from_bytes(data: bytes, source: str) -> tuple[str | None, Problem | None]:
    """
    Decode UTF-8 (a byte order mark is dropped), or say where the first bad byte is.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, _problem("QT002", (), (1, 1), source, detail="UTF-16; save the file as UTF-8")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        return None, _utf8_problem(data, source)


def check_encoding(head: bytes, source: str) -> Problem | None:
    """
    A problem when the first bytes of a file say it is UTF-16 or UTF-32, not UTF-8.
    """
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        return _problem("QT002", (), (1, 1), source, detail="UTF-16; save the file as UTF-8")
    return None


# --- extents, for editing a text in place ---------------------------------------------------


@attrs.frozen
class Extent:
    """
    Where a value is in a text, as character offsets: its start and end, the start of its key
    (None for a document or a list entry), whether it is a flow collection (``{...}``,
    ``[...]``) and, for a quoted scalar, its quote (``'`` or ``"``; empty otherwise).
    """

    start: int
    end: int
    key: int | None
    flow: bool = False
    quote: str = ""


@attrs.define
class _Open:
    """
    A mapping or list being walked by :func:`extents`.
    """

    path: Path | None
    start: int
    key: int | None
    flow: bool
    mapping: bool
    is_key: bool = False
    expect_key: bool = True
    key_name: str | None = None
    key_start: int | None = None
    index: int = 0


class _ExtentWalk:
    """
    Follows a parser's events and records where the values at some paths are.
    """

    def __init__(self, wanted: set[Path]) -> None:
        self.wanted = wanted
        self.found: list[dict[Path, Extent]] = []
        self.here: dict[Path, Extent] = {}
        self.stack: list[_Open] = []

    def feed(self, event: Any) -> None:
        """
        Take one event of the stream.
        """
        end: int = event.end_mark.index
        if isinstance(event, ev.DocumentStartEvent):
            self.here, self.stack = {}, []
        elif isinstance(event, ev.DocumentEndEvent):
            self.found.append(self.here)
        elif isinstance(event, ev.MappingEndEvent | ev.SequenceEndEvent):
            closed = self.stack.pop()
            if closed.path in self.wanted:
                self.here[closed.path] = Extent(closed.start, end, closed.key, flow=closed.flow)
            if not closed.is_key:
                self._advance()
        elif isinstance(event, ev.NodeEvent):
            self._node(event)

    def _node(self, event: Any) -> None:
        start = event.start_mark.index
        opens = isinstance(event, ev.MappingStartEvent | ev.SequenceStartEvent)
        mapping = isinstance(event, ev.MappingStartEvent)
        top = self.stack[-1] if self.stack else None
        if top is not None and top.mapping and top.expect_key:
            top.expect_key = False
            top.key_name = _nfc(event.value) if isinstance(event, ev.ScalarEvent) else None
            top.key_start = start
            if opens:
                self.stack.append(
                    _Open(None, start, None, flow=False, mapping=mapping, is_key=True)
                )
            return
        path, key = self._path()
        if opens:
            flow = bool(event.flow_style)
            self.stack.append(_Open(path, start, key, flow=flow, mapping=mapping))
            return
        if path in self.wanted:
            style = getattr(event, "style", None)
            quote = style if style in ("'", '"') else ""
            self.here[path] = Extent(start, event.end_mark.index, key, quote=quote)
        self._advance()

    def _path(self) -> tuple[Path | None, int | None]:
        """
        The path of the next value, and where its key starts.
        """
        if not self.stack:
            return (), None
        top = self.stack[-1]
        if top.path is None or (top.mapping and top.key_name is None):
            return None, None
        if top.key_name is not None:
            return (*top.path, top.key_name), top.key_start
        return (*top.path, top.index), None

    def _advance(self) -> None:
        if self.stack:
            top = self.stack[-1]
            if top.mapping:
                top.expect_key = True
            else:
                top.index += 1


def extents(
    text: str, paths: Iterable[Path], *, pure: bool = False
) -> list[dict[Path, Extent]] | None:
    """
    For each document of a YAML (or JSON) text, where the values at some paths are: what an
    edit in place of one value needs (nothing else of the text is touched). None when the text
    does not parse.
    """
    walk = _ExtentWalk(set(paths))
    parser = _parser(text, pure=pure)
    try:
        while (event := parser.get_event()) is not None:
            walk.feed(event)
    except (yaml.YAMLError, UnicodeError, ValueError):
        return None
    finally:
        dispose = getattr(parser, "dispose", None)
        if dispose is not None:
            dispose()
    return walk.found


__all__ = [
    "HAVE_LIBYAML",
    "MAX_DEPTH",
    "MAX_DOCUMENT_CHARS",
    "Extent",
    "Marks",
    "RawDocument",
    "Span",
    "check_encoding",
    "extents",
    "from_bytes",
    "locate",
    "looks_like_json",
    "read_json",
    "read_yaml",
    "source_text",
]
