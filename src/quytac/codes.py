"""
Codes of conduct (quy tắc ứng xử): their legal basis, who must follow them, chapters, articles
and rules.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from typing import ClassVar

import attrs

from ._base import Definition
from ._checks import at_least_one, non_empty_text
from ._eras import Period, contains
from .text import Text
from .units import Unit

__all__ = [
    "AppliesTo",
    "Article",
    "Chapter",
    "ConductCode",
    "LegalBasis",
    "Rule",
    "RuleType",
    "parse_ref",
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
        return self._by_number.get(number)

    @functools.cached_property
    def _by_number(self) -> dict[int, Article]:
        found: dict[int, Article] = {}
        for article in self.articles:
            found.setdefault(article.number, article)  # the first, when numbered twice (QT220)
        return found

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
