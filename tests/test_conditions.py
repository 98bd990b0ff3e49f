"""
Conditions (when:): data, evaluated without eval, checked statically against the checklist.
"""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import quytac
from _steps import assert_near_linear
from _strategies_checklists import checklist_from, yaml_items
from quytac import AllOf, AnyOf, ItemCondition, NotCondition, UnmetCondition, score
from quytac.conditions import cycles, unmet
from quytac.validation import issues_of


def rendered(found) -> list[str]:
    return [str(finding) for finding in found]


class TestItemCondition:
    @pytest.mark.parametrize(
        ("condition", "answers", "expected"),
        [
            (ItemCondition(item="a", equals="pass"), {"a": "pass"}, True),
            (ItemCondition(item="a", equals="pass"), {"a": "fail"}, False),
            (ItemCondition(item="a", equals="pass"), {}, False),
            (ItemCondition(item="n", equals="5"), {"n": "5.0"}, True),
            (ItemCondition(item="c", in_=("day_du", "mot_phan")), {"c": "mot_phan"}, True),
            (ItemCondition(item="c", in_=("day_du", "mot_phan")), {"c": "khong"}, False),
            (ItemCondition(item="c", in_=()), {"c": "khong"}, False),
            (ItemCondition(item="n", in_=("1", "2")), {"n": "2.0"}, True),
            (ItemCondition(item="n", gte=Decimal(3)), {"n": "3"}, True),
            (ItemCondition(item="n", gte=Decimal(3)), {"n": "2.5"}, False),
            (ItemCondition(item="n", lte=Decimal("2.5")), {"n": "2.5"}, True),
            (ItemCondition(item="n", gte=Decimal(1), lte=Decimal(2)), {"n": "3"}, False),
            (ItemCondition(item="n", gte=Decimal(1)), {"n": "na"}, False),
            (ItemCondition(item="t", gte=Decimal(1)), {"t": "nhiều"}, False),
            (ItemCondition(item="a", answered=True), {"a": "fail"}, True),
            (ItemCondition(item="a", answered=True), {"a": "na"}, False),
            (ItemCondition(item="a", answered=True), {"a": "not_observed"}, False),
            (ItemCondition(item="a", answered=False), {}, True),
            (ItemCondition(item="a", answered=False, equals="pass"), {"a": "pass"}, False),
        ],
    )
    def test_tests(self, condition, answers, expected):
        """
        equals, in, gte, lte and answered test the value of an earlier item; na, not_observed
        and a missing answer are no value; numbers compare as numbers.
        """
        assert expected is condition.holds(answers)


class TestCombinations:
    def test_all_any_not(self):
        """
        all holds when every condition holds, any when one does, not when its condition fails.
        """
        passed = ItemCondition(item="a", equals="pass")
        many = ItemCondition(item="n", gte=Decimal(5))
        answers = {"a": "pass", "n": "3"}

        assert (False, True, True, False) == (
            AllOf(conditions=(passed, many)).holds(answers),
            AnyOf(conditions=(passed, many)).holds(answers),
            NotCondition(condition=many).holds(answers),
            NotCondition(condition=AnyOf(conditions=(passed, many))).holds(answers),
        )

    def test_empty_all_and_any(self):
        """
        An empty all holds; an empty any does not (as in logic).
        """
        assert (True, False) == (AllOf(conditions=()).holds({}), AnyOf(conditions=()).holds({}))


NESTED = checklist_from(
    yaml_items(
        "{id: a, text: Có kế hoạch}",
        "{id: n, text: Số văn bản, answer: {count: {full_at: 4}}, points: 4}",
        "{id: b, text: Có bảng, when: {all: [{item: a, equals: pass}, {not: {item: n, lte: 0}}]}}",
        "{id: c, text: Bảng đẹp, when: {any: [{item: b, answered: true}, {item: n, gte: 4}]}}",
    )
)


