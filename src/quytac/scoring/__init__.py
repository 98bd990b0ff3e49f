"""
Scoring a checklist's answers: exact percents, bands chosen on the exact value, critical items,
coverage, and an explanation of every point; agreement of a self-assessment with an appraisal;
golden examples.

Everything is exact: points are Decimals from the source text, sums are scaled integers, ratios
are Fractions; rounding happens only when a percent is shown.

The modules, bottom up: ``plan`` (a checklist compiled for scoring), ``compute`` (``score``,
``Score``), ``explain`` (the tree of an explanation, as data), ``agreement`` (``compare``) and
``examples`` (``run_examples``). Every public name is imported from here. They produce data;
``quytac.render`` writes it for people.
"""

from quytac.errors import ScoreError

from .agreement import Agreement, ItemAgreement, compare
from .compute import Coverage, Explanation, Score, round_percent, score
from .examples import _located_examples as _located_examples  # quytac test, the plugin
from .examples import run_examples
from .explain import ItemResult, SectionResult
from .plan import Plan, Status, plan_of
from .plan import _plain as _plain  # render/, synthesis

__all__ = [
    "Agreement",
    "Coverage",
    "Explanation",
    "ItemAgreement",
    "ItemResult",
    "Plan",
    "Score",
    "ScoreError",
    "SectionResult",
    "Status",
    "compare",
    "plan_of",
    "round_percent",
    "run_examples",
    "score",
]
