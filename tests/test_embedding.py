"""
The embedding API: documents from and to plain Python data (structure, unstructure), and JSON
out of dumps.
"""

import datetime as dt
import json
from decimal import Decimal

import attrs
import pytest

import quytac

RECORD = {
    "kind": "InspectionRecord",
    "schema": "quytac/v1",
    "id": "ktr-1",
    "plan": "ke-hoach",
    "unit": "01",
    "inspected_on": "2023-10-11",
}


def _problems(error: quytac.LoadError) -> list[tuple[str, tuple[str | int, ...], str]]:
    return [(p.code, p.path, p.message) for p in error.problems]


@pytest.fixture(scope="module")
def documents():
    return quytac.example_workspace().documents


class TestStructure:
    def test_every_example_document_comes_back_from_its_json(self, documents):
        """
        structure(json.loads(dumps(x, format="json"))) == x for every document of the example.
        """
        for document in documents:
            data = json.loads(quytac.dumps(document, format="json"))

            assert quytac.structure(data) == document

    def test_the_kind_may_be_given_instead_of_kind_and_schema_keys(self):
        """
        Without kind: and schema: in the data, the kind argument says what it is: a class or
        its name.
        """
        body = {key: value for key, value in RECORD.items() if key not in ("kind", "schema")}

        by_class = quytac.structure(body, quytac.InspectionRecord)
        by_name = quytac.structure(body, "InspectionRecord")

        assert by_class == by_name == quytac.structure(RECORD)
        assert by_class.inspected_on == dt.date(2023, 10, 11)

    def test_a_kind_that_agrees_with_the_data_is_fine(self):
        assert quytac.structure(RECORD, quytac.InspectionRecord) == quytac.structure(RECORD)

    def test_a_kind_that_disagrees_with_the_data_is_a_problem(self):
        with pytest.raises(quytac.LoadError) as raised:
            quytac.structure(RECORD, quytac.Checklist, source="body")

        assert str(raised.value) == (
            "body: 1 problem\n"
            "  body: error QT105: kind: expected 'Checklist' (the kind asked for),"
            " got 'InspectionRecord'"
        )

    @pytest.mark.parametrize("kind", ["Record", 5, quytac.Score, None.__class__])
    def test_a_kind_that_is_no_document_kind_is_a_type_error(self, kind):
        with pytest.raises(TypeError) as raised:
            quytac.structure(RECORD, kind)

        assert str(raised.value) == (
            "quytac.structure: kind must be a document class or its name (UnitCatalog,"
            " ConductCode, Checklist, ReportOutline, InspectionPlan, Report, InspectionRecord),"
            f" got {kind!r}"
        )

    @pytest.mark.parametrize(
        "text",
        [
            pytest.param(
                '{"kind": "InspectionRecord", "schema": "quytac/v1", "id": "r", "plan": "p",'
                ' "unit": 5, "inspected_on": "2023-13-01", "tittle": 1}',
                id="record",
            ),
            pytest.param('{"kind": "Checklist", "schema": "quytac/v2"}', id="envelope"),
            pytest.param('{"kind": "Checklst", "schema": "quytac/v1"}', id="kind"),
            pytest.param('"text"', id="text"),
            pytest.param(
                '{"kind": "UnitCatalog", "schema": "quytac/v1", "id": "u", "title": "T",'
                ' "units": [{"code": "01", "name": "\\u0000x", "kind": "tinh", "level": 1.5},'
                ' {"code": 1, "name": null, "kind": "tinh", "valid_from": 2023}]}',
                id="units",
            ),
            pytest.param(
                '{"kind": "Checklist", "schema": "quytac/v1", "id": "c", "title": "T",'
                ' "valid_from": "2023-01-01", "codes": ["q"], "sections": [{"id": "I",'
                ' "title": "S", "items": [{"id": "I.1", "text": "t", "points": 2.5,'
                ' "answer": {"count": {"full_at": 5.0}}}]}]}',
                id="checklist",
            ),
        ],
    )
    def test_the_problems_are_those_of_loads(self, text):
        """
        structure(json.loads(text)) has the problems loads(text) has: same codes, same paths,
        same messages (but no lines and columns).
        """
        with pytest.raises(quytac.LoadError) as loaded:
            quytac.loads(text)
        with pytest.raises(quytac.LoadError) as structured:
            quytac.structure(json.loads(text))

        assert sorted(_problems(structured.value)) == sorted(_problems(loaded.value))
        assert {(p.source, p.line, p.column) for p in structured.value.problems} == {
            ("<data>", None, None)
        }

    def test_a_list_is_not_a_document(self):
        """
        structure reads one document: a list of them is loads_all's (or one structure each).
        """
        with pytest.raises(quytac.LoadError) as raised:
            quytac.structure([RECORD])

        assert str(raised.value) == (
            "<data>: 1 problem\n"
            "  <data>: error QT009: (root): a document must be a mapping (kind, schema, id,"
            " ...), got a list"
        )

    def test_the_whole_message_of_a_bad_record(self):
        data = {**RECORD, "unit": 5, "inspected_on": "2023-13-01", "tittle": "x"}

        with pytest.raises(quytac.LoadError) as raised:
            quytac.structure(data, source="POST /records")

        assert str(raised.value) == (
            "POST /records: 2 problems\n"
            "  POST /records: error QT104: tittle: unknown key; did you mean 'title'? (allowed"
            " here: title, outline, unit, illustrative, figures, id, …)\n"
            "  POST /records: error QT107: inspected_on: expected a date YYYY-MM-DD, got"
            " '2023-13-01'"
        )

    @pytest.mark.parametrize(
        ("value", "got"),
        [
            ({"a"}, "a Python set"),
            (b"01", "a Python bytes"),
            (object(), "a Python object"),
            (dt.datetime(2023, 1, 1, 12, 0, tzinfo=dt.UTC), "a Python datetime"),
            (frozenset(), "a Python frozenset"),
        ],
    )
    def test_data_that_is_not_plain_is_a_problem(self, value, got):
        with pytest.raises(quytac.LoadError) as raised:
            quytac.structure({**RECORD, "unit": value})

        assert str(raised.value) == (
            "<data>: 1 problem\n"
            "  <data>: error QT105: unit: expected plain data (text, a number, true/false, null,"
            f" a list or a mapping), got {got}"
        )

    def test_a_key_that_is_not_text_is_a_problem(self):
        with pytest.raises(quytac.LoadError) as raised:
            quytac.structure({**RECORD, "figures": {(1, 2): "x", None: "y"}})

        assert str(raised.value) == (
            "<data>: 2 problems\n"
            "  <data>: error QT010: figures: a key must be text, got tuple\n"
            "  <data>: error QT010: figures: a key must be text, got null"
        )

    def test_a_whole_number_key_is_its_text(self):
        """
        As in JSON and YAML: {7: ...} is {"7": ...}.
        """
        record = quytac.structure({**RECORD, "figures": {7: "y"}})

        assert list(record.figures) == ["7"]

    def test_data_that_nests_itself_is_a_problem(self):
        nested: list[object] = []
        nested.append(nested)

        with pytest.raises(quytac.LoadError) as raised:
            quytac.structure({**RECORD, "unit": nested})

        assert str(raised.value) == (
            "<data>: 1 problem\n"
            "  <data>: error QT006: unit[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]"
            "[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]"
            "[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]: nested deeper than 64"
            " levels; the rest of the file is not read"
        )

    def test_python_values_are_read_as_their_text(self):
        """
        Decimal, date, tuples and ints in the data are what the same text would load as.
        """
        data = {
            **RECORD,
            "inspected_on": dt.date(2023, 10, 11),
            "figures": {"a": 12000, "b": Decimal("2.5"), "c": dt.date(2023, 1, 2), "d": True},
            "findings": {"strengths": ("x", "y")},
        }
        text = (
            '{"kind": "InspectionRecord", "schema": "quytac/v1", "id": "ktr-1", "plan":'
            ' "ke-hoach", "unit": "01", "inspected_on": "2023-10-11", "figures": {"a": 12000,'
            ' "b": 2.5, "c": "2023-01-02", "d": true}, "findings": {"strengths": ["x", "y"]}}'
        )

        record = quytac.structure(data)

        assert record == quytac.loads(text)
        assert [f.value for f in record.figures.values()] == ["12000", "2.5", "2023-01-02", True]