class TestUnmet:
    def test_a_condition_that_holds_has_nothing_unmet(self):
        """
        Nothing is to blame when the condition holds.
        """
        assert () == unmet(ItemCondition(item="c", in_=("day_du",)), {"c": "day_du"})

    def test_an_item_test_names_its_item_what_it_saw_and_the_test(self):
        """
        The test that failed, with the answer of the item it tests.
        """
        test = ItemCondition(item="I.3", in_=("day_du", "mot_phan"))

        assert (UnmetCondition(condition=test, seen=(("I.3", "khong"),)),) == unmet(
            test, {"I.3": "khong"}
        )

    @pytest.mark.parametrize(
        ("condition", "answers", "failed"),
        [
            (
                ItemCondition(item="n", gte=Decimal(1), lte=Decimal(5)),
                {"n": "7"},
                ItemCondition(item="n", lte=Decimal(5)),
            ),
            (
                ItemCondition(item="n", gte=Decimal(1), lte=Decimal(5)),
                {"n": "na"},
                ItemCondition(item="n", gte=Decimal(1), lte=Decimal(5)),
            ),
            (
                ItemCondition(item="a", answered=True, equals="pass"),
                {"a": "fail"},
                ItemCondition(item="a", equals="pass"),
            ),
            (
                ItemCondition(item="a", answered=True, in_=("pass",)),
                {},
                ItemCondition(item="a", answered=True, in_=("pass",)),
            ),
        ],
    )
    def test_an_item_test_is_narrowed_to_the_tests_that_failed(self, condition, answers, failed):
        """
        Of several tests on one item, only those that do not hold are named; an item without
        a value is seen as None.
        """
        [found] = unmet(condition, answers)

        assert (failed, (condition.item, answers.get(condition.item))) == (
            found.condition,
            found.seen[0],
        )

    def test_all_names_every_part_that_failed(self):
        """
        Each failing part of an all is enough to skip the item: all are named, in order.
        """
        first = ItemCondition(item="a", equals="pass")
        second = ItemCondition(item="b", equals="pass")
        third = ItemCondition(item="n", gte=Decimal(3))

        found = unmet(AllOf(conditions=(first, second, third)), {"a": "fail", "b": "pass"})

        assert (
            UnmetCondition(condition=first, seen=(("a", "fail"),)),
            UnmetCondition(condition=third, seen=(("n", None),)),
        ) == found

    def test_any_and_not_are_named_whole(self):
        """
        No single test of an any or a not is to blame: the whole is named, with every item it
        tests, each once.
        """
        either = AnyOf(
            conditions=(
                ItemCondition(item="a", equals="pass"),
                AllOf(
                    conditions=(
                        ItemCondition(item="n", gte=Decimal(3)),
                        ItemCondition(item="a", answered=True),
                    )
                ),
            )
        )
        excluded = NotCondition(condition=ItemCondition(item="a", equals="fail"))
        answers = {"a": "fail", "n": "2"}

        assert [
            (UnmetCondition(condition=either, seen=(("a", "fail"), ("n", "2"))),),
            (UnmetCondition(condition=excluded, seen=(("a", "fail"),)),),
        ] == [unmet(either, answers), unmet(excluded, answers)]

    def test_a_skipped_item_result_carries_its_unmet_condition(self):
        """
        a failed: b is skipped by the first part of its all (its not holds, n being 1); c's
        any fails as a whole, b having no value (skipped) and n being below 4.
        """
        result = score(NESTED, {"a": "fail", "n": 1, "b": "pass", "c": "pass"})
        items = {item.id: item for item in result.explain().items()}
        either = {item.id: item for item in NESTED.items}["c"].when

        assert [
            (
                UnmetCondition(
                    condition=ItemCondition(item="a", equals="pass"), seen=(("a", "fail"),)
                ),
            ),
            (UnmetCondition(condition=either, seen=(("b", None), ("n", "1"))),),
            (),
        ] == [items["b"].unmet, items["c"].unmet, items["a"].unmet]


