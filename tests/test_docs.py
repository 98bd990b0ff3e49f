"""
The documentation keeps step with the code: every code documented, every snippet true.
"""

import re
import runpy
from pathlib import Path

import pytest

import quytac
from quytac import strategies
from quytac._messages import CATALOG

DOCS = Path(__file__).parent.parent / "docs"
ERRORS = (DOCS / "errors.md").read_text(encoding="utf-8")
SECTIONS = dict(
    re.findall(r"^### (QT\d{3}): .*?\n(.*?)(?=^##|\Z)", ERRORS, re.DOTALL | re.MULTILINE)
)
# Codes whose cause cannot be written in a snippet: bytes that are not UTF-8, limits of size
# and depth, files that cannot be read, calls of the Python API, workspaces of several files,
# and QT110, the code of a failure that has no code of its own (none is known).
WITHOUT_SNIPPETS = {
    # QT001, a YAML syntax error of a kind no code names (none is known: test_reading checks
    # each kind), and QT034, a tab, which a snippet cannot show.
    "QT001",
    "QT034",
    "QT016",
    "QT002",
    "QT006",
    "QT007",
    "QT010",
    "QT011",
    "QT012",
    "QT013",
    "QT014",
    "QT110",
    # Entries of a folder that are not files: a link that leads nowhere, a pipe or a device.
    "QT112",
    "QT113",
    # Issues of an article reference, found by quytac.resolve_ref for the documents that cite.
    "QT230",
    "QT231",
    "QT232",
    "QT233",
}


def findings(text):
    """
    Every problem of a snippet, or every issue of its documents in a workspace.
    """
    try:
        documents = quytac.loads_all(text, source="snippet.yaml")
        workspace = quytac.Workspace.of(*documents)
    except quytac.LoadError as error:
        return error.problems
    return workspace.validate()


def snippets(code):
    return re.findall(r"```yaml\n(.*?)```", SECTIONS.get(code, ""), re.DOTALL)


def test_every_code_is_documented():
    """
    Each code of the catalog has a section in docs/errors.md, and each section a code.
    """
    assert sorted(CATALOG) == sorted(SECTIONS)


def test_every_code_has_both_languages():
    """
    English and Vietnamese messages exist for every code.
    """
    assert [] == [code for code, (_, en, vi) in CATALOG.items() if not en.strip() or not vi.strip()]


@pytest.mark.parametrize("code", sorted(set(CATALOG) - WITHOUT_SNIPPETS))
def test_the_broken_snippet_gives_its_code_and_the_fix_does_not(code):
    """
    The first YAML block of a section gives the code; the second (the fix) does not.
    """
    blocks = snippets(code)

    assert 2 <= len(blocks), f"{code} needs a broken and a fixed snippet"
    assert code in {f.code for f in findings(blocks[0])}
    assert code not in {f.code for f in findings(blocks[1])}


def test_every_public_name_is_in_the_api_reference():
    """
    docs/api.md lists every name of quytac.__all__ and of quytac.strategies.__all__.
    """
    text = (Path(__file__).parent.parent / "docs" / "api.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^- `(?:quytac\.strategies\.)?([A-Za-z_]+)`", text, re.MULTILINE))

    assert set() == (set(quytac.__all__) | set(strategies.__all__)) - listed


def test_the_api_reference_is_what_the_code_says():
    """
    docs/api.md is written from the docstrings by tools/api_reference.py, and kept current.
    """
    tool = runpy.run_path(str(DOCS.parent / "tools" / "api_reference.py"))

    assert tool["render"]() == (DOCS / "api.md").read_text(encoding="utf-8")
    assert 0 == tool["main"](["--check"])


def test_tutorial_yaml_blocks_load():
    """
    Every YAML block of the tutorial loads as a checklist; the complete one (the last)
    validates with no issue and its examples pass.
    """
    text = (Path(__file__).parent.parent / "docs" / "tutorial.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", text, re.DOTALL)

    assert len(blocks) == 2
    checklists = [quytac.loads(block, source="tutorial.md") for block in blocks]
    assert all(isinstance(checklist, quytac.Checklist) for checklist in checklists)
    assert () == quytac.Workspace.of(checklists[-1]).validate()
    assert [] == list(quytac.run_examples(checklists[-1]))


def test_glossary_names_every_unit_kind():
    """
    docs/glossary.md gives every built-in unit kind id.
    """
    text = (Path(__file__).parent.parent / "docs" / "glossary.md").read_text(encoding="utf-8")

    assert [] == [kind for kind in quytac.UNIT_KINDS if f"`{kind}`" not in text]
