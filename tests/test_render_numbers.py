"""
Numbers as people read them (quytac.render._numbers): a decimal comma and dots between
thousands in Vietnamese, the machine form in English, ``-`` for a number that is missing; and
every output for people uses it, while JSON keeps the machine form.
"""

import datetime as dt
import re
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import quytac
from quytac.render import explanation, html, markdown, scores, text
from quytac.render import json as render_json
from quytac.render._numbers import MISSING, format_number, percent_text, score_text
from quytac.render._ui import ui


@pytest.fixture(scope="module")
def synthesis():
    workspace = quytac.example_workspace()
    return workspace, quytac.synthesize(workspace, "hn-kt-qtux-2023", as_of=dt.date(2023, 8, 31))


class TestFormatNumber:
    @pytest.mark.parametrize(
        ("value", "vi", "en"),
        [
            (0, "0", "0"),
            (6, "6", "6"),
            (999, "999", "999"),
            (1000, "1.000", "1000"),
            (18265, "18.265", "18265"),
            (622000, "622.000", "622000"),
            (1234567, "1.234.567", "1234567"),
            (-1234, "-1.234", "-1234"),
            (Decimal("93.09"), "93,09", "93.09"),
            (Decimal("1234.5"), "1.234,5", "1234.5"),
            (Decimal("-1234.5"), "-1.234,5", "-1234.5"),
            (Decimal("-0.05"), "-0,05", "-0.05"),
            (Decimal("2.50"), "2,50", "2.50"),  # a Decimal keeps the digits it was given
            (Decimal("1E+3"), "1.000", "1000"),  # never an exponent
            (Decimal("1234567.125"), "1.234.567,125", "1234567.125"),
            (Fraction(175, 2), "87,5", "87.5"),
            (Fraction(-39, 2), "-19,5", "-19.5"),
            (Fraction(200, 3), "200/3", "200/3"),  # no finite decimal: the fraction
            (Fraction(10000, 3), "10.000/3", "10000/3"),
            (Fraction(12345, 1000), "12,345", "12.345"),
            ("87.5", "87,5", "87.5"),  # the decimal text of Score.shown()
            ("5792", "5.792", "5792"),
            (None, "-", "-"),
        ],
    )
    def test_every_form(self, value, vi, en):
        """
        Whole numbers, thousands, decimals, negatives, fractions, decimal text and a missing
        number, in each language.
        """
        assert (vi, en) == (format_number(value, "vi"), format_number(value, "en"))

    @pytest.mark.parametrize(
        ("percent", "vi", "en"),
        [
            (Fraction(26489, 300), "88,3", "88.3"),
            (Fraction(200, 3), "66,67", "66.67"),
            (Fraction(-100, 3), "-33,33", "-33.33"),
            (Fraction(-39, 2), "-19,5", "-19.5"),
            (Fraction(80), "80", "80"),
            (Fraction(999999, 10000), "100", "100"),
            (Fraction(1, 300), "0", "0"),
        ],
    )
    def test_percents_after_rounding(self, percent, vi, en):
        """
        A percent is rounded by the checklist's rule (two places, half up), then written.
        """
        shown = percent_text(percent)

        assert (vi, en) == (format_number(shown, "vi"), format_number(shown, "en"))

    def test_missing_is_a_dash_never_a_blank(self):
        """
        A missing figure reads as missing, never as 0 or as nothing.
        """
        assert ("-", "-") == (MISSING, format_number(None))

    @pytest.mark.parametrize("value", ["chưa có điểm", "1,5", "1.2.3", "", "1e3", " 1"])
    def test_a_text_that_is_not_a_number_is_refused(self, value):
        """
        Only the machine form is read: words, a number already written for people, an exponent.
        """
        with pytest.raises(ValueError, match="not a number: "):
            format_number(value)

    def test_a_boolean_is_not_a_number(self):
        with pytest.raises(TypeError, match="a number, not True"):
            format_number(True)


def _decimals():
    # Digits and a few places: a Decimal's own strategy reaches exponents of a million places.
    return st.builds(
        lambda digits, places: Decimal(digits).scaleb(-places),
        st.integers(-(10**18), 10**18),
        st.integers(0, 9),
    )


def _read_vi(shown):
    return shown.replace(".", "").replace(",", ".")


class TestProperties:
    @given(_decimals())
    def test_the_vietnamese_text_reads_back_as_the_same_decimal(self, value):
        """
        Dots dropped and the comma read as the point, the Vietnamese text is the number; its
        groups are of three digits; the English text is the number as it is.
        """
        shown = format_number(value, "vi")

        assert value == Decimal(_read_vi(shown))
        assert re.fullmatch(r"-?\d{1,3}(\.\d{3})*(,\d+)?", shown)
        assert value == Decimal(format_number(value, "en"))

    @given(st.fractions(max_denominator=10**6))
    def test_a_fraction_reads_back_as_the_same_fraction(self, value):
        """
        A fraction with a finite decimal is that decimal; one without is ``p/q``.
        """
        shown = _read_vi(format_number(value, "vi"))

        assert value == Fraction(shown)