class TestFloats:
    """
    A float from json.loads is the number it prints as, when it has at most 15 significant
    digits; where the number must be whole, 5.0 is refused as the text 5.0 is.
    """

    def _checklist(self, answer):
        return {
            "kind": "Checklist",
            "schema": "quytac/v1",
            "id": "c",
            "title": "T",
            "valid_from": "2023-01-01",
            "codes": ["q"],
            "sections": [
                {"id": "I", "title": "S", "items": [{"id": "I.1", "text": "t", **answer}]}
            ],
        }

    def test_a_float_is_exactly_the_number_written(self):
        data = self._checklist({"points": 2.5, "answer": "yes_no"})

        checklist = quytac.structure(data)

        item = checklist.sections[0].items[0]
        assert item.points == Decimal("2.5")
        assert str(item.points) == "2.5"
        assert checklist == quytac.loads(json.dumps(data))

    def test_a_tenth_is_a_tenth(self):
        data = self._checklist({"points": 0.1, "answer": "yes_no"})

        assert quytac.structure(data).sections[0].items[0].points == Decimal("0.1")

    def test_a_float_of_more_than_15_digits_is_refused(self):
        data = self._checklist({"points": 0.1 + 0.2, "answer": "yes_no"})

        with pytest.raises(quytac.LoadError) as raised:
            quytac.structure(data)

        assert str(raised.value) == (
            "<data>: 1 problem\n"
            "  <data>: error QT105: sections[0].items[0].points: expected a number of at most"
            " 15 significant digits as a float (give a longer one as text or a Decimal), got"
            " 0.30000000000000004"
        )

    @pytest.mark.parametrize(
        ("value", "shown"),
        [(float("nan"), "nan"), (float("-inf"), "-inf"), (Decimal("NaN"), "NaN")],
    )
    def test_nan_and_infinity_are_refused(self, value, shown):
        data = self._checklist({"points": value, "answer": "yes_no"})

        with pytest.raises(quytac.LoadError) as raised:
            quytac.structure(data)

        assert str(raised.value) == (
            "<data>: 1 problem\n"
            "  <data>: error QT105: sections[0].items[0].points: expected a finite number,"
            f" got {shown}"
        )

    def test_five_point_zero_for_a_count_is_refused_as_loads_refuses_it(self):
        data = self._checklist({"points": 2, "answer": {"count": {"full_at": 5.0}}})

        with pytest.raises(quytac.LoadError) as structured:
            quytac.structure(data)
        with pytest.raises(quytac.LoadError) as loaded:
            quytac.loads(json.dumps(data))

        assert str(structured.value) == (
            "<data>: 1 problem\n"
            "  <data>: error QT105: sections[0].items[0].answer.count.full_at: expected a whole"
            " number, got '5.0'"
        )
        assert _problems(structured.value) == _problems(loaded.value)

    def test_an_integer_indicator_of_1200_point_0_is_an_issue_as_in_a_file(self):
        """
        A figure stays as written: 1200.0 loads as the text 1200.0, which an integer indicator
        then refuses in validation, as it does in a JSON file.
        """
        record = quytac.structure({**RECORD, "figures": {"so_quay": 1200.0}})

        assert record.figures["so_quay"].value == "1200.0"
        assert record == quytac.loads(json.dumps({**RECORD, "figures": {"so_quay": 1200.0}}))

    @pytest.mark.parametrize(("value", "issues"), [(17.0, 1), (17, 0), ("17", 0)])
    def test_validation_refuses_17_point_0_for_an_integer_indicator(self, documents, value, issues):
        """
        In the example, quay_tiep_nhan is an integer indicator: 17.0 is the issue QT322.
        """
        found = list(documents)
        index, record = next(
            (i, d)
            for i, d in enumerate(found)
            if isinstance(d, quytac.InspectionRecord) and d.figures
        )
        data = quytac.unstructure(record)
        data["figures"]["quay_tiep_nhan"]["value"] = value
        found[index] = quytac.structure(json.loads(json.dumps(data)))

        shown = [str(issue) for issue in quytac.Workspace.of(*found).validate()]

        assert (
            shown
            == [
                "<InspectionRecord ktr-2022-bac-tu-liem>: error QT322: figures.quay_tiep_nhan.value:"
                " expected a value of type integer, got '17.0'"
            ][:issues]
        )


