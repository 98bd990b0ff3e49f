"""
Golden problems: each broken file in tests/data/invalid has its expected problems beside it.
"""

from pathlib import Path

import pytest

import quytac

INVALID = Path(__file__).parent / "data" / "invalid"
CASES = sorted(p for p in INVALID.iterdir() if p.suffix in {".yaml", ".json"})


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_every_problem_of_a_broken_file_is_reported(path, monkeypatch):
    """
    Loading the file raises LoadError with exactly the problems in NAME.expected.
    """
    monkeypatch.chdir(INVALID)
    expected = path.with_suffix(".expected").read_text(encoding="utf-8")

    with pytest.raises(quytac.LoadError) as info:
        quytac.load_all(path.name)

    assert expected == info.value.render() + "\n"


def test_every_golden_file_has_its_expectation():
    """
    No broken file without an .expected file, and no .expected file without its case.
    """
    expected = sorted(p.stem for p in INVALID.glob("*.expected"))

    assert sorted(p.stem for p in CASES) == expected
