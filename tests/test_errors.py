"""
Findings: how paths and messages are written, whatever the input holds.
"""

import pytest

import quytac
from quytac import format_path


class TestPaths:
    @pytest.mark.parametrize(
        ("path", "text"),
        [
            ((), "(root)"),
            (("units", 3, "parent"), "units[3].parent"),
            (("answers", "I.1"), 'answers["I.1"]'),
            (("x", "tên"), 'x["tên"]'),
            ((0, "a"), "[0].a"),
        ],
    )
    def test_paths_read_as_a_person_writes_them(self, path, text):
        """
        Keys and indexes, with keys that are not plain words quoted.
        """
        assert text == format_path(path)

    def test_control_characters_in_keys_are_escaped(self):
        """
        A key cannot break the one-line format or colour the terminal.
        """
        assert '["\\u001b[31mRED"]["a\\nb"]' == format_path(("\x1b[31mRED", "a\nb"))

    def test_long_keys_are_cut(self):
        """
        A key of a thousand characters is shown by its first sixty.
        """
        assert f'["{"k" * 59}…"]' == format_path(("k" * 1000,))


class TestBoundedMessages:
    def test_a_long_value_is_quoted_in_bounded_form(self):
        """
        A megabyte of input never comes back in a message.
        """
        with pytest.raises(quytac.LoadError) as info:
            quytac.loads(
                "kind: UnitCatalog\nschema: quytac/v1\nid: " + "A" * 100_000 + "\ntitle: t\n"
            )

        [problem] = info.value.problems
        assert len(problem.message) < 300
        assert problem.message.endswith("…'")

    def test_long_numbers_are_not_parsed(self):
        """
        Five thousand digits are not a version: a number out of range, not Python's int()
        advice.
        """
        with pytest.raises(quytac.LoadError) as info:
            quytac.loads(
                "kind: UnitCatalog\nschema: quytac/v1\nid: a\ntitle: t\nversion: "
                + "9" * 5000
                + "\n"
            )

        [problem] = info.value.problems
        assert (
            "QT111",
            ("version",),
            f"'{'9' * 59}…' is out of range: a number has at most 30 digits before the point"
            " and 30 after it",
        ) == (problem.code, problem.path, problem.message)
