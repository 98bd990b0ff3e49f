"""
Laws of reading and writing, over generated input.
"""

import yaml
from hypothesis import given
from hypothesis import strategies as st

import quytac
from _strategies_foundation import conduct_codes, unit_catalogs
from quytac import _yaml

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
