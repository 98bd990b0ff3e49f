"""
Hypothesis' plugin entry point for quytac: ``st.from_type`` builds quytac's documents.

Hypothesis imports this module and calls :func:`_hypothesis_setup_hook` while it is itself
being imported, in every process where both are installed. So the module imports nothing of
quytac: a project that has quytac installed but does not use it pays nothing when it imports
Hypothesis. The strategies are registered as soon as both are imported, in either order (if
quytac comes second, it calls :func:`register` itself), and lazily: each type's strategy is a
function that imports :mod:`quytac.strategies` the first time ``st.from_type`` asks for it.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

#: The documents ``st.from_type`` builds, by module and class name.
TYPES = (
    ("quytac.units", "UnitCatalog"),
    ("quytac.codes", "ConductCode"),
    ("quytac.checklists", "Checklist"),
    ("quytac.outlines", "ReportOutline"),
    ("quytac.plans", "InspectionPlan"),
    ("quytac.workspace", "Workspace"),
    ("quytac.records", "Report"),
    ("quytac.records", "InspectionRecord"),
)


def _hypothesis_setup_hook() -> None:
    """
    Hypothesis' entry point: register the strategies if quytac is already imported.
    """
    if "quytac" in sys.modules:
        register()


def register() -> None:
    """
    Register a lazy strategy for each of :data:`TYPES` (quytac is imported; Hypothesis too).

    Nothing is registered when plugins are off (``HYPOTHESIS_NO_PLUGINS``), as Hypothesis
    would not have called the hook.
    """
    if os.environ.get("HYPOTHESIS_NO_PLUGINS"):
        return
    from hypothesis import strategies as st  # noqa: PLC0415 - only once Hypothesis is imported

    for module, name in TYPES:
        st.register_type_strategy(getattr(importlib.import_module(module), name), _strategy)


def _strategy(cls: type) -> SearchStrategy[Any]:
    from quytac.strategies import _for_type  # noqa: PLC0415 - the lazy part

    return _for_type(cls)
