"""
The pages about units and codes: their YAML examples load, and docs/errors.md documents every
QT2xx message with its severity.
"""

import re
from pathlib import Path

import pytest

import quytac
from quytac import _messages

DOCS = Path(__file__).parent.parent / "docs"


def yaml_documents(page: str) -> list[str]:
    text = (DOCS / page).read_text(encoding="utf-8")
    return [
        block for block in re.findall(r"```yaml\n(.*?)```", text, re.DOTALL) if "kind:" in block
    ]


class TestPages:
    @pytest.mark.parametrize("page", ["units.md", "codes.md"])
    def test_yaml_examples_load(self, page):
        """
        Each whole document shown on the page loads.
        """
        blocks = yaml_documents(page)

        assert 1 == len(blocks)
        for block in blocks:
            quytac.loads(block, source=page)

    def test_errors_page_shows_each_qt2xx_message_with_its_severity(self):
        """
        Each QT2xx section of docs/errors.md shows its message as ``severity code: ...``.
        """
        text = (DOCS / "errors.md").read_text(encoding="utf-8")
        codes = {code for code in _messages.CATALOG if code.startswith("QT2")}

        for code in codes:
            severity = _messages.CATALOG[code][0]
            assert f"`{severity} {code}: " in text
