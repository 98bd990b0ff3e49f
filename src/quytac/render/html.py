"""
The synthesis as a self-contained HTML page: no script, no request over the network, styles in
the page, every text escaped (a unit named ``<script>`` shows as text, a control character as
its escape, ``\\x1b``).
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from quytac._version import __version__

from ._numbers import format_number
from ._ui import ui
from ._view import appendix, bands, header, issues, ranked_percents, status_label, totals
from ._visible import prose, visible
from .text import units_table

if TYPE_CHECKING:
    from collections.abc import Sequence

    from quytac.synthesis import Synthesis
    from quytac.workspace import Workspace

__all__ = ["BAND_COLOURS", "chart", "page", "synthesis"]

#: Fill colours of the bands, highest band first; the last repeats for lower bands.
BAND_COLOURS = ("#1a7f37", "#1f6feb", "#bf8700", "#cf222e")
_NO_BAND = "#8c959f"

_STYLE = """
body{font-family:"Times New Roman",Times,serif;max-width:60rem;margin:2rem auto;padding:0 1rem;
color:#1f2328;line-height:1.4}
.hdr{display:flex;justify-content:space-between;text-align:center;gap:2rem}
.hdr p{margin:.1rem 0}
.date{text-align:right;font-style:italic}
h1{text-align:center;font-size:1.4rem;margin:1.5rem 0 .2rem}
.subject{text-align:center;font-weight:bold;margin:0 0 1rem}
table{border-collapse:collapse;margin:.5rem 0 1rem;width:100%}
th,td{border:1px solid #8c959f;padding:.2rem .4rem;text-align:left;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.swatch{display:inline-block;width:.8em;height:.8em;margin-right:.3em;vertical-align:middle}
footer{color:#59636e;font-size:.8rem;margin-top:2rem}
table.bands{width:auto;min-width:16rem}
table.items{table-layout:fixed}
table.items th:nth-child(1){width:4.5rem}
table.items th:nth-child(3){width:20%}
table.items th:nth-child(4){width:5.5rem}
table.items th:nth-child(5){width:24%}
table.items td{overflow-wrap:anywhere}
p.effect{margin:.2rem 0}
""".strip()


def _e(text: object) -> str:
    # HTML's own escapes, and control characters shown as escapes (a newline would vanish).
    return escape(visible(str(text)), quote=True)


def _table(head: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[int] = ()) -> str:
    cells = "".join(f"<th>{_e(cell)}</th>" for cell in head)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="n">{_e(c)}</td>' if i in numeric else f"<td>{_e(c)}</td>"
            for i, c in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{cells}</tr></thead><tbody>{body}</tbody></table>"


def _list(items: Sequence[str], lang: str) -> str:
    if not items:
        return f"<p>{_e(ui('syn.none', lang))}</p>"
    return "<ul>" + "".join(f"<li>{_e(item)}</li>" for item in items) + "</ul>"


def _colours(syn: Synthesis) -> dict[str, str]:
    return {
        band.id: BAND_COLOURS[min(i, len(BAND_COLOURS) - 1)] for i, band in enumerate(bands(syn))
    }


def chart(syn: Synthesis, lang: str = "vi") -> str:
    """
    An inline SVG bar chart of the ranked units' percents, each bar coloured by its band.
    """
    colours = _colours(syn)
    labels = {band.id: band.label.get(lang) for band in bands(syn)}
    bar_h, gap, left, width = 18, 6, 260, 300
    rows = syn.ranking
    shown = ranked_percents(syn, lang)
    height = max(1, len(rows)) * (bar_h + gap) + gap
    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{left + width + 120}"'
            f' height="{height}" viewBox="0 0 {left + width + 120} {height}"'
            f' aria-label="{_e(ui("syn.chart", lang))}">'
        )
    ]
    for n, ranked in enumerate(rows):
        y = gap + n * (bar_h + gap)
        length = float(ranked.percent) * width / 100
        band = ranked.band.id if ranked.band is not None else None
        fill = colours.get(band, _NO_BAND) if band is not None else _NO_BAND
        label = labels.get(band, band) if band is not None else ui("syn.no_band", lang)
        parts.append(
            f'<text x="{left - 6}" y="{y + bar_h - 5}" text-anchor="end" font-size="12">'
            f"{_e(ranked.unit.name.get(lang))}</text>"
            f'<rect x="{left}" y="{y}" width="{length:.2f}" height="{bar_h}" fill="{fill}">'
            f"<title>{_e(ranked.unit.name.get(lang))}: {_e(shown[ranked.unit.code])}"
            f" ({_e(label)})</title></rect>"
            f'<text x="{left + length + 4:.2f}" y="{y + bar_h - 5}" font-size="12">'
            f"{_e(shown[ranked.unit.code])} {_e(label)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def synthesis(
    syn: Synthesis,
    workspace: Workspace,
    lang: str = "vi",
    *,
    number: str | None = None,
    place: str | None = None,
) -> str:
    """
    The report as an HTML ``<article>`` (put it in a ``page``): the header of an administrative
    report, counts per status and band, a chart of scores per unit, late and missing units,
    model points, limitations, the indicator totals as the appendix table, and every unit.
    """
    head = header(syn, workspace, lang, number=number, place=place)
    colours = _colours(syn)
    band_rows = "".join(
        f'<tr><td><span class="swatch" style="background:{colours.get(b.id, _NO_BAND)}">'
        f"</span>{_e(b.label.get(lang))}</td>"
        f'<td class="n">{_e(format_number(syn.by_band.get(b.id, 0), lang))}</td></tr>'
        for b in bands(syn)
    )
    band_table = (
        f"<table><thead><tr><th>{_e(ui('col.band', lang))}</th>"
        f"<th>{_e(ui('col.count', lang))}</th></tr></thead><tbody>{band_rows}</tbody></table>"
        if band_rows
        else f"<p>{_e(ui('syn.by_band', lang))}: {_e(ui('syn.none', lang))}</p>"
    )
    superior = f"<p>{_e(head.superior)}</p>" if head.superior else ""
    body = [
        '<div class="hdr"><div>',
        superior,
        f"<p><b>{_e(head.issuer)}</b></p>",
        f'<p class="number">{_e(ui("hdr.number", lang, number=head.number))}</p>',
        "</div><div>",
        f"<p><b>{_e(ui('hdr.country', lang))}</b></p>",
        f"<p><b><u>{_e(ui('hdr.motto', lang))}</u></b></p>",
        "</div></div>",
        f'<p class="date">{_e(head.date_line(lang))}</p>',
        f"<h1>{_e(head.title)}</h1>",
        f'<p class="subject">{_e(head.subject)}</p>',
        f"<p>{_e(ui('hdr.as_of', lang, date=syn.as_of.strftime('%d/%m/%Y')))}</p>",
        f"<h2>{_e(ui('hdr.section_status', lang))}</h2>",
        _table(
            [ui("col.status", lang), ui("col.count", lang)],
            [[status_label(s, lang), format_number(n, lang)] for s, n in syn.by_status.items()],
            numeric=(1,),
        ),
        band_table,
        f'<h3 id="late">{_e(ui("syn.late", lang))}</h3>',
        _list([f"{u.name.get(lang)} ({u.code})" for u in syn.late], lang),
        f'<h3 id="missing">{_e(ui("syn.missing", lang))}</h3>',
        _list([f"{u.name.get(lang)} ({u.code})" for u in syn.missing], lang),
        f"<h2>{_e(ui('hdr.section_results', lang))}</h2>",
        f"<h3>{_e(ui('syn.chart', lang))}</h3>",
        f'<figure id="chart">{chart(syn, lang)}</figure>' if syn.ranking else "",
        f'<h3 id="model-points">{_e(ui("syn.model_points", lang))}</h3>',
        _list(
            [
                f"{f.type.label.get(lang)}: {f.point.name.get(lang)} ({f.unit.name.get(lang)})"
                for f in syn.model_points
            ],
            lang,
        ),
        f'<h3 id="totals">{_e(ui("syn.totals", lang))}</h3>',
        _list(
            [f"{t.label}: {t.quantity} {t.measure}".rstrip() for t in totals(syn, workspace, lang)],
            lang,
        ),
        f"<h2>{_e(ui('hdr.section_findings', lang))}</h2>",
        f'<h3 id="limitations">{_e(ui("syn.limitations", lang))}</h3>',
        _list(
            [f"{prose(f.text.get(lang))} ({f.unit.name.get(lang)})" for f in syn.limitations], lang
        ),
        *(
            [
                f'<h3 id="issues">{_e(ui("col.issues", lang))}</h3>',
                _list([issue.render(lang) for issue in issues(syn)], lang),
            ]
            if issues(syn)
            else []
        ),
        f'<h2 id="appendix">{_e(ui("syn.appendix", lang))}</h2>',
        _table(
            [ui(f"col.{c}", lang) for c in ("stt", "indicator", "measure", "quantity", "note")],
            [
                [str(r.stt), r.label, r.measure, r.quantity, r.note]
                for r in appendix(syn, workspace, lang)
            ],
            numeric=(0, 3),
        ),
        f'<h2 id="units">{_e(ui("syn.units", lang))}</h2>',
        _table(*units_table(syn, lang), numeric=(6,)),
    ]
    return '<article class="report">\n' + "\n".join(part for part in body if part) + "\n</article>"


def page(articles: Sequence[str], lang: str = "vi", *, title: str) -> str:
    """
    One self-contained page holding the reports: no script, nothing fetched (the page's
    Content-Security-Policy forbids it), its styles in the page.
    """
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{_e(lang)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\';'
        " style-src 'unsafe-inline'\">"
        f"<title>{_e(title)}</title>"
        f"<style>{_STYLE}</style></head>\n<body>\n"
        + '\n<hr class="break">\n'.join(articles)
        + f"\n<footer>{_e(ui('hdr.generated', lang, version=__version__))}</footer>"
        + "\n</body></html>\n"
    )
