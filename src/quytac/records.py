"""
What comes back from a round: reports written by units (indirect) and the records of the team's
visits (direct), each pinned to the edition of the outline or checklist it was written against.
"""

from __future__ import annotations

import abc
import datetime as dt
import functools
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar

import attrs

from . import _messages
from ._checks import (
    DIGITS,
    at_least_one,
    identifier,
    in_range,
    non_empty_text,
    optional_not_negative,
)
from ._mapping import FrozenMap
from ._nearest import Hint, hint, of_documents, unit_hint
from .checklists import Answers, Checklist
from .conditions import number as spelled_number
from .errors import Issue, Severity
from .fingerprints import fingerprint
from .outlines import FigureValue, Indicator, Narrative, OutlineSection, ReportOutline
from .plans import Assignment, Form, InspectionPlan, outside_kind, unknown
from .scoring import Score, score
from .text import Text
from .units import UnitCatalog

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from .workspace import Workspace

__all__ = [
    "Figure",
    "Findings",
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

    def issues(
        self, workspace: Workspace, plan: InspectionPlan, checklist_id: str | None
    ) -> Iterator[Issue]:
        """
        The pin and the answers against the checklist the plan names (``checklist_id``), with
        paths under ``self_assessment``.
        """
        return _answer_issues(workspace, plan, checklist_id, self, ("self_assessment",))

    def score(self, workspace: Workspace, checklist_id: str | None) -> Score | None:
        """
        The score of the answers, when the plan's checklist is in the workspace and is the
        edition pinned; None otherwise (another edition is never scored silently).
        """
        checklist = workspace.get(Checklist, checklist_id) if checklist_id else None
        if checklist is None or not pin_holds(self.checklist, checklist):
            return None
        return score(checklist, self.answers)


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
class Findings:
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
class _AnswersAPlan(abc.ABC):
    """
    What reports and records share: an id in the workspace, the plan they answer and the unit
    they are about; they are checked against the plan.
    """

    id: str = attrs.field(validator=identifier)
    title: Text | None = None
    plan: str = attrs.field(validator=identifier)
    unit: str = attrs.field(validator=non_empty_text)
    illustrative: bool = False

    def issues(self, workspace: Workspace | None = None) -> Iterator[Issue]:
        """
        The rules the document must keep, as issues with paths into it; its plan and the
        plan's outline or checklist are taken from the workspace.

        .. versionadded:: 2026.11.0
        """
        if workspace is None:
            return
        plan = workspace.get(InspectionPlan, self.plan)
        if plan is None:
            yield unknown(("plan",), workspace, InspectionPlan, self.plan)
            return
        yield from self._issues(workspace, plan)

    @abc.abstractmethod
    def _issues(self, workspace: Workspace, plan: InspectionPlan) -> Iterator[Issue]:
        """
        The rules of the kind of document, once its plan is known.
        """


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

    def _issues(self, workspace: Workspace, plan: InspectionPlan) -> Iterator[Issue]:
        yield from _assignment_issues(workspace, plan, self.unit, Form.INDIRECT)
        yield from _duplicate_issues(workspace, self)
        if plan.indirect is not None:
            outline = workspace.get(ReportOutline, plan.indirect.outline)
            pinned, holds = checked_pin(("outline",), self.outline, outline)
            yield from pinned
            if outline is not None and holds:
                yield from report_content_issues(outline, self)
        if self.self_assessment is not None:
            expected = plan.indirect.self_assessment if plan.indirect is not None else None
            yield from self.self_assessment.issues(workspace, plan, expected)
            yield from _applies_to_issues(workspace, plan, self.unit, expected)


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
    findings: Findings = Findings()

    def own_answers(self) -> SelfAssessment | None:
        """
        The team's answers with their pin (as a SelfAssessment-shaped pair), or None without a
        pin.
        """
        if self.checklist is None:
            return None
        return SelfAssessment(checklist=self.checklist, answers=self.answers)

    def _issues(self, workspace: Workspace, plan: InspectionPlan) -> Iterator[Issue]:
        if self.inspected_on not in plan.period:
            yield _messages.make(
                Issue,
                "QT329",
                ("inspected_on",),
                day=self.inspected_on,
                start=plan.period.start,
                end=plan.period.end,
            )
        yield from _assignment_issues(workspace, plan, self.unit, Form.DIRECT)
        yield from _duplicate_record_issues(workspace, self)
        direct = plan.direct
        checklist_id = direct.checklist if direct is not None else None
        if self.answers or self.checklist is not None:
            yield from _answer_issues(workspace, plan, checklist_id, self.own_answers(), ())
        if self.self_assessment is not None:
            yield from self.self_assessment.issues(workspace, plan, checklist_id)
        outline_id = direct.outline if direct is not None else None
        outline = workspace.get(ReportOutline, outline_id) if outline_id else None
        if outline is not None and (self.figures or self.outline is not None):
            pinned, holds = checked_pin(("outline",), self.outline, outline)
            yield from pinned
            if holds:
                yield from figure_issues(outline, self.figures, ("figures",))
        known = {t.id for t in plan.model_point_types}
        for position, point in enumerate(self.findings.model_points):
            if point.type not in known:
                yield _messages.make(
                    Issue,
                    "QT333",
                    ("findings", "model_points", position, "type"),
                    hint=of_documents(point.type, plan.model_point_types),
                    type=repr(point.type),
                    plan=repr(plan.id),
                )


# --- shared rules -----------------------------------------------------------------------------


@functools.lru_cache(maxsize=8)
def assignments_in(workspace: Workspace, plan_id: str) -> dict[str, Assignment]:
    """
    The assignments of a plan of a workspace by unit code, worked out once per workspace (a
    workspace never changes, and is hashed by identity: the catalog is never hashed).
    """
    plan = workspace.get(InspectionPlan, plan_id)
    catalog = workspace.get(UnitCatalog, plan.units) if plan is not None else None
    if plan is None or catalog is None:
        return {}
    return {a.unit.code: a for a in plan.assignments(catalog)}


def _assignment_issues(
    workspace: Workspace, plan: InspectionPlan, unit: str, form: Form
) -> Iterator[Issue]:
    catalog = workspace.get(UnitCatalog, plan.units)
    if catalog is None:
        return
    assignment = assignments_in(workspace, plan.id).get(unit)
    if assignment is None:
        yield _messages.make(
            Issue,
            "QT327",
            ("unit",),
            **unit_hint(catalog, unit),
            unit=repr(unit),
            plan=repr(plan.id),
        )
    elif assignment.form is not form:
        yield _messages.make(
            Issue,
            "QT326",
            ("unit",),
            unit=repr(unit),
            form=assignment.form,
            form_vi="trực tiếp" if assignment.form is Form.DIRECT else "gián tiếp",
            plan=repr(plan.id),
        )


def _answer_issues(
    workspace: Workspace,
    plan: InspectionPlan,
    checklist_id: str | None,
    given: SelfAssessment | None,
    path: Path,
) -> Iterator[Issue]:
    """
    Answers against the checklist the plan names: a checklist at all, the pin, then each answer.
    """
    if checklist_id is None:
        yield _messages.make(Issue, "QT334", path or ("answers",), plan=repr(plan.id))
        return
    checklist = workspace.get(Checklist, checklist_id)
    if checklist is None:
        return
    pinned, holds = checked_pin((*path, "checklist"), given.checklist if given else None, checklist)
    yield from pinned
    if given is not None and holds:
        yield from score(checklist, given.answers, path=(*path, "answers")).issues


def _applies_to_issues(
    workspace: Workspace, plan: InspectionPlan, unit: str, checklist_id: str | None
) -> Iterator[Issue]:
    """
    A self-assessment from a unit of a kind its checklist does not apply to.
    """
    checklist = workspace.get(Checklist, checklist_id) if checklist_id else None
    if checklist is None or not checklist.applies_to.limited:
        return
    assignment = assignments_in(workspace, plan.id).get(unit)
    if assignment is not None and not checklist.applies_to.covers(assignment.unit):
        yield _messages.make(
            Issue,
            "QT316",
            ("self_assessment", "checklist"),
            checklist=repr(checklist.id),
            kinds=outside_kind(checklist.applies_to, assignment.unit),
        )


#: Who names the edition a pin must name, in QT332: the plan (or ``quytac score --checklist``).
_BY_PLAN = ("the plan uses", "kế hoạch dùng")


def checked_pin(
    path: Path, pin: Pin | None, current: Any, *, chosen: bool = False
) -> tuple[tuple[Issue, ...], bool]:
    """
    The issues of a pin against the outline or checklist it must name (``current``), and
    whether it holds: the one decision, taken here for ``validate``, the synthesis, ``quytac
    score`` and ``quytac.iter_scores``, that lets what it pins be checked, scored and totalled
    against ``current``.

    The pin holds when none of its issues is an error: the same id, the same version and,
    when it records one, the same fingerprint (a pin without a fingerprint holds, with the
    warning QT337). With ``current`` None (not in the workspace) there is nothing to check
    against: no issue, and the pin does not hold.

    Args:
        path: Where the pin is in its document (``("checklist",)``).
        pin: The pin, or None when the document gives none (QT335).
        current: The edition it must name.
        chosen: True when ``current`` was chosen by the user (``quytac score --checklist``),
            not named by the plan: QT332 then says so.
    """
    if current is None:
        return (), False
    found = tuple(_pin_issues(path, pin, current, chosen=chosen))
    return found, not any(issue.severity is Severity.ERROR for issue in found)


def pin_holds(pin: Pin | None, current: Any) -> bool:
    """
    Whether a pin names the edition ``current`` (as :func:`checked_pin` decides).
    """
    return checked_pin((), pin, current)[1]


def _pin_issues(path: Path, pin: Pin | None, current: Any, *, chosen: bool) -> Iterator[Issue]:
    is_outline = isinstance(current, ReportOutline)
    what, what_vi = ("outline", "đề cương") if is_outline else ("checklist", "phiếu kiểm tra")
    said = functools.partial(_messages.make, Issue, what=what, what_vi=what_vi)
    if pin is None:
        yield said("QT335", path, id=repr(current.id))
        return
    # A new version, or an edit without one, breaks every pin of the edition: one cause.
    broken = functools.partial(said, cause=_edition(current, pin.version), follows=True)
    if pin.id != current.id:
        by, by_vi = ("it is scored against", "đang được chấm theo") if chosen else _BY_PLAN
        yield said(
            "QT332",
            (*path, "id"),
            pinned=repr(pin.id),
            expected=repr(current.id),
            by=by,
            by_vi=by_vi,
        )
    elif pin.version != current.version:
        yield broken(
            "QT330",
            (*path, "version"),
            id=repr(pin.id),
            pinned=pin.version,
            current=current.version,
        )
    elif pin.fingerprint is None:
        yield said("QT337", path, id=repr(pin.id), version=pin.version)
    elif pin.fingerprint != fingerprint(current):
        yield broken("QT331", (*path, "fingerprint"), id=repr(pin.id), version=pin.version)


def _edition(current: Any, pinned: int) -> tuple[str, ...]:
    """
    The cause every pin of one edition that no longer holds shares: one new version, or one
    edit without a new version, breaks them all.
    """
    return ("edition", type(current).kind, current.id, str(pinned))


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


@functools.lru_cache(maxsize=4)
def _plan_records(
    workspace: Workspace, plan: str
) -> dict[str, tuple[InspectionRecord, tuple[InspectionRecord, ...]]]:
    return counting_records(r for r in workspace.all(InspectionRecord) if r.plan == plan)


def _duplicate_record_issues(workspace: Workspace, record: InspectionRecord) -> Iterator[Issue]:
    counting = _plan_records(workspace, record.plan)[record.unit][0]
    if counting.id != record.id:
        yield _messages.make(
            Issue, "QT338", ("unit",), unit=repr(record.unit), counting=repr(counting.id)
        )


@functools.lru_cache(maxsize=4)
def _plan_reports(workspace: Workspace, plan: str) -> dict[str, tuple[Report, Report]]:
    return counting_reports(r for r in workspace.all(Report) if r.plan == plan)


def _duplicate_issues(workspace: Workspace, report: Report) -> Iterator[Issue]:
    counting = _plan_reports(workspace, report.plan)[report.unit][0]
    if counting.id != report.id:
        yield _messages.make(
            Issue, "QT328", ("unit",), unit=repr(report.unit), counting=repr(counting.id)
        )


def report_content_issues(outline: ReportOutline, report: Report) -> Iterator[Issue]:
    """
    A report's sections and figures against its outline: required sections and indicators,
    unknown ones, types, bounds and the rules between indicators.
    """
    numbers = {number: section for number, _, section in outline.walk()}
    unknown, meant = _misnumbered(numbers, report)
    yield from _required_issues(numbers, report, meant)
    indicators = outline.indicators()
    for number, given in report.sections.items():
        if number in unknown:
            found, cause = unknown[number]
            yield _messages.make(
                Issue,
                "QT325",
                ("sections", number),
                hint=found,
                cause=cause,
                what="section",
                what_vi="mục",
                id=repr(number),
            )
            continue
        own = numbers[number].indicators
        for name, figure in given.indicators.items():
            path = ("sections", number, "indicators", name)
            if name not in {i.id for i in own}:
                yield _messages.make(
                    Issue,
                    "QT325",
                    path,
                    hint=of_documents(name, own),
                    what="indicator",
                    what_vi="chỉ tiêu",
                    id=repr(name),
                )
            else:
                yield from _value_issues(indicators[name][1], figure, path)
    yield from _rule_issues(outline, report.figures(), ("sections",))


def _misnumbered(
    numbers: dict[str, OutlineSection], report: Report
) -> tuple[dict[str, tuple[Hint, tuple[str, ...]]], dict[str, tuple[str, ...]]]:
    """
    The report's sections the outline has no number for, each with its hint and cause, and
    the cause of each outline section one of them was meant for: a section written under a
    wrong number ("II.3" for "II.2") is one mistake, and the section of the outline it was
    meant for then lacks its narrative and indicators.
    """
    titles = {number: (section.title.vi,) for number, section in numbers.items()}
    unknown: dict[str, tuple[Hint, tuple[str, ...]]] = {}
    meant: dict[str, tuple[str, ...]] = {}
    for number in report.sections:
        if number in numbers:
            continue
        found = hint(number, list(numbers), titles)
        cause: tuple[str, ...] = ()
        target = found.suggestion
        if target is not None and target not in report.sections and target not in meant:
            cause = meant[target] = (Report.kind, report.id, "section", number)
        unknown[number] = (found, cause)
    return unknown, meant


def _required_issues(
    numbers: dict[str, OutlineSection], report: Report, meant: dict[str, tuple[str, ...]]
) -> Iterator[Issue]:
    for number, section in numbers.items():
        given = report.sections.get(number)
        narrative = given.narrative if given is not None else None
        cause = meant.get(number, ())
        if section.narrative is Narrative.REQUIRED and narrative is None:
            yield _messages.make(
                Issue,
                "QT320",
                ("sections",),
                cause=cause,
                follows=bool(cause),
                section=repr(number),
            )
        elif section.narrative is Narrative.NONE and narrative is not None:
            yield _messages.make(
                Issue, "QT336", ("sections", number, "narrative"), section=repr(number)
            )
        for indicator in section.indicators:
            if indicator.required and (given is None or indicator.id not in given.indicators):
                yield _messages.make(
                    Issue,
                    "QT321",
                    ("sections", number) if given is not None else ("sections",),
                    cause=cause,
                    follows=bool(cause),
                    indicator=repr(indicator.id),
                    section=repr(number),
                )


def figure_issues(
    outline: ReportOutline, figures: FrozenMap[Figure], path: Path
) -> Iterator[Issue]:
    """
    Figures keyed by indicator id against an outline: unknown ones, types, bounds, rules.
    """
    indicators = outline.indicators()
    for name, figure in figures.items():
        if name not in indicators:
            yield _messages.make(
                Issue,
                "QT325",
                (*path, name),
                hint=of_documents(name, (found for _, found in indicators.values())),
                what="indicator",
                what_vi="chỉ tiêu",
                id=repr(name),
            )
        else:
            yield from _value_issues(indicators[name][1], figure, (*path, name))
    given = {name: (figure.value, figure.note) for name, figure in figures.items()}
    yield from _rule_issues(outline, given, path)


def _out_of_range(value: FigureValue) -> bool:
    """
    Whether a figure is a number with more digits than any figure may have.
    """
    if isinstance(value, bool | dt.date):
        return False
    found = spelled_number(value) if isinstance(value, str) else value
    return found is not None and not in_range(found)


def _value_issues(indicator: Indicator, figure: Figure, path: Path) -> Iterator[Issue]:
    where = (*path, "value") if figure.note is not None else path
    typed = indicator.typed(figure.value)
    if typed is None and indicator.type.numeric and _out_of_range(figure.value):
        shown = _messages.quote(str(figure.value))
        yield _messages.make(Issue, "QT111", where, got=shown, digits=str(DIGITS))
        return
    if typed is None:
        yield _messages.make(
            Issue,
            "QT322",
            where,
            type=indicator.type,
            got=_messages.quote(figure.value),
            got_vi=_messages.quote(figure.value, lang="vi"),
        )
        return
    low, high = indicator.bounds()
    if isinstance(typed, int | Decimal) and not isinstance(typed, bool):
        number = Decimal(typed)
        if (low is not None and number < low) or (high is not None and number > high):
            yield _messages.make(
                Issue,
                "QT323",
                where,
                value=number,
                low="…" if low is None else low,
                high="…" if high is None else high,
            )


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


def _rule_issues(
    outline: ReportOutline, figures: dict[str, tuple[FigureValue, Text | None]], path: Path
) -> Iterator[Issue]:
    values = numeric_figures(outline, figures)
    for rule in outline.rules:
        if rule.holds(values) is False:
            shown = ", ".join(f"{name} = {values[name]}" for name in rule.operands)
            yield _messages.make(
                Issue,
                "QT324",
                path,
                message=rule.message.get("en"),
                message_vi=rule.message.vi,
                figures=shown,
            )
