"""
Hypothesis strategies for quytac's documents, valid by construction, and the laws of its rules.

Install with ``pip install 'quytac[hypothesis]'``. Every strategy builds objects that load,
dump and validate with no issue, so a project can property-test its own code against any
checklist, catalog or plan quytac accepts. With the extra installed, Hypothesis' plugin hook
(``_quytac_hypothesis``) registers them, so ``st.from_type(quytac.UnitCatalog)`` works too;
the hook imports nothing of quytac, so ``import hypothesis`` stays fast in a project that has
quytac installed but does not use it.

The modules are by what they draw: ``units``, ``codes``, ``checklists``, ``reports`` (outlines
and reports), ``records``, ``plans`` (plans and workspaces) and ``laws`` (the laws of scoring).
This package is the only part of quytac that imports Hypothesis; nothing else imports it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from quytac.checklists import Checklist
from quytac.codes import ConductCode
from quytac.outlines import ReportOutline
from quytac.plans import InspectionPlan
from quytac.records import InspectionRecord, Report
from quytac.units import UnitCatalog
from quytac.workspace import Workspace

# The kinds of a drawn catalog's units (the tests draw wider catalogs with them).
from ._common import COMMUNE_KINDS as COMMUNE_KINDS
from ._common import DISTRICT_KINDS as DISTRICT_KINDS
from ._common import PROVINCE_KINDS as PROVINCE_KINDS
from ._common import ids, texts, words
from .checklists import ANSWER_TYPES, answer_types, answers, checklists, values
from .codes import conduct_codes
from .laws import SCORING_LAWS, best_value, check_scoring_laws
from .laws import _LawBroken as _LawBroken  # what the pytest plugin reads of a broken law
from .plans import inspection_plans, workspaces
from .records import inspection_records
from .reports import report_outlines, reports
from .units import unit_catalogs

__all__ = [
    "ANSWER_TYPES",
    "SCORING_LAWS",
    "answer_types",
    "answers",
    "best_value",
    "check_scoring_laws",
    "checklists",
    "conduct_codes",
    "ids",
    "inspection_plans",
    "inspection_records",
    "report_outlines",
    "reports",
    "texts",
    "unit_catalogs",
    "values",
    "words",
    "workspaces",
]


def _records() -> st.SearchStrategy[InspectionRecord]:
    return st.tuples(checklists(), report_outlines()).flatmap(
        lambda pair: inspection_records(pair[0], outline=pair[1])
    )


_BY_TYPE: dict[type, Callable[[], st.SearchStrategy[Any]]] = {
    UnitCatalog: unit_catalogs,
    ConductCode: conduct_codes,
    Checklist: checklists,
    ReportOutline: report_outlines,
    InspectionPlan: inspection_plans,
    Workspace: workspaces,
    Report: lambda: report_outlines().flatmap(reports),
    InspectionRecord: _records,
}


def _for_type(cls: type) -> st.SearchStrategy[Any]:
    """
    The strategy ``st.from_type(cls)`` uses for one of quytac's documents.

    Raises:
        KeyError: For a type that is not one of them.
    """
    return _BY_TYPE[cls]()


def _register() -> None:
    """
    Make ``st.from_type`` build quytac's documents (also with Hypothesis' plugins off).
    """
    for cls, strategy in _BY_TYPE.items():
        st.register_type_strategy(cls, strategy())


_register()


def _hypothesis_setup_hook() -> None:
    """
    The entry point of installs made before the hook moved to ``_quytac_hypothesis`` (their
    metadata still names this one until ``pip install`` runs again): loading this module has
    registered the strategies already.
    """
