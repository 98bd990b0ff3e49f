"""
quytac: inspections of codes of conduct (quy tắc ứng xử) in Vietnamese city government.

Typed, immutable documents loaded from YAML, with their validation and scoring rules.
"""

import sys as _sys
import typing as _typing

from . import _deprecated
from ._base import SCHEMA, Definition
from ._bundled import example_path
from ._documents import Document, dumps_all, iter_load, load, load_all, loads, loads_all
from ._embedding import dumps, structure, unstructure
from ._mapping import FrozenMap
from ._version import __version__
from ._vietnam_provinces import units_from_vietnam_provinces
from .batch import iter_scores, score_records
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
)
from .collation import vietnamese_key
from .conditions import AllOf, AnyOf, Condition, ItemCondition, NotCondition, UnmetCondition
from .errors import (
    Finding,
    InvalidValue,
    Issue,
    LoadError,
    Problem,
    QuytacError,
    Severity,
    fold,
    format_path,
)
from .fingerprints import fingerprint
from .outlines import (
    AppendixRow,
    CrossRule,
    Indicator,
    IndicatorType,
    Narrative,
    OutlineSection,
    ReportOutline,
    RuleOp,
)
from .plans import (
    Assignment,
    DirectPart,
    Form,
    IndirectPart,
    InspectionPlan,
    ModelPointType,
    Period,
    RollUpPolicy,
    RollUpScores,
    Scope,
)
from .records import (
    Figure,
    InspectionFindings,
    InspectionRecord,
    ModelPoint,
    Pin,
    Report,
    ReportSection,
    SelfAssessment,
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
from .synthesis import (
    FoundLimitation,
    FoundModelPoint,
    OutsideDocument,
    RankedUnit,
    RollUp,
    Synthesis,
    SynthesisError,
    UnitResult,
    UnitStatus,
    synthesize,
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
from .validation.codes import resolve_ref
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
    "AppendixRow",
    "AppliesTo",
    "Article",
    "Assignment",
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
    "CrossRule",
    "Definition",
    "DirectPart",
    "Document",
    "Example",
    "Expectation",
    "Explanation",
    "Figure",
    "Finding",
    "Form",
    "FoundLimitation",
    "FoundModelPoint",
    "FreeText",
    "FrozenMap",
    "Indicator",
    "IndicatorType",
    "IndirectPart",
    "InspectionFindings",
    "InspectionPlan",
    "InspectionRecord",
    "InvalidValue",
    "Issue",
    "Item",
    "ItemAgreement",
    "ItemCondition",
    "ItemResult",
    "LegalBasis",
    "LoadError",
    "Model",
    "ModelPoint",
    "ModelPointType",
    "Narrative",
    "NotCondition",
    "OutlineSection",
    "OutsideDocument",
    "Period",
    "Pin",
    "PlaceType",
    "PointsScale",
    "Problem",
    "QuytacError",
    "RankedUnit",
    "Report",
    "ReportOutline",
    "ReportSection",
    "RollUp",
    "RollUpPolicy",
    "RollUpScores",
    "Rounding",
    "RoundingMode",
    "Rule",
    "RuleOp",
    "RuleType",
    "Scope",
    "Score",
    "ScoreError",
    "ScoringPolicy",
    "Section",
    "SectionResult",
    "SelfAssessment",
    "Severity",
    "Status",
    "Synthesis",
    "SynthesisError",
    "Text",
    "Threshold",
    "Unanswered",
    "Unit",
    "UnitCatalog",
    "UnitKind",
    "UnitLevel",
    "UnitLookupError",
    "UnitResult",
    "UnitStatus",
    "UnmetCondition",
    "Workspace",
    "YesNo",
    "ZeroScope",
    "__version__",
    "compare",
    "dumps",
    "dumps_all",
    "example_path",
    "example_workspace",
    "fingerprint",
    "fold",
    "format_path",
    "iter_load",
    "iter_scores",
    "load",
    "load_all",
    "loads",
    "loads_all",
    "resolve_ref",
    "round_percent",
    "run_examples",
    "score",
    "score_records",
    "structure",
    "synthesize",
    "units_from_vietnam_provinces",
    "unstructure",
    "validate",
    "vietnamese_key",
]


def example_workspace() -> Workspace:
    """
    The bundled Hanoi example, loaded.

    .. versionadded:: 2026.11.0
    """
    return Workspace.load(example_path())


def __dir__() -> list[str]:
    return __all__


if "hypothesis" in _sys.modules:  # Hypothesis came first: its plugin hook found no quytac yet
    import _quytac_hypothesis

    _quytac_hypothesis.register()
#: Old public names, kept for one release (old -> new); docs/decisions.md has the plan.
_RENAMED = {"Findings": "InspectionFindings", "Not": "NotCondition"}

__getattr__ = _deprecated.renamed(globals(), _RENAMED)

if _typing.TYPE_CHECKING:
    Findings = InspectionFindings  # deprecated: the type checker sees the old name as the new class
    Not = NotCondition  # deprecated: the type checker sees the old name as the new class