class TestUnstructure:
    def test_plain_json_ready_data(self):
        record = quytac.structure(
            {**RECORD, "figures": {"a": {"value": 2.5, "note": "n"}}, "title": "Biên bản"}
        )

        assert quytac.unstructure(record) == {
            **RECORD,
            "title": "Biên bản",
            "figures": {"a": {"value": "2.5", "note": "n"}},
        }

    def test_exact_numbers_are_text_whole_numbers_ints_and_dates_iso(self, documents):
        checklist = next(d for d in documents if isinstance(d, quytac.Checklist))

        data = quytac.unstructure(checklist)

        assert data["valid_from"] == "2023-07-01"
        item = data["sections"][0]["items"][0]
        assert item["points"] == str(checklist.sections[0].items[0].points)
        assert isinstance(item["points"], str)
        assert json.loads(json.dumps(data)) == data

    def test_built_in_python(self):
        """
        A document built in Python with Decimal and date values round-trips.
        """
        catalog = quytac.UnitCatalog(
            id="dm",
            title=quytac.Text(vi="Danh mục"),
            units=(quytac.Unit(code="01", name=quytac.Text(vi="Hà Nội"), kind="thanh_pho_tw"),),
        )

        assert quytac.structure(quytac.unstructure(catalog)) == catalog
        assert quytac.loads(quytac.dumps(catalog, format="json")) == catalog

    @pytest.mark.parametrize(
        ("value", "name"), [(5, "int"), ({"kind": "Checklist"}, "dict"), (None, "NoneType")]
    )
    def test_something_that_is_not_a_document_is_a_type_error(self, value, name):
        with pytest.raises(TypeError) as raised:
            quytac.unstructure(value)

        assert str(raised.value) == (
            "quytac.unstructure: expected a document (UnitCatalog, ConductCode, Checklist,"
            f" ReportOutline, InspectionPlan, Report, InspectionRecord), got {name}"
        )


