"""
What comes back from a round: reports written by units (indirect) and the records of the team's
visits (direct), each pinned to the edition of the outline or checklist it was written against.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar

import attrs

from . import _deprecated
from ._checks import (
    at_least_one,
    identifier,
    non_empty_text,
    optional_not_negative,
)
from ._mapping import FrozenMap
from .checklists import Answers
from .fingerprints import fingerprint
from .outlines import FigureValue, ReportOutline
from .text import Text

if TYPE_CHECKING:
    from collections.abc import Iterable


__all__ = [
    "Figure",
    "InspectionFindings",
    "InspectionRecord",
    "ModelPoint",
    "Pin",
    "Report",
    "ReportSection",
    "SelfAssessment",
]

Path = tuple[str | int, ...]

#: The empty mapping, the default of sections and figures.
NO_ENTRIES: FrozenMap[Any] = FrozenMap()
#: No answers, the default of records and self-assessments.
NO_ANSWERS = Answers()


@attrs.frozen(kw_only=True)
class Pin:
    """
    The edition of an outline or checklist a report or record was written against.

    Attributes:
        id: The outline's or checklist's id.
        version: Its ``version`` at the time.
        fingerprint: Its ``quytac.fingerprint`` at the time, if recorded; catches an edition
            changed without a new version number.

    .. versionadded:: 2026.11.0
    """

    id: str = attrs.field(validator=identifier)
    version: int = attrs.field(validator=at_least_one)
    fingerprint: str | None = None

    @classmethod
    def of(cls, document: Any) -> Pin:
        """
        A pin to a document as it is now (its id, version and fingerprint).
        """
        return cls(id=document.id, version=document.version, fingerprint=fingerprint(document))


@attrs.frozen(kw_only=True)
class Figure:
    """
    The value given for an indicator; in YAML either the value or ``{value: ..., note: ...}``.

    Attributes:
        value: As written (the outline says what type it must be).
        note: The "ghi chú" column of the appendix table.

    .. versionadded:: 2026.11.0
    """

    value: FigureValue
    note: Text | None = None


@attrs.frozen(kw_only=True)
class ReportSection:
    """
    What a report writes under one section of the outline.

    Attributes:
        narrative: The text.
        indicators: Figures by indicator id.

    .. versionadded:: 2026.11.0
    """

    narrative: Text | None = None
    indicators: FrozenMap[Figure] = NO_ENTRIES


@attrs.frozen(kw_only=True)
class SelfAssessment:
    """
    A unit's own scoring of itself against a checklist of the plan.

    Attributes:
        checklist: The checklist edition the answers follow.
        answers: The answers, by item id.

    .. versionadded:: 2026.11.0
    """

    checklist: Pin
    answers: Answers = NO_ANSWERS


@attrs.frozen(kw_only=True)
class ModelPoint:
    """
    A model point (mô hình điểm) found: a candidate to replicate and commend.

    Attributes:
        type: Id of one of the plan's model point types.
        name: What and where it is.
        replicated: How many times it has been replicated (nhân rộng), if known; 0 or more.

    .. versionadded:: 2026.11.0
    """

    type: str = attrs.field(validator=identifier)
    name: Text
    replicated: int | None = attrs.field(default=None, validator=optional_not_negative)


@attrs.frozen(kw_only=True)
class InspectionFindings:
    """
    What the inspection found.

    Attributes:
        strengths: What the unit does well (ưu điểm).
        limitations: What it lacks (hạn chế).
        recommendations: What it should do (kiến nghị).
        model_points: Model points found there.

    .. versionadded:: 2026.11.0
    """

    strengths: tuple[Text, ...] = ()
    limitations: tuple[Text, ...] = ()
    recommendations: tuple[Text, ...] = ()
    model_points: tuple[ModelPoint, ...] = ()


@attrs.frozen(kw_only=True)
class _AnswersAPlan:
    """
    What reports and records share: an id in the workspace, the plan they answer and the unit
    they are about; they are checked against the plan.
    """

    id: str = attrs.field(validator=identifier)
    title: Text | None = None
    plan: str = attrs.field(validator=identifier)
    unit: str = attrs.field(validator=non_empty_text)
    illustrative: bool = False


@attrs.frozen(kw_only=True)
class Report(_AnswersAPlan):
    """
    A unit's written report (indirect form), following the plan's outline.

    Reports need an ``id`` (unique among reports of a workspace), like every document that the
    workspace indexes.

    Attributes:
        id: The report's id in the workspace.
        title: Its title, if any.
        plan: Id of the plan it answers.
        unit: Code of the reporting unit.
        number: Its number as issued ("215/BC-UBND").
        submitted_on: The date it bears.
        outline: The outline edition it follows.
        sections: What it writes, by the full number of the outline's section (``II.1``).
        self_assessment: The unit's scoring of itself, when the plan asks for it.
        illustrative: True when its figures and texts are invented (an example), shown as such
            in the synthesis.

    .. versionadded:: 2026.11.0
    """

    kind: ClassVar[str] = "Report"

    number: str = attrs.field(validator=non_empty_text)
    submitted_on: dt.date
    outline: Pin
    sections: FrozenMap[ReportSection] = NO_ENTRIES
    self_assessment: SelfAssessment | None = None

    def figures(self) -> dict[str, tuple[FigureValue, Text | None]]:
        """
        Every figure given, by indicator id, with its note.
        """
        return {
            name: (figure.value, figure.note)
            for section in self.sections.values()
            for name, figure in section.indicators.items()
        }


@attrs.frozen(kw_only=True)
class InspectionRecord(_AnswersAPlan):
    """
    The record of the team's visit to a unit (direct form).

    Attributes:
        id: The record's id in the workspace.
        title: Its title, if any.
        plan: Id of the plan.
        unit: Code of the unit visited.
        inspected_on: The day of the visit.
        checklist: The checklist edition the answers follow (needed when there are answers).
        answers: Answers to the plan's checklist, by item id.
        self_assessment: The unit's own scoring against the same checklist, handed to the team,
            if any; the synthesis compares it with the team's.
        outline: The outline edition the figures follow (needed when there are figures).
        figures: Figures the team recorded, by indicator id of the plan's direct outline.
        findings: Strengths, limitations, recommendations and model points.
        illustrative: True when its figures and texts are invented (an example), shown as such
            in the synthesis.

    .. versionadded:: 2026.11.0
    """

    kind: ClassVar[str] = "InspectionRecord"

    inspected_on: dt.date
    checklist: Pin | None = None
    answers: Answers = NO_ANSWERS
    self_assessment: SelfAssessment | None = None
    outline: Pin | None = None
    figures: FrozenMap[Figure] = NO_ENTRIES
    findings: InspectionFindings = InspectionFindings()

    def own_answers(self) -> SelfAssessment | None:
        """
        The team's answers with their pin (as a SelfAssessment-shaped pair), or None without a
        pin.
        """
        if self.checklist is None:
            return None
        return SelfAssessment(checklist=self.checklist, answers=self.answers)


def counting_reports(reports: Iterable[Report]) -> dict[str, tuple[Report, Report]]:
    """
    For each unit, the report that counts and the first one received.

    The report that counts is the last one submitted (a later report corrects an earlier one;
    on the same day, the greatest id). Timeliness is judged on the first one submitted, so a
    correction sent after the deadline does not make a unit late.
    """
    by_unit: dict[str, list[Report]] = {}
    for report in reports:
        by_unit.setdefault(report.unit, []).append(report)
    chosen = {}
    for unit, given in by_unit.items():
        ordered = sorted(given, key=lambda r: (r.submitted_on, r.id))
        chosen[unit] = (ordered[-1], ordered[0])
    return chosen


def counting_records(
    records: Iterable[InspectionRecord],
) -> dict[str, tuple[InspectionRecord, tuple[InspectionRecord, ...]]]:
    """
    For each unit, the record that counts and every record of the unit, in order.

    As with reports, the record that counts is the last visit (a later visit supersedes an
    earlier one; on the same day, the greatest id); the others are kept, with a QT338 issue.
    """
    by_unit: dict[str, list[InspectionRecord]] = {}
    for record in records:
        by_unit.setdefault(record.unit, []).append(record)
    chosen = {}
    for unit, given in by_unit.items():
        ordered = tuple(sorted(given, key=lambda r: (r.inspected_on, r.id)))
        chosen[unit] = (ordered[-1], ordered)
    return chosen


def numeric_figures(
    outline: ReportOutline, figures: dict[str, tuple[FigureValue, Text | None]]
) -> dict[str, Decimal]:
    """
    The numeric figures (integer, decimal, percent) that have a value of their type.
    """
    indicators = outline.indicators()
    found = {}
    for name, (value, _) in figures.items():
        indicator = indicators.get(name)
        if indicator is None or not indicator[1].type.numeric:
            continue
        typed = indicator[1].typed(value)
        if isinstance(typed, int | Decimal) and not isinstance(typed, bool):
            found[name] = Decimal(typed)
    return found


#: Old public names, kept for one release (old -> new); docs/decisions.md has the plan.
_RENAMED = {"Findings": "InspectionFindings"}

__getattr__ = _deprecated.renamed(globals(), _RENAMED)

if TYPE_CHECKING:
    Findings = InspectionFindings  # deprecated: the type checker sees the old name as the new class
