"""
Laws of the embedding API over the public strategies: every kind of document comes back
equal from its plain data, from its JSON and from its YAML.
"""

import json
import typing

from hypothesis import given, settings
from hypothesis import strategies as st

import quytac
import quytac.strategies
from quytac import _converter

#: A strategy for every kind of document.
KINDS = {
    "UnitCatalog": quytac.strategies.unit_catalogs(),
    "ConductCode": quytac.strategies.conduct_codes(),
    "Checklist": quytac.strategies.checklists(),
    "ReportOutline": quytac.strategies.report_outlines(),
    "Report": quytac.strategies.report_outlines().flatmap(quytac.strategies.reports),
    "InspectionRecord": quytac.strategies.checklists().flatmap(
        quytac.strategies.inspection_records
    ),
    "InspectionPlan": quytac.strategies.inspection_plans(),
}
DOCUMENTS = st.one_of(*KINDS.values())


def test_every_kind_has_a_strategy():
    assert sorted(KINDS) == sorted(cl.__name__ for cl in typing.get_args(quytac.Document))


@given(DOCUMENTS)
def test_every_way_back_gives_the_document(document):
    """
    structure(unstructure(x)) == x, also through json.dumps and json.loads as a web service
    reads a body; loads(dumps(x, format="json")) == x; loads(dumps(x)) == x. One test over
    every kind: drawing the documents is the cost.
    """
    plain = quytac.unstructure(document)

    assert quytac.structure(plain) == document
    assert json.loads(json.dumps(plain)) == plain
    assert quytac.structure(json.loads(json.dumps(plain))) == document
    assert quytac.loads(quytac.dumps(document, format="json")) == document
    assert quytac.loads(quytac.dumps(document)) == document


@settings(max_examples=10)
@given(st.lists(DOCUMENTS, min_size=1, max_size=3))
def test_an_array_and_json_lines_load_back(documents):
    plain = [quytac.unstructure(document) for document in documents]
    lines = "\n".join(json.dumps(data, ensure_ascii=False) for data in plain)

    assert quytac.loads_all(json.dumps(plain, indent=1)) == tuple(documents)
    assert quytac.loads_all(lines, format="jsonl") == tuple(documents)


#: Plain Python data as json.loads, a database row or a form gives it, some of it not plain.
python_data = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.decimals()
    | st.dates()
    | st.text(max_size=6)
    | st.sets(st.integers(), max_size=2),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.lists(inner, max_size=3).map(tuple)
        | st.dictionaries(st.text(max_size=4) | st.integers(0, 9), inner, max_size=3)
    ),
    max_leaves=12,
)


@given(python_data)
def test_the_quick_reading_of_plain_data_is_the_careful_one(data):
    """
    plain data is read without paths first; what that reading gives, the careful one gives.
    """
    careful = _converter.with_paths(data)
    try:
        quick = _converter._quick(data, 0)
    except _converter._NotPlain:
        assert careful[1] or any(type(key) is int for key in _keys(data))
    else:
        assert (quick, []) == careful


def _keys(data):
    if isinstance(data, dict):
        yield from data
        for item in data.values():
            yield from _keys(item)
    elif isinstance(data, list | tuple):
        for item in data:
            yield from _keys(item)
