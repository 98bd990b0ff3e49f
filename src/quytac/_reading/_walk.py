"""
The event walk: a parser's events to plain data, one document at a time, with the reader's own
problems (a duplicate key, an alias, a tag, a limit broken) exact in one pass; and the second
pass over one document that locates the values at some paths.

The data is built straight from the events, so the walk never constructs a tag it does not
know, never expands an alias, and stops at once when a document nests too deep or grows too
large.
"""

from __future__ import annotations

import sys
import unicodedata
from typing import TYPE_CHECKING, Any, Final

import yaml
from yaml import events as ev

from quytac import _sources
from quytac._messages import quote

from ._common import (
    _TAG,
    MAX_DEPTH,
    MAX_DOCUMENT_CHARS,
    MAX_PROBLEMS,
    Marks,
    Path,
    RawDocument,
    Span,
    _character,
    _nfc,
    _parser,
    _problem,
    _tag_name,
    flaw_problem,
)
from ._scalars import _PLAIN, tagged

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from quytac.errors import Problem

_MISSING: Final = object()
_NOKEY: Final = object()


class _Walk:
    """
    Turns a parser's events into plain data, one document at a time.

    The path of the value being built is always known from the stack of open mappings and
    lists, so the reader's own problems are exact in one pass. With ``wanted`` (a set of paths
    and their prefixes) it also records where those values and keys are. With ``decoded`` (the
    text the parser reads) each document also gets the first flaw of its text. A document
    longer than ``max_chars`` characters stops the reading.
    """

    def __init__(  # noqa: PLR0913 - one keyword for each use of the walk
        self,
        source: str,
        *,
        line: int = 0,
        wanted: set[Path] | None = None,
        decoded: _sources.Decoded | None = None,
        segment: Callable[[int, int], str | None] | None = None,
        max_chars: int = MAX_DOCUMENT_CHARS,
    ) -> None:
        self.source = source
        self.max_chars = max_chars
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
        max_chars = self.max_chars
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
                if event.end_mark.index - start > max_chars:
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
                if event.start_mark.index - start > max_chars:
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
        value, code = tagged(event.tag, event.value)
        if code == "QT015":
            self.report(
                "QT015",
                self._path(stack),
                event.start_mark,
                tag=_tag_name(event.tag),
                got=quote(event.value),
            )
        elif code is not None:
            self.report(code, self._path(stack), event.start_mark, tag=_tag_name(event.tag))
        return value

    def _too_large(self, stack: list[list[Any]], mark: Any) -> None:
        self.report("QT007", self._path(stack)[:8], mark, limit=f"{self.max_chars:,}")


def _prefixes(paths: Iterable[Path]) -> set[Path]:
    return {path[:cut] for path in paths for cut in range(len(path) + 1)}


def locate(  # noqa: PLR0913 - the parser and the limit are the entry's
    segment: str | None,
    span: Span | None,
    paths: Iterable[Path],
    *,
    pure: bool = False,
    parser: Callable[..., Any] = _parser,
    max_chars: int = MAX_DOCUMENT_CHARS,
) -> Marks:
    """
    Where the values (and keys) at some paths of one document are: a second pass over only
    that document's text (``segment``, the text of its span), recording only those paths and
    their enclosing values. ``parser`` makes the parser of the text.
    """
    if segment is None or span is None:
        return Marks({}, {})
    walk = _Walk("", line=span.line, wanted=_prefixes(paths), max_chars=max_chars)
    try:
        for _ in walk.documents(parser(segment, pure=pure), only=0):
            break
    except (yaml.YAMLError, UnicodeError, ValueError):
        pass
    return Marks(walk.keys, walk.values, walk.again)
