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

Only this module and its writer, ``_yaml_writer``, import PyYAML.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from typing import IO, TYPE_CHECKING, Any, Final

import attrs
import yaml
from yaml import events as ev
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.scanner import Scanner

from . import _messages, _sources
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
#: The YAML 1.2 core schema's integers and floats, which !!int and !!float fit.
_INT: Final = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT: Final = re.compile(
    r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
)
_FITS: Final = {_TAG + "int": _INT.fullmatch, _TAG + "float": _FLOAT.fullmatch}
#: C0 and C1 control characters by their short names.
_CONTROLS: Final = (
    *("NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF"),
    *("CR", "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM"),
    *("SUB", "ESC", "FS", "GS", "RS", "US"),
)
_C1: Final = (
    *("PAD", "HOP", "BPH", "NBH", "IND", "NEL", "SSA", "ESA", "HTS", "HTJ", "VTS", "PLD", "PLU"),
    *("RI", "SS2", "SS3", "DCS", "PU1", "PU2", "STS", "CCH", "MW", "SPA", "EPA", "SOS", "SGCI"),
    *("SCI", "CSI", "ST", "OSC", "PM", "APC"),
)

Path = tuple[str | int, ...]


class _PureParser(Reader, Scanner, Parser):
    def __init__(self, stream: str | _sources.Decoded) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)


def _parser(stream: str | _sources.Decoded, *, pure: bool) -> Any:
    if pure or _CParser is None:
        return _PureParser(stream)
    return _CParser(stream)


@attrs.frozen
class Span:
    """
    Where a document is in its source: the 0-based line it starts on, and the character
    offsets of the start of that line and of the document's end; ``at`` is the byte offset of
    ``start`` in a file, when it is known, so the document can be read again by seeking to it.
    """

    line: int
    start: int
    end: int
    at: int | None = None


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
    #: For a key that is repeated, the places of its later occurrences.
    again: dict[Path, list[tuple[int, int]]] = attrs.field(factory=dict)

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


def _character(code: int) -> dict[str, str]:
    """
    The parameters that name a character text may not hold, in English and Vietnamese.
    """
    shown = f"U+{code:04X}"
    name = (
        _CONTROLS[code]
        if code < len(_CONTROLS)
        else "DEL"
        if code == 0x7F
        else _C1[code - 0x80]
        if 0x80 <= code < 0xA0
        else None
    )
    if name is not None:
        en, vi = f"{shown} ({name}, a control character)", f"{shown} ({name}, ký tự điều khiển)"
    elif 0xD800 <= code < 0xE000:
        en, vi = f"{shown} (half of a surrogate pair)", f"{shown} (một nửa của cặp surrogate)"
    else:
        en, vi = f"{shown} (a noncharacter)", f"{shown} (không phải là ký tự)"
    return {"character": en, "character_vi": vi}


def flaw_problem(flaw: _sources.Flaw, source: str) -> Problem:
    """
    QT002 for a byte that is not UTF-8 (naming Windows-1258 when it looks like it), QT017 for a
    character text may not hold, at its place.
    """
    where = (flaw.line, flaw.column)
    if flaw.byte is None:
        assert flaw.character is not None  # noqa: S101 - a flaw is one or the other
        return _problem("QT017", (), where, source, **_character(flaw.character))
    byte = f"byte 0x{flaw.byte:02X}"
    if flaw.windows_1258:
        detail = f"{byte}; the file looks like Windows-1258: save it as UTF-8"
        detail_vi = f"{byte}; tệp có vẻ dùng bảng mã Windows-1258: hãy lưu lại dưới dạng UTF-8"
    else:
        detail = f"{byte}; save the file as UTF-8"
        detail_vi = f"{byte}; hãy lưu lại tệp dưới dạng UTF-8"
    return _problem("QT002", (), where, source, detail=detail, detail_vi=detail_vi)


