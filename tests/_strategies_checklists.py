"""
Hypothesis strategies for checklists and their answers, and a helper that loads a checklist from
a YAML body.

The items and answers are quytac.strategies' own; the checklists are wider than
``quytac.strategies.checklists``, which only draws checklists that validate with no issue: these
may have critical items without a policy, critical items under conditions, and conditions that
never hold, so that the laws of scoring are tested where the model only warns. Their conditions
test items of the first top-level section only, so that reordering the other sections keeps them
valid.
"""

from decimal import Decimal
from textwrap import dedent, indent

import attrs
from hypothesis import strategies as st

import quytac
from quytac import (
    AllOf,
    AnyOf,
    Band,
    Checklist,
    Choices,
    Count,
    CriticalPolicy,
    Item,
    ItemCondition,
    Model,
    NotCondition,
    ScoringPolicy,
    Section,
    Text,
    Unanswered,
    YesNo,
    ZeroScope,
    strategies,
)

HEADER = "kind: Checklist\nschema: quytac/v1\nid: kt\ntitle: Phiếu thử\n"

BANDS = (
    Band(id="tot", label=Text(vi="Tốt"), min=Decimal(85)),
    Band(id="kha", label=Text(vi="Khá"), min=Decimal(70)),
    Band(id="trung_binh", label=Text(vi="Trung bình"), min=Decimal(50)),
    Band(id="yeu", label=Text(vi="Yếu"), min=Decimal(0)),
)


def checklist_from(body: str) -> Checklist:
    """
    A checklist from the YAML after its envelope (kind, schema, id, title).
    """
    document = quytac.loads(HEADER + dedent(body).lstrip("\n"))
    assert isinstance(document, Checklist)
    return document


def yaml_items(*lines: str) -> str:
    """
    A section ``S`` holding the items given as YAML flow mappings, one a line.
    """
    items = "".join(f"  - {line}\n" for line in lines)
    return "sections:\n- id: S\n  title: Mục\n  items:\n" + indent(items, "  ")


# --- numbers --------------------------------------------------------------------------------

weights = st.integers(min_value=0, max_value=5).map(Decimal)


# --- items ----------------------------------------------------------------------------------


@st.composite
def items(draw: st.DrawFn) -> Item:
    """
    An item without a condition; its id is set later, when the checklist is put together.
    """
    answer, maximum = draw(strategies.answer_types())
    explicit_weight = draw(st.booleans()) and answer is not None
    return Item(
        id="x",
        text=Text(vi="Câu hỏi"),
        answer=answer,  # type: ignore[arg-type]
        points=maximum,
        weight=draw(weights) if explicit_weight else None,
        critical=draw(st.booleans()) and maximum is not None,
    )


@st.composite
def sections(draw: st.DrawFn, depth: int = 0, *, at_least_one: bool = False) -> Section:
    inner = draw(st.lists(sections(depth + 1), max_size=2)) if depth < 1 else []
    found = draw(st.lists(items(), min_size=1 if at_least_one else 0, max_size=4))
    return Section(
        id="s",
        title=Text(vi="Mục"),
        weight=draw(st.integers(min_value=1, max_value=4).map(Decimal)),
        items=tuple(found),
        sections=tuple(inner),
    )


def numbered(section: Section, counter: list[int]) -> Section:
    """
    The section with unique ids given in order: sections ``s0``, ``s1``..., items ``i0``....
    """
    section_id = f"s{counter[0]}"
    counter[0] += 1
    found = []
    for item in section.items:
        found.append(attrs.evolve(item, id=f"i{counter[1]}"))
        counter[1] += 1
    inner = tuple(numbered(s, counter) for s in section.sections)
    return attrs.evolve(section, id=section_id, items=tuple(found), sections=inner)


policies = st.builds(
    ScoringPolicy,
    model=st.sampled_from(list(Model)),
    counts_as_fail=st.lists(st.sampled_from(list(Unanswered)), unique=True).map(tuple),
    critical=st.sampled_from(
        [
            CriticalPolicy(),
            CriticalPolicy(cap_band="trung_binh"),
            CriticalPolicy(zero=ZeroScope.SECTION),
            CriticalPolicy(zero=ZeroScope.SCORE),
        ]
    ),
    bands=st.just(BANDS),
)


