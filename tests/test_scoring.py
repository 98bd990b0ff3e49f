"""
Scoring: the four models, bands on the exact value, critical items, "no score", answers that do
not fit, explanations, agreement, golden examples, and the laws every score obeys.
"""

from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import quytac
from _strategies_checklists import (
    checklist_from,
    checklists,
    policies,
    scored,
    yaml_items,
)
from quytac import (
    Checklist,
    Choices,
    Count,
    Item,
    Model,
    PointsScale,
    Rounding,
    RoundingMode,
    Section,
    YesNo,
    compare,
    round_percent,
    score,
    strategies,
)
from quytac.render.explanation import reason, text

BANDS = """
  bands:
  - {id: tot, label: Tốt, min: 85}
  - {id: kha, label: Khá, min: 70}
  - {id: trung_binh, label: Trung bình, min: 50}
  - {id: yeu, label: Yếu, min: 0}
"""

#: The checklist of DESIGN.md §2.
DESIGN = checklist_from(
    """
scoring:
  model: points
  critical: {cap_band: trung_binh}
"""
    + BANDS
    + """
sections:
- id: I
  title: Công tác lãnh đạo, chỉ đạo
  items:
  - {id: I.1, text: Có văn bản triển khai, answer: yes_no, points: 10, critical: true}
  - {id: I.2, text: Số văn bản chỉ đạo, answer: {count: {full_at: 5}}, points: 5}
  - id: I.3
    text: Mức độ niêm yết
    answer: {choices: [{id: day_du, label: Đầy đủ, points: 5},
                       {id: mot_phan, label: Một phần, points: 2.5},
                       {id: khong, label: Không niêm yết, points: 0}]}
    points: 5
  - id: I.4
    text: Bảng niêm yết đặt nơi dễ quan sát
    when: {item: I.3, in: [day_du, mot_phan]}
    answer: {points: {step: 0.5}}
    points: 2
"""
)

#: Two sections with different weights and a subsection: the models disagree on it.
TREE = checklist_from(
    """
scoring:
  model: weighted
"""
    + BANDS
    + """
sections:
- id: A
  title: Lãnh đạo
  weight: 3
  items:
  - {id: a1, text: Có kế hoạch, points: 2}
  - {id: a2, text: Có báo cáo, points: 2}
- id: B
  title: Niêm yết
  weight: 1
  items:
  - {id: b1, text: Mức độ, answer: {points: {step: 1}}, points: 4}
  sections:
  - id: B.1
    title: Bảng
    items:
    - {id: b2, text: Có bảng, points: 1}
"""
)
TREE_ANSWERS = {"a1": "pass", "a2": "fail", "b1": 3, "b2": "pass"}


def with_model(checklist: Checklist, model: str) -> Checklist:
    return attrs.evolve(checklist, scoring=attrs.evolve(checklist.scoring, model=Model(model)))


def rendered(found) -> list[str]:
    return [str(issue) for issue in found]


class TestPointsModel:
    def test_design_example(self):
        """
        points: 100 × Σ awarded / Σ maximum; a count scales up to full_at (3 of 5 gives 3);
        (10 + 3 + 2.5 + 1.5) / 22 = 17/22 -> 850/11 %, Khá.
        """
        result = score(DESIGN, {"I.1": "pass", "I.2": 3, "I.3": "mot_phan", "I.4": "1.5"})

        assert Fraction(850, 11) == result.percent
        assert (Fraction(17), Fraction(22)) == (result.awarded, result.maximum)
        assert "kha" == result.band.id
        assert "77.27" == result.shown()

    def test_skipped_item_is_out_of_the_denominator(self):
        """
        I.4 applies only when the code is posted: with khong it is skipped, 10 + 5 + 0 of 20.
        """
        result = score(DESIGN, {"I.1": "pass", "I.2": 9, "I.3": "khong"})

        assert Fraction(75) == result.percent
        assert "3/3" == str(result.coverage)

    def test_section_weights_play_no_part(self):
        """
        The tree under the points model: 6 of 9 points, whatever the section weights.
        """
        result = score(with_model(TREE, "points"), TREE_ANSWERS)

        assert Fraction(200, 3) == result.percent
        assert "66.67" == result.shown()
        assert "trung_binh" == result.band.id


class TestWeightedModel:
    def test_weighted_means_of_sections(self):
        """
        A = (2·1 + 2·0) / 4 = 1/2; B = (4 · 3/4 + 1 · 1) / 5 = 4/5 (B.1 weighs 1);
        the checklist = (3 · 1/2 + 1 · 4/5) / 4 = 23/40 -> 57.5 %.
        """
        result = score(TREE, TREE_ANSWERS)

        assert Fraction(115, 2) == result.percent
        assert (Fraction(6), Fraction(9)) == (result.awarded, result.maximum)

    def test_a_section_with_nothing_counted_drops_out(self):
        """
        With every item of A not applicable, the checklist scores B alone: 4/5.
        """
        result = score(TREE, {**TREE_ANSWERS, "a1": "na", "a2": "na"})

        assert Fraction(80) == result.percent

    def test_a_section_weighing_zero_drops_out(self):
        """
        A section of weight 0 takes no part (OpenSCAP would score it 0 %).
        """
        zero_a = attrs.evolve(
            TREE, sections=(attrs.evolve(TREE.sections[0], weight=Decimal(0)), TREE.sections[1])
        )

        assert Fraction(80) == score(zero_a, TREE_ANSWERS).percent

    def test_every_weight_zero_is_no_score(self):
        """
        When every section weighs 0 there is nothing to average: no score, not 0.
        """
        sections = tuple(attrs.evolve(s, weight=Decimal(0)) for s in TREE.sections)

        result = score(attrs.evolve(TREE, sections=sections), TREE_ANSWERS)

        assert (None, None) == (result.percent, result.band)

    def test_explicit_item_weights(self):
        """
        An item's weight replaces its points as its weight in the section: in A, a1 weighs 1
        and a2 weighs 3, so A = 1/4 and the checklist = (3/4 + 4/5) / 4 = 31/80.
        """
        items = (
            attrs.evolve(TREE.sections[0].items[0], weight=Decimal(1)),
            attrs.evolve(TREE.sections[0].items[1], weight=Decimal(3)),
        )
        section_a = attrs.evolve(TREE.sections[0], items=items)

        result = score(attrs.evolve(TREE, sections=(section_a, TREE.sections[1])), TREE_ANSWERS)

        assert Fraction(155, 4) == result.percent


class TestFlatModel:
    def test_points_out_of_maximum(self):
        """
        flat reports the points themselves, 6 out of 9, and their percent for the bands.
        """
        result = score(with_model(TREE, "flat"), TREE_ANSWERS)

        assert (Fraction(6), Fraction(9)) == (result.awarded, result.maximum)
        assert Fraction(200, 3) == result.percent


class TestAbsoluteModel:
    def test_one_failure_gives_zero(self):
        """
        absolute: 0 as soon as one counted item is not fully met.
        """
        assert Fraction(0) == score(with_model(TREE, "absolute"), TREE_ANSWERS).percent

    def test_everything_met_gives_100(self):
        """
        absolute: 100 when every counted item is fully met; na items are out.
        """
        answers = {"a1": "pass", "a2": "na", "b1": 4, "b2": "pass"}

        result = score(with_model(TREE, "absolute"), answers)

        assert (Fraction(100), "tot") == (result.percent, result.band.id)


