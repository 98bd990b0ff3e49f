"""
The rules of an inspection plan, as issues (QT310-QT319): dates in order, the documents and
units it names known, every unit in scope assigned, the team's checklist fit for the units.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from quytac import _messages
from quytac._nearest import of_documents, unit_hint
from quytac.checklists import Checklist
from quytac.codes import ConductCode
from quytac.errors import Issue, format_path
from quytac.plans import Form
from quytac.units import UNIT_KINDS, UnitCatalog

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from quytac.codes import AppliesTo
    from quytac.plans import InspectionPlan, Path, Period
    from quytac.units import Unit

    from ._context import Context

__all__ = ["WHAT", "outside_kind", "plan_issues", "unknown"]


def plan_issues(plan: InspectionPlan, context: Context | None = None) -> Iterator[Issue]:
    """
    The rules a plan must keep, as issues with paths into the plan.

    """
    yield from _own_issues(plan)
    if context is None:
        return
    catalog = context.get(UnitCatalog, plan.units)
    if catalog is None:
        yield unknown(("units",), context, UnitCatalog, plan.units)
    else:
        yield from _unit_issues(plan, catalog)
        yield from _checklist_issues(plan, context, catalog)
    for position, code_id in enumerate(plan.codes):
        code = context.get(ConductCode, code_id)
        if code is None:
            yield unknown(("codes", position), context, ConductCode, code_id)
        elif not _in_force_during(code, plan.period):
            yield _messages.make(
                Issue,
                "QT317",
                ("codes", position),
                id=repr(code_id),
                start=plan.period.start,
                end=plan.period.end,
            )
    for path, id_, cls in plan.references():
        if context.get(cls, id_) is None:
            yield unknown(path, context, cls, id_)


def _own_issues(plan: InspectionPlan) -> Iterator[Issue]:
    period = plan.period
    if period.end < period.start:
        yield _messages.make(Issue, "QT311", ("period", "end"), start=period.start, end=period.end)
    if plan.indirect is not None:
        due = plan.indirect.due_before
        if due <= period.start:
            yield _messages.make(
                Issue, "QT312", ("indirect", "due_before"), due=due, start=period.start
            )
        elif (due - period.end).days > 1 and period.start <= period.end:
            yield _messages.make(
                Issue, "QT313", ("indirect", "due_before"), due=due, end=period.end
            )
    lists: list[tuple[Path, Iterable[str]]] = [
        (("scope", "units"), plan.scope.units),
        (("scope", "exclude"), plan.scope.exclude),
        (("model_point_types",), (t.id for t in plan.model_point_types)),
    ]
    if plan.direct is not None:
        lists.append((("direct", "units"), plan.direct.units))
    for path, values in lists:
        yield from _twice(path, values)


def _unit_issues(plan: InspectionPlan, catalog: UnitCatalog) -> Iterator[Issue]:
    kinds = [*UNIT_KINDS.values(), *catalog.unit_kinds]
    for position, kind in enumerate(plan.scope.unit_kinds):
        if kind not in {known.id for known in kinds}:
            yield _messages.make(
                Issue,
                "QT310",
                ("scope", "unit_kinds", position),
                hint=of_documents(kind, kinds),
                what="unit kind",
                what_vi="loại đơn vị",
                id=repr(kind),
            )
    existing = plan.existing_units(catalog)
    listed: list[tuple[Path, str]] = [
        (("standing_agency",), plan.standing_agency),
        *((("scope", "units", i), code) for i, code in enumerate(plan.scope.units)),
        *((("scope", "exclude", i), code) for i, code in enumerate(plan.scope.exclude)),
    ]
    if plan.indirect is not None:
        listed.append((("indirect", "recipient"), plan.indirect.recipient))
    direct = plan.direct.units if plan.direct is not None else ()
    listed += ((("direct", "units", i), code) for i, code in enumerate(direct))
    for path, code in listed:
        if code not in existing:
            yield _messages.make(
                Issue,
                "QT319",
                path,
                **unit_hint(catalog, code),
                unit=repr(code),
                catalog=repr(catalog.id),
                start=plan.period.start,
                end=plan.period.end,
            )
    in_scope = {unit.code for unit in plan.scope_units(catalog)}
    for position, code in enumerate(direct):
        if code in existing and code not in in_scope:
            yield _messages.make(Issue, "QT314", ("direct", "units", position), unit=repr(code))
    if plan.indirect is None:
        unassigned = sorted(in_scope - set(direct))
        if unassigned:
            yield _messages.make(Issue, "QT318", ("scope",), units=", ".join(map(repr, unassigned)))


def _checklist_issues(
    plan: InspectionPlan, context: Context, catalog: UnitCatalog
) -> Iterator[Issue]:
    """
    The team's checklist must apply to the kind of every unit it visits. (A self-assessment
    checklist is asked only of the reporting units it applies to: see records.)
    """
    checklist_id = plan.direct.checklist if plan.direct is not None else None
    checklist = context.get(Checklist, checklist_id) if checklist_id else None
    if checklist is None or not checklist.applies_to.limited:
        return
    outside = sorted(
        {
            outside_kind(checklist.applies_to, a.unit)
            for a in plan.assignments(catalog)
            if a.form is Form.DIRECT and not checklist.applies_to.covers(a.unit)
        }
    )
    if outside:
        yield _messages.make(
            Issue,
            "QT316",
            ("direct", "checklist"),
            checklist=repr(checklist_id),
            kinds=", ".join(outside),
        )


def outside_kind(applies_to: AppliesTo, unit: Unit) -> str:
    """
    How QT316 names the kind of a unit a checklist does not cover: its unit kind, with its
    place type when the checklist is aimed at place types.
    """
    if applies_to.place_types and unit.place_type is not None:
        return f"{unit.kind} (place_type: {unit.place_type})"
    return unit.kind


def _in_force_during(code: ConductCode, period: Period) -> bool:
    end = code.effective_to
    return code.effective_from <= period.end and (end is None or period.start <= end)


#: What QT310 calls each kind of document it may not find, in English and Vietnamese.
WHAT: dict[str, tuple[str, str]] = {
    "UnitCatalog": ("unit catalog", "danh mục đơn vị"),
    "ConductCode": ("code of conduct", "quy tắc ứng xử"),
    "Checklist": ("checklist", "phiếu kiểm tra"),
    "ReportOutline": ("outline", "đề cương"),
    "InspectionPlan": ("plan", "kế hoạch"),
}


def unknown(path: Path, context: Context, cls: type[Any], id_: str) -> Issue:
    """
    QT310 for an id that names no document of a kind in the context, suggesting the nearest
    one; every reference to that id follows from the one missing document.
    """
    what, what_vi = WHAT[cls.kind]
    return _messages.make(
        Issue,
        "QT310",
        path,
        hint=of_documents(id_, context.all(cls)),
        cause=_messages.missing(cls.kind, id_),
        follows=True,
        what=what,
        what_vi=what_vi,
        id=repr(id_),
    )


def _twice(path: Path, values: Iterable[str]) -> Iterator[Issue]:
    first: dict[str, int] = {}
    for position, value in enumerate(values):
        if value in first:
            yield _messages.make(
                Issue,
                "QT315",
                (*path, position),
                value=repr(value),
                first=format_path((*path, first[value])),
            )
        else:
            first[value] = position
