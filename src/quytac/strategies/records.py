"""
Inspection records.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from quytac._mapping import FrozenMap
from quytac.checklists import (
    Answers,
    Checklist,
)
from quytac.outlines import (
    ReportOutline,
)
from quytac.records import (
    Figure,
    InspectionFindings,
    InspectionRecord,
    ModelPoint,
    Pin,
    SelfAssessment,
)

from ._common import _END, _START, ids, texts
from .checklists import answers
from .reports import _figure_values, _written

# --- inspection records ---------------------------------------------------------------------


@st.composite
def inspection_records(  # noqa: PLR0913 - where the record belongs, and what it holds
    draw: st.DrawFn,
    checklist: Checklist | None,
    *,
    plan: str = "ke-hoach",
    unit: str = "01",
    id: str | None = None,  # noqa: A002 - the YAML key is "id"
    inspected_on: st.SearchStrategy[dt.date] | None = None,
    answered: bool = True,
    self_assessment: bool = True,
    outline: ReportOutline | None = None,
    findings: bool = True,
    model_point_types: tuple[str, ...] = (),
) -> InspectionRecord:
    """
    Records of a visit that validate with no issue against the plan's checklist and direct
    outline: the team's answers (see :func:`answers`) and the unit's self-assessment pinned to
    the checklist, figures of the outline's indicators of the right type within bounds (the
    outline's rules kept) pinned to the outline, and findings with model points of the plan's
    types.

    Args:
        checklist: The plan's checklist (``direct.checklist``), whose edition answers are
            pinned to; None: the team does not score, and records have no answers.
        plan: Id of the plan.
        unit: Code of the unit visited.
        id: The record's id (drawn when None).
        inspected_on: The dates to draw from (the third quarter of 2023 by default).
        answered: Whether records may hold the team's answers; False: none.
        self_assessment: Whether records may hold the unit's self-assessment.
        outline: The plan's direct outline (``direct.outline``); None: records have no
            figures.
        findings: Whether records may hold strengths, limitations and recommendations.
        model_point_types: Ids of the plan's model point types; model points found are of
            these (none when empty).

    .. versionadded:: 2026.11.0
    """
    pinned = checklist is not None and answered and draw(st.booleans())
    given = draw(answers(checklist)) if checklist is not None and pinned else {}
    assessed = None
    if checklist is not None and self_assessment and draw(st.booleans()):
        assessed = SelfAssessment(
            checklist=Pin.of(checklist), answers=Answers.of(draw(answers(checklist)))
        )
    figures: dict[str, Figure] = {}
    if outline is not None and draw(st.booleans()):
        figures = {
            name: Figure(value=_written(value))
            for name, value in draw(_figure_values(outline, every_required=False)).items()
        }
    some_texts = st.lists(texts(), max_size=2) if findings else st.just([])
    points = st.integers(0, 2) if model_point_types else st.just(0)
    found = InspectionFindings(
        strengths=tuple(draw(some_texts)),
        limitations=tuple(draw(some_texts)),
        recommendations=tuple(draw(some_texts)),
        model_points=tuple(
            ModelPoint(
                type=draw(st.sampled_from(model_point_types)),
                name=draw(texts()),
                replicated=draw(st.none() | st.integers(0, 20)),
            )
            for _ in range(draw(points))
        ),
    )
    return InspectionRecord(
        id=id if id is not None else draw(ids()),
        plan=plan,
        unit=unit,
        inspected_on=draw(st.dates(_START, _END) if inspected_on is None else inspected_on),
        checklist=Pin.of(checklist) if checklist is not None and pinned else None,
        answers=Answers.of(given),
        self_assessment=assessed,
        outline=Pin.of(outline) if outline is not None and figures else None,
        figures=FrozenMap(figures),
        findings=found,
    )