class TestOutputs:
    def test_the_text_synthesis(self, synthesis):
        """
        The ranking's percents and the appendix's totals in Vietnamese form; a total that is
        missing shows ``-``.
        """
        workspace, syn = synthesis

        lines = text.synthesis(syn, "vi", workspace=workspace).splitlines()

        assert "   2  Sở Lao động - Thương binh và Xã hội  93,09  Tốt" in lines
        assert "Tờ rơi, tờ gấp phát hành                          622.000  tờ" in lines
        assert "Sổ tay, cẩm nang phát hành                              -  cuốn" in lines
        english = text.synthesis(syn, "en", workspace=workspace).splitlines()
        assert "   2  Sở Lao động - Thương binh và Xã hội  93.09  Good" in english

    def test_the_plain_table(self, synthesis):
        """
        The plain table's totals and roll-up in Vietnamese form.
        """
        _, syn = synthesis

        lines = text.plain(syn, "vi").splitlines()

        assert (
            lines[-1]
            == "Tổng hợp theo cấp: Thành phố Hà Nội: 84,03 (trung bình, điểm thẩm định, 3)"
        )
        assert "to_roi = 622.000, bang_quy_tac = 5.792" in lines[-10]
        english = text.plain(syn, "en").splitlines()
        assert "to_roi = 622000, bang_quy_tac = 5792" in english[-10]
        assert english[-1] == "Roll-up: Thành phố Hà Nội: 84.03 (mean, appraised, 3)"

    def test_markdown_and_html(self, synthesis):
        """
        The report's appendix: the totals in Vietnamese form, ``-`` where there is none.
        """
        workspace, syn = synthesis

        lines = markdown.synthesis(syn, workspace, "vi").splitlines()
        page = html.synthesis(syn, workspace, "vi")

        assert "| 3 | Tờ rơi, tờ gấp phát hành | tờ | 622.000 |  |" in lines
        assert "| 4 | Sổ tay, cẩm nang phát hành | cuốn | \\- |  |" in lines
        assert "| 2 | Sở Lao động - Thương binh và Xã hội | 93,09 | Tốt |" in lines
        assert '<td>tờ</td><td class="n">622.000</td>' in page
        assert '<td>cuốn</td><td class="n">-</td>' in page

    def test_json_keeps_the_machine_form(self, synthesis):
        """
        The JSON's numbers are the same text in every language.
        """
        _, syn = synthesis

        data = render_json.synthesis(syn, "vi")

        assert "622000" == data["summary"]["indicator_totals"]["to_roi"]
        assert "93.09" == data["ranking"][1]["percent"]
        assert "84.03" == data["roll_up"][0]["percent"]

    def test_scores_and_explanations(self):
        """
        A score's row and its explanation: percents and points in Vietnamese form; no score
        keeps its words.
        """
        workspace = quytac.example_workspace()
        record = workspace.get(quytac.InspectionRecord, "ktr-2023-so-ldtbxh")
        checklist = workspace.get(quytac.Checklist, "kt-co-quan-2023")
        result = quytac.score(checklist, record.answers)
        scored = scores.Scored("r.yaml", 4, record, "Sở", result, checklist.id, scores.SCORED)

        assert "93,09" == scores.row(scored, "vi")[4]
        assert "93.09" == scores.row(scored, "en")[4]
        assert "kt-co-quan-2023: 93,09 % (Tốt), 87,5/94 điểm, phạm vi 15/15" == (
            explanation.head(result.explain(), "vi")
        )
        unscored = quytac.score(checklist, {item.id: "na" for item in checklist.items})
        assert ("chưa có điểm", "no score") == (
            score_text(unscored, "vi"),
            score_text(unscored, "en"),
        )


class TestMessages:
    def test_counts_in_the_command_messages(self):
        """
        A count inside a message of the command is a number for people in Vietnamese
        (``1.234``); English keeps the plain digits.
        """
        counts = {"read": 1234, "scored": 1200, "with_errors": 34, "no_answers": 0}

        assert "đã đọc 1.234 hồ sơ: 1.200 đã chấm, 34 có lỗi, 0 không có câu trả lời" == ui(
            "cli.scored", "vi", **counts
        )
        assert "1234 records read: 1200 scored, 34 with errors, 0 without answers" == ui(
            "cli.scored", "en", **counts
        )
        assert "1.001 lỗi, 2.000 cảnh báo" == ui("cli.summary", "vi", errors=1001, warnings=2000)
