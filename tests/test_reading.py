"""
The strict reader: every reading rule of DESIGN.md §2, with the C parser and the pure one.
"""

import tracemalloc
import unicodedata

import pytest

import quytac
from quytac import _documents, _yaml

HEAD = "kind: UnitCatalog\nschema: quytac/v1\nid: hanoi\ntitle: Hà Nội\n"


def load(text, *, pure, source="t.yaml"):
    """
    The one document of a text, read with the chosen parser.
    """
    loaded = list(_documents.text_source(text, source, pure=pure))
    problems = [p for item in loaded for p in item.problems]
    if problems:
        raise quytac.LoadError(problems)
    assert len(loaded) == 1
    return loaded[0].document


def plain(text, *, pure=False):
    """
    The plain data of the one document of a text.
    """
    [raw] = list(_yaml.read_yaml(lambda: text, "t.yaml", pure=pure))
    assert raw.problems == ()
    return raw.data


def reading(text, *, pure):
    """
    The problems the reader itself finds in a text (before any typing).
    """
    return [
        p.render()
        for raw in _yaml.read_yaml(lambda: text, "t.yaml", pure=pure)
        for p in raw.problems
    ]


def problems(text, *, pure, source="t.yaml"):
    with pytest.raises(quytac.LoadError) as info:
        load(text, pure=pure, source=source)
    return [p.render() for p in info.value.problems]


@pytest.fixture(params=[False, True], ids=["libyaml", "pure"])
def pure(request):
    """
    Each test runs with libyaml's C parser and with PyYAML's pure parser.
    """
    return request.param


class TestSafeConstruction:
    def test_python_tags_are_refused(self, pure):
        """
        A tag that would construct a Python object is a problem at its value.
        """
        text = HEAD.replace("title: Hà Nội", "title: !!python/object/apply:os.system [ls]")

        assert [
            "t.yaml:4:8: error QT005: title: the tag !!python/object/apply:os.system is not"
            " allowed; write plain values"
        ] == problems(text, pure=pure)

    @pytest.mark.parametrize(
        ("value", "tag", "column"),
        [
            ("!!binary aGk=", "!!binary", 8),
            ("!!set {a: null}", "!!set", 8),
            ("!!omap [a: 1]", "!!omap", 8),
            ("!!timestamp 2023-01-01", "!!timestamp", 8),
            ("!local x", "!local", 8),
        ],
    )
    def test_non_core_tags_are_refused(self, pure, value, tag, column):
        """
        Only the core tags are allowed; binary, set, omap, timestamp and local tags are not.
        """
        text = HEAD.replace("title: Hà Nội", f"title: {value}")

        assert [
            f"t.yaml:4:{column}: error QT005: title: the tag {tag} is not allowed;"
            " write plain values"
        ] == problems(text, pure=pure)

    def test_core_tags_read_as_their_plain_value(self, pure):
        """
        !!str, !!int, !!float keep the text; !!bool and !!null read their values.
        """
        text = "a: !!str 001\nb: !!int 7\nc: !!float 2.50\nd: !!bool true\ne: !!null null\n"

        assert {"a": "001", "b": "7", "c": "2.50", "d": True, "e": None} == plain(text, pure=pure)

    def test_a_core_tag_that_does_not_fit_its_value_is_refused(self, pure):
        """
        `!!bool yes` is not a boolean under YAML 1.2: a problem, not a guess.
        """
        text = HEAD + "valid_from: !!bool yes\n"

        assert [
            "t.yaml:5:13: error QT015: valid_from: the value 'yes' does not fit the tag !!bool"
        ] == problems(text, pure=pure)


