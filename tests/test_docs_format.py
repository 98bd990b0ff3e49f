"""
docs/format.md, the format reference, against the schemas the model generates.

Every object of every schema has a table in the reference (a heading ```Name``` then
``| key | type | default | constraint |``), and every table is an object of a schema; each table
lists exactly the object's keys, with the type, the default and the checked bounds the schema
gives. So the reference cannot fall behind the model, nor describe keys that do not exist.
"""

import itertools
import json
import re
from pathlib import Path

import pytest

import quytac
from quytac._messages import CATALOG

ROOT = Path(__file__).parent.parent
PAGE = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
SCHEMAS = {
    path.name: json.loads(path.read_text(encoding="utf-8"))
    for path in sorted((ROOT / "schemas").glob("*.schema.json"))
}
#: The envelope keys every kind shares, described once at the top of the page.
ENVELOPE = {"kind", "schema"}
HEADER = "| key | type | default | constraint |"
ID_FORM = "^[a-z0-9][a-z0-9._-]*$"


def plain(cell):
    """
    A table cell without Markdown links: ``[`Item`](#item)`` reads ```Item```.
    """
    return re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", cell).strip()


def tables(page):
    """
    The reference tables of the page: {object name: {key: (type, default, constraint)}}.
    """
    found = {}
    for match in re.finditer(r"^#+ `(\w+)`\n(.*?)(?=^#)", page + "\n#", re.MULTILINE | re.DOTALL):
        name, body = match.groups()
        body_lines = body.splitlines()
        assert HEADER in body_lines, f"{name}: a heading with a name but no reference table"
        start = body_lines.index(HEADER)
        lines = list(itertools.takewhile(lambda line: line.startswith("|"), body_lines[start:]))
        assert name not in found, f"{name} has two tables"
        rows = {}
        for line in lines[2:]:
            cells = [plain(cell) for cell in line.strip("|").split(" | ")]
            assert len(cells) == 4, line
            key = cells[0].strip("`")
            assert key not in rows, f"{name}.{key} is listed twice"
            rows[key] = tuple(cells[1:])
        found[name] = rows
    return found


def objects():
    """
    Every object of every schema, by name: the kinds' top levels and their ``$defs``.

    An object written as text or as a mapping (Text, Answer) is described by its mapping.
    Objects of the same name in several schemas are one object (checked).
    """
    found = {}
    for text in SCHEMAS.values():
        named = {text["title"].split()[1]: text, **text.get("$defs", {})}
        for name, definition in named.items():
            mapping = next(
                (o for o in [definition, *definition.get("anyOf", [])] if "properties" in o), None
            )
            if mapping is None:
                continue
            assert found.setdefault(name, mapping) == mapping, f"{name} differs between schemas"
    return found


REFERENCE = tables(PAGE)
OBJECTS = objects()


def strip_null(prop):
    """
    The schema of a key without its "or null" (a key that may be left out shows it as default).
    """
    options = prop.get("anyOf", [])
    if len(options) == 2 and {"type": "null"} in options:
        return next(o for o in options if o != {"type": "null"})
    return prop


def type_words(prop):
    """
    The words the reference uses for the type of a key, from its schema.
    """
    prop = strip_null(prop)
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[1]
        return "Text" if name == "Text" else f"`{name}`"
    if "allOf" in prop:
        return type_words(prop["allOf"][0])
    if "enum" in prop:
        return "choice"
    options = prop.get("anyOf", [])
    refs = [o["$ref"].rsplit("/", 1)[1] for o in options if "$ref" in o]
    if refs and set(refs) <= {"ItemCondition", "AllOf", "AnyOf", "NotCondition"}:
        return "condition"
    if len(refs) == 1:
        return f"`{refs[0]}`"  # a figure: its value alone, or the mapping
    if options and any(o.get("properties", {}).keys() & {"count", "points"} for o in options):
        return "answer type"
    if options == [{"type": "integer"}, {"type": "string", "pattern": r"^[+-]?[0-9]+$"}]:
        return "whole number"
    if len(options) == 2 and options[0] == {"type": "number"}:
        return "number"
    if prop.get("format") == "date":
        return "date"
    kinds = prop.get("type")
    if kinds == ["string", "number"]:
        return "text"
    if kinds == ["string", "number", "boolean"]:
        return "value"
    if kinds == "boolean":
        return "boolean"
    if kinds == "array":
        words = type_words(prop["items"])
        return "list of " + ("choices" if words == "choice" else words)
    if kinds == "object":
        return "mapping of … to " + type_words(prop["additionalProperties"])
    raise AssertionError(f"no words for {prop}")


