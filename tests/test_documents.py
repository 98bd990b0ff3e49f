"""
load, loads, load_all, iter_load and dumps: the document API.
"""

import datetime as dt

import pytest
import yaml

import quytac
from quytac import Text, Unit, UnitCatalog, _yaml

ONE = "kind: UnitCatalog\nschema: quytac/v1\nid: {id}\ntitle: {title}\n"


def catalog_text(id_="hanoi", title="Hà Nội"):
    return ONE.format(id=id_, title=title)


class TestLoads:
    def test_loads_gives_the_typed_document(self):
        """
        A UnitCatalog document becomes a UnitCatalog.
        """
        catalog = quytac.loads(catalog_text())

        assert UnitCatalog(id="hanoi", title=Text(vi="Hà Nội")) == catalog

    def test_loads_wants_exactly_one_document(self):
        """
        Two documents where one is expected is a problem that names load_all.
        """
        text = catalog_text("a") + "---\n" + catalog_text("b")

        with pytest.raises(quytac.LoadError) as info:
            quytac.loads(text, source="two.yaml")

        assert [
            "two.yaml: error QT012: (root): expected one document, found 2; load them with load_all"
        ] == [p.render() for p in info.value.problems]

    def test_loads_all_reads_every_document(self):
        """
        A multi-document text gives every document in order.
        """
        text = catalog_text("a") + "---\n" + catalog_text("b")

        assert ["a", "b"] == [doc.id for doc in quytac.loads_all(text)]

    def test_problems_of_every_document_are_reported_together(self):
        """
        load_all reports the problems of all documents, not only the first bad one.
        """
        text = catalog_text("A") + "---\n" + catalog_text("b") + "version: 0\n"

        with pytest.raises(quytac.LoadError) as info:
            quytac.loads_all(text, source="m.yaml")

        assert [
            "m.yaml:3:5: error QT106: id: must be lower-case letters, digits, '.', '_' or '-'"
            " and start with a letter or digit, got 'A'",
            "m.yaml:10:10: error QT106: version: must be at least 1, got 0",
        ] == [p.render() for p in info.value.problems]

    def test_the_error_message_lists_every_problem(self):
        """
        str(LoadError) is a heading and one problem a line.
        """
        with pytest.raises(quytac.LoadError) as info:
            quytac.loads("kind: Nope\n", source="x.yaml")

        assert (
            "x.yaml: 2 problems\n"
            "  x.yaml:1:1: error QT103: schema: missing required key\n"
            "  x.yaml:1:7: error QT101: kind: unknown kind 'Nope' (expected one of:"
            " Checklist, ConductCode, InspectionPlan, InspectionRecord, Report, ReportOutline,"
            " UnitCatalog)"
        ) == str(info.value)

    def test_messages_in_vietnamese(self):
        """
        Every problem carries its Vietnamese message too.
        """
        with pytest.raises(quytac.LoadError) as info:
            quytac.loads(catalog_text() + "colour: red\n", source="x.yaml")

        assert (
            "x.yaml:5:1: error QT104: colour: khóa không hợp lệ (các khóa dùng được ở đây: kind,"
            " schema, id, title, version, valid_from, …)"
        ) == info.value.render("vi")

    def test_a_load_error_is_a_value_error_and_a_quytac_error(self):
        """
        Callers can catch LoadError as QuytacError or ValueError.
        """
        with pytest.raises(quytac.QuytacError):
            quytac.loads("")
        with pytest.raises(ValueError):
            quytac.loads("")


class TestFiles:
    def test_load_reads_a_file(self, tmp_path):
        """
        load() reads a YAML file; problems name the file.
        """
        path = tmp_path / "units.yaml"
        path.write_text(catalog_text(), encoding="utf-8")

        assert "hanoi" == quytac.load(path).id

    def test_a_missing_file_is_a_problem(self, tmp_path):
        """
        A file that cannot be read is a LoadError, not an OSError.
        """
        path = tmp_path / "nope.yaml"

        with pytest.raises(quytac.LoadError) as info:
            quytac.load(path)

        assert [f"{path}: error QT014: (root): cannot read: No such file or directory"] == [
            p.render() for p in info.value.problems
        ]

    def test_json_files(self, tmp_path):
        """
        A .json file is read as JSON.
        """
        path = tmp_path / "units.json"
        path.write_text(
            '{"kind": "UnitCatalog", "schema": "quytac/v1", "id": "hanoi", "title": "Hà Nội"}',
            encoding="utf-8",
        )

        assert quytac.loads(catalog_text()) == quytac.load(path)

    def test_iter_load_streams_documents(self, tmp_path):
        """
        iter_load yields documents one at a time and stops at the first bad one.
        """
        path = tmp_path / "many.yaml"
        texts = [catalog_text(f"u{i}") for i in range(3)] + ["kind: UnitCatalog\n"]
        path.write_text("---\n".join(texts), encoding="utf-8")
        seen = []

        with pytest.raises(quytac.LoadError):
            seen.extend(doc.id for doc in quytac.iter_load(path))

        assert ["u0", "u1", "u2"] == seen