ONE_SCALE = checklist_from(
    "scoring:\n"
    + BANDS
    + yaml_items("{id: x, text: Điểm, answer: {points: {step: 1}}, points: 20}")
)


class TestBands:
    def test_exactly_on_the_threshold(self):
        """
        17 of 20 is exactly 85 %: Tốt, never 84.999...
        """
        result = score(ONE_SCALE, {"x": 17})

        assert (Fraction(85), "tot", "Tốt") == (
            result.percent,
            result.band.id,
            str(result.band.label),
        )

    def test_just_below_the_threshold(self):
        """
        16.9 would not be a step; 16 of 20 is 80 %: Khá.
        """
        assert "kha" == score(ONE_SCALE, {"x": 16}).band.id

    def test_rounding_never_flips_a_band(self):
        """
        1402 of 2003 is 69.995007...%: shown as 70.00 (half up) but still Trung bình.
        """
        checklist = checklist_from(
            "scoring:\n"
            + BANDS
            + yaml_items("{id: x, text: Điểm, answer: {points: {step: 1}}, points: 2003}")
        )

        result = score(checklist, {"x": 1402})

        assert ("70.00", "trung_binh") == (str(result.rounded), result.band.id)

    def test_no_bands_no_band(self):
        """
        A checklist without bands scores a percent and no band.
        """
        checklist = checklist_from(yaml_items("{id: x, text: Có, answer: yes_no}"))

        result = score(checklist, {"x": "pass"})

        assert (Fraction(100), None) == (result.percent, result.band)


class TestNoScore:
    def test_all_na_is_no_score(self):
        """
        All items na: no score (None), no band; not 0 and not 100.
        """
        result = score(DESIGN, {"I.1": "na", "I.2": "na", "I.3": "na", "I.4": "na"})

        assert (None, None, None) == (result.percent, result.band, result.rounded)
        assert ("no score", "chưa có điểm") == (result.shown(), result.shown("vi"))
        assert "0/0" == str(result.coverage)

    def test_na_is_out_of_both_sides(self):
        """
        na is out of the numerator and the denominator: 10 of 10 is 100 %.
        """
        result = score(DESIGN, {"I.1": "pass", "I.2": "na", "I.3": "na"})

        assert Fraction(100) == result.percent


class TestUnansweredPolicy:
    def test_missing_and_not_observed_count_as_failed_by_default(self):
        """
        By default an unanswered or not-observed item counts, with 0 points: 10 of 20.
        """
        result = score(DESIGN, {"I.1": "pass", "I.2": "not_observed"})

        assert Fraction(50) == result.percent
        assert "1/3" == str(result.coverage)

    def test_policy_can_leave_them_out(self):
        """
        With counts_as_fail: [missing], a not-observed item is left out; missing still counts.
        """
        checklist = attrs.evolve(
            DESIGN,
            scoring=attrs.evolve(DESIGN.scoring, counts_as_fail=(quytac.Unanswered.MISSING,)),
        )

        result = score(checklist, {"I.1": "pass", "I.2": "not_observed"})

        assert Fraction(200, 3) == result.percent


CRITICAL = """
sections:
- id: A
  title: Lãnh đạo
  items:
  - {id: a1, text: Có văn bản triển khai, points: 1, critical: true}
  - {id: a2, text: Có kế hoạch, points: 9}
- id: B
  title: Niêm yết
  items:
  - {id: b1, text: Có bảng, points: 10}
"""


class TestCritical:
    def test_cap_band(self):
        """
        cap_band: 19 of 20 is 95 % (Tốt), but the failed critical item caps it at Trung bình.
        """
        checklist = checklist_from(
            "scoring:\n  critical: {cap_band: trung_binh}\n" + BANDS + CRITICAL
        )

        result = score(checklist, {"a1": "fail", "a2": "pass", "b1": "pass"})

        assert (Fraction(95), "trung_binh", ("a1",)) == (
            result.percent,
            result.band.id,
            result.capped_by,
        )

    def test_capped_by_names_only_items_that_capped(self):
        """
        A failed critical item whose cap does not lower the band (the score is already below
        it) is in critical_failed, not in capped_by.
        """
        checklist = checklist_from("scoring:\n  critical: {cap_band: kha}\n" + BANDS + CRITICAL)

        below = score(checklist, {"a1": "fail", "a2": "fail", "b1": "fail"})
        lowered = score(checklist, {"a1": "fail", "a2": "pass", "b1": "pass"})

        assert ("yeu", (), ("a1",)) == (below.band.id, below.capped_by, below.critical_failed)
        assert ("kha", ("a1",), ("a1",)) == (
            lowered.band.id,
            lowered.capped_by,
            lowered.critical_failed,
        )

    def test_cap_never_raises_a_band(self):
        """
        A cap only lowers: a score already below the cap keeps its band.
        """
        checklist = checklist_from("scoring:\n  critical: {cap_band: kha}\n" + BANDS + CRITICAL)

        result = score(checklist, {"a1": "fail", "a2": "fail", "b1": "fail"})

        assert "yeu" == result.band.id

    def test_zero_section(self):
        """
        zero: section: A scores 0, B keeps its 10: 10 of 20 is 50 %.
        """
        checklist = checklist_from("scoring:\n  critical: {zero: section}\n" + BANDS + CRITICAL)

        result = score(checklist, {"a1": "fail", "a2": "pass", "b1": "pass"})

        assert (Fraction(50), Fraction(10), ("a1",)) == (
            result.percent,
            result.awarded,
            result.capped_by,
        )

    def test_zero_section_weighted(self):
        """
        Under the weighted model a zeroed section scores 0 %: (0 + 100) / 2.
        """
        checklist = checklist_from(
            "scoring:\n  model: weighted\n  critical: {zero: section}\n" + BANDS + CRITICAL
        )

        result = score(checklist, {"a1": "fail", "a2": "pass", "b1": "pass"})

        assert Fraction(50) == result.percent

    def test_zero_score(self):
        """
        zero: score: one failed critical item and the whole score is 0.
        """
        checklist = checklist_from("scoring:\n  critical: {zero: score}\n" + BANDS + CRITICAL)

        result = score(checklist, {"a1": "fail", "a2": "pass", "b1": "pass"})

        assert (Fraction(0), "yeu", Fraction(0)) == (
            result.percent,
            result.band.id,
            result.awarded,
        )

    def test_not_observed_critical_item_fails_when_counted(self):
        """
        A critical item not observed counts as failed (the default policy), so it caps.
        """
        checklist = checklist_from(
            "scoring:\n  critical: {cap_band: trung_binh}\n" + BANDS + CRITICAL
        )

        result = score(checklist, {"a1": "not_observed", "a2": "pass", "b1": "pass"})

        assert ("trung_binh", ("a1",)) == (result.band.id, result.capped_by)

    def test_passed_or_na_critical_item_has_no_effect(self):
        """
        A critical item passed, or not applicable, caps nothing.
        """
        checklist = checklist_from("scoring:\n  critical: {zero: score}\n" + BANDS + CRITICAL)

        for a1 in ("pass", "na"):
            result = score(checklist, {"a1": a1, "a2": "pass", "b1": "pass"})

            assert (Fraction(100), ()) == (result.percent, result.capped_by)


