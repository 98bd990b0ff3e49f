"""
The JSON other city software reads: stable, versioned, exact numbers as text, dates ISO.

docs/cli.md documents every field; schemas/output/ holds the JSON Schema of each command's
output, and the tests validate real output against it.
"""

from __future__ import annotations

import json
from fractions import Fraction
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence

    from quytac.errors import Finding
    from quytac.scoring import Score
    from quytac.synthesis import Synthesis

__all__ = ["FORMAT_VERSION", "dumps", "exact", "finding", "mistakes", "score", "synthesis"]

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
    The synthesis in the shape of DESIGN.md §6 (``Synthesis.to_json``), with the labels of
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
