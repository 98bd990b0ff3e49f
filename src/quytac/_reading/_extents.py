"""
Extents, for editing a text in place: for each document of a YAML (or JSON) text, where the
values at some paths are, as character offsets, so one value can be replaced and nothing else
of the text touched.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs
import yaml
from yaml import events as ev

from ._common import Path, _nfc, _parser

if TYPE_CHECKING:
    from collections.abc import Iterable


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
