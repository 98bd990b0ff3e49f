"""
The strict converter: no silent coercion, every problem collected, paths in YAML keys.
"""

import datetime as dt
from decimal import Decimal

import attrs
import pytest

from quytac import _converter
from quytac._checks import not_negative
from quytac._nearest import Hint
from quytac.checklists import Answer, Answers
from quytac.text import Text


@attrs.frozen(kw_only=True)
class Item:
    """
    A small model with each scalar type, for the tests.
    """

    name: str
    count: int = 0
    points: Decimal = Decimal(0)
    flag: bool = False
    day: dt.date | None = None
    tags: tuple[str, ...] = ()
    label: Text | None = None
    weight: Decimal = attrs.field(default=Decimal(1), validator=not_negative)
    cutoff: Decimal = attrs.field(default=Decimal(0), validator=not_negative)
    word_in: str | None = attrs.field(default=None, metadata={"yaml": "in"})


#: The keys of Item, in its order.
ALLOWED = ("name", "count", "points", "flag", "day", "tags", "label", "weight", "cutoff", "in")


def problems(data, cl=Item):
    with pytest.raises(_converter.StructureFailed) as info:
        _converter.structure(data, cl)
    return [(p.code, p.path, dict(p.params)) for p in info.value.problems]


class TestScalars:
    def test_numbers_are_typed_exactly_from_their_text(self):
        """
        Text becomes int and Decimal where the model says so; 1.10 keeps its digits.
        """
        item = _converter.structure({"name": "a", "count": "007", "points": "1.10"}, Item)

        assert 7 == item.count
        assert "1.10" == str(item.points)

    def test_null_is_not_the_text_none(self):
        """
        cattrs would make "None" of a null; quytac reports it.
        """
        assert [
            (
                "QT105",
                ("name",),
                {"expected": "text", "expected_vi": "văn bản", "got": "null", "got_vi": "null"},
            )
        ] == (problems({"name": None}))

    def test_a_decimal_is_not_a_whole_number(self):
        """
        3.9 is not silently 3.
        """
        assert [
            (
                "QT105",
                ("count",),
                {
                    "expected": "a whole number",
                    "expected_vi": "một số nguyên",
                    "got": "'3.9'",
                    "got_vi": "'3.9'",
                },
            )
        ] == problems({"name": "a", "count": "3.9"})

    def test_text_is_not_a_boolean(self):
        """
        "no" is not silently True.
        """
        assert ["QT105"] == [code for code, _, _ in problems({"name": "a", "flag": "no"})]

    def test_a_string_is_not_a_list(self):
        """
        `tags: abc` is not ('a', 'b', 'c').
        """
        assert [
            (
                "QT105",
                ("tags",),
                {
                    "expected": "a list",
                    "expected_vi": "một danh sách",
                    "got": "'abc'",
                    "got_vi": "'abc'",
                },
            )
        ] == (problems({"name": "a", "tags": "abc"}))

    def test_a_mapping_is_not_a_list(self):
        """
        A mapping is not the list of its keys.
        """
        assert ["QT105"] == [code for code, _, _ in problems({"name": "a", "tags": {"x": "y"}})]

    def test_a_float_is_not_an_exact_number(self):
        """
        Python floats are refused where exact points are expected.
        """
        assert ["QT105"] == [code for code, _, _ in problems({"name": "a", "points": 2.5})]

    @pytest.mark.parametrize("value", ["NaN", "Infinity", "-inf", "1,5", "2.5.1", ""])
    def test_text_that_is_not_a_number(self, value):
        """
        Only finite decimal numbers are numbers.
        """
        assert ["QT105"] == [code for code, _, _ in problems({"name": "a", "points": value})]

    @pytest.mark.parametrize(
        ("key", "value"),
        [
            ("points", "1e999999999"),
            ("points", "1e30"),
            ("points", "-1e30"),
            ("points", "0.0000000000000000000000000000001"),
            ("points", "1" * 31),
            ("points", "1." + "0" * 79),
            ("count", "1" * 31),
            ("count", 10**30),
            ("count", "-" + "9" * 31),
        ],
    )
    def test_a_number_out_of_range_is_its_own_problem(self, key, value):
        """
        More than 30 digits before the point or after it: exact arithmetic on it would take
        minutes or overflow (1e999999999), and no inspection needs it.
        """
        text = str(value)
        got = repr(text if len(text) <= 60 else text[:59] + "…")

        assert [("QT111", (key,), {"got": got, "digits": "30"})] == problems(
            {"name": "a", key: value}
        )

    @pytest.mark.parametrize(
        ("key", "value", "expected"),
        [
            ("points", "9" * 30, Decimal("9" * 30)),
            ("points", "1e29", Decimal("1e29")),
            ("points", "1e-30", Decimal("1e-30")),
            ("points", "0." + "0" * 29 + "1", Decimal("1e-30")),
            ("points", "0e999999999", Decimal(0)),
            ("count", "9" * 30, int("9" * 30)),
            ("count", "-" + "9" * 30, -int("9" * 30)),
        ],
    )
    def test_numbers_up_to_30_digits_each_side_are_numbers(self, key, value, expected):
        item = _converter.structure({"name": "a", key: value}, Item)

        assert expected == getattr(item, key)

    def test_dates(self):
        """
        An ISO date becomes a date; anything else is QT107.
        """
        item = _converter.structure({"name": "a", "day": "2023-07-30"}, Item)

        assert dt.date(2023, 7, 30) == item.day
        assert [("QT107", ("day",), {"got": "'2023-7-30'", "got_vi": "'2023-7-30'"})] == problems(
            {"name": "a", "day": "2023-7-30"}
        )

    def test_text_as_a_string_or_a_mapping(self):
        """
        A Text is a string (Vietnamese) or {vi, en}.
        """
        short = _converter.structure({"name": "a", "label": "Tốt"}, Item)
        both = _converter.structure({"name": "a", "label": {"vi": "Tốt", "en": "Good"}}, Item)

        assert Text(vi="Tốt") == short.label
        assert Text(vi="Tốt", en="Good") == both.label

    def test_a_python_keyword_key(self):
        """
        A field named for a Python keyword reads its YAML key from metadata.
        """
        item = _converter.structure({"name": "a", "in": "x"}, Item)

        assert "x" == item.word_in
        assert {"name": "a", "in": "x"} == _converter.unstructure(item)