class TestDumps:
    def test_json_loads_back_equal(self, documents):
        for document in documents:
            assert quytac.loads(quytac.dumps(document, format="json")) == document

    def test_json_is_unstructure_indented(self, documents):
        record = next(d for d in documents if isinstance(d, quytac.InspectionRecord))

        text = quytac.dumps(record, format="json")

        assert text == json.dumps(quytac.unstructure(record), ensure_ascii=False, indent=2) + "\n"
        assert text.startswith('{\n  "kind": "InspectionRecord",\n  "schema": "quytac/v1",\n')

    def test_yaml_is_still_the_default(self, documents):
        assert quytac.dumps(documents[0]) == quytac.dumps(documents[0], format="yaml")
        assert quytac.dumps(documents[0]).startswith("kind: ")

    def test_a_score_is_a_type_error(self, documents):
        checklist = next(d for d in documents if isinstance(d, quytac.Checklist))
        found = quytac.score(checklist, {})

        with pytest.raises(TypeError) as raised:
            quytac.dumps(found, format="json")

        assert str(raised.value) == (
            "quytac.dumps: expected a document (UnitCatalog, ConductCode, Checklist,"
            " ReportOutline, InspectionPlan, Report, InspectionRecord), got Score"
        )

    @pytest.mark.parametrize("format_", ["yaml", "json"])
    def test_an_int_is_a_type_error(self, format_):
        with pytest.raises(TypeError) as raised:
            quytac.dumps(5, format=format_)

        assert str(raised.value) == (
            "quytac.dumps: expected a document (UnitCatalog, ConductCode, Checklist,"
            " ReportOutline, InspectionPlan, Report, InspectionRecord), got int"
        )

    def test_an_unknown_format_is_a_value_error(self, documents):
        with pytest.raises(
            ValueError,
            match=r"^quytac.dumps: format must be 'yaml' or 'json',"
            r" got 'xml'$",
        ):
            quytac.dumps(documents[0], format="xml")


CHECKLIST_JSON = (
    '{"kind": "Checklist", "schema": "quytac/v1", "id": "c", "title": "t",'
    ' "valid_from": "2023-02-30", "codes": [], "sections": []}'
)


