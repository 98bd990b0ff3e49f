"""
The rules of a code of conduct, as issues (QT220-QT227), and of the references to its articles
(QT230-QT233): dates in order, numbers and ids used once, unit kinds and place types known.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from quytac._eras import era_text, in_order, issue
from quytac._messages import missing
from quytac._nearest import of_documents
from quytac.codes import ConductCode, parse_ref
from quytac.errors import format_path
from quytac.units import PLACE_TYPES, UNIT_KINDS, PlaceType, UnitCatalog, UnitKind

if TYPE_CHECKING:
    from collections.abc import Iterator

    from quytac.codes import AppliesTo, Article
    from quytac.errors import Issue

    from ._context import Context

__all__ = ["applies_to_issues", "code_issues", "resolve_ref"]


def code_issues(code: ConductCode, context: Context | None = None) -> Iterator[Issue]:
    """
    The rules a code must keep, as issues with paths into the code: dates in order, chapter
    and article numbers and rule ids used once, unit kinds and place types known (built in, or
    declared by the catalogs of the context).
    """
    yield from in_order((), ("effective_from", "effective_to"), code.period())
    if code.legal_basis.issued_on > code.effective_from:
        yield issue(
            "QT226",
            ("effective_from",),
            start=code.effective_from,
            issued=code.legal_basis.issued_on,
        )
    yield from applies_to_issues(code.applies_to, context)
    yield from _numbering(code, _vocabulary(context)[1])


def applies_to_issues(applies_to: AppliesTo, context: Context | None = None) -> Iterator[Issue]:
    """
    Unit kinds and place types that the built-in vocabulary and the catalogs of the context do
    not know (warnings), and a place type written as a unit kind or a unit kind as a place type
    (errors), with paths under ``applies_to``.

    .. versionadded:: 2026.12.0
       Replaces ``AppliesTo.issues(workspace)``.
    """
    kinds, places = _vocabulary(context)
    yield from _listed("unit_kinds", applies_to.unit_kinds, kinds, places)
    yield from _listed("place_types", applies_to.place_types, places, kinds)


#: For each list of ``applies_to``: what it names, the list of the other sort, what an unknown
#: entry gives (QT223 or QT224) and the parameter its message fills.
_LISTS = {
    "unit_kinds": (("unit kind", "loại đơn vị"), "place_types", "QT223", "kind"),
    "place_types": (("place type", "loại địa điểm"), "unit_kinds", "QT224", "place_type"),
}


def _listed(
    key: str,
    names: tuple[str, ...],
    vocabulary: list[UnitKind] | list[PlaceType],
    others: list[UnitKind] | list[PlaceType],
) -> Iterator[Issue]:
    """
    The entries of one list of ``applies_to`` that are not known: of the other sort (QT227,
    saying where to write them), or of neither (a warning, with the nearest known one).
    """
    (what, what_vi), other_key, unknown, param = _LISTS[key]
    (other, other_vi), *_ = _LISTS[other_key]
    known = {entry.id for entry in vocabulary}
    other_ids = {entry.id for entry in others}
    for position, name in enumerate(names):
        path = ("applies_to", key, position)
        if name in known:
            continue
        if name in other_ids:
            yield issue(
                "QT227",
                path,
                got=repr(name),
                what=other,
                what_vi=other_vi,
                other=what,
                other_vi=what_vi,
                key=other_key,
                value=name,
            )
        else:
            hint = of_documents(name, vocabulary)
            yield issue(unknown, path, hint=hint, **{param: repr(name)})


def _numbering(code: ConductCode, places: list[PlaceType]) -> Iterator[Issue]:
    known = {place.id for place in places}
    chapters: dict[str, int] = {}
    articles: dict[int, str] = {}
    rules: dict[str, str] = {}
    for c, chapter in enumerate(code.chapters):
        if chapter.number in chapters:
            first = f"chapters[{chapters[chapter.number]}]"
            yield issue("QT222", ("chapters", c, "number"), number=chapter.number, first=first)
        chapters.setdefault(chapter.number, c)
        for a, article in enumerate(chapter.articles):
            path = ("chapters", c, "articles", a)
            if article.number in articles:
                first = articles[article.number]
                yield issue("QT220", (*path, "number"), number=article.number, first=first)
            articles.setdefault(article.number, format_path(path))
            yield from _article_dates(code, article, path)
            for r, rule in enumerate(article.rules):
                rule_path = (*path, "rules", r)
                if rule.id in rules:
                    first = rules[rule.id]
                    yield issue("QT221", (*rule_path, "id"), id=repr(rule.id), first=first)
                rules.setdefault(rule.id, format_path(rule_path))
                if rule.place_type is not None and rule.place_type not in known:
                    yield issue(
                        "QT224",
                        (*rule_path, "place_type"),
                        hint=of_documents(rule.place_type, places),
                        place_type=repr(rule.place_type),
                    )


def _article_dates(
    code: ConductCode, article: Article, path: tuple[str | int, ...]
) -> Iterator[Issue]:
    # Only the article's own dates: the code's are reported once, at the code.
    own = (article.effective_from, article.effective_to)
    yield from in_order(path, ("effective_from", "effective_to"), own)
    era, era_vi = era_text(code.period())
    for key in ("effective_from", "effective_to"):
        day: dt.date | None = getattr(article, key)
        if day is not None and not code.in_force(day):
            yield issue("QT225", (*path, key), key=key, day=day, era=era, era_vi=era_vi)


def _vocabulary(context: Context | None) -> tuple[list[UnitKind], list[PlaceType]]:
    """
    The unit kinds and place types known: built in, and declared by the context's catalogs.
    """
    kinds = list(UNIT_KINDS.values())
    places = list(PLACE_TYPES.values())
    for catalog in () if context is None else context.all(UnitCatalog):
        kinds += catalog.unit_kinds
        places += catalog.place_types
    return kinds, places


def resolve_ref(
    ref: str,
    context: Context,
    *,
    on: dt.date | None = None,
    path: tuple[str | int, ...] = (),
) -> Article | Issue:
    """
    The article a reference ``CODE_ID:ARTICLE`` names, or the Issue that says why it names none.

    Args:
        ref: The reference, e.g. ``"qtux-noi-cong-cong:3"``.
        context: Where the codes are (a workspace, or ``Definitions``).
        on: When given, the article must be in force on that day (QT233 otherwise).
        path: The path of the reference in the citing document, given to the issue.

    Returns:
        The Article, or an Issue: QT230 (not a reference), QT231 (unknown code), QT232 (no such
        article) or QT233 (not in force on ``on``).

    .. versionadded:: 2026.11.0

    .. versionchanged:: 2026.12.0
       Lives in ``quytac.validation.codes``; any ``Context`` will do.
    """
    parsed = parse_ref(ref)
    if parsed is None:
        return issue("QT230", path, ref=repr(ref))
    code_id, number = parsed
    code = context.get(ConductCode, code_id)
    if code is None:
        return issue(
            "QT231",
            path,
            hint=of_documents(code_id, context.all(ConductCode)),
            cause=missing(ConductCode.kind, code_id),
            follows=True,
            code_id=repr(code_id),
        )
    article = code.article(number)
    if article is None:
        return issue("QT232", path, code_id=repr(code_id), number=number)
    if on is not None and not code.in_force(on, article):
        era, era_vi = era_text(code.period(article))
        return issue(
            "QT233",
            path,
            what=f"article {number} of {code_id!r}",
            what_vi=f"điều {number} của {code_id!r}",
            day=on,
            era=era,
            era_vi=era_vi,
        )
    return article
