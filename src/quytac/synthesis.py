"""
The synthesis of a plan (báo cáo tổng hợp): where every assigned unit stands on a date, its
scores and findings, and what the round found as a whole.
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from ._checks import EXACT
from ._mapping import FrozenMap
from .checklists import Checklist, Rounding
from .collation import vietnamese_key
from .errors import Finding, SynthesisError
from .outlines import IndicatorType, ReportOutline
from .plans import Form, InspectionPlan, ModelPointType, RollUpPolicy, RollUpScores
from .records import (
    InspectionFindings,
    InspectionRecord,
    ModelPoint,
    Pin,
    Report,
    counting_records,
    counting_reports,
)
from .scoring import Agreement, Score, _plain, compare, round_percent
from .text import Text
from .units import Unit, UnitCatalog
from .validation import issues_of
from .validation.records import assessed_score, pin_holds

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .checklists import Band
    from .outlines import FigureValue
    from .workspace import Workspace

__all__ = [
    "FoundLimitation",
    "FoundModelPoint",
    "OutsideDocument",
    "RankedUnit",
    "RollUp",
    "Synthesis",
    "SynthesisError",
    "UnitResult",
    "UnitStatus",
    "synthesize",
]

_NO_FINDINGS = InspectionFindings()
_NO_FIGURES: FrozenMap[Decimal] = FrozenMap()


class UnitStatus(enum.StrEnum):
    """
    Where an assigned unit stands on the synthesis date.

    Direct: ``inspected`` or ``not_inspected``. Indirect: ``on_time`` (first report dated before
    ``due_before``), ``late`` (dated on it or after), ``missing`` (no report, and the deadline
    has come) or ``not_due`` (no report yet, and the deadline has not come).

    .. versionadded:: 2026.11.0
    """

    INSPECTED = "inspected"
    NOT_INSPECTED = "not_inspected"
    ON_TIME = "on_time"
    LATE = "late"
    MISSING = "missing"
    NOT_DUE = "not_due"


@attrs.frozen(kw_only=True, eq=False)
class UnitResult:
    """
    One assigned unit in the synthesis.

    Attributes:
        unit: The unit.
        form: ``direct`` or ``indirect``.
        status: Where it stands on the date.
        report: The report that counts (received by the date), if any.
        record: The record of the visit (made by the date), if any.
        appraised: The team's score, if scored.
        self_assessed: The unit's own score, if scored.
        agreement: How the two compare, when both exist.
        issues: The issues of every report and record of the plan about the unit (known by
            the date, also those that do not count), located in their files.
        findings: What its record found (empty for a report).
        figures: Its figures of the outline that are numbers and have no issue, by indicator
            id: what the totals add up.
        figures_left_out: Ids of the figures it gave that are not totalled: written against
            another edition of the outline, unknown to it, of the wrong type, out of bounds,
            or in a broken rule between indicators.

    .. versionadded:: 2026.11.0
    """

    unit: Unit
    form: Form
    status: UnitStatus
    report: Report | None = None
    record: InspectionRecord | None = None
    appraised: Score | None = None
    self_assessed: Score | None = None
    agreement: Agreement | None = None
    issues: tuple[Finding, ...] = ()
    findings: InspectionFindings = _NO_FINDINGS
    figures: FrozenMap[Decimal] = _NO_FIGURES
    figures_left_out: tuple[str, ...] = ()

    @property
    def score(self) -> Score | None:
        """
        The score that ranks the unit: the team's, or failing that its own.
        """
        return self.appraised or self.self_assessed


@attrs.frozen(kw_only=True, eq=False)
class RankedUnit:
    """
    A place in the ranking: units with the same percent share a rank (1, 2, 2, 4).

    .. versionadded:: 2026.11.0
    """

    rank: int
    unit: Unit
    percent: Fraction
    band: Band | None
    appraised: bool
    score: Score | None = None

    def shown(self, lang: str = "en") -> str:
        """
        The percent as the unit's score shows it (the checklist's rounding).
        """
        if self.score is not None:
            return self.score.shown(lang)
        return _plain(round_percent(self.percent))


@attrs.frozen(kw_only=True)
class FoundModelPoint:
    """
    A model point found by the team: a candidate to replicate and commend.

    .. versionadded:: 2026.11.0
    """

    type: ModelPointType
    unit: Unit
    point: ModelPoint


@attrs.frozen(kw_only=True)
class FoundLimitation:
    """
    A limitation found at a unit.

    .. versionadded:: 2026.11.0
    """

    unit: Unit
    text: Text


@attrs.frozen(kw_only=True)
class OutsideDocument:
    """
    A report or record of the plan about a unit the plan does not assign (outside its scope,
    or not in its catalog during the period): it counts nowhere, and is listed with its issues.

    .. versionadded:: 2026.11.0
    """

    document: Report | InspectionRecord
    issues: tuple[Finding, ...] = ()


@attrs.frozen(kw_only=True)
class RollUp:
    """
    The scores of the units under a unit, combined by the plan's roll-up policy.

    Attributes:
        unit: The unit above.
        percent: The combined percent, or None when nothing below could be combined.
        scored: How many scored units below it (at any depth) count.
        scores: Which scores were rolled up (the plan's ``roll_up_scores``).
        rounding: How the percent is shown (the rounding of the checklist of those scores).

    .. versionadded:: 2026.11.0
    """

    unit: Unit
    percent: Fraction | None
    scored: int
    scores: RollUpScores = RollUpScores.APPRAISED
    rounding: Rounding = attrs.field(factory=Rounding)

    def shown(self) -> str | None:
        """
        The percent as shown to people, with the rounding of the scores rolled up.
        """
        if self.percent is None:
            return None
        return _plain(round_percent(self.percent, self.rounding))


@attrs.frozen(kw_only=True, eq=False)
class Synthesis:
    """
    A plan's synthesis on a date.

    Attributes:
        plan: The plan.
        as_of: The date: reports and records dated after it are not yet known.
        units: Every assigned unit, in Vietnamese alphabetical order.
        by_status: How many units are in each status (every status listed).
        by_band: How many scored units reached each band.
        ranking: The scored units, best first.
        model_points: Model points found, by the plan's types in order, then by unit.
        limitations: Limitations found, by unit.
        late: Units whose report came late.
        missing: Units whose report is missing.
        indicator_totals: The sums of the outline's integer and decimal indicators over the
            reports and records that count, leaving out figures that have issues.
        figures_left_out: How many figures of those reports and records are not totalled
            (see ``UnitResult.figures_left_out``).
        roll_up: Combined scores of the units above the scored units.
        outside_scope: Reports and records of the plan about units it does not assign.

    It is data only; ``quytac.render`` shows it: ``render.text.plain`` (a plain table),
    ``render.text.synthesis`` (the command's text), ``render.json.synthesis`` (the stable
    JSON), ``render.markdown.synthesis`` and ``render.html.synthesis`` (the report).

    .. versionadded:: 2026.11.0
    """

    plan: InspectionPlan
    as_of: dt.date
    units: tuple[UnitResult, ...]
    by_status: FrozenMap[int]
    by_band: FrozenMap[int]
    ranking: tuple[RankedUnit, ...]
    model_points: tuple[FoundModelPoint, ...]
    limitations: tuple[FoundLimitation, ...]
    late: tuple[Unit, ...]
    missing: tuple[Unit, ...]
    indicator_totals: FrozenMap[Decimal]
    roll_up: tuple[RollUp, ...]
    figures_left_out: int = 0
    outside_scope: tuple[OutsideDocument, ...] = ()


# --- building the synthesis ---------------------------------------------------------------


def synthesize(workspace: Workspace, plan_id: str, *, as_of: dt.date) -> Synthesis:
    """
    The synthesis of a plan on a date.

    Only reports submitted and records made on or before ``as_of`` are known. The same
    workspace and date give the same synthesis, whatever the order of its files.

    Args:
        workspace: The documents.
        plan_id: The plan's id.
        as_of: The date of the synthesis.

    Raises:
        SynthesisError: When the plan or its unit catalog is not in the workspace.
        TypeError: When ``as_of`` is not a ``datetime.date`` (a text or a datetime).

    .. versionadded:: 2026.11.0
    """
    if type(as_of) is not dt.date:
        raise TypeError(
            f"as_of must be a datetime.date, got {type(as_of).__name__} {as_of!r}"
            + (" (use .date())" if isinstance(as_of, dt.datetime) else "")
        )
    plan = workspace.get(InspectionPlan, plan_id)
    if plan is None:
        raise SynthesisError(f"there is no plan {plan_id!r} in the workspace")
    catalog = workspace.get(UnitCatalog, plan.units)
    if catalog is None:
        raise SynthesisError(f"plan {plan_id!r} needs the unit catalog {plan.units!r}")
    results, outside = _unit_results(workspace, plan, catalog, as_of)
    by_band: dict[str, int] = {}
    for result in results:
        band = result.score.band if result.score is not None else None
        if band is not None:
            by_band[band.id] = by_band.get(band.id, 0) + 1
    return Synthesis(
        plan=plan,
        as_of=as_of,
        units=results,
        by_status=FrozenMap(
            (status.value, sum(1 for r in results if r.status is status)) for status in UnitStatus
        ),
        by_band=FrozenMap(sorted(by_band.items())),
        ranking=_ranking(results),
        model_points=_model_points(plan, results),
        limitations=tuple(
            FoundLimitation(unit=r.unit, text=text)
            for r in results
            for text in r.findings.limitations
        ),
        late=tuple(r.unit for r in results if r.status is UnitStatus.LATE),
        missing=tuple(r.unit for r in results if r.status is UnitStatus.MISSING),
        indicator_totals=_totals(workspace, plan, results),
        roll_up=_roll_up(workspace, plan, catalog, results),
        figures_left_out=sum(len(r.figures_left_out) for r in results),
        outside_scope=outside,
    )


def _unit_results(
    workspace: Workspace, plan: InspectionPlan, catalog: UnitCatalog, as_of: dt.date
) -> tuple[tuple[UnitResult, ...], tuple[OutsideDocument, ...]]:
    """
    Each assigned unit with its documents known by the date; and the documents about units
    the plan does not assign.
    """
    known_reports = [
        r for r in workspace.all(Report) if r.plan == plan.id and r.submitted_on <= as_of
    ]
    known_records = [
        r for r in workspace.all(InspectionRecord) if r.plan == plan.id and r.inspected_on <= as_of
    ]
    assignments = plan.assignments(catalog)
    codes: dict[str, int] = {}
    for assignment in assignments:
        codes[assignment.unit.code] = codes.get(assignment.unit.code, 0) + 1

    def about(unit: Unit, document: Report | InspectionRecord) -> bool:
        # A code names one unit together with a date: where two assigned units share a code
        # (a period over an era change), a document is about the one that exists on its day.
        if document.unit != unit.code:
            return False
        day = document.submitted_on if isinstance(document, Report) else document.inspected_on
        return codes[unit.code] == 1 or catalog.exists_on(unit, day)

    # Documents by unit code, once: scanning every document for every unit is quadratic.
    reports_of: dict[str, list[Report]] = {}
    for report in known_reports:
        reports_of.setdefault(report.unit, []).append(report)
    records_of: dict[str, list[InspectionRecord]] = {}
    for record in known_records:
        records_of.setdefault(record.unit, []).append(record)

    results = []
    for a in assignments:
        reports = [r for r in reports_of.get(a.unit.code, ()) if about(a.unit, r)]
        records = [r for r in records_of.get(a.unit.code, ()) if about(a.unit, r)]
        issues = _located(workspace, [*reports, *records])
        if a.form is Form.DIRECT:
            result = _direct_result(
                workspace, plan, a.unit, counting_records(records).get(a.unit.code)
            )
        else:
            counted = counting_reports(reports).get(a.unit.code)
            result = _indirect_result(workspace, plan, a.unit, counted, as_of)
        results.append(attrs.evolve(result, issues=issues))
    documents: list[Report | InspectionRecord] = [*known_reports, *known_records]
    outside = tuple(
        OutsideDocument(document=document, issues=_located(workspace, [document]))
        for document in sorted(documents, key=lambda d: (d.unit, d.kind, d.id))
        if document.unit not in codes
    )
    return tuple(results), outside


def _direct_result(
    workspace: Workspace,
    plan: InspectionPlan,
    unit: Unit,
    records: tuple[InspectionRecord, tuple[InspectionRecord, ...]] | None,
) -> UnitResult:
    if records is None:
        return UnitResult(unit=unit, form=Form.DIRECT, status=UnitStatus.NOT_INSPECTED)
    record = records[0]
    checklist_id = plan.direct.checklist if plan.direct is not None else None
    own = record.own_answers()
    appraised = assessed_score(own, workspace, checklist_id) if own and own.answers else None
    given = record.self_assessment
    self_assessed = assessed_score(given, workspace, checklist_id) if given else None
    figures, left_out = _figures(workspace, plan, record)
    return UnitResult(
        unit=unit,
        form=Form.DIRECT,
        status=UnitStatus.INSPECTED,
        record=record,
        appraised=appraised,
        self_assessed=self_assessed,
        agreement=_agreement(self_assessed, appraised),
        findings=record.findings,
        figures=FrozenMap(figures),
        figures_left_out=left_out,
    )


def _indirect_result(
    workspace: Workspace,
    plan: InspectionPlan,
    unit: Unit,
    reports: tuple[Report, Report] | None,
    as_of: dt.date,
) -> UnitResult:
    due = plan.indirect.due_before if plan.indirect is not None else as_of
    if reports is None:
        status = UnitStatus.MISSING if as_of >= due else UnitStatus.NOT_DUE
        return UnitResult(unit=unit, form=Form.INDIRECT, status=status)
    counting, first = reports
    checklist_id = plan.indirect.self_assessment if plan.indirect is not None else None
    given = counting.self_assessment
    figures, left_out = _figures(workspace, plan, counting)
    return UnitResult(
        unit=unit,
        form=Form.INDIRECT,
        status=UnitStatus.ON_TIME if first.submitted_on < due else UnitStatus.LATE,
        report=counting,
        self_assessed=assessed_score(given, workspace, checklist_id) if given else None,
        figures=FrozenMap(figures),
        figures_left_out=left_out,
    )


def _agreement(self_assessed: Score | None, appraised: Score | None) -> Agreement | None:
    if self_assessed is None or appraised is None:
        return None
    if not (self_assessed.ok and appraised.ok):  # compare refuses invalid answers; issues say why
        return None
    return compare(self_assessed, appraised)


def _located(
    workspace: Workspace, documents: Iterable[Report | InspectionRecord]
) -> tuple[Finding, ...]:
    found = [
        finding
        for document in documents
        for finding in workspace.locate(document, issues_of(document, workspace))
    ]
    return tuple(sorted(found, key=lambda f: (f.source or "", f.line or 0, f.column or 0, f.code)))


def _outline_of(
    workspace: Workspace, plan: InspectionPlan, document: Report | InspectionRecord
) -> ReportOutline | None:
    if isinstance(document, Report):
        outline_id = plan.indirect.outline if plan.indirect is not None else None
        pin: Pin | None = document.outline
    else:
        outline_id = plan.direct.outline if plan.direct is not None else None
        pin = document.outline
    outline = workspace.get(ReportOutline, outline_id) if outline_id else None
    if outline is None or not pin_holds(pin, outline):
        return None
    return outline


def _figures(
    workspace: Workspace, plan: InspectionPlan, document: Report | InspectionRecord
) -> tuple[dict[str, Decimal], tuple[str, ...]]:
    """
    The figures that are numbers of the type their indicator says, from a document written
    against the plan's edition of the outline (never another edition), leaving out those with
    an issue (out of bounds, in a broken rule); and the ids of the figures left out.
    """
    given: dict[str, tuple[FigureValue, Text | None]]
    if isinstance(document, Report):
        given = document.figures()
    else:
        given = {name: (f.value, f.note) for name, f in document.figures.items()}
    outline = _outline_of(workspace, plan, document)
    if outline is None:
        return {}, tuple(sorted(given))
    indicators = outline.indicators()
    numbers: dict[str, Decimal] = {}
    bad: set[str] = set()
    for name, (value, _) in given.items():
        indicator = indicators[name][1] if name in indicators else None
        typed = indicator.typed(value) if indicator is not None else None
        if indicator is None or typed is None:
            bad.add(name)
            continue
        if not indicator.type.numeric or isinstance(typed, bool):
            continue
        number = Decimal(typed)  # type: ignore[arg-type]
        low, high = indicator.bounds()
        if (low is not None and number < low) or (high is not None and number > high):
            bad.add(name)
        else:
            numbers[name] = number
    for rule in outline.rules:
        if rule.holds(numbers) is False:
            bad.update(name for name in rule.operands if name in given)
    kept = {name: number for name, number in numbers.items() if name not in bad}
    return kept, tuple(sorted(bad))


def _totals(
    workspace: Workspace, plan: InspectionPlan, results: tuple[UnitResult, ...]
) -> FrozenMap[Decimal]:
    """
    Sums of the integer and decimal indicators (percents are not summed), in outline order.
    """
    order: dict[str, None] = {}
    summable: set[str] = set()
    for part in (plan.indirect, plan.direct):
        outline_id = part.outline if part is not None else None
        outline = workspace.get(ReportOutline, outline_id) if outline_id else None
        if outline is None:
            continue
        for name, (_, indicator) in outline.indicators().items():
            order.setdefault(name)
            if indicator.type in (IndicatorType.INTEGER, IndicatorType.DECIMAL):
                summable.add(name)
    totals: dict[str, Decimal] = {}
    for result in results:
        for name, value in result.figures.items():
            if name in summable:
                totals[name] = EXACT.add(totals.get(name, Decimal(0)), value)
    return FrozenMap((name, totals[name]) for name in order if name in totals)


def _ranking(results: tuple[UnitResult, ...]) -> tuple[RankedUnit, ...]:
    scored = [
        (r.score.percent, r) for r in results if r.score is not None and r.score.percent is not None
    ]
    scored.sort(
        key=lambda pair: (-pair[0], vietnamese_key(pair[1].unit.name.vi), pair[1].unit.code)
    )
    ranked: list[RankedUnit] = []
    for position, (percent, result) in enumerate(scored, start=1):
        same = ranked and ranked[-1].percent == percent
        ranked.append(
            RankedUnit(
                rank=ranked[-1].rank if same else position,
                unit=result.unit,
                percent=percent,
                band=result.score.band if result.score is not None else None,
                appraised=result.appraised is not None,
                score=result.score,
            )
        )
    return tuple(ranked)


def _model_points(
    plan: InspectionPlan, results: tuple[UnitResult, ...]
) -> tuple[FoundModelPoint, ...]:
    found = []
    for kind in plan.model_point_types:
        for result in results:
            found += [
                FoundModelPoint(type=kind, unit=result.unit, point=point)
                for point in result.findings.model_points
                if point.type == kind.id
            ]
    return tuple(found)


#: A unit's value in the roll-up: its percent, and the scores that make it up.
_Value = tuple[Fraction | None, list[Score]]


def _roll_up(
    workspace: Workspace, plan: InspectionPlan, catalog: UnitCatalog, results: Iterable[UnitResult]
) -> tuple[RollUp, ...]:
    """
    For every unit above a scored unit, the value of its children, level by level: a child
    counts with its own score (of the kind the plan rolls up) when it has one, otherwise with
    the value of its own children.
    """
    kind = plan.roll_up_scores
    own: dict[Unit, Score] = {}
    for result in results:
        score = result.appraised if kind is RollUpScores.APPRAISED else result.self_assessed
        if score is not None and score.percent is not None:
            own[result.unit] = score
    # Children in the order first met, as dict keys: a list's `in` made this quadratic.
    children: dict[Unit, dict[Unit, None]] = {}
    for unit in own:
        child = unit
        for above in catalog.ancestors(unit):
            children.setdefault(above, {})[child] = None
            child = above

    def value(unit: Unit) -> _Value:
        found = [
            (own[child].percent, [own[child]]) if child in own else value(child)
            for child in children[unit]
        ]
        return _combine(plan.roll_up, found)

    rounding = _rounding_of(workspace, plan)
    rolled = []
    for unit in children:
        percent, scores = value(unit)
        rolled.append(
            RollUp(unit=unit, percent=percent, scored=len(scores), scores=kind, rounding=rounding)
        )
    return tuple(sorted(rolled, key=lambda r: (vietnamese_key(r.unit.name.vi), r.unit.code)))


def _combine(policy: RollUpPolicy, found: list[_Value]) -> _Value:
    """
    The value of a unit from its children's values: a percent and the scores behind it.
    """
    scores = [score for _, given in found for score in given]
    percents = [percent for percent, _ in found if percent is not None]
    if not percents:
        return None, scores
    if policy is RollUpPolicy.WORST:
        return min(percents), scores
    if policy is RollUpPolicy.POOLED:
        maximum = sum((s.maximum for s in scores), Fraction(0))
        awarded = sum((s.awarded for s in scores), Fraction(0))
        return (100 * awarded / maximum if maximum else None), scores
    return sum(percents, Fraction(0)) / len(percents), scores


def _rounding_of(workspace: Workspace, plan: InspectionPlan) -> Rounding:
    """
    The rounding of the checklist whose scores the plan rolls up.
    """
    part = plan.direct.checklist if plan.direct is not None else None
    if plan.roll_up_scores is RollUpScores.SELF_ASSESSED and plan.indirect is not None:
        part = plan.indirect.self_assessment or part
    checklist = workspace.get(Checklist, part) if part else None
    return checklist.scoring.rounding if checklist is not None else Rounding()
