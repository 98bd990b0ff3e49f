"""
Reading documents from text and files, and writing them back: load, loads, load_all, dumps.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeAlias

import attrs
import yaml

from . import _messages, _yaml
from ._converter import RawProblem, StructureFailed, structure_document, unstructure_document
from .codes import ConductCode
from .errors import LoadError, Problem
from .units import UnitCatalog

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

#: Every kind of document, by the name its ``kind:`` key gives.
KINDS: dict[str, type[Any]] = {cls.kind: cls for cls in (UnitCatalog, ConductCode)}

#: Any document quytac reads.
Document: TypeAlias = UnitCatalog | ConductCode

#: Suffixes of the files a workspace reads.
SUFFIXES = (".yaml", ".yml", ".json")


@attrs.frozen
class Origin:
    """
    Where a document was read: its source and its position among the source's documents.
    """

    source: str
    index: int
    opener: Callable[[], str | IO[bytes]] = attrs.field(eq=False, repr=False)

    def marks(self) -> _yaml.Marks:
        """
        The places of the document's values (a second pass over the source).
        """
        return _yaml.locate(self.opener, self.index)


@attrs.frozen
class Loaded:
    """
    One document read from a source, or the problems that kept it from loading.
    """

    origin: Origin
    document: Any
    problems: tuple[Problem, ...] = ()


def place(raws: Iterable[RawProblem], marks: _yaml.Marks, source: str) -> list[Problem]:
    """
    Problems from the converter, placed at their key, value or parent mapping in a source.
    """
    placed: list[Problem] = []
    for raw in raws:
        if raw.where == "key":
            where = marks.at_key(raw.path)
        elif raw.where == "parent":
            where = marks.at_value(raw.path[:-1])
        else:
            where = marks.at_value(raw.path)
        found = _messages.make(Problem, raw.code, raw.path, **dict(raw.params))
        placed.append(found.located(source, *where) if where is not None else found.located(source))
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
    yield from _typed(raws, opener, source, pure=pure)


def _typed(
    raws: Iterable[_yaml.RawDocument],
    opener: Callable[[], str | IO[bytes]],
    source: str,
    *,
    pure: bool,
) -> Iterator[Loaded]:
    count = 0
    for raw in raws:
        origin = Origin(source, raw.index, opener)
        count += 1
        if raw.problems:
            yield Loaded(origin, None, raw.problems)
            continue
        if raw.data is None:
            yield Loaded(origin, None, _at_start(opener, raw.index, source))
            continue
        try:
            document = structure_document(raw.data, KINDS)
        except StructureFailed as failed:
            marks = _yaml.locate(opener, raw.index, pure=pure)
            yield Loaded(origin, None, tuple(place(failed.problems, marks, source)))
        else:
            yield Loaded(origin, document)
    if count == 0:
        problem = _messages.make(Problem, "QT008").located(source)
        yield Loaded(Origin(source, 0, opener), None, (problem,))


def _at_start(
    opener: Callable[[], str | IO[bytes]], index: int, source: str
) -> tuple[Problem, ...]:
    where = _yaml.locate(opener, index).at_value(())
    found = _messages.make(Problem, "QT008")
    return (found.located(source, *where) if where else found.located(source),)


def text_source(text: str | bytes, source: str, *, pure: bool = False) -> Iterator[Loaded]:
    """
    The documents of a text (YAML, or JSON when it opens with ``{``).
    """
    if isinstance(text, bytes):
        decoded, problem = _yaml.from_bytes(text, source)
        if decoded is None:
            assert problem is not None  # noqa: S101 - from_bytes gives one or the other
            yield Loaded(Origin(source, 0, lambda: ""), None, (problem,))
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


def file_source(path: str | os.PathLike[str], *, pure: bool = False) -> Iterator[Loaded]:
    """
    The documents of a file; YAML is streamed, JSON read whole.
    """
    file = Path(path)
    source = os.fspath(path)
    try:
        if file.suffix.lower() == ".json":
            decoded, problem = _yaml.from_bytes(file.read_bytes(), source)
            if decoded is None:
                assert problem is not None  # noqa: S101 - from_bytes gives one or the other
                yield Loaded(Origin(source, 0, lambda: ""), None, (problem,))
                return
            text = decoded
            yield from read_source(lambda: text, source, json_text=text)
            return
        with file.open("rb"):
            pass
    except OSError as exc:
        problem = _messages.make(Problem, "QT014", detail=exc.strerror or str(exc)).located(source)
        yield Loaded(Origin(source, 0, lambda: ""), None, (problem,))
        return

    def opener() -> IO[bytes]:
        return file.open("rb")

    yield from read_source(opener, source, pure=pure)


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


class _Resolver(yaml.resolver.BaseResolver):
    """
    What the strict reader reads as something other than text: the YAML 1.2 core booleans and
    nulls. Every other string can be written plain.
    """


_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:null",
    re.compile(r"^(?:~|null|Null|NULL|)$"),
    ["~", "n", "N", ""],
)


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


def _represent_int(dumper: _Dumper, value: int) -> yaml.ScalarNode:
    # Numbers are text to the reader: a plain 1 reads back as "1", which the model types.
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(value))


#: Characters that plain and single-quoted scalars would fold or lose: only double quotes keep them.
_DOUBLE_QUOTE = re.compile("[\x85\u2028\u2029\r\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff]")


def _represent_str(dumper: _Dumper, value: str) -> yaml.ScalarNode:
    style = '"' if _DOUBLE_QUOTE.search(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(int, _represent_int)
_Dumper.add_representer(str, _represent_str)


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
    data = [unstructure_document(document) for document in documents]
    return yaml.dump_all(data, Dumper=_Dumper, explicit_start=len(data) > 1)