def encoding_problem(wrong: _sources.WrongEncoding, source: str) -> Problem:
    """
    QT002 at the start of a text that is UTF-16 or UTF-32.
    """
    name = f"{wrong.encoding} ({wrong.order}"
    if wrong.marked:
        detail = f"the file is {name}): save it as UTF-8"
        detail_vi = f"tệp được lưu dưới dạng {name}): hãy lưu lại dưới dạng UTF-8"
    else:
        detail = f"the file looks like {name}, without a byte order mark): save it as UTF-8"
        detail_vi = (
            f"tệp có vẻ được lưu dưới dạng {name}, không có BOM): hãy lưu lại dưới dạng UTF-8"
        )
    return _problem("QT002", (), (1, 1), source, detail=detail, detail_vi=detail_vi)


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
    and their prefixes) it also records where those values and keys are. With ``decoded`` (the
    text the parser reads) each document also gets the first flaw of its text.
    """

    def __init__(
        self,
        source: str,
        *,
        line: int = 0,
        wanted: set[Path] | None = None,
        decoded: _sources.Decoded | None = None,
        segment: Callable[[int, int], str | None] | None = None,
    ) -> None:
        self.source = source
        self.segment = segment
        self.line = line
        self.wanted = wanted
        self.decoded = decoded
        self.problems: list[Problem] = []
        self.extra = 0
        self.keys: dict[Path, tuple[int, int]] = {}
        self.again: dict[Path, list[tuple[int, int]]] = {}
        self.values: dict[Path, tuple[int, int]] = {}
        self.duplicates: list[tuple[int, Path]] = []

    def place(self, mark: Any) -> tuple[int, int]:
        return (mark.line + 1 + self.line, mark.column + 1)

    def report(self, code: str, path: Path, mark: Any, **params: object) -> None:
        if len(self.problems) >= MAX_PROBLEMS:
            self.extra += 1
            return
        where = self.place(mark) if mark is not None else None
        self.problems.append(_problem(code, path, where, self.source, **params))

    def documents(self, parser: Any, *, only: int | None = None) -> Iterator[RawDocument]:  # noqa: C901, PLR0912, PLR0915
        """
        Yield each document of the stream; with ``only``, stop after that document.
        """
        wanted = self.wanted
        get = parser.get_event
        scalar_event = ev.ScalarEvent
        mapping_start = ev.MappingStartEvent
        sequence_start = ev.SequenceStartEvent
        unwanted = _sources.UNWANTED.search
        # A frame is [container, pending key, is_mapping, place of the key, where the key ends,
        # whether it is a {…} mapping not yet reported as prose].
        stack: list[list[Any]] = []
        root: object = _MISSING
        index = -1
        start = 0
        span_start = (0, 0)
        at = None
        event = None
        while True:
            try:
                event = get()
            except _sources.TooLarge:
                # One token (a value, a key) longer than the limit: the text stops coming.
                self._too_large(stack, event.end_mark if event is not None else None)
                self._flawed(sys.maxsize)
                yield RawDocument(index, None, tuple(self.problems))
                return
            kind = type(event)
            if kind is scalar_event:
                frame = stack[-1] if stack else None
                if event.end_mark.index - start > MAX_DOCUMENT_CHARS:
                    self._too_large(stack, event.start_mark)
                    self._flawed(sys.maxsize)
                    yield RawDocument(index, None, tuple(self.problems))
                    return
                if event.anchor is not None:
                    self._anchor(stack, event)
                if frame is not None and frame[2] and frame[1] is _NOKEY:
                    frame[1] = self._key(stack, event)
                    continue
                if not event.value and frame is not None and frame[5] and not event.style:
                    self._prose(stack, event)
                if event.style == '"' and unwanted(event.value):
                    self._forbidden(self._path(stack), event)
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
                    self._flawed(sys.maxsize)
                    yield RawDocument(index, None, tuple(self.problems))
                    return
                if event.start_mark.index - start > MAX_DOCUMENT_CHARS:
                    self._too_large(stack, event.start_mark)
                    self._flawed(sys.maxsize)
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
                # A {…} mapping with a tag (!!set {a, b}) is QT005's, not a text in braces.
                prose = is_mapping and event.flow_style and event.tag is None
                stack.append([{} if is_mapping else [], _NOKEY, is_mapping, None, 0, prose])
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
                if self.decoded is not None:
                    self.decoded.document_start = span_start[1]
                    at = self.decoded.byte_offset(span_start[1])
                root = _MISSING
                stack.clear()
                if wanted is not None:
                    self.values[()] = self.place(event.end_mark)
            elif kind is ev.DocumentEndEvent:
                data = None if root is _MISSING else root
                self._flawed(event.end_mark.index)
                if self.extra:
                    self.problems.append(
                        _problem(
                            "QT016", (), None, self.source, count=self.extra, limit=MAX_PROBLEMS
                        )
                    )
                span = Span(span_start[0], span_start[1], event.end_mark.index, at)
                yield RawDocument(index, data, tuple(self.problems), span)
                if only is not None and index >= only:
                    return
                self.problems = []
                self.extra = 0
            elif kind is ev.StreamEndEvent:
                if self.decoded is not None:
                    flaw = self.decoded.flaw_before(sys.maxsize)
                    if flaw is not None:
                        # After the last document: in a comment, say.
                        yield RawDocument(-1, None, (flaw_problem(flaw, self.source),))
                return

    def _flawed(self, end: int) -> None:
        """
        Add the first flaw of the text before ``end`` (if any) to the document's problems, in
        the order of places.
        """
        flaw = self.decoded.flaw_before(end) if self.decoded is not None else None
        if flaw is None:
            return
        found = flaw_problem(flaw, self.source)
        at = len(self.problems)
        while at and (self.problems[at - 1].line or 0, self.problems[at - 1].column or 0) > (
            flaw.line,
            flaw.column,
        ):
            at -= 1
        self.problems.insert(at, found)
        self.duplicates = [
            (position + (position >= at), path) for position, path in self.duplicates
        ]

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
        if event.style == '"' and _sources.UNWANTED.search(key):
            self._forbidden((*self._path(stack), key), event)
        if self.wanted is not None:
            path = (*self._path(stack), key)
            if path in self.wanted:
                if path not in self.keys:
                    self.keys[path] = self.place(event.start_mark)
                else:
                    self.again.setdefault(path, []).append(self.place(event.start_mark))
        frame = stack[-1]
        frame[1] = key
        frame[3] = self.place(event.start_mark)
        frame[4] = event.end_mark.index
        return key

    def _prose(self, stack: list[list[Any]], event: Any) -> None:
        """
        QT033 for a key of a ``{…}`` mapping with no ``:`` after it (``{Tốt, 5 điểm}``): a text
        in braces, read as a mapping. Once for each mapping.
        """
        frame = stack[-1]
        between = "" if event.start_mark.index == frame[4] else None
        if between is None and self.segment is not None:
            between = self.segment(frame[4], event.start_mark.index)
        if between is None or ":" in between or event.tag is not None:
            return
        frame[5] = False
        if len(self.problems) >= MAX_PROBLEMS:
            self.extra += 1
            return
        path = self._path(stack)[:-1]
        self.problems.append(_problem("QT033", path, frame[3], self.source, key=quote(frame[1])))

    def _forbidden(self, path: Path, event: Any) -> None:
        """
        QT017 for a character text may not hold, written as an escape in a quoted scalar.
        """
        found = _sources.UNWANTED.search(event.value)
        assert found is not None  # noqa: S101 - only called when there is one
        self.report("QT017", path, event.start_mark, **_character(ord(found.group())))

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
        if tag in ("!", _TAG + "str"):
            return value
        fits = _FITS.get(tag)
        if fits is not None and fits(value):
            return value
        if tag == _TAG + "bool" and value in _BOOLS:
            return _BOOLS[value]
        if tag == _TAG + "null" and value in _NULLS:
            return None
        if fits is not None or tag in (_TAG + "bool", _TAG + "null"):
            self.report(
                "QT015", self._path(stack), event.start_mark, tag=_tag_name(tag), got=quote(value)
            )
        else:
            self.report("QT005", self._path(stack), event.start_mark, tag=_tag_name(tag))
        return None

    def _too_large(self, stack: list[list[Any]], mark: Any) -> None:
        self.report("QT007", self._path(stack)[:8], mark, limit=f"{MAX_DOCUMENT_CHARS:,}")


def _indentation_tab(line: str | None, column: int) -> bool:
    """
    Whether the character at a 0-based column of a line is a tab in the line's indentation.
    """
    if line is None or column >= len(line):
        return False
    return line[column] == "\t" and not line[:column].strip(" \t")


#: Kinds of YAML syntax error by the problem the parser reports (libyaml's words or the pure
#: parser's) and its context: (problem pattern, context pattern, code, at the context mark).
#: The first that matches is the kind. A problem is placed at the parser's problem mark, or at
#: its context mark when that is where the mistake begins (the opening quote, the key, the ``|``).
_SYNTAX: Final = tuple(
    (re.compile(problem), re.compile(context), code, at_context)
    for problem, context, code, at_context in (
        (r"tab character", "", "QT011", False),
        (r"^mapping values are not allowed|^found unexpected ':'", "", "QT020", False),
        (r"^could not find expected ':'", "", "QT021", True),
        (r"^block sequence entries are not|^sequence entries are not", "", "QT025", False),
        (r"^did not find expected key|^expected <block end>", "block mapping", "QT022", False),
        (r"^did not find expected '-'|^expected <block end>", "block collection", "QT024", False),
        (r"^did not find expected ',' or|^expected ',' or", "", "QT028", False),
        (r"^found unexpected (end of stream|document)", "quoted scalar", "QT027", True),
        (r"escape|hexdecimal|hexadecimal", "quoted scalar", "QT029", False),
        (r"", "directive", "QT031", True),
        (r"directive|version|incompatible YAML|^duplicate tag handle", "", "QT031", True),
        (r"", "block scalar", "QT030", True),
        (r"", "anchor|alias|tag", "QT026", True),
        (r"tag handle|^did not find expected '!'|URI", "", "QT026", True),
        (r"cannot start any token|node content|^mapping keys are not", "", "QT026", False),
        (r"document start", "", "QT032", False),
    )
)


def _syntax_kind(exc: yaml.MarkedYAMLError) -> tuple[str, Any] | None:
    """
    The code of a YAML syntax error of a kind quytac knows, and the mark to place it at.
    """
    problem = str(exc.problem or "")
    context = str(exc.context or "")
    for problem_is, context_is, code, at_context in _SYNTAX:
        if problem_is.search(problem) and context_is.search(context):
            use_context = at_context and exc.context_mark is not None
            return code, exc.context_mark if use_context else exc.problem_mark
    return None


def _syntax(
    exc: yaml.MarkedYAMLError, segment: Callable[[int, int], str | None]
) -> tuple[str, Any, dict[str, object]] | None:
    """
    The code, the mark and the message's parameters of a YAML syntax error of a known kind.
    """
    kind = _syntax_kind(exc)
    if kind is None:
        return None
    code, mark = kind
    params: dict[str, object] = {}
    at = segment(mark.index, mark.index + 1) or ""
    opened = (exc.context_mark or mark).line + 1
    if code == "QT022":
        before = (segment(mark.index - mark.column, mark.index) or "").rstrip()
        if before and before[-1] in "\"']}":  # the line goes on after a value that ended
            code = _after_quote(before, params)
        params["line"] = opened
    elif code == "QT024":
        params["line"] = opened
    elif code == "QT026":
        if at == "\t":
            return "QT034", mark, params
        params["character"] = quote(at) if at else "?"
    elif code == "QT027":
        params["quote"] = quote(at or '"')
    elif code == "QT028":
        if not at and exc.context_mark is not None:  # the text ended: the bracket is the mistake
            mark = exc.context_mark
        opening = "[" if "sequence" in str(exc.context) else "{"
        params.update(open=quote(opening), close=quote("]" if opening == "[" else "}"), line=opened)
    return code, mark, params


def _after_quote(before: str, params: dict[str, object]) -> str:
    """
    QT023 for text after a quoted text or a bracket that ends on this line, or QT035 when the
    quote that ends it has no opening quote before it on the line (it was opened above).
    """
    mark = before[-1]
    params["closed"] = quote(mark)
    if mark not in "\"'":
        return "QT023"
    opening = (
        before[:-1].replace("\\\\", "").replace("\\" + mark, "") if mark == '"' else before[:-1]
    )
    if opening.count(mark) % 2:
        return "QT023"
    params["quote"] = quote(mark)
    return "QT035"


def _reader_problem(
    exc: Exception, segment: Callable[[int, int], str | None], source: str
) -> Problem:
    """
    A problem for an error of the YAML scanner or parser, located as well as it can be.

    A syntax error of a known kind gets its own code, with the likely cause and the fix; any
    other keeps the parser's words in QT001.
    """
    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem_mark is not None:
        mark = exc.problem_mark
        problem = str(exc.problem or "")
        where = (mark.line + 1, mark.column + 1)
        if _indentation_tab(segment(mark.index - mark.column, mark.index + 1), mark.column):
            return _problem("QT011", (), where, source)
        if "nesting depth" in problem:
            return _problem("QT006", (), where, source, limit=MAX_DEPTH)
        known = _syntax(exc, segment)
        if known is not None:
            code, at, params = known
            return _problem(code, (), (at.line + 1, at.column + 1), source, **params)
        detail = problem
        if exc.context:
            detail += f" ({exc.context}"
            if exc.context_mark is not None:
                detail += f" on line {exc.context_mark.line + 1}"
            detail += ")"
        return _problem("QT001", (), where, source, detail=detail)
    return _problem("QT001", (), None, source, detail=quote(str(exc), limit=200)[1:-1])


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
        walk = _Walk(source, decoded=decoded, segment=text.segment)
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
            problem = _problem("QT014", (), None, source, detail=exc.strerror or str(exc))
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


def _prefixes(paths: Iterable[Path]) -> set[Path]:
    return {path[:cut] for path in paths for cut in range(len(path) + 1)}


def locate(
    segment: str | None, span: Span | None, paths: Iterable[Path], *, pure: bool = False
) -> Marks:
    """
    Where the values (and keys) at some paths of one document are: a second pass over only
    that document's text (``segment``, the text of its span), recording only those paths and
    their enclosing values.
    """
    if segment is None or span is None:
        return Marks({}, {})
    walk = _Walk("", line=span.line, wanted=_prefixes(paths))
    try:
        for _ in walk.documents(_parser(segment, pure=pure), only=0):
            break
    except (yaml.YAMLError, UnicodeError, ValueError):
        pass
    return Marks(walk.keys, walk.values, walk.again)


# --- JSON -----------------------------------------------------------------------------------


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
    text: str, source: str, *, flaw: _sources.Flaw | None = None
) -> Iterator[RawDocument]:
    """
    Yield the one document of a JSON text as plain data (numbers as text), with its problems.

    ``flaw`` is the first flaw of the text (a byte that was not UTF-8). Problems of the data
    (duplicate keys, NaN, forbidden characters written as escapes) are placed by reading the
    text once more as YAML, which JSON is.
    """
    span = Span(0, 0, len(text))
    first = (flaw_problem(flaw, source),) if flaw is not None else ()
    if len(text) > MAX_DOCUMENT_CHARS:
        yield RawDocument(0, None, (*first, too_large(source)))
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


def too_large(source: str, where: tuple[int, int] = (1, 1)) -> Problem:
    """
    QT007 for a document (a JSON text, a line of JSON Lines) longer than the limit.
    """
    return _problem("QT007", (), where, source, limit=f"{MAX_DOCUMENT_CHARS:,}")


def looks_like_json(text: str) -> bool:
    """
    Whether a text should be tried as JSON first (it opens with ``{``).
    """
    return text.lstrip()[:1] == "{"


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
    "encoding_problem",
    "extents",
    "flaw_problem",
    "locate",
    "looks_like_json",
    "read_json",
    "read_yaml",
    "too_large",
]
