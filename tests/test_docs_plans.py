"""
The pages about plans, reports and the synthesis: their YAML examples load.
"""

import re
from pathlib import Path

import pytest

import quytac

DOCS = Path(__file__).parent.parent / "docs"


@pytest.mark.parametrize("page", ["plans.md", "reports.md"])
def test_yaml_examples_load(page):
    """
    Every YAML block of the page is a well-formed document of its kind.
    """
    text = (DOCS / page).read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", text, re.DOTALL)

    kinds = [type(quytac.loads(block, source=page)).kind for block in blocks]

    assert kinds
    assert all(kind in text for kind in kinds)
