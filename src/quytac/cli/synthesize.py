"""
``quytac synthesize``: the synthesis of a plan on a date.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from typing import TYPE_CHECKING, TextIO

from quytac.render import json as render_json
from quytac.render import text as render_text
from quytac.render._ui import ui

from ._common import (
    UsageError,
    _by_place,
    _errors,
    _findings_report,
    _unresolved,
    _warnings,
    _workspace,
)

if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

    from quytac.errors import Finding
    from quytac.synthesis import Synthesis
    from quytac.workspace import Workspace

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
    from quytac.render import html as render_html  # noqa: PLC0415
    from quytac.render import markdown as render_markdown  # noqa: PLC0415

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


def run(args: argparse.Namespace, out: TextIO) -> int:
    from quytac.plans import InspectionPlan  # noqa: PLC0415
    from quytac.synthesis import synthesize  # noqa: PLC0415

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
    from quytac.render._view import issues  # noqa: PLC0415

    return 1 if _errors(issues(syn)) else 0
