"""
JSON Schemas generated from the model: in step with schemas/, valid, and agreeing with loading.
"""

import decimal
import json
import re
import shutil
import typing
from pathlib import Path

import attrs
import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

import quytac
import quytac.cli
from _schema_strategies import from_schema, to_json
from _strategies_foundation import conduct_codes, unit_catalogs
from quytac import _yaml, schema, strategies
from quytac._documents import KINDS

ROOT = Path(__file__).parent.parent
SCHEMAS = ROOT / "schemas"
BUNDLED = Path(quytac.example_path())
VALID = Path(__file__).parent / "data" / "valid"


def plain_documents(path):
    """
    The plain data of every document of a file, as the reader gives it.
    """
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        return [d.data for d in _yaml.read_json(text, str(path))]
    return [d.data for d in _yaml.read_yaml(lambda: text, str(path))]


def dumped_data(document):
    """
    The plain data of a dumped document, as the reader gives it.
    """
    text = quytac.dumps(document)
    [raw] = list(_yaml.read_yaml(lambda: text, "t"))
    return raw.data


#: Documents the schemas allow that once made validate() raise, by kind: always tried.
FOUND_BY_HAND = {
    "Checklist": [  # points: 1E+999999999, which the checklist's totals could not add up
        {
            "kind": "Checklist",
            "schema": "quytac/v1",
            "id": "a",
            "title": "A",
            "sections": [
                {
                    "id": "I",
                    "title": "I",
                    "items": [{"id": "a", "text": "a", "points": decimal.Decimal("1E+999999999")}],
                }
            ],
        }
    ],
}


def loaded(text):
    """
    The loaded document, or None for a LoadError; any other exception escapes.
    """
    try:
        return quytac.loads(text)
    except quytac.LoadError:
        return None


def outcome_of(text):
    """
    The kind of the loaded document, or "problems"; any other exception escapes.
    """
    try:
        return type(quytac.loads(text)).kind
    except quytac.LoadError as error:
        return "problems" if error.problems else "no problems?"


def validator(kind):
    return jsonschema.Draft202012Validator(schema.json_schema(kind))


def bundled_and_valid_files():
    files = (
        sorted(BUNDLED.rglob("*.y*ml"))
        + sorted(VALID.rglob("*.y*ml"))
        + sorted(VALID.rglob("*.json"))
    )
    return [pytest.param(f, id=f.name) for f in files]


class TestSchemaFiles:
    def test_the_files_in_schemas_are_what_the_model_generates(self):
        """
        Run `quytac schema --write schemas` after changing the model.
        """
        expected = {name: schema.dump_schema(s) for name, s in schema.json_schemas().items()}
        actual = {p.name: p.read_text(encoding="utf-8") for p in SCHEMAS.glob("*.schema.json")}

        assert expected == actual

    def test_the_bundled_example_carries_the_same_files(self):
        """
        The example's own schemas/ (which its files' first lines name) is what the model
        generates too: `quytac schema --write src/quytac/data/schemas`.
        """
        expected = {name: schema.dump_schema(s) for name, s in schema.json_schemas().items()}
        actual = {
            p.name: p.read_text(encoding="utf-8")
            for p in (BUNDLED / "schemas").glob("*.schema.json")
        }

        assert expected == actual

    @pytest.mark.parametrize("kind", sorted(KINDS))
    def test_every_schema_is_a_valid_draft_2020_12_schema(self, kind):
        """
        The generated schemas are themselves valid.
        """
        jsonschema.Draft202012Validator.check_schema(schema.json_schema(kind))

    def test_the_command_writes_the_same_files(self, tmp_path):
        """
        `quytac schema --write DIR` writes one file a kind.
        """
        assert 0 == quytac.cli.main(
            ["schema", "--write", str(tmp_path), "--output", str(tmp_path / "log")]
        )

        assert sorted(p.name for p in SCHEMAS.glob("*.schema.json")) == sorted(
            p.name for p in tmp_path.glob("*.schema.json")
        )

    def test_an_unknown_kind_is_a_usage_error(self, capsys):
        """
        `quytac schema Nope` exits 2.
        """
        assert 2 == quytac.cli.main(["schema", "Nope", "--lang", "en"])
        assert "quytac schema: unknown kind 'Nope'" in capsys.readouterr().err


