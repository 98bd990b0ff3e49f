"""
``quytac pin``: the ``{id, version, fingerprint}`` pins written into reports and records.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import attrs

from quytac.render import json as render_json
from quytac.render import text as render_text
from quytac.render._ui import ui

from ._common import (
    UsageError,
    _by_place,
    _check_paths,
    _definitions,
    _detail,
    _errors,
    _findings_report,
    _note,
)

if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

    from quytac.errors import Finding


def run(args: argparse.Namespace, out: TextIO) -> int:
    from quytac._atomic import replace_file  # noqa: PLC0415
    from quytac._pinning import SUFFIXES, Pinned, pin_file  # noqa: PLC0415

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
                detail = {lang: _detail(exc, lang) for lang in ("en", "vi")}
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
    from quytac.errors import format_path  # noqa: PLC0415

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
