"""
quytac.strategies: valid by construction, and reachable through st.from_type.
"""

from hypothesis import given
from hypothesis import strategies as st

import quytac
from quytac import strategies


class TestValidByConstruction:
    @given(strategies.unit_catalogs())
    def test_unit_catalogs_have_no_issues(self, catalog):
        """
        Generated catalogs load back equal and validate with no issue.
        """
        assert catalog == quytac.loads(quytac.dumps(catalog))
        assert () == quytac.Workspace.of(catalog).validate()

    @given(strategies.conduct_codes())
    def test_conduct_codes_have_no_issues(self, code):
        """
        Generated codes load back equal and validate with no issue.
        """
        assert code == quytac.loads(quytac.dumps(code))
        assert () == quytac.Workspace.of(code).validate()


class TestPlugin:
    @given(st.from_type(quytac.UnitCatalog), st.from_type(quytac.ConductCode))
    def test_from_type_builds_documents(self, catalog, code):
        """
        The Hypothesis entry point registers the strategies for the document classes.
        """
        assert isinstance(catalog, quytac.UnitCatalog)
        assert isinstance(code, quytac.ConductCode)