class TestDocumentsAgree:
    @pytest.mark.parametrize("path", bundled_and_valid_files())
    def test_every_bundled_and_valid_document_validates(self, path):
        """
        What quytac loads, the schema accepts.
        """
        for data in plain_documents(path):
            validator(data["kind"]).validate(data)

    @pytest.mark.parametrize("path", sorted(BUNDLED.rglob("*.y*ml")), ids=lambda p: p.name)
    def test_bundled_files_name_their_schema(self, path):
        """
        Bundled YAML starts with a yaml-language-server line that points at an existing schema.
        """
        first = path.read_text(encoding="utf-8").splitlines()[0]
        prefix = "# yaml-language-server: $schema="

        assert first.startswith(prefix)
        assert (path.parent / first.removeprefix(prefix)).resolve().is_file()

    def test_a_copy_of_the_example_still_finds_its_schemas(self, tmp_path):
        """
        After `cp -r` of the example (as the README says), every file's first line names a
        schema inside the copy, and the copy validates with no problem: the schemas are not
        read as documents.
        """
        shutil.copytree(BUNDLED, tmp_path / "data")
        prefix = "# yaml-language-server: $schema="
        named = {
            path.relative_to(tmp_path): (
                path.parent / path.read_text(encoding="utf-8").splitlines()[0].removeprefix(prefix)
            ).resolve()
            for path in sorted((tmp_path / "data").rglob("*.yaml"))
        }

        assert all(
            target.is_file() and target.is_relative_to(tmp_path / "data" / "schemas")
            for target in named.values()
        ), named
        assert 11 == len(named)
        assert 0 == quytac.cli.main(
            ["validate", str(tmp_path / "data"), "--output", str(tmp_path / "out.txt")]
        )

    @given(st.one_of(unit_catalogs(), conduct_codes))
    def test_every_dumped_document_validates(self, document):
        """
        Model to schema: whatever quytac writes, the schema accepts.
        """
        validator(type(document).kind).validate(dumped_data(document))

    @given(strategies.workspaces())
    def test_every_document_of_a_drawn_workspace_validates(self, workspace):
        """
        Model to schema, for every kind (catalog, code, checklist, outline, plan, reports and
        records): each document of a consistent workspace, dumped and read back as plain data,
        is valid against the schema of its kind.
        """
        for document in workspace:
            kind = type(document).kind
            event(kind)

            validator(kind).validate(dumped_data(document))

    @pytest.mark.parametrize("kind", sorted(KINDS))
    def test_documents_generated_from_the_schema_load_or_give_load_error(self, kind):
        """
        Schema to model: JSON the schema allows either loads or gives located problems.
        """

        @settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
        @given(from_schema(schema.json_schema(kind)))
        def check(data):
            outcome = outcome_of(to_json(data))

            assert outcome in {kind, "problems"}

        check()

    @pytest.mark.parametrize("kind", sorted(KINDS))
    def test_documents_generated_from_the_schema_validate_without_a_traceback(self, kind):
        """
        Schema to model to rules: JSON the schema allows (extreme numbers included) that loads
        validates into issues, whatever they are, and never raises.
        """

        @settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
        @given(from_schema(schema.json_schema(kind)))
        def check(data):
            document = loaded(to_json(data))

            issues = () if document is None else quytac.Workspace.of(document).validate()

            assert isinstance(issues, tuple)

        for known in FOUND_BY_HAND.get(kind, []):
            check = example(known)(check)
        check()

    def test_a_schema_refuses_what_quytac_refuses(self):
        """
        An unknown key and a missing required key are refused by both.
        """
        data = yaml.safe_load("kind: UnitCatalog\nschema: quytac/v1\nid: a\ncolour: red\n")

        errors = sorted(e.message for e in validator("UnitCatalog").iter_errors(data))

        assert [
            "'title' is a required property",
            "Additional properties are not allowed ('colour' was unexpected)",
        ] == errors

    @pytest.mark.parametrize(
        ("kind", "document", "message"),
        [
            (
                "Checklist",
                "scoring: {bands: [{id: a, label: A, min: 101}]}",
                "101 is greater than the maximum of 100",
            ),
            ("Checklist", "scoring: {rounding: {places: -1}}", "-1 is less than the minimum of 0"),
            (
                "Checklist",
                "sections: [{id: I, title: I, items: [{id: a, text: a, answer: {points: {step: 0}}}]}]",
                "0 is less than or equal to the minimum of 0",
            ),
            (
                "Checklist",
                "sections: [{id: I, title: I, items: [{id: a, text: a, weight: -1}]}]",
                "-1 is less than the minimum of 0",
            ),
            ("ConductCode", "version: 0", "0 is less than the minimum of 1"),
        ],
    )
    def test_a_schema_refuses_numbers_out_of_bounds_as_quytac_does(self, kind, document, message):
        """
        The bounds the model checks are in the schema too, with the same edges.
        """
        envelope = f"kind: {kind}\nschema: quytac/v1\nid: a\ntitle: A\n"
        data = yaml.safe_load(envelope + document)

        errors = [
            e.message for top in validator(kind).iter_errors(data) for e in [top, *top.context]
        ]

        assert message in errors
        with pytest.raises(quytac.LoadError):
            quytac.loads(envelope + document)

    @pytest.mark.parametrize("kind", sorted(KINDS))
    def test_every_key_has_a_description_for_editors(self, kind):
        """
        Editors show a key's description as it is typed: every key has one, from the model's
        docstrings.
        """
        found = schema.json_schema(kind)
        objects = {kind: found, **found.get("$defs", {})}
        missing = [
            f"{name}.{key}"
            for name, definition in objects.items()
            for shape in [definition, *definition.get("anyOf", [])]
            for key, prop in shape.get("properties", {}).items()
            if "description" not in prop
        ]

        assert [] == missing

    def test_every_validator_of_the_model_has_schema_words(self):
        """
        No check of a field is lost on the way to the schema: each validator says what it checks.
        """
        seen, missing = set(), []

        def walk(tp):
            for arg in typing.get_args(tp):
                walk(arg)
            if isinstance(tp, type) and attrs.has(tp) and tp not in seen:
                seen.add(tp)
                hints = typing.get_type_hints(tp)
                for field in attrs.fields(tp):
                    if field.validator is not None and not schema.validator_words(field.validator):
                        missing.append(f"{tp.__name__}.{field.name}")
                    walk(hints[field.name])

        for cl in [*KINDS.values(), *quytac.checklists.ANSWER_TYPES.values()]:
            walk(cl)

        assert len(seen) > 40
        assert [] == missing


