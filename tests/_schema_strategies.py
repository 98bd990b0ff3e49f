"""
Documents drawn from quytac's JSON Schemas, for the schema-to-model agreement test.

hypothesis-jsonschema 0.23.1 (its latest release) fails on the Hypothesis this project uses
(AttributeError: 'many' object has no attribute 'more'), so this covers the subset of JSON
Schema that quytac.schema emits: $ref, anyOf, allOf, const, enum, type, properties, required,
additionalProperties false, items, pattern, minimum, exclusiveMinimum, maximum, minLength and
format date. Bounds are kept sometimes and broken sometimes (a value outside them must give a
LoadError, which the agreement test accepts).

Numbers are drawn ordinary (-5 to 100) and extreme (exponents of a billion either way, 30 to 40
digit integers), as numbers and, where the schema allows it, as text ("2.5"). They are Decimal
values, which :func:`to_json` writes as JSON numbers as they are (``1E+999999999``), where
``json.dumps`` would need a float (infinite) or quote them.
"""

import json
import re
from decimal import Decimal

from hypothesis import strategies as st

#: The keys of a number's bounds; quytac.schema puts them beside an anyOf of number and text.
BOUNDS = ("minimum", "exclusiveMinimum", "maximum")

SCALARS = {
    "null": st.none(),
    "boolean": st.booleans(),
    "string": st.text(max_size=12),
    "array": st.just([]),
    "object": st.just({}),
}

#: Exponents that overflow or underflow any float, and a few that a Decimal context still holds.
_EXPONENTS = st.sampled_from([30, 308, 309, 400, 999_999, 999_999_999]) | st.integers(
    -(10**9), 10**9
)


def _extreme(*, integer, text):
    """
    Numbers far beyond a float: huge and tiny exponents (1E+999999999, 1E-30), 30 to 40 digit
    integers; with ``integer``, whole numbers only (a positive exponent is a whole number), and
    as ``text`` of an integer, digits only.
    """
    long_integers = st.integers(10**30, 10**40).flatmap(lambda n: st.sampled_from([n, -n]))
    if integer and text:
        return long_integers.map(Decimal)
    mantissas = st.integers(-999, 999)
    exponents = _EXPONENTS.map(abs) if integer else _EXPONENTS | _EXPONENTS.map(lambda e: -abs(e))
    return long_integers.map(Decimal) | st.builds(
        lambda m, e: Decimal(f"{m}E{e}"), mantissas, exponents
    )


def _ordinary(*, integer):
    if integer:
        return st.integers(-5, 100).map(Decimal)
    return st.integers(-5, 100).map(Decimal) | st.decimals(-5, 100, places=2, allow_nan=False)


def _within(bounds, *, integer):
    """
    Numbers within the bounds: the edges that are allowed, and numbers between them.
    """
    low = bounds.get("minimum")
    above = bounds.get("exclusiveMinimum")
    high = bounds.get("maximum")
    step = Decimal(1) if integer else Decimal("0.01")
    first = Decimal(low) if low is not None else None
    if above is not None:
        first = Decimal(above) + step
    last = Decimal(high) if high is not None else (first or 0) + 1000
    first = last - 1000 if first is None else first
    whole = st.integers(int(first), int(last)).map(Decimal)
    if integer:
        return whole
    return whole | st.decimals(first, last, places=2, allow_nan=False)


def _outside(bounds, *, integer):
    """
    Numbers just outside the bounds: below a minimum, at an exclusive minimum, above a maximum.
    """
    step = Decimal(1) if integer else Decimal("0.01")
    edges = []
    if "minimum" in bounds:
        edges.append(Decimal(bounds["minimum"]) - step)
    if "exclusiveMinimum" in bounds:
        edges.append(Decimal(bounds["exclusiveMinimum"]))
    if "maximum" in bounds:
        edges.append(Decimal(bounds["maximum"]) + step)
    return st.sampled_from(edges) if edges else st.nothing()


def numbers(bounds=None, *, integer=False, text=False):
    """
    Decimal numbers for a schema's ``number`` or ``integer`` (or for ``text`` that writes one):
    ordinary and extreme ones, within its bounds (when it has some) and outside them.
    """
    bounds = bounds or {}
    drawn = _ordinary(integer=integer) | _extreme(integer=integer, text=text)
    if any(key in bounds for key in BOUNDS):
        drawn = _within(bounds, integer=integer) | _outside(bounds, integer=integer) | drawn
    return drawn


def to_json(value):
    """
    JSON text of plain data in which numbers are Decimal (written as they are) or int.
    """
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        pairs = (
            f"{json.dumps(str(k), ensure_ascii=False)}: {to_json(v)}" for k, v in value.items()
        )
        return "{" + ", ".join(pairs) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(to_json(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False, default=str)


def from_schema(schema, root=None, refs=None):
    """
    A strategy for values the schema allows (and, through anyOf and bounds, some it only nearly
    allows).

    Each part is built once (a definition once for all its ``$ref``): building strategies anew
    at every draw, and Hypothesis validating each new one, took most of the time of a test.
    """
    root = root or schema
    refs = {} if refs is None else refs
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[1]
        if name not in refs:
            refs[name] = st.deferred(lambda: from_schema(root["$defs"][name], root, refs))
        return refs[name]
    if "const" in schema:
        return st.just(schema["const"])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    if "anyOf" in schema:
        bounds = {key: schema[key] for key in BOUNDS if key in schema}
        options = [from_schema({**option, **bounds}, root, refs) for option in schema["anyOf"]]
        return st.one_of(options)
    if "allOf" in schema:
        return from_schema(schema["allOf"][0], root, refs)
    kinds = schema.get("type")
    if isinstance(kinds, list):
        return st.one_of([from_schema({**schema, "type": kind}, root, refs) for kind in kinds])
    if kinds == "object":
        return _objects(schema, root, refs)
    if kinds == "array":
        return st.lists(from_schema(schema.get("items", {}), root, refs), max_size=3)
    if kinds == "string":
        return _strings(schema)
    if kinds in ("integer", "number"):
        return numbers(schema, integer=kinds == "integer")
    if kinds is None:
        return st.none() | st.booleans() | st.text(max_size=5)
    return SCALARS[kinds]


def _strings(schema):
    if "pattern" in schema and schema["pattern"] != r"\S":
        pattern = re.compile(schema["pattern"])
        drawn = st.from_regex(pattern, fullmatch=True).filter(lambda s: len(s) < 40)
        if pattern.fullmatch("1"):  # a number written as text: "2.5", "1E+999999999"
            integer = not pattern.fullmatch("2.5")
            written = numbers(schema, integer=integer, text=True).map(str)
            drawn = written.filter(pattern.fullmatch) | drawn
        return drawn
    if schema.get("format") == "date":
        edges = st.sampled_from(["0001-01-01", "9999-12-31", "2024-02-29", "2023-02-29"])
        return st.dates().map(str) | edges | st.text(max_size=10)
    return st.text(min_size=schema.get("minLength", 0), max_size=12)


def _objects(schema, root, refs):
    properties = schema.get("properties", {})
    required = schema.get("required", [])
    optional = [key for key in properties if key not in required]
    values = {key: from_schema(properties[key], root, refs) for key in properties}

    @st.composite
    def draw_object(draw):
        chosen = [key for key in optional if draw(st.booleans())]
        return {key: draw(values[key]) for key in [*required, *chosen]}

    return draw_object()
