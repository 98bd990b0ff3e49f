"""
Checklists (phiếu kiểm tra): sections of items an inspector answers, the scoring policy that
turns the answers into a percent and a band, and golden examples.

The modules, bottom up: ``_answer_types`` (what kind of answer an item takes), ``_policy`` (how
a checklist is scored), ``_answers`` (answers keyed by item id), ``_examples`` (golden cases) and
``_checklist`` (items, sections, the checklist and its static queries). Every public name is
imported from here and shows this module as its own (``quytac.checklists.Checklist``), so the
API reference, reprs and pickles do not depend on the files the code is kept in.
"""

from __future__ import annotations

import inspect
import typing

from ._answer_types import (
    ANSWER_TYPES as ANSWER_TYPES,  # the converter, the schema
)
from ._answer_types import (
    AnswerType,
    Choice,
    Choices,
    Count,
    FreeText,
    PointsScale,
    Threshold,
    YesNo,
)
from ._answers import Answer, Answers
from ._answers import answer_text as answer_text  # scoring
from ._answers import answer_values as answer_values  # scoring
from ._checklist import Checklist, Item, Section
from ._checklist import Path as Path  # validation
from ._checklist import reachable as reachable  # validation
from ._checklist import targets as targets  # validation
from ._examples import Example, Expectation
from ._policy import MISSING as MISSING  # scoring
from ._policy import NA as NA  # scoring
from ._policy import NOT_OBSERVED as NOT_OBSERVED  # scoring
from ._policy import (
    Band,
    CriticalPolicy,
    Model,
    Rounding,
    RoundingMode,
    ScoringPolicy,
    Unanswered,
    ZeroScope,
)
from ._policy import band_hint as band_hint  # scoring

__all__ = [
    "Answer",
    "AnswerType",
    "Answers",
    "Band",
    "Checklist",
    "Choice",
    "Choices",
    "Count",
    "CriticalPolicy",
    "Example",
    "Expectation",
    "FreeText",
    "Item",
    "Model",
    "PointsScale",
    "Rounding",
    "RoundingMode",
    "ScoringPolicy",
    "Section",
    "Threshold",
    "Unanswered",
    "YesNo",
    "ZeroScope",
]


def _shown_here(*classes: type) -> None:
    """
    Make each class show this module as its own.

    Its annotations are evaluated first, in the module they are written in: ``get_type_hints``
    (cattrs, the schema) evaluates a class's annotations in the module the class names.
    """
    for cls in classes:
        own = inspect.get_annotations(cls)
        if own:
            hints = typing.get_type_hints(cls, include_extras=True)
            cls.__annotations__ = {name: hints[name] for name in own}
        cls.__module__ = __name__


_shown_here(
    *(
        value
        for name, value in list(globals().items())
        if isinstance(value, type) and name in __all__
    )
)
