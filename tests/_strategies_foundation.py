"""
Hypothesis strategies for the documents of the foundation (unit catalogs, codes of conduct).
"""

import datetime as dt
import unicodedata

from hypothesis import strategies as st

from quytac.codes import AppliesTo, Article, Chapter, ConductCode, LegalBasis, Rule, RuleType
from quytac.text import Text
from quytac.units import Unit, UnitCatalog, UnitKind, UnitLevel


def nfc(text):
    return unicodedata.normalize("NFC", text)


words = st.text(min_size=1, max_size=30).map(nfc).filter(str.strip)
ids = st.from_regex(r"[a-z0-9][a-z0-9._-]{0,20}", fullmatch=True)
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31))
texts = st.builds(Text, vi=words, en=st.none() | words)


@st.composite
def unit_catalogs(draw):
    """
    Any well-formed UnitCatalog (not necessarily a consistent one).
    """
    units = draw(
        st.lists(
            st.builds(
                Unit,
                code=words,
                name=texts,
                kind=words,
                parent=st.none() | words,
                place_type=st.none() | words,
                valid_from=st.none() | dates,
                valid_to=st.none() | dates,
                successor=st.none() | words,
                verified=st.booleans(),
            ),
            max_size=5,
        )
    )
    kinds = draw(
        st.lists(
            st.builds(
                UnitKind,
                id=words,
                label=texts,
                level=st.sampled_from(UnitLevel),
                valid_from=st.none() | dates,
            ),
            max_size=3,
        )
    )
    return UnitCatalog(
        id=draw(ids),
        title=draw(texts),
        version=draw(st.integers(1, 50)),
        valid_from=draw(st.none() | dates),
        valid_to=draw(st.none() | dates),
        unit_kinds=tuple(kinds),
        units=tuple(units),
    )


rules = st.builds(
    Rule, id=words, text=texts, type=st.sampled_from(RuleType), place_type=st.none() | words
)
articles = st.builds(
    Article,
    number=st.integers(1, 99),
    title=texts,
    verified=st.booleans(),
    rules=st.lists(rules, max_size=3).map(tuple),
)
conduct_codes = st.builds(
    ConductCode,
    id=ids,
    title=texts,
    legal_basis=st.builds(LegalBasis, instrument=words, issued_by=words, issued_on=dates),
    effective_from=dates,
    effective_to=st.none() | dates,
    applies_to=st.builds(
        AppliesTo,
        unit_kinds=st.lists(words, max_size=3).map(tuple),
        place_types=st.lists(words, max_size=2).map(tuple),
        subjects=st.lists(texts, max_size=2).map(tuple),
    ),
    chapters=st.lists(
        st.builds(
            Chapter, number=words, title=texts, articles=st.lists(articles, max_size=3).map(tuple)
        ),
        max_size=3,
    ).map(tuple),
)
