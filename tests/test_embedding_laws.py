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
