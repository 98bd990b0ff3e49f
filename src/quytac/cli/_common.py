"""
What the subcommands share: usage errors, reading the paths and the workspace, the report of
findings, and the findings of the command itself.
"""

from __future__ import annotations

import argparse
import errno
import sys
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import attrs

from quytac import _messages
from quytac._documents import SUFFIXES
from quytac.errors import Finding, Severity
from quytac.render import json as render_json
from quytac.render import text as render_text
from quytac.render._ui import ui
from quytac.workspace import Workspace, read_files, walk

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from quytac.errors import Issue
    from quytac.plans import InspectionPlan

#: The formats of every command that reports, and those of the commands that write a report.
FORMATS = ("text", "json")
REPORT_FORMATS = ("text", "json", "markdown", "html")

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
                    ui("cli.cannot_read", lang, path=path, detail=_detail(exc, lang))
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
        return f"{where}: {Severity(self.severity).word(lang)}: {self.text(lang)}"


def _note(key: str, source: str, line: int | None, **params: object) -> Finding:
    """
    A note of the command; a parameter given as ``{"en": …, "vi": …}`` is a word of each.
    """

    def said(lang: str) -> str:
        words = {k: v[lang] if isinstance(v, dict) else v for k, v in params.items()}
        return ui(key, lang, **words)

    return Note(
        code="",
        severity=Severity.ERROR,
        path=(),
        message=said("en"),
        message_vi=said("vi"),
        source=source,
        line=line,
    )


def _definitions(folder: str, lang: str) -> tuple[Workspace, list[Finding]]:
    """
    The definitions under a folder (reports and records are left out: they are what is scored).
    """
    from quytac.records import InspectionRecord, Report  # noqa: PLC0415

    _existing([folder], lang)
    if not Path(folder).is_dir():
        raise UsageError(ui("cli.no_such_path", lang, paths=folder))
    files, unread = walk([folder])
    documents, problems = read_files(files)
    kept = [(d, o) for d, o in documents if not isinstance(d, Report | InspectionRecord)]
    return Workspace.of_read(kept), [*unread, *problems]


def _unresolved(plan: InspectionPlan, workspace: Workspace) -> list[Issue]:
    """
    The documents a plan names that the workspace does not hold (its catalog, codes,
    checklists, outlines: QT310), at their places.
    """
    from quytac.validation import issues_of  # noqa: PLC0415

    found = [i for i in issues_of(plan, workspace) if i.code == "QT310"]
    return workspace.locate(plan, found)


def _detail(exc: OSError, lang: str = "en") -> str:
    """
    Why a file cannot be read or written, in ``lang``: the system's own words in English.
    """
    return _messages.os_detail(exc)["detail_vi" if lang == "vi" else "detail"]
