"""
The error of scoring: answers that are not scored, scores that cannot be compared.

It has a module of its own so that it can move to ``quytac.errors`` with the other public
exceptions; ``quytac.scoring.ScoreError`` names it wherever it lives.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quytac.errors import Issue, QuytacError

if TYPE_CHECKING:
    from collections.abc import Iterable


class ScoreError(QuytacError, ValueError):
    """
    Raised when answers are not scored, or scores cannot be compared: a record pinned to
    another checklist or edition (``quytac.iter_scores``), scores of different checklists.

    Attributes:
        issues: What refused the scoring, as ``validate`` gives it (code, path, message, and
            ``file:line:column`` when the record was read from a file); empty when it is not
            a rule of a document (two scores that cannot be compared).

    .. versionadded:: 2026.11.0
    .. versionchanged:: 2026.11.0
       ``issues``; a refused record's message is its issues, one a line.
    """

    #: Its name in messages and tracebacks, as before scoring became a package.
    __module__ = "quytac.scoring"

    def __init__(self, message: str, issues: tuple[Issue, ...] = ()) -> None:
        super().__init__(message)
        self.issues = issues

    @classmethod
    def of(cls, issues: Iterable[Issue]) -> ScoreError:
        """
        The error of issues that refuse a scoring: its message shows them, one a line.
        """
        found = tuple(issues)
        return cls("\n".join(issue.render() for issue in found), found)

    def __reduce__(self) -> tuple[type[ScoreError], tuple[str, tuple[Issue, ...]]]:
        # Raised in a worker process, it reaches the caller with its issues.
        return (type(self), (str(self), self.issues))
