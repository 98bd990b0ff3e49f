"""
The ``quytac`` command.

Exit status: 0 when nothing is wrong, 1 when problems (errors) were found, 2 for a usage error.
Messages are in Vietnamese unless ``--lang en`` is given; JSON output is documented in
docs/cli.md and described by the JSON Schemas of schemas/output/.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import errno
import functools
import io
import os
import re
import shutil
import sys
import tempfile
import time
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import attrs

from . import _output
from ._base import SCHEMA
from ._documents import KINDS, SUFFIXES, Loaded, file_source
from ._version import __version__
from .errors import Finding, LoadError, QuytacError, Severity
from .render import json as render_json
from .render import text as render_text
from .render._ui import ui
from .render.scores import INVALID_ANSWERS, NO_ANSWERS, SCORED, WRONG_EDITION
from .render.scores import Scored as _Scored
from .workspace import Workspace, read_files, walk

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence

    from .checklists import Answers, Checklist
    from .errors import Issue
    from .plans import InspectionPlan
    from .records import InspectionRecord, Pin, Report
    from .synthesis import Synthesis

__all__ = ["main"]

#: The formats of every command that reports, and those of the commands that write a report.
FORMATS = ("text", "json")
REPORT_FORMATS = ("text", "json", "markdown", "html")

#: How much of the findings of ``quytac score --format json`` is held in memory before the rest
#: goes to a temporary file (they are written after the scores).
SPOOL = 1 << 20

#: Suffixes of the files ``quytac score`` reads: those of a workspace, and JSON Lines.
RECORD_SUFFIXES = (*SUFFIXES, ".jsonl")


class UsageError(Exception):
    """
    A command line that cannot be run as given: the message goes to stderr, the status is 2.
    """


def _errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity == Severity.ERROR for f in findings)


def _by_place(finding: Finding) -> tuple[str, int, int, str]:
    return (finding.source, finding.line or 0, finding.column or 0, finding.code)


def _existing(paths: Sequence[str], lang: str) -> None:
    missing = [p for p in paths if not Path(p).exists()]
    for path in missing:
        try:
            Path(path).stat()
        except OSError as exc:  # there, but it cannot be reached: a link loop, no permission
            if exc.errno != errno.ENOENT:
                raise UsageError(
                    ui("cli.cannot_read", lang, path=path, detail=_detail(exc))
                ) from None
    if missing:
        raise UsageError(ui("cli.no_such_path", lang, paths=", ".join(missing)))


def _check_paths(
    paths: Sequence[str], lang: str, suffixes: Sequence[str] = SUFFIXES, empty: str = "documents"
) -> tuple[list[str], list[Finding]]:
    """
    The files under the paths (``walk``) and the problems of the entries left unread; a usage
    error when a path does not exist or there is nothing to read (``cli.no_{empty}``).
    """
    _existing(paths, lang)
    files, unread = walk(paths, suffixes)
    if not files and not unread:
        raise UsageError(ui(f"cli.no_{empty}", lang, paths=", ".join(paths)))
    return files, list(unread)


def _check_records(paths: Sequence[str], lang: str) -> tuple[list[str], list[Finding]]:
    """
    The files of records under the paths (JSON Lines too), as ``_check_paths``.
    """
    return _check_paths(paths, lang, RECORD_SUFFIXES, "records")


def _workspace(paths: Sequence[str], lang: str) -> tuple[Workspace, list[Finding]]:
    files, unread = _check_paths(paths, lang)
    documents, problems = read_files(files)
    return Workspace.of_read(documents), [*unread, *problems]


def _default_workspace(lang: str) -> str:
    """
    The workspace when ``--workspace`` is not given: the current folder, unless it holds a
    ``pyproject.toml`` (a Python project, whose code and tests hold YAML of their own): there,
    the folder its ``[tool.quytac]`` table names as ``workspace``, or a usage error.
    """
    project = Path("pyproject.toml")
    if not project.is_file():
        return "."
    try:
        with project.open("rb") as stream:
            tool = tomllib.load(stream).get("tool")
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise UsageError(ui("cli.bad_project", lang, detail=detail)) from None
    table = tool.get("quytac") if isinstance(tool, dict) else None
    folder = table.get("workspace") if isinstance(table, dict) else None
    if folder is None:
        raise UsageError(ui("cli.project_not_workspace", lang))
    if not isinstance(folder, str) or not Path(folder).is_dir():
        raise UsageError(ui("cli.project_workspace", lang, got=repr(folder)))
    return folder


def _in_workspace(run: Callable[[argparse.Namespace, TextIO], int]) -> Callable[..., int]:
    """
    ``run`` with ``args.workspace`` set to the default workspace when none was given.
    """

    def with_workspace(args: argparse.Namespace, out: TextIO) -> int:
        if args.workspace is None:
            args.workspace = _default_workspace(args.lang)
        return run(args, out)

    return with_workspace


def _warnings(findings: Sequence[Finding], lang: str) -> None:
    """
    Warnings about a workspace, on stderr: the output holds the command's result only.
    """
    sys.stderr.writelines(line + "\n" for line in render_text.findings(findings, lang))


def _findings_report(findings: Sequence[Finding], args: argparse.Namespace, out: TextIO) -> None:
    # One line a mistake: what a finding caused is folded into it unless --all is given (the
    # commands without --all list every finding).
    every = getattr(args, "all", True)
    if args.format == "json":
        out.write(
            render_json.dumps(
                {
                    "format_version": render_json.FORMAT_VERSION,
                    "findings": render_json.mistakes(findings, args.lang, every=every),
                }
            )
        )
        return
    style = render_text.Style.for_stream(out)
    lines = render_text.mistakes(findings, args.lang, style, every=every)
    out.writelines(line + "\n" for line in lines)
    out.write(render_text.summary(findings, args.lang, folded=not every) + "\n")


# --- validate -------------------------------------------------------------------------------


def _cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    workspace, problems = _workspace(args.paths, args.lang)
    findings = sorted([*problems, *workspace.validate()], key=_by_place)
    _findings_report(findings, args, out)
    return 1 if _errors(findings) else 0


# --- score ----------------------------------------------------------------------------------


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
    from .checklists import Checklist  # noqa: PLC0415
    from .plans import InspectionPlan  # noqa: PLC0415
    from .records import Report  # noqa: PLC0415

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
    from .plans import InspectionPlan  # noqa: PLC0415
    from .records import Report  # noqa: PLC0415
    from .units import UnitCatalog  # noqa: PLC0415

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
    from .records import InspectionRecord, Report  # noqa: PLC0415

    for path in files:
        for item, shift in _loaded(path):
            if item.problems:
                yield _Read(tuple(_shifted(problem, shift) for problem in item.problems))
                continue
            document = item.document
            line = (item.origin.span.line + 1 if item.origin.span else 1) + shift
            if not isinstance(document, Report | InspectionRecord):
                kind = type(document).kind
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
    from .scoring import score  # noqa: PLC0415
    from .validation.records import checked_pin  # noqa: PLC0415
    from .workspace import locate  # noqa: PLC0415

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


@attrs.frozen(kw_only=True)
class Note(Finding):
    """
    A finding of the command itself (a file that holds no record): no code, no path.
    """

    def render(self, lang: str = "en") -> str:
        """
        ``source:line: severity: message``.
        """
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{where}: {self.severity}: {self.text(lang)}"


def _note(key: str, source: str, line: int | None, **params: object) -> Finding:
    return Note(
        code="",
        severity=Severity.ERROR,
        path=(),
        message=ui(key, "en", **params),
        message_vi=ui(key, "vi", **params),
        source=source,
        line=line,
    )


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


def _cmd_score(args: argparse.Namespace, out: TextIO) -> int:
    from .checklists import Checklist  # noqa: PLC0415

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
    from .collation import vietnamese_key  # noqa: PLC0415
    from .render import scores as render_scores  # noqa: PLC0415

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
    out.writelines(line + "\n" for line in render_text.findings(findings, lang, style))
    out.writelines(line + "\n" for line in closing)
    return findings


def _definitions(folder: str, lang: str) -> tuple[Workspace, list[Finding]]:
    """
    The definitions under a folder (reports and records are left out: they are what is scored).
    """
    from .records import InspectionRecord, Report  # noqa: PLC0415

    _existing([folder], lang)
    if not Path(folder).is_dir():
        raise UsageError(ui("cli.no_such_path", lang, paths=folder))
    files, unread = walk([folder])
    documents, problems = read_files(files)
    kept = [(d, o) for d, o in documents if not isinstance(d, Report | InspectionRecord)]
    return Workspace.of_read(kept), [*unread, *problems]


# --- synthesize -----------------------------------------------------------------------------


#: Vietnam's time, UTC+7 all year (no summer time): "today" is the date there.
VIETNAM = dt.timezone(dt.timedelta(hours=7), "UTC+07:00")

#: A date as ``--as-of`` takes it: YYYY-MM-DD in ASCII digits, nothing else of ISO 8601.
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")


def _date(text: str, lang: str) -> dt.date:
    """
    The date ``YYYY-MM-DD``; a usage error for any other text (``20230831`` and ``2023-W35-4``,
    which ``date.fromisoformat`` reads, included).
    """
    try:
        if _DATE.match(text):
            return dt.date.fromisoformat(text)
    except ValueError:
        pass
    raise UsageError(ui("cli.bad_date", lang, got=repr(text)))


def _today() -> dt.date:
    """
    Today's date in Vietnam, whatever the machine's time zone.
    """
    return dt.datetime.now(VIETNAM).date()


def _synthesis_output(
    syntheses: Sequence[Synthesis], workspace: Workspace, args: argparse.Namespace
) -> str:
    from .render import html as render_html  # noqa: PLC0415
    from .render import markdown as render_markdown  # noqa: PLC0415

    lang = args.lang
    number = getattr(args, "number", None)
    place = getattr(args, "place", None)
    if args.format == "markdown":
        return "\n---\n\n".join(
            render_markdown.synthesis(s, workspace, lang, number=number, place=place)
            for s in syntheses
        )
    if args.format == "html":
        return render_html.page(
            [
                render_html.synthesis(s, workspace, lang, number=number, place=place)
                for s in syntheses
            ],
            lang,
            title=" · ".join(s.plan.title.get(lang) for s in syntheses),
        )
    style = render_text.Style.for_stream(args.out)
    return "\n".join(render_text.synthesis(s, lang, style, workspace) for s in syntheses)


def _unresolved(plan: InspectionPlan, workspace: Workspace) -> list[Issue]:
    """
    The documents a plan names that the workspace does not hold (its catalog, codes,
    checklists, outlines: QT310), at their places.
    """
    from .validation import issues_of  # noqa: PLC0415

    found = [i for i in issues_of(plan, workspace) if i.code == "QT310"]
    return workspace.locate(plan, found)


def _not_synthesised(
    key: str,
    findings: Sequence[Finding],
    args: argparse.Namespace,
    out: TextIO,
    **params: object,
) -> int:
    """
    Say on stderr why nothing is synthesised, list the findings that say it, exit 1.
    """
    told = ui(key, args.lang, workspace=args.workspace, **params)
    sys.stderr.write(f"quytac synthesize: {told}\n")
    _findings_report(sorted(findings, key=_by_place), args, out)
    return 1


def _cmd_synthesize(args: argparse.Namespace, out: TextIO) -> int:
    from .plans import InspectionPlan  # noqa: PLC0415
    from .synthesis import synthesize  # noqa: PLC0415

    as_of = _date(args.as_of, args.lang) if args.as_of else _today()
    workspace, problems = _workspace([args.workspace], args.lang)
    if _errors(problems):
        return _not_synthesised("cli.workspace_problems", problems, args, out)
    _warnings(problems, args.lang)
    plan = workspace.get(InspectionPlan, args.plan)
    if plan is None:
        plans = ", ".join(sorted(p.id for p in workspace.all(InspectionPlan))) or "-"
        raise UsageError(
            ui(
                "cli.no_plan",
                args.lang,
                plan=repr(args.plan),
                workspace=args.workspace,
                plans=plans,
            )
        )
    missing = _unresolved(plan, workspace)
    if missing:
        return _not_synthesised("cli.plan_unresolved", missing, args, out, plan=repr(plan.id))
    syn = synthesize(workspace, args.plan, as_of=as_of)
    if args.format == "json":
        out.write(render_json.dumps(render_json.synthesis(syn, args.lang)))
    else:
        out.write(_synthesis_output([syn], workspace, args))
    from .render._view import issues  # noqa: PLC0415

    return 1 if _errors(issues(syn)) else 0


# --- test -----------------------------------------------------------------------------------


@attrs.frozen
class _Tested:
    """
    One checklist tested: the issues of its own rules, then its examples and their failures.
    """

    checklist: Checklist
    issues: list[Finding]
    examples: int
    failed: int
    failures: list[Finding]

    @property
    def valid(self) -> bool:
        """
        Whether the checklist keeps its rules (warnings allowed).
        """
        return not _errors(self.issues)


def _tested(workspace: Workspace, checklist: Checklist) -> _Tested:
    from .scoring import _located_examples  # noqa: PLC0415
    from .validation import _checklist_rules  # noqa: PLC0415

    failures: list[Finding] = list(_located_examples(workspace, checklist))
    failing = {
        f.path[1]
        for f in failures
        if len(f.path) > 1 and f.path[0] == "examples" and f.severity == Severity.ERROR
    }
    return _Tested(
        checklist=checklist,
        issues=list(_checklist_rules(workspace, checklist)),
        examples=len(checklist.examples),
        failed=len(failing),
        failures=failures,
    )


def _cmd_test(args: argparse.Namespace, out: TextIO) -> int:
    from .checklists import Checklist  # noqa: PLC0415

    workspace, problems = _workspace(args.paths, args.lang)
    checklists = sorted(workspace.all(Checklist), key=lambda c: c.id)
    if not checklists and not problems:
        raise UsageError(ui("cli.no_checklists_found", args.lang, paths=", ".join(args.paths)))
    results = [_tested(workspace, checklist) for checklist in checklists]
    found = [*problems, *(f for r in results for f in (*r.issues, *r.failures))]
    status = 1 if _errors(found) else 0
    totals = {
        "checklists": len(results),
        "invalid": sum(not r.valid for r in results),
        "examples": sum(r.examples for r in results),
        "failed": sum(r.failed for r in results),
    }
    if args.format == "json":
        listed = functools.partial(render_json.finding, lang=args.lang)
        payload = {
            "format_version": render_json.FORMAT_VERSION,
            "checklists": [
                {
                    "id": r.checklist.id,
                    "version": r.checklist.version,
                    "source": (o.source if (o := workspace.origin(r.checklist)) else None),
                    "valid": r.valid,
                    "issues": [listed(f) for f in r.issues],
                    "examples": r.examples,
                    "failed": r.failed,
                    "failures": [listed(f) for f in r.failures],
                }
                for r in results
            ],
            "findings": [listed(f) for f in problems],
            "summary": totals,
        }
        out.write(render_json.dumps(payload))
        return status
    style = render_text.Style.for_stream(out)
    shown = functools.partial(render_text.findings, lang=args.lang, style=style)
    out.writelines(line + "\n" for line in shown(sorted(problems, key=_by_place)))
    for r in results:
        out.writelines(line + "\n" for line in shown([*r.issues, *r.failures]))
        said = {"checklist": r.checklist.id, "count": r.examples, "failed": r.failed}
        if r.valid:
            line = ui("cli.examples", args.lang, **said)
        else:
            errors = sum(f.severity == Severity.ERROR for f in r.issues)
            line = ui("cli.examples_invalid", args.lang, errors=errors, **said)
        out.write(style(line, "green" if r.valid and not r.failed else "red") + "\n")
    key = "cli.examples_total_invalid" if totals["invalid"] else "cli.examples_total"
    counts = {("count" if name == "examples" else name): n for name, n in totals.items()}
    out.write(ui(key, args.lang, **counts) + "\n")
    return status


# --- pin ------------------------------------------------------------------------------------


def _cmd_pin(args: argparse.Namespace, out: TextIO) -> int:
    from ._atomic import replace_file  # noqa: PLC0415
    from ._pinning import SUFFIXES, Pinned, pin_file  # noqa: PLC0415

    files, unread = _check_paths(args.files, args.lang, SUFFIXES)
    others = sorted({f for f in files if Path(f).suffix.lower() not in SUFFIXES})
    if others:
        raise UsageError(ui("cli.pin_suffix", args.lang, paths=", ".join(others)))
    workspace, problems = _definitions(args.workspace, args.lang)
    if _errors(problems):
        _findings_report(sorted(problems, key=_by_place), args, out)
        return 1
    results: list[tuple[Pinned, list[Finding]]] = []
    if problems or unread:  # the workspace's warnings, and the entries left unread
        results.append((Pinned("", problems=(*problems, *unread)), []))
    for file in files:
        result = pin_file(file, workspace)
        notes: list[Finding] = []
        if result.unchanged:
            notes.append(_note("cli.pin_unchanged", file, None))
        elif result.data is not None and not args.check:
            try:
                replace_file(file, result.data)
            except OSError as exc:
                detail = exc.strerror or str(exc)
                notes.append(_note("cli.cannot_write", file, None, path=file, detail=detail))
                result = attrs.evolve(result, written=())
        results.append((result, notes))
    return _pins_report(results, args, out)


def _pins_report(
    results: Sequence[tuple[Any, list[Finding]]], args: argparse.Namespace, out: TextIO
) -> int:
    """
    The pins written (with ``--check``: the issues of the pins to write), the problems, and
    the counts; exit 1 for a problem, and with ``--check`` for a pin to write.
    """
    from .errors import format_path  # noqa: PLC0415

    lang = args.lang
    written = [pin for result, _ in results for pin in result.written]
    findings: list[Finding] = []
    for result, notes in results:
        findings += [*(result.stale if args.check else ()), *result.problems, *notes]
    files = len({pin.source for pin in written})
    status = 1 if _errors(findings) or (args.check and written) else 0
    if args.format == "json":
        payload = {
            "format_version": render_json.FORMAT_VERSION,
            "check": args.check,
            "pins": [
                {
                    "source": pin.source,
                    "line": pin.line,
                    "column": pin.column,
                    "document": pin.document,
                    "path": list(pin.path),
                    "path_text": format_path(pin.path),
                    "what": pin.what,
                    "id": pin.pin.id,
                    "version": pin.pin.version,
                    "fingerprint": pin.pin.fingerprint,
                }
                for pin in written
            ],
            "findings": [render_json.finding(f, lang) for f in findings],
            "summary": {"pins": len(written), "files": files},
        }
        out.write(render_json.dumps(payload))
        return status
    style = render_text.Style.for_stream(out)
    for result, notes in results:
        if not args.check:
            for pin in result.written:
                line = ui(
                    "cli.pinned",
                    lang,
                    place=f"{pin.source}:{pin.line}:{pin.column}",
                    path=format_path(pin.path),
                    what=ui(f"cli.pinned_{pin.what}", lang),
                    id=pin.pin.id,
                    version=pin.pin.version,
                    fingerprint=pin.pin.fingerprint,
                )
                out.write(line + "\n")
        shown = [*(result.stale if args.check else ()), *result.problems, *notes]
        out.writelines(line + "\n" for line in render_text.findings(shown, lang, style))
    key = "cli.pins_to_write" if args.check else "cli.pins_written"
    out.write(ui(key, lang, count=len(written), files=files) + "\n")
    out.write(render_text.summary(findings, lang) + "\n")
    return status


# --- demo -----------------------------------------------------------------------------------


def _cmd_demo(args: argparse.Namespace, out: TextIO) -> int:
    from . import example_path  # noqa: PLC0415 - keeps the command's start light
    from .plans import InspectionPlan  # noqa: PLC0415
    from .synthesis import synthesize  # noqa: PLC0415

    workspace, problems = _workspace([example_path()], args.lang)
    findings = sorted([*problems, *workspace.validate()], key=_by_place)
    # A plan that names a document the example lacks is not synthesised (QT310 says why).
    plans = sorted(
        (plan for plan in workspace.all(InspectionPlan) if not _unresolved(plan, workspace)),
        key=lambda plan: (plan.period.start, plan.id),
    )
    # Each plan is synthesised as of the last day of its period.
    syntheses = [synthesize(workspace, plan.id, as_of=plan.period.end) for plan in plans]
    status = 1 if _errors(findings) else 0
    if args.format == "json":
        payload = {
            "format_version": render_json.FORMAT_VERSION,
            "syntheses": [render_json.synthesis(s, args.lang) for s in syntheses],
            "findings": [render_json.finding(f, args.lang) for f in findings],
        }
        out.write(render_json.dumps(payload))
        return status
    if args.format in ("markdown", "html"):
        out.write(_synthesis_output(syntheses, workspace, args))
        return status
    style = render_text.Style.for_stream(out)
    heading = ui("cli.demo_heading", args.lang, count=len(workspace), schema=SCHEMA)
    out.write(style(heading, "bold") + "\n")
    kinds: dict[str, int] = {}
    for document in workspace:
        kinds[type(document).kind] = kinds.get(type(document).kind, 0) + 1
    rows = [[kind, str(count)] for kind, count in sorted(kinds.items())]
    out.writelines(f"  {line}\n" for line in render_text.table([["", ""], *rows], right=(1,))[1:])
    out.writelines("\n" + render_text.synthesis(s, args.lang, style, workspace) for s in syntheses)
    out.write("\n")
    _findings_report(findings, args, out)
    return status


# --- schema ---------------------------------------------------------------------------------


def _cmd_schema(args: argparse.Namespace, out: TextIO) -> int:
    from . import schema  # noqa: PLC0415 - only this command needs it

    if args.write:
        try:
            written = schema.write_schemas(args.write)
        except OSError as exc:  # a file, a read-only folder, a full disk
            path = exc.filename or args.write
            raise UsageError(
                ui("cli.cannot_write", args.lang, path=path, detail=_detail(exc))
            ) from None
        out.writelines(f"{path}\n" for path in written)
        return 0
    if args.kind is None:
        out.write(render_json.dumps(schema.json_schemas()))
        return 0
    kinds = {kind.lower(): kind for kind in KINDS}
    kind = kinds.get(args.kind.lower())
    if kind is None:
        raise UsageError(
            f"unknown kind {args.kind!r} (expected one of: {', '.join(sorted(KINDS))})"
        )
    out.write(schema.dump_schema(schema.json_schema(kind)))
    return 0


# --- the parser -----------------------------------------------------------------------------


def _common(formats: Sequence[str]) -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--format", choices=formats, default="text", help="output format")
    common.add_argument("--lang", choices=("vi", "en"), default="vi", help="language (vi)")
    common.add_argument("--output", metavar="FILE", help="write to FILE instead of the terminal")
    return common


#: What ``--help`` says of the default of ``--workspace``.
_DEFAULT_WORKSPACE = (
    "the current folder; in a folder with a pyproject.toml, the folder named by its"
    " [tool.quytac] workspace"
)


def _parser() -> argparse.ArgumentParser:
    common = _common(FORMATS)
    reports = _common(REPORT_FORMATS)
    header = argparse.ArgumentParser(add_help=False)
    header.add_argument(
        "--number", metavar="TEXT", help='the report\'s number for its header ("215/BC-SVHTT")'
    )
    header.add_argument(
        "--place", metavar="TEXT", help="the place in the header's date (the province's name)"
    )

    parser = argparse.ArgumentParser(
        prog="quytac",
        description="Inspect the implementation of codes of conduct (quy tắc ứng xử).",
    )
    parser.add_argument("--version", action="version", version=f"quytac {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser(
        "validate", parents=[common], help="check YAML/JSON files or folders and list every problem"
    )
    validate.add_argument("paths", nargs="+", metavar="PATH", help="a file or a folder")
    validate.add_argument(
        "--all",
        action="store_true",
        help="list every finding, also those another finding caused (folded into it otherwise)",
    )
    validate.set_defaults(run=_cmd_validate)

    score = commands.add_parser(
        "score",
        parents=[reports],
        help="score reports and inspection records (YAML streams, JSON, JSON Lines)",
    )
    score.add_argument("records", nargs="+", metavar="RECORD", help="a file or a folder")
    score.add_argument(
        "--checklist", metavar="ID", help="score against this checklist, not the plan's"
    )
    score.add_argument(
        "--workspace",
        metavar="DIR",
        help=f"the folder of plans, checklists and units (default: {_DEFAULT_WORKSPACE})",
    )
    score.add_argument(
        "--explain",
        action="store_true",
        help="explain each score: every item, its answer, points and why (always in markdown"
        " and html)",
    )
    score.set_defaults(run=_in_workspace(_cmd_score))

    synthesize = commands.add_parser(
        "synthesize", parents=[reports, header], help="the synthesis of a plan on a date"
    )
    synthesize.add_argument("plan", metavar="PLAN_ID", help="the plan's id")
    synthesize.add_argument(
        "--workspace", metavar="DIR", help=f"the workspace (default: {_DEFAULT_WORKSPACE})"
    )
    synthesize.add_argument(
        "--as-of",
        metavar="DATE",
        help="the date of the synthesis, YYYY-MM-DD (default: today's date in Vietnam, UTC+7)",
    )
    synthesize.set_defaults(run=_in_workspace(_cmd_synthesize))

    test = commands.add_parser(
        "test", parents=[common], help="check checklists and run their examples"
    )
    test.add_argument("paths", nargs="+", metavar="PATH", help="a file or a folder")
    test.set_defaults(run=_cmd_test)

    pin = commands.add_parser(
        "pin",
        parents=[common],
        help="write the {id, version, fingerprint} pins into reports and records",
    )
    pin.add_argument("files", nargs="+", metavar="FILE", help="a file or a folder")
    pin.add_argument(
        "--workspace",
        metavar="DIR",
        help=f"the folder of plans, checklists and outlines (default: {_DEFAULT_WORKSPACE})",
    )
    pin.add_argument(
        "--check",
        action="store_true",
        help="write nothing; list the pins that are missing or do not hold, exit 1 if any",
    )
    pin.set_defaults(run=_in_workspace(_cmd_pin))

    schema = commands.add_parser(
        "schema", help="print the JSON Schema of the document kinds, or write them to a folder"
    )
    schema.add_argument(
        "kind", nargs="?", help="one kind (UnitCatalog, Checklist ...); all if omitted"
    )
    schema.add_argument(
        "--write", metavar="DIR", help="write one <kind>.schema.json file a kind into DIR"
    )
    schema.add_argument("--output", metavar="FILE", help="write to FILE instead of the terminal")
    schema.set_defaults(run=_cmd_schema, lang="en")

    demo = commands.add_parser(
        "demo", parents=[reports, header], help="run the bundled Hanoi example, end to end"
    )
    demo.set_defaults(run=_cmd_demo)
    return parser


def _inputs(args: argparse.Namespace) -> tuple[list[str], list[str]]:
    """
    What a command reads: the paths it is given (files and folders) and its workspace.
    """
    if args.command == "demo":
        from . import example_path  # noqa: PLC0415 - keeps the command's start light

        paths = [example_path()]
    else:
        paths = [*getattr(args, "paths", ()), *getattr(args, "records", ())]
        if hasattr(args, "workspace"):
            if args.workspace is None:
                args.workspace = _default_workspace(args.lang)
            paths.append(args.workspace)
    return [p for p in paths if Path(p).exists()], [p for p in paths if Path(p).is_dir()]


def _read_by(args: argparse.Namespace, paths: Sequence[str]) -> Iterator[str]:
    """
    Every file the command reads under its paths (only looked for when the output exists).
    """
    yield from paths
    yield from walk(paths)[0]
    if args.command == "score":
        yield from walk(args.records, RECORD_SUFFIXES)[0]


def _refuse_inputs(args: argparse.Namespace) -> None:
    """
    A usage error when ``--output`` would overwrite what the command reads.
    """
    paths, folders = _inputs(args)
    found = _output.clash(args.output, _read_by(args, paths), folders)
    if found is None:
        return
    if found in folders:
        raise UsageError(ui("cli.output_in_folder", args.lang, path=args.output, folder=found))
    raise UsageError(ui("cli.output_is_input", args.lang, path=args.output, input=found))


def _run(args: argparse.Namespace) -> int:
    """
    Run the command, its output on stdout or in ``--output`` (replaced when it has finished).
    """
    if not args.output:
        if sys.stdout is None or sys.stdout.closed:  # started with it closed: `quytac ... >&-`
            raise OSError(errno.EBADF, os.strerror(errno.EBADF))
        args.out = sys.stdout
        status: int = args.run(args, sys.stdout)
        sys.stdout.flush()
        return status
    _refuse_inputs(args)
    with contextlib.ExitStack() as stack:
        try:
            out = stack.enter_context(_output.replaced(args.output))
        except OSError as exc:
            raise UsageError(
                ui("cli.cannot_write", args.lang, path=args.output, detail=_detail(exc))
            ) from None
        args.out = out
        status = args.run(args, out)
    return status


def _detail(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _escaping(stream: TextIO | None) -> None:
    """
    Write what the stream's encoding cannot (Vietnamese under ``PYTHONIOENCODING=ascii``, a
    file name that is not UTF-8) as ``\\u`` escapes, not as a UnicodeEncodeError.
    """
    if isinstance(stream, io.TextIOWrapper) and stream.errors != _output.ESCAPE:
        with contextlib.suppress(OSError, ValueError):
            stream.reconfigure(errors=_output.ESCAPE)


def _tell(args: argparse.Namespace, *lines: str) -> None:
    """
    Lines on stderr, the first as ``quytac COMMAND: line`` (when there is a stderr to write to).
    """
    if sys.stderr is None:
        return
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write(f"quytac {args.command}: {lines[0]}\n" if lines else "")
        sys.stderr.writelines(line + "\n" for line in lines[1:])
        sys.stderr.flush()


def _quiet_stdout() -> None:
    """
    Point stdout at the null device, so that Python's last flush at exit does not fail again on
    what could not be written.
    """
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _stopped(args: argparse.Namespace, exc: Exception) -> int:
    """
    Say why the command stopped, in one line or as located problems; the exit status.
    """
    if isinstance(exc, LoadError):
        style = render_text.Style.for_stream(sys.stderr)
        lines = render_text.findings(exc.problems, args.lang, style)
        if sys.stderr is not None:
            with contextlib.suppress(OSError, ValueError):
                sys.stderr.writelines(line + "\n" for line in lines)
        return 1
    if isinstance(exc, BrokenPipeError):
        # The reader went away (`quytac demo | head`): not an error of ours.
        if not args.output:
            _quiet_stdout()
        return 1
    if isinstance(exc, UsageError):
        _tell(args, str(exc))
    elif isinstance(exc, QuytacError):
        _tell(args, ui("cli.stopped", args.lang, detail=exc))
    elif isinstance(exc, OSError) and exc.filename not in (None, args.output):
        _tell(args, ui("cli.cannot_read", args.lang, path=exc.filename, detail=_detail(exc)))
    elif isinstance(exc, OSError):
        # The output could not be written (a full disk, /dev/full, a closed stdout).
        shown = args.output or ui("cli.stdout", args.lang)
        _tell(args, ui("cli.cannot_write", args.lang, path=shown, detail=_detail(exc)))
        if not args.output:
            _quiet_stdout()
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    """
    Run the command line; returns the exit status.
    """
    args = _parser().parse_args(argv)
    _escaping(sys.stdout)
    _escaping(sys.stderr)
    try:
        return _run(args)
    except (UsageError, QuytacError, OSError) as exc:
        return _stopped(args, exc)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