class TestAnswers:
    def test_answers_that_do_not_fit(self):
        """
        Answers that do not fit the checklist are issues with paths, and the score is not
        partial: no percent, no band.
        """
        answers = {"I.1": 7, "I.2": "x", "I.3": "dep", "I.4": "3.3", "I.9": "pass"}

        result = score(DESIGN, answers)

        assert [
            "<string>: error QT450: answers[\"I.9\"]: no item 'I.9' in checklist 'kt'",
            '<string>: error QT451: answers["I.1"]: expected pass or fail for a yes_no item,'
            " got '7'",
            '<string>: error QT451: answers["I.2"]: expected a whole number of 0 or more for a'
            " count item, got 'x'",
            "<string>: error QT454: answers[\"I.3\"]: 'dep' is not a choice of this item"
            " (expected one of: day_du, mot_phan, khong)",
            '<string>: warning QT455: answers["I.4"]: the item is skipped by its condition:'
            " this answer is not scored",
        ] == rendered(result.issues)
        assert (None, None, False) == (result.percent, result.band, result.ok)

    def test_points_off_step_and_over_maximum(self):
        """
        3.3 with step 0.5 is not a step; 2.5 is above the maximum of 2.
        """
        off = score(DESIGN, {"I.1": "pass", "I.2": 1, "I.3": "day_du", "I.4": "1.3"})
        over = score(DESIGN, {"I.1": "pass", "I.2": 1, "I.3": "day_du", "I.4": "2.5"})

        assert [
            "<string>: error QT452: answers[\"I.4\"]: '1.3' is not a multiple of the step 0.5"
        ] == rendered(off.issues)
        assert [
            "<string>: error QT453: answers[\"I.4\"]: '2.5' is more than the item's maximum of 2"
        ] == rendered(over.issues)

    def test_vietnamese_messages(self):
        """
        Every answer issue has its Vietnamese message.
        """
        result = score(DESIGN, {"I.1": "co"})

        assert [
            '<string>: lỗi QT451: answers["I.1"]: câu hỏi loại yes_no cần pass hoặc fail,'
            " nhận được 'co'; có phải là 'pass'?"
        ] == [issue.render("vi") for issue in result.issues]

    def test_answer_to_a_skipped_item_is_a_warning(self):
        """
        Answering an item its condition skips is worth a look, but the score stands.
        """
        result = score(DESIGN, {"I.1": "pass", "I.2": 5, "I.3": "khong", "I.4": 2})

        assert [
            '<string>: warning QT455: answers["I.4"]: the item is skipped by its condition:'
            " this answer is not scored"
        ] == rendered(result.issues)
        assert (Fraction(75), True) == (result.percent, result.ok)

    def test_numbers_as_int_text_or_decimal(self):
        """
        A number may be given as int, text or Decimal, and a mapping carries note and evidence.
        """
        base = {"I.1": "pass", "I.3": "day_du"}
        forms = [
            {**base, "I.2": 3, "I.4": Decimal("1.5")},
            {**base, "I.2": "3", "I.4": "1.50"},
            {**base, "I.2": Decimal(3), "I.4": {"value": "1.5", "note": "Bảng nhỏ"}},
        ]

        assert {Fraction(975, 11)} == {score(DESIGN, form).percent for form in forms}

    def test_float_is_refused(self):
        """
        A float is not exact: refused with a clear error.
        """
        with pytest.raises(TypeError) as ei:
            score(DESIGN, {"I.4": 1.5})

        assert (
            "TypeError: answer 'I.4': 1.5 is a float, which is not exact; write"
            " Decimal('1.5') or '1.5'"
        ) == ei.exconly()

    def test_float_is_refused_for_an_unknown_item_too(self):
        """
        A float is refused whatever the item, even one the checklist does not have.
        """
        with pytest.raises(TypeError, match=r"^answer 'I\.9': 2\.0 is a float"):
            score(DESIGN, {"I.9": 2.0})

    def test_none_is_refused_as_documented(self):
        """
        None is not an answer (an unanswered item is left out): TypeError, as Answers.of.
        """
        with pytest.raises(TypeError) as ei:
            score(DESIGN, {"I.1": None})
        with pytest.raises(TypeError) as of:
            quytac.Answers.of({"I.1": None})

        assert ei.exconly() == of.exconly()
        assert (
            "TypeError: answer 'I.1': expected text, a whole number or a Decimal, got NoneType"
        ) == ei.exconly()

    @pytest.mark.parametrize(
        ("item", "value"),
        [
            ("I.2", "1e1000000"),
            ("I.4", "1e1000000"),
            ("I.4", "1e-1000000"),
            ("I.2", "1" * 31),
            ("I.4", "0." + "0" * 30 + "5"),
        ],
    )
    def test_numbers_out_of_range_are_issues(self, item, value):
        """
        A number with more than 30 digits before or after the point (or an exponent that makes
        one) is an issue, found at once: 1e1000000 took 85 s before it was bounded.
        """
        answers = {"I.1": "pass", "I.2": 1, "I.3": "day_du", "I.4": 1, item: value}

        result = score(DESIGN, answers)

        assert [
            f'<string>: error QT456: answers["{item}"]: {value!r} is out of range: a number in an'
            " answer has at most 30 digits before the point and 30 after it"
        ] == rendered(result.issues)
        assert (None, False) == (result.percent, result.ok)

    def test_numbers_just_in_range_are_scored(self):
        """
        30 digits before the point, or 30 after it, are accepted.
        """
        big = score(DESIGN, {"I.1": "pass", "I.2": "9" * 30, "I.3": "day_du", "I.4": "2"})
        fine = score(DESIGN, {"I.1": "pass", "I.2": 5, "I.3": "day_du", "I.4": "2." + "0" * 30})

        assert (Fraction(100), Fraction(100)) == (big.percent, fine.percent)

    @pytest.mark.parametrize("value", ["2.0", "1e3", "+2", "-0", "2.", " 2"])
    def test_a_count_is_a_whole_number(self, value):
        """
        A count is written as a whole number: "2.0" and "1e3" are not counts.
        """
        result = score(DESIGN, {"I.1": "pass", "I.2": value, "I.3": "day_du", "I.4": 1})

        assert [
            '<string>: error QT451: answers["I.2"]: expected a whole number of 0 or more for a'
            f" count item, got {value!r}"
        ] == rendered(result.issues)

    def test_paths_follow_the_document(self):
        """
        The path of the answers in their document prefixes the issues' paths.
        """
        result = score(DESIGN, {"I.1": "yes"}, path=("self_assessment",))

        assert [("self_assessment", "I.1")] == [issue.path for issue in result.issues]

    def test_loaded_answers(self):
        """
        Answers loaded from YAML (an Answers) score like plain values.
        """
        example = quytac.Answers.of({"I.1": "pass", "I.2": 5, "I.3": "day_du", "I.4": "2"})

        assert Fraction(100) == score(DESIGN, example).percent


