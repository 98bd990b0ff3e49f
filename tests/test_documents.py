"""
load, loads, load_all, iter_load and dumps: the document API.
"""

import pytest

import quytac
from quytac import Text, Unit, UnitCatalog

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
            " ConductCode, UnitCatalog)"
        ) == str(info.value)

    def test_messages_in_vietnamese(self):
        """
        Every problem carries its Vietnamese message too.
        """
        with pytest.raises(quytac.LoadError) as info:
            quytac.loads(catalog_text() + "colour: red\n", source="x.yaml")

        assert "x.yaml:5:1: error QT104: colour: khóa không hợp lệ" == info.value.render("vi")

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
            "- code: 001\n"
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
