"""
``quytac demo``: the bundled Hanoi example, end to end.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from quytac._base import SCHEMA
from quytac.render import json as render_json
from quytac.render import text as render_text
from quytac.render._ui import ui

from ._common import _by_place, _errors, _findings_report, _unresolved, _workspace
from .synthesize import _synthesis_output

if TYPE_CHECKING:
    import argparse


def run(args: argparse.Namespace, out: TextIO) -> int:
    from quytac._bundled import example_path  # noqa: PLC0415 - keeps the command's start light
    from quytac.plans import InspectionPlan  # noqa: PLC0415
    from quytac.synthesis import synthesize  # noqa: PLC0415

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
    named = {kind: ui(f"doc.{kind}", args.lang) for kind in kinds}
    rows = [
        [named[kind][:1].upper() + named[kind][1:], str(n)] for kind, n in sorted(kinds.items())
    ]
    out.writelines(f"  {line}\n" for line in render_text.table([["", ""], *rows], right=(1,))[1:])
    out.writelines("\n" + render_text.synthesis(s, args.lang, style, workspace) for s in syntheses)
    out.write("\n")
    _findings_report(findings, args, out)
    return status
