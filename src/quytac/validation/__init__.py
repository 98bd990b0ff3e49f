"""
Validation: the rules every document must keep, one module per document kind.

A rule is given the document and a read-only context of the definitions it refers to (a
``Workspace``, or ``Definitions`` of a few documents), so it runs on one document in no
workspace too. ``issues_of`` gives one document's issues, with paths into the document;
``validate`` runs them over a workspace and places each issue in its file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from quytac.checklists import Checklist
from quytac.codes import ConductCode
from quytac.errors import Finding, Issue
from quytac.outlines import ReportOutline
from quytac.plans import InspectionPlan
from quytac.records import InspectionRecord, Report
from quytac.units import UnitCatalog
from quytac.workspace import Workspace, use_rules

from ._context import Context, Definitions
from .checklists import checklist_issues
from .codes import code_issues
from .outlines import outline_issues
from .plans import plan_issues
from .records import answer_issues
from .units import catalog_issues

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from quytac._documents import Document

__all__ = ["Context", "Definitions", "issues_of", "validate"]


def issues_of(document: Document, context: Context | None = None) -> Iterator[Issue]:
    """
    The issues of one document, with paths into it (not yet placed in a file), its references
    looked up in ``context``; without a context, the references to other documents are not
    checked.

    .. versionadded:: 2026.12.0
    """
    return _RULES[type(document)](document, context)


#: The rules of each document kind.
_RULES: dict[type[Any], Callable[[Any, Context | None], Iterator[Issue]]] = {
    Checklist: checklist_issues,
    ConductCode: code_issues,
    InspectionPlan: plan_issues,
    InspectionRecord: answer_issues,
    Report: answer_issues,
    ReportOutline: outline_issues,
    UnitCatalog: catalog_issues,
}


def validate(workspace: Workspace) -> tuple[Issue, ...]:
    """
    Every issue of every document in a workspace, located, sorted by source, line and column.

    .. versionadded:: 2026.11.0
    """
    found: list[Issue] = []
    for document in workspace.documents:
        found += workspace.locate(document, issues_of(document, workspace))
    return tuple(sorted(found, key=_order))


use_rules(validate)


def _checklist_rules(workspace: Workspace, checklist: Checklist) -> list[Issue]:
    """
    The issues of a checklist's own rules (its examples left out), located and sorted by place,
    its references looked up in the workspace: what ``quytac test`` and the pytest plugin check
    before the examples.
    """
    return sorted(
        workspace.locate(checklist, checklist_issues(checklist, workspace, examples=False)),
        key=_order,
    )


def _order(finding: Finding) -> tuple[str, int, int, str, str]:
    return (
        finding.source,
        finding.line or 0,
        finding.column or 0,
        finding.code,
        str(finding.path),
    )