class TestDuplicateKeys:
    def test_a_duplicate_key_names_both_lines(self, pure):
        """
        The second key is the problem, and the message says where the first one is.
        """
        text = HEAD + "id: hanoi-2\n"

        assert ["t.yaml:5:1: error QT003: id: duplicate key 'id' (first on line 3)"] == problems(
            text, pure=pure
        )

    def test_nfc_and_nfd_spellings_are_one_key(self, pure):
        """
        Keys are compared after NFC normalisation: two keyboards, one key.
        """
        nfc = unicodedata.normalize("NFC", "tên")
        nfd = unicodedata.normalize("NFD", "tên")
        text = f"{nfd}: a\n{nfc}: b\n"

        assert ["t.yaml:2:1: error QT003: [\"tên\"]: duplicate key 'tên' (first on line 1)"] == (
            reading(text, pure=pure)
        )

    def test_duplicates_in_nested_mappings_are_all_reported(self, pure):
        """
        Every duplicate is reported, each at its own place.
        """
        text = HEAD + "units:\n  - code: '01'\n    code: '02'\n    name: a\n    name: b\n"

        assert [
            "t.yaml:7:5: error QT003: units[0].code: duplicate key 'code' (first on line 6)",
            "t.yaml:9:5: error QT003: units[0].name: duplicate key 'name' (first on line 8)",
        ] == reading(text, pure=pure)


class TestAliases:
    def test_anchors_and_aliases_are_refused(self, pure):
        """
        Anchors and aliases are problems at the place they are written.
        """
        text = "a: &x 1\nb: *x\n"

        assert [
            "t.yaml:1:4: error QT004: a: anchors and aliases (&x) are not allowed;"
            " write the value out",
            "t.yaml:2:4: error QT004: b: anchors and aliases (*x) are not allowed;"
            " write the value out",
        ] == reading(text, pure=pure)

    def test_an_alias_bomb_fails_at_once_in_bounded_memory(self, pure):
        """
        A billion-laughs document is refused without expanding anything.
        """
        lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 10)]
        text = "\n".join(lines) + "\n"
        tracemalloc.start()

        found = reading(text, pure=pure)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()

        assert 10 + 90 == len(found)
        assert {"QT004"} == {line.split()[2].rstrip(":") for line in found}
        assert peak < 20 * 1024 * 1024


class TestBooleans:
    @pytest.mark.parametrize("word", ["yes", "no", "on", "off", "y", "n", "Yes", "NO"])
    def test_yaml_11_booleans_are_plain_text(self, pure, word):
        """
        Only true and false are booleans; yes, no, on, off are text.
        """
        assert {"a": word} == plain(f"a: {word}\n", pure=pure)

    @pytest.mark.parametrize(
        ("word", "value"),
        [("true", True), ("True", True), ("TRUE", True), ("false", False), ("FALSE", False)],
    )
    def test_yaml_12_core_booleans(self, pure, word, value):
        """
        The YAML 1.2 core spellings of true and false are booleans.
        """
        assert {"a": value} == plain(f"a: {word}\n", pure=pure)

    def test_yes_where_a_boolean_is_expected_is_a_problem(self, pure):
        """
        `verified: yes` is not silently true.
        """
        text = HEAD + "units:\n  - {code: '01', name: Hà Nội, kind: thanh_pho_tw, verified: yes}\n"

        assert [
            "t.yaml:6:62: error QT105: units[0].verified: expected true or false, got 'yes'"
        ] == problems(text, pure=pure)


class TestNumbersStayText:
    @pytest.mark.parametrize(
        "value", ["001", "00004", "0123", "0089", "1:30", "1.10", "2.5", "1e3", "0x1F", "=", ".inf"]
    )
    def test_plain_scalars_that_look_like_numbers_are_text(self, pure, value):
        """
        Numbers stay text until the model types them: no octal, no sexagesimal, no floats.
        """
        assert {"a": value} == plain(f"a: {value}\n", pure=pure)

    def test_a_code_with_leading_zeros_keeps_them(self, pure):
        """
        `code: 001` is the unit code "001", not the number 1.
        """
        text = HEAD + "units:\n  - {code: 001, name: Ba Đình, kind: quan}\n"

        catalog = load(text, pure=pure)

        assert "001" == catalog.units[0].code

    @pytest.mark.parametrize(
        ("value", "expected"), [("", None), ("~", None), ("null", None), ("NULL", None)]
    )
    def test_nulls(self, pure, value, expected):
        """
        The YAML 1.2 core nulls are null.
        """
        assert {"a": expected} == plain(f"a: {value}\n", pure=pure)

    def test_quoted_values_are_always_text(self, pure):
        """
        Quoting keeps a value as text, even true or null.
        """
        assert {"a": "true", "b": "null", "c": ""} == plain(
            "a: 'true'\nb: \"null\"\nc: ''\n", pure=pure
        )