class TestCollectingEverything:
    def test_every_problem_of_a_mapping_is_collected(self):
        """
        Type problems, unknown keys, missing keys and validators: all at once.
        """
        found = problems({"count": "x", "weight": "-1", "colour": "red", "cutoff": "-2"})

        assert [
            ("QT103", ("name",), {}),
            (
                "QT105",
                ("count",),
                {
                    "expected": "a whole number",
                    "expected_vi": "một số nguyên",
                    "got": "'x'",
                    "got_vi": "'x'",
                },
            ),
            (
                "QT104",
                ("colour",),
                {
                    "hint": Hint(
                        None,
                        ALLOWED,
                        "name, count, points, flag, day, tags, label, weight, cutoff, in",
                    )
                },
            ),
            (
                "QT106",
                ("weight",),
                {
                    "detail": "must be at least 0, got -1",
                    "detail_vi": "không được âm, nhận được -1",
                },
            ),
            (
                "QT106",
                ("cutoff",),
                {
                    "detail": "must be at least 0, got -2",
                    "detail_vi": "không được âm, nhận được -2",
                },
            ),
        ] == found

    def test_validators_do_not_hide_each_other(self):
        """
        attrs stops at the first failing validator; quytac reports them all.
        """
        found = problems({"name": "a", "weight": "-1", "cutoff": "-2"})

        assert [("weight",), ("cutoff",)] == [path for _, path, _ in found]

    def test_problems_in_lists_carry_the_index(self):
        """
        A problem in a list names its index.
        """

        @attrs.frozen(kw_only=True)
        class Box:
            items: tuple[Item, ...]

        found = problems({"items": [{"name": "a"}, {"name": "b", "count": "x"}, "c"]}, Box)

        assert [("items", 1, "count"), ("items", 2)] == [path for _, path, _ in found]


class TestAnswerFastPath:
    USUAL = (
        {"value": "2"},
        {"value": "pass", "note": "Đã kiểm tra hồ sơ"},
        {"value": "na", "evidence": ["a.pdf", "b.pdf"]},
        {"value": "day_du", "note": "ảnh", "evidence": []},
    )

    @pytest.mark.parametrize(
        "value",
        [
            {"value": "2"},
            {"value": "pass", "note": "Đã kiểm tra hồ sơ"},
            {"value": "na", "evidence": ["a.pdf", "b.pdf"]},
            {"value": "day_du", "note": "ảnh", "evidence": []},
            {"value": "1", "note": None},
            {"value": "1", "note": " "},
            {"value": "1", "note": {"vi": "ảnh", "en": "photo"}},
            {"value": "1", "evidence": "a.pdf"},
            {"value": "1", "evidence": [1]},
            {"value": 1},
            {"note": "x"},
            {"value": "1", "extra": "x"},
        ],
    )
    def test_the_fast_path_builds_what_the_general_path_builds(self, value):
        """
        The usual answer mappings take a fast path that gives the same Answer as the general
        path; anything else is left to the general path (and its problems).
        """
        general = _converter._attrs_structure(Answer, _converter.converter())
        try:
            expected = general(value, Answer)
        except Exception:  # noqa: BLE001 - whatever the general path rejects
            expected = None
        fast = _converter._plain_answer(value)

        assert fast is None or expected == fast
        if set(value) <= {"value", "note", "evidence"} and value in self.USUAL:
            assert fast is not None
        if expected is None:
            with pytest.raises(Exception):  # noqa: B017 - a cattrs exception group
                _converter.converter().structure({"I.1": value}, Answers)

    def test_plain_answers_are_shared(self):
        """
        Answers are immutable, so two equal plain answers are one object.
        """
        answers = _converter.converter().structure({"I.1": "pass", "I.2": "pass"}, Answers)

        assert answers.entries[0][1] is answers.entries[1][1]