@st.composite
def tests_of(draw: st.DrawFn, target: Item) -> ItemCondition:
    """
    A test that fits an item's answer type: a pass or fail or a choice id for yes_no and
    choices, a bound for a count, ``answered`` for any item.
    """
    answer = target.answer
    if isinstance(answer, YesNo) and draw(st.booleans()):
        if draw(st.booleans()):
            return ItemCondition(item=target.id, equals=draw(st.sampled_from(["pass", "fail"])))
        return ItemCondition(item=target.id, in_=("pass",))
    if isinstance(answer, Choices) and draw(st.booleans()):
        ids = [choice.id for choice in answer.choices]
        chosen = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=len(ids), unique=True))
        return ItemCondition(item=target.id, in_=tuple(chosen))
    if isinstance(answer, Count) and draw(st.booleans()):
        bound = Decimal(draw(st.integers(min_value=0, max_value=8)))
        if draw(st.booleans()):
            return ItemCondition(item=target.id, gte=bound)
        return ItemCondition(item=target.id, lte=bound)
    return ItemCondition(item=target.id, answered=draw(st.booleans()))


@st.composite
def conditions_on(draw: st.DrawFn, targets: list[Item]) -> object:
    """
    A condition on some of the targets: one test, its negation, or all / any of two.
    """
    form = draw(st.sampled_from(["test", "test", "not", "all", "any"]))
    first = draw(tests_of(draw(st.sampled_from(targets))))
    if form == "test":
        return first
    if form == "not":
        return NotCondition(condition=first)
    second = draw(tests_of(draw(st.sampled_from(targets))))
    return (AllOf if form == "all" else AnyOf)(conditions=(first, second))


def with_conditions(section: Section, found: dict[str, object]) -> Section:
    """
    The section with the conditions given by item id.
    """
    return attrs.evolve(
        section,
        items=tuple(
            attrs.evolve(item, when=found[item.id]) if item.id in found else item
            for item in section.items
        ),
        sections=tuple(with_conditions(inner, found) for inner in section.sections),
    )


@st.composite
def checklists(
    draw: st.DrawFn,
    policy: st.SearchStrategy[ScoringPolicy] = policies,
    conditional: st.SearchStrategy[bool] = st.booleans(),  # noqa: B008
) -> Checklist:
    """
    A checklist of one to three top-level sections (one level of subsections), the first with
    at least one item, ids unique and in order; when ``conditional`` draws True, some items
    carry a ``when:`` condition, valid by construction: it tests only items of the first
    top-level section that come before the item, with comparisons that fit their answer types
    (so that any reordering that keeps the first section first and intact keeps them valid).
    """
    first = draw(sections(at_least_one=True))
    rest = draw(st.lists(sections(), max_size=2))
    counter = [0, 0]
    numbered_sections = tuple(numbered(s, counter) for s in (first, *rest))
    if draw(conditional):
        in_first = {
            item.id
            for item, _ in Checklist(
                id="kt", title=Text(vi="x"), sections=numbered_sections[:1]
            ).walk()
        }
        ordered = [item for section in numbered_sections for item in _items_of(section)]
        found: dict[str, object] = {}
        for position, item in enumerate(ordered):
            targets = [other for other in ordered[:position] if other.id in in_first]
            if targets and draw(st.integers(min_value=0, max_value=2)) == 0:
                found[item.id] = draw(conditions_on(targets))
        numbered_sections = tuple(with_conditions(s, found) for s in numbered_sections)
    return Checklist(
        id="kt",
        title=Text(vi="Phiếu thử"),
        scoring=draw(policy),
        sections=numbered_sections,
    )


def _items_of(section: Section) -> list[Item]:
    """
    A section's items in the checklist's order: its own, then its subsections'.
    """
    return [*section.items, *(item for inner in section.sections for item in _items_of(inner))]


# --- answers --------------------------------------------------------------------------------


@st.composite
def answers_for(draw: st.DrawFn, checklist: Checklist) -> dict[str, str]:
    """
    Answers to a checklist: each item a valid value, na, not_observed, or left out (missing).
    """
    found: dict[str, str] = {}
    for item in checklist.items:
        kind = draw(st.sampled_from(["value", "value", "na", "not_observed", "missing"]))
        if kind == "value":
            found[item.id] = draw(strategies.values(item))
        elif kind != "missing":
            found[item.id] = kind
    return found


@st.composite
def scored(
    draw: st.DrawFn,
    policy: st.SearchStrategy[ScoringPolicy] = policies,
    conditional: st.SearchStrategy[bool] = st.booleans(),  # noqa: B008
) -> tuple[Checklist, dict[str, str]]:
    """
    A checklist (with conditions or not) and answers to it.
    """
    checklist = draw(checklists(policy, conditional))
    return checklist, draw(answers_for(checklist))
