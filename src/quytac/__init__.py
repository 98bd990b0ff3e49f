"""
quytac: inspections of codes of conduct (quy tắc ứng xử) in Vietnamese city government.

Typed, immutable documents loaded from YAML, with their validation and scoring rules.
"""

from importlib import resources

from ._base import SCHEMA, Definition
from ._documents import Document, dumps, dumps_all, iter_load, load, load_all, loads, loads_all
from ._version import __version__
from ._vietnam_provinces import units_from_vietnam_provinces
from .codes import (
    AppliesTo,
    Article,
    Chapter,
    ConductCode,
    LegalBasis,
    Rule,
    RuleType,
    resolve_ref,
)
from .errors import (
    Finding,
    InvalidValue,
    Issue,
    LoadError,
    Problem,
    QuytacError,
    Severity,
    format_path,
)
from .text import Text
from .units import (
    PLACE_TYPES,
    UNIT_KINDS,
    PlaceType,
    Unit,
    UnitCatalog,
    UnitKind,
    UnitLevel,
    UnitLookupError,
)
from .validation import validate
from .workspace import Workspace

__all__ = [
    "PLACE_TYPES",
    "SCHEMA",
    "UNIT_KINDS",
    "AppliesTo",
    "Article",
    "Chapter",
    "ConductCode",
    "Definition",
    "Document",
    "Finding",
    "InvalidValue",
    "Issue",
    "LegalBasis",
    "LoadError",
    "PlaceType",
    "Problem",
    "QuytacError",
    "Rule",
    "RuleType",
    "Severity",
    "Text",
    "Unit",
    "UnitCatalog",
    "UnitKind",
    "UnitLevel",
    "UnitLookupError",
    "Workspace",
    "__version__",
    "dumps",
    "dumps_all",
    "example_path",
    "example_workspace",
    "format_path",
    "iter_load",
    "load",
    "load_all",
    "loads",
    "loads_all",
    "resolve_ref",
    "units_from_vietnam_provinces",
    "validate",
]


def example_path() -> str:
    """
    The folder of the bundled Hanoi example workspace.

    .. versionadded:: 2026.11.0
    """
    return str(resources.files("quytac") / "data")


def example_workspace() -> Workspace:
    """
    The bundled Hanoi example, loaded.

    .. versionadded:: 2026.11.0
    """
    return Workspace.load(example_path())


def __dir__() -> list[str]:
    return __all__
