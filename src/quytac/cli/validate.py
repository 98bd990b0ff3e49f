"""
``quytac validate``: every problem of the files and folders given.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from ._common import _by_place, _errors, _findings_report, _workspace

if TYPE_CHECKING:
    import argparse


def run(args: argparse.Namespace, out: TextIO) -> int:
    workspace, problems = _workspace(args.paths, args.lang)
    findings = sorted([*problems, *workspace.validate()], key=_by_place)
    _findings_report(findings, args, out)
    return 1 if _errors(findings) else 0
