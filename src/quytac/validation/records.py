"""
The rules of reports and inspection records, as issues (QT320-QT338): the plan and the unit
they answer, the pins of the editions they follow, answers, sections and figures against the
plan's checklist and outline, and which of several documents of a unit counts.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, TypeVar

from quytac import _messages
from quytac._nearest import of_documents, unit_hint
from quytac.checklists import Checklist
from quytac.errors import Issue, Severity
from quytac.fingerprints import fingerprint
from quytac.outlines import ReportOutline
from quytac.plans import Form, InspectionPlan
from quytac.records import (
    InspectionRecord,
    Report,
    counting_records,
    counting_reports,
)
from quytac.scoring import Score, score
from quytac.units import UnitCatalog

from .plans import outside_kind, unknown
from .reports import figure_issues, report_content_issues

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from quytac.plans import Assignment
    from quytac.records import Path, Pin, SelfAssessment

    from ._context import Context

D = TypeVar("D", Report, InspectionRecord)

__all__ = [
    "answer_issues",
    "assessed_score",
    "assignments_in",
    "checked_pin",
    "pin_holds",
]


def answer_issues(
    document: Report | InspectionRecord, context: Context | None = None
) -> Iterator[Issue]:
    """
    The rules the document must keep, as issues with paths into it; its plan and the
    plan's outline or checklist are taken from the context.

    """
    if context is None:
        return
    plan = context.get(InspectionPlan, document.plan)
    if plan is None:
        yield unknown(("plan",), context, InspectionPlan, document.plan)
        return
    if isinstance(document, Report):
        yield from _report_issues(context, plan, document)
    else:
        yield from _record_issues(context, plan, document)


def _report_issues(context: Context, plan: InspectionPlan, report: Report) -> Iterator[Issue]:
    yield from _assignment_issues(context, plan, report.unit, Form.INDIRECT)
    yield from _duplicate_issues(context, report)
    if plan.indirect is not None:
        outline = context.get(ReportOutline, plan.indirect.outline)
        pinned, holds = checked_pin(("outline",), report.outline, outline)
        yield from pinned
        if outline is not None and holds:
            yield from report_content_issues(outline, report)
    if report.self_assessment is not None:
        expected = plan.indirect.self_assessment if plan.indirect is not None else None
        yield from _answer_issues(
            context, plan, expected, report.self_assessment, ("self_assessment",)
        )
        yield from _applies_to_issues(context, plan, report.unit, expected)


def _record_issues(
    context: Context, plan: InspectionPlan, record: InspectionRecord
) -> Iterator[Issue]:
    if record.inspected_on not in plan.period:
        yield _messages.make(
            Issue,
            "QT329",
            ("inspected_on",),
            day=record.inspected_on,
            start=plan.period.start,
            end=plan.period.end,
        )
    yield from _assignment_issues(context, plan, record.unit, Form.DIRECT)
    yield from _duplicate_issues(context, record)
    direct = plan.direct
    checklist_id = direct.checklist if direct is not None else None
    if record.answers or record.checklist is not None:
        yield from _answer_issues(context, plan, checklist_id, record.own_answers(), ())
    if record.self_assessment is not None:
        yield from _answer_issues(
            context, plan, checklist_id, record.self_assessment, ("self_assessment",)
        )
    outline_id = direct.outline if direct is not None else None
    outline = context.get(ReportOutline, outline_id) if outline_id else None
    if outline is not None and (record.figures or record.outline is not None):
        pinned, holds = checked_pin(("outline",), record.outline, outline)
        yield from pinned
        if holds:
            yield from figure_issues(outline, record.figures, ("figures",))
    known = {t.id for t in plan.model_point_types}
    for position, point in enumerate(record.findings.model_points):
        if point.type not in known:
            yield _messages.make(
                Issue,
                "QT333",
                ("findings", "model_points", position, "type"),
                hint=of_documents(point.type, plan.model_point_types),
                type=repr(point.type),
                plan=repr(plan.id),
            )


def assessed_score(
    given: SelfAssessment, context: Context, checklist_id: str | None
) -> Score | None:
    """
    The score of a self-assessment's (or a record's own) answers, when the plan's checklist is
    in the context and is the edition pinned; None otherwise (another edition is never scored
    silently).

    .. versionadded:: 2026.12.0
       Replaces ``SelfAssessment.score(context, checklist_id)``.
    """
    checklist = context.get(Checklist, checklist_id) if checklist_id else None
    if checklist is None or not pin_holds(given.checklist, checklist):
        return None
    return score(checklist, given.answers)


def assignments_in(context: Context, plan_id: str) -> dict[str, Assignment]:
    """
    The assignments of a plan of a context by unit code, worked out once per context and
    plan (a context never changes, and is hashed by identity: the catalog is never hashed).
    """
    known = _assignments(context)
    if plan_id not in known:
        plan = context.get(InspectionPlan, plan_id)
        catalog = context.get(UnitCatalog, plan.units) if plan is not None else None
        found = plan.assignments(catalog) if plan is not None and catalog is not None else ()
        known[plan_id] = {a.unit.code: a for a in found}
    return known[plan_id]


@functools.lru_cache(maxsize=4)
def _assignments(context: Context) -> dict[str, dict[str, Assignment]]:  # noqa: ARG001 - the key
    """
    The assignments worked out so far for a context, by plan (however many plans there are:
    a cache of a few plans, taken in turn by the documents of more, would work each one out
    again and again).
    """
    return {}


def _assignment_issues(
    context: Context, plan: InspectionPlan, unit: str, form: Form
) -> Iterator[Issue]:
    catalog = context.get(UnitCatalog, plan.units)
    if catalog is None:
        return
    assignment = assignments_in(context, plan.id).get(unit)
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
    context: Context,
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
    checklist = context.get(Checklist, checklist_id)
    if checklist is None:
        return
    pinned, holds = checked_pin((*path, "checklist"), given.checklist if given else None, checklist)
    yield from pinned
    if given is not None and holds:
        yield from score(checklist, given.answers, path=(*path, "answers")).issues


def _applies_to_issues(
    context: Context, plan: InspectionPlan, unit: str, checklist_id: str | None
) -> Iterator[Issue]:
    """
    A self-assessment from a unit of a kind its checklist does not apply to.
    """
    checklist = context.get(Checklist, checklist_id) if checklist_id else None
    if checklist is None or not checklist.applies_to.limited:
        return
    assignment = assignments_in(context, plan.id).get(unit)
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


#: For each kind that competes for a unit (by name): its class, how the counting one is chosen,
#: and the code of one that does not count.
_COUNTING: dict[str, tuple[type[Any], Callable[[list[Any]], dict[str, tuple[Any, Any]]], str]] = {
    "Report": (Report, counting_reports, "QT328"),
    "InspectionRecord": (InspectionRecord, counting_records, "QT338"),
}


@functools.lru_cache(maxsize=8)
def _counting_by_plan(context: Context, kind: str) -> dict[str, dict[str, tuple[Any, Any]]]:
    """
    The counting reports (or records) of every plan of a context, in one pass over its
    documents of that kind.
    """
    cls, choose, _ = _COUNTING[kind]
    by_plan: dict[str, list[Any]] = {}
    for document in context.all(cls):
        by_plan.setdefault(document.plan, []).append(document)
    return {plan: choose(found) for plan, found in by_plan.items()}


def _duplicate_issues(context: Context, document: D) -> Iterator[Issue]:
    """
    QT328 (a report) or QT338 (a record) when another one counts for the same plan and unit.
    """
    cls, choose, code = _COUNTING[type(document).__name__]
    if context.get(cls, document.id) is document:
        by_unit = _counting_by_plan(context, cls.__name__).get(document.plan, {})
        counting = by_unit[document.unit][0]
    else:  # checked on its own: it competes with those of the context
        counting = choose([*_others(context, document), document])[document.unit][0]
    if counting.id != document.id:
        yield _messages.make(
            Issue, code, ("unit",), unit=repr(document.unit), counting=repr(counting.id)
        )


def _others(context: Context, document: D) -> list[D]:
    """
    The documents of the context of the same kind, plan and unit as one that is not in it
    (one with its id stands in for it).
    """
    return [
        other
        for other in context.all(type(document))
        if (other.plan, other.unit) == (document.plan, document.unit) and other.id != document.id
    ]