class TestLoadedConditions:
    def test_nested_conditions_load(self):
        """
        all, any and not nest, with the YAML keys of the format (in, not ...).
        """
        item = NESTED.item("b")

        assert (
            AllOf(
                conditions=(
                    ItemCondition(item="a", equals="pass"),
                    NotCondition(condition=ItemCondition(item="n", lte=Decimal(0))),
                )
            )
            == item.when
        )

    def test_watched_names_the_items_conditions_test_through_all_any_and_not(self):
        """
        a and n are tested by b's condition, b and n by c's; c is tested by none.
        """
        assert frozenset({"a", "n", "b"}) == NESTED.watched
        assert frozenset() == checklist_from(yaml_items("{id: a, text: A}")).watched

    def test_a_skipped_item_is_not_answered_for_later_conditions(self):
        """
        b is skipped (a failed), so c's answered test on b is false; c's other test (n at least
        4) holds: 0 + 4 + 1 of 6.
        """
        skipped = score(NESTED, {"a": "fail", "n": 1, "b": "pass", "c": "pass"})
        chained = score(NESTED, {"a": "fail", "n": 4, "c": "pass"})

        assert ["a", "n"] == [
            item.id for item in skipped.explain().sections[0].items if item.counted
        ]
        assert (Fraction(250, 3), "scored") == (chained.percent, chained.statuses[3])

    def test_conditions_round_trip(self):
        """
        Conditions dump to the YAML they were read from.
        """
        assert NESTED == quytac.loads(quytac.dumps(NESTED))

    @pytest.mark.parametrize(
        ("when", "expected"),
        [
            (
                "{item: a}",
                "<string>:10:31: error QT403: sections[0].items[1].when: a condition on an item"
                " needs a test: equals, in, gte, lte or answered",
            ),
            (
                "{item: a, equals: null, in: }",
                "<string>:10:31: error QT403: sections[0].items[1].when: a condition on an item"
                " needs a test: equals, in, gte, lte or answered",
            ),
            (
                "{item: a, all: []}",
                "<string>:10:31: error QT402: sections[0].items[1].when: expected exactly one of:"
                " item, all, any, not; got 'item', 'all'",
            ),
            (
                "{if: a}",
                "<string>:10:31: error QT401: sections[0].items[1].when: unknown condition 'if'"
                " (expected one of: item, all, any, not)",
            ),
            (
                "pass",
                "<string>:10:31: error QT105: sections[0].items[1].when: expected a condition"
                " such as {item: I.1, equals: pass}, got 'pass'",
            ),
            (
                "{not: {item: a, equal: pass}}",
                "<string>:10:37: error QT403: sections[0].items[1].when.not: a condition on an"
                " item needs a test: equals, in, gte, lte or answered; did you mean 'equals'?",
            ),
            (
                "{not: {item: a, equals: pass, note: x}}",
                "<string>:10:61: error QT104: sections[0].items[1].when.not.note: unknown key"
                " (allowed here: item, equals, in, gte, lte, answered)",
            ),
            (
                "{all: [{item: a, gte: x}]}",
                "<string>:10:53: error QT105: sections[0].items[1].when.all[0].gte: expected a"
                " number such as 2.5, got 'x'",
            ),
        ],
    )
    def test_malformed_conditions_are_located_problems(self, when, expected):
        """
        A condition of the wrong shape is a problem at its place, with a clear message.
        """
        text = yaml_items("{id: a, text: Có}", f"{{id: b, text: Có, when: {when}}}")

        with pytest.raises(quytac.LoadError) as ei:
            checklist_from(text)

        assert [expected] == [str(problem) for problem in ei.value.problems]


def lint(*items: str) -> list[str]:
    return rendered(issues_of(checklist_from(yaml_items(*items))))


CHOICES = (
    "{id: c, text: Mức độ, answer: {choices: [{id: day_du, label: Đầy đủ, points: 2},"
    " {id: khong, label: Không, points: 0}]}}"
)


