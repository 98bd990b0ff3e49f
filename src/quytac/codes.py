"""
Codes of conduct (quy tắc ứng xử): their legal basis, who must follow them, chapters, articles
and rules.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING, ClassVar

import attrs

from ._base import Definition
from ._checks import at_least_one, non_empty_text
from ._eras import Period, contains, era_text, in_order, issue
from ._messages import missing
from ._nearest import of_documents
from .errors import Issue, format_path
from .text import Text
from .units import PLACE_TYPES, UNIT_KINDS, PlaceType, Unit, UnitCatalog, UnitKind

if TYPE_CHECKING:
    from collections.abc import Iterator

    from .workspace import Workspace

__all__ = [
    "AppliesTo",
    "Article",
    "Chapter",
    "ConductCode",
    "LegalBasis",
    "Rule",
    "RuleType",
    "parse_ref",
    "resolve_ref",
]


@attrs.frozen(kw_only=True)
class LegalBasis:
    """
    The instrument a code or a plan rests on.

    Attributes:
        instrument: Its number and type, e.g. "Quyết định 522/QĐ-UBND".
        issued_by: Who issued it, e.g. "UBND TP Hà Nội".
        issued_on: The day it was signed.

    .. versionadded:: 2026.11.0
    """

    instrument: str = attrs.field(validator=non_empty_text)
    issued_by: str = attrs.field(validator=non_empty_text)
    issued_on: dt.date


@attrs.frozen(kw_only=True)
class AppliesTo:
    """
    Who a code or a checklist is for: units of some kinds, and public places of some types.

    Attributes:
        unit_kinds: Ids of the unit kinds (``so``, ``quan``, ``phuong`` ...).
        place_types: Ids of the place types of public places (``cho``, ``di_tich`` ...).
        subjects: The people it binds, in words (cán bộ, công chức ...).

    .. versionadded:: 2026.11.0
    """

    unit_kinds: tuple[str, ...] = ()
    place_types: tuple[str, ...] = ()
    subjects: tuple[Text, ...] = ()

    @property
    def limited(self) -> bool:
        """
        Whether it names unit kinds or place types at all (otherwise it is for every unit).

        .. versionadded:: 2026.11.0
        """
        return bool(self.unit_kinds or self.place_types)

    def covers(self, unit: Unit) -> bool:
        """
        Whether it is for a unit: one of its kinds, or a public place of one of its place
        types; every unit when it names neither.

        .. versionadded:: 2026.11.0
        """
        if not self.limited:
            return True
        return unit.kind in self.unit_kinds or (
            unit.place_type is not None and unit.place_type in self.place_types
        )

    def issues(self, workspace: Workspace | None = None) -> Iterator[Issue]:
        """
        Unit kinds and place types that the built-in vocabulary and the catalogs of the
        workspace do not know (warnings), and a place type written as a unit kind or a unit
        kind as a place type (errors), with paths under ``applies_to``.

        .. versionadded:: 2026.11.0
        """
        kinds, places = _vocabulary(workspace)
        yield from _listed("unit_kinds", self.unit_kinds, kinds, places)
        yield from _listed("place_types", self.place_types, places, kinds)


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


class RuleType(enum.StrEnum):
    """
    What a rule asks: a duty, a prohibition, or (for the public-places code) guidance.

    .. versionadded:: 2026.11.0
    """

    MUST = "must"
    MUST_NOT = "must_not"
    SHOULD = "should"
    SHOULD_NOT = "should_not"


@attrs.frozen(kw_only=True)
class Rule:
    """
    One rule of an article.

    Attributes:
        id: Unique within the code.
        text: What the rule says (a short summary, not the official wording).
        type: must, must_not, should or should_not.
        place_type: For rules about one kind of public place, that place type.

    .. versionadded:: 2026.11.0
    """

    id: str = attrs.field(validator=non_empty_text)
    text: Text
    type: RuleType
    place_type: str | None = None


@attrs.frozen(kw_only=True)
class Article:
    """
    An article (Điều) of a code.

    Attributes:
        number: Its number, counted through the whole code (Điều 3 is 3).
        title: Its title.
        verified: False when the title or number is not confirmed by an official source.
        effective_from: When the article came into force, if not with the code.
        effective_to: When it stopped being in force, if it did.
        rules: Its rules.

    .. versionadded:: 2026.11.0
    """

    number: int = attrs.field(validator=at_least_one)
    title: Text
    verified: bool = True
    effective_from: dt.date | None = None
    effective_to: dt.date | None = None
    rules: tuple[Rule, ...] = ()


@attrs.frozen(kw_only=True)
class Chapter:
    """
    A chapter (Chương) of a code.

    Attributes:
        number: Its number as written (Roman numerals: "I", "II" ...).
        title: Its title.
        verified: False when not confirmed by an official source.
        articles: Its articles.

    .. versionadded:: 2026.11.0
    """

    number: str = attrs.field(validator=non_empty_text)
    title: Text
    verified: bool = True
    articles: tuple[Article, ...] = ()


@attrs.frozen(kw_only=True)
class ConductCode(Definition):
    """
    A code of conduct (quy tắc ứng xử) issued by an instrument.

    Checklist items cite its articles as ``CODE_ID:ARTICLE``, e.g. ``qtux-noi-cong-cong:3``.

    Attributes:
        legal_basis: The instrument that issued it.
        effective_from: First day in force.
        effective_to: Last day in force, or None (still in force).
        applies_to: Who must follow it.
        chapters: Its chapters, with their articles.

    .. versionadded:: 2026.11.0
    """

    kind: ClassVar[str] = "ConductCode"

    legal_basis: LegalBasis
    effective_from: dt.date
    effective_to: dt.date | None = None
    applies_to: AppliesTo = AppliesTo()
    chapters: tuple[Chapter, ...] = ()

    @property
    def articles(self) -> tuple[Article, ...]:
        """
        Every article, in the order of the chapters.
        """
        return tuple(article for chapter in self.chapters for article in chapter.articles)

    def article(self, number: int) -> Article | None:
        """
        The article with a number, or None.
        """
        for article in self.articles:
            if article.number == number:
                return article
        return None

    def period(self, article: Article | None = None) -> Period:
        """
        The first and last day in force of the code, or of one of its articles (an article
        without dates of its own is in force with the code).
        """
        if article is None:
            return (self.effective_from, self.effective_to)
        return (
            article.effective_from or self.effective_from,
            article.effective_to or self.effective_to,
        )

    def in_force(self, on: dt.date, article: Article | None = None) -> bool:
        """
        Whether the code (or one of its articles) is in force on a day.
        """
        return contains(self.period(article), on)

    def issues(self, workspace: Workspace | None = None) -> Iterator[Issue]:
        """
        The rules a code must keep, as issues with paths into the code: dates in order,
        chapter and article numbers and rule ids used once, unit kinds and place types known.

        .. versionadded:: 2026.11.0
        """
        yield from in_order((), ("effective_from", "effective_to"), self.period())
        if self.legal_basis.issued_on > self.effective_from:
            yield issue(
                "QT226",
                ("effective_from",),
                start=self.effective_from,
                issued=self.legal_basis.issued_on,
            )
        yield from self.applies_to.issues(workspace)
        yield from self._numbering(_vocabulary(workspace)[1])

    def _numbering(self, places: list[PlaceType]) -> Iterator[Issue]:
        known = {place.id for place in places}
        chapters: dict[str, int] = {}
        articles: dict[int, str] = {}
        rules: dict[str, str] = {}
        for c, chapter in enumerate(self.chapters):
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
                yield from self._article_dates(article, path)
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

    def _article_dates(self, article: Article, path: tuple[str | int, ...]) -> Iterator[Issue]:
        # Only the article's own dates: the code's are reported once, at the code.
        own = (article.effective_from, article.effective_to)
        yield from in_order(path, ("effective_from", "effective_to"), own)
        era, era_vi = era_text(self.period())
        for key in ("effective_from", "effective_to"):
            day: dt.date | None = getattr(article, key)
            if day is not None and not self.in_force(day):
                yield issue("QT225", (*path, key), key=key, day=day, era=era, era_vi=era_vi)


def _vocabulary(workspace: Workspace | None) -> tuple[list[UnitKind], list[PlaceType]]:
    """
    The unit kinds and place types known: built in, and declared by the workspace's catalogs.
    """
    kinds = list(UNIT_KINDS.values())
    places = list(PLACE_TYPES.values())
    for catalog in () if workspace is None else workspace.all(UnitCatalog):
        kinds += catalog.unit_kinds
        places += catalog.place_types
    return kinds, places


#: The form of a reference to an article, ``CODE_ID:ARTICLE``, as a JSON Schema pattern: the id
#: of a code, then a number of ASCII digits.
REF_FORM = r"^[a-z0-9][a-z0-9._-]*:[0-9]+$"


def parse_ref(ref: str) -> tuple[str, int] | None:
    """
    ``"qtux-noi-cong-cong:3"`` -> ``("qtux-noi-cong-cong", 3)``; None when it is not a reference.

    .. versionadded:: 2026.11.0
    """
    code, sep, number = ref.rpartition(":")
    if not sep or not code or not (number.isascii() and number.isdigit()):
        return None
    return code, int(number)


def resolve_ref(
    ref: str,
    workspace: Workspace,
    *,
    on: dt.date | None = None,
    path: tuple[str | int, ...] = (),
) -> Article | Issue:
    """
    The article a reference ``CODE_ID:ARTICLE`` names, or the Issue that says why it names none.

    Args:
        ref: The reference, e.g. ``"qtux-noi-cong-cong:3"``.
        workspace: Where the codes are.
        on: When given, the article must be in force on that day (QT233 otherwise).
        path: The path of the reference in the citing document, given to the issue.

    Returns:
        The Article, or an Issue: QT230 (not a reference), QT231 (unknown code), QT232 (no such
        article) or QT233 (not in force on ``on``).

    .. versionadded:: 2026.11.0
    """
    parsed = parse_ref(ref)
    if parsed is None:
        return issue("QT230", path, ref=repr(ref))
    code_id, number = parsed
    code = workspace.get(ConductCode, code_id)
    if code is None:
        return issue(
            "QT231",
            path,
            hint=of_documents(code_id, workspace.all(ConductCode)),
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
