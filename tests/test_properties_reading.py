"""
Laws of reading and writing, over generated input.
"""

import datetime as dt
import unicodedata

import yaml
from hypothesis import given
from hypothesis import strategies as st

import quytac
from quytac import _yaml
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
        subjects=st.lists(texts, max_size=2).map(tuple),
    ),
    chapters=st.lists(
        st.builds(
            Chapter, number=words, title=texts, articles=st.lists(articles, max_size=3).map(tuple)
        ),
        max_size=3,
    ).map(tuple),
)

json_like = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=20,
)


class TestRoundTrips:
    @given(unit_catalogs())
    def test_a_unit_catalog_loads_back_equal(self, catalog):
        """
        loads(dumps(x)) == x for any unit catalog.
        """
        assert catalog == quytac.loads(quytac.dumps(catalog))

    @given(conduct_codes)
    def test_a_conduct_code_loads_back_equal(self, code):
        """
        loads(dumps(x)) == x for any code of conduct.
        """
        assert code == quytac.loads(quytac.dumps(code))

    @given(st.lists(unit_catalogs(), min_size=1, max_size=3))
    def test_a_stream_loads_back_equal(self, catalogs):
        """
        loads_all(dumps_all(xs)) == xs.
        """
        assert tuple(catalogs) == quytac.loads_all(quytac.dumps_all(catalogs))


def outcome(load, value):
    """
    What loading gives: ("document", doc) or ("problems", problems); anything else escapes.
    """
    try:
        return ("document", load(value))
    except quytac.LoadError as error:
        return ("problems", error.problems)


class TestRobustness:
    @given(st.text(max_size=200))
    def test_any_text_loads_or_raises_load_error(self, text):
        """
        No other exception escapes, whatever the text.
        """
        kind, result = outcome(quytac.loads, text)

        assert kind == "document" or len(result) > 0

    @given(st.binary(max_size=200))
    def test_any_bytes_load_or_raise_load_error(self, data):
        """
        Bytes that are not UTF-8 give a problem, never a UnicodeDecodeError.
        """
        kind, result = outcome(quytac.loads, data)

        assert kind == "document" or len(result) > 0

    @given(json_like)
    def test_any_yaml_value_loads_or_raises_load_error(self, value):
        """
        Well-formed YAML of any shape is either a document or located problems.
        """
        kind, result = outcome(quytac.loads, yaml.safe_dump(value))

        assert kind == "document" or {"<string>"} == {p.source for p in result}

    @given(
        st.dictionaries(
            st.sampled_from(["kind", "schema", "id", "title", "units", "version"]), json_like
        )
    )
    def test_any_envelope_loads_or_raises_load_error(self, value):
        """
        Documents close to valid ones exercise the converter: the outcome is still a LoadError.
        """
        value = {"kind": "UnitCatalog", "schema": "quytac/v1", **value}

        kind, result = outcome(quytac.loads, yaml.safe_dump(value))

        assert kind == "document" or len(result) > 0


class TestParsersAgree:
    @given(json_like)
    def test_the_c_and_pure_parsers_read_the_same_data(self, value):
        """
        libyaml and the pure parser give the same plain data for any YAML document.
        """
        text = yaml.safe_dump(value)

        fast = list(_yaml.read_yaml(lambda: text, "t", pure=False))
        slow = list(_yaml.read_yaml(lambda: text, "t", pure=True))

        assert [(d.data, [p.code for p in d.problems]) for d in fast] == [
            (d.data, [p.code for p in d.problems]) for d in slow
        ]
