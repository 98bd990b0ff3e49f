"""
How a unit's self-assessment agrees with the inspectors' appraisal, item by item.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from quytac.errors import ScoreError, Severity

from .explain import _item_results
from .plan import Status

if TYPE_CHECKING:
    from .compute import Score


@attrs.frozen(kw_only=True)
class ItemAgreement:
    """
    One item as self-assessed and as appraised.

    .. versionadded:: 2026.11.0
    """

    id: str
    self_status: Status
    appraised_status: Status
    self_awarded: Fraction | None
    appraised_awarded: Fraction | None
    maximum: Fraction

    @property
    def agrees(self) -> bool:
        """
        Whether both counted the item with the same points, or both left it out.
        """
        return self.self_awarded == self.appraised_awarded

    @property
    def difference(self) -> Fraction | None:
        """
        Appraised minus self-assessed points, when both counted the item.
        """
        if self.self_awarded is None or self.appraised_awarded is None:
            return None
        return self.appraised_awarded - self.self_awarded


@attrs.frozen(kw_only=True)
class Agreement:
    """
    How a unit's self-assessment compares with the inspectors' appraisal, item by item.

    Attributes:
        items: Every item counted in at least one of the two scores.
        agreeing: How many of them agree.
        share: agreeing / compared, or None when nothing was compared.
        difference: Appraised percent minus self-assessed percent (percent points), or None.

    .. versionadded:: 2026.11.0
    """

    items: tuple[ItemAgreement, ...]
    agreeing: int
    share: Fraction | None
    difference: Fraction | None

    @property
    def differences(self) -> tuple[ItemAgreement, ...]:
        """
        The items on which the two scores differ.
        """
        return tuple(item for item in self.items if not item.agrees)


def compare(self_score: Score, appraised: Score) -> Agreement:
    """
    Compare a self-assessed score with an appraised score of the same checklist.

    Raises:
        ScoreError: When the two scores are of different checklists.

    .. versionadded:: 2026.11.0
    """
    mine, theirs = self_score.checklist, appraised.checklist
    if (mine.id, mine.version) != (theirs.id, theirs.version):
        raise ScoreError(
            f"cannot compare scores of different checklists: {mine.id} (version {mine.version})"
            f" and {theirs.id} (version {theirs.version})"
        )
    if mine is not theirs and mine != theirs:
        raise ScoreError(
            f"cannot compare scores of two checklists that differ but share the id {mine.id}"
            f" and version {mine.version}"
        )
    for which, given in (("self-assessment", self_score), ("appraisal", appraised)):
        if not given.ok:
            first = next(issue for issue in given.issues if issue.severity is Severity.ERROR)
            raise ScoreError(
                f"cannot compare: the {which}'s answers do not fit checklist {mine.id} ({first})"
            )
    left = self_score.explain()
    right = appraised.explain()
    pairs = zip(_item_results(left.sections), _item_results(right.sections), strict=True)
    items = tuple(
        ItemAgreement(
            id=a.id,
            self_status=a.status,
            appraised_status=b.status,
            self_awarded=a.awarded,
            appraised_awarded=b.awarded,
            maximum=a.maximum,
        )
        for a, b in pairs
        if a.counted or b.counted
    )
    agreeing = sum(1 for item in items if item.agrees)
    difference = None
    if self_score.percent is not None and appraised.percent is not None:
        difference = appraised.percent - self_score.percent
    return Agreement(
        items=items,
        agreeing=agreeing,
        share=Fraction(agreeing, len(items)) if items else None,
        difference=difference,
    )
