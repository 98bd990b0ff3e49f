"""
``quytac score``: the scores of reports and inspection records, read and scored one at a time.
"""

from __future__ import annotations

import functools
import shutil
import sys
import tempfile
import time
from typing import TYPE_CHECKING, Any, TextIO

import attrs

from quytac._documents import Loaded, file_source
from quytac.errors import Finding, Severity
from quytac.render import json as render_json
from quytac.render import text as render_text
from quytac.render._ui import ui
from quytac.render.scores import INVALID_ANSWERS, NO_ANSWERS, SCORED, WRONG_EDITION
from quytac.render.scores import Scored as _Scored

from ._common import (
    UsageError,
    _by_place,
    _check_records,
    _definitions,
    _errors,
    _findings_report,
    _note,
)

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Iterable, Iterator, Sequence

    from quytac.checklists import Answers, Checklist
    from quytac.records import InspectionRecord, Pin, Report
    from quytac.workspace import Workspace

#: How much of the findings of ``quytac score --format json`` is held in memory before the rest
#: goes to a temporary file (they are written after the scores).
SPOOL = 1 << 20


class Progress:
    """
    A count of the records scored, on stderr, when it is a terminal and the scoring takes more
    than a moment (``delay`` seconds); redrawn at most every ``every`` seconds, wiped at the end.
    """

    def __init__(  # noqa: PLR0913 - the clock and the delays are for the tests
        self,
        stream: TextIO,
        lang: str,
        *,
        delay: float = 1.0,
        every: float = 0.2,
        clock: Callable[[], float] = time.monotonic,
        force: bool = False,
    ) -> None:
        isatty = getattr(stream, "isatty", None)
        self.active = force or bool(isatty and isatty())
        self._stream = stream
        self._lang = lang
        self._clock = clock
        self._start = clock()
        self._delay = delay
        self._every = every
        self._last = -1.0
        self._shown = 0

    def tick(self, count: int) -> None:
        """
        Say how many records are scored, if it is time to.
        """
        if not self.active:
            return
        now = self._clock()
        if now - self._start < self._delay or now - self._last < self._every:
            return
        self._last = now
        text = ui("cli.progress", self._lang, count=count)
        self._stream.write("\r" + text + " " * (self._shown - render_text.display_width(text)))
        self._stream.flush()
        self._shown = render_text.display_width(text)

    def done(self) -> None:
        """
        Wipe the count, if one was shown.
        """
        if self._shown:
            self._stream.write("\r" + " " * self._shown + "\r")
            self._stream.flush()
            self._shown = 0


def _shifted(finding: Finding, lines: int) -> Finding:
    if not lines or finding.line is None:
        return finding
    return attrs.evolve(finding, line=finding.line + lines)


def _loaded(path: str) -> Iterator[tuple[Loaded, int]]:
    """
    Every document of a records file, one at a time, with the lines to add to its places
    (none: a JSON Lines file is read a line at a time, each placed at its own line, and within
    the size limit, as the API reads it).
    """
    for item in file_source(path):
        yield item, 0


@attrs.frozen
class _Read:
    """
    One document of the stream: its problems and issues, and its row when it is a report or a
    record (None for a document that does not load, or that is neither).
    """

    findings: tuple[Finding, ...] = ()
    scored: _Scored | None = None


@attrs.frozen
class _Answers:
    """
    What ``quytac score`` scores in a report or record: its answers (None when it gives none)
    with their pin and their path, and the checklist to score them against (``--checklist``,
    or the one the plan names; None when it is not in the workspace).
    """

    checklist: Checklist | None
    checklist_id: str | None
    pin: Pin | None
    answers: Answers | None
    path: tuple[str, ...]
    #: The checklist was chosen by ``--checklist`` rather than named by the plan.
    chosen: bool


def _answers_of(
    document: Report | InspectionRecord, workspace: Workspace, given: str | None
) -> _Answers:
    from quytac.checklists import Checklist  # noqa: PLC0415
    from quytac.plans import InspectionPlan  # noqa: PLC0415
    from quytac.records import Report  # noqa: PLC0415

    plan = workspace.get(InspectionPlan, document.plan)
    path: tuple[str, ...] = ()
    if isinstance(document, Report):
        own = document.self_assessment
        pin = own.checklist if own is not None else None
        answers = own.answers if own is not None else None
        path = ("self_assessment",)
        named = plan.indirect.self_assessment if plan and plan.indirect else None
    else:
        pin, answers = document.checklist, document.answers or None
        named = plan.direct.checklist if plan and plan.direct else None
    checklist_id = given or named
    checklist = workspace.get(Checklist, checklist_id) if checklist_id else None
    chosen = given is not None and given != named
    return _Answers(checklist, checklist_id, pin, answers, path, chosen)