class TestDumps:
    def test_dumps_writes_yaml_that_loads_back_equal(self):
        """
        A document with every kind of value survives the round trip.
        """
        catalog = quytac.loads(
            catalog_text(title="{vi: Hà Nội, en: Hanoi}") + "version: 3\nvalid_from: 2020-01-01\n"
            "units:\n"
            "  - {code: '001', name: 'true', kind: quan, verified: false}\n"
            "  - {code: '1:30', name: 'null', kind: 'yes', parent: '001'}\n"
        )

        assert catalog == quytac.loads(quytac.dumps(catalog))

    def test_dumps_writes_the_envelope_first_and_leaves_defaults_out(self):
        """
        The written YAML reads like a person wrote it.
        """
        catalog = UnitCatalog(
            id="hanoi",
            title=Text(vi="Hà Nội"),
            units=(Unit(code="001", name=Text(vi="Ba Đình"), kind="quan"),),
        )

        assert (
            "kind: UnitCatalog\n"
            "schema: quytac/v1\n"
            "id: hanoi\n"
            "title: Hà Nội\n"
            "units:\n"
            "- code: '001'\n"
            "  name: Ba Đình\n"
            "  kind: quan\n"
        ) == quytac.dumps(catalog)

    def test_dumps_all_writes_a_stream(self):
        """
        Several documents are separated by ---.
        """
        docs = quytac.loads_all(catalog_text("a") + "---\n" + catalog_text("b"))

        assert docs == quytac.loads_all(quytac.dumps_all(docs))


class TestModelValidators:
    def test_constructing_an_invalid_object_in_python_raises_invalid_value(self):
        """
        The model checks its own fields when built in Python, in YAML words.
        """
        with pytest.raises(quytac.InvalidValue) as info:
            UnitCatalog(id="Hà Nội", title=Text(vi="x"))

        assert "id" == info.value.key
        assert info.value.message.startswith("must be lower-case letters")


class TestWritingForEveryReader:
    def test_strings_other_readers_would_type_are_quoted(self):
        """
        "001", "yes", "1:30", "0123", dates and decimals as text are quoted, so YAML 1.1 and 1.2
        readers (PyYAML, editors) read them as text too.
        """
        catalog = UnitCatalog(
            id="x",
            title=Text(vi="t"),
            units=(
                Unit(code="001", name=Text(vi="yes"), kind="on", parent="1:30", place_type="0123"),
                Unit(code="2020-01-01", name=Text(vi="1.10"), kind="0o17"),
            ),
        )

        text = quytac.dumps(catalog)

        assert [
            {"code": "001", "name": "yes", "kind": "on", "parent": "1:30", "place_type": "0123"},
            {"code": "2020-01-01", "name": "1.10", "kind": "0o17"},
        ] == yaml.safe_load(text)["units"]
        assert catalog == quytac.loads(text)

    def test_numbers_and_dates_are_written_plain(self):
        """
        Whole numbers, decimals and dates of the model are written as themselves.
        """
        catalog = quytac.loads(catalog_text() + "version: 3\nvalid_from: 2020-01-01\n")

        assert "version: 3\nvalid_from: 2020-01-01\n" in quytac.dumps(catalog)

    def test_one_value_in_two_places_is_written_twice(self):
        """
        No anchors and aliases in what quytac writes (it refuses them when reading).
        """
        day = dt.date(2024, 12, 31)
        catalog = UnitCatalog(
            id="x",
            title=Text(vi="t"),
            units=(
                Unit(code="1", name=Text(vi="a"), kind="k", valid_to=day),
                Unit(code="2", name=Text(vi="b"), kind="k", valid_to=day),
            ),
        )

        text = quytac.dumps(catalog)

        assert "&" not in text
        assert catalog == quytac.loads(text)


class TestWrongArguments:
    @pytest.mark.parametrize("value", [None, 12, ["kind: x"]])
    def test_loads_wants_text_or_bytes(self, value):
        """
        A value that is not text is a TypeError that says so.
        """
        with pytest.raises(TypeError, match="expected str or bytes, got "):
            quytac.loads(value)

    def test_loads_takes_a_bytearray(self):
        """
        bytearray and memoryview are bytes too.
        """
        assert "hanoi" == quytac.loads(bytearray(catalog_text().encode())).id

    @pytest.mark.parametrize("value", [None, Unit(code="1", name=Text(vi="n"), kind="quan")])
    def test_dumps_wants_a_document(self, value):
        """
        Only documents are written; a unit on its own is not a document.
        """
        with pytest.raises((TypeError, AttributeError)):
            quytac.dumps(value)


class TestEffort:
    def test_problems_in_many_documents_are_located_by_reading_each_document_again_once(
        self, monkeypatch
    ):
        """
        Locating problems re-reads only the documents that have them, not the file up to them:
        the work stays linear in the size of the file.
        """
        parsed = []
        original = _yaml._parser

        def counting(stream, *, pure):
            parsed.append(len(stream) if isinstance(stream, str) else 0)
            return original(stream, pure=pure)

        monkeypatch.setattr(_yaml, "_parser", counting)
        text = "---\n".join(catalog_text(f"u{i}") + "version: two\n" for i in range(50))

        with pytest.raises(quytac.LoadError) as info:
            quytac.loads_all(text)

        assert 50 == len(info.value.problems)
        assert sum(parsed) <= 2 * len(text)
