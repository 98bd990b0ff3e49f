"""
The ``quytac`` command.

Exit status: 0 when nothing is wrong, 1 when problems (errors) were found, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from ._base import SCHEMA
from ._documents import KINDS
from ._version import __version__
from .errors import Finding, Severity, format_path
from .workspace import Workspace, _files, read_files, read_paths

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["main"]

FORMAT_VERSION = 1


def _finding_json(finding: Finding, lang: str) -> dict[str, Any]:
    return {
        "source": finding.source,
        "line": finding.line,
        "column": finding.column,
        "path": list(finding.path),
        "path_text": format_path(finding.path),
        "code": finding.code,
        "severity": str(finding.severity),
        "message": finding.text(lang),
    }


def _report(findings: Sequence[Finding], args: argparse.Namespace, out: TextIO) -> int:
    if args.format == "json":
        payload = {
            "format_version": FORMAT_VERSION,
            "findings": [_finding_json(f, args.lang) for f in findings],
        }
        out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        out.writelines(finding.render(args.lang) + "\n" for finding in findings)
        errors = sum(1 for f in findings if f.severity == Severity.ERROR)
        warnings = len(findings) - errors
        if args.lang == "vi":
            summary = f"{errors} lỗi, {warnings} cảnh báo"
        else:
            summary = (
                f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
            )
        out.write(summary + "\n")
    return 1 if any(f.severity == Severity.ERROR for f in findings) else 0


def _validate(paths: Sequence[str]) -> list[Finding]:
    documents, problems = read_files(_files(paths))
    workspace = Workspace(
        documents=tuple(doc for doc, _ in documents),
        origins=tuple(origin for _, origin in documents),
    )
    return sorted([*problems, *workspace.validate()], key=_by_place)


def _by_place(finding: Finding) -> tuple[str, int, int, str]:
    return (finding.source, finding.line or 0, finding.column or 0, finding.code)


def _cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        sys.stderr.write(f"quytac validate: no such file or folder: {', '.join(missing)}\n")
        return 2
    if not _files(args.paths):
        sys.stderr.write(
            f"quytac validate: no .yaml, .yml or .json file in {', '.join(args.paths)}\n"
        )
        return 2
    return _report(_validate(args.paths), args, out)


def _cmd_demo(args: argparse.Namespace, out: TextIO) -> int:
    from . import example_path  # noqa: PLC0415 - keeps the command's start light
    from .plans import InspectionPlan  # noqa: PLC0415
    from .synthesis import synthesize  # noqa: PLC0415

    folder = example_path()
    documents, problems = read_paths([folder])
    workspace = Workspace(
        documents=tuple(doc for doc, _ in documents),
        origins=tuple(origin for _, origin in documents),
    )
    workspace_findings = sorted([*problems, *workspace.validate()], key=_by_place)
    plans = sorted(workspace.all(InspectionPlan), key=lambda plan: (plan.period.start, plan.id))
    # Each plan is synthesised as of the last day of its period.
    syntheses = [synthesize(workspace, plan.id, as_of=plan.period.end) for plan in plans]
    if args.format == "json":
        payload = {
            "format_version": FORMAT_VERSION,
            "syntheses": [synthesis.to_json(args.lang) for synthesis in syntheses],
            "findings": [_finding_json(f, args.lang) for f in workspace_findings],
        }
        out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return 1 if any(f.severity == Severity.ERROR for f in workspace_findings) else 0
    heading = "Ví dụ Hà Nội 2023" if args.lang == "vi" else "The Hanoi 2023 example"
    out.write(f"{heading}: {len(documents)} documents ({SCHEMA})\n")
    kinds: dict[str, int] = {}
    for document, _ in documents:
        kinds[type(document).kind] = kinds.get(type(document).kind, 0) + 1
    out.writelines(f"  {kind:<16} {count}\n" for kind, count in sorted(kinds.items()))
    out.writelines("\n" + synthesis.render(args.lang) for synthesis in syntheses)
    out.write("\n")
    return _report(workspace_findings, args, out)


def _cmd_schema(args: argparse.Namespace, out: TextIO) -> int:
    from . import schema  # noqa: PLC0415 - only this command needs it

    if args.write:
        out.writelines(f"{path}\n" for path in schema.write_schemas(args.write))
        return 0
    if args.kind is None:
        out.write(json.dumps(schema.json_schemas(), ensure_ascii=False, indent=2) + "\n")
        return 0
    kinds = {kind.lower(): kind for kind in KINDS}
    kind = kinds.get(args.kind.lower())
    if kind is None:
        sys.stderr.write(
            f"quytac schema: unknown kind {args.kind!r} (expected one of:"
            f" {', '.join(sorted(KINDS))})\n"
        )
        return 2
    out.write(schema.dump_schema(schema.json_schema(kind)))
    return 0


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    common.add_argument("--lang", choices=("vi", "en"), default="vi", help="language of messages")
    common.add_argument("--output", metavar="FILE", help="write to FILE instead of the terminal")

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
    validate.set_defaults(run=_cmd_validate)

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
    schema.set_defaults(run=_cmd_schema)

    demo = commands.add_parser("demo", parents=[common], help="run the bundled Hanoi example")
    demo.set_defaults(run=_cmd_demo)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """
    Run the command line; returns the exit status.
    """
    args = _parser().parse_args(argv)
    if args.output:
        try:
            out = Path(args.output).open("w", encoding="utf-8")  # noqa: SIM115 - closed below
        except OSError as exc:
            sys.stderr.write(f"quytac {args.command}: cannot write {args.output}: {exc.strerror}\n")
            return 2
        with out:
            status: int = args.run(args, out)
        return status
    status = args.run(args, sys.stdout)
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
