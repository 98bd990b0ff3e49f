"""
How a checklist is scored: the model, what a failed critical item does, the bands and how
percents are rounded.
"""

from __future__ import annotations

import enum
from decimal import Decimal

import attrs

from quytac._checks import Bound, non_empty_text, percent
from quytac._nearest import Hint, of_documents
from quytac.text import Text

#: Answers any item may take besides its values.
NA = "na"
NOT_OBSERVED = "not_observed"
MISSING = "missing"


class Model(enum.StrEnum):
    """
    How answers become a score (DESIGN §4).

    ``points``: 100 × awarded / maximum over every counted item.
    ``weighted``: weighted means of sections (XCCDF 1.2 ``default``).
    ``flat``: the points themselves, awarded out of maximum (and their percent).
    ``absolute``: 100 when every counted item is fully met, else 0.

    .. versionadded:: 2026.11.0
    """

    POINTS = "points"
    WEIGHTED = "weighted"
    FLAT = "flat"
    ABSOLUTE = "absolute"


class Unanswered(enum.StrEnum):
    """
    The ways an item can lack a value that a policy may count as failed.

    .. versionadded:: 2026.11.0
    """

    NOT_OBSERVED = NOT_OBSERVED
    MISSING = MISSING


class ZeroScope(enum.StrEnum):
    """
    What a failed critical item zeroes: its ``section`` or the whole ``score``.

    .. versionadded:: 2026.11.0
    """

    SECTION = "section"
    SCORE = "score"


@attrs.frozen(kw_only=True)
class CriticalPolicy:
    """
    What a failed critical item (one not fully met) does.

    Attributes:
        cap_band: The best band the checklist can reach, by id.
        zero: ``section`` (its section scores 0) or ``score`` (the score is 0).

    .. versionadded:: 2026.11.0
    """

    cap_band: str | None = None
    zero: ZeroScope | None = None

    @property
    def declared(self) -> bool:
        """
        Whether failing a critical item has any effect.
        """
        return self.cap_band is not None or self.zero is not None


@attrs.frozen(kw_only=True)
class Band:
    """
    A band of scores (Tốt, Khá ...): reached by a percent of at least ``min``.

    Attributes:
        id: The band's id, which ``cap_band`` and examples name (``tot``).
        label: Its name (Tốt, Khá).
        min: The least percent that reaches it, 0 to 100.

    .. versionadded:: 2026.11.0
    """

    id: str = attrs.field(validator=non_empty_text)
    label: Text
    min: Decimal = attrs.field(validator=percent)


class RoundingMode(enum.StrEnum):
    """
    How a percent is rounded for display; bands never see the rounded value.

    .. versionadded:: 2026.11.0
    """

    HALF_UP = "half_up"
    HALF_EVEN = "half_even"
    DOWN = "down"
    UP = "up"


@attrs.frozen(kw_only=True)
class Rounding:
    """
    How many decimal places a percent is shown with, and how it is rounded (half up).

    Attributes:
        places: The decimal places shown, 0 to 10.
        mode: ``half_up`` (the default), ``half_even``, ``down`` or ``up``.

    .. versionadded:: 2026.11.0
    """

    places: int = attrs.field(default=2, validator=Bound(minimum=0, maximum=10))
    mode: RoundingMode = RoundingMode.HALF_UP


@attrs.frozen(kw_only=True)
class ScoringPolicy:
    """
    How a checklist is scored.

    Attributes:
        model: points, weighted, flat or absolute.
        counts_as_fail: Which of ``not_observed`` and ``missing`` count as failed; the others
            are left out like ``na``.
        critical: What a failed critical item does.
        bands: The bands, highest first, covering 0..100.
        rounding: How percents are shown.

    .. versionadded:: 2026.11.0
    """

    model: Model = Model.POINTS
    counts_as_fail: tuple[Unanswered, ...] = (Unanswered.NOT_OBSERVED, Unanswered.MISSING)
    critical: CriticalPolicy = CriticalPolicy()
    bands: tuple[Band, ...] = ()
    rounding: Rounding = Rounding()


def band_hint(given: str, policy: ScoringPolicy) -> Hint:
    """
    The hint for a band id that names no band: the band ids, with their labels matched too
    (``Khá`` given for ``kha``).
    """
    return of_documents(given, policy.bands)
