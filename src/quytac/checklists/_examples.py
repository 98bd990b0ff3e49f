"""
Golden examples: answers and what they must score.
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from quytac._checks import non_empty_text

from ._answers import Answers


@attrs.frozen(kw_only=True)
class Expectation:
    """
    What an example's answers must score; only the keys given are checked.

    Attributes:
        percent: The percent: equal to the exact value, or to it rounded as the checklist shows
            percents.
        no_score: True when nothing is scored ("no score").
        band: The id of the band reached.
        awarded: The points awarded.
        maximum: The points that could be awarded.
        capped_by: The ids of the failed critical items.

    .. versionadded:: 2026.11.0
    """

    percent: Decimal | None = None
    no_score: bool = False
    band: str | None = None
    awarded: Decimal | None = None
    maximum: Decimal | None = None
    capped_by: tuple[str, ...] | None = None


@attrs.frozen(kw_only=True)
class Example:
    """
    A golden case: answers and what they must score. ``quytac test`` runs them.

    Attributes:
        name: What the case is.
        answers: The answers, by item id.
        expect: What they must score.

    .. versionadded:: 2026.11.0
    """

    name: str = attrs.field(validator=non_empty_text)
    answers: Answers = Answers()  # noqa: RUF009 - frozen, shared safely
    expect: Expectation = Expectation()