class TestRounding:
    @pytest.mark.parametrize(
        ("value", "mode", "places", "expected"),
        [
            (Fraction(200, 3), RoundingMode.HALF_UP, 2, "66.67"),
            (Fraction(1, 8), RoundingMode.HALF_UP, 2, "0.13"),
            (Fraction(1, 8), RoundingMode.HALF_EVEN, 2, "0.12"),
            (Fraction(3, 8), RoundingMode.HALF_EVEN, 2, "0.38"),
            (Fraction(200, 3), RoundingMode.DOWN, 1, "66.6"),
            (Fraction(1001, 10), RoundingMode.UP, 0, "101"),
            (Fraction(85), RoundingMode.HALF_UP, 0, "85"),
        ],
    )
    def test_modes(self, value, mode, places, expected):
        """
        Rounding is exact, in the declared mode and places (half up by default).
        """
        assert expected == str(round_percent(value, Rounding(places=places, mode=mode)))

    def test_default_is_half_up_to_two_places(self):
        """
        Without a declared rule percents show with 2 places, half up.
        """
        assert Decimal("12.35") == round_percent(Fraction(1235, 100) + Fraction(1, 10**9))


class TestExplain:
    def test_tree_in_english(self):
        """
        The explanation shows each section and item: awarded of maximum, and why.
        """
        result = score(DESIGN, {"I.1": "fail", "I.2": 2, "I.3": "khong", "I.4": 1})

        assert (
            "kt: 10 % (Yếu), 2/20 points, coverage 3/3\n"
            "  I Công tác lãnh đạo, chỉ đạo: 2/20\n"
            "    I.1 = fail: 0/10, counted\n"
            "    I.2 = 2: 2/5, counted\n"
            "    I.3 = khong: 0/5, counted\n"
            "    I.4 = 1: -, skipped: its condition does not hold"
        ) == text(result.explain())

    def test_tree_in_vietnamese(self):
        """
        The explanation in Vietnamese, with na and missing items.
        """
        result = score(DESIGN, {"I.1": "pass", "I.3": "na"})

        assert (
            "kt: 66,67 % (Trung bình), 10/15 điểm, phạm vi 1/2\n"
            "  I Công tác lãnh đạo, chỉ đạo: 10/15\n"
            "    I.1 = đạt: 10/10, được tính\n"
            "    I.2: 0/5, chưa trả lời: tính là không đạt\n"
            "    I.3 = không áp dụng: -, không áp dụng (na): không tính\n"
            "    I.4: -, bỏ qua: điều kiện không thỏa mãn"
        ) == text(result.explain(), "vi")

    def test_zeroed_section_is_named(self):
        """
        A section zeroed by a critical item says so.
        """
        checklist = checklist_from("scoring:\n  critical: {zero: section}\n" + BANDS + CRITICAL)

        result = score(checklist, {"a1": "fail", "a2": "pass", "b1": "pass"})

        assert (
            "kt: 50 % (Trung bình), 10/20 points, coverage 3/3\n"
            "  sections zeroed: critical item failed: a1 (critical: zero: section)\n"
            "  A Lãnh đạo: 0/10 (zeroed by a1)\n"
            "    a1 = fail: 0/1, counted\n"
            "    a2 = pass: 9/9, counted\n"
            "  B Niêm yết: 10/10\n"
            "    b1 = pass: 10/10, counted"
        ) == text(result.explain())

    def test_zeroed_score_is_explained(self):
        """
        zero: score: the explanation says the score was zeroed, by which item and why, and
        that the sections show their points before zeroing.
        """
        checklist = checklist_from("scoring:\n  critical: {zero: score}\n" + BANDS + CRITICAL)

        result = score(checklist, {"a1": "fail", "a2": "pass", "b1": "pass"})

        assert (
            "kt: 0 % (Yếu), 0/20 points, coverage 3/3\n"
            "  score zeroed: critical item failed: a1 (critical: zero: score);"
            " the sections below show the points before zeroing\n"
            "  A Lãnh đạo: 9/10\n"
            "    a1 = fail: 0/1, counted\n"
            "    a2 = pass: 9/9, counted\n"
            "  B Niêm yết: 10/10\n"
            "    b1 = pass: 10/10, counted"
        ) == text(result.explain())
        assert (
            "  điểm về 0 do câu hỏi bắt buộc không đạt: a1 (critical: zero: score);"
            " điểm các mục dưới đây là trước khi về 0"
        ) == text(result.explain(), "vi").splitlines()[1]

    def test_cap_is_explained(self):
        """
        A cap that lowered the band says at which band and by which item.
        """
        checklist = checklist_from(
            "scoring:\n  critical: {cap_band: trung_binh}\n" + BANDS + CRITICAL
        )

        result = score(checklist, {"a1": "fail", "a2": "pass", "b1": "pass"})

        assert [
            "kt: 95 % (Trung bình), 19/20 points, coverage 3/3",
            "  band capped at Trung bình: critical item failed: a1",
        ] == text(result.explain()).splitlines()[:2]

    def test_section_titles_in_the_language_asked(self):
        """
        render("en") shows a section's English title when it has one, render("vi") the
        Vietnamese one.
        """
        checklist = checklist_from(
            BANDS.replace("  bands:", "scoring:\n  bands:")
            + "sections:\n- id: A\n  title: {vi: Lãnh đạo, en: Leadership}\n"
            "  items:\n  - {id: a1, text: Có kế hoạch, points: 1}\n"
        )
        explanation = score(checklist, {"a1": "pass"}).explain()

        assert ["  A Leadership: 1/1", "  A Lãnh đạo: 1/1"] == [
            text(explanation, "en").splitlines()[1],
            text(explanation, "vi").splitlines()[1],
        ]
        assert ("Lãnh đạo", "Leadership") == (
            explanation.sections[0].title,
            explanation.sections[0].titles.get("en"),
        )

    def test_weighted_explanation_adds_up(self):
        """
        Under weighted, each section shows its percent and weight and each item its weight:
        B is (4 x 75 + 1 x 100) / 5 = 80 %, the score (3 x 50 + 1 x 80) / 4 = 57.5 %.
        """
        result = score(TREE, TREE_ANSWERS)

        assert (
            "kt: 57.5 % (Trung bình), 6/9 points, coverage 4/4\n"
            "  percent = mean of the top sections' percents by weight; a section's percent is"
            " the mean of its items' percents (by item weight) and its subsections' percents"
            " (by section weight)\n"
            "  A Lãnh đạo: 2/4 = 50 %, weight 3\n"
            "    a1 = pass: 2/2, weight 2, counted\n"
            "    a2 = fail: 0/2, weight 2, counted\n"
            "  B Niêm yết: 4/5 = 80 %, weight 1\n"
            "    b1 = 3: 3/4, weight 4, counted\n"
            "    B.1 Bảng: 1/1 = 100 %, weight 1\n"
            "      b2 = pass: 1/1, weight 1, counted"
        ) == text(result.explain())
        assert [Fraction(50), Fraction(80)] == [s.percent for s in result.explain().sections]


