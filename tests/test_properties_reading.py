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


HEAD = "kind: UnitCatalog\nschema: quytac/v1\nid: hanoi\ntitle: {title}\nbogus: 1\n"
TITLE = "Hà Nội"
#: Bytes that are not UTF-8, or that are characters a text may not hold, and their problem.
FLAWS = [
    (b"\xff", "QT002"),
    (b"\xc3", "QT002"),
    (b"\x80", "QT002"),
    (b"\xed\xa0\x80", "QT002"),  # a surrogate, which UTF-8 does not encode
    (b"\x00", "QT017"),
    (b"\x1b", "QT017"),
    (b"\x7f", "QT017"),
    ("\x9b".encode(), "QT017"),
    ("\uffff".encode(), "QT017"),
]
#: Pieces of YAML and JSON, good and bad, to make texts close to real ones.
PIECES = [
    *(b"a", b": ", b" ", b"\n", b"- ", b"{", b"}", b"[", b"]", b", ", b'"', b"#", b"---\n"),
    *(b"kind: UnitCatalog\n", b"\xef\xbb\xbf", b"!!int ", b"&a ", b"*a", b"\\e", b"\\0"),
    *(b'"k": ', b"NaN", b"1", b'"\\u001b"', b'"\\ud800"', b"\xff", b"\x00", "ộ".encode()),
]


class TestEveryProblemIsPlaced:
    @given(st.integers(0, len(TITLE)), st.sampled_from(FLAWS))
    def test_a_flaw_anywhere_in_a_value_is_placed_and_hides_nothing(self, at, flaw):
        """
        A bad byte or a control character anywhere in a title is one problem at its place,
        and the unknown key below it is still found at its own.
        """
        data, code = flaw
        title = TITLE[:at].encode() + data + TITLE[at:].encode()
        text = HEAD.encode().replace(b"{title}", title)

        kind, problems = outcome(quytac.loads, text)

        assert "problems" == kind
        assert {(code, 4, 8 + at), ("QT104", 5, 1)} == {
            (p.code, p.line, p.column) for p in problems
        }

    @given(
        st.binary(max_size=120)
        | st.lists(st.sampled_from(PIECES), max_size=30).map(b"".join)
        | st.lists(st.sampled_from(PIECES), max_size=30).map(lambda pieces: b"{" + b"".join(pieces))
    )
    def test_every_problem_of_any_bytes_has_a_line(self, data):
        """
        Whatever the bytes (YAML, JSON, neither), each problem found is located; only an empty
        text has no place to point at.
        """
        kind, result = outcome(quytac.loads_all, data)

        assert kind == "document" or [] == [
            p.render() for p in result if p.line is None and p.code != "QT008"
        ]