class TestDates:
    def test_an_impossible_date_is_a_located_problem(self, pure):
        """
        2023-02-30 where a date is expected is a problem, not a crash.
        """
        text = HEAD + "valid_from: 2023-02-30\n"

        assert [
            "t.yaml:5:13: error QT107: valid_from: expected a date YYYY-MM-DD, got '2023-02-30'"
        ] == problems(text, pure=pure)

    def test_a_date_where_text_is_expected_stays_text(self, pure):
        """
        Dates are dates only where the model expects one.
        """
        text = HEAD.replace("title: Hà Nội", "title: 2023-01-01")

        catalog = load(text, pure=pure)

        assert "2023-01-01" == catalog.title.vi


class TestNormalisation:
    def test_text_is_nfc_normalised(self, pure):
        """
        Vietnamese typed in decomposed form (NFD) reads as the composed form (NFC).
        """
        nfd = unicodedata.normalize("NFD", "Quận Hoàn Kiếm")
        text = HEAD + f"units:\n  - {{code: '002', name: {nfd}, kind: quan}}\n"

        catalog = load(text, pure=pure)

        assert unicodedata.normalize("NFC", "Quận Hoàn Kiếm") == catalog.units[0].name.vi
        assert nfd != catalog.units[0].name.vi


class TestLimits:
    def test_deep_block_nesting_fails_fast(self, pure):
        """
        10,000 nested lists give one problem, not a RecursionError.
        """
        text = "- " * 10_000 + "x\n"

        found = problems(text, pure=pure)

        assert [
            "t.yaml:1:129: error QT006: (root): nested deeper than 64 levels;"
            " the rest of the file is not read"
        ] == found

    def test_deep_flow_nesting_fails_fast(self, pure):
        """
        10,000 nested flow lists give one problem about the nesting.
        """
        text = "[" * 10_000 + "]" * 10_000 + "\n"

        found = problems(text, pure=pure)

        assert 1 == len(found)
        assert " error QT006: (root): nested deeper than 64 levels" in found[0]

    def test_nesting_within_the_limit_is_read(self, pure):
        """
        64 levels are allowed.
        """
        text = "- " * 63 + "x\n"

        data = plain(text, pure=pure)

        for _ in range(63):
            data = data[0]
        assert "x" == data

    def test_a_document_over_the_size_limit_is_refused(self, pure, monkeypatch):
        """
        A document larger than the limit is a problem, and reading stops there.
        """
        monkeypatch.setattr(_yaml, "MAX_DOCUMENT_CHARS", 1000)
        text = "a:\n" + "".join(f"  - item {i}\n" for i in range(200))

        found = problems(text, pure=pure)

        assert 1 == len(found)
        assert ": error QT007: a[8" in found[0]
        assert found[0].endswith(
            ": the document is larger than 1,000 characters; the rest of the file is not read"
        )


