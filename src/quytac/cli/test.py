"""
``quytac test``: checklists checked against their own rules, and their examples run.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, TextIO

import attrs

from quytac.errors import Finding, Severity
from quytac.render import json as render_json
from quytac.render import text as render_text
from quytac.render._ui import ui

from ._common import UsageError, _by_place, _errors, _workspace

if TYPE_CHECKING:
    import argparse

    from quytac.checklists import Checklist
    from quytac.workspace import Workspace


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
    from quytac.scoring import _located_examples  # noqa: PLC0415
    from quytac.validation import _checklist_rules, issues_of  # noqa: PLC0415

    rules: list[Finding] = list(_checklist_rules(workspace, checklist))
    failures: list[Finding] = list(_located_examples(workspace, checklist))
    # The examples as validate links them: after an item id used twice, what they find follows
    # from it (its cause), so that the failures fold under it.
    linked = {
        (f.code, f.path): f
        for f in workspace.locate(checklist, issues_of(checklist, workspace))
        if f not in rules
    }
    failures = [linked.get((f.code, f.path), f) for f in failures]
    failing = {
        f.path[1]
        for f in failures
        if len(f.path) > 1 and f.path[0] == "examples" and f.severity == Severity.ERROR
    }
    return _Tested(
        checklist=checklist,
        issues=rules,
        examples=len(checklist.examples),
        failed=len(failing),
        failures=failures,
    )


def run(args: argparse.Namespace, out: TextIO) -> int:
    from quytac.checklists import Checklist  # noqa: PLC0415

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
    # One line a mistake, as validate lists them (every finding with --all).
    shown = functools.partial(render_text.mistakes, lang=args.lang, style=style, every=args.all)
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