class TestLoadsJson:
    """
    loads and loads_all read a JSON array of documents and JSON Lines held in memory; the
    first character that is not blank tells the format, or format= does.
    """

    def test_an_array_of_documents(self, documents):
        text = "[" + ",\n".join(quytac.dumps(d, format="json") for d in documents) + "]"

        assert quytac.loads_all(text) == documents
        assert quytac.loads_all(text.encode(), format="json") == documents

    def test_json_lines(self, documents):
        lines = [json.dumps(quytac.unstructure(d), ensure_ascii=False) for d in documents]
        text = "\n".join(lines) + "\n"

        assert quytac.loads_all(text) == documents
        assert quytac.loads_all(("\r\n\r\n".join(lines)).encode(), format="jsonl") == documents

    def test_one_document_of_an_array(self, documents):
        assert quytac.loads(f"  [{quytac.dumps(documents[0], format='json')}]") == documents[0]

    def test_an_empty_array_has_no_document(self):
        with pytest.raises(quytac.LoadError) as raised:
            quytac.loads_all("[]")

        assert str(raised.value) == (
            "<string>: 1 problem\n  <string>: error QT008: (root): there is no document here"
        )

    def test_problems_in_an_array_are_placed_in_the_text(self):
        text = (
            '[1, {"kind": "X", "schema": "quytac/v1"},\n'
            '  {"kind": "Checklist", "schema": "quytac/v1", "id": "c", "titel": "x"},\n'
            f"  {CHECKLIST_JSON}]"
        )

        with pytest.raises(quytac.LoadError) as raised:
            quytac.loads_all(text, source="a.json")

        assert str(raised.value) == (
            "a.json: 5 problems\n"
            "  a.json:1:2: error QT009: (root): a document must be a mapping (kind, schema, id,"
            " ...), got '1'\n"
            "  a.json:1:14: error QT101: kind: unknown kind 'X' (expected one of: Checklist,"
            " ConductCode, InspectionPlan, InspectionRecord, Report, ReportOutline, UnitCatalog)\n"
            "  a.json:2:3: error QT103: title: missing required key\n"
            "  a.json:2:59: error QT104: titel: unknown key; did you mean 'title'? (allowed here:"
            " title, notes, sections, examples, id, kind, …)\n"
            "  a.json:3:87: error QT107: valid_from: expected a date YYYY-MM-DD, got '2023-02-30'"
        )

    def test_problems_in_json_lines_are_placed_on_their_line(self):
        text = f'{{"kind": "X"}}\n\n{CHECKLIST_JSON}\n'

        with pytest.raises(quytac.LoadError) as raised:
            quytac.loads_all(text)

        assert str(raised.value) == (
            "<string>: 3 problems\n"
            "  <string>:1:1: error QT103: schema: missing required key\n"
            "  <string>:1:10: error QT101: kind: unknown kind 'X' (expected one of: Checklist,"
            " ConductCode, InspectionPlan, InspectionRecord, Report, ReportOutline, UnitCatalog)\n"
            "  <string>:3:85: error QT107: valid_from: expected a date YYYY-MM-DD, got '2023-02-30'"
        )

    def test_an_array_that_is_not_json_is_yaml(self):
        """
        A YAML flow sequence opens with "[" too: text that is not JSON is read as YAML.
        """
        with pytest.raises(quytac.LoadError) as raised:
            quytac.loads("[kind: Checklist]")

        assert str(raised.value) == (
            "<string>: 1 problem\n"
            "  <string>:1:1: error QT009: (root): a document must be a mapping (kind, schema, id,"
            " ...), got a list"
        )

    def test_format_json_is_json_only(self):
        with pytest.raises(quytac.LoadError) as raised:
            quytac.loads("kind: Checklist", format="json")

        assert str(raised.value) == (
            "<string>: 1 problem\n"
            "  <string>:1:1: error QT013: (root): invalid JSON: Expecting value"
        )

    def test_format_yaml_reads_json_as_yaml(self):
        with pytest.raises(quytac.LoadError) as raised:
            quytac.loads('{"kind": 1}', format="yaml")

        assert str(raised.value) == (
            "<string>: 2 problems\n"
            "  <string>:1:1: error QT103: schema: missing required key\n"
            "  <string>:1:10: error QT101: kind: unknown kind '1' (expected one of: Checklist,"
            " ConductCode, InspectionPlan, InspectionRecord, Report, ReportOutline, UnitCatalog)"
        )

    def test_one_json_document_on_several_lines_is_not_json_lines(self, documents):
        text = quytac.dumps(documents[0], format="json")

        assert quytac.loads(text) == documents[0]
        assert quytac.loads(text.replace("\n", "\r\n")) == documents[0]

    def test_an_unknown_format_is_a_value_error(self):
        with pytest.raises(ValueError, match=r"^format must be one of 'yaml', 'json', 'jsonl',"):
            quytac.loads("{}", format="xml")


