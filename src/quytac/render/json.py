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
    from quytac.errors import Finding
    from quytac.scoring import Score
    from quytac.synthesis import Synthesis

__all__ = ["FORMAT_VERSION", "dumps", "exact", "finding", "score", "synthesis"]

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
    A problem or an issue, with its place.
    """
    from quytac.errors import format_path  # noqa: PLC0415 - keeps this module's imports light

    return {
        "source": found.source,
        "line": found.line,
        "column": found.column,
        "path": list(found.path),
        "path_text": format_path(found.path),
        "code": found.code or None,
        "severity": str(found.severity),
        "message": found.text(lang),
    }


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
