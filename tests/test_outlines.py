"""
Report outlines: numbered sections, typed indicators, rules between indicators, the appendix.
"""

import datetime as dt
import textwrap
from decimal import Decimal

import pytest

import quytac
from _plans_data import OUTLINE, rendered, workspace
from quytac import CrossRule, Indicator, IndicatorType, Narrative, RuleOp, Text


def _outline(body):
    head = "kind: ReportOutline\nschema: quytac/v1\nid: dc\ntitle: Đề cương\n"
    return head + textwrap.dedent(body)


class TestSections:
    def test_sections_are_numbered_through_their_parents(self):
        """
        A section's full number joins the numbers of its parents and its own with dots.
        """
        outline = quytac.loads(OUTLINE)

        assert ["I", "II", "II.1", "II.2"] == [number for number, _, _ in outline.walk()]
        assert "Tuyên truyền" == outline.section("II.2").title.vi
        assert outline.section("III") is None
        assert outline.section("I").narrative == Narrative.REQUIRED

    def test_indicators_are_found_with_their_section(self):
        """
        Every indicator is known by id, with the number of the section that holds it.
        """
        outline = quytac.loads(OUTLINE)

        found = outline.indicators()

        assert ["van_ban", "to_roi", "bang", "ty_le", "hoi_thi"] == list(found)
        assert "II.2" == found["bang"][0]
        assert "bảng" == found["bang"][1].unit

    def test_round_trip(self):
        """
        An outline dumps to YAML that loads back equal.
        """
        outline = quytac.loads(OUTLINE)

        assert outline == quytac.loads(quytac.dumps(outline))


class TestIndicatorTypes:
    @pytest.mark.parametrize(
        ("type_", "value", "expected"),
        [
            ("integer", "51500", 51500),
            ("integer", "2.5", None),
            ("integer", True, None),
            ("decimal", "2.50", Decimal("2.50")),
            ("percent", 87, Decimal(87)),
            ("boolean", True, True),
            ("boolean", "true", None),
            ("date", "2023-07-29", dt.date(2023, 7, 29)),
            ("date", "2023-02-30", None),
            ("text", "Có", "Có"),
            ("text", " ", None),
        ],
    )
    def test_values_are_read_as_the_indicator_says(self, type_, value, expected):
        """
        A value stays as written until the outline's indicator types it; a value that is not of
        the type gives None.
        """
        indicator = Indicator(id="x", label=Text(vi="X"), type=IndicatorType(type_))

        assert expected == indicator.typed(value)

    def test_a_percent_lies_within_0_and_100(self):
        """
        A percent is bounded by 0..100 even when the outline gives wider bounds.
        """
        indicator = Indicator(
            id="x", label=Text(vi="X"), type=IndicatorType.PERCENT, max=Decimal(120)
        )

        assert (Decimal(0), Decimal(100)) == indicator.bounds()


class TestCrossRules:
    @pytest.mark.parametrize(
        ("written", "values", "expected"),
        [
            ({"le": ("a", "b")}, {"a": 2, "b": 2}, True),
            ({"lt": ("a", "b")}, {"a": 2, "b": 2}, False),
            ({"ge": ("a", "b")}, {"a": 1, "b": 2}, False),
            ({"gt": ("a", "b")}, {"a": 3, "b": 2}, True),
            ({"eq": ("a", "b")}, {"a": 2, "b": 2}, True),
            ({"sum_le": ("a", "b", "c")}, {"a": 1, "b": 2, "c": 3}, True),
            ({"sum_eq": ("a", "b", "c")}, {"a": 1, "b": 2, "c": 4}, False),
            ({"sum_ge": ("a", "b", "c")}, {"a": 1, "b": 2, "c": 4}, False),
            ({"le": ("a", "b")}, {"a": 2}, None),
            # 30 digits: Python's default context (28) would make the sum 1.000...E+29.
            (
                {"sum_eq": ("a", "b", "c")},
                {"a": 5 * 10**28 + 1, "b": 5 * 10**28 + 1, "c": 10**29 + 2},
                True,
            ),
        ],
    )
    def test_rules_compare_figures(self, written, values, expected):
        """
        Each comparison holds or not on the figures; a rule with a figure missing says None.
        """
        rule = CrossRule(message=Text(vi="m"), **written)

        assert expected == rule.holds({k: Decimal(v) for k, v in values.items()})

    def test_the_comparison_is_the_key_written(self):
        """
        The YAML key of a rule names its comparison.
        """
        outline = quytac.loads(OUTLINE)

        assert (outline.rules[0].op, outline.rules[0].operands) == (RuleOp.LE, ("bang", "to_roi"))