class TestEncodingAndLayout:
    def test_invalid_utf8_is_located(self, pure):
        """
        A byte that is not UTF-8 is a problem at its line and column.
        """
        data = b"a: b\nc: \xff\n"

        found = problems(data, pure=pure)

        assert ["t.yaml:2:4: error QT002: (root): the text is not valid UTF-8: byte 0xFF"] == found

    def test_a_byte_order_mark_is_dropped(self, pure):
        """
        A UTF-8 byte order mark (Windows editors write one) is not part of the first key.
        """
        data = "\ufeff".encode() + HEAD.encode()

        assert "hanoi" == load(data, pure=pure).id

    def test_control_characters_are_a_problem(self, pure):
        """
        A NUL character is refused with its place.
        """
        found = problems("a: b\u0000c\n", pure=pure)

        assert [
            "t.yaml:1:5: error QT017: (root): the character U+0000 is not allowed in YAML"
            " (a control character)"
        ] == found

    def test_tabs_that_indent_are_a_problem(self, pure):
        """
        A tab used for indentation gets a message that says what to do.
        """
        text = "a:\n\t- b\n"

        assert ["t.yaml:2:1: error QT011: (root): tabs cannot indent YAML; indent with spaces"] == (
            problems(text, pure=pure)
        )

    @pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n", "---\n"])
    def test_an_empty_text_is_a_problem(self, pure, text):
        """
        Nothing to load is a problem, not None.
        """
        found = problems(text, pure=pure)

        assert 1 == len(found)
        assert "error QT008: (root): there is no document here" in found[0]

    def test_a_top_level_that_is_not_a_mapping_is_a_problem(self, pure):
        """
        A document must be a mapping.
        """
        assert [
            "t.yaml:1:1: error QT009: (root): a document must be a mapping (kind, schema, id, ...),"
            " got 'just text'"
        ] == problems("just text\n", pure=pure)

    def test_a_syntax_error_is_located(self, pure):
        """
        Broken YAML gives one problem with a place; no partial document.
        """
        found = problems(HEAD + "units: [a, b\n", pure=pure)

        assert 1 == len(found)
        assert " error QT001: (root): invalid YAML: " in found[0]
        assert found[0].startswith("t.yaml:6:")

    def test_a_mapping_used_as_a_key_is_a_problem(self, pure):
        """
        Keys are text; a complex key is refused.
        """
        found = problems("? [a, b]\n: c\n", pure=pure)

        assert ["t.yaml:1:3: error QT010: (root): a key must be text, got a list"] == found


class TestJson:
    def test_json_and_yaml_give_equal_documents(self):
        """
        The same document as JSON and as YAML loads to equal objects.
        """
        yaml_text = (
            HEAD + "version: 2\nunits:\n  - {code: '01', name: Hà Nội, kind: thanh_pho_tw}\n"
        )
        json_text = (
            '{"kind": "UnitCatalog", "schema": "quytac/v1", "id": "hanoi", "title": "Hà Nội",'
            ' "version": 2, "units": [{"code": "01", "name": "Hà Nội", "kind": "thanh_pho_tw"}]}'
        )

        assert quytac.loads(yaml_text) == quytac.loads(json_text)

    def test_json_numbers_are_exact_text(self):
        """
        A JSON number reaches the model as its text: 1.10 stays 1.10, 001-like codes as given.
        """
        [raw] = list(_yaml.read_json('{"a": 1.10, "b": 7, "c": "001"}', "t.json"))

        assert {"a": "1.10", "b": "7", "c": "001"} == raw.data

    def test_json_duplicate_keys_name_both_lines(self):
        """
        Duplicate keys in JSON are problems too, located like YAML's.
        """
        text = '{\n  "a": 1,\n  "a": 2\n}\n'

        [raw] = list(_yaml.read_json(text, "t.json"))

        assert ["t.json:3:3: error QT003: a: duplicate key 'a' (first on line 2)"] == [
            p.render() for p in raw.problems
        ]

    def test_nan_is_not_a_number(self):
        """
        NaN and Infinity are not JSON numbers.
        """
        [raw] = list(_yaml.read_json('{"a": NaN}', "t.json"))

        assert ["t.json: error QT013: (root): invalid JSON: NaN is not a number JSON allows"] == [
            p.render() for p in raw.problems
        ]

    def test_a_yaml_flow_mapping_is_still_yaml(self):
        """
        Text that opens with `{` but is not JSON is read as YAML.
        """
        text = "{kind: UnitCatalog, schema: quytac/v1, id: hanoi, title: Hà Nội}"

        assert "hanoi" == quytac.loads(text).id