class TestStaticChecks:
    def test_unknown_item(self):
        """
        A condition on an item the checklist does not have.
        """
        assert [
            "<string>: error QT430: sections[0].items[1].when.item: the condition tests 'x',"
            " which is not an item of this checklist"
        ] == lint("{id: a, text: Có}", "{id: b, text: Có, when: {item: x, equals: pass}}")

    def test_itself(self):
        """
        A condition on the item itself.
        """
        assert [
            "<string>: error QT431: sections[0].items[0].when.item: an item's condition cannot"
            " test the item itself"
        ] == lint("{id: a, text: Có, when: {item: a, answered: true}}")

    def test_later_item_and_cycle(self):
        """
        Conditions on later items; two items that test each other also form a cycle, and the
        second is unreachable (the first is always skipped: b has no answer yet when a is met).
        """
        assert [
            "<string>: error QT432: sections[0].items[0].when.item: the condition tests 'b',"
            " which comes later: conditions test earlier items",
            "<string>: warning QT436: sections[0].items[1].when: the condition never holds:"
            " the item is never scored",
            "<string>: error QT435: sections[0].items[0].when: conditions form a cycle:"
            " a -> b -> a",
        ] == lint(
            "{id: a, text: Có, when: {item: b, equals: pass}}",
            "{id: b, text: Có, when: {item: a, equals: pass}}",
        )

    def test_numeric_test_on_yes_no(self):
        """
        gte and lte on an item whose answer is not a number.
        """
        assert [
            "<string>: error QT433: sections[0].items[1].when.gte: gte compares numbers and does"
            " not apply to a yes_no item",
            "<string>: error QT433: sections[0].items[1].when.lte: lte compares numbers and does"
            " not apply to a yes_no item",
        ] == lint("{id: a, text: Có}", "{id: b, text: Có, when: {item: a, gte: 1, lte: 2}}")

    def test_values_the_item_never_takes(self):
        """
        A choice that does not exist, a yes_no value that is not pass or fail, a word for a count.
        """
        assert [
            "<string>: error QT434: sections[0].items[3].when.any[0].in[1]: 'day-du' is never"
            " an answer of this item; did you mean 'day_du'? (expected day_du, khong)",
            "<string>: error QT434: sections[0].items[3].when.any[1].equals: 'yes' is never an"
            " answer of this item; did you mean 'pass'? (expected fail, pass)",
            "<string>: error QT434: sections[0].items[3].when.any[2].equals: 'năm' is never an"
            " answer of this item (expected a number)",
        ] == lint(
            "{id: a, text: Có}",
            CHOICES,
            "{id: n, text: Số văn bản, answer: {count: {full_at: 4}}}",
            "{id: b, text: Có, when: {any: [{item: c, in: [day_du, day-du]},"
            " {item: a, equals: 'yes'}, {item: n, equals: năm}]}}",
        )

    @pytest.mark.parametrize(
        "when",
        [
            "{item: c, in: []}",
            "{item: p, gte: 3}",
            "{item: p, lte: -1}",
            "{item: p, gte: 2, lte: 1}",
            "{item: a, answered: false, equals: pass}",
            "{all: [{item: a, equals: pass}, {item: c, in: []}]}",
            "{any: [{item: c, in: []}, {item: p, gte: 5}]}",
        ],
    )
    def test_unreachable_items(self, when):
        """
        A condition that can never hold makes its item unreachable (a warning).
        """
        assert [
            "<string>: warning QT436: sections[0].items[3].when: the condition never holds:"
            " the item is never scored"
        ] == lint(
            "{id: a, text: Có}",
            CHOICES,
            "{id: p, text: Điểm, answer: {points: {step: 0.5}}, points: 2}",
            f"{{id: b, text: Có, when: {when}}}",
        )

    def test_unreachable_spreads(self):
        """
        An item that tests only an unreachable item is unreachable too.
        """
        assert [
            "<string>: warning QT436: sections[0].items[1].when: the condition never holds:"
            " the item is never scored",
            "<string>: warning QT436: sections[0].items[2].when: the condition never holds:"
            " the item is never scored",
        ] == lint(
            "{id: a, text: Có}",
            "{id: b, text: Có, when: {item: a, in: []}}",
            "{id: c, text: Có, when: {item: b, answered: true}}",
        )

    def test_not_is_taken_as_reachable(self):
        """
        The check is conservative: a not is never called unreachable.
        """
        assert [] == lint(
            "{id: a, text: Có}", "{id: b, text: Có, when: {not: {item: a, answered: false}}}"
        )

    def test_vietnamese_messages(self):
        """
        Condition issues read in Vietnamese too.
        """
        found = issues_of(
            checklist_from(
                yaml_items("{id: a, text: Có}", "{id: b, text: Có, when: {item: z, equals: pass}}")
            )
        )

        assert [
            "<string>: lỗi QT430: sections[0].items[1].when.item: điều kiện kiểm tra 'z',"
            " không phải là câu hỏi của phiếu này"
        ] == [issue.render("vi") for issue in found]


