"""
Numbers as the renderings write them: for people in the language of the output (``format_number``),
for other software in one exact form (``percent_text``, and ``json.exact``).

Vietnamese writes a decimal comma and groups thousands with dots (``93,09``, ``622.000``,
``1.234,5``); English keeps the machine form (``93.09``, ``622000``), the same digits as the
JSON. A number that is missing is ``-``, never a blank a reader takes for 0. Every number the
text, Markdown and HTML outputs show goes through ``format_number``, and so will the Word report's.
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from quytac.checklists import Rounding
from quytac.scoring import _plain, round_percent

if TYPE_CHECKING:
    from quytac.scoring import Score

__all__ = ["MISSING", "format_number", "percent_text", "score_text"]

#: What a missing number shows.
MISSING = "-"

#: The machine form: a sign, digits, a decimal point and digits, or a fraction ``200/3``.
_MACHINE = re.compile(r"(-?)(\d+)(?:\.(\d+))?(?:/(\d+))?")


def percent_text(value: Fraction, rounding: Rounding = Rounding()) -> str:  # noqa: B008
    """
    A percent (or a difference of percents) as its decimal text, the one rendering of the
    synthesis and of ``Score.shown``: rounded by the declared rule (two places, half up, by
    default), then written without trailing zeros: ``87.5``, ``66.67``, ``-19.5``.
    """
    rounded = round_percent(abs(value), rounding)
    return _plain(-rounded if value < 0 else rounded)


def _machine(value: Decimal | Fraction | int) -> str:
    if isinstance(value, Decimal):
        return format(value, "f")  # its digits as given, never an exponent (1E+3)
    if isinstance(value, Fraction):
        return _plain(value)
    return str(value)


def _grouped(digits: str) -> str:
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return ".".join(groups)


def format_number(value: Decimal | Fraction | int | str | None, lang: str = "vi") -> str:
    """
    A number as people read it in ``lang``: in Vietnamese ``1.234,5``, ``622.000``, ``-19,5``,
    ``200/3``; in English as the machine writes it, ``1234.5``. ``value`` is a Decimal (its
    digits as given: ``2.50`` stays ``2,50``), a Fraction (written without trailing zeros,
    ``200/3`` when it has no finite decimal), a whole number, or the decimal text of one
    (``"87.5"``, what ``Score.shown()`` and ``percent_text`` give). None is ``-``.

    Raises:
        ValueError: When a text is not a number in the machine form.
    """
    if value is None:
        return MISSING
    if isinstance(value, bool):
        raise TypeError(f"a number, not {value!r}")
    text = value if isinstance(value, str) else _machine(value)
    found = _MACHINE.fullmatch(text)
    if found is None:
        raise ValueError(f"not a number: {text!r}")
    if lang != "vi":
        return text
    sign, whole, places, denominator = found.groups()
    shown = sign + _grouped(whole)
    if places is not None:
        shown += "," + places
    if denominator is not None:
        shown += "/" + _grouped(denominator)
    return shown


def score_text(score: Score, lang: str = "vi") -> str:
    """
    A score's percent as its checklist rounds it, written by ``format_number`` (``93,09``); its
    words when there is no score (``chưa có điểm``).
    """
    if score.percent is None:
        return score.shown(lang)
    return format_number(score.shown(), lang)