class TestExplainDetails:
    def test_the_band_before_the_cap(self):
        """
        19 of 20 is 95 % (Tốt) capped at Trung bình: uncapped_band is Tốt; without a failed
        critical item (11 of 20, 55 %) it is the band itself; without a score, None.
        """
        checklist = checklist_from(
            "scoring:\n  critical: {cap_band: trung_binh}\n" + BANDS + CRITICAL
        )

        capped = score(checklist, {"a1": "fail", "a2": "pass", "b1": "pass"})
        clean = score(checklist, {"a1": "pass", "a2": "fail", "b1": "pass"})
        nothing = score(checklist, {"a1": "na", "a2": "na", "b1": "na"})

        assert [("trung_binh", "tot"), ("trung_binh", "trung_binh"), (None, None)] == [
            (
                result.band.id if result.band else None,
                result.uncapped_band.id if result.uncapped_band else None,
            )
            for result in (capped, clean, nothing)
        ]

    def test_the_band_before_the_cap_is_said(self):
        """
        The line after the cap says what the band would have been, in the language asked.
        """
        checklist = checklist_from(
            "scoring:\n  critical: {cap_band: trung_binh}\n" + BANDS + CRITICAL
        )

        explained = score(checklist, {"a1": "fail", "a2": "pass", "b1": "pass"}).explain()

        assert [
            "  band capped at Trung bình: critical item failed: a1",
            "  without the cap the band would be Tốt",
            "  A Lãnh đạo: 9/10",
        ] == text(explained, "en").splitlines()[1:4]
        assert [
            "  xếp loại bị giới hạn ở Trung bình do câu hỏi bắt buộc không đạt: a1",
            "  nếu không bị giới hạn, xếp loại là Tốt",
        ] == text(explained, "vi").splitlines()[1:3]

    def test_a_cap_that_lowers_nothing_names_no_other_band(self):
        """
        Already below the cap (a1 failed, 45 %): no cap line and no band before it.
        """
        checklist = checklist_from(
            "scoring:\n  critical: {cap_band: trung_binh}\n" + BANDS + CRITICAL
        )

        result = score(checklist, {"a1": "fail", "a2": "pass", "b1": "fail"})

        assert ("yeu", "yeu", ()) == (result.band.id, result.uncapped_band.id, result.capped_by)
        assert "  A Lãnh đạo: 9/10" == text(result.explain()).splitlines()[1]

    def test_items_carry_their_item_and_the_issues_of_their_answer(self):
        """
        Each result has its item (text, answer type); an answer that does not fit carries its
        issue, and so does an answer to a skipped item (a warning); the others none.
        """
        result = score(DESIGN, {"I.1": "yes", "I.2": 2, "I.3": "khong", "I.4": 1})
        items = {item.id: item for item in result.explain().items()}

        assert [item.text.vi for item in DESIGN.items] == [
            items[i.id].item.text.vi for i in DESIGN.items
        ]
        assert [["QT451"], [], [], ["QT455"]] == [
            [issue.code for issue in items[i].issues] for i in ("I.1", "I.2", "I.3", "I.4")
        ]

    def test_the_detailed_reasons(self):
        """
        reason(detailed=True) names the part of the condition that did not hold, why an answer
        does not fit, and a failed critical item; the short reason stays as it was.
        """
        result = score(DESIGN, {"I.1": "fail", "I.2": "x", "I.3": "khong", "I.4": 1})
        items = {item.id: item for item in result.explain().items()}

        assert [
            "counted; critical item failed",
            "the answer does not fit: counted as failed (QT451: expected a whole number of 0"
            " or more for a count item, got 'x')",
            "skipped: I.3 = khong, needs I.3 in [day_du, mot_phan]",
        ] == [reason(items[i], "en", detailed=True) for i in ("I.1", "I.2", "I.4")]
        assert [
            "được tính; câu hỏi bắt buộc không đạt",
            "câu trả lời không hợp lệ: tính là không đạt (QT451: câu hỏi loại count cần một số"
            " nguyên từ 0 trở lên, nhận được 'x')",
            "bỏ qua: I.3 = khong, cần I.3 thuộc [day_du, mot_phan]",
        ] == [reason(items[i], "vi", detailed=True) for i in ("I.1", "I.2", "I.4")]
        assert "skipped: its condition does not hold" == reason(items["I.4"])


class TestCompare:
    def test_invalid_answers_are_refused(self):
        """
        A score whose answers do not fit cannot be compared: ScoreError, quoting the first issue.
        """
        good = score(DESIGN, {"I.1": "pass", "I.2": 5, "I.3": "day_du", "I.4": 2})
        bad = score(DESIGN, {"I.1": "yes", "I.2": 5, "I.3": "day_du", "I.4": 2})

        with pytest.raises(quytac.ScoreError) as ei:
            compare(good, bad)
        with pytest.raises(quytac.ScoreError, match="the self-assessment's answers"):
            compare(bad, good)

        assert (
            "quytac.errors.ScoreError: cannot compare: the appraisal's answers do not fit"
            ' checklist kt (<string>: error QT451: answers["I.1"]: expected pass or fail for a'
            " yes_no item, got 'yes'; did you mean 'pass'?)"
        ) == ei.exconly()

    def test_item_by_item_agreement(self):
        """
        A self-assessment and an appraisal: which items differ, the share that agree, and
        the difference in percent points.
        """
        mine = score(DESIGN, {"I.1": "pass", "I.2": 5, "I.3": "day_du", "I.4": 2})
        theirs = score(DESIGN, {"I.1": "pass", "I.2": 3, "I.3": "day_du", "I.4": "1.5"})

        agreement = compare(mine, theirs)

        assert ["I.2", "I.4"] == [item.id for item in agreement.differences]
        assert (2, Fraction(1, 2)) == (agreement.agreeing, agreement.share)
        assert Fraction(-250, 22) == agreement.difference
        assert [Fraction(-2), Fraction(-1, 2)] == [
            item.difference for item in agreement.differences
        ]

    def test_an_item_counted_by_one_side_only_differs(self):
        """
        An item one side skipped and the other scored does not agree.
        """
        mine = score(DESIGN, {"I.1": "pass", "I.2": 5, "I.3": "day_du", "I.4": 2})
        theirs = score(DESIGN, {"I.1": "pass", "I.2": 5, "I.3": "khong"})

        agreement = compare(mine, theirs)

        assert [("I.3", "scored", "scored"), ("I.4", "scored", "skipped")] == [
            (item.id, item.self_status, item.appraised_status) for item in agreement.differences
        ]

    def test_different_checklists_are_refused(self):
        """
        Scores of different checklists cannot be compared.
        """
        other = attrs.evolve(TREE, id="kt-khac", version=2)

        with pytest.raises(quytac.ScoreError) as ei:
            compare(score(DESIGN, {}), score(other, {}))

        assert (
            "quytac.errors.ScoreError: cannot compare scores of different checklists:"
            " kt (version 1) and kt-khac (version 2)"
        ) == ei.exconly()


