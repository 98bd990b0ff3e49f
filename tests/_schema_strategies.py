"""
Documents drawn from quytac's JSON Schemas, for the schema-to-model agreement test.

hypothesis-jsonschema 0.23.1 (its latest release) fails on the Hypothesis this project uses
(AttributeError: 'many' object has no attribute 'more'), so this covers the subset of JSON
Schema that quytac.schema emits: $ref, anyOf, allOf, const, enum, type, properties, required,
additionalProperties false, items, pattern, minimum, minLength and format date (other bounds are
left out: a value outside them must give a LoadError, which the agreement test accepts).
"""

import re

from hypothesis import strategies as st

SCALARS = {
    "null": st.none(),
    "boolean": st.booleans(),
    "integer": st.integers(-5, 100),
    "number": st.integers(-5, 100) | st.decimals(-5, 100, places=2, allow_nan=False).map(float),
    "string": st.text(max_size=12),
    "array": st.just([]),
    "object": st.just({}),
}


def from_schema(schema, root=None):
    """
    A strategy for values the schema allows (and, through anyOf, some it only nearly allows).
    """
    root = root or schema
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[1]
        return st.deferred(lambda: from_schema(root["$defs"][name], root))
    if "const" in schema:
        return st.just(schema["const"])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    if "anyOf" in schema:
        return st.one_of([from_schema(option, root) for option in schema["anyOf"]])
    if "allOf" in schema:
        return from_schema(schema["allOf"][0], root)
    kinds = schema.get("type")
    if isinstance(kinds, list):
        return st.one_of([from_schema({**schema, "type": kind}, root) for kind in kinds])
    if kinds == "object":
        return _objects(schema, root)
    if kinds == "array":
        return st.lists(from_schema(schema.get("items", {}), root), max_size=3)
    if kinds == "string":
        if "pattern" in schema and schema["pattern"] != r"\S":
            return st.from_regex(re.compile(schema["pattern"]), fullmatch=True).filter(
                lambda s: len(s) < 40
            )
        if schema.get("format") == "date":
            return st.dates().map(str) | st.text(max_size=10)
        return st.text(min_size=schema.get("minLength", 0), max_size=12)
    if kinds in ("integer", "number"):
        return st.integers(schema.get("minimum", -5), 100)
    if kinds is None:
        return st.none() | st.booleans() | st.text(max_size=5)
    return SCALARS[kinds]


def _objects(schema, root):
    properties = schema.get("properties", {})
    required = schema.get("required", [])
    optional = [key for key in properties if key not in required]

    @st.composite
    def draw_object(draw):
        chosen = [key for key in optional if draw(st.booleans())]
        return {key: draw(from_schema(properties[key], root)) for key in [*required, *chosen]}

    return draw_object()