class TestBuiltInPython:
    def test_decimal_and_date_fields_come_back_equal(self, documents):
        checklist = next(d for d in documents if isinstance(d, quytac.Checklist))
        section = checklist.sections[0]
        item = attrs.evolve(section.items[0], points=Decimal("2.5"))
        built = attrs.evolve(
            checklist,
            valid_from=dt.date(2024, 2, 29),
            sections=(
                attrs.evolve(section, items=(item, *section.items[1:])),
                *checklist.sections[1:],
            ),
        )

        assert quytac.structure(quytac.unstructure(built)) == built
        assert quytac.loads(quytac.dumps(built, format="json")) == built
        assert quytac.loads(quytac.dumps(built)) == built

    def test_a_figure_comes_back_as_written(self):
        """
        A figure's value is kept as written until the outline types it: Figure(value=12000)
        comes back as Figure(value="12000"), from plain data, JSON and YAML alike, and the
        outline reads both as 12000.
        """
        built = quytac.structure(RECORD)
        built = attrs.evolve(
            built,
            figures=quytac.FrozenMap(
                {
                    "a": quytac.Figure(value=12000),
                    "b": quytac.Figure(value=Decimal("2.5")),
                    "c": quytac.Figure(value=dt.date(2023, 1, 2)),
                    "d": quytac.Figure(value=True),
                }
            ),
        )

        back = quytac.structure(quytac.unstructure(built))

        assert [f.value for f in back.figures.values()] == ["12000", "2.5", "2023-01-02", True]
        assert back == quytac.loads(quytac.dumps(built, format="json"))
        assert back == quytac.loads(quytac.dumps(built))
        integer = quytac.Indicator(
            id="a", label=quytac.Text(vi="a"), type=quytac.IndicatorType.INTEGER
        )
        assert integer.typed(back.figures["a"].value) == integer.typed(12000) == 12000

    def test_a_yaml_stream_of_json_documents_is_yaml(self, documents):
        """
        A first line that is JSON followed by ``---`` is a YAML stream, not JSON Lines.
        """
        one = json.dumps(quytac.unstructure(documents[0]), ensure_ascii=False)

        assert quytac.loads_all(f"{one}\n---\n{one}\n") == (documents[0], documents[0])

    def test_a_json_file_of_an_array(self, tmp_path, documents):
        """
        A .json file holds one document or an array of them, as a JSON text does.
        """
        path = tmp_path / "all.json"
        path.write_text("[" + ",\n".join(quytac.dumps(d, format="json") for d in documents) + "]")
        bad = tmp_path / "bad.json"
        bad.write_text(f"[{json.dumps(RECORD)},\n {CHECKLIST_JSON}]\n")

        assert quytac.load_all(path) == documents
        with pytest.raises(quytac.LoadError) as raised:
            quytac.load_all(bad)
        assert str(raised.value) == (
            f"{bad}: 1 problem\n"
            f"  {bad}:2:86: error QT107: valid_from: expected a date YYYY-MM-DD, got"
            " '2023-02-30'"
        )

    def test_a_duplicate_key_in_an_array_is_placed_in_its_document(self):
        """
        A problem the reader finds in one document of an array is that document's, at its
        place in the text; the other documents load.
        """
        text = f'[{json.dumps(RECORD)},\n {json.dumps(RECORD)[:-1]}, "unit": "02"}}]'

        with pytest.raises(quytac.LoadError) as raised:
            quytac.loads_all(text)

        [problem] = raised.value.problems
        assert ("QT003", ("unit",), 2, 133) == (
            problem.code,
            problem.path,
            problem.line,
            problem.column,
        )