class TestExamples:
    def test_failures_have_paths(self):
        """
        An example whose expectation fails is an issue at the expectation's key.
        """
        checklist = checklist_from(
            "scoring:\n"
            + BANDS
            + yaml_items("{id: a, text: Có, points: 2}", "{id: b, text: Có, points: 1}")
            + """
examples:
- name: đạt
  answers: {a: pass, b: pass}
  expect: {percent: 100, band: tot, awarded: 3, maximum: 3}
- name: sai
  answers: {a: pass, b: fail}
  expect: {percent: 66.66, band: kha, capped_by: [a]}
- name: làm tròn
  answers: {a: pass, b: fail}
  expect: {percent: 66.67}
- name: không có điểm
  answers: {a: na, b: pass, c: pass}
  expect: {no_score: true}
"""
        )

        assert [
            "<string>: error QT460: examples[1].expect.percent: example 'sai': expected percent"
            " 66.66, got 66.67 (200/3)",
            "<string>: error QT460: examples[1].expect.band: example 'sai': expected band kha,"
            " got trung_binh",
            "<string>: error QT460: examples[1].expect.capped_by: example 'sai': expected"
            " capped_by [a], got []",
            "<string>: error QT450: examples[3].answers.c: no item 'c' in checklist 'kt'",
        ] == rendered(quytac.run_examples(checklist))

    def test_an_expected_number_is_shown_with_all_its_digits(self):
        """
        59 digits are shown as written, not rounded to Python's 28 (1E+29).
        """
        long = "9" * 29 + "." + "9" * 30
        checklist = checklist_from(
            yaml_items("{id: a, text: Có}")
            + f"examples:\n- name: dài\n  answers: {{a: fail}}\n  expect: {{awarded: {long}}}\n"
        )

        assert [
            f"<string>: error QT460: examples[0].expect.awarded: example 'dài': expected awarded"
            f" {long}, got 0",
        ] == rendered(quytac.run_examples(checklist))


# --- laws -----------------------------------------------------------------------------------


def reference_holds(condition, seen: dict[str, str]) -> bool:
    """
    A condition read off DESIGN §2, independently of quytac's evaluator: ``seen`` holds the
    values of the earlier items that have one (not na, not_observed, missing or skipped).
    """
    if isinstance(condition, quytac.NotCondition):
        return not reference_holds(condition.condition, seen)
    if isinstance(condition, quytac.AllOf):
        return all(reference_holds(inner, seen) for inner in condition.conditions)
    if isinstance(condition, quytac.AnyOf):
        return any(reference_holds(inner, seen) for inner in condition.conditions)
    value = seen.get(condition.item)
    checks = []
    if condition.answered is not None:
        checks.append(condition.answered == (value is not None))
    if condition.equals is not None:
        checks.append(value == condition.equals)
    if condition.in_ is not None:
        checks.append(value in condition.in_)
    if condition.gte is not None:
        checks.append(value is not None and Decimal(value) >= condition.gte)
    if condition.lte is not None:
        checks.append(value is not None and Decimal(value) <= condition.lte)
    return all(checks)


def reference_items(checklist: Checklist, answers: dict[str, str]):
    """
    Each scored item that counts, in order: the item, the ids of its section and of every
    section above it, its awarded points and its maximum.
    """
    fails = {str(kind) for kind in checklist.scoring.counts_as_fail}
    seen: dict[str, str] = {}
    found = []

    def visit(section: Section, above: tuple[str, ...]) -> None:
        here = (*above, section.id)
        for item in section.items:
            if item.when is not None and not reference_holds(item.when, seen):
                continue
            value = answers.get(item.id, "missing")
            if value not in ("na", "not_observed", "missing"):
                seen[item.id] = value
            if isinstance(item.answer, quytac.FreeText):
                continue
            if value == "na" or (value in ("missing", "not_observed") and value not in fails):
                continue
            awarded = Fraction(0) if value in fails else reference_award(item, value)
            found.append((item, here, awarded, Fraction(item.maximum)))
        for inner in section.sections:
            visit(inner, here)

    for section in checklist.sections:
        visit(section, ())
    return found


def reference_zeroed(checklist: Checklist, found) -> tuple[set[str], bool]:
    """
    The sections zeroed (a failed critical item's section and everything under it) and
    whether the whole score is zeroed.
    """
    failed = [(item, here) for item, here, awarded, top in found if item.critical and awarded < top]
    zero = checklist.scoring.critical.zero
    sections = {here[-1] for _, here in failed} if zero == "section" else set()
    return sections, bool(failed) and zero == "score"


def reference_percent(checklist: Checklist, answers: dict[str, str]) -> Fraction | None:
    """
    The points, flat and absolute models computed independently: a direct reading of DESIGN
    §4, item by item, conditions and critical zeroing included.
    """
    found = reference_items(checklist, answers)
    zeroed, zero_all = reference_zeroed(checklist, found)
    awarded = sum((a for _, here, a, _ in found if not zeroed.intersection(here)), Fraction(0))
    maximum = sum((top for *_, top in found), Fraction(0))
    if maximum == 0:
        return None
    if zero_all:
        return Fraction(0)
    if checklist.scoring.model == Model.ABSOLUTE:
        return Fraction(100) if awarded == maximum else Fraction(0)
    return 100 * awarded / maximum


def reference_weighted(checklist: Checklist, answers: dict[str, str]) -> Fraction | None:
    """
    The weighted model computed independently: weighted means, read off DESIGN §4, recursively,
    conditions and critical zeroing included.
    """
    found = reference_items(checklist, answers)
    zeroed, zero_all = reference_zeroed(checklist, found)
    by_item = {item.id: (here, awarded, top) for item, here, awarded, top in found}

    def mean(pairs: list[tuple[Fraction, Fraction]]) -> Fraction | None:
        total = sum(weight for weight, _ in pairs)
        return None if not total else sum(w * r for w, r in pairs) / total

    def section_mean(section: Section) -> Fraction | None:
        pairs = []
        for item in section.items:
            if item.id not in by_item:
                continue
            here, awarded, top = by_item[item.id]
            weight = Fraction(item.weight if item.weight is not None else item.maximum)
            ratio = Fraction(0) if zeroed.intersection(here) else awarded / top
            pairs.append((weight, ratio))
        for inner in section.sections:
            inner_mean = section_mean(inner)
            if inner_mean is not None:
                pairs.append((Fraction(inner.weight), inner_mean))
        return mean(pairs)

    top = [
        (Fraction(s.weight), m) for s in checklist.sections if (m := section_mean(s)) is not None
    ]
    result = mean(top)
    if result is None:
        return None
    return Fraction(0) if zero_all else 100 * result


def reference_award(item: Item, value: str) -> Fraction:
    answer = item.answer
    top = Fraction(item.maximum)
    if isinstance(answer, YesNo):
        return top if value == "pass" else Fraction(0)
    if isinstance(answer, Choices):
        return min(top, next(Fraction(c.points) for c in answer.choices if c.id == value))
    if isinstance(answer, PointsScale):
        return Fraction(value)
    assert isinstance(answer, Count)
    count = int(value)
    if answer.full_at is not None:
        return top * min(count, answer.full_at) / answer.full_at
    reached = [Fraction(t.points) for t in answer.thresholds or () if count >= t.min]
    return min(top, max(reached, default=Fraction(0)))