class TestAppendix:
    def test_the_appendix_lists_every_indicator_with_the_report_figures(self):
        """
        The appendix table numbers the indicators (STT) and fills in the figures and notes.
        """
        outline = quytac.loads(OUTLINE)

        rows = outline.appendix_rows({"bang": ("274", Text(vi="giữ nguyên"))})

        assert [1, 2, 3, 4, 5] == [row.stt for row in rows]
        assert ("bang", "bảng", "274", "giữ nguyên") == (
            rows[2].indicator,
            rows[2].unit,
            rows[2].value,
            str(rows[2].note),
        )
        assert rows[0].value is None

    def test_the_appendix_can_choose_and_order_indicators(self):
        """
        ``appendix:`` lists the indicators of the table, in its order.
        """
        outline = quytac.loads(OUTLINE + "appendix: [bang, van_ban]\n")

        assert ["bang", "van_ban"] == [row.indicator for row in outline.appendix_rows()]


class TestIssues:
    def test_a_well_formed_outline_has_no_issues(self, tmp_path):
        """
        The shared outline keeps every rule.
        """
        assert [] == rendered(workspace(tmp_path, plan="", catalog=""), tmp_path)

    def test_every_broken_rule_is_an_issue(self, tmp_path):
        """
        Duplicate numbers and ids, unknown or non-numeric indicators in rules and the appendix,
        bounds on text, min above max, and malformed rules are each reported at their place.
        """
        text = _outline("""\
            sections:
              - number: I
                title: A
                indicators:
                  - {id: a, label: A, min: 5, max: 1}
                  - {id: t, label: T, type: text, max: 3}
              - number: I
                title: B
                indicators:
                  - {id: a, label: A again}
            rules:
              - {le: [a, nope], message: m}
              - {ge: [a, t], message: m}
              - {le: [a, a], ge: [a, a], message: m}
              - {sum_le: [a], message: m}
              - {message: m}
            appendix: [zz]
            """)

        ws = workspace(tmp_path, outline=text, plan="", catalog="")

        assert [
            "outline.yaml:9:40: error QT305: sections[0].indicators[0].max: max 1 is less than"
            " min 5",
            "outline.yaml:10:9: error QT304: sections[0].indicators[1]: indicator 't' is of type"
            " text: only numbers can be bounded or compared",
            "outline.yaml:11:13: error QT301: sections[1].number: section number 'I' is used"
            " twice (first at sections[0])",
            "outline.yaml:14:14: error QT302: sections[1].indicators[0].id: indicator 'a' is"
            " defined twice (first at sections[0].indicators[0])",
            "outline.yaml:16:14: error QT303: rules[0].le[1]: there is no indicator 'nope' in"
            " this outline",
            "outline.yaml:17:14: error QT304: rules[1].ge[1]: indicator 't' is of type text:"
            " only numbers can be bounded or compared",
            "outline.yaml:18:5: error QT306: rules[2]: a rule needs exactly one comparison"
            " (le, lt, ge, gt, eq, sum_le, sum_eq, sum_ge), got: le, ge",
            "outline.yaml:19:14: error QT307: rules[3].sum_le: sum_le compares at least two"
            " indicators, got 1",
            "outline.yaml:20:5: error QT306: rules[4]: a rule needs exactly one comparison"
            " (le, lt, ge, gt, eq, sum_le, sum_eq, sum_ge), got: none",
            "outline.yaml:21:12: error QT303: appendix[0]: there is no indicator 'zz' in this"
            " outline",
        ] == rendered(ws, tmp_path)

    def test_an_unknown_indicator_type_is_a_problem(self):
        """
        An indicator type outside the vocabulary stops loading, naming the types.
        """
        text = _outline("""\
            sections:
              - number: I
                title: A
                indicators: [{id: a, label: A, type: money}]
            """)

        with pytest.raises(quytac.LoadError) as caught:
            quytac.loads(text, source="o.yaml")

        assert [
            "o.yaml:8:42: error QT108: sections[0].indicators[0].type: expected one of: integer,"
            " decimal, percent, boolean, date, text; got 'money'"
        ] == [str(p) for p in caught.value.problems]
