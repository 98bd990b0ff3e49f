"""
Validation of a workspace: every document's own rules and its references to other documents.

Each document kind carries its rules as an ``issues(workspace)`` method that yields Issues with
paths relative to the document; this module runs them all and places each issue in its file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import Finding, Issue

if TYPE_CHECKING:
    from .checklists import Checklist
    from .workspace import Workspace

__all__ = ["validate"]


def validate(workspace: Workspace) -> tuple[Issue, ...]:
    """
    Every issue of every document in a workspace, located, sorted by source, line and column.

    .. versionadded:: 2026.11.0
    """
    found: list[Issue] = []
    for document in workspace.documents:
        found += workspace.locate(document, document.issues(workspace))
    return tuple(sorted(found, key=_order))


def _checklist_rules(workspace: Workspace, checklist: Checklist) -> list[Issue]:
    """
    The issues of a checklist's own rules (its examples left out), located and sorted by place,
    its references looked up in the workspace: what ``quytac test`` and the pytest plugin check
    before the examples.
    """
    return sorted(
        workspace.locate(checklist, checklist.issues(workspace, examples=False)), key=_order
    )


def _order(finding: Finding) -> tuple[str, int, int, str, str]:
    return (
        finding.source,
        finding.line or 0,
        finding.column or 0,
        finding.code,
        str(finding.path),
    )