def without(checklist: Checklist, item_id: str) -> Checklist:
    def prune(section: Section) -> Section:
        return attrs.evolve(
            section,
            items=tuple(item for item in section.items if item.id != item_id),
            sections=tuple(prune(inner) for inner in section.sections),
        )

    return attrs.evolve(checklist, sections=tuple(prune(s) for s in checklist.sections))


def scaled(checklist: Checklist, factor: Decimal, *, weights: bool = True) -> Checklist:
    """
    Every number of points multiplied by ``factor`` (maxima, choices, thresholds, steps), and
    (unless ``weights`` is False) every weight with them.
    """
    weighs = factor if weights else Decimal(1)

    def item_scaled(item: Item) -> Item:
        answer = item.answer
        if isinstance(answer, Choices):
            answer = Choices(
                choices=tuple(attrs.evolve(c, points=c.points * factor) for c in answer.choices)
            )
        elif isinstance(answer, Count) and answer.thresholds:
            answer = Count(
                thresholds=tuple(
                    attrs.evolve(t, points=t.points * factor) for t in answer.thresholds
                )
            )
        elif isinstance(answer, PointsScale):
            answer = PointsScale(step=answer.step * factor)
        points = None if item.points is None else item.points * factor
        weight = None if item.weight is None else item.weight * weighs
        return attrs.evolve(item, answer=answer, points=points, weight=weight)

    def section_scaled(section: Section) -> Section:
        return attrs.evolve(
            section,
            weight=section.weight * weighs,
            items=tuple(item_scaled(item) for item in section.items),
            sections=tuple(section_scaled(inner) for inner in section.sections),
        )

    return attrs.evolve(checklist, sections=tuple(section_scaled(s) for s in checklist.sections))


def reversed_order(checklist: Checklist) -> Checklist:
    """
    Sections and items in reverse order; when items have conditions, the first top-level
    section (the only one conditions read, in the strategies) stays first and as it is, so
    that every condition still reads items that come before it.
    """

    def flip(section: Section) -> Section:
        return attrs.evolve(
            section,
            items=section.items[::-1],
            sections=tuple(flip(inner) for inner in reversed(section.sections)),
        )

    first, *rest = checklist.sections
    if checklist.watched:
        flipped = (first, *(flip(s) for s in reversed(rest)))
    else:
        flipped = tuple(flip(s) for s in reversed(checklist.sections))
    return attrs.evolve(checklist, sections=flipped)


def mixes(checklist: Checklist) -> bool:
    """
    Whether some section weighs an item by its points next to a child that does not (an item
    with its own weight, or a subsection): scaling only the points then changes the mean.
    """
    for section, _ in checklist.sections_walk():
        by_points = [i for i in section.items if i.scored and i.weight is None]
        others = [i for i in section.items if i.scored and i.weight is not None]
        if by_points and (others or section.sections):
            return True
    return False


def fails(checklist: Checklist) -> set[str]:
    return {str(kind) for kind in checklist.scoring.counts_as_fail}


#: Critical items that cap the band but zero nothing (zeroing has its own worked examples).
UNZEROED = quytac.CriticalPolicy(cap_band="trung_binh")


