"""
Inspection plans: who is inspected in a round, how (visited or reporting), by when, against
which checklist and outline.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING, ClassVar

import attrs

from ._base import Definition
from ._checks import identifier, non_empty_text
from .checklists import Checklist
from .codes import LegalBasis
from .collation import vietnamese_key
from .outlines import ReportOutline
from .text import Text
from .units import Unit, UnitCatalog

if TYPE_CHECKING:
    from collections.abc import Iterator


__all__ = [
    "Assignment",
    "DirectPart",
    "Form",
    "IndirectPart",
    "InspectionPlan",
    "ModelPointType",
    "Period",
    "RollUpPolicy",
    "RollUpScores",
    "Scope",
]

Path = tuple[str | int, ...]


@attrs.frozen(kw_only=True)
class Period:
    """
    The days a plan covers, both included.

    Attributes:
        start: The first day.
        end: The last day.

    .. versionadded:: 2026.11.0
    """

    start: dt.date
    end: dt.date

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end


@attrs.frozen(kw_only=True)
class Scope:
    """
    The units a plan covers: every unit of the listed kinds, plus the units listed, minus the
    units excluded; only units that exist during the plan's period.

    Attributes:
        unit_kinds: Kinds of unit in scope (``so``, ``quan``, ``huyen`` ...).
        units: Codes of units in scope whatever their kind.
        exclude: Codes of units left out.

    .. versionadded:: 2026.11.0
    """

    unit_kinds: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class DirectPart:
    """
    The direct form (trực tiếp): the team visits these units.

    Attributes:
        team: Who inspects (Đoàn kiểm tra liên ngành).
        checklist: Id of the checklist the team fills in, if the team scores.
        outline: Id of an outline whose indicators the team records, if any.
        units: Codes of the units visited.

    .. versionadded:: 2026.11.0
    """

    team: Text
    checklist: str | None = None
    outline: str | None = None
    units: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class IndirectPart:
    """
    The indirect form (gián tiếp): the units not visited report in writing.

    Attributes:
        outline: Id of the outline the reports follow.
        due_before: Reports are due *before* this day ("trước ngày"): one dated on it is late.
        recipient: Code of the unit the reports go to.
        self_assessment: Id of a checklist the reporting units score themselves with, if any.

    .. versionadded:: 2026.11.0
    """

    outline: str
    due_before: dt.date
    recipient: str
    self_assessment: str | None = None


@attrs.frozen(kw_only=True)
class ModelPointType:
    """
    A kind of model point (mô hình điểm) the plan looks for, e.g. civilised reception of
    administrative procedures.

    Attributes:
        id: The type's id, which records name in their model points.
        label: What such a model point is.

    .. versionadded:: 2026.11.0
    """

    id: str = attrs.field(validator=identifier)
    label: Text


class Form(enum.StrEnum):
    """
    How a unit is inspected: visited (``direct``) or reporting in writing (``indirect``).

    .. versionadded:: 2026.11.0
    """

    DIRECT = "direct"
    INDIRECT = "indirect"


class RollUpScores(enum.StrEnum):
    """
    Which scores the synthesis rolls up along the unit hierarchy: the team's (``appraised``,
    the default) or the units' own (``self_assessed``); never the two mixed.

    .. versionadded:: 2026.11.0
    """

    APPRAISED = "appraised"
    SELF_ASSESSED = "self_assessed"


class RollUpPolicy(enum.StrEnum):
    """
    How the synthesis combines the scores of the units under a unit.

    Each child of a unit counts with its own score when it has one, otherwise with what
    its own children give (at any depth). ``mean``: the mean of the children's values, level
    by level (a district's value is the mean of its wards', and the city's the mean of its
    districts'); ``pooled``: 100 × the points awarded over the maxima of the scores counted;
    ``worst``: the lowest percent counted.

    .. versionadded:: 2026.11.0
    """

    MEAN = "mean"
    POOLED = "pooled"
    WORST = "worst"


@attrs.frozen(kw_only=True)
class Assignment:
    """
    One unit in a plan's scope and the form of its inspection.

    .. versionadded:: 2026.11.0
    """

    unit: Unit
    form: Form


@attrs.frozen(kw_only=True)
class InspectionPlan(Definition):
    """
    A round of inspection (kế hoạch kiểm tra).

    Attributes:
        legal_basis: The instrument that orders it (Kế hoạch 98/KH-UBND).
        period: The days it covers.
        units: Id of the unit catalog its unit codes refer to.
        codes: Ids of the codes of conduct whose implementation is inspected.
        standing_agency: Code of the standing agency (cơ quan thường trực).
        scope: The units it covers.
        direct: The direct form, if any.
        indirect: The indirect form, if any.
        model_point_types: The kinds of model point it looks for.
        roll_up: How the synthesis combines scores along the unit hierarchy.
        roll_up_scores: Which scores it rolls up: ``appraised`` (default) or ``self_assessed``.
        illustrative: True when the plan is an example whose details are invented; the
            synthesis says so.

    .. versionadded:: 2026.11.0
    """

    kind: ClassVar[str] = "InspectionPlan"

    legal_basis: LegalBasis
    period: Period
    units: str = attrs.field(validator=non_empty_text)
    codes: tuple[str, ...] = ()
    standing_agency: str = attrs.field(validator=non_empty_text)
    scope: Scope = Scope()
    direct: DirectPart | None = None
    indirect: IndirectPart | None = None
    model_point_types: tuple[ModelPointType, ...] = ()
    roll_up: RollUpPolicy = RollUpPolicy.MEAN
    roll_up_scores: RollUpScores = RollUpScores.APPRAISED
    illustrative: bool = False

    def existing_units(self, catalog: UnitCatalog) -> dict[str, tuple[Unit, ...]]:
        """
        The units of a catalog that exist during the period, by code: every unit of a code
        (a period that spans an era change may hold two units of one code, such as 00070
        Phường Hàng Trống to 2025-06-30 and 00070 Phường Hoàn Kiếm from 2025-07-01), in the
        order of the catalog.

        .. versionchanged:: 2026.11.0
           Every unit of a code, not only the first.
        """
        found: dict[str, list[Unit]] = {}
        for unit in catalog.units:
            start = unit.valid_from or catalog.valid_from
            end = unit.valid_to or catalog.valid_to
            if (start is None or start <= self.period.end) and (
                end is None or self.period.start <= end
            ):
                found.setdefault(unit.code, []).append(unit)
        return {code: tuple(units) for code, units in found.items()}

    def scope_units(self, catalog: UnitCatalog) -> tuple[Unit, ...]:
        """
        The units in scope, in the order of the catalog.
        """
        existing = self.existing_units(catalog)
        kinds = set(self.scope.unit_kinds)
        listed = set(self.scope.units)
        excluded = set(self.scope.exclude)
        return tuple(
            unit
            for units in existing.values()
            for unit in units
            if (unit.kind in kinds or unit.code in listed) and unit.code not in excluded
        )

    def assignments(self, catalog: UnitCatalog) -> tuple[Assignment, ...]:
        """
        Every unit in scope exactly once: direct if the direct part lists it, indirect
        otherwise (when the plan has an indirect part), in Vietnamese alphabetical order.

        .. versionadded:: 2026.11.0
        """
        direct = set(self.direct.units) if self.direct is not None else set()
        found = []
        for unit in self.scope_units(catalog):
            if unit.code in direct:
                found.append(Assignment(unit=unit, form=Form.DIRECT))
            elif self.indirect is not None:
                found.append(Assignment(unit=unit, form=Form.INDIRECT))
        return tuple(
            sorted(
                found,
                key=lambda a: (
                    vietnamese_key(a.unit.name.vi),
                    a.unit.code,
                    a.unit.valid_from or dt.date.min,
                ),
            )
        )

    def references(self) -> Iterator[tuple[Path, str, type[Checklist | ReportOutline]]]:
        """
        The checklists and outlines the plan names, with their paths.

        .. versionadded:: 2026.12.0
        """
        if self.direct is not None:
            if self.direct.checklist is not None:
                yield ("direct", "checklist"), self.direct.checklist, Checklist
            if self.direct.outline is not None:
                yield ("direct", "outline"), self.direct.outline, ReportOutline
        if self.indirect is not None:
            yield ("indirect", "outline"), self.indirect.outline, ReportOutline
            if self.indirect.self_assessment is not None:
                yield ("indirect", "self_assessment"), self.indirect.self_assessment, Checklist