class TestLimitsCannotBeBypassed:
    def test_one_huge_value_is_over_the_size_limit(self, pure, monkeypatch):
        """
        The size is checked where a value ends, so a single long value cannot slip through.
        """
        monkeypatch.setattr(_yaml, "MAX_DOCUMENT_CHARS", 1000)
        text = "a: " + "x" * 5000 + "\n"

        found = reading(text, pure=pure)

        assert [
            "t.yaml:1:4: error QT007: a: the document is larger than 1,000 characters;"
            " the rest of the file is not read"
        ] == found

    def test_json_over_the_size_limit(self, monkeypatch):
        """
        A JSON text larger than the limit is refused before it is parsed.
        """
        monkeypatch.setattr(_yaml, "MAX_DOCUMENT_CHARS", 10)
        [raw] = list(_yaml.read_json('{"a": "0123456789"}', "t.json"))

        assert ["QT007"] == [p.code for p in raw.problems]

    @pytest.mark.parametrize("depth", [100, 100_000])
    def test_deep_json_is_refused_without_recursion_error(self, depth):
        """
        JSON nested deeper than the limit is QT006, however deep.
        """
        [raw] = list(_yaml.read_json("[" * depth + "]" * depth, "t.json"))

        assert ["QT006"] == [p.code for p in raw.problems]
        assert raw.data is None


class TestJsonText:
    def test_escaped_decomposed_text_is_normalised(self):
        """
        NFC applies to the decoded text, even when the JSON spells it with \\u escapes.
        """
        [raw] = list(_yaml.read_json('{"title": "Ti\\u00ea\\u0301u"}', "t.json"))

        assert {"title": "Tiếu"} == raw.data

    def test_a_lone_surrogate_is_a_problem(self):
        """
        JSON can escape a half of a surrogate pair, which UTF-8 cannot hold: QT002.
        """
        [raw] = list(_yaml.read_json('{"title": "\\ud800"}', "t.json"))

        assert ["QT002"] == [p.code for p in raw.problems]


class TestEncodingPlaces:
    def test_the_column_of_a_bad_byte_counts_characters(self, pure):
        """
        After Vietnamese text, the column is in characters, as for every other problem.
        """
        data = "a: Quận Hoàn Kiếm ".encode() + b"\xff\n"

        found = problems(data, pure=pure)

        assert ["t.yaml:1:19: error QT002: (root): the text is not valid UTF-8: byte 0xFF"] == found

    def test_a_file_and_bytes_give_the_same_place(self, tmp_path):
        """
        A bad byte after a byte order mark is reported alike from a file and from bytes.
        """
        data = b"\xef\xbb\xbfkind: Unit\xffCatalog\n"
        path = tmp_path / "t.yaml"
        path.write_bytes(data)

        with pytest.raises(quytac.LoadError) as from_file:
            quytac.load(path)
        with pytest.raises(quytac.LoadError) as from_bytes:
            quytac.loads(data, source=str(path))

        assert [p.render() for p in from_file.value.problems] == [
            p.render() for p in from_bytes.value.problems
        ]
        assert (1, 11) == (from_file.value.problems[0].line, from_file.value.problems[0].column)

    def test_utf16_files_are_refused(self, tmp_path):
        """
        UTF-8 only: a UTF-16 file says how to fix it, whether read as a file or as bytes.
        """
        data = HEAD.encode("utf-16")
        path = tmp_path / "t.yaml"
        path.write_bytes(data)

        with pytest.raises(quytac.LoadError) as from_file:
            quytac.load(path)
        with pytest.raises(quytac.LoadError) as from_bytes:
            quytac.loads(data)

        assert "the text is not valid UTF-8: UTF-16; save the file as UTF-8" == (
            from_file.value.problems[0].message
        )
        assert from_file.value.problems[0].message == from_bytes.value.problems[0].message

    def test_a_tab_that_does_not_indent_is_not_called_indentation(self):
        """
        The pure parser refuses a tab after a colon (libyaml accepts it); it is not QT011.
        """
        found = problems("a:\tb\n", pure=True)

        assert 1 == len(found)
        assert " error QT001: " in found[0]
