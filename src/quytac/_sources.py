"""
The text of a source, read in bounded pieces: files opened only when they are regular files
(never blocking on a FIFO or a device), bytes decoded as UTF-8 a chunk at a time, and the text
read again a piece at a time when a place has to be found in it.

Every byte that is not UTF-8 and every character that text may not hold (a control character,
a lone surrogate, U+FFFE, U+FFFF) becomes U+FFFD in the text the parsers see, so reading goes
on and every other character keeps its place; the first such flaw of each document is kept,
with its place, for the reader to report. Nothing here keeps the whole text: memory is bounded
by the size of a chunk and by the limit a caller sets, not by the size of the file.
"""

from __future__ import annotations

import bisect
import codecs
import io
import os
import re
import stat
import unicodedata
from collections import deque
from typing import IO, TYPE_CHECKING, Final

import attrs

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

#: How many bytes (or characters of a text) one read takes.
CHUNK: Final = 1 << 16

#: Characters a YAML text may not hold (YAML 1.2 §5.1, as libyaml and PyYAML check them), and
#: the lone surrogates that bytes which are not UTF-8 are decoded to on the way.
UNWANTED: Final = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

#: Where a YAML document can begin: a line that starts with ``---``, ``...`` or a directive.
YAML_BOUNDARY: Final = re.compile(r"(?:^|(?<=[\n\r\x85\u2028\u2029]))(?:---|\.\.\.|%)")
#: Where a JSON Lines document can begin: any line.
LINE_BOUNDARY: Final = re.compile(r"(?:^|(?<=\n))")

_CHECKPOINTS: Final = 1024
_SURROGATES: Final = range(0xDC80, 0xDD00)
_ESCAPED: Final = re.compile("[\udc80-\udcff]")
_NOT_ASCII: Final = re.compile("[^\x00-\x7f]")
#: At most one character of valid UTF-8 by chance for this many bytes that are not.
_UTF8_BY_CHANCE: Final = 8

_KINDS: Final = (
    (stat.S_ISDIR, "folder"),
    (stat.S_ISFIFO, "fifo"),
    (stat.S_ISSOCK, "socket"),
    (stat.S_ISCHR, "character device"),
    (stat.S_ISBLK, "block device"),
)
_OPEN_FLAGS: Final = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)

# Byte order marks and the patterns of NULs that ASCII text has in UTF-16 and UTF-32
# (YAML 1.2 §5.2); UTF-32's come first, as they begin like UTF-16's.
_MARKS: Final = (
    (b"\x00\x00\xfe\xff", "UTF-32", "big-endian"),
    (b"\xff\xfe\x00\x00", "UTF-32", "little-endian"),
    (b"\xfe\xff", "UTF-16", "big-endian"),
    (b"\xff\xfe", "UTF-16", "little-endian"),
)
_NULS: Final = (
    (re.compile(b"\x00\x00\x00[^\x00]", re.DOTALL), "UTF-32", "big-endian"),
    (re.compile(b"[^\x00]\x00\x00\x00", re.DOTALL), "UTF-32", "little-endian"),
    (re.compile(b"\x00[^\x00]", re.DOTALL), "UTF-16", "big-endian"),
    (re.compile(b"[^\x00]\x00", re.DOTALL), "UTF-16", "little-endian"),
)

_VIETNAMESE_LOWER: Final = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
_VIETNAMESE: Final = frozenset(_VIETNAMESE_LOWER + _VIETNAMESE_LOWER.upper())


class NotARegularFile(Exception):
    """
    The path is a folder, a FIFO, a socket or a device: it is not read.
    """

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


class WrongEncoding(Exception):
    """
    The bytes are UTF-16 or UTF-32, not UTF-8.
    """

    def __init__(self, encoding: str, order: str, *, marked: bool) -> None:
        super().__init__(encoding)
        self.encoding = encoding
        self.order = order
        self.marked = marked


class TooLarge(Exception):
    """
    One document has grown past the limit the reader was given: reading stops.
    """


def _regular(mode: int) -> None:
    if not stat.S_ISREG(mode):
        raise NotARegularFile(next((kind for test, kind in _KINDS if test(mode)), "other"))


def open_file(path: str | os.PathLike[str]) -> tuple[IO[bytes], int]:
    """
    A regular file opened for reading, and its size.

    Anything else is refused with NotARegularFile before it is opened, and again on the open
    descriptor (opened without blocking), so a path swapped for a FIFO in between cannot hang.
    OSError as ``open`` raises it.
    """
    _regular(os.stat(path).st_mode)  # noqa: PTH116 - the mode of what the path names
    descriptor = os.open(path, _OPEN_FLAGS)
    try:
        info = os.fstat(descriptor)
        _regular(info.st_mode)
        return os.fdopen(descriptor, "rb"), info.st_size
    except BaseException:
        os.close(descriptor)
        raise


