"""
Findings: how paths and messages are written, whatever the input holds.
"""

import importlib
import pkgutil

import pytest

import quytac
from quytac import errors, format_path
from quytac.units import UnitLookupError


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


def _public_exceptions():
    """
    Every exception class a public module of quytac offers: in ``__all__``, or a public name.
    """
    found = {}
    for info in pkgutil.walk_packages(quytac.__path__, "quytac."):
        if any(part.startswith("_") for part in info.name.split(".")) or info.name in {
            "quytac.pytest_plugin",
            "quytac.strategies",
        }:
            continue
        module = importlib.import_module(info.name)
        for name in getattr(module, "__all__", ()):
            value = getattr(module, name)
            if isinstance(value, type) and issubclass(value, BaseException):
                found[f"{info.name}.{name}"] = value
    return found


class TestExceptionHomes:
    def test_every_public_exception_is_defined_in_errors_under_quytac_error(self):
        """
        Whichever public module offers an exception, it is defined in ``quytac.errors`` and
        derives from ``QuytacError``.
        """
        exceptions = _public_exceptions()

        assert {"quytac.units.UnitLookupError", "quytac.scoring.ScoreError"} <= set(exceptions)
        assert {} == {
            where: (cls.__module__, cls.__mro__[1:])
            for where, cls in exceptions.items()
            if cls.__module__ != "quytac.errors" or not issubclass(cls, quytac.QuytacError)
        }

    @pytest.mark.parametrize(
        ("module", "name"),
        [
            ("quytac.units", "UnitLookupError"),
            ("quytac.scoring", "ScoreError"),
            ("quytac.synthesis", "SynthesisError"),
            ("quytac", "UnitLookupError"),
            ("quytac", "ScoreError"),
            ("quytac", "SynthesisError"),
        ],
    )
    def test_the_old_import_paths_give_the_same_class(self, module, name):
        """
        ``from quytac.units import UnitLookupError`` still works, and is the class of errors.
        """
        assert getattr(errors, name) is getattr(importlib.import_module(module), name)

    def test_an_old_except_clause_catches_the_error(self):
        """
        Code that catches ``quytac.units.UnitLookupError`` catches what quytac raises.
        """
        catalog = quytac.loads(
            "kind: UnitCatalog\nschema: quytac/v1\nid: x\ntitle: t\n"
            "units:\n  - {code: '01', name: A, kind: thanh_pho_tw}\n"
        )

        with pytest.raises(UnitLookupError) as info:
            catalog.ancestors("99")

        assert isinstance(info.value, errors.UnitLookupError)
