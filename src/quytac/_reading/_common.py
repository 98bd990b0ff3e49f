"""
What every part of the strict reader shares: the limits, the parsers, what a reading gives, and
the problems of a text's characters and encoding.
"""

from __future__ import annotations

import unicodedata
from typing import Any, Final

import attrs
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.scanner import Scanner

from quytac import _messages, _sources
from quytac._messages import quote
from quytac.errors import Problem

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


def too_large(source: str, where: tuple[int, int], *, limit: int) -> Problem:
    """
    QT007 for a document (a JSON text, a line of JSON Lines) longer than ``limit`` characters.
    """
    return _problem("QT007", (), where, source, limit=f"{limit:,}")
