"""
The JSON other city software reads: stable, versioned, exact numbers as text, dates ISO.

docs/cli.md documents every field; schemas/output/ holds the JSON Schema of each command's
output, and the tests validate real output against it.
"""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence

    from quytac.errors import Finding
    from quytac.scoring import Explanation, ItemResult, Score, SectionResult
    from quytac.synthesis import Synthesis

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
    nearest one allowed (``suggestion``) and those allowed (``allowed``).
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
    return entry


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
    The synthesis in the documented JSON shape (``Synthesis.to_json``), with the labels of
    its bands and statuses in ``lang``.
    """
    from ._view import bands, status_label  # noqa: PLC0415 - the view imports the model

    data = syn.to_json(lang)
    data["title"] = syn.plan.title.get(lang)
    data["bands"] = [
        {"id": band.id, "label": band.label.get(lang), "min": str(band.min)} for band in bands(syn)
    ]
    data["statuses"] = {str(status): status_label(status, lang) for status in syn.by_status}
    return data


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
