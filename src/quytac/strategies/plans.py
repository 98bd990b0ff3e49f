"""
Inspection plans and whole workspaces.
"""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import strategies as st

from quytac._documents import Document
from quytac.codes import LegalBasis
from quytac.plans import (
    DirectPart,
    Form,
    IndirectPart,
    InspectionPlan,
    ModelPointType,
    Period,
    Scope,
)
from quytac.units import UnitCatalog
from quytac.workspace import Workspace

from ._common import _END, _START, ids, texts
from .checklists import ANSWER_TYPES, checklists
from .codes import conduct_codes
from .records import inspection_records
from .reports import report_outlines, reports
from .units import unit_catalogs

# --- plans and workspaces -------------------------------------------------------------------

_EARLY = dt.date(2020, 1, 1)


@st.composite
def inspection_plans(
    draw: st.DrawFn,
    catalog: UnitCatalog | None = None,
    *,
    checklist: str | None = "phieu-kiem-tra",
    outline: str | None = "de-cuong",
    codes: tuple[str, ...] = (),
) -> InspectionPlan:
    """
    Inspection plans of the third quarter of 2023 over a catalog of the 2020-2024 era (drawn
    with :func:`unit_catalogs` when not given): some unit kinds, listed and excluded units in
    scope, some units visited (direct), the others reporting before 30/07/2023 (indirect).
    With the catalog, the codes, the checklist and the outline they name in a workspace, they
    validate with no issue (see :func:`workspaces`).

    Args:
        catalog: The units the plan covers.
        checklist: Id of the checklist of the direct form.
        outline: Id of the outline of the indirect form; None: no indirect form (every unit in
            scope is visited).
        codes: Ids of the codes inspected.

    .. versionadded:: 2026.11.0
    """
    if catalog is None:
        catalog = draw(unit_catalogs())
    codes_of_units = [unit.code for unit in catalog.units]
    kinds = sorted({unit.kind for unit in catalog.units})
    some = st.lists(st.sampled_from(codes_of_units), unique=True, max_size=3)
    plan = InspectionPlan(
        id=draw(ids()),
        title=draw(texts()),
        version=draw(st.integers(1, 3)),
        legal_basis=LegalBasis(
            instrument="Kế hoạch 98/KH-UBND", issued_by="UBND", issued_on=_START
        ),
        period=Period(start=_START, end=_END),
        units=catalog.id,
        codes=codes,
        standing_agency=catalog.units[0].code if catalog.units else "01",
        scope=Scope(
            unit_kinds=tuple(draw(st.lists(st.sampled_from(kinds), unique=True, min_size=1))),
            units=tuple(draw(some)),
            exclude=tuple(draw(some)),
        ),
        model_point_types=tuple(
            ModelPointType(id=f"mo-hinh-{n}", label=draw(texts()))
            for n in range(draw(st.integers(0, 2)))
        ),
    )
    in_scope = [unit.code for unit in plan.scope_units(catalog)]
    if outline is None:
        visited = in_scope
    else:
        visited = draw(st.lists(st.sampled_from(in_scope), unique=True)) if in_scope else []
    return attrs.evolve(
        plan,
        direct=DirectPart(team=draw(texts()), checklist=checklist, units=tuple(visited)),
        indirect=(
            None
            if outline is None
            else IndirectPart(
                outline=outline, due_before=dt.date(2023, 7, 30), recipient=plan.standing_agency
            )
        ),
    )


@st.composite
def workspaces(
    draw: st.DrawFn,
    *,
    max_reports: int = 5,
    max_records: int = 5,
    answer_types: tuple[str, ...] = ANSWER_TYPES,
) -> Workspace:
    """
    Consistent workspaces that validate with no issue: a unit catalog, a code of conduct in
    force, a checklist, a report outline, an inspection plan over the catalog that uses them
    (the outline sometimes for the team's figures too), reports of some units that report in
    writing (one each, dated in the period) and records of some units visited (one each, dated
    in the period, drawn with :func:`inspection_records`).

    Args:
        max_reports: At most this many reports.
        max_records: At most this many inspection records.
        answer_types: The answer types of the checklist (see :func:`checklists`).

    .. versionadded:: 2026.11.0
    """
    catalog = draw(unit_catalogs())
    code = attrs.evolve(
        draw(conduct_codes()),
        legal_basis=LegalBasis(
            instrument="Quyết định 522/QĐ-UBND", issued_by="UBND", issued_on=_EARLY
        ),
        effective_from=_EARLY,
        effective_to=None,
    )
    checklist = draw(checklists(answer_types=answer_types))
    outline = draw(report_outlines())
    plan = draw(
        inspection_plans(
            catalog,
            checklist=checklist.id,
            outline=draw(st.sampled_from([outline.id, outline.id, None])),
            codes=(code.id,),
        )
    )
    direct_outline = draw(st.booleans())
    if direct_outline and plan.direct is not None:
        plan = attrs.evolve(plan, direct=attrs.evolve(plan.direct, outline=outline.id))
    assignments = plan.assignments(catalog)
    indirect = [a.unit.code for a in assignments if a.form is Form.INDIRECT]
    direct = [a.unit.code for a in assignments if a.form is Form.DIRECT]
    days = st.dates(_START, _END)
    documents: list[Document] = [catalog, code, checklist, outline, plan]
    reporting = (
        draw(st.lists(st.sampled_from(indirect), unique=True, max_size=max_reports))
        if indirect
        else []
    )
    documents += [
        draw(reports(outline, plan=plan.id, unit=unit, id=f"bc-{n}", submitted_on=days))
        for n, unit in enumerate(reporting)
    ]
    visited = (
        draw(st.lists(st.sampled_from(direct), unique=True, max_size=max_records)) if direct else []
    )
    documents += [
        draw(
            inspection_records(
                checklist,
                plan=plan.id,
                unit=unit,
                id=f"ktr-{n}",
                inspected_on=days,
                outline=outline if direct_outline else None,
                model_point_types=tuple(t.id for t in plan.model_point_types),
            )
        )
        for n, unit in enumerate(visited)
    ]
    return Workspace.of(*documents)
