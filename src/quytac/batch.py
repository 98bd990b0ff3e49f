"""
Scoring many records: a stream of inspection records scored one at a time, in constant memory,
and batches that can be spread over processes (everything here is pure and pickles).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from ._documents import file_source
from .checklists import Checklist
from .errors import LoadError
from .records import InspectionRecord
from .scoring import Score, ScoreError, score
from .validation.records import checked_pin
from .workspace import locate

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from ._documents import Origin

__all__ = ["iter_scores", "score_records"]


def iter_scores(
    records: str | os.PathLike[str] | Iterable[InspectionRecord],
    checklist: Checklist,
) -> Iterator[tuple[InspectionRecord, Score]]:
    """
    Score a stream of inspection records against a checklist, one record at a time.

    A file (a multi-document YAML stream, a ``.json`` file or a JSON Lines ``.jsonl`` file) is
    read one document at a time, so memory does not grow with the number of records.

    Args:
        records: A file of records, or records already loaded (any iterable, read lazily).
        checklist: The checklist the records answer.

    Returns:
        An iterator of (record, score) pairs, in the order of the records. A score whose answers
        do not fit the checklist has no percent and says why in ``Score.issues``.

    Raises:
        LoadError: At the first document of the file that does not load (the pairs before it
            were yielded).
        ScoreError: For a document that is not an inspection record, or a record pinned to
            another checklist or another edition of it, or to none (it is never scored
            silently): its ``issues`` are those ``validate`` gives (QT330, QT331, QT332, QT335),
            placed at their file, line and column when the records are read from a file. A pin
            without a fingerprint is only a warning of ``validate``, and is scored.

    .. versionadded:: 2026.11.0
    """
    scored = _Scorer(checklist)
    if not isinstance(records, str | os.PathLike):
        for document in records:
            record = _record(document)
            yield record, scored(record)
        return
    for item in file_source(records):
        if item.problems:
            raise LoadError(item.problems)
        record = _record(item.document)
        yield record, scored(record, item.origin)


def score_records(
    records: Iterable[InspectionRecord], checklist: Checklist
) -> list[tuple[str, Score]]:
    """
    Score a batch of records: a pure function of picklable inputs, to hand to a process pool
    (``concurrent.futures``) or to Dask, one batch per task.

    Returns:
        (record id, score) pairs, in the order of the records.

    Raises:
        ScoreError: As ``iter_scores``.

    .. versionadded:: 2026.11.0
    """
    scored = _Scorer(checklist)
    return [(record.id, scored(_record(record))) for record in records]


def _record(document: object) -> InspectionRecord:
    if not isinstance(document, InspectionRecord):
        raise ScoreError(f"expected an InspectionRecord, got {type(document).__name__}")
    return document


class _Scorer:
    """
    Scores records against one checklist, once their pin holds.
    """

    def __init__(self, checklist: Checklist) -> None:
        self.checklist = checklist

    def __call__(self, record: InspectionRecord, origin: Origin | None = None) -> Score:
        issues, holds = checked_pin(("checklist",), record.checklist, self.checklist)
        if not holds:
            raise ScoreError.of(locate(record, origin, issues))
        return score(self.checklist, record.answers)
