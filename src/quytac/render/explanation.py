"""
The explanation of a score (``Score.explain()``, data) for people: indented text (the short
tree, or the detailed one of ``quytac score --explain``), Markdown and HTML; ``reason`` says
in words why an item counted or not. It is the explanation's only formatter.

The detailed views add what an official asks for: each item's text, the label of the choice
given, the inspector's note, which part of a ``when:`` condition did not hold (the item it
tests, the answer it saw, the test), why an answer does not fit, the bands with their
minimum percents, and the band a capped score would have had. The words are in the catalog
(``_ui``); numbers are written as the rest of the text output writes them.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from quytac.checklists import NA, NOT_OBSERVED, Choices, Count, PointsScale, ZeroScope
from quytac.conditions import AllOf, AnyOf, ItemCondition, NotCondition
from quytac.scoring import Status, _plain, round_percent

from ._numbers import _MACHINE, format_number, score_text
from ._ui import ui
from ._visible import prose, visible
from .html import _e
from .html import _table as _html_table
from .markdown import _table as _markdown_table
from .markdown import escape

if TYPE_CHECKING:
    from decimal import Decimal
    from fractions import Fraction

    from quytac.conditions import Condition, UnmetCondition
    from quytac.scoring import Explanation, ItemResult, SectionResult

__all__ = [
    "condition",
    "effects",
    "head",
    "html",
    "markdown",
    "reason",
    "text",
    "unmet",
]

#: Statuses whose reason depends on whether the policy counts them as failed.
_COUNTED_OR_NOT = (Status.NOT_OBSERVED, Status.MISSING, Status.INVALID)


def _number(value: Fraction | Decimal, lang: str) -> str:
    """
    A number of the explanation (points, weights, band minimums) as the text output writes it,
    without trailing zeros, in ``lang``'s form (``87,5``, ``87.5``).
    """
    return format_number(_plain(value), lang)


# --- words ------------------------------------------------------------------------------------


def condition(test: Condition, lang: str = "en") -> str:
    """
    A condition in words: ``I.3 thuộc [day_du, mot_phan]``, ``I.2 ≥ 3``, ``một trong (...)``.
    """
    if isinstance(test, AllOf | AnyOf):
        key = "exp.all" if isinstance(test, AllOf) else "exp.any"
        return ui(key, lang, tests="; ".join(condition(inner, lang) for inner in test.conditions))
    if isinstance(test, NotCondition):
        return ui("exp.not", lang, test=condition(test.condition, lang))
    return _item_test(test, lang)


def _item_test(test: ItemCondition, lang: str) -> str:
    item = test.item
    parts = []
    if test.answered is not None:
        parts.append(ui("exp.has_value" if test.answered else "exp.no_value", lang, item=item))
    if test.equals is not None:
        parts.append(f"{item} = {test.equals}")
    if test.in_ is not None:
        parts.append(ui("exp.in", lang, item=item, values=", ".join(test.in_)))
    if test.gte is not None:
        parts.append(f"{item} ≥ {format_number(test.gte, lang)}")
    if test.lte is not None:
        parts.append(f"{item} ≤ {format_number(test.lte, lang)}")
    if not parts:
        return item
    return functools.reduce(lambda left, right: ui("exp.and", lang, left=left, right=right), parts)


def unmet(found: UnmetCondition, lang: str = "en") -> str:
    """
    What a condition saw and what it needed: ``I.3 = khong, cần I.3 thuộc [day_du, mot_phan]``.
    """
    seen = ", ".join(
        ui("exp.no_value", lang, item=item) if value is None else f"{item} = {value}"
        for item, value in found.seen
    )
    return ui("exp.unmet", lang, seen=seen, test=condition(found.condition, lang))


def reason(result: ItemResult, lang: str = "en", *, detailed: bool = False) -> str:
    """
    Why an item counted or not. ``detailed`` names the part of the condition that did not hold,
    why an answer does not fit, and a failed critical item.
    """
    status = result.status
    key = f"exp.{status}"
    if status in _COUNTED_OR_NOT and result.counted:
        key += "_counted"
    if not detailed:
        return ui(key, lang)
    if status is Status.SKIPPED and result.unmet:
        said = ui("exp.skipped_by", lang, why="; ".join(unmet(u, lang) for u in result.unmet))
    else:
        said = ui(key, lang)
    if status is Status.INVALID and result.issues:
        said += " (" + "; ".join(f"{i.code}: {i.text(lang)}" for i in result.issues) + ")"
    if result.critical_failed:
        said += "; " + ui("exp.critical_failed", lang)
    return said


def head(explanation: Explanation, lang: str = "en") -> str:
    """
    The first line: ``kt-co-quan-2023: 93.09 % (Tốt), 87.5/94 điểm, phạm vi 15/15``.
    """
    score = explanation.score
    band = f" ({score.band.label.get(lang)})" if score.band else ""
    percent = score_text(score, lang) + ("" if score.percent is None else " %")
    return (
        f"{score.checklist.id}: {percent}{band}, {_number(score.awarded, lang)}/"
        f"{_number(score.maximum, lang)} {ui('exp.points', lang)},"
        f" {ui('exp.coverage', lang)} {score.coverage}"
    )


def bands(explanation: Explanation, lang: str = "en") -> list[tuple[str, str]]:
    """
    The checklist's bands, highest first, each with its minimum percent.
    """
    return [(band.label.get(lang), _number(band.min, lang)) for band in explanation.bands]


def effects(explanation: Explanation, lang: str = "en", *, detailed: bool = False) -> list[str]:
    """
    The lines under the first: how the model makes the percent (``weighted``, ``absolute``);
    with ``detailed``, the bands; what failed critical items did, and the band a capped score
    would have had.
    """
    score = explanation.score
    policy = score.checklist.scoring
    lines = []
    if policy.model in ("weighted", "absolute"):
        lines.append(ui(f"exp.how_{policy.model}", lang))
    if detailed:
        limits = [ui("exp.band_from", lang, band=b, min=m) for b, m in bands(explanation, lang)]
        lines.append(ui("exp.bands", lang, bands=", ".join(limits)))
    if score.capped_by:
        ids = ", ".join(score.capped_by)
        if policy.critical.zero is ZeroScope.SCORE:
            lines.append(ui("exp.zero_score", lang, ids=ids))
        elif policy.critical.zero is ZeroScope.SECTION:
            lines.append(ui("exp.zero_section", lang, ids=ids))
        else:
            label = score.band.label.get(lang) if score.band else ""
            lines.append(ui("exp.capped", lang, band=label, ids=ids))
    uncapped = score.uncapped_band
    if uncapped is not None and score.band is not None and uncapped.id != score.band.id:
        lines.append(ui("exp.uncapped", lang, band=uncapped.label.get(lang)))
    return lines


def _title(section: SectionResult, lang: str) -> str:
    """
    ``I Công tác lãnh đạo, chỉ đạo: 25/25``, with its percent and weight under ``weighted``.
    """
    title = section.titles.get(lang) if section.titles is not None else section.title
    points = f"{_number(section.awarded, lang)}/{_number(section.maximum, lang)}"
    line = f"{section.id} {title}: {points}"
    if section.weight is not None:  # the weighted model: its percent and weight make the score
        percent = section.percent
        shown = "-" if percent is None else _number(round_percent(percent), lang) + " %"
        line += f" = {shown}, {ui('exp.weight', lang)} {_number(section.weight, lang)}"
    if section.zeroed_by:
        line += f" ({ui('exp.zeroed_by', lang)} {', '.join(section.zeroed_by)})"
    return line


def _points(result: ItemResult, lang: str) -> str:
    if result.awarded is None:
        return "-"
    shown = f"{_number(result.awarded, lang)}/{_number(result.maximum, lang)}"
    if result.weight is not None:
        shown += f", {ui('exp.weight', lang)} {_number(result.weight, lang)}"
    return shown


#: The answer words any item may take (``pass``, ``fail``, ``na``, ``not_observed``), shown
#: in the run's language.
_WORDS = frozenset({"pass", "fail", NA, NOT_OBSERVED})


def _word(result: ItemResult, lang: str) -> str:
    """
    The answer as given, its answer word (``pass``, ``na``, ...) in the run's language: the
    short view, without choice labels.
    """
    if result.answer is None:
        return ""
    kind = result.item.answer if result.item is not None else None
    value = str(result.answer.value)
    if value in _WORDS and (kind is None or kind.name != "text"):
        return ui(f"answer.{value}", lang)
    return value


def _answer(result: ItemResult, lang: str) -> str | None:
    """
    The answer as given, with the label of the choice it names.
    """
    if result.answer is None:
        return None
    value = prose(result.answer.value)  # a text item's answer is prose
    kind = result.item.answer if result.item is not None else None
    if value in _WORDS and (kind is None or kind.name != "text"):
        return ui(f"answer.{value}", lang)
    if isinstance(kind, Choices):
        label = next((c.label.get(lang) for c in kind.choices if c.id == value), None)
        if label is not None:
            return f"{value} ({label})"
    if isinstance(kind, Count | PointsScale) and _MACHINE.fullmatch(value):
        return format_number(value, lang)
    return value


def _remarks(result: ItemResult, lang: str) -> list[str]:
    """
    The inspector's note and evidence.
    """
    found = []
    if result.answer is not None and result.answer.note is not None:
        found.append(ui("exp.note", lang, note=prose(result.answer.note.get(lang))))
    if result.answer is not None and result.answer.evidence:
        found.append(ui("exp.evidence", lang, evidence=", ".join(result.answer.evidence)))
    return found


def _item_text(result: ItemResult, lang: str) -> str:
    return prose(result.item.text.get(lang)) if result.item is not None else ""


# --- text -------------------------------------------------------------------------------------


def text(explanation: Explanation, lang: str = "en", *, detailed: bool = False) -> str:
    """
    The tree as indented lines: the score, then each section and item with what it was awarded
    out of what, and why. ``detailed`` (``quytac score --explain``) gives each item's text on a
    line of its own, then its answer, points and reason, then the inspector's note; and the
    bands.
    """
    lines = [head(explanation, lang)]
    lines += ["  " + line for line in effects(explanation, lang, detailed=detailed)]
    for section in explanation.sections:
        _text_section(section, 1, lang, lines, detailed=detailed)
    # A title, a label or an answer cannot forge a line or recolour a terminal.
    return "\n".join(visible(line) for line in lines)


def _text_section(
    section: SectionResult, depth: int, lang: str, lines: list[str], *, detailed: bool
) -> None:
    pad = "  " * depth
    lines.append(pad + _title(section, lang))
    for result in section.items:
        answer = _answer(result, lang) if detailed else None
        if not detailed:
            given = f" = {_word(result, lang)}" if result.answer is not None else ""
            lines.append(
                f"{pad}  {result.id}{given}: {_points(result, lang)}, {reason(result, lang)}"
            )
            continue
        lines.append(f"{pad}  {result.id} {_item_text(result, lang)}".rstrip())
        said = f"{_points(result, lang)}, {reason(result, lang, detailed=True)}"
        lines.append(f"{pad}      {said}" if answer is None else f"{pad}      {answer}: {said}")
        lines += [f"{pad}      {remark}" for remark in _remarks(result, lang)]
    for inner in section.sections:
        _text_section(inner, depth + 1, lang, lines, detailed=detailed)


# --- Markdown and HTML --------------------------------------------------------------------------


def _columns(lang: str) -> list[str]:
    return [ui(f"col.{c}", lang) for c in ("item", "text", "answer", "points", "reason")]


def _rows(section: SectionResult, lang: str) -> list[list[str]]:
    """
    One row an item: id, text, answer (with the note), points, why.
    """
    rows = []
    for result in section.items:
        answer = "; ".join([_answer(result, lang) or "-", *_remarks(result, lang)])
        rows.append(
            [
                result.id,
                _item_text(result, lang),
                answer,
                _points(result, lang),
                reason(result, lang, detailed=True),
            ]
        )
    return rows


def _sections(sections: tuple[SectionResult, ...], level: int) -> list[tuple[SectionResult, int]]:
    found = []
    for section in sections:
        found.append((section, min(level, 6)))
        found += _sections(section.sections, level + 1)
    return found


def markdown(explanation: Explanation, lang: str = "vi", *, level: int = 3) -> list[str]:
    """
    The explanation as Markdown lines: the score, the bands as a table, what failed critical
    items did, then a heading (at ``level``) and a table of items for each section.
    """
    lines = [f"**{escape(head(explanation, lang))}**", ""]
    notes = effects(explanation, lang)
    lines += [f"{escape(note)}  " for note in notes[:-1]] + [escape(n) for n in notes[-1:]]
    if notes:
        lines.append("")
    lines += _markdown_table(
        [ui("col.band", lang), ui("col.min", lang)], bands(explanation, lang), right=(1,)
    )
    for section, depth in _sections(explanation.sections, level):
        lines += ["", f"{'#' * depth} {escape(_title(section, lang))}"]
        if section.items:
            lines.append("")
            lines += _markdown_table(_columns(lang), _rows(section, lang), right=(3,))
    return lines


def html(explanation: Explanation, lang: str = "vi", *, level: int = 3) -> str:
    """
    The explanation as HTML (to put in a page): the score, the bands as a table, what failed
    critical items did, then a heading (at ``level``) and a table of items for each section.
    """
    parts = [f'<p class="score"><b>{_e(head(explanation, lang))}</b></p>']
    parts += [f'<p class="effect">{_e(note)}</p>' for note in effects(explanation, lang)]
    limits = _html_table(
        [ui("col.band", lang), ui("col.min", lang)], bands(explanation, lang), numeric=(1,)
    )
    parts.append(limits.replace("<table>", '<table class="bands">', 1))
    for section, depth in _sections(explanation.sections, level):
        parts.append(f"<h{depth}>{_e(_title(section, lang))}</h{depth}>")
        if section.items:
            table = _html_table(_columns(lang), _rows(section, lang), numeric=(3,))
            parts.append(table.replace("<table>", '<table class="items">', 1))
    return "\n".join(parts)
