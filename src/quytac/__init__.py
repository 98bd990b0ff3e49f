"""
quytac: inspections of codes of conduct (quy tắc ứng xử) in Vietnamese city government.

Typed, immutable documents loaded from YAML, with their validation and scoring rules.
"""

from importlib import resources

from ._base import SCHEMA, Definition
from ._documents import Document, dumps, dumps_all, iter_load, load, load_all, loads, loads_all
from ._version import __version__
from ._vietnam_provinces import units_from_vietnam_provinces
from .checklists import (
    Answer,
    Answers,
    AnswerType,
    Band,
    Checklist,
    Choice,
    Choices,
    Count,
    CriticalPolicy,
    Example,
    Expectation,
    FreeText,
    Item,
    Model,
    PointsScale,
    Rounding,
    RoundingMode,
    ScoringPolicy,
    Section,
    Threshold,
    Unanswered,
    YesNo,
    ZeroScope,
)
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
from .conditions import AllOf, AnyOf, Condition, ItemCondition, Not
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
from .scoring import (
    Agreement,
    Coverage,
    Explanation,
    ItemAgreement,
    ItemResult,
    Score,
    ScoreError,
    SectionResult,
    Status,
    compare,
    round_percent,
    run_examples,
    score,
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
    "Agreement",
    "AllOf",
    "Answer",
    "AnswerType",
    "Answers",
    "AnyOf",
    "AppliesTo",
    "Article",
    "Band",
    "Chapter",
    "Checklist",
    "Choice",
    "Choices",
    "Condition",
    "ConductCode",
    "Count",
    "Coverage",
    "CriticalPolicy",
    "Definition",
    "Document",
    "Example",
    "Expectation",
    "Explanation",
    "Finding",
    "FreeText",
    "InvalidValue",
    "Issue",
    "Item",
    "ItemAgreement",
    "ItemCondition",
    "ItemResult",
    "LegalBasis",
    "LoadError",
    "Model",
    "Not",
    "PlaceType",
    "PointsScale",
    "Problem",
    "QuytacError",
    "Rounding",
    "RoundingMode",
    "Rule",
    "RuleType",
    "Score",
    "ScoreError",
    "ScoringPolicy",
    "Section",
    "SectionResult",
    "Severity",
    "Status",
    "Text",
    "Threshold",
    "Unanswered",
    "Unit",
    "UnitCatalog",
    "UnitKind",
    "UnitLevel",
    "UnitLookupError",
    "Workspace",
    "YesNo",
    "ZeroScope",
    "__version__",
    "compare",
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
    "round_percent",
    "run_examples",
    "score",
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
