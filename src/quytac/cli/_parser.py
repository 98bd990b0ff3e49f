"""
The parser of the command line: the subcommands, their options and their help.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from quytac._version import __version__
from quytac.cli import demo as demo_cmd
from quytac.cli import pin as pin_cmd
from quytac.cli import schema as schema_cmd
from quytac.cli import score as score_cmd
from quytac.cli import synthesize as synthesize_cmd
from quytac.cli import test as test_cmd
from quytac.cli import validate as validate_cmd

from ._common import FORMATS, REPORT_FORMATS, _in_workspace

if TYPE_CHECKING:
    from collections.abc import Sequence


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
    validate.set_defaults(run=validate_cmd.run)

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
    score.set_defaults(run=_in_workspace(score_cmd.run))

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
    synthesize.set_defaults(run=_in_workspace(synthesize_cmd.run))

    test = commands.add_parser(
        "test", parents=[common], help="check checklists and run their examples"
    )
    test.add_argument("paths", nargs="+", metavar="PATH", help="a file or a folder")
    test.set_defaults(run=test_cmd.run)

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
    pin.set_defaults(run=_in_workspace(pin_cmd.run))

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
    schema.set_defaults(run=schema_cmd.run, lang="en")

    demo = commands.add_parser(
        "demo", parents=[reports, header], help="run the bundled Hanoi example, end to end"
    )
    demo.set_defaults(run=demo_cmd.run)
    return parser
