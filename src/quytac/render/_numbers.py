"""
Numbers as the renderings write them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quytac.checklists import Rounding
from quytac.scoring import _plain, round_percent

if TYPE_CHECKING:
    from fractions import Fraction

__all__ = ["percent_text"]


def percent_text(value: Fraction, rounding: Rounding = Rounding()) -> str:  # noqa: B008
    """
    A percent (or a difference of percents) as its decimal text, the one rendering of the
    synthesis and of ``Score.shown``: rounded by the declared rule (two places, half up, by
    default), then written without trailing zeros: ``87.5``, ``66.67``, ``-19.5``.
    """
    rounded = round_percent(abs(value), rounding)
    return _plain(-rounded if value < 0 else rounded)
