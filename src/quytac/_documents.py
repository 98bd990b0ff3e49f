"""
Reading documents from text and files, and writing them back: load, loads, load_all, dumps.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

import attrs

from . import _messages, _sources, _yaml
from ._converter import RawProblem, StructureFailed, structure_document, unstructure_document
from ._yaml_writer import write_yaml
from .checklists import Checklist
from .codes import ConductCode
from .errors import LoadError, Problem
from .outlines import ReportOutline
from .plans import InspectionPlan
from .records import InspectionRecord, Report
from .units import UnitCatalog

if TYPE_CHECKING:
    from collections.abc import Callable, Generator, Iterable, Iterator
    from typing import Literal

    #: The formats ``loads`` reads; None: told by the text (see ``text_source``).
    Format: TypeAlias = Literal["yaml", "json", "jsonl"]

#: Every kind of document, by the name its ``kind:`` key gives.
KINDS: dict[str, type[Any]] = {
    cls.kind: cls
    for cls in (
        UnitCatalog,
        ConductCode,
        Checklist,
        ReportOutline,
        InspectionPlan,
        Report,
        InspectionRecord,
    )
}

#: Any document quytac reads.
Document: TypeAlias = (
    UnitCatalog
    | ConductCode
    | Checklist
    | ReportOutline
    | InspectionPlan
    | Report
    | InspectionRecord
)

#: Suffixes of the files a workspace reads.
SUFFIXES = (".yaml", ".yml", ".json")


def _unlocatable(start: int, end: int, at: int | None = None) -> str | None:  # noqa: ARG001 - the shape of a segment
    return None


@attrs.frozen
class Origin:
    """
    Where a document was read: its source, its position among the source's documents and its
    span in the text.
    """

    source: str
    index: int
    span: _yaml.Span | None = attrs.field(default=None, eq=False, repr=False)
    text: Callable[[int, int, int | None], str | None] = attrs.field(
        default=_unlocatable, eq=False, repr=False
    )
    pure: bool = attrs.field(default=False, eq=False, repr=False)

    def marks(self, paths: Iterable[tuple[str | int, ...]]) -> _yaml.Marks:
        """
        The places of some values of the document (a second pass over the document's text,
        read again from its source).
        """
        span = self.span
        segment = self.text(span.start, span.end, span.at) if span is not None else None
        return _yaml.locate(segment, span, paths, pure=self.pure)


@attrs.frozen
class Loaded:
    """
    One document read from a source, or the problems that kept it from loading.
    """

    origin: Origin
    document: Any
    problems: tuple[Problem, ...] = ()


def place(raws: Iterable[RawProblem], origin: Origin) -> list[Problem]:
    """
    Problems from the converter, placed at their key, value or parent mapping in a source.
    """
    raws = list(raws)
    wanted = [raw.path[:-1] if raw.where == "parent" else raw.path for raw in raws]
    marks = origin.marks(wanted)
    placed: list[Problem] = []
    for raw, path in zip(raws, wanted, strict=True):
        where = marks.at_key(path) if raw.where == "key" else marks.at_value(path)
        found = _messages.make(Problem, raw.code, raw.path, **dict(raw.params))
        placed.append(
            found.located(origin.source, *where)
            if where is not None
            else found.located(origin.source)
        )
    return placed


def _typed(
    raws: Iterable[_yaml.RawDocument],
    text: Callable[[int, int, int | None], str | None],
    source: str,
    *,
    pure: bool,
) -> Iterator[Loaded]:
    count = 0
    for raw in raws:
        origin = Origin(source, raw.index, raw.span, text, pure)
        count += 1
        if raw.data is None:
            problems = raw.problems or (_empty(origin),)
            yield Loaded(origin, None, problems)
            continue
        try:
            document = structure_document(raw.data, KINDS)
        except StructureFailed as failed:
            yield Loaded(origin, None, merged(raw.problems, place(failed.problems, origin)))
        else:
            if raw.problems:
                yield Loaded(origin, None, raw.problems)
            else:
                yield Loaded(origin, document)
    if count == 0:
        problem = _messages.make(Problem, "QT008").located(source)
        yield Loaded(Origin(source, 0), None, (problem,))


#: Problems of the text itself, not of a value: a byte that is not UTF-8, a control character.
_OF_THE_TEXT = frozenset({"QT002", "QT017"})


def merged(reading: tuple[Problem, ...], structure: list[Problem]) -> tuple[Problem, ...]:
    """
    The reader's problems, and those of structure that are not about the same values (an alias
    read as null is not also "expected text, got null"). A problem of the whole text (a byte
    that is not UTF-8, a control character) covers no value: the others are all reported.
    """
    covered = [p.path for p in reading if p.path or p.code not in _OF_THE_TEXT]
    kept = [p for p in structure if not any(p.path[: len(c)] == c for c in covered)]
    return (*reading, *kept)


def _empty(origin: Origin) -> Problem:
    where = origin.marks([()]).at_value(())
    found = _messages.make(Problem, "QT008")
    return found.located(origin.source, *where) if where else found.located(origin.source)


#: The formats ``loads`` reads.
FORMATS = ("yaml", "json", "jsonl")


def text_source(
    text: str | bytes | bytearray | memoryview,
    source: str,
    *,
    pure: bool = False,
    format: Format | None = None,  # noqa: A002 - the word users know
) -> Iterator[Loaded]:
    """
    The documents of a text in memory: YAML, JSON (one document, or an array of documents) or
    JSON Lines (one document a line). Without a ``format``, the first character that is not
    blank tells: ``[`` is a JSON array and ``{`` a JSON document, or JSON Lines when its first
    line is a whole JSON value and the next line that is not blank opens with ``{``; anything
    else, or ``[``/``{`` that is not JSON at all, is YAML (a YAML flow collection opens so too).
    """
    if isinstance(text, bytearray | memoryview):
        text = bytes(text)
    if not isinstance(text, str | bytes):
        raise TypeError(f"expected str or bytes, got {type(text).__name__}")
    if format is not None and format not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(map(repr, FORMATS))}, got {format!r}")
    content = _sources.Text(_sources.in_memory(text))
    head = text.removeprefix(b"\xef\xbb\xbf") if isinstance(text, bytes) else text
    head = head.removeprefix("\ufeff") if isinstance(head, str) else head
    first = head.lstrip()[:1]
    if format == "jsonl" or (format is None and first in ("{", b"{") and _lines_of_json(head)):
        lines = _json_lines(content.reader(boundary=_sources.LINE_BOUNDARY), source)
        yield from _typed(lines, content.segment, source, pure=pure)
        return
    if format == "json" or (format is None and first in ("{", b"{", "[", b"[")):
        # A YAML flow collection opens with "{" or "[" too: JSON first, YAML when it is not JSON.
        raws, segment = _json_documents(content, source)
        if format == "json" or not any(p.code == "QT013" for raw in raws for p in raw.problems):
            yield from _typed(raws, segment, source, pure=pure)
            return
    raws_yaml = _yaml.read_yaml(content, source, pure=pure)
    yield from _typed(raws_yaml, content.segment, source, pure=pure)


def _lines_of_json(text: str | bytes) -> bool:
    """
    Whether a text that opens with ``{`` is JSON Lines: its first line is a whole JSON value,
    and another follows (so the text cannot be one JSON value; a YAML ``---`` after it is YAML).
    """
    newline = "\n" if isinstance(text, str) else b"\n"
    first, _, rest = text.lstrip().partition(newline)  # type: ignore[arg-type]
    if rest.lstrip()[:1] not in ("{", b"{"):
        return False
    try:
        json.loads(first)
    except ValueError:
        return False
    return True


#: How to read the text of a document again: its span's start, end and ``at``.
_Segment: TypeAlias = "Callable[[int, int, int | None], str | None]"


def _json_documents(
    content: _sources.Text, source: str, reader: _sources.Decoded | None = None
) -> tuple[list[_yaml.RawDocument], _Segment]:
    """
    The documents of a JSON text: the one object, or each of an array, each placed where it is
    in the text; and how to read the text of each again.
    """
    text, raws = _json(content.reader() if reader is None else reader, source)
    (raw,) = raws
    if text is None or type(raw.data) is not list or any(not p.path for p in raw.problems):
        # Not an array, or a problem of the whole text (a byte that is not UTF-8): one document.
        return raws, content.segment
    documents = []
    line = counted = 0
    for index, (start, end) in enumerate(_items(text)):
        line += text.count("\n", counted, start)
        counted = start
        line_start = text.rfind("\n", 0, start) + 1
        for item in _yaml.read_json(text[start:end], source):
            problems = tuple(_shifted(p, line, start - line_start) for p in item.problems)
            span = _yaml.Span(line, line_start, end, start)
            documents.append(attrs.evolve(item, index=index, problems=problems, span=span))

    def segment(start: int, end: int, at: int | None) -> str | None:
        # The item alone, at its column: what is before it on its first line is blanked.
        at = start if at is None else at
        found = content.segment(at, end)
        return None if found is None else " " * (at - start) + found

    return documents, segment


def _after_blanks(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t\n\r":
        at += 1
    return at


def _items(text: str) -> Iterator[tuple[int, int]]:
    """
    Where each item of the JSON array of a text is (the text parses as JSON).
    """
    decoder = json.JSONDecoder(parse_float=str, parse_int=str, parse_constant=str)
    at = _after_blanks(text, text.index("[") + 1)
    while text[at] != "]":
        _, end = decoder.raw_decode(text, at)
        yield at, end
        at = _after_blanks(text, end)
        if text[at] == ",":
            at = _after_blanks(text, at + 1)


def _shifted(problem: Problem, lines: int, columns: int) -> Problem:
    """
    A problem of a piece of a text that starts on line ``lines`` + 1, column ``columns`` + 1,
    placed in the text.
    """
    if problem.line is None:
        return problem.located(problem.source, lines + 1, columns + 1)
    column = problem.column
    if problem.line == 1 and column is not None:
        column += columns
    return problem.located(problem.source, problem.line + lines, column)


def _json(reader: _sources.Decoded, source: str) -> tuple[str | None, list[_yaml.RawDocument]]:
    """
    The text of a JSON document, read whole up to the size limit, and its one document.
    """
    try:
        with contextlib.closing(reader):
            text = reader.read_all(_yaml.MAX_DOCUMENT_CHARS)
            flaw = reader.flaw_before(sys.maxsize)
    except _sources.WrongEncoding as wrong:
        return None, [_yaml.RawDocument(0, None, (_yaml.encoding_problem(wrong, source),))]
    if text is None:
        return None, [_yaml.RawDocument(0, None, (_yaml.too_large(source),))]
    return text, list(_yaml.read_json(text, source, flaw=flaw))


#: What is at a path that is not a regular file, in English and Vietnamese.
_NOT_FILES = {
    "folder": ("a folder, not a file", "đây là thư mục, không phải tệp"),
    "fifo": (
        "a FIFO (named pipe), not a regular file",
        "đây là FIFO (ống có tên), không phải tệp thông thường",
    ),
    "socket": ("a socket, not a regular file", "đây là socket, không phải tệp thông thường"),
    "character device": (
        "a character device, not a regular file",
        "đây là thiết bị ký tự, không phải tệp thông thường",
    ),
    "block device": (
        "a block device, not a regular file",
        "đây là thiết bị khối, không phải tệp thông thường",
    ),
    "other": ("not a regular file", "không phải tệp thông thường"),
}


def _unreadable(source: str, exc: OSError | _sources.NotARegularFile) -> Loaded:
    if isinstance(exc, _sources.NotARegularFile):
        detail, detail_vi = _NOT_FILES[exc.kind]
        found = _messages.make(Problem, "QT014", detail=detail, detail_vi=detail_vi)
    else:
        found = _messages.make(Problem, "QT014", **_messages.os_detail(exc))
    return Loaded(Origin(source, 0), None, (found.located(source),))


def file_source(
    path: str | os.PathLike[str], *, pure: bool = False, source: str | None = None
) -> Generator[Loaded, None, None]:
    """
    The documents of a file; YAML and JSON Lines are streamed, JSON read whole up to the size
    limit. Only a regular file is read: a folder, a FIFO, a socket or a device is a problem.
    Problems and origins name the file by ``source`` (its path as given by default).
    """
    file = Path(path)
    source = os.fspath(path) if source is None else source
    suffix = file.suffix.lower()
    text = _sources.Text(lambda: _sources.open_file(file)[0])
    try:
        stream, size = _sources.open_file(file)
    except (OSError, _sources.NotARegularFile) as exc:
        yield _unreadable(source, exc)
        return
    with stream:  # closed here too: a caller may stop before the end
        if suffix == ".jsonl":
            raws = _json_lines(text.reader(stream, boundary=_sources.LINE_BOUNDARY), source)
        elif suffix == ".json":
            documents, segment = _json_file(text, text.reader(stream), size, source)
            yield from _typed(documents, segment, source, pure=pure)
            return
        else:
            raws = _yaml.read_yaml(text, source, pure=pure, reader=text.reader(stream))
        yield from _typed(raws, text.segment, source, pure=pure)


def _json_file(
    text: _sources.Text, reader: _sources.Decoded, size: int, source: str
) -> tuple[list[_yaml.RawDocument], _Segment]:
    """
    The documents of a JSON file: one, or an array of them.
    """
    if size > _LONGEST_CHARACTER * _yaml.MAX_DOCUMENT_CHARS:
        # More bytes than the most characters allowed can take: refused unread.
        reader.close()
        return [_yaml.RawDocument(0, None, (_yaml.too_large(source),))], text.segment
    try:
        return _json_documents(text, source, reader)
    except OSError as exc:
        problem = _messages.make(Problem, "QT014", **_messages.os_detail(exc))
        return [_yaml.RawDocument(0, None, (problem.located(source),))], text.segment


#: The most bytes one character takes in UTF-8.
_LONGEST_CHARACTER = 4


def _json_lines(reader: _sources.Decoded, source: str) -> Iterator[_yaml.RawDocument]:
    """
    The documents of a JSON Lines file (one JSON document a line, blank lines ignored), read a
    line at a time, each line up to the size limit; problems are placed at their line of the
    file.
    """
    offset = index = number = 0
    try:
        with contextlib.closing(reader):
            for number, line in enumerate(reader.lines(_yaml.MAX_DOCUMENT_CHARS)):
                if line is None:
                    yield _yaml.RawDocument(
                        index, None, (_yaml.too_large(source, (number + 1, 1)),)
                    )
                    return
                start, offset = offset, offset + len(line)
                at = reader.byte_offset(start)
                flaw = reader.flaw_before(offset)
                if not line.strip():
                    continue
                flawed: tuple[Problem, ...] = ()
                if flaw is not None:
                    # The place in the line: JSON counts only "\n" as a line break.
                    flaw = attrs.evolve(flaw, line=number + 1, column=flaw.offset - start + 1)
                    flawed = (_yaml.flaw_problem(flaw, source),)
                for raw in _yaml.read_json(line, source):
                    yield attrs.evolve(
                        raw,
                        index=index,
                        problems=(*flawed, *(_below(p, number) for p in raw.problems)),
                        span=_yaml.Span(number, start, offset, at),
                    )
                index += 1
    except _sources.WrongEncoding as wrong:
        yield _yaml.RawDocument(index, None, (_yaml.encoding_problem(wrong, source),))
    except OSError as exc:
        found = _messages.make(Problem, "QT014", **_messages.os_detail(exc))
        yield _yaml.RawDocument(index, None, (found.located(source),))


def _below(problem: Problem, lines: int) -> Problem:
    """
    A problem of one line of a JSON Lines file, placed in the file.
    """
    if problem.line is None:
        return problem.located(problem.source, lines + 1)
    return problem.located(problem.source, problem.line + lines, problem.column)


def _collect(loaded: Iterable[Loaded]) -> tuple[Any, ...]:
    documents: list[Any] = []
    problems: list[Problem] = []
    for item in loaded:
        if item.problems:
            problems += item.problems
        else:
            documents.append(item.document)
    if problems:
        raise LoadError(problems)
    return tuple(documents)


def _one(documents: tuple[Any, ...], source: str) -> Any:
    if len(documents) != 1:
        raise LoadError([_messages.make(Problem, "QT012", count=len(documents)).located(source)])
    return documents[0]


def loads(
    text: str | bytes,
    *,
    source: str = "<string>",
    format: Format | None = None,  # noqa: A002 - the word users know
) -> Document:
    """
    The one document in a YAML or JSON text.

    Args:
        text: YAML, JSON or JSON Lines; bytes must be UTF-8.
        source: The name problems are reported under.
        format: ``"yaml"``, ``"json"`` (a document, or an array of documents) or ``"jsonl"``
            (JSON Lines: a document a line). By default the first character that is not blank
            tells: ``[`` is a JSON array, ``{`` a JSON document (JSON Lines when its first line
            is a whole JSON value and the next that is not blank opens with ``{``); anything
            else, and ``[`` or ``{`` that is not JSON, is YAML.

    Returns:
        The typed document (a ``Checklist``, a ``UnitCatalog`` ...).

    Raises:
        LoadError: With every problem found, when the text is not one well-formed document.
        ValueError: For another ``format``.

    .. versionadded:: 2026.11.0
    """
    document: Document = _one(_collect(text_source(text, source, format=format)), source)
    return document


def loads_all(
    text: str | bytes,
    *,
    source: str = "<string>",
    format: Format | None = None,  # noqa: A002 - the word users know
) -> tuple[Document, ...]:
    """
    Every document of a YAML stream (documents separated by ``---``), of a JSON text (one
    document, or an array of documents) or of JSON Lines; ``format`` as for ``loads``.

    Raises:
        LoadError: With the problems of every document that does not load.
        ValueError: For another ``format``.

    .. versionadded:: 2026.11.0
    """
    return _collect(text_source(text, source, format=format))


def load(path: str | os.PathLike[str]) -> Document:
    """
    The one document in a file (``.yaml``, ``.yml`` or ``.json``).

    Raises:
        LoadError: With every problem found.

    .. versionadded:: 2026.11.0
    """
    document: Document = _one(_collect(file_source(path)), os.fspath(path))
    return document


def load_all(path: str | os.PathLike[str]) -> tuple[Document, ...]:
    """
    Every document of a file: all of them, or a LoadError with the problems of each that fails.

    .. versionadded:: 2026.11.0
    """
    return _collect(file_source(path))


def iter_load(path: str | os.PathLike[str]) -> Iterator[Document]:
    """
    The documents of a file one at a time, in constant memory, for large streams of records.

    Raises:
        LoadError: At the first document that does not load (those before it were yielded).

    .. versionadded:: 2026.11.0
    """
    with contextlib.closing(file_source(path)) as items:
        for item in items:
            if item.problems:
                raise LoadError(item.problems)
            yield item.document


# --- writing --------------------------------------------------------------------------------


def dumps(document: Document) -> str:
    """
    YAML for a document, which loads back to an equal document.

    .. versionadded:: 2026.11.0
    """
    return dumps_all([document])


def dumps_all(documents: Iterable[Document]) -> str:
    """
    A YAML stream of documents separated by ``---``.

    .. versionadded:: 2026.11.0
    """
    documents = list(documents)
    for document in documents:
        if type(document).kind not in KINDS:
            raise TypeError(f"not a quytac document: {type(document).__name__}")
    data = [unstructure_document(document) for document in documents]
    return write_yaml(data)