class TestLaws:
    @given(scored())
    def test_percent_is_between_0_and_100(self, case):
        """
        Every model gives a percent from 0 to 100, or no score.
        """
        checklist, answers = case

        result = score(checklist, answers)

        assert result.percent is None or 0 <= result.percent <= 100
        assert result.ok

    @given(scored(), st.data())
    def test_passing_an_item_never_lowers_the_score(self, case, data):
        """
        Turning one failed, not-observed or missing item that no condition reads into a pass
        never lowers the percent. (An item a condition reads can switch other items on, and
        they may fail. Under zero: section, an item that was left out and joins a zeroed
        section adds to its maximum only: zeroing means exactly that, so such items are not
        drawn.)
        """
        checklist, answers = case
        before = score(checklist, answers)
        zeroing = checklist.scoring.critical.zero == "section"
        read = checklist.watched
        candidates = [
            item
            for item, status in zip(checklist.items, before.statuses, strict=True)
            if item.id not in read
            and (
                status == "scored"
                or (
                    status in ("not_observed", "missing")
                    and not (zeroing and status not in fails(checklist))
                )
            )
        ]
        if not candidates:
            return
        item = data.draw(st.sampled_from(candidates))

        after = score(checklist, {**answers, item.id: strategies.best_value(item)})

        if before.percent is not None and after.percent is not None:
            assert after.percent >= before.percent

    def test_passing_an_item_a_condition_reads_can_lower_the_score(self):
        """
        Why monotonicity is stated for items no condition reads: passing a1 switches b1 on,
        and b1, not answered, counts as failed: 1/2 (50 %) becomes 2/12.
        """
        checklist = checklist_from(
            "scoring:\n"
            + BANDS
            + yaml_items(
                "{id: a1, text: Có, points: 1}",
                "{id: b1, text: Có, points: 10, when: {item: a1, equals: pass}}",
                "{id: c1, text: Có, points: 1}",
            )
        )

        before = score(checklist, {"a1": "fail", "c1": "pass"})
        after = score(checklist, {"a1": "pass", "c1": "pass"})

        assert (Fraction(50), Fraction(50, 3)) == (before.percent, after.percent)

    @given(scored(), st.data())
    def test_na_is_removing_the_item(self, case, data):
        """
        Answering na an item that no condition reads scores exactly as if the item were not in
        the checklist. (For an item a condition reads, na is "no value": ``answered: false``
        holds, while removing the item would leave the condition reading nothing.)
        """
        checklist, answers = case
        read = checklist.watched
        unread = [item for item in checklist.items if item.id not in read]
        if not unread:
            return
        item = data.draw(st.sampled_from(unread))
        rest = {key: value for key, value in answers.items() if key != item.id}

        na = score(checklist, {**answers, item.id: "na"})
        removed = score(without(checklist, item.id), rest)

        assert (na.percent, na.band) == (removed.percent, removed.band)

    @given(scored(), st.data())
    def test_a_skipped_item_is_removing_the_item(self, case, data):
        """
        An item that no condition reads and whose condition never holds scores exactly as if
        it were not in the checklist, whatever its answer.
        """
        checklist, answers = case
        read = checklist.watched
        unread = [item for item in checklist.items if item.id not in read]
        if not unread:
            return
        item = data.draw(st.sampled_from(unread))
        never = quytac.ItemCondition(item=checklist.items[0].id, in_=())

        def skip(section: Section) -> Section:
            return attrs.evolve(
                section,
                items=tuple(
                    attrs.evolve(i, when=never) if i.id == item.id else i for i in section.items
                ),
                sections=tuple(skip(inner) for inner in section.sections),
            )

        skipped = attrs.evolve(checklist, sections=tuple(skip(s) for s in checklist.sections))
        rest = {key: value for key, value in answers.items() if key != item.id}

        left = score(skipped, answers)
        right = score(without(checklist, item.id), rest)
        assert (left.percent, left.band) == (right.percent, right.band)

    @given(scored())
    def test_the_explanation_adds_up(self, case):
        """
        The sections of the explanation add up to the score's points (nothing zeroed).
        """
        checklist, answers = case
        checklist = attrs.evolve(
            checklist, scoring=attrs.evolve(checklist.scoring, critical=UNZEROED)
        )

        result = score(checklist, answers)
        sections = result.explain().sections

        assert (result.awarded, result.maximum) == (
            sum((s.awarded for s in sections), Fraction(0)),
            sum((s.maximum for s in sections), Fraction(0)),
        )

    @given(scored(), st.integers(min_value=2, max_value=7).map(Decimal))
    def test_scaling_points_and_weights_leaves_the_percent(self, case, factor):
        """
        Multiplying every number of points (and the points given) and every weight by one
        constant changes nothing, under every model.
        """
        checklist, answers = case
        bigger = scaled(checklist, factor)
        steps = {item.id for item in checklist.items if isinstance(item.answer, PointsScale)}
        scaled_answers = {
            key: str(Decimal(value) * factor)
            if key in steps and value not in ("na", "not_observed")
            else value
            for key, value in answers.items()
        }

        assert score(checklist, answers).percent == score(bigger, scaled_answers).percent

    @given(scored(), st.integers(min_value=2, max_value=7).map(Decimal))
    def test_scaling_only_points_leaves_the_percent(self, case, factor):
        """
        Multiplying every number of points (and the points given) by a constant, weights left
        as they are, changes nothing under points, flat and absolute; under weighted, it
        changes nothing unless a section weighs an item by its points next to an item with
        its own weight or a subsection.
        """
        checklist, answers = case
        bigger = scaled(checklist, factor, weights=False)
        steps = {item.id for item in checklist.items if isinstance(item.answer, PointsScale)}
        scaled_answers = {
            key: str(Decimal(value) * factor)
            if key in steps and value not in ("na", "not_observed")
            else value
            for key, value in answers.items()
        }
        holds = checklist.scoring.model != Model.WEIGHTED or not mixes(checklist)

        if holds:
            assert score(checklist, answers).percent == score(bigger, scaled_answers).percent

    def test_scaling_only_points_under_weighted_with_a_mixed_section(self):
        """
        Where points-only scaling does not hold: section B weighs b1 by its 4 points next to
        subsection B.1 by its weight 1, (4 x 75 + 1 x 100) / 5 = 80 %; with points doubled b1
        weighs 8, (8 x 75 + 1 x 100) / 9 = 700/9 %.
        """
        doubled = scaled(TREE, Decimal(2), weights=False)
        answers = {**TREE_ANSWERS, "b1": 6}

        before = score(TREE, TREE_ANSWERS)
        after = score(doubled, answers)

        assert (Fraction(80), Fraction(700, 9)) == (
            before.explain().sections[1].percent,
            after.explain().sections[1].percent,
        )
        assert (Fraction(115, 2), Fraction(1025, 18)) == (before.percent, after.percent)

    @given(scored(), st.integers(min_value=2, max_value=7).map(Decimal))
    def test_scaling_weights_leaves_the_percent(self, case, factor):
        """
        Multiplying every weight (of sections, and of items in their sections) by a constant
        changes nothing.
        """
        checklist, answers = case

        def heavier(section: Section) -> Section:
            return attrs.evolve(
                section,
                weight=section.weight * factor,
                items=tuple(
                    attrs.evolve(item, weight=item.weight_in_section * factor)
                    for item in section.items
                ),
                sections=tuple(heavier(inner) for inner in section.sections),
            )

        heavy = attrs.evolve(checklist, sections=tuple(heavier(s) for s in checklist.sections))

        assert score(checklist, answers).percent == score(heavy, answers).percent

    @given(scored())
    def test_order_does_not_matter(self, case):
        """
        Reordering sections and items leaves the percent and the band unchanged.
        """
        checklist, answers = case

        flipped = score(reversed_order(checklist), answers)
        result = score(checklist, answers)

        assert (result.percent, result.band) == (flipped.percent, flipped.band)

    @given(scored(policies.map(lambda p: attrs.evolve(p, model=Model.POINTS))))
    def test_points_model_equals_an_independent_fraction(self, case):
        """
        Under the points model the percent is the exact fraction computed item by item here
        (conditions, both zero modes and the cap included).
        """
        checklist, answers = case

        assert reference_percent(checklist, answers) == score(checklist, answers).percent

    @given(scored(policies.map(lambda p: attrs.evolve(p, model=Model.FLAT))))
    def test_flat_model_equals_an_independent_fraction(self, case):
        """
        Under the flat model the percent is the exact fraction computed here, and the points
        are awarded out of maximum.
        """
        checklist, answers = case

        result = score(checklist, answers)

        assert reference_percent(checklist, answers) == result.percent
        if result.percent is not None and result.maximum:
            assert result.percent == 100 * result.awarded / result.maximum

    @given(scored(policies.map(lambda p: attrs.evolve(p, model=Model.ABSOLUTE))))
    def test_absolute_model_equals_an_independent_fraction(self, case):
        """
        Under the absolute model the percent is 100 or 0 as computed here.
        """
        checklist, answers = case

        assert reference_percent(checklist, answers) == score(checklist, answers).percent

    @given(
        scored(
            policies.map(
                lambda p: attrs.evolve(
                    p,
                    model=Model.POINTS,
                    critical=quytac.CriticalPolicy(zero=quytac.ZeroScope.SECTION),
                )
            )
        )
    )
    def test_zeroed_sections_equal_an_independent_fraction(self, case):
        """
        zero: section, drawn every time: the percent is the fraction computed here.
        """
        checklist, answers = case

        assert reference_percent(checklist, answers) == score(checklist, answers).percent

    @given(scored(policies.map(lambda p: attrs.evolve(p, model=Model.WEIGHTED))))
    def test_weighted_model_equals_an_independent_fraction(self, case):
        """
        Under the weighted model the percent is the exact weighted mean computed here
        (conditions, both zero modes and the cap included).
        """
        checklist, answers = case

        assert reference_weighted(checklist, answers) == score(checklist, answers).percent

    @given(checklists())
    def test_a_checklist_round_trips(self, checklist):
        """
        A generated checklist dumps to YAML that loads back equal.
        """
        assert checklist == quytac.loads(quytac.dumps(checklist))


class TestExampleMessages:
    def test_failures_read_in_vietnamese(self):
        """
        "no score" and "no band" are words of the message, translated too.
        """
        checklist = checklist_from(
            "scoring:\n"
            + BANDS
            + yaml_items("{id: a, text: Có}")
            + "examples:\n- {name: x, answers: {a: na}, expect: {percent: 50, band: kha}}\n"
        )

        assert [
            "<string>: lỗi QT460: examples[0].expect.percent: ví dụ 'x': cần percent là 50,"
            " nhận được chưa có điểm",
            "<string>: lỗi QT460: examples[0].expect.band: ví dụ 'x': cần band là kha, nhận"
            " được không có mức nào",
        ] == [issue.render("vi") for issue in quytac.run_examples(checklist)]
