"""
Shared test settings: Hypothesis profiles (a fast default, a thorough ``ci``), and the
``property`` mark on every property test, so ``pytest -m property`` (or ``-m "not property"``)
selects them.
"""

import os

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("default", max_examples=40, deadline=None)
settings.register_profile("fast", max_examples=10, deadline=None)
settings.register_profile(
    "ci",
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE", "fast" if os.environ.get("FAST") else "default")
)


def pytest_collection_modifyitems(items):
    """
    Mark the tests Hypothesis runs (``@given``) as property tests; the tests that draw with
    Hypothesis inside their body (``find``, ``check_scoring_laws``) carry the mark themselves.
    """
    for item in items:
        if getattr(getattr(item, "obj", None), "is_hypothesis_test", False):
            item.add_marker(pytest.mark.property)
