"""
The JSON other city software reads: stable, versioned, exact numbers as text, dates ISO.

docs/cli.md documents every field; schemas/output/ holds the JSON Schema of each command's
output, and the tests validate real output against it.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence

    from quytac.errors import Finding
    from quytac.records import InspectionFindings
    from quytac.scoring import Explanation, ItemResult, Score, SectionResult
    from quytac.synthesis import Synthesis, UnitResult

__all__ = [
    "FORMAT_VERSION",
    "dumps",
    "exact",
    "explanation",
    "finding",
    "mistakes",
    "score",
    "synthesis",
]

#: The version of every JSON output of the command; raised only when a field changes meaning
#: or goes away (new fields may appear).
FORMAT_VERSION = 1


def dumps(data: Any) -> str:
    """
    The JSON text of plain data: UTF-8 text as itself (not ``\\u`` escapes), indented.
    """
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def exact(value: Fraction) -> str:
    """
    An exact number as text: a decimal when it has one (``87.5``), a fraction otherwise
    (``200/3``).
    """
    denominator = value.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    if denominator != 1:
        return str(value)
    places = 0
    while (value * 10**places).denominator != 1:
        places += 1
    scaled = abs(value.numerator) * 10**places // value.denominator
    digits = str(scaled).rjust(places + 1, "0")
    sign = "-" if value < 0 else ""
    if places == 0:
        return sign + digits
    return f"{sign}{digits[:-places]}.{digits[-places:]}"


def finding(found: Finding, lang: str = "vi") -> dict[str, Any]:
    """
    A problem or an issue, with its place; for a key, value or id that is not allowed, the
    nearest one allowed (``suggestion``) and those allowed (``allowed``); what its message
    says, as data (``params``), when it says anything.
    """
    from quytac.errors import format_path  # noqa: PLC0415 - keeps this module's imports light

    entry: dict[str, Any] = {
        "source": found.source,
        "line": found.line,
        "column": found.column,
        "path": list(found.path),
        "path_text": format_path(found.path),
        "code": found.code or None,
        "severity": str(found.severity),
        "message": found.text(lang),
    }
    if found.suggestion is not None:
        entry["suggestion"] = found.suggestion
    if found.allowed:
        entry["allowed"] = list(found.allowed)
    if found.params:
        entry["params"] = {name: _param(value) for name, value in found.params.items()}
    return entry


def _param(value: object) -> Any:
    # Exact numbers as text, dates ISO, tuples as lists; text, whole numbers, booleans as such.
    if isinstance(value, Decimal):
        return _decimal(value)
    if isinstance(value, Fraction):
        return exact(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_param(item) for item in value]
    return value


def mistakes(found: Sequence[Finding], lang: str = "vi", *, every: bool = False) -> list[Any]:
    """
    The findings as ``findings`` lists them: one a mistake, a finding that caused others with
    their number (``follow_ons``); with ``every``, those others too, each with the index of
    the finding that caused it in the list (``caused_by``).
    """
    from quytac.errors import fold  # noqa: PLC0415 - keeps this module's imports light

    entries = fold(found)
    more = {id(root): len(rest) for root, rest in entries}
    cause = {id(finding): root for root, rest in entries for finding in rest}
    listed = list(found) if every else [root for root, _ in entries]
    index = {id(item): position for position, item in enumerate(listed)}
    shown = []
    for item in listed:
        entry = finding(item, lang)
        if more.get(id(item)):
            entry["follow_ons"] = more[id(item)]
        if id(item) in cause:
            entry["caused_by"] = index[id(cause[id(item)])]
        shown.append(entry)
    return shown


def score(result: Score, lang: str = "vi") -> dict[str, Any]:
    """
    A score: exact values as text (``percent`` as the checklist rounds it, ``exact`` the
    fraction), the band, coverage and the critical items that capped it.
    """
    band = result.band
    return {
        "checklist": result.checklist.id,
        "checklist_version": result.checklist.version,
        "percent": None if result.percent is None else result.shown(),
        "exact": None if result.percent is None else str(result.percent),
        "band": None if band is None else band.id,
        "band_label": None if band is None else band.label.get(lang),
        "awarded": exact(result.awarded),
        "maximum": exact(result.maximum),
        "coverage": {
            "evaluated": result.coverage.evaluated,
            "applicable": result.coverage.applicable,
        },
        "capped_by": list(result.capped_by),
    }


def synthesis(syn: Synthesis, lang: str = "vi") -> dict[str, Any]:
    """
    The synthesis in the documented JSON shape (docs/synthesis.md, docs/cli.md): plan, date,
    units, ranking, findings, roll-up and summary, exact numbers as text; with the labels of
    its bands and statuses in ``lang``.
    """
    from ._view import bands, status_label  # noqa: PLC0415 - the view imports the model

    data = {
        "format_version": FORMAT_VERSION,
        "plan": syn.plan.id,
        "as_of": syn.as_of.isoformat(),
        "illustrative": syn.plan.illustrative,
        "units": [_unit(result, lang) for result in syn.units],
        "ranking": [
            {
                "rank": r.rank,
                "code": r.unit.code,
                "percent": r.shown(),
                "exact": str(r.percent),
                "band": r.band.id if r.band is not None else None,
                "appraised": r.appraised,
            }
            for r in syn.ranking
        ],
        "model_points": [
            {
                "type": found.type.id,
                "code": found.unit.code,
                "name": found.point.name.get(lang),
                "replicated": found.point.replicated,
            }
            for found in syn.model_points
        ],
        "limitations": [
            {"code": found.unit.code, "text": found.text.get(lang)} for found in syn.limitations
        ],
        "late": [unit.code for unit in syn.late],
        "missing": [unit.code for unit in syn.missing],
        "roll_up": [
            {
                "code": r.unit.code,
                "policy": str(syn.plan.roll_up),
                "scores": str(r.scores),
                "percent": r.shown(),
                "exact": None if r.percent is None else str(r.percent),
                "scored": r.scored,
            }
            for r in syn.roll_up
        ],
        "summary": {
            "by_status": dict(syn.by_status),
            "by_band": dict(syn.by_band),
            "indicator_totals": {k: str(v) for k, v in syn.indicator_totals.items()},
            "figures_left_out": syn.figures_left_out,
        },
        "outside_scope": [
            {
                "kind": type(found.document).kind,
                "document": found.document.id,
                "code": found.document.unit,
                "issues": [_unit_issue(issue, lang) for issue in found.issues],
            }
            for found in syn.outside_scope
        ],
    }
    data["title"] = syn.plan.title.get(lang)
    data["bands"] = [
        {"id": band.id, "label": band.label.get(lang), "min": str(band.min)} for band in bands(syn)
    ]
    data["statuses"] = {str(status): status_label(status, lang) for status in syn.by_status}
    return data


def _unit_score(result: Score | None) -> dict[str, Any] | None:
    if result is None:
        return None
    return {
        "percent": None if result.percent is None else result.shown(),
        "exact": None if result.percent is None else str(result.percent),
        "band": result.band.id if result.band is not None else None,
    }


def _unit_issue(issue: Finding, lang: str) -> dict[str, Any]:
    return {
        "code": issue.code,
        "severity": str(issue.severity),
        "source": issue.source,
        "line": issue.line,
        "column": issue.column,
        "message": issue.text(lang),
    }


def _difference(result: UnitResult) -> dict[str, Any]:
    from quytac.checklists import Rounding  # noqa: PLC0415 - keeps this module's imports light

    from ._numbers import percent_text  # noqa: PLC0415 - the numbers import the model

    agreement = result.agreement
    if agreement is None or agreement.difference is None:
        return {"difference": None, "difference_exact": None}
    appraised = result.appraised
    rounding = appraised.checklist.scoring.rounding if appraised is not None else Rounding()
    return {
        "difference": percent_text(agreement.difference, rounding),
        "difference_exact": str(agreement.difference),
    }


def _findings(findings: InspectionFindings, lang: str) -> dict[str, Any]:
    return {
        "strengths": [text.get(lang) for text in findings.strengths],
        "limitations": [text.get(lang) for text in findings.limitations],
        "recommendations": [text.get(lang) for text in findings.recommendations],
        "model_points": [
            {"type": point.type, "name": point.name.get(lang), "replicated": point.replicated}
            for point in findings.model_points
        ],
    }


def _unit(result: UnitResult, lang: str) -> dict[str, Any]:
    agreement = result.agreement
    document = result.report or result.record
    return {
        "code": result.unit.code,
        "name": result.unit.name.get(lang),
        "assignment": str(result.form),
        "status": str(result.status),
        "document": document.id if document is not None else None,
        "illustrative": document.illustrative if document is not None else False,
        "appraised": _unit_score(result.appraised),
        "self": _unit_score(result.self_assessed),
        "agreement": None
        if agreement is None
        else {
            "agreeing": agreement.agreeing,
            "compared": len(agreement.items),
            **_difference(result),
        },
        "figures": {name: str(value) for name, value in result.figures.items()},
        "figures_left_out": list(result.figures_left_out),
        "findings": _findings(result.findings, lang),
        "issues": [_unit_issue(issue, lang) for issue in result.issues],
    }


def explanation(explained: Explanation, lang: str = "vi") -> dict[str, Any]:
    """
    The explanation of a score (``quytac score --format json --explain``): the bands with
    their minimums, the band before any critical cap, and every section and item with its
    points, status and reason (in ``lang``); for a skipped item, the parts of its condition
    that did not hold, as data.
    """
    result = explained.score
    uncapped = result.uncapped_band
    return {
        "model": str(result.checklist.scoring.model),
        "bands": [
            {"id": band.id, "label": band.label.get(lang), "min": _decimal(band.min)}
            for band in explained.bands
        ],
        "uncapped_band": None if uncapped is None else uncapped.id,
        "sections": [_section(section, lang) for section in explained.sections],
    }


def _decimal(value: Decimal) -> str:
    return exact(Fraction(value))


def _section(section: SectionResult, lang: str) -> dict[str, Any]:
    return {
        "id": section.id,
        "title": section.titles.get(lang) if section.titles is not None else section.title,
        "awarded": exact(section.awarded),
        "maximum": exact(section.maximum),
        "percent": None if section.percent is None else exact(section.percent),
        "weight": None if section.weight is None else _decimal(section.weight),
        "zeroed_by": list(section.zeroed_by),
        "items": [_item(item, lang) for item in section.items],
        "sections": [_section(inner, lang) for inner in section.sections],
    }


def _item(result: ItemResult, lang: str) -> dict[str, Any]:
    from quytac._converter import unstructure  # noqa: PLC0415 - conditions as YAML writes them

    from .explanation import reason  # noqa: PLC0415 - the view imports the model

    answer = result.answer
    item = result.item
    return {
        "id": result.id,
        "text": None if item is None else item.text.get(lang),
        "critical": item is not None and item.critical,
        "answer": None
        if answer is None
        else {
            "value": answer.value,
            "note": None if answer.note is None else answer.note.get(lang),
            "evidence": list(answer.evidence),
        },
        "status": str(result.status),
        "counted": result.counted,
        "awarded": None if result.awarded is None else exact(result.awarded),
        "maximum": exact(result.maximum),
        "weight": None if result.weight is None else _decimal(result.weight),
        "critical_failed": result.critical_failed,
        "reason": reason(result, lang, detailed=True),
        "unmet": [
            {"condition": _plain_data(unstructure(found.condition)), "seen": dict(found.seen)}
            for found in result.unmet
        ],
        "issues": [
            {"code": issue.code, "severity": str(issue.severity), "message": issue.text(lang)}
            for issue in result.issues
        ],
    }


def _plain_data(value: Any) -> Any:
    """
    Plain data with its numbers (Decimals) as exact text.
    """
    if isinstance(value, dict):
        return {key: _plain_data(inner) for key, inner in value.items()}
    if isinstance(value, list):
        return [_plain_data(inner) for inner in value]
    if isinstance(value, Decimal):
        return _decimal(value)
    return value
