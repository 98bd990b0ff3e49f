"""
Text for a terminal: aligned tables, bands with their labels, findings as file:line:column.
"""

from __future__ import annotations

import os
import unicodedata
from typing import TYPE_CHECKING, ClassVar

from quytac.errors import fold

from ._numbers import format_number, score_text
from ._ui import ui
from ._view import appendix, band_counts, band_labels, issues, ranked_percents, status_label
from ._visible import prose, visible

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from decimal import Decimal
    from typing import TextIO

    from quytac.errors import Finding
    from quytac.scoring import Score
    from quytac.synthesis import Synthesis, UnitStatus
    from quytac.workspace import Workspace

__all__ = [
    "Style",
    "band_colour",
    "display_width",
    "findings",
    "mistakes",
    "plain",
    "score_cell",
    "summary",
    "synthesis",
    "table",
]


def display_width(text: str) -> int:
    """
    The columns a text takes on a terminal: combining marks take none (Vietnamese typed with
    separate tone marks), East Asian wide characters take two.
    """
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def _pad(text: str, width: int, *, right: bool = False) -> str:
    gap = " " * (width - display_width(text))
    return gap + text if right else text + gap


class Style:
    """
    Colours for a terminal: only when the output is one, and never when ``NO_COLOR`` is set to
    a value that is not empty (https://no-color.org).
    """

    _CODES: ClassVar[dict[str, str]] = {
        "bold": "1",
        "red": "31",
        "green": "32",
        "yellow": "33",
        "blue": "34",
        "dim": "2",
    }

    def __init__(self, *, colour: bool) -> None:
        self.colour = colour

    @classmethod
    def for_stream(cls, stream: TextIO) -> Style:
        """
        Colour when ``stream`` is a terminal and ``NO_COLOR`` is not set to a non-empty value.
        """
        isatty = getattr(stream, "isatty", None)
        terminal = bool(isatty and isatty())
        return cls(colour=terminal and not os.environ.get("NO_COLOR"))

    def __call__(self, text: str, name: str) -> str:
        if not self.colour or not text:
            return text
        return f"\x1b[{self._CODES[name]}m{text}\x1b[0m"


PLAIN = Style(colour=False)

#: Colours of bands by their rank (the highest band first).
_BAND_COLOURS = ("green", "blue", "yellow", "red")