def looks_like_windows_1258(data: bytes) -> bool:
    """
    Whether bytes that are not UTF-8 read as Vietnamese in Windows-1258: hardly any of them
    are UTF-8 (a UTF-8 file with one stray byte is not Windows-1258), every letter outside
    ASCII is a Vietnamese one (tone marks composed), and at least one is a letter only Vietnamese
    has (ă, ơ, ư, đ, ộ ...), not one of Western Europe's (é, à).
    """
    decoded = data.decode("utf-8", "surrogateescape")
    escaped = len(_ESCAPED.findall(decoded))
    if not escaped or (len(_NOT_ASCII.findall(decoded)) - escaped) * _UTF8_BY_CHANCE > escaped:
        return False
    try:
        text = unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        return False
    vietnamese = False
    for character in text:
        if character.isascii():
            continue
        if character in _VIETNAMESE:
            vietnamese = vietnamese or ord(character) > 0xFF
        elif unicodedata.category(character)[0] not in "PSZ":
            return False
    return vietnamese


def _encoding(head: bytes) -> WrongEncoding | None:
    for mark, encoding, order in _MARKS:
        if head.startswith(mark):
            return WrongEncoding(encoding, order, marked=True)
    for pattern, encoding, order in _NULS:
        if pattern.match(head):
            return WrongEncoding(encoding, order, marked=False)
    return None


@attrs.frozen
class Flaw:
    """
    A byte that is not UTF-8, or a character that text may not hold, and where it is.

    Attributes:
        offset: Its character offset in the text.
        line: Its 1-based line, counted as YAML counts lines.
        column: Its 1-based column, in characters.
        byte: The byte, when it is a byte that is not UTF-8.
        character: The code point otherwise.
        windows_1258: Whether the bytes around it read as Vietnamese in Windows-1258.
    """

    offset: int
    line: int
    column: int
    byte: int | None = None
    character: int | None = None
    windows_1258: bool = False


def _breaks(text: str, *, after_cr: bool) -> tuple[int, int]:
    """
    How many line breaks a piece of text holds (``\\r\\n`` is one, also across pieces), and the
    offset just after its last one (-1 when it has none).
    """
    count = text.count("\n")
    last = text.rfind("\n")
    if "\r" in text:
        count += text.count("\r") - text.count("\r\n")
        last = max(last, text.rfind("\r"))
    if not text.isascii():
        for other in "\x85\u2028\u2029":
            if other in text:
                count += text.count(other)
                last = max(last, text.rfind(other))
    if after_cr and text.startswith("\n"):
        count -= 1
    return count, last + 1 if last >= 0 else -1


class Text:
    """
    The text of a source as the reader reads it, and read again a piece at a time.

    ``opener`` gives the source afresh each time: a ``str``, or a binary stream of UTF-8. For a
    stream, the first read notes where character offsets fall in bytes (a bounded number of
    checkpoints), so a later piece is found by seeking, not by decoding what comes before it.
    """

    def __init__(self, opener: Callable[[], str | IO[bytes]]) -> None:
        self._opener = opener
        #: The stream the first reader reads, while it is open.
        self.live: IO[bytes] | None = None
        self._chars = [0]
        self._bytes = [0]
        self._every = CHUNK

    def reader(
        self, stream: str | IO[bytes] | None = None, *, boundary: re.Pattern[str] = YAML_BOUNDARY
    ) -> Decoded:
        """
        A reader of the whole text from its start: of ``stream`` (the source, opened already)
        or of the source opened afresh.
        """
        source = self._opener() if stream is None else stream
        if not isinstance(source, str):
            self.live = source
        return Decoded(source, boundary=boundary, text=self)

    def checkpoint(self, chars: int, at: int) -> None:
        """
        Note that character ``chars`` starts at byte ``at`` (no character is cut there).
        """
        if chars - self._chars[-1] < self._every:
            return
        self._chars.append(chars)
        self._bytes.append(at)
        if len(self._chars) > _CHECKPOINTS:
            self._chars = self._chars[::2]
            self._bytes = self._bytes[::2]
            self._every *= 2

    def segment(self, start: int, end: int, at: int | None = None) -> str | None:
        """
        The text from character ``start`` to ``end``, as the parsers saw it (None when the
        source cannot be read again). ``at`` is the byte where ``start`` is, when known;
        otherwise the reading starts from the nearest checkpoint before it. While the first
        reader is open, its file is read again in place (``os.pread``), not opened anew.
        """
        if at is None:
            where = bisect.bisect_right(self._chars, start) - 1
            position, at = self._chars[where], self._bytes[where]
        else:
            position = start
        descriptor = self._descriptor()
        if descriptor is not None:
            return _piece(
                lambda size, offset: os.pread(descriptor, size, offset), start, end, position, at
            )
        try:
            stream = self._opener()
        except (OSError, NotARegularFile):
            return None
        if isinstance(stream, str):
            return _cleaned(stream[start:end])
        with stream:

            def read(size: int, offset: int) -> bytes:
                if stream.tell() != offset:
                    stream.seek(offset)
                return stream.read(size)

            try:
                return _piece(read, start, end, position, at)
            except OSError:
                return None

    def _descriptor(self) -> int | None:
        live = self.live
        if live is None or live.closed or not hasattr(os, "pread"):
            return None
        try:
            return live.fileno()
        except (OSError, io.UnsupportedOperation):
            return None


