"""
Codes of conduct.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from quytac.codes import AppliesTo, Article, Chapter, ConductCode, LegalBasis, Rule, RuleType

from ._common import ids, texts, words


@st.composite
def conduct_codes(draw: st.DrawFn, *, max_chapters: int = 4, max_articles: int = 4) -> ConductCode:
    """
    Codes of conduct with chapters numbered I, II, ..., articles numbered 1, 2, ... through
    the code, unique rule ids and dates in order. They validate with no issue.

    .. versionadded:: 2026.11.0
    """
    issued_on = draw(st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)))
    starts = draw(st.integers(0, 60))
    effective_from = issued_on + dt.timedelta(days=starts)
    lasts = draw(st.none() | st.integers(0, 3650))
    effective_to = None if lasts is None else effective_from + dt.timedelta(days=lasts)
    roman = ("I", "II", "III", "IV", "V", "VI")
    chapters = []
    number = 0
    for c in range(draw(st.integers(1, max_chapters))):
        articles = []
        for _ in range(draw(st.integers(0, max_articles))):
            number += 1
            rules = tuple(
                Rule(
                    id=f"r{number}-{r}",
                    text=draw(texts()),
                    type=draw(st.sampled_from(RuleType)),
                )
                for r in range(draw(st.integers(0, 3)))
            )
            articles.append(
                Article(
                    number=number, title=draw(texts()), verified=draw(st.booleans()), rules=rules
                )
            )
        chapters.append(Chapter(number=roman[c], title=draw(texts()), articles=tuple(articles)))
    return ConductCode(
        id=draw(ids()),
        title=draw(texts()),
        version=draw(st.integers(1, 5)),
        legal_basis=LegalBasis(
            instrument=draw(words()), issued_by=draw(words()), issued_on=issued_on
        ),
        effective_from=effective_from,
        effective_to=effective_to,
        applies_to=AppliesTo(
            unit_kinds=tuple(draw(st.lists(st.sampled_from(("so", "quan", "phuong")), unique=True)))
        ),
        chapters=tuple(chapters),
    )
