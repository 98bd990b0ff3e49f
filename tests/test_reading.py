"""
The strict reader: every reading rule of DESIGN.md §2, with the C parser and the pure one.
"""

import tracemalloc
import unicodedata

import attrs
import pytest

import quytac
from quytac import _documents, _sources, _yaml

HEAD = "kind: UnitCatalog\nschema: quytac/v1\nid: hanoi\ntitle: Hà Nội\n"

#: What an unknown key of a unit catalog's envelope adds: the keys allowed there.
ALLOWED = " (allowed here: kind, schema, id, title, version, valid_from, …)"
ALLOWED_VI = " (các khóa dùng được ở đây: kind, schema, id, title, version, valid_from, …)"


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
    The problems the reader itself finds in a text or in bytes (before any typing).
    """
    return [
        p.render()
        for raw in _yaml.read_yaml(_sources.in_memory(text), "t.yaml", pure=pure)
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

        found = reading(data, pure=pure)

        assert [
            "t.yaml:2:4: error QT002: (root): the text is not valid UTF-8: byte 0xFF;"
            " save the file as UTF-8"
        ] == found

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
        found = reading("a: b\u0000c\n", pure=pure)

        assert [
            "t.yaml:1:5: error QT017: (root): the character U+0000 (NUL, a control character)"
            " is not allowed in a text; delete it"
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

        assert [
            "t.yaml:5:8: error QT028: (root): the '[' opened on line 5 is not closed here: close"
            " it with ']', and put a text that holds ':', ',' or brackets in double quotes"
        ] == found

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
        NaN and Infinity are not JSON numbers: a problem at the value.
        """
        [raw] = list(_yaml.read_json('{"a": NaN}', "t.json"))

        assert ["t.json:1:7: error QT013: a: invalid JSON: NaN is not a number JSON allows"] == [
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
        JSON can escape a half of a surrogate pair, which is not a character: QT017, at the
        value.
        """
        [raw] = list(_yaml.read_json('{"title": "\\ud800"}', "t.json"))

        assert [
            "t.json:1:11: error QT017: title: the character U+D800 (half of a surrogate pair)"
            " is not allowed in a text; delete it"
        ] == [p.render() for p in raw.problems]


class TestEncodingPlaces:
    def test_the_column_of_a_bad_byte_counts_characters(self, pure):
        """
        After Vietnamese text, the column is in characters, as for every other problem.
        """
        data = "a: Quận Hoàn Kiếm ".encode() + b"\xff\n"

        found = reading(data, pure=pure)

        assert [
            "t.yaml:1:19: error QT002: (root): the text is not valid UTF-8: byte 0xFF;"
            " save the file as UTF-8"
        ] == found

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
        assert [
            "t.yaml:1:1: error QT103: schema: missing required key",
            "t.yaml:1:7: error QT101: kind: unknown kind 'Unit\ufffdCatalog'; did you mean"
            " 'UnitCatalog'? (expected one of:"
            " Checklist, ConductCode, InspectionPlan, InspectionRecord, Report, ReportOutline,"
            " UnitCatalog)",
            "t.yaml:1:11: error QT002: (root): the text is not valid UTF-8: byte 0xFF;"
            " save the file as UTF-8",
        ] == [p.render().replace(str(path), "t.yaml") for p in from_file.value.problems]

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

        assert (
            "the text is not valid UTF-8: the file is UTF-16 (little-endian): save it as UTF-8"
        ) == from_file.value.problems[0].message
        assert from_file.value.problems[0].message == from_bytes.value.problems[0].message

    def test_a_tab_that_does_not_indent_is_not_called_indentation(self):
        """
        The pure parser refuses a tab after a colon (libyaml accepts it); it is not QT011.
        """
        found = problems("a:\tb\n", pure=True)

        assert [
            "t.yaml:1:3: error QT034: (root): a tab cannot stand here: write a space instead"
        ] == found


def rendered(data, *, pure=False, lang="en", source="t.yaml"):
    """
    Every problem of a text or bytes as quytac.loads_all reports them (whole lines).
    """
    loaded = list(_documents.text_source(data, source, pure=pure))
    found = [p for item in loaded for p in item.problems]
    return [p.render(lang) for p in sorted(found, key=lambda p: (p.line or 0, p.column or 0))]


TONES = "\u0300\u0301\u0303\u0309\u0323"


def windows_1258(text):
    """
    Text as Windows-1258 writes it: letters with their vowel marks, tone marks combining.
    """
    out = []
    for character in unicodedata.normalize("NFC", text):
        decomposed = unicodedata.normalize("NFD", character)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONES))
        out.append(base + "".join(c for c in decomposed if c in TONES))
    return "".join(out).encode("cp1258")


class TestEveryProblemKeepsItsPlace:
    def test_a_bad_byte_leaves_the_other_problems_of_its_document_located(self, pure):
        """
        One byte that is not UTF-8 is one problem at its place: the duplicate key before it
        still names its first line, the unknown key after it is still found.
        """
        data = (HEAD + "id: again\n").encode() + b"note: \xff\n" + b"bogus: 1\n"

        assert [
            "t.yaml:5:1: error QT003: id: duplicate key 'id' (first on line 3)",
            "t.yaml:6:1: error QT104: note: unknown key" + ALLOWED,
            "t.yaml:6:7: error QT002: (root): the text is not valid UTF-8: byte 0xFF;"
            " save the file as UTF-8",
            "t.yaml:7:1: error QT104: bogus: unknown key" + ALLOWED,
        ] == rendered(data, pure=pure)

    def test_a_bad_byte_in_a_later_document_leaves_the_earlier_ones_located(self, tmp_path):
        """
        The documents before the bad byte are read and placed as if it were not there, from a
        file as from bytes.
        """
        data = (HEAD + "id: again\n---\n" + HEAD).encode() + b"note: \xc3\n"
        path = tmp_path / "t.yaml"
        path.write_bytes(data)

        with pytest.raises(quytac.LoadError) as info:
            quytac.load_all(path)

        assert [
            "t.yaml:5:1: error QT003: id: duplicate key 'id' (first on line 3)",
            "t.yaml:11:1: error QT104: note: unknown key" + ALLOWED,
            "t.yaml:11:7: error QT002: (root): the text is not valid UTF-8: byte 0xC3;"
            " save the file as UTF-8",
        ] == [p.render().replace(str(path), "t.yaml") for p in info.value.problems]

    def test_only_the_documents_with_a_flaw_fail(self):
        """
        Each document of a stream is judged on its own text: a control character in the
        second leaves the first and the third loadable.
        """
        texts = [HEAD.replace("hanoi", name) for name in ("a", "b", "c")]
        texts[1] = texts[1].replace("Hà Nội", "Hà\x07Nội")
        loaded = list(_documents.text_source("---\n".join(texts), "t.yaml"))

        assert [
            ("a", []),
            (
                None,
                [
                    "t.yaml:9:10: error QT017: (root): the character U+0007 (BEL, a control"
                    " character) is not allowed in a text; delete it"
                ],
            ),
            ("c", []),
        ] == [
            (item.document.id if item.document else None, [p.render() for p in item.problems])
            for item in loaded
        ]

    def test_a_control_character_after_vietnamese_text_counts_characters(self, pure):
        """
        The column of a raw control character is in characters (libyaml gave a byte offset).
        """
        assert [
            "t.yaml:4:21: error QT017: (root): the character U+001B (ESC, a control character)"
            " is not allowed in a text; delete it"
        ] == rendered(HEAD.replace("Hà Nội", "Hà Nội Hà Nội\x1b"), pure=pure)

    @pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
    def test_lines_are_counted_as_yaml_counts_them(self, newline):
        """
        Windows' CRLF is one line break, also when a chunk of the reading ends between its two
        characters; an old Mac's CR alone is one too.
        """
        comments = "".join(f"# dòng {i}{newline}" for i in range(20_000))
        data = (HEAD.replace("\n", newline) + comments).encode() + b"note: \xff" + b"\n"

        assert [
            "t.yaml:20005:7: error QT002: (root): the text is not valid UTF-8: byte 0xFF;"
            " save the file as UTF-8",
            "t.yaml:20005:1: error QT104: note: unknown key" + ALLOWED,
        ] == sorted(rendered(data), reverse=True)

    def test_a_crlf_cut_between_two_reads_is_one_break(self):
        """
        The reader counts lines piece by piece: a CRLF whose CR ends one read and whose LF
        starts the next is one break.
        """
        reader = _sources.Text(_sources.in_memory(b"ab\r\ncd\r\ne\xff")).reader()
        while reader.read(3):  # "ab\r\n" (4 bytes first, for the encoding), "cd\r", "\ne…"
            pass

        assert (3, 2, 0xFF) == attrs.astuple(reader.flaw_before(99))[1:4]

    def test_a_flaw_after_the_last_document_is_reported(self, pure):
        """
        A bad byte in a closing comment is still a problem of the file, at its place.
        """
        data = HEAD.encode() + b"# ghi ch\xfa\n"

        assert [
            "t.yaml:5:9: error QT002: (root): the text is not valid UTF-8: byte 0xFA;"
            " save the file as UTF-8"
        ] == rendered(data, pure=pure)

    def test_a_byte_order_mark_and_a_comment_keep_the_lines(self, pure, tmp_path):
        """
        After a byte order mark and a comment, problems are on their own lines, not one below.
        """
        data = ("\ufeff# Danh mục đơn vị\n" + HEAD + "bogus: 1\n").encode()
        path = tmp_path / "t.yaml"
        path.write_bytes(data)

        with pytest.raises(quytac.LoadError) as info:
            quytac.load(path)

        assert ["t.yaml:6:1: error QT104: bogus: unknown key" + ALLOWED] == rendered(
            data, pure=pure
        )
        assert [(6, 1)] == [(p.line, p.column) for p in info.value.problems]

    @pytest.mark.parametrize(
        ("encoding", "shown"),
        [
            ("utf-16-le", "UTF-16 (little-endian"),
            ("utf-16-be", "UTF-16 (big-endian"),
            ("utf-32-le", "UTF-32 (little-endian"),
            ("utf-32-be", "UTF-32 (big-endian"),
        ],
    )
    def test_utf16_and_utf32_without_a_byte_order_mark_are_named(self, encoding, shown):
        """
        ASCII in UTF-16 or UTF-32 has NULs in a pattern: named as what it looks like, at 1:1,
        not as a U+0000 with no line.
        """
        assert [
            f"t.yaml:1:1: error QT002: (root): the text is not valid UTF-8: the file looks like"
            f" {shown}, without a byte order mark): save it as UTF-8"
        ] == rendered(HEAD.encode(encoding))

    def test_nan_and_infinity_are_placed(self):
        """
        Each constant JSON does not allow is a problem at its value, in any document.
        """
        text = '{\n  "a": [1, Infinity],\n  "b": {"c": -Infinity}, "d": NaN\n}\n'

        [raw] = list(_yaml.read_json(text, "t.json"))

        assert [
            "t.json:2:12: error QT013: a[1]: invalid JSON: Infinity is not a number JSON allows",
            "t.json:3:14: error QT013: b.c: invalid JSON: -Infinity is not a number JSON allows",
            "t.json:3:31: error QT013: d: invalid JSON: NaN is not a number JSON allows",
        ] == [p.render() for p in raw.problems]

    def test_json_problems_are_placed_after_escaped_emoji(self):
        """
        JSON writes a character beyond U+FFFF as two escapes, which libyaml refuses: problems
        after one are placed all the same.
        """
        text = '{"title": "\\ud83d\\ude00",\n "a": 1,\n "a": NaN}'

        [raw] = list(_yaml.read_json(text, "t.json"))

        assert "\U0001f600" == raw.data["title"]
        assert [
            "t.json:3:2: error QT003: a: duplicate key 'a' (first on line 2)",
            "t.json:3:7: error QT013: a: invalid JSON: NaN is not a number JSON allows",
        ] == [p.render() for p in raw.problems]

    def test_json_keys_equal_after_nfc_are_a_duplicate(self):
        """
        "tên" typed precomposed and decomposed is one key in JSON as in YAML.
        """
        text = '{"t\\u00ean": 1,\n "te\\u0302n": 2}'

        [raw] = list(_yaml.read_json(text, "t.json"))

        assert {"tên": "2"} == raw.data
        assert ["t.json:2:2: error QT003: [\"tên\"]: duplicate key 'tên' (first on line 1)"] == [
            p.render() for p in raw.problems
        ]


class TestEncodingsNamed:
    def test_windows_1258_is_named_with_the_fix(self, tmp_path):
        """
        Bytes that read as Vietnamese in Windows-1258 are said to look like it, in both
        languages, with the fix; the rest of the file is still checked.
        """
        path = tmp_path / "t.yaml"
        path.write_bytes(windows_1258(HEAD.replace("Hà Nội", "Thành phố Hà Nội") + "bogus: 1\n"))

        with pytest.raises(quytac.LoadError) as info:
            quytac.load(path)

        assert [
            "t.yaml:4:11: lỗi QT002: (cả tài liệu): văn bản không phải UTF-8 hợp lệ: byte 0xCC; tệp có"
            " vẻ dùng bảng mã Windows-1258: hãy lưu lại dưới dạng UTF-8",
            "t.yaml:5:1: lỗi QT104: bogus: khóa không hợp lệ" + ALLOWED_VI,
        ] == [p.render("vi").replace(str(path), "t.yaml") for p in info.value.problems]
        assert (
            "the text is not valid UTF-8: byte 0xCC; the file looks like Windows-1258:"
            " save it as UTF-8"
        ) == info.value.problems[0].message

    def test_western_text_is_not_called_windows_1258(self):
        """
        The guess is honest: "café" in Windows-1252 has no letter only Vietnamese has.
        """
        assert [
            "t.yaml:4:10: error QT002: (root): the text is not valid UTF-8: byte 0xE1;"
            " save the file as UTF-8"
        ] == rendered(HEAD.replace("Hà Nội", "Quán café").encode("cp1252"))

    def test_utf16_is_named_in_vietnamese(self):
        """
        A UTF-16 file (Notepad's "Unicode") is named, with the fix, in Vietnamese.
        """
        assert [
            "t.yaml:1:1: lỗi QT002: (cả tài liệu): văn bản không phải UTF-8 hợp lệ: tệp được lưu dưới"
            " dạng UTF-16 (little-endian): hãy lưu lại dưới dạng UTF-8"
        ] == rendered(HEAD.encode("utf-16"), lang="vi")


class TestEscapedControlCharacters:
    @pytest.mark.parametrize(
        ("value", "character"),
        [
            ('"\\e]0;Hà Nội\\a"', "U+001B (ESC, a control character)"),
            ('"x\\e]52;c;Y3VybA==\\a"', "U+001B (ESC, a control character)"),
            ('"a\\0b"', "U+0000 (NUL, a control character)"),
            ('"\\x9b31m"', "U+009B (CSI, a control character)"),
            ('"\\u007f"', "U+007F (DEL, a control character)"),
            ('"\\uffff"', "U+FFFF (a noncharacter)"),
        ],
    )
    def test_an_escape_of_a_control_character_is_refused(self, pure, value, character):
        """
        QT017 holds for control characters written as escapes in double quotes, at the value.
        """
        assert [
            f"t.yaml:4:8: error QT017: title: the character {character} is not allowed in a"
            " text; delete it"
        ] == rendered(HEAD.replace("Hà Nội", value), pure=pure)

    def test_tab_and_newline_escapes_are_text(self, pure):
        """
        Tabs and line breaks are text: their escapes stay allowed.
        """
        assert "a\tb\nc\r" == load(HEAD.replace("Hà Nội", '"a\\tb\\nc\\r"'), pure=pure).title.vi

    def test_a_json_escape_of_a_control_character_is_refused(self):
        """
        JSON's \\u001b and \\b are control characters too: QT017 at the value or the key.
        """
        text = '{"kind": "UnitCatalog", "schema": "quytac/v1", "id": "hanoi",\n "title": "\\u001b]0;x\\u0007", "k\\b": 1}'

        assert [
            "t.json:2:11: error QT017: title: the character U+001B (ESC, a control character)"
            " is not allowed in a text; delete it",
            't.json:2:31: error QT017: ["k\\b"]: the character U+0008 (BS, a control'
            " character) is not allowed in a text; delete it",
        ] == rendered(text, source="t.json")

    def test_keys_that_differ_by_nul_escapes_are_refused_not_merged(self, pure):
        """
        "x\\0" and "x\\0\\0" are not two spellings of one key: each is refused (QT017), and
        neither is reported as a duplicate.
        """
        text = HEAD + 'units:\n  - {code: "01", name: A, kind: quan, "x\\0": 1, "x\\0\\0": 2}\n'

        assert [
            't.yaml:6:39: error QT017: units[0]["x\\u0000"]: the character U+0000 (NUL, a control'
            " character) is not allowed in a text; delete it",
            't.yaml:6:49: error QT017: units[0]["x\\u0000\\u0000"]: the character U+0000 (NUL,'
            " a control character) is not allowed in a text; delete it",
        ] == rendered(text, pure=pure)


class TestCoreTagsFitTheirValues:
    @pytest.mark.parametrize(
        ("tagged", "got"),
        [
            ('!!int "Hà Nội"', "'Hà Nội'"),
            ("!!int 2.5", "'2.5'"),
            ("!!float abc", "'abc'"),
            ("!!float 1,5", "'1,5'"),
        ],
    )
    def test_a_number_tag_on_a_value_that_is_not_one_is_refused(self, pure, tagged, got):
        """
        !!int and !!float fit only YAML 1.2's integers and floats: QT015, as documented.
        """
        tag = tagged.split()[0]

        assert [
            f"t.yaml:5:10: error QT015: version: the value {got} does not fit the tag {tag}"
        ] == rendered(HEAD + f"version: {tagged}\n", pure=pure)

    @pytest.mark.parametrize("tagged", ["!!int 7", "!!int +7", "!!float 7", "!!float 2.50e1"])
    def test_a_number_tag_on_a_number_keeps_its_text(self, pure, tagged):
        """
        A tag that fits changes nothing: the number stays its text.
        """
        assert {"a": tagged.split()[1]} == plain(f"a: {tagged}\n", pure=pure)