def _piece(read: Callable[[int, int], bytes], start: int, end: int, position: int, at: int) -> str:
    """
    The text from ``start`` to ``end``, decoding from character ``position`` at byte ``at``.
    """
    decoder = _decoder(first=at == 0)
    pieces: list[str] = []
    while position < end:
        # No more bytes than the characters still wanted can take (4 each, at most).
        data = read(min(CHUNK, 4 * (end - max(position, start)) + 4), at)
        at += len(data)
        piece = _cleaned(decoder.decode(data, final=not data))
        if start < position + len(piece):
            pieces.append(piece[max(start - position, 0) : end - position])
        position += len(piece)
        if not data:
            break
    return "".join(pieces)


def _decoder(*, first: bool) -> codecs.IncrementalDecoder:
    return codecs.getincrementaldecoder("utf-8-sig" if first else "utf-8")("surrogateescape")


def _cleaned(text: str) -> str:
    return UNWANTED.sub("\ufffd", text) if UNWANTED.search(text) else text


class Decoded:
    """
    A source read as text by the parsers (``read``), a bounded piece at a time, its flaws
    replaced by U+FFFD and remembered: the first flaw after each place where a document can
    begin (``boundary``), so each document's first flaw is known, in bounded memory.

    With ``limit`` set, a read that takes the text more than ``limit`` characters past
    ``document_start`` raises TooLarge.
    """

    def __init__(
        self, source: str | IO[bytes], *, boundary: re.Pattern[str], text: Text | None = None
    ) -> None:
        self._source = source
        self._boundary = boundary
        self._text = text
        self._decoder = _decoder(first=True)
        self._position = 0
        self._eof = False
        self.chars = 0
        self.document_start = 0
        self.limit: int | None = None
        self._flaws: deque[Flaw] = deque()
        self._armed = True
        self._tail = ""
        self._line = 0
        self._line_start = 0
        self._after_cr = False
        # The last pieces read, as decoded (before flaws were replaced): (first character,
        # its byte, text); and where byte_offset last was, as it is asked in order.
        self._pieces: deque[tuple[int, int, str]] = deque(maxlen=3)
        self._cursor = (-1, 0)

    def close(self) -> None:
        """
        Close the stream read, if it is one.
        """
        if not isinstance(self._source, str):
            self._source.close()

    def read(self, size: int = -1) -> str:
        """
        The next piece of the text ("" at its end).
        """
        wanted = CHUNK if size <= 0 else min(size, CHUNK)
        piece, data, at = "", b"", 0
        while not piece and not self._eof:
            at = self._byte()
            piece, data = self._next(wanted)
        if not piece:
            return ""
        start = self.chars
        if at == 0 and data.startswith(codecs.BOM_UTF8):
            at = len(codecs.BOM_UTF8)
        self._pieces.append((start, at, piece))
        if self.limit is not None and start + len(piece) - self.document_start > self.limit:
            raise TooLarge
        if UNWANTED.search(piece):
            self._note(piece, data)
            piece = UNWANTED.sub("\ufffd", piece)
        elif not self._armed:
            self._armed = self._boundary.search(self._tail + piece) is not None
        self._tail = piece[-4:]
        lines, last = _breaks(piece, after_cr=self._after_cr)
        self._line += lines
        if last >= 0:
            self._line_start = start + last
        self._after_cr = piece.endswith("\r")
        self.chars += len(piece)
        if self._text is not None and not isinstance(self._source, str):
            self._text.checkpoint(self.chars, self._byte())
        return piece

    def _byte(self) -> int:
        """
        The byte where the next character to decode starts.
        """
        return self._position - len(self._decoder.getstate()[0])

    def byte_offset(self, char: int) -> int | None:
        """
        The byte where character ``char`` starts, when it is in the last pieces read (None
        for a text held as ``str``, or a character read long before).
        """
        if isinstance(self._source, str):
            return None
        found = next(
            (held for held in reversed(self._pieces) if held[0] <= char <= held[0] + len(held[2])),
            None,
        )
        if found is None:
            return None
        first, at, piece = found
        done, byte = self._cursor
        if not first <= done <= char:
            done, byte = first, at
        part = piece[done - first : char - first]
        byte += len(part) if part.isascii() else len(part.encode("utf-8", "surrogateescape"))
        self._cursor = (char, byte)
        return byte

    def _next(self, wanted: int) -> tuple[str, bytes]:
        source = self._source
        if isinstance(source, str):
            piece = source[self._position : self._position + wanted]
            self._position += len(piece)
            self._eof = not piece
            return piece, b""
        data = source.read(wanted)
        if self._position == 0 and data:
            if len(data) < 4:
                data += source.read(4 - len(data))
            wrong = _encoding(data[:4])
            if wrong is not None:
                raise wrong
        self._position += len(data)
        self._eof = not data
        return self._decoder.decode(data, final=self._eof), data

    def read_all(self, limit: int) -> str | None:
        """
        The rest of the text, or None when it is longer than ``limit`` characters (what is
        read stops there).
        """
        pieces: list[str] = []
        size = 0
        while piece := self.read():
            size += len(piece)
            if size > limit:
                return None
            pieces.append(piece)
        return "".join(pieces)

    def lines(self, limit: int) -> Iterator[str | None]:
        """
        The rest of the text a line at a time (each with its ``\\n``); None for a line longer
        than ``limit`` characters, and nothing after it.
        """
        pending: list[str] = []
        size = 0
        while piece := self.read():
            start = 0
            while (end := piece.find("\n", start)) >= 0:
                size += end + 1 - start
                if size > limit:
                    yield None
                    return
                pending.append(piece[start : end + 1])
                yield "".join(pending)
                pending, size, start = [], 0, end + 1
            size += len(piece) - start
            if size > limit:
                yield None
                return
            pending.append(piece[start:])
        if pending and (last := "".join(pending)):
            yield last

    def flaw_before(self, end: int) -> Flaw | None:
        """
        The first flaw before character ``end`` not given yet; those before it are dropped.
        """
        first = None
        while self._flaws and self._flaws[0].offset < end:
            flaw = self._flaws.popleft()
            first = first or flaw
        return first

    def _note(self, piece: str, data: bytes) -> None:
        scan = self._tail + piece
        shift = len(self._tail)
        searched = 0
        windows_1258: bool | None = None
        for found in UNWANTED.finditer(piece):
            at = found.start()
            if not self._armed:
                self._armed = self._boundary.search(scan, searched, at + shift + 1) is not None
            searched = at + shift
            if not self._armed:
                continue
            self._armed = False
            code = ord(found.group())
            byte = None
            if code in _SURROGATES and not isinstance(self._source, str):
                byte = code - 0xDC00
                if windows_1258 is None:
                    windows_1258 = looks_like_windows_1258(data)
            self._flaws.append(
                Flaw(
                    self.chars + at,
                    *self._place(piece, at),
                    byte=byte,
                    character=None if byte is not None else code,
                    windows_1258=bool(byte is not None and windows_1258),
                )
            )
        if not self._armed:
            self._armed = self._boundary.search(scan, searched + 1) is not None

    def _place(self, piece: str, at: int) -> tuple[int, int]:
        lines, last = _breaks(piece[:at], after_cr=self._after_cr)
        column = at - last if last >= 0 else self.chars + at - self._line_start
        return self._line + lines + 1, column + 1


def in_memory(data: str | bytes) -> Callable[[], str | IO[bytes]]:
    """
    An opener for a text or bytes held in memory.
    """
    if isinstance(data, str):
        return lambda: data
    return lambda: io.BytesIO(data)


__all__ = [
    "CHUNK",
    "LINE_BOUNDARY",
    "UNWANTED",
    "YAML_BOUNDARY",
    "Decoded",
    "Flaw",
    "NotARegularFile",
    "Text",
    "TooLarge",
    "WrongEncoding",
    "in_memory",
    "looks_like_windows_1258",
    "open_file",
]
