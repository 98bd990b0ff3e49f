"""
Editions that no longer hold: a copy of the bundled example whose checklist was edited in
place, and records pinned to another version or checklist.
"""

import shutil
from pathlib import Path

import quytac

DATA = Path(quytac.example_path())

#: An item's text of the bundled checklist, and the same item reworded.
ITEM_TEXT = "text: Có kế hoạch, văn bản triển khai thực hiện hai quy tắc ứng xử"
REWORDED = "text: Có kế hoạch triển khai thực hiện hai quy tắc ứng xử"


def example(tmp_path, name="data"):
    """
    A copy of the bundled example, to break.
    """
    target = tmp_path / name
    shutil.copytree(DATA, target)
    return target


def edited_example(tmp_path, name="data"):
    """
    A copy of the bundled example whose checklist has one item reworded and keeps its
    version, so that no pin of its records and reports holds (their fingerprints differ).
    """
    target = example(tmp_path, name)
    path = target / "checklist-co-quan-2023.yaml"
    text = path.read_text(encoding="utf-8")
    assert 1 == text.count(ITEM_TEXT)
    path.write_text(text.replace(ITEM_TEXT, REWORDED), encoding="utf-8")
    return target


def repin(path, old, new, count=1):
    """
    Replace the text of a pin in a file of records (``count`` times, exactly).
    """
    text = path.read_text(encoding="utf-8")
    assert count == text.count(old), (old, text.count(old))
    path.write_text(text.replace(old, new), encoding="utf-8")
