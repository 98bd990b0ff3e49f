"""
The golden examples of a checklist (``examples:``): each one scored, and an issue for every
answer that does not fit and every expectation that fails.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Protocol

import attrs

from quytac import _messages
from quytac.checklists import (
    Checklist,
    Expectation,
    band_hint,
)
from quytac.errors import Issue, Severity, _order

from .compute import score
from .plan import Path, _plain

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from .compute import Score


class _Locator(Protocol):
    """
    What places findings about a document at their file, line and column (a ``Workspace``).
    """

    def locate(self, document: Checklist, findings: Iterable[Issue]) -> list[Issue]: ...


def run_examples(checklist: Checklist) -> Iterator[Issue]:
    """
    Run a checklist's ``examples:``; yield an issue for every answer that does not fit and for
    every expectation that fails, with its path (``examples[2].expect.percent``).

    .. versionadded:: 2026.11.0
    """
    bands = {band.id for band in checklist.scoring.bands}
    for position, example in enumerate(checklist.examples):
        where: Path = ("examples", position)
        result = score(checklist, example.answers, path=(*where, "answers"))
        # An answer that does not fit leaves the example without a score: the expectations it
        # then misses follow from the first such answer.
        cause = (checklist.kind, checklist.id, *map(str, where))
        first = next((i for i in result.issues if i.severity is Severity.ERROR), None)
        for issue in result.issues:
            yield attrs.evolve(issue, cause=cause) if issue is first else issue
        band = example.expect.band
        unknown_band = band is not None and band not in bands
        if band is not None and unknown_band:
            found = band_hint(band, checklist.scoring)
            yield _messages.make(
                Issue,
                "QT461",
                (*where, "expect", "band"),
                hint=found,
                cause=(*cause, "band"),
                name=repr(example.name),
                band=repr(band),
                allowed=found.shown or "(no bands)",
            )
        for key, expected, got in _misses(result, example.expect):
            if first is not None:
                followed: tuple[str, ...] = cause
            else:
                followed = (*cause, "band") if key == "band" and unknown_band else ()
            yield _messages.make(
                Issue,
                "QT460",
                (*where, "expect", key),
                cause=followed,
                follows=bool(followed),
                name=repr(example.name),
                what=key,
                expected=expected,
                expected_vi=_messages.score_word(expected, "vi"),
                got=got,
                got_vi=_messages.score_word(got, "vi"),
            )


def _located_examples(workspace: _Locator, checklist: Checklist) -> list[Issue]:
    """
    The issues of :func:`run_examples`, placed at their file, line and column by the
    workspace the checklist was read into, and sorted by place: what ``quytac test`` and the
    pytest plugin show.
    """
    return sorted(workspace.locate(checklist, run_examples(checklist)), key=_order)


def _misses(result: Score, expect: Expectation) -> Iterator[tuple[str, str, str]]:
    shown = "no score"
    if result.percent is not None:
        shown = _plain(result.percent)
        if "/" in shown:
            shown = f"{result.shown()} ({shown})"
    if expect.no_score and result.percent is not None:
        yield "no_score", "no score", shown
    if expect.percent is not None and not _percent_matches(result, expect.percent):
        yield "percent", _plain(expect.percent), shown
    if expect.band is not None:
        got = result.band.id if result.band else "no band"
        if got != expect.band:
            yield "band", expect.band, got
    if expect.awarded is not None and Fraction(expect.awarded) != result.awarded:
        yield "awarded", _plain(expect.awarded), _plain(result.awarded)
    if expect.maximum is not None and Fraction(expect.maximum) != result.maximum:
        yield "maximum", _plain(expect.maximum), _plain(result.maximum)
    if expect.capped_by is not None and tuple(expect.capped_by) != result.capped_by:
        yield "capped_by", _listed(expect.capped_by), _listed(result.capped_by)


def _percent_matches(result: Score, expected: Decimal) -> bool:
    if result.percent is None:
        return False
    return Fraction(expected) == result.percent or result.rounded == expected


def _listed(ids: tuple[str, ...]) -> str:
    return "[" + ", ".join(ids) + "]"
