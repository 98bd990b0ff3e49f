"""
What every rendering of a synthesis shares: labels, band order, the header of the report and
its appendix table, built once from the synthesis and its workspace.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import attrs

from quytac.outlines import ReportOutline
from quytac.units import UnitCatalog

from ._numbers import format_number
from ._ui import MONTHS_EN, ui

if TYPE_CHECKING:
    from decimal import Decimal

    from quytac.checklists import Band
    from quytac.errors import Finding
    from quytac.outlines import FigureValue
    from quytac.synthesis import Synthesis, UnitStatus
    from quytac.text import Text
    from quytac.workspace import Workspace

__all__ = [
    "AppendixLine",
    "Header",
    "appendix",
    "band_counts",
    "band_labels",
    "bands",
    "header",
    "issues",
    "ranked_percents",
    "status_label",
    "totals",
]


def issues(syn: Synthesis) -> list[Finding]:
    """
    Every issue of the synthesis: those of the units' reports and records, then those of the
    documents about units the plan does not assign.
    """
    found = [issue for result in syn.units for issue in result.issues]
    found += [issue for outside in syn.outside_scope for issue in outside.issues]
    return found


def ranked_percents(syn: Synthesis, lang: str = "en") -> dict[str, str]:
    """
    The percent of each ranked unit as its checklist shows it, by unit code, in
    ``lang``'s form (``88,3``, ``88.3``).
    """
    return {ranked.unit.code: format_number(ranked.shown(), lang) for ranked in syn.ranking}


def status_label(status: UnitStatus | str, lang: str) -> str:
    """
    ``đúng hạn`` / ``on time``.
    """
    return ui(f"status.{status}", lang)


def bands(syn: Synthesis) -> tuple[Band, ...]:
    """
    The bands of the checklists that scored the units, highest first, each id once.
    """
    found: dict[str, Band] = {}
    for result in syn.units:
        for score in (result.appraised, result.self_assessed):
            if score is not None:
                for band in score.checklist.scoring.bands:
                    found.setdefault(band.id, band)
    return tuple(sorted(found.values(), key=lambda band: -band.min))


def band_labels(syn: Synthesis, lang: str) -> dict[str, str]:
    """
    The label of each band id, in ``lang``.
    """
    return {band.id: band.label.get(lang) for band in bands(syn)}


def band_counts(syn: Synthesis, lang: str) -> list[tuple[str, int]]:
    """
    How many units reached each band, labelled, the highest band first.
    """
    ordered = [band.id for band in bands(syn)]
    ordered += sorted(set(syn.by_band) - set(ordered))
    labels = band_labels(syn, lang)
    return [(labels.get(b, b), syn.by_band[b]) for b in ordered if b in syn.by_band]


@attrs.frozen(kw_only=True)
class Header:
    """
    The header of a Vietnamese administrative report: the issuing body under its superior on
    the left, the national motto on the right, then the number, the place and the date.
    """

    superior: str | None
    issuer: str
    number: str
    place: str
    date: dt.date
    title: str
    subject: str

    def date_line(self, lang: str) -> str:
        """
        ``Hà Nội, ngày 31 tháng 8 năm 2023``.
        """
        return ui(
            "hdr.date",
            lang,
            place=self.place,
            day=self.date.day,
            month=self.date.month,
            month_name=MONTHS_EN[self.date.month - 1],
            year=self.date.year,
        )


#: Prefixes of a province's name that its place name drops ("Thành phố Hà Nội" -> "Hà Nội").
_PROVINCE_PREFIXES = ("Thành phố ", "Tỉnh ", "TP ", "TP. ")


def header(
    syn: Synthesis,
    workspace: Workspace,
    lang: str,
    *,
    number: str | None = None,
    place: str | None = None,
) -> Header:
    """
    The header of the synthesis as the standing agency issues it, dated on the synthesis date.
    """
    plan = syn.plan
    catalog = workspace.get(UnitCatalog, plan.units)
    agency = catalog.unit(plan.standing_agency, on=syn.as_of) if catalog is not None else None
    issuer = agency.name.get(lang) if agency is not None else plan.standing_agency
    superior = None
    top = None
    if catalog is not None and agency is not None:
        parent = catalog.parent_of(agency)
        superior = ui("hdr.superior", lang, name=parent.name.get(lang)) if parent else None
        chain = catalog.ancestors(agency)
        top = chain[-1] if chain else agency
    if place is None:
        place = top.name.get("vi") if top is not None else ""
        for prefix in _PROVINCE_PREFIXES:
            place = place.removeprefix(prefix)
    title = plan.title.get(lang)
    return Header(
        superior=superior.upper() if superior else None,
        issuer=issuer.upper(),
        number=number if number is not None else "……/BC",
        place=place,
        date=syn.as_of,
        title=ui("hdr.report", lang),
        subject=ui("hdr.subject", lang, title=title, title_lower=title[:1].lower() + title[1:]),
    )


@attrs.frozen(kw_only=True)
class AppendixLine:
    """
    A row of the appendix table: STT | chỉ tiêu | đơn vị tính | số lượng | ghi chú. The
    quantity is the total as people read it (``622.000``), ``-`` when there is none.
    """

    stt: int
    indicator: str
    label: str
    measure: str
    quantity: str
    note: str
    total: Decimal | None = None


def totals(syn: Synthesis, workspace: Workspace, lang: str) -> tuple[AppendixLine, ...]:
    """
    The indicators that have a total, named as the appendix names them.
    """
    return tuple(line for line in appendix(syn, workspace, lang) if line.total is not None)


def appendix(syn: Synthesis, workspace: Workspace, lang: str) -> tuple[AppendixLine, ...]:
    """
    The outline's appendix table filled with the plan's indicator totals.
    """
    plan = syn.plan
    outline_id = next(
        (part.outline for part in (plan.indirect, plan.direct) if part and part.outline), None
    )
    outline = workspace.get(ReportOutline, outline_id) if outline_id else None
    if outline is None:
        return tuple(
            AppendixLine(
                stt=n,
                indicator=k,
                label=k,
                measure="",
                quantity=format_number(v, lang),
                note="",
                total=v,
            )
            for n, (k, v) in enumerate(syn.indicator_totals.items(), start=1)
        )
    figures: dict[str, tuple[FigureValue, Text | None]] = {
        name: (value, None) for name, value in syn.indicator_totals.items()
    }
    return tuple(
        AppendixLine(
            stt=row.stt,
            indicator=row.indicator,
            label=row.label.get(lang),
            measure=row.unit or "",
            quantity=format_number(syn.indicator_totals.get(row.indicator), lang),
            note=row.note.get(lang) if row.note is not None else "",
            total=syn.indicator_totals.get(row.indicator),
        )
        for row in outline.appendix_rows(figures)
    )
