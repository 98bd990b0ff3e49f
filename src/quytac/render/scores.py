"""
What ``quytac score`` shows of the reports and records it scores: a row of the table of scores
each, and the explanation of each score (``--explain``, and the Markdown and HTML reports).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from . import explanation
from ._numbers import score_text
from ._ui import ui
from ._visible import visible
from .html import _e, _list, page
from .html import _table as _html_table
from .markdown import _table as _markdown_table
from .markdown import escape

if TYPE_CHECKING:
    from collections.abc import Sequence

    from quytac.errors import Finding
    from quytac.records import InspectionRecord, Report
    from quytac.scoring import Score

__all__ = [
    "INVALID_ANSWERS",
    "NO_ANSWERS",
    "SCORED",
    "WRONG_EDITION",
    "Scored",
    "explained",
    "head",
    "heading",
    "html",
    "markdown",
    "row",
]

#: What became of a report or record given to ``quytac score`` (``scores[].status`` in JSON).
SCORED = "scored"
INVALID_ANSWERS = "invalid_answers"
WRONG_EDITION = "wrong_edition"
NO_ANSWERS = "no_answers"

#: The columns of the table of scores.
COLUMNS = ("source", "document", "unit", "checklist", "percent", "band", "coverage", "capped_by")


@attrs.frozen
class Scored:
    """
    One report or record: where it is, what it is about, its score (None when not scored),
    and what became of it (``SCORED`` ...).
    """

    source: str
    line: int
    document: Report | InspectionRecord
    unit_name: str
    result: Score | None
    checklist: str | None
    status: str


def head(lang: str) -> list[str]:
    """
    The heading of the table of scores.
    """
    return [ui(f"col.{column}", lang) for column in COLUMNS]


def row(scored: Scored, lang: str) -> list[str]:
    """
    A report or record as a row of the table: place, document, unit, checklist, percent,
    band, coverage, the critical items that capped it.
    """
    result = scored.result
    where = f"{scored.source}:{scored.line}"
    if result is None:
        why = "cli.not_answered" if scored.status == NO_ANSWERS else "cli.not_scored"
        return [
            where,
            scored.document.id,
            scored.unit_name,
            scored.checklist or "-",
            "-",
            ui(why, lang),
            "-",
            "-",
        ]
    return [
        where,
        scored.document.id,
        scored.unit_name,
        result.checklist.id,
        score_text(result, lang) if result.percent is not None else "-",
        result.band.label.get(lang) if result.band is not None else "-",
        str(result.coverage),
        ", ".join(result.capped_by) or "-",
    ]


def heading(scored: Scored, lang: str) -> tuple[str, str]:
    """
    What is explained: ``ktr-2023-son-tay: Thị xã Sơn Tây``, then its kind, its place and the
    edition of the checklist.
    """
    checklist = scored.result.checklist if scored.result is not None else None
    about = ui(
        "exp.about",
        lang,
        kind=ui(f"kind.{type(scored.document).kind}", lang),
        place=f"{scored.source}:{scored.line}",
        checklist=checklist.id if checklist is not None else scored.checklist or "-",
        version=checklist.version if checklist is not None else "-",
    )
    return f"{scored.document.id}: {scored.unit_name}", about


def explained(scored: Scored, lang: str) -> list[str]:
    """
    The lines ``quytac score --explain`` prints for a scored report or record: what it is,
    then the detailed explanation of its score.
    """
    if scored.result is None:
        return []
    return [
        *(visible(line) for line in heading(scored, lang)),
        explanation.text(scored.result.explain(), lang, detailed=True),
    ]


def markdown(
    entries: Sequence[Scored], findings: Sequence[Finding], closing: Sequence[str], lang: str
) -> str:
    """
    The report of scores in Markdown: the table of scores, the explanation of each score, the
    problems and issues found, and the closing lines (the counts).
    """
    lines = [f"# {escape(ui('exp.title', lang))}", ""]
    lines += _markdown_table(head(lang), [row(entry, lang) for entry in entries], right=(4,))
    for entry in entries:
        if entry.result is None:
            continue
        title, about = heading(entry, lang)
        lines += ["", f"## {escape(title)}", "", escape(about), ""]
        lines += explanation.markdown(entry.result.explain(), lang, level=3)
    if findings:
        lines += ["", f"## {escape(ui('col.issues', lang))}", ""]
        lines += [f"- {escape(found.render(lang))}" for found in findings]
    lines.append("")
    lines += [f"{escape(line)}  " for line in closing[:-1]] + [escape(c) for c in closing[-1:]]
    return "\n".join(lines) + "\n"


def html(
    entries: Sequence[Scored], findings: Sequence[Finding], closing: Sequence[str], lang: str
) -> str:
    """
    The report of scores as a self-contained HTML page: the table of scores, the explanation
    of each score (an article each), the problems and issues found, and the counts.
    """
    title = ui("exp.title", lang)
    summary = [
        f"<h1>{_e(title)}</h1>",
        _html_table(head(lang), [row(entry, lang) for entry in entries], numeric=(4,)),
    ]
    if findings:
        summary.append(f'<h2 id="issues">{_e(ui("col.issues", lang))}</h2>')
        summary.append(_list([found.render(lang) for found in findings], lang))
    summary += [f"<p>{_e(line)}</p>" for line in closing]
    articles = ['<article class="scores">\n' + "\n".join(summary) + "\n</article>"]
    for entry in entries:
        if entry.result is None:
            continue
        name, about = heading(entry, lang)
        body = explanation.html(entry.result.explain(), lang, level=3)
        articles.append(
            f'<article class="explanation">\n<h2>{_e(name)}</h2>\n<p>{_e(about)}</p>\n'
            f"{body}\n</article>"
        )
    return page(articles, lang, title=title)
