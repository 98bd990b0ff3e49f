"""
Reading documents from text and files, and writing them back: load, loads, load_all, dumps.
"""

from __future__ import annotations

import os
import re
from decimal import Decimal
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeAlias

import attrs
import yaml

from . import _messages, _yaml
from ._converter import RawProblem, StructureFailed, structure_document, unstructure_document
from .checklists import Checklist
from .codes import ConductCode
from .errors import LoadError, Problem
from .outlines import ReportOutline
from .plans import InspectionPlan
from .records import InspectionRecord, Report
from .units import UnitCatalog

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

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


class _Text:
    """
    The whole text of a source, read once and only when a place has to be found in it.
    """

    def __init__(self, opener: Callable[[], str | IO[bytes]]) -> None:
        self._opener = opener
        self._text: list[str | None] = []

    def __call__(self) -> str | None:
        if not self._text:
            self._text.append(_yaml.source_text(self._opener))
        return self._text[0]


@attrs.frozen
class Origin:
    """
    Where a document was read: its source, its position among the source's documents and its
    span in the text.
    """

    source: str
    index: int
    span: _yaml.Span | None = attrs.field(default=None, eq=False, repr=False)
    text: Callable[[], str | None] = attrs.field(default=lambda: None, eq=False, repr=False)
    pure: bool = attrs.field(default=False, eq=False, repr=False)

    def marks(self, paths: Iterable[tuple[str | int, ...]]) -> _yaml.Marks:
        """
        The places of some values of the document (a second pass over the document's text).
        """
        return _yaml.locate(self.text(), self.span, paths, pure=self.pure)


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


def read_source(
    opener: Callable[[], str | IO[bytes]],
    source: str,
    *,
    json_text: str | None = None,
    pure: bool = False,
) -> Iterator[Loaded]:
    """
    Every document of one source, typed or with its problems; documents are read one at a time.
    """
    if json_text is not None:
        raws = _yaml.read_json(json_text, source)
    else:
        raws = _yaml.read_yaml(opener, source, pure=pure)
    yield from _typed(raws, _Text(opener), source, pure=pure)


