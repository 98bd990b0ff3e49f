"""
The synthesis as a Markdown report a department hands to the city.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ._numbers import format_number
from ._ui import ui
from ._view import (
    appendix,
    band_counts,
    band_labels,
    header,
    issues,
    ranked_percents,
    status_label,
    totals,
)
from ._visible import prose, visible
from .text import units_table

if TYPE_CHECKING:
    from collections.abc import Sequence

    from quytac.synthesis import Synthesis
    from quytac.workspace import Workspace

__all__ = ["escape", "synthesis"]

#: Characters that Markdown (CommonMark, GFM tables) reads as markup anywhere in a line.
_INLINE = set("\\`*_[]<>|&~")

#: What makes a block of the start of a line: a heading, a list, a quote, a rule. An ordered
#: list's marker is up to nine digits and ``.`` or ``)`` before a space or the end: a number
#: with a decimal or thousands separator (``622.000``, ``1.234,5``) is not one.
_BLOCK_START = re.compile(r"^([#+=>-]|\d{1,9}(?=[.)](?: |$)))")


def escape(text: str) -> str:
    """
    Text shown as itself: control characters and line breaks are shown as escapes
    (``visible``: a cell or a line stays one), runs of spaces become one, and every character
    Markdown or HTML would read is escaped.
    """
    text = " ".join(visible(text).split())
    text = "".join(f"\\{char}" if char in _INLINE else char for char in text)
    match = _BLOCK_START.match(text)
    if match is None:
        return text
    if match.group(1).isdigit():
        end = match.end()
        return f"{text[:end]}\\{text[end:]}"
    return f"\\{text}"


def _table(
    head: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[int] = ()
) -> list[str]:
    lines = ["| " + " | ".join(escape(cell) for cell in head) + " |"]
    lines.append("|" + "|".join("---:" if i in right else "---" for i in range(len(head))) + "|")
    lines += ["| " + " | ".join(escape(cell) for cell in row) + " |" for row in rows]
    return lines


def synthesis(
    syn: Synthesis,
    workspace: Workspace,
    lang: str = "vi",
    *,
    number: str | None = None,
    place: str | None = None,
) -> str:
    """
    The report: header, counts per status and band, scores by unit, late and missing units,
    model points, limitations, indicator totals (the appendix table) and every unit.
    """
    head = header(syn, workspace, lang, number=number, place=place)
    lines: list[str] = []
    if head.superior:
        lines.append(f"{escape(head.superior)}  ")
    lines += [
        f"**{escape(head.issuer)}**  ",
        escape(ui("hdr.number", lang, number=head.number)),
        "",
        f"**{escape(ui('hdr.country', lang))}**  ",
        f"**{escape(ui('hdr.motto', lang))}**",
        "",
        f"*{escape(head.date_line(lang))}*",
        "",
        f"# {escape(head.title)}",
        "",
        f"**{escape(head.subject)}**",
        "",
        escape(ui("hdr.as_of", lang, date=syn.as_of.strftime("%d/%m/%Y"))),
        "",
        f"## {escape(ui('hdr.section_status', lang))}",
        "",
    ]
    lines += _table(
        [ui("col.status", lang), ui("col.count", lang)],
        [[status_label(s, lang), format_number(n, lang)] for s, n in syn.by_status.items()],
        right=(1,),
    )
    labels = band_labels(syn, lang)
    lines.append("")
    if syn.by_band:
        lines += _table(
            [ui("col.band", lang), ui("col.count", lang)],
            [[label, format_number(n, lang)] for label, n in band_counts(syn, lang)],
            right=(1,),
        )
    else:
        lines.append(escape(f"{ui('syn.by_band', lang)}: {ui('syn.none', lang)}"))
    for key, units in (("syn.late", syn.late), ("syn.missing", syn.missing)):
        lines += ["", f"### {escape(ui(key, lang))}", ""]
        lines += [f"- {escape(u.name.get(lang))} ({escape(u.code)})" for u in units] or [
            escape(ui("syn.none", lang))
        ]
    lines += ["", f"## {escape(ui('hdr.section_results', lang))}", ""]
    lines += [f"### {escape(ui('syn.ranking', lang))}", ""]
    shown = ranked_percents(syn, lang)
    if syn.ranking:
        lines += _table(
            [
                ui("col.rank", lang),
                ui("col.unit", lang),
                ui("col.score", lang),
                ui("col.band", lang),
            ],
            [
                [
                    str(r.rank),
                    r.unit.name.get(lang),
                    shown[r.unit.code],
                    labels.get(r.band.id, r.band.id) if r.band else "-",
                ]
                for r in syn.ranking
            ],
            right=(0, 2),
        )
    else:
        lines.append(escape(ui("syn.none", lang)))
    lines += ["", f"### {escape(ui('syn.model_points', lang))}", ""]
    lines += [
        f"- {escape(f.type.label.get(lang))}: {escape(f.point.name.get(lang))}"
        f" ({escape(f.unit.name.get(lang))})"
        for f in syn.model_points
    ] or [escape(ui("syn.none", lang))]
    lines += ["", f"### {escape(ui('syn.totals', lang))}", ""]
    lines += [
        f"- {escape(t.label)}: {escape(t.quantity)} {escape(t.measure)}".rstrip()
        for t in totals(syn, workspace, lang)
    ] or [escape(ui("syn.none", lang))]
    lines += ["", f"## {escape(ui('hdr.section_findings', lang))}", ""]
    lines += [f"### {escape(ui('syn.limitations', lang))}", ""]
    lines += [
        f"- {escape(prose(f.text.get(lang)))} ({escape(f.unit.name.get(lang))})"
        for f in syn.limitations
    ] or [escape(ui("syn.none", lang))]
    found = issues(syn)
    if found:
        lines += ["", f"### {escape(ui('col.issues', lang))}", ""]
        lines += [f"- {escape(issue.render(lang))}" for issue in found]
    lines += ["", f"## {escape(ui('syn.appendix', lang))}", ""]
    lines += _table(
        [ui(f"col.{c}", lang) for c in ("stt", "indicator", "measure", "quantity", "note")],
        [
            [str(r.stt), r.label, r.measure, r.quantity, r.note]
            for r in appendix(syn, workspace, lang)
        ],
        right=(0, 3),
    )
    lines += ["", f"## {escape(ui('syn.units', lang))}", ""]
    lines += _table(*units_table(syn, lang), right=(6,))
    return "\n".join(lines) + "\n"