def every_cycle(edges) -> list[tuple[str, ...]]:
    """
    The reading of QT435 that the checklist's order defines (the rule before it was made
    linear, kept as the reference): from each item in turn, every path through items not yet
    started from, last edge first, closing back on the item; a cycle is one path per way round
    (an item named twice closes twice).
    """
    found = []
    seen: set[str] = set()
    for start in edges:
        stack = [(start, (start,))]
        while stack:
            node, trail = stack.pop()
            for following in edges.get(node, ()):
                if following == start and len(trail) > 1:
                    found.append(trail)
                elif following not in trail and following not in seen and following in edges:
                    stack.append((following, (*trail, following)))
        seen.add(start)
    return found


NAMES = "abcdefg"
graphs = st.dictionaries(
    st.sampled_from(NAMES[:6]),
    st.lists(st.sampled_from(NAMES), max_size=4).map(tuple),
    max_size=6,
)


class TestCycles:
    @given(graphs)
    def test_every_cycle_in_order(self, edges):
        """
        The cycles among conditions, each way round, in the order of the reference.
        """
        assert every_cycle(edges) == list(cycles(edges))

    @pytest.mark.parametrize("length", [2, 3, 5000])
    def test_one_long_cycle(self, length):
        """
        Items that each test the next, round to the first: one cycle, from the first item.
        """
        edges = {f"i{k}": (f"i{(k + 1) % length}",) for k in range(length)}

        assert [tuple(edges)] == list(cycles(edges))


def chained(n: int, tested) -> quytac.Checklist:
    """
    Items i0 ... i(n-1), each with the condition ``tested(k)`` gives (None: no condition).
    """
    items = tuple(
        quytac.Item(id=f"i{k}", text=quytac.Text(vi="Có"), when=tested(k)) for k in range(n)
    )
    section = quytac.Section(id="S", title=quytac.Text(vi="Mục"), items=items)
    return quytac.Checklist(id="kt", title=quytac.Text(vi="Phiếu"), sections=(section,))


def on(k: int) -> ItemCondition:
    return ItemCondition(item=f"i{k}", equals="pass")


class TestStaticChecksGrowLinearly:
    """
    Ten times the items take about ten times the work, not a hundred (steps counted, not
    timed: tests/_steps.py).
    """

    def test_each_item_tests_the_next(self):
        """
        A chain of conditions on later items (QT432), which never comes back.
        """

        def make(n):
            checklist = chained(n, lambda k: on(k + 1) if k < n - 1 else None)
            return lambda: list(issues_of(checklist))

        assert_near_linear(make, 100)

    def test_each_item_tests_the_next_two(self):
        """
        Paths that fork at each item and never come back (there are more than 2^(n/2) of them).
        """

        def make(n):
            checklist = chained(
                n, lambda k: AnyOf(conditions=(on(k + 1), on(k + 2))) if k < n - 2 else None
            )
            return lambda: list(issues_of(checklist))

        assert_near_linear(make, 16)

    def test_pairs_that_test_each_other(self):
        """
        n / 2 cycles of two items: each part is searched alone.
        """

        def make(n):
            checklist = chained(n, lambda k: on(k + 1 if k % 2 == 0 else k - 1))
            return lambda: list(issues_of(checklist))

        assert_near_linear(make, 100)