def _unit_name(document: Report | InspectionRecord, workspace: Workspace, lang: str) -> str:
    from quytac.plans import InspectionPlan  # noqa: PLC0415
    from quytac.records import Report  # noqa: PLC0415
    from quytac.units import UnitCatalog  # noqa: PLC0415

    plan = workspace.get(InspectionPlan, document.plan)
    catalog = workspace.get(UnitCatalog, plan.units) if plan is not None else None
    if catalog is None:
        return document.unit
    day = document.submitted_on if isinstance(document, Report) else document.inspected_on
    unit = catalog.unit(document.unit, on=day)
    return unit.name.get(lang) if unit is not None else document.unit


def _score_stream(
    files: Sequence[str], workspace: Workspace, args: argparse.Namespace
) -> Iterator[_Read]:
    """
    Each document of the files, read and scored one at a time.
    """
    from quytac.records import InspectionRecord, Report  # noqa: PLC0415

    for path in files:
        for item, shift in _loaded(path):
            if item.problems:
                yield _Read(tuple(_shifted(problem, shift) for problem in item.problems))
                continue
            document = item.document
            line = (item.origin.span.line + 1 if item.origin.span else 1) + shift
            if not isinstance(document, Report | InspectionRecord):
                kind = {lang: ui(f"doc.{type(document).kind}", lang) for lang in ("en", "vi")}
                note = _note("cli.not_scorable", path, line, document=document.id, kind=kind)
                yield _Read((note,))
                continue
            yield _score_one(document, item, shift, workspace, args)


def _score_one(
    document: Report | InspectionRecord,
    item: Loaded,
    shift: int,
    workspace: Workspace,
    args: argparse.Namespace,
) -> _Read:
    """
    A report or record scored, once the pin of its answers holds (as ``validate`` decides,
    with the same issues at the same places); not scored otherwise.
    """
    from quytac.scoring import score  # noqa: PLC0415
    from quytac.validation.records import checked_pin  # noqa: PLC0415
    from quytac.workspace import locate  # noqa: PLC0415

    source = item.origin.source
    line = (item.origin.span.line + 1 if item.origin.span else 1) + shift
    given = _answers_of(document, workspace, args.checklist)
    row = functools.partial(
        _Scored, source, line, document, _unit_name(document, workspace, args.lang)
    )
    if given.answers is None:
        return _Read(scored=row(None, given.checklist_id, NO_ANSWERS))
    checklist, where = given.checklist, given.path
    if checklist is None:
        return _Read((_note("cli.no_checklist_for", source, line, document=document.id),))
    pin_path = (*where, "checklist")
    issues, holds = checked_pin(pin_path, given.pin, checklist, chosen=given.chosen)
    result = score(checklist, given.answers, path=(*where, "answers")) if holds else None
    if result is not None:
        issues += result.issues
    findings = tuple(_shifted(f, shift) for f in locate(document, item.origin, issues))
    status = WRONG_EDITION if result is None else SCORED if result.ok else INVALID_ANSWERS
    return _Read(findings, row(result, checklist.id, status))


def _score_json(scored: _Scored, lang: str, *, explain: bool = False) -> dict[str, Any]:
    entry = {
        "source": scored.source,
        "line": scored.line,
        "document": scored.document.id,
        "kind": type(scored.document).kind,
        "plan": scored.document.plan,
        "unit": scored.document.unit,
        "unit_name": scored.unit_name,
        "status": scored.status,
        "score": None if scored.result is None else render_json.score(scored.result, lang),
    }
    if explain:
        result = scored.result
        entry["explanation"] = (
            None if result is None else render_json.explanation(result.explain(), lang)
        )
    return entry


def run(args: argparse.Namespace, out: TextIO) -> int:
    from quytac.checklists import Checklist  # noqa: PLC0415

    files, unread = _check_records(args.records, args.lang)
    workspace, problems = _definitions(args.workspace, args.lang)
    if _errors(problems):
        _findings_report(sorted(problems, key=_by_place), args, out)
        return 1
    if args.checklist and workspace.get(Checklist, args.checklist) is None:
        raise UsageError(
            ui(
                "cli.no_checklist",
                args.lang,
                checklist=repr(args.checklist),
                workspace=args.workspace,
            )
        )
    progress = Progress(sys.stderr, args.lang)
    stream = _score_stream(files, workspace, args)
    warned = [*problems, *unread]  # the workspace's warnings, and the records left unread
    try:
        if args.format == "json":
            findings = _scores_json(stream, progress, args, out, warned)
        else:
            findings = _scores_text(stream, progress, args, out, warned)
    finally:
        progress.done()
    return 1 if _errors(findings) else 0


def _indented(text: str) -> str:
    return text.rstrip("\n").replace("\n", "\n  ")