def _typed(
    raws: Iterable[_yaml.RawDocument],
    text: Callable[[], str | None],
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
            yield Loaded(origin, None, _with(raw.problems, place(failed.problems, origin)))
        else:
            if raw.problems:
                yield Loaded(origin, None, raw.problems)
            else:
                yield Loaded(origin, document)
    if count == 0:
        problem = _messages.make(Problem, "QT008").located(source)
        yield Loaded(Origin(source, 0), None, (problem,))


def _with(reading: tuple[Problem, ...], structure: list[Problem]) -> tuple[Problem, ...]:
    """
    The reader's problems, and those of structure that are not about the same values (an alias
    read as null is not also "expected text, got null").
    """
    covered = [p.path for p in reading]
    kept = [p for p in structure if not any(p.path[: len(c)] == c for c in covered)]
    return (*reading, *kept)


def _empty(origin: Origin) -> Problem:
    where = origin.marks([()]).at_value(())
    found = _messages.make(Problem, "QT008")
    return found.located(origin.source, *where) if where else found.located(origin.source)


def text_source(
    text: str | bytes | bytearray | memoryview, source: str, *, pure: bool = False
) -> Iterator[Loaded]:
    """
    The documents of a text (YAML, or JSON when it opens with ``{``).
    """
    if isinstance(text, bytearray | memoryview):
        text = bytes(text)
    if not isinstance(text, str | bytes):
        raise TypeError(f"expected str or bytes, got {type(text).__name__}")
    if isinstance(text, bytes):
        decoded, problem = _yaml.from_bytes(text, source)
        if decoded is None:
            assert problem is not None  # noqa: S101 - from_bytes gives one or the other
            yield Loaded(Origin(source, 0), None, (problem,))
            return
        text = decoded
    content = text

    def opener() -> str:
        return content

    if _yaml.looks_like_json(content):
        # A YAML flow mapping opens with "{" too: JSON first, YAML when it is not JSON.
        raws = list(_yaml.read_json(content, source))
        if not any(p.code == "QT013" for raw in raws for p in raw.problems):
            yield from _typed(raws, opener, source, pure=pure)
            return
    yield from read_source(opener, source, pure=pure)


def file_source(
    path: str | os.PathLike[str], *, pure: bool = False, source: str | None = None
) -> Iterator[Loaded]:
    """
    The documents of a file; YAML is streamed, JSON read whole. Problems and origins name the
    file by ``source`` (its path as given by default).
    """
    file = Path(path)
    source = os.fspath(path) if source is None else source
    if file.suffix.lower() == ".jsonl":
        yield from _json_lines(file, source)
        return
    try:
        if file.suffix.lower() == ".json":
            decoded, problem = _yaml.from_bytes(file.read_bytes(), source)
            if decoded is None:
                assert problem is not None  # noqa: S101 - from_bytes gives one or the other
                yield Loaded(Origin(source, 0), None, (problem,))
                return
            text = decoded
            yield from read_source(lambda: text, source, json_text=text)
            return
        with file.open("rb") as stream:
            encoding = _yaml.check_encoding(stream.read(4), source)
        if encoding is not None:
            yield Loaded(Origin(source, 0), None, (encoding,))
            return
    except OSError as exc:
        problem = _messages.make(Problem, "QT014", detail=exc.strerror or str(exc)).located(source)
        yield Loaded(Origin(source, 0), None, (problem,))
        return

    def opener() -> IO[bytes]:
        return file.open("rb")

    yield from read_source(opener, source, pure=pure)


def _json_lines(file: Path, source: str) -> Iterator[Loaded]:
    """
    The documents of a JSON Lines file (one JSON document a line, blank lines ignored), read a
    line at a time; problems are placed at their line of the file.
    """

    def opener() -> IO[bytes]:
        return file.open("rb")

    def raws() -> Iterator[_yaml.RawDocument]:
        offset = index = 0
        try:
            with file.open("rb") as lines:
                for number, data in enumerate(lines):
                    decoded, problem = _yaml.from_bytes(data, source)
                    if decoded is None:
                        assert problem is not None  # noqa: S101 - one or the other
                        yield _yaml.RawDocument(index, None, (problem.located(source, number + 1),))
                        return
                    start, offset = offset, offset + len(decoded)
                    if not decoded.strip():
                        continue
                    for raw in _yaml.read_json(decoded, source):
                        yield attrs.evolve(
                            raw,
                            index=index,
                            problems=tuple(_below(p, number) for p in raw.problems),
                            span=_yaml.Span(number, start, offset),
                        )
                    index += 1
        except OSError as exc:
            detail = exc.strerror or str(exc)
            yield _yaml.RawDocument(
                index, None, (_messages.make(Problem, "QT014", detail=detail).located(source),)
            )

    yield from _typed(raws(), _Text(opener), source, pure=False)


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


def loads(text: str | bytes, *, source: str = "<string>") -> Document:
    """
    The one document in a YAML or JSON text.

    Args:
        text: YAML, or JSON (text that opens with ``{`` and parses as JSON); bytes must be UTF-8.
        source: The name problems are reported under.

    Returns:
        The typed document (a ``Checklist``, a ``UnitCatalog`` ...).

    Raises:
        LoadError: With every problem found, when the text is not one well-formed document.

    .. versionadded:: 2026.11.0
    """
    document: Document = _one(_collect(text_source(text, source)), source)
    return document


def loads_all(text: str | bytes, *, source: str = "<string>") -> tuple[Document, ...]:
    """
    Every document of a YAML stream (documents separated by ``---``), or of a JSON text.

    Raises:
        LoadError: With the problems of every document that does not load.

    .. versionadded:: 2026.11.0
    """
    return _collect(text_source(text, source))


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
    for item in file_source(path):
        if item.problems:
            raise LoadError(item.problems)
        yield item.document


# --- writing --------------------------------------------------------------------------------


class _Resolver(yaml.resolver.Resolver):
    """
    YAML 1.1's implicit types (which PyYAML and many editors still apply) and YAML 1.2's octal:
    a string that any of them would read as something else is written quoted, so that files
    quytac writes mean the same to every reader, not only to quytac's strict one.
    """


_Resolver.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^0o[0-7]+$"), ["0"])


class _Dumper(
    yaml.emitter.Emitter,
    yaml.serializer.Serializer,
    yaml.representer.SafeRepresenter,
    _Resolver,
):
    def __init__(self, stream: IO[str], **_: object) -> None:
        yaml.emitter.Emitter.__init__(self, stream, allow_unicode=True, width=100)
        yaml.serializer.Serializer.__init__(self)
        yaml.representer.SafeRepresenter.__init__(self, sort_keys=False)
        _Resolver.__init__(self)

    def ignore_aliases(self, data: object) -> bool:  # noqa: ARG002
        # quytac refuses aliases when reading, so it never writes them (one date, two places).
        return True


_NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")


def _represent_decimal(dumper: _Dumper, value: Decimal) -> yaml.ScalarNode:
    # Written as its exact text: plain when it reads as a number, quoted otherwise (1E+3).
    text = str(value)
    tag = dumper.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    if tag in _NUMBER_TAGS:
        return dumper.represent_scalar(tag, text)
    return _represent_str(dumper, text)


#: Characters that plain and single-quoted scalars would fold or lose: only double quotes keep them.
_DOUBLE_QUOTE = re.compile("[\x85\u2028\u2029\r\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff]")


def _represent_str(dumper: _Dumper, value: str) -> yaml.ScalarNode:
    style = '"' if _DOUBLE_QUOTE.search(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(Decimal, _represent_decimal)


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
    return yaml.dump_all(data, Dumper=_Dumper, explicit_start=len(data) > 1)