def checklist_with(item, **top):
    """
    A checklist document of one item (and any top-level keys), as plain data.
    """
    return {
        "kind": "Checklist",
        "schema": "quytac/v1",
        "id": "a",
        "title": "A",
        "scoring": {"model": "points", "bands": [{"id": "a", "label": "A", "min": 0}]},
        "sections": [
            {
                "id": "I",
                "title": "I",
                "items": [{"id": "I.1", "text": "t", "answer": "yes_no"}, {"text": "u", **item}],
            }
        ],
        **top,
    }


def quytac_codes(data):
    """
    The codes of what quytac finds in a document: its load problems, or its issues.
    """
    try:
        document = quytac.loads(json.dumps(data))
    except quytac.LoadError as error:
        return sorted({p.code for p in error.problems})
    return sorted({i.code for i in quytac.Workspace.of(document).validate()})


def schema_accepts(data):
    return validator(data["kind"]).is_valid(data)


class TestWhatTheSchemasSay:
    @pytest.mark.parametrize(
        ("item", "accepted", "codes"),
        [
            pytest.param({"id": "c", "answer": {"count": {}}}, False, ["QT444"], id="count-none"),
            pytest.param(
                {
                    "id": "c",
                    "answer": {"count": {"full_at": 2, "thresholds": [{"min": 1, "points": 1}]}},
                },
                False,
                ["QT444"],
                id="count-both",
            ),
            pytest.param(
                {"id": "c", "answer": {"count": {"full_at": 2, "thresholds": None}}},
                True,
                [],
                id="count-one-and-a-null",
            ),
            pytest.param(
                {"id": "c", "answer": {"count": {"thresholds": [{"min": 1, "points": 1}]}}},
                True,
                [],
                id="count-thresholds",
            ),
            pytest.param({"id": "c", "answer": {"choices": []}}, False, ["QT446"], id="choices"),
            pytest.param({"id": "c", "refs": ["qtux:3a"]}, False, ["QT420"], id="ref-3a"),
            pytest.param({"id": "c", "refs": ["qtux:²"]}, False, ["QT420"], id="ref-digit"),
            pytest.param({"id": "c", "when": {"item": "I.1"}}, False, ["QT403"], id="no-test"),
            pytest.param(
                {"id": "c", "when": {"item": "I.1", "equals": None}},
                False,
                ["QT403"],
                id="null-test",
            ),
            pytest.param(
                {"id": "c", "when": {"item": "I.1", "answered": True}}, True, [], id="a-test"
            ),
            pytest.param({"id": "c", "points": "-2.5"}, False, ["QT106"], id="points-negative"),
            pytest.param({"id": "c", "points": "2.5"}, True, [], id="points-quoted"),
            pytest.param({"id": "c", "points": "-0"}, True, [], id="points-minus-zero"),
        ],
    )
    def test_the_schema_refuses_what_quytac_refuses(self, item, accepted, codes):
        """
        The rules between keys that JSON Schema can state (QT403, QT444, QT446), the form of a
        reference (QT420) and the bounds of numbers written as text (QT106) are in the schema:
        an editor marks what quytac would refuse, and nothing that it accepts.
        """
        data = checklist_with(item)

        assert (accepted, codes) == (schema_accepts(data), quytac_codes(data))

    @pytest.mark.parametrize(
        ("definition", "key", "model", "field"),
        [
            ("Band", "min", quytac.checklists.Band, "min"),
            ("Rounding", "places", quytac.checklists.Rounding, "places"),
            ("Item", "points", quytac.checklists.Item, "points"),
            ("PointsScale", "step", quytac.checklists.PointsScale, "step"),
            ("Count", "full_at", quytac.checklists.Count, "full_at"),
            (None, "version", quytac.Checklist, "version"),
        ],
    )
    @given(data=st.data())
    def test_a_quoted_number_is_bounded_as_quytac_bounds_it(
        self, definition, key, model, field, data
    ):
        """
        For every bound of the checklist's numbers (at least 0, more than 0, at least 1, 0 to
        100, 0 to 10): a number written as text without an exponent is within the schema's
        bound exactly when quytac finds it within its own; with an exponent, what quytac
        accepts the schema accepts (it cannot compare such a number).
        """
        checklist = schema.json_schema("Checklist")
        prop = (checklist["$defs"][definition] if definition else checklist)["properties"][key]
        attribute = attrs.fields_dict(model)[field]
        integer = int in (attribute.type, *typing.get_args(attribute.type))
        if integer:
            text = data.draw(st.from_regex(r"\A[+-]?0{0,2}[0-9]{1,4}\Z"))
            value = decimal.Decimal(int(text))
        else:
            text = data.draw(
                st.from_regex(
                    r"\A[+-]?0{0,2}([0-9]{0,3}(\.[0-9]{0,3})?)([eE][+-]?[0-9])?\Z"
                ).filter(lambda t: any(c.isdigit() for c in t.split("e")[0].split("E")[0]))
            )
            value = decimal.Decimal(text)
        try:
            attribute.validator(None, attribute, value)
        except quytac.errors.InvalidValue:
            within = False
        else:
            within = True

        said = jsonschema.Draft202012Validator({"properties": {"x": prop}}).is_valid({"x": text})

        if "e" in text.lower():
            assert said or not within
        else:
            assert within == said

    def test_descriptions_are_plain_text(self):
        """
        No reST marks (````yes_no````, ``:data:`X```) in what an editor shows.
        """
        marked = [
            description
            for text in (schema.dump_schema(s) for s in schema.json_schemas().values())
            for description in re.findall(r'"description": "((?:[^"\\]|\\.)*)"', text)
            if "``" in description or re.search(r":[a-z]+:`", description)
        ]

        assert [] == marked

    def test_each_schema_has_a_stable_id_of_its_own(self):
        """
        A name (URN) per kind that does not change from release to release and does not
        pretend to be an address.
        """
        assert {kind: f"urn:quytac:schema:v1:{kind.lower()}" for kind in KINDS} == {
            kind: schema.json_schema(kind)["$id"] for kind in KINDS
        }