@attrs.define
class _Counts:
    """
    The documents of a ``quytac score`` run, counted as they are read: each is scored, has
    errors, or gives no answers (a document that does not load, or is not a report or record,
    has errors).
    """

    read: int = 0
    scored: int = 0
    with_errors: int = 0
    no_answers: int = 0

    def add(self, found: _Read) -> None:
        self.read += 1
        if _errors(found.findings):
            self.with_errors += 1
        elif found.scored is not None and found.scored.status == NO_ANSWERS:
            self.no_answers += 1
        else:
            self.scored += 1

    def shown(self, lang: str) -> str:
        """
        The summary line: ``3 records read: 2 scored, 1 with errors, 0 without answers``.
        """
        return ui("cli.scored", lang, **attrs.asdict(self))


def _scores_json(
    stream: Iterable[_Read],
    progress: Progress,
    args: argparse.Namespace,
    out: TextIO,
    unread: Sequence[Finding] = (),
) -> list[Finding]:
    """
    The scores as JSON, each written as soon as it is known; with ``--explain``, each with the
    explanation of its score. ``unread`` are the findings of the walk (entries left unread) and
    the workspace's warnings.

    Memory stays flat however many records there are, and however many findings: the findings
    are written as they come to a spool (in memory while small, then a temporary file) and
    copied after the scores. Returned: the first error found (none when there is none), which
    is all the exit status needs.
    """
    lang = args.lang
    counts = _Counts()
    entries = problems = 0
    first_error: list[Finding] = []
    out.write(f'{{\n  "format_version": {render_json.FORMAT_VERSION},\n  "scores": [')
    with tempfile.SpooledTemporaryFile(max_size=SPOOL, mode="w+", encoding="utf-8") as spool:

        def note(finding: Finding) -> None:
            nonlocal problems
            listed = _indented(_indented(render_json.dumps(render_json.finding(finding, lang))))
            spool.write(("," if problems else "") + "\n    " + listed)
            problems += 1
            if not first_error and finding.severity == Severity.ERROR:
                first_error.append(finding)

        for finding in unread:
            note(finding)
        for found in stream:
            counts.add(found)
            for finding in found.findings:
                note(finding)
            if found.scored is not None:
                shown = _score_json(found.scored, lang, explain=args.explain)
                entry = _indented(_indented(render_json.dumps(shown)))
                out.write(("," if entries else "") + "\n    " + entry)
                entries += 1
                progress.tick(entries)
        out.write("\n  ]," if entries else "],")
        out.write('\n  "findings": [')
        spool.seek(0)
        shutil.copyfileobj(spool, out)
        out.write("\n  ]," if problems else "],")
    summary = {"scored": entries, "problems": problems, "records": attrs.asdict(counts)}
    out.write(f'\n  "summary": {_indented(render_json.dumps(summary))}\n}}\n')
    return first_error


def _scores_text(
    stream: Iterable[_Read],
    progress: Progress,
    args: argparse.Namespace,
    out: TextIO,
    unread: Sequence[Finding] = (),
) -> list[Finding]:
    """
    The scores as a table sorted by the units' Vietnamese names (with ``--explain``, then the
    explanation of each score), then the findings (``unread`` first, as for ``_scores_json``);
    or the report of them in Markdown or HTML.
    """
    from quytac.collation import vietnamese_key  # noqa: PLC0415
    from quytac.render import scores as render_scores  # noqa: PLC0415

    lang = args.lang
    findings: list[Finding] = list(unread)
    counts = _Counts()
    rows: list[tuple[Any, int, _Scored]] = []
    for found in stream:
        counts.add(found)
        findings += found.findings
        if found.scored is not None:
            rows.append((vietnamese_key(found.scored.unit_name), len(rows), found.scored))
            progress.tick(len(rows))
    progress.done()
    rows.sort(key=lambda row: (row[0], row[1]))
    entries = [scored for *_, scored in rows]
    closing = [counts.shown(lang), render_text.summary(findings, lang)]
    if args.format == "markdown":
        out.write(render_scores.markdown(entries, findings, closing, lang))
        return findings
    if args.format == "html":
        out.write(render_scores.html(entries, findings, closing, lang))
        return findings
    style = render_text.Style.for_stream(out)
    head = render_scores.head(lang)
    colours: list[list[str | None]] = [[None] * len(head)]
    colours += [
        [
            *([None] * 5),
            render_text.band_colour(scored.result),
            None,
            "red" if scored.result is not None and scored.result.capped_by else None,
        ]
        for scored in entries
    ]
    if rows:
        table = render_text.table(
            [head, *(render_scores.row(scored, lang) for scored in entries)],
            right=(4,),
            style=style,
            colours=colours,
        )
        out.writelines(line + "\n" for line in table)
    if args.explain:
        for scored in entries:
            explained = render_scores.explained(scored, lang)
            if explained:
                out.write("\n" + "\n".join(explained) + "\n")
        if entries:
            out.write("\n")
    # One line a mistake, as validate lists them (every finding with --all).
    lines = render_text.mistakes(findings, lang, style, every=args.all)
    out.writelines(line + "\n" for line in lines)
    closing[-1] = render_text.summary(findings, lang, folded=not args.all)
    out.writelines(line + "\n" for line in closing)
    return findings