def table(
    rows: Sequence[Sequence[str]],
    *,
    right: Iterable[int] = (),
    style: Style = PLAIN,
    colours: Sequence[Sequence[str | None]] | None = None,
) -> list[str]:
    """
    Rows aligned in columns two spaces apart (the first row is the heading); columns listed in
    ``right`` are aligned right. Widths count what a terminal shows, not code points; control
    characters in a cell are shown as escapes (``visible``), so a cell stays on its row.
    """
    if not rows:
        return []
    rows = [[visible(cell) for cell in row] for row in rows]
    right = set(right)
    widths = [max(display_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for number, row in enumerate(rows):
        cells = []
        for i, (cell, width) in enumerate(zip(row, widths, strict=True)):
            padded = _pad(cell, width, right=i in right)
            name = colours[number][i] if colours is not None else None
            if number == 0:
                padded = style(padded, "bold")
            elif name is not None:
                padded = style(padded, name)
            cells.append(padded)
        lines.append("  ".join(cells).rstrip())
    return lines


def score_cell(score: Score | None, lang: str) -> str:
    """
    A percent with its band's label, ``87,5 Tốt`` (``87.5 Good``); ``-`` when there is no
    score.
    """
    if score is None:
        return "-"
    if score.band is None:
        return score_text(score, lang)
    return f"{score_text(score, lang)} {score.band.label.get(lang)}"


def units_table(syn: Synthesis, lang: str) -> tuple[list[str], list[list[str]]]:
    """
    The header and rows of the table of every unit, as the Markdown and HTML reports show it.
    """
    header = [
        ui(f"col.{c}", lang)
        for c in ("unit", "code", "form", "status", "appraised", "self", "issues")
    ]
    rows = [
        [
            r.unit.name.get(lang),
            r.unit.code,
            ui(f"form.{r.form}", lang),
            status_label(r.status, lang),
            score_cell(r.appraised, lang),
            score_cell(r.self_assessed, lang),
            format_number(len(r.issues), lang),
        ]
        for r in syn.units
    ]
    return header, rows


def band_colour(score: Score | None) -> str | None:
    """
    The colour of a score's band on a terminal: the highest band green, then blue, yellow, red.
    """
    if score is None or score.band is None:
        return None
    bands = sorted(score.checklist.scoring.bands, key=lambda band: -band.min)
    position = next((i for i, b in enumerate(bands) if b.id == score.band.id), len(bands) - 1)
    return _BAND_COLOURS[min(position, len(_BAND_COLOURS) - 1)]


def synthesis(
    syn: Synthesis, lang: str = "vi", style: Style = PLAIN, workspace: Workspace | None = None
) -> str:
    """
    The synthesis of a plan: the units in Vietnamese alphabetical order, then the counts, the
    units to chase, the model points, the limitations, the totals and the roll-up. With its
    workspace, the totals are named as the outline's appendix table names them.
    """
    head = [
        ui(f"col.{name}", lang)
        for name in ("unit", "code", "form", "status", "appraised", "self", "issues")
    ]
    rows = [head]
    colours: list[list[str | None]] = [[None] * len(head)]
    for result in syn.units:
        rows.append(
            [
                result.unit.name.get(lang),
                result.unit.code,
                ui(f"form.{result.form}", lang),
                status_label(result.status, lang),
                score_cell(result.appraised, lang),
                score_cell(result.self_assessed, lang),
                format_number(len(result.issues), lang),
            ]
        )
        status_colour = {"late": "yellow", "missing": "red", "not_inspected": "yellow"}
        colours.append(
            [
                None,
                None,
                None,
                status_colour.get(str(result.status)),
                band_colour(result.appraised),
                band_colour(result.self_assessed),
                "red" if result.issues else None,
            ]
        )
    title = visible(
        ui("syn.heading", lang, title=syn.plan.title.get(lang), plan=syn.plan.id, date=syn.as_of)
    )
    lines = [style(title, "bold"), ""]
    lines += table(rows, right=(6,), style=style, colours=colours)
    lines.append("")
    counts = ", ".join(
        f"{status_label(status, lang)}: {format_number(count, lang)}"
        for status, count in syn.by_status.items()
    )
    lines.append(f"{ui('syn.by_status', lang)}: {counts}")
    bands = ", ".join(f"{label}: {format_number(n, lang)}" for label, n in band_counts(syn, lang))
    lines.append(f"{ui('syn.by_band', lang)}: {visible(bands) or ui('syn.none', lang)}")
    for key, units in (("syn.late", syn.late), ("syn.missing", syn.missing)):
        named = ", ".join(f"{unit.name.get(lang)} ({unit.code})" for unit in units)
        lines.append(f"{ui(key, lang)}: {visible(named) or ui('syn.none', lang)}")
    if syn.ranking:
        lines += ["", style(ui("syn.ranking", lang), "bold")]
        labels = band_labels(syn, lang)
        shown = ranked_percents(syn, lang)
        ranked = [
            [
                ui("col.rank", lang),
                ui("col.unit", lang),
                ui("col.score", lang),
                ui("col.band", lang),
            ]
        ]
        ranked += [
            [
                str(r.rank),
                r.unit.name.get(lang),
                shown[r.unit.code],
                labels.get(r.band.id, r.band.id) if r.band is not None else "-",
            ]
            for r in syn.ranking
        ]
        lines += table(ranked, right=(0, 2), style=style)
    if syn.model_points:
        lines += ["", style(ui("syn.model_points", lang), "bold")]
        lines += [
            visible(
                f"- {found.type.label.get(lang)}: {found.point.name.get(lang)}"
                f" ({found.unit.name.get(lang)})"
            )
            for found in syn.model_points
        ]
    if syn.limitations:
        lines += ["", style(ui("syn.limitations", lang), "bold")]
        lines += [
            f"- {prose(found.text.get(lang))} ({visible(found.unit.name.get(lang))})"
            for found in syn.limitations
        ]
    if syn.indicator_totals:
        lines += ["", style(ui("syn.totals", lang), "bold")]
        if workspace is not None:
            total_rows = [
                [row.label, row.quantity, row.measure] for row in appendix(syn, workspace, lang)
            ]
        else:
            total_rows = [
                [name, format_number(value, lang), ""]
                for name, value in syn.indicator_totals.items()
            ]
        lines += table([["", "", ""], *total_rows], right=(1,))[1:]
    found = issues(syn)
    if found:
        lines += ["", style(ui("col.issues", lang), "bold")]
        lines += findings(found, lang, style)
    if syn.roll_up:
        lines += [
            "",
            style(ui("syn.roll_up", lang, policy=ui(f"roll_up.{syn.plan.roll_up}", lang)), "bold"),
        ]
        rolled_rows = [[ui("col.unit", lang), ui("col.score", lang), ui("col.count", lang)]]
        rolled_rows += [
            [
                rolled.unit.name.get(lang),
                format_number(rolled.shown(), lang),
                format_number(rolled.scored, lang),
            ]
            for rolled in syn.roll_up
        ]
        lines += table(rolled_rows, right=(1, 2), style=style)
    return "\n".join(line.rstrip() for line in lines) + "\n"


def plain(syn: Synthesis, lang: str = "vi") -> str:
    """
    The plain table of the library: a line for the plan, a row each unit (name and code,
    form, status, the two scores, how many issues), then the counts, the totals, what was
    found, who is late or missing, the roll-up and the documents outside the scope. In
    English, statuses are written as their ids (``on_time``), as the JSON writes them.
    """
    vi = lang == "vi"

    def status(value: UnitStatus | str) -> str:
        return status_label(value, lang) if vi else str(value)

    def n(value: int | Decimal | str | None) -> str:
        return format_number(value, lang)

    head = [ui(f"col.{c}", lang) for c in ("unit", "form", "status", "appraised")]
    rows = [[*head, ui("plain.self", lang), ui("col.issues", lang)]]
    rows += [
        [
            f"{result.unit.name.get(lang)} ({result.unit.code})",
            ui(f"form.{result.form}", lang),
            status(result.status),
            score_cell(result.appraised, lang),
            score_cell(result.self_assessed, lang),
            n(len(result.issues)),
        ]
        for result in syn.units
    ]
    marked = f" {ui('plain.illustrative', lang)}" if syn.plan.illustrative else ""
    lines = [f"{syn.plan.title.get(lang)} ({syn.plan.id}), {syn.as_of}{marked}"]
    lines += table(rows)
    counts = ", ".join(f"{status(k)}: {n(v)}" for k, v in syn.by_status.items() if v)
    lines.append(f"{ui('syn.by_status', lang)}: {counts}")
    if syn.by_band:
        bands = ", ".join(f"{k}: {n(v)}" for k, v in syn.by_band.items())
        lines.append(f"{ui('syn.by_band', lang)}: {bands}")
    if syn.indicator_totals:
        totals = ", ".join(f"{k} = {n(v)}" for k, v in syn.indicator_totals.items())
        lines.append(f"{ui('plain.totals', lang)}: {totals}")
    if syn.figures_left_out:
        lines.append(f"{ui('plain.left_out', lang)}: {n(syn.figures_left_out)}")
    for found in syn.model_points:
        point = f"{found.point.name.get(lang)} ({found.unit.name.get(lang)})"
        lines.append(f"{ui('col.model_point', lang)}: {found.type.label.get(lang)}: {point}")
    lines += [
        f"{ui('col.limitation', lang)}: {found.text.get(lang)} ({found.unit.name.get(lang)})"
        for found in syn.limitations
    ]
    for key, units in (("plain.late", syn.late), ("plain.missing", syn.missing)):
        if units:
            lines.append(f"{ui(key, lang)}: {', '.join(unit.name.get(lang) for unit in units)}")
    lines += [
        f"{ui('plain.roll_up', lang)}: {rolled.unit.name.get(lang)}: {n(rolled.shown())}"
        f" ({ui(f'roll_up.{syn.plan.roll_up}', lang)}, {ui(f'roll_up.{rolled.scores}', lang)},"
        f" {n(rolled.scored)})"
        for rolled in syn.roll_up
    ]
    lines += [
        ui(
            "plain.outside",
            lang,
            document=outside.document.id,
            unit=outside.document.unit,
            count=len(outside.issues),
        )
        for outside in syn.outside_scope
    ]
    return "\n".join(visible(line) for line in lines) + "\n"


def findings(found: Iterable[Finding], lang: str = "vi", style: Style = PLAIN) -> list[str]:
    """
    One line a finding, ``file:line:column: severity code: path: message``; a control character
    or a line break in it (a file's name, a value quoted) is shown as an escape (``visible``).
    """
    lines = []
    for finding in found:
        line = visible(finding.render(lang))
        lines.append(style(line, "red" if str(finding.severity) == "error" else "yellow"))
    return lines


def summary(found: Sequence[Finding], lang: str = "vi", *, folded: bool = False) -> str:
    """
    ``2 errors, 1 warning``; when ``folded``, of the findings :func:`mistakes` lists, and how
    many more it leaves out.
    """
    listed = [root for root, _ in fold(found)] if folded else list(found)
    errors = sum(1 for f in listed if str(f.severity) == "error")
    warnings = len(listed) - errors
    text = ui("cli.summary", lang, errors=errors, warnings=warnings)
    if len(listed) < len(found):
        text += " " + ui("cli.folded", lang, count=len(found) - len(listed))
    return text


def mistakes(
    found: Sequence[Finding], lang: str = "vi", style: Style = PLAIN, *, every: bool = False
) -> list[str]:
    """
    One line a mistake: the findings of :func:`findings` (escaped as there), where one that
    caused others (see ``quytac.fold``) says "(and 3 more caused by this)" and those others are
    left out; with ``every`` they are listed too, each saying where its cause is.
    """
    entries = fold(found)
    more = {id(root): len(rest) for root, rest in entries}
    cause = {id(finding): root for root, rest in entries for finding in rest}
    lines = []
    for finding in found if every else [root for root, _ in entries]:
        line = finding.render(lang)
        # A root that itself follows from its cause (a document that is not there) shares the
        # cause with the others; it did not cause them.
        if more.get(id(finding)):
            key = "cli.same_more" if finding.follows else "cli.caused_more"
            line += " " + ui(key, lang, count=more[id(finding)])
        root = cause.get(id(finding))
        if root is not None:
            key = "cli.same_as" if root.follows else "cli.caused_by"
            line += " " + ui(key, lang, place=root.place)
        lines.append(style(visible(line), "red" if str(finding.severity) == "error" else "yellow"))
    return lines
