"""
Writing the pins of reports and records (``quytac pin``).

A pin names the edition of the outline or checklist a report or record was written against:
``{id, version, fingerprint}``. Pinning gives a pin the fingerprint of the edition the plan
names, when the pin names that edition (its id and version) or is missing; it is written into
the text itself, so comments and layout stay: only the pin's value changes (a fingerprint
replaced or added, a missing pin added before the answers or figures it pins). A pin that names
another id or version (QT332, QT330) is left for a person: the answers were written against
another edition, and pinning them to this one would have them scored against it unchecked.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from . import _messages, _yaml
from ._documents import Loaded, file_source, text_source
from .checklists import Checklist
from .errors import Finding, Issue
from .outlines import ReportOutline
from .plans import InspectionPlan
from .records import InspectionRecord, Pin, Report
from .validation.records import checked_pin
from .workspace import locate

if TYPE_CHECKING:
    from collections.abc import Iterator

    from .workspace import Workspace

__all__ = ["Pinned", "Written", "pin_file"]

Path_ = tuple[str | int, ...]
F = TypeVar("F", "Written", Finding)

#: The issues of a pin that pinning resolves: a fingerprint missing or old, a pin missing.
RESOLVED = frozenset({"QT331", "QT335", "QT337"})
#: The suffixes of the files pinning edits.
SUFFIXES = (".yaml", ".yml", ".json")
#: Ids and fingerprints written without quotes in YAML, unless any YAML reader could take them
#: for a number (``2023``, ``12e45``, ``0x1f``) or a boolean or null (``true``, ``no``).
_PLAIN = re.compile(r"[a-z0-9][a-z0-9._-]*")
_NUMBER = re.compile(r"[-+]?[0-9_.]*(?:[eE][-+]?[0-9_]+)?|0x[0-9a-fA-F_]+|0o[0-7_]+")
_NOT_PLAIN = frozenset({"true", "false", "null", "yes", "no", "on", "off", "y", "n"})


@attrs.frozen
class Written:
    """
    A pin written into a document (with ``--check``: to write).

    Attributes:
        source: The file.
        line: The line of the pin (of the key it is written before, for a pin added).
        column: Its column.
        document: The report's or record's id.
        path: The pin's path in the document (``("checklist",)``).
        what: ``checklist`` or ``outline``.
        pin: The pin, as written.
    """

    source: str
    line: int
    column: int
    document: str
    path: Path_
    what: str
    pin: Pin


@attrs.frozen
class Pinned:
    """
    What pinning one file gives.

    Attributes:
        source: The file.
        written: The pins written (or to write).
        stale: The issues of those pins before (QT331, QT335, QT337), located.
        problems: What keeps pins from being written: the problems of a file that does not
            load, pins to another edition, a plan or an edition not in the workspace.
        data: The new content of the file, or None when it does not change.
        unchanged: True when no pin of the file can be written: it does not load, or the
            places of its pins are not found in its text.
    """

    source: str
    written: tuple[Written, ...] = ()
    stale: tuple[Finding, ...] = ()
    problems: tuple[Finding, ...] = ()
    data: bytes | None = None
    unchanged: bool = False


@attrs.frozen
class _Wanted:
    """
    A pin a document must carry: where, as given, the edition it must name, and the key a
    missing pin is written before.
    """

    path: Path_
    pin: Pin | None
    current: Checklist | ReportOutline
    before: Path_


def _missing(path: Path_, what: str, what_vi: str, id_: str) -> Issue:
    return _messages.make(Issue, "QT310", path, what=what, what_vi=what_vi, id=repr(id_))


def _wanted(document: Report | InspectionRecord, workspace: Workspace) -> Iterator[_Wanted | Issue]:
    """
    The pins a report or record must carry, as ``validate`` checks them: the outline and the
    self-assessment of a report; the answers, the self-assessment and the figures of a record.
    """
    plan = workspace.get(InspectionPlan, document.plan)
    if plan is None:
        yield _missing(("plan",), "plan", "kế hoạch", document.plan)
        return
    wanted: list[tuple[Path_, Pin | None, str | None, Path_, type[Any]]] = []
    if isinstance(document, Report):
        indirect = plan.indirect
        if indirect is not None:
            wanted.append(
                (("outline",), document.outline, indirect.outline, ("sections",), ReportOutline)
            )
        checklist_id = indirect.self_assessment if indirect is not None else None
    else:
        direct = plan.direct
        checklist_id = direct.checklist if direct is not None else None
        if document.answers or document.checklist is not None:
            wanted.append(
                (("checklist",), document.checklist, checklist_id, ("answers",), Checklist)
            )
        outline_id = direct.outline if direct is not None else None
        if outline_id is not None and (document.figures or document.outline is not None):
            wanted.append((("outline",), document.outline, outline_id, ("figures",), ReportOutline))
    assessment = document.self_assessment
    if assessment is not None:
        wanted.append(
            (
                ("self_assessment", "checklist"),
                assessment.checklist,
                checklist_id,
                ("self_assessment", "answers"),
                Checklist,
            )
        )
    for path, pin, named, before, kind in wanted:
        if named is None:
            yield _messages.make(Issue, "QT334", path[:-1] or ("answers",), plan=repr(plan.id))
            continue
        current = workspace.get(kind, named)
        if current is None:
            what, what_vi = (
                ("outline", "đề cương")
                if kind is ReportOutline
                else ("checklist", "phiếu kiểm tra")
            )
            yield _missing(path, what, what_vi, named)
            continue
        yield _Wanted(path, pin, current, before)


def pin_file(path: str, workspace: Workspace) -> Pinned:
    """
    The pins of the reports and records of a file, given the fingerprints of the editions
    their plans name in the workspace; the file itself is not written (``Pinned.data`` holds
    its new content).
    """
    items = list(file_source(path))
    load_problems = [problem for item in items for problem in item.problems]
    if load_problems:
        return Pinned(path, problems=tuple(load_problems), unchanged=True)
    edits: list[tuple[int, _Wanted, Pin]] = []
    stale: list[Finding] = []
    problems: list[Finding] = []
    for index, item in enumerate(items):
        document = item.document
        if not isinstance(document, Report | InspectionRecord):
            continue
        for found in _wanted(document, workspace):
            if isinstance(found, Issue):
                problems += locate(document, item.origin, [found])
                continue
            issues, _ = checked_pin(found.path, found.pin, found.current)
            if not issues:
                continue
            placed = locate(document, item.origin, issues)
            if {issue.code for issue in issues} <= RESOLVED:
                stale += placed
                edits.append((index, found, Pin.of(found.current)))
            else:
                problems += placed
    if not edits:
        return Pinned(path, problems=_sorted(problems))
    return _edited(path, items, edits, stale, problems)


def _edited(
    path: str,
    items: list[Loaded],
    edits: list[tuple[int, _Wanted, Pin]],
    stale: list[Finding],
    problems: list[Finding],
) -> Pinned:
    """
    The file with the pins written, checked by reading it back: every document as before but
    for the pins; otherwise nothing is written and that is a problem.
    """
    raw = Path(path).read_bytes()
    bom = raw.startswith(b"\xef\xbb\xbf")
    text = raw[3 if bom else 0 :].decode("utf-8")
    as_json = Path(path).suffix.lower() == ".json"
    paths = set()
    for _, want, _ in edits:
        paths |= {
            want.path,
            (*want.path, "fingerprint"),
            (*want.path, "version"),
            want.path[:-1],
            want.before,
        }
    found = _yaml.extents(text, paths)
    unchanged = Pinned(path, problems=_sorted(problems), unchanged=True)
    changes = []
    for index, want, pin in edits:
        change = None
        if found is not None and index < len(found):
            change = _change(text, found[index], want, pin, as_json=as_json)
        if change is None:
            return unchanged
        changes.append(change)
    for start, end, replacement in sorted(changes, reverse=True):
        text = text[:start] + replacement + text[end:]
    data = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")
    placed = _yaml.extents(text, {want.path for _, want, _ in edits})
    if placed is None or not _reads_back(data, path, items, edits):
        return unchanged
    written = []
    for index, want, pin in edits:
        extent = placed[index][want.path]
        line, column = _place(text, extent.start if extent.key is None else extent.key)
        what = "outline" if isinstance(want.current, ReportOutline) else "checklist"
        written.append(Written(path, line, column, items[index].document.id, want.path, what, pin))
    return Pinned(path, _sorted(written), _sorted(stale), _sorted(problems), data)


def _sorted(found: list[F]) -> tuple[F, ...]:
    return tuple(sorted(found, key=lambda f: (f.line or 0, f.column or 0)))


def _change(
    text: str, found: dict[Path_, _yaml.Extent], want: _Wanted, pin: Pin, *, as_json: bool
) -> tuple[int, int, str] | None:
    """
    The change of the text that writes one pin: (start, end, replacement), or None when the
    places it needs are not found.
    """
    written = _value(pin.fingerprint, as_json=as_json)
    if want.pin is not None:
        old = found.get((*want.path, "fingerprint"))
        if old is not None:
            value = _value(pin.fingerprint, as_json=as_json, quote=old.quote)
            return old.start, old.end, value
        version = found.get((*want.path, "version"))
        mapping = found.get(want.path)
        if version is None or mapping is None or version.key is None:
            return None
        key = _value("fingerprint", as_json=as_json)
        if mapping.flow:
            return version.end, version.end, f", {key}: {written}"
        end, newline = _line_end(text, version.end)
        indent = " " * (version.key - _line_start(text, version.key))
        return end, end, f"{newline}{indent}{key}: {written}"
    before = found.get(want.before)
    parent = found.get(want.path[:-1])
    if before is None or before.key is None or parent is None:
        return None
    entry = f"{_value(str(want.path[-1]), as_json=as_json)}: {_pin_text(pin, as_json=as_json)}"
    start = _line_start(text, before.key)
    indent = text[start : before.key]
    _, newline = _line_end(text, before.key)
    if indent.strip():
        if not parent.flow:
            return None
        return before.key, before.key, f"{entry}, "
    separator = "," if parent.flow else ""
    return start, start, f"{indent}{entry}{separator}{newline}"


def _pin_text(pin: Pin, *, as_json: bool) -> str:
    value = functools.partial(_value, as_json=as_json)
    entries = (
        ("id", value(pin.id)),
        ("version", str(pin.version)),
        ("fingerprint", value(pin.fingerprint)),
    )
    return "{" + ", ".join(f"{value(key)}: {text}" for key, text in entries) + "}"


def _value(text: str | None, *, as_json: bool, quote: str = "") -> str:
    """
    Text as a YAML or JSON scalar: plain when YAML reads it back as the same text.
    """
    assert text is not None  # noqa: S101 - pins written always carry a fingerprint
    plain = _PLAIN.fullmatch(text) and not _NUMBER.fullmatch(text) and text not in _NOT_PLAIN
    if as_json or quote == '"' or not plain:
        if quote == "'" and not as_json:
            return "'" + text.replace("'", "''") + "'"
        return json.dumps(text, ensure_ascii=False)
    if quote == "'":
        return f"'{text}'"
    return text


def _line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _line_end(text: str, offset: int) -> tuple[int, str]:
    """
    Where the line holding ``offset`` ends (before its line break), and the file's line break.
    """
    end = text.find("\n", offset)
    if end == -1:
        return len(text), "\r\n" if "\r\n" in text else "\n"
    if end and text[end - 1] == "\r":
        return end - 1, "\r\n"
    return end, "\n"


def _place(text: str, offset: int) -> tuple[int, int]:
    start = _line_start(text, offset)
    return text.count("\n", 0, start) + 1, offset - start + 1


def _with_pin(document: Any, path: Path_, pin: Pin) -> Any:
    if path == ("self_assessment", "checklist"):
        return attrs.evolve(
            document, self_assessment=attrs.evolve(document.self_assessment, checklist=pin)
        )
    return attrs.evolve(document, **{str(path[0]): pin})


def _reads_back(
    data: bytes, path: str, items: list[Loaded], edits: list[tuple[int, _Wanted, Pin]]
) -> bool:
    """
    Whether the new text reads back as the old documents with the new pins.
    """
    expected = [item.document for item in items]
    for index, want, pin in edits:
        expected[index] = _with_pin(expected[index], want.path, pin)
    again = list(text_source(data, path))
    if len(again) != len(expected) or any(item.problems for item in again):
        return False
    return [item.document for item in again] == expected