def default_words(prop, required):
    """
    The start of the default cell: ``required``, the schema's default, ``null``; None when the
    default is an object of its own (the cell then says in words what it is).
    """
    if required:
        return "required"
    if "default" in prop:
        value = prop["default"]
        if isinstance(value, bool):
            return f"`{str(value).lower()}`"
        if isinstance(value, list | dict):
            return f"`{json.dumps(value)}`"
        return f"`{value}`"
    if strip_null(prop) is not prop:
        return "`null`"
    return None


def constraint_words(prop):
    """
    The words the constraint cell must contain, one for each check the schema states.
    """
    words = set()
    merged = {**prop}
    for part in prop.get("allOf", []):
        merged.update(part)
    if merged.get("pattern") == ID_FORM:
        words.add("id form")
    if merged.get("minLength") == 1:
        words.add("not blank")
    if "minimum" in merged:
        words.add(f"at least {merged['minimum']}")
    if "exclusiveMinimum" in merged:
        words.add(f"more than {merged['exclusiveMinimum']}")
    if "maximum" in merged:
        words.add(f"at most {merged['maximum']}")
    return words


STATED = ("id form", "not blank", "at least", "more than", "at most")


def stated_in(cell):
    """
    The checks a constraint cell states (``no more than`` is prose, not the bound ``more than``).
    """
    return {w for w in STATED if re.search(rf"(?<!no ){w}", cell)}


def rows():
    for name, mapping in sorted(OBJECTS.items()):
        for key, prop in mapping["properties"].items():
            if key in ENVELOPE and "const" in prop:
                continue
            yield pytest.param(
                name, key, prop, key in mapping.get("required", []), id=f"{name}.{key}"
            )


class TestTheReferenceIsTheSchemas:
    def test_every_object_of_the_schemas_has_a_table_and_every_table_is_an_object(self):
        assert sorted(OBJECTS) == sorted(REFERENCE)

    @pytest.mark.parametrize("name", sorted(OBJECTS))
    def test_a_table_lists_exactly_the_keys_of_its_object(self, name):
        properties = OBJECTS[name]["properties"]
        keys = {
            key for key, prop in properties.items() if not (key in ENVELOPE and "const" in prop)
        }

        assert sorted(keys) == sorted(REFERENCE[name])

    @pytest.mark.parametrize(("name", "key", "prop", "required"), list(rows()))
    def test_each_key_has_the_type_default_and_constraints_of_the_schema(
        self, name, key, prop, required
    ):
        type_cell, default_cell, constraint_cell = REFERENCE[name][key]

        expected_type = type_words(prop)
        if expected_type.startswith("mapping of … to "):  # the cell names what the keys are
            expected_type = re.escape(expected_type).replace("…", r"[a-z ]+")
            assert re.fullmatch(expected_type, type_cell), type_cell
        else:
            assert expected_type == type_cell
        expected_default = default_words(prop, required)
        if expected_default is None:
            assert not re.match(r"(required|`null`)\b|$", default_cell)
        else:
            assert re.match(re.escape(expected_default) + r"(?![\w`])", default_cell), default_cell
        stated = constraint_words(prop)
        assert {w for w in stated if w not in constraint_cell} == set()
        assert stated_in(constraint_cell) == {
            w for w in STATED if any(s.startswith(w) for s in stated)
        }
        choices = strip_null(prop).get("enum", []) or prop.get("items", {}).get("enum", [])
        for value in choices:
            assert f"`{value}`" in constraint_cell

    def test_every_key_anywhere_in_the_schemas_is_named_on_the_page(self):
        """
        Keys of shapes that are not objects of their own (``answer: {count: ...}``) too.
        """
        keys = set()

        def walk(node):
            if isinstance(node, dict):
                keys.update(node.get("properties", {}))
                for value in node.values():
                    walk(value)
            elif isinstance(node, list):
                for value in node:
                    walk(value)

        walk(SCHEMAS)

        assert {key for key in keys if f"`{key}`" not in PAGE} == set()

    def test_every_problem_code_the_page_names_exists(self):
        named = set(re.findall(r"\bQT\d{3}\b", PAGE))

        assert named
        assert named - set(CATALOG) == set()


def test_the_yaml_examples_of_the_page_load():
    blocks = re.findall(r"```yaml\n(.*?)```", PAGE, re.DOTALL)

    documents = [quytac.loads(block, source="format.md") for block in blocks]

    assert ["UnitCatalog", "Checklist", "UnitCatalog"] == [type(d).kind for d in documents]
