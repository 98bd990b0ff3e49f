"""
quytac.strategies.check_scoring_laws: the laws hold for quytac's scoring, and the check fails
when a scoring rule is broken.
"""

import ast
import re
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings

import quytac
from _strategies_checklists import checklist_from
from quytac import scoring, strategies
from quytac.scoring import compute

#: Every test here checks laws with Hypothesis.
pytestmark = pytest.mark.property


@pytest.fixture(name="checklist")
def _checklist():
    (checklist,) = quytac.example_workspace().all(quytac.Checklist)
    return checklist


class TestLawsHold:
    def test_bundled_checklist_keeps_every_law(self, checklist):
        """
        The bundled Hanoi checklist keeps every law.
        """
        strategies.check_scoring_laws(checklist, max_examples=10)

    @settings(max_examples=5, suppress_health_check=[HealthCheck.nested_given])
    @given(strategies.checklists())
    def test_generated_checklists_keep_every_law(self, checklist):
        """
        Every generated checklist keeps every law.
        """
        strategies.check_scoring_laws(checklist, max_examples=5)

    def test_unknown_law(self, checklist):
        """
        A law that does not exist is a ValueError naming the laws there are.
        """
        with pytest.raises(ValueError, match="unknown scoring law 'speed'"):
            strategies.check_scoring_laws(checklist, laws=["speed"])


SMALL = """
scoring: {model: points, bands: [{id: dat, label: Đạt, min: 50}, {id: chua_dat, label: Chưa đạt, min: 0}]}
sections:
  - id: I
    title: Mục
    items:
      - {id: I.1, text: Có văn bản, answer: yes_no, points: 2}
      - {id: I.2, text: Số văn bản, answer: {count: {full_at: 4}}, points: 3}
      - {id: I.3, text: Niêm yết, answer: {points: {step: 0.5}}, points: 2}
"""
#: SMALL with a condition on I.2: the order law then reorders the answers only.
WITH_CONDITION = SMALL.replace("points: 3}", "points: 3, when: {item: I.1, in: [pass]}}")


class TestBrokenScoringIsCaught:
    @pytest.fixture(name="checklist")
    def _small(self):
        return checklist_from(SMALL)

    def test_percent_over_100_breaks_bounds(self, checklist, monkeypatch):
        """
        A percent doubled (a broken rule) goes over 100: the bounds law names it.
        """
        percent = compute._percent

        def doubled(*args, **kwargs):
            found = percent(*args, **kwargs)
            return None if found is None else found * 2

        monkeypatch.setattr(compute, "_percent", doubled)

        with pytest.raises(
            AssertionError,
            match=r"scoring law 'bounds' fails for checklist 'kt': percent .* is outside 0\.\.100",
        ):
            strategies.check_scoring_laws(checklist, laws=["bounds"], max_examples=30)

    def test_inverted_percent_breaks_monotonicity(self, checklist, monkeypatch):
        """
        A percent turned upside down stays within 0..100 but falls as answers get better: the
        monotonicity law names it.
        """
        percent = compute._percent

        def inverted(*args, **kwargs):
            found = percent(*args, **kwargs)
            return None if found is None else 100 - found

        monkeypatch.setattr(compute, "_percent", inverted)
        strategies.check_scoring_laws(checklist, laws=["bounds"], max_examples=20)

        with pytest.raises(
            AssertionError,
            match=r"scoring law 'monotonicity' fails .*: answering .* lowers the percent",
        ):
            strategies.check_scoring_laws(checklist, laws=["monotonicity"], max_examples=30)

    def test_na_counted_as_failed_breaks_na_neutrality(self, checklist, monkeypatch):
        """
        A score that counts na as failed differs from the score without the item.
        """
        score = scoring.score

        def na_fails(checklist, answers, **kwargs):
            failed = {k: ("fail" if v == "na" else v) for k, v in dict(answers).items()}
            failed = {k: v for k, v in failed.items() if v != "fail" or _is_yes_no(checklist, k)}
            return score(checklist, failed, **kwargs)

        monkeypatch.setattr(scoring, "score", na_fails)

        with pytest.raises(AssertionError, match="scoring law 'na_neutrality' fails"):
            strategies.check_scoring_laws(checklist, laws=["na_neutrality"], max_examples=30)

    def test_a_constant_breaks_scaling(self, checklist, monkeypatch):
        """
        A bonus of one point on every score is not scale-free: the scaling law names it.
        """
        percent = compute._percent

        def bonus(plan, **kwargs):
            found = percent(plan, **kwargs)
            if found is None or kwargs["maximum"] == 0:
                return found
            awarded = Fraction(kwargs["awarded"], plan.scale) + 1
            return min(Fraction(100), 100 * awarded / Fraction(kwargs["maximum"], plan.scale))

        monkeypatch.setattr(compute, "_percent", bonus)

        with pytest.raises(AssertionError, match="scoring law 'scaling' fails"):
            strategies.check_scoring_laws(checklist, laws=["scaling"], max_examples=30)

    def test_a_scoring_that_favours_the_first_item_breaks_order(self, checklist, monkeypatch):
        """
        A score that leaves out whichever item comes first keeps the bounds, but moving items
        and sections around changes it: the order law names it.
        """
        score = scoring.score

        def first_left_out(checklist, answers, **kwargs):
            first = checklist.items[0].id
            return score(
                checklist, {k: v for k, v in dict(answers).items() if k != first}, **kwargs
            )

        monkeypatch.setattr(scoring, "score", first_left_out)

        _order_breaks(checklist, "answers, items and sections")

    def test_a_scoring_that_reads_answers_in_order_breaks_order(self, monkeypatch):
        """
        A score that loses the last answer written depends on the order of the answers: the
        order law names it (with a condition, only the answers are reordered).
        """
        checklist = checklist_from(WITH_CONDITION)
        score = scoring.score

        def last_lost(checklist, answers, **kwargs):
            given = dict(answers)
            return score(checklist, dict(list(given.items())[:-1]), **kwargs)

        monkeypatch.setattr(scoring, "score", last_lost)

        _order_breaks(checklist, "answers")


def _order_breaks(checklist, reordered):
    """
    With scoring broken, the bounds law still holds and the order law fails with its exact
    message but for the counterexample (Hypothesis may shrink to any of several), which must
    be one: the percent it names is the broken rule's, and reordering changes it.
    """
    strategies.check_scoring_laws(checklist, laws=["bounds"], max_examples=20)

    with pytest.raises(AssertionError) as ei:
        strategies.check_scoring_laws(checklist, laws=["order"], max_examples=100)

    found = re.fullmatch(
        r"scoring law 'order' fails for checklist 'kt': reordering the (.+) changes the"
        r" percent from (\S+) to (\S+) \(answers: (\{.*\})\)",
        str(ei.value),
    )
    assert found is not None, str(ei.value)
    before, after = (None if p == "None" else Fraction(p) for p in found.group(2, 3))
    assert reordered == found[1]
    assert before != after
    assert before == scoring.score(checklist, ast.literal_eval(found[4])).percent


def _is_yes_no(checklist, item_id):
    item = checklist.item(item_id)
    return item is not None and isinstance(item.answer, quytac.YesNo)
