"""
Findings: how paths and messages are written, whatever the input holds.
"""

import datetime as dt
import importlib
import pickle
import pkgutil
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest

import quytac
from quytac import FrozenMap, _messages, errors, format_path
from quytac.render import json as render_json
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


CHECKLIST = """\
kind: Checklist
schema: quytac/v1
id: kt
title: Phiếu
scoring: {model: points}
sections:
  - id: I
    title: Mục I
    items:
      - {id: I.1, text: Điểm, points: 2, answer: {points: {step: 0.5}}}
"""


class TestParams:
    def test_a_bound_exceeded_carries_the_value_and_the_bound(self):
        """
        An answer over the item's maximum (QT453) carries the answer given and the maximum,
        as the exact number it is.
        """
        result = quytac.score(quytac.loads(CHECKLIST), {"I.1": "2.5"})

        [issue] = result.issues
        assert ("QT453", {"got": "2.5", "maximum": Decimal(2)}) == (issue.code, issue.params)
        assert Decimal is type(issue.params["maximum"])

    def test_a_reading_limit_carries_the_limit(self):
        """
        Nesting past the limit (QT006) carries the limit as a number.
        """
        with pytest.raises(quytac.LoadError) as info:
            quytac.loads("a: " + "[" * 65 + "]" * 65 + "\n")

        assert [("QT006", {"limit": 64})] == [(p.code, p.params) for p in info.value.problems]

    def test_an_unknown_key_carries_the_allowed_keys_and_the_nearest(self):
        """
        An unknown key (QT104) carries every key allowed there, in the format's order, and the
        one nearest to it.
        """
        with pytest.raises(quytac.LoadError) as info:
            quytac.loads(
                "kind: UnitCatalog\nschema: quytac/v1\nid: x\ntitle: t\n"
                "units:\n  - {code: '01', nmae: A, name: A, kind: thanh_pho_tw}\n"
            )

        [problem] = info.value.problems
        assert (
            "QT104",
            {
                "allowed": (
                    "code",
                    "name",
                    "kind",
                    "parent",
                    "place_type",
                    "valid_from",
                    "valid_to",
                    "successor",
                    "verified",
                ),
                "suggestion": "name",
            },
        ) == (problem.code, problem.params)
        assert tuple is type(problem.params["allowed"])

    def test_a_duplicate_key_carries_the_key_and_its_first_line(self):
        """
        A duplicate key (QT003) carries the key as text (not quoted) and the line it was first
        on, as a number.
        """
        with pytest.raises(quytac.LoadError) as info:
            quytac.loads("kind: UnitCatalog\nschema: quytac/v1\nid: x\nid: y\ntitle: t\n")

        [problem] = info.value.problems
        assert ("QT003", {"key": "id", "first": 3}) == (problem.code, problem.params)

    def test_the_vietnamese_words_are_not_parameters(self):
        """
        A document that is a list (QT009) says what it got in both languages; the data is
        the English.
        """
        with pytest.raises(quytac.LoadError) as info:
            quytac.loads("- a\n")

        assert [("QT009", {"got": "a list"})] == [(p.code, p.params) for p in info.value.problems]

    def test_params_are_immutable(self):
        """
        A finding's parameters cannot be changed in place.
        """
        with pytest.raises(quytac.LoadError) as info:
            quytac.loads("kind: UnitCatalog\nschema: quytac/v1\nid: x\nid: y\ntitle: t\n")

        with pytest.raises(TypeError):
            info.value.problems[0].params["first"] = 4  # type: ignore[index]

    def test_a_finding_built_without_params_has_none_and_equals_one_with_them(self):
        """
        ``params`` defaults to empty, and takes no part in equality or hashing: a finding
        built by hand equals the one quytac reports.
        """
        with pytest.raises(quytac.LoadError) as info:
            quytac.loads("kind: UnitCatalog\nschema: quytac/v1\nid: x\nid: y\ntitle: t\n")
        reported = info.value.problems[0]
        by_hand = quytac.Problem(
            code=reported.code,
            severity=reported.severity,
            path=reported.path,
            message=reported.message,
            message_vi=reported.message_vi,
            source=reported.source,
            line=reported.line,
            column=reported.column,
        )

        assert {} == by_hand.params
        assert reported == by_hand
        assert hash(reported) == hash(by_hand)

    def test_params_survive_pickling(self):
        """
        A finding sent from a worker process keeps its parameters.
        """
        with pytest.raises(quytac.LoadError) as info:
            quytac.loads("kind: UnitCatalog\nschema: quytac/v1\nid: x\nid: y\ntitle: t\n")

        again = pickle.loads(pickle.dumps(info.value.problems[0]))  # noqa: S301 - our own bytes

        assert {"key": "id", "first": 3} == again.params

    @pytest.mark.parametrize(
        ("given", "data"),
        [
            ("'kt'", "kt"),
            ('"it\'s"', "it's"),
            ("'a', 'b'", "'a', 'b'"),
            ("a list", "a list"),
            ("'x\\n'", "x\\n"),
            (3, 3),
            (Decimal("2.50"), Decimal("2.50")),
            ([1, "'a'"], (1, "a")),
            (None, None),
        ],
    )
    def test_plain_reads_a_quoted_text_back(self, given, data):
        """
        Reprs of texts, as messages quote ids and keys, become the texts; a list of them,
        numbers and other text stay as they are; text is escaped as in the message.
        """
        assert data == _messages.plain(given)

    def test_json_gives_the_params_with_exact_numbers_as_text(self):
        """
        In JSON, a finding's parameters keep their names; exact numbers are text, dates ISO,
        tuples lists; a finding without parameters has no ``params``.
        """
        found = quytac.Issue(
            code="QT999",
            severity=quytac.Severity.ERROR,
            path=(),
            message="m",
            message_vi="m",
            params=FrozenMap(
                {
                    "maximum": Decimal("2.50"),
                    "share": Fraction(200, 3),
                    "on": dt.date(2023, 7, 30),
                    "allowed": ("a", "b"),
                    "first": 3,
                    "got": None,
                }
            ),
        )

        assert {
            "maximum": "2.5",
            "share": "200/3",
            "on": "2023-07-30",
            "allowed": ["a", "b"],
            "first": 3,
            "got": None,
        } == render_json.finding(found)["params"]
        assert "params" not in render_json.finding(attrs.evolve(found, params=FrozenMap()))
