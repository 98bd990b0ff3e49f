"""
Hypothesis strategies for quytac's documents, valid by construction, and the laws of its rules.

Install with ``pip install 'quytac[hypothesis]'``. Every strategy builds objects that load,
dump and validate with no issue, so a project can property-test its own code against any
checklist, catalog or plan quytac accepts. With the extra installed, Hypothesis' plugin hook
registers them, so ``st.from_type(quytac.UnitCatalog)`` works too.

This is the only module of quytac that imports Hypothesis; nothing else imports this one.
"""

# ruff: noqa: E402 - the entry point must exist before Hypothesis is imported (see below)

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any

import attrs


def _hypothesis_setup_hook() -> None:
    """
    Hypothesis' plugin entry point: ``st.from_type`` builds quytac's documents.

    Hypothesis runs it while it is first imported, which may be from this very module (then
    the strategies do not exist yet, and the module registers them itself when it is loaded).
    """
    register = globals().get("_register")
    if register is not None:
        register()


from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from . import scoring
from ._documents import Document
from ._mapping import FrozenMap
from .checklists import (
    Answers,
    AnswerType,
    Band,
    Checklist,
    Choice,
    Choices,
    Count,
    CriticalPolicy,
    FreeText,
    Item,
    Model,
    PointsScale,
    ScoringPolicy,
    Section,
    Threshold,
    Unanswered,
    YesNo,
    ZeroScope,
)
from .codes import AppliesTo, Article, Chapter, ConductCode, LegalBasis, Rule, RuleType
from .conditions import AllOf, AnyOf, Condition, ItemCondition, NotCondition
from .conditions import number as _number
from .outlines import CrossRule, Indicator, IndicatorType, Narrative, OutlineSection, ReportOutline
from .plans import DirectPart, Form, IndirectPart, InspectionPlan, ModelPointType, Period, Scope
from .records import (
    Figure,
    Findings,
    InspectionRecord,
    ModelPoint,
    Pin,
    Report,
    ReportSection,
    SelfAssessment,
)
from .text import Text
from .units import PLACE_TYPES, Unit, UnitCatalog
from .workspace import Workspace

__all__ = [
    "ANSWER_TYPES",
    "SCORING_LAWS",
    "answer_types",
    "answers",
    "best_value",
    "check_scoring_laws",
    "checklists",
    "conduct_codes",
    "ids",
    "inspection_plans",
    "inspection_records",
    "report_outlines",
    "reports",
    "texts",
    "unit_catalogs",
    "values",
    "words",
    "workspaces",
]

_LETTERS = "abcdeghiklmnopqrstuvxyăâđêôơưáàảãạếềểễệốồổỗộớờởỡợ "

PROVINCE_KINDS = ("tinh", "thanh_pho_tw")
DISTRICT_KINDS = ("quan", "huyen", "thi_xa")
COMMUNE_KINDS = ("xa", "phuong", "thi_tran")


def words(*, min_size: int = 1, max_size: int = 20) -> st.SearchStrategy[str]:
    """
    Vietnamese-looking text, NFC, never blank.

    .. versionadded:: 2026.11.0
    """
    return st.text(alphabet=_LETTERS, min_size=min_size, max_size=max_size).map(
        lambda text: unicodedata.normalize("NFC", text.strip()) or "a"
    )


def texts() -> st.SearchStrategy[Text]:
    """
    ``Text`` values: Vietnamese, sometimes with English.

    .. versionadded:: 2026.11.0
    """
    return st.builds(Text, vi=words(), en=st.none() | words())


def ids() -> st.SearchStrategy[str]:
    """
    Ids of definitions: lower-case letters, digits, ``.``, ``_``, ``-``.

    .. versionadded:: 2026.11.0
    """
    return st.from_regex(r"[a-z0-9][a-z0-9._-]{0,15}", fullmatch=True)


def _names(prefix: str) -> st.SearchStrategy[Text]:
    return words(max_size=8).map(lambda word: Text(vi=f"{prefix} {word}"))


def _codes(digits: int, count: int) -> st.SearchStrategy[list[str]]:
    return st.lists(
        st.integers(1, 10**digits - 1).map(lambda n: f"{n:0{digits}d}"),
        unique=True,
        min_size=count,
        max_size=count,
    )


@st.composite
def unit_catalogs(draw: st.DrawFn, *, max_districts: int = 4, max_communes: int = 4) -> UnitCatalog:
    """
    Catalogs of one province (code "01") of the 2020-2024 era: its districts and their
    communes with official codes of the right length, departments with slugs, and public places
    under communes; units in any order. They validate with no issue.

    Args:
        max_districts: At most this many district-level units.
        max_communes: At most this many communes under each of them.

    .. versionadded:: 2026.11.0
    """
    province = Unit(
        code="01", name=draw(_names("Tỉnh")), kind=draw(st.sampled_from(PROVINCE_KINDS))
    )
    units = [province]
    district_codes = draw(_codes(3, draw(st.integers(0, max_districts))))
    drafts: list[tuple[Text, str, str]] = []
    for district_code in district_codes:
        units.append(
            Unit(
                code=district_code,
                name=draw(_names("Quận")),
                kind=draw(st.sampled_from(DISTRICT_KINDS)),
                parent="01",
            )
        )
        drafts += [
            (draw(_names("Phường")), draw(st.sampled_from(COMMUNE_KINDS)), district_code)
            for _ in range(draw(st.integers(0, max_communes)))
        ]
    communes = [
        Unit(code=code, name=name, kind=kind, parent=parent)
        for code, (name, kind, parent) in zip(draw(_codes(5, len(drafts))), drafts, strict=True)
    ]
    units += communes
    parents = ["01", *district_codes]
    for number in range(draw(st.integers(0, 3))):
        units.append(
            Unit(
                code=f"so-{number}",
                name=draw(_names("Sở")),
                kind=draw(st.sampled_from(("so", "ban", "don_vi_su_nghiep"))),
                parent=draw(st.sampled_from(parents)),
            )
        )
    if communes:
        for number in range(draw(st.integers(0, 3))):
            units.append(
                Unit(
                    code=f"place-{number}",
                    name=draw(_names("Chợ")),
                    kind="dia_diem_cong_cong",
                    place_type=draw(st.sampled_from(sorted(PLACE_TYPES))),
                    parent=draw(st.sampled_from(communes)).code,
                    verified=draw(st.booleans()),
                )
            )
    return UnitCatalog(
        id=draw(ids()),
        title=draw(texts()),
        valid_from=dt.date(2020, 1, 1),
        valid_to=dt.date(2024, 12, 31),
        units=tuple(draw(st.permutations(units))),
    )


@st.composite
def conduct_codes(draw: st.DrawFn, *, max_chapters: int = 4, max_articles: int = 4) -> ConductCode:
    """
    Codes of conduct with chapters numbered I, II, ..., articles numbered 1, 2, ... through
    the code, unique rule ids and dates in order. They validate with no issue.

    .. versionadded:: 2026.11.0
    """
    issued_on = draw(st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)))
    starts = draw(st.integers(0, 60))
    effective_from = issued_on + dt.timedelta(days=starts)
    lasts = draw(st.none() | st.integers(0, 3650))
    effective_to = None if lasts is None else effective_from + dt.timedelta(days=lasts)
    roman = ("I", "II", "III", "IV", "V", "VI")
    chapters = []
    number = 0
    for c in range(draw(st.integers(1, max_chapters))):
        articles = []
        for _ in range(draw(st.integers(0, max_articles))):
            number += 1
            rules = tuple(
                Rule(
                    id=f"r{number}-{r}",
                    text=draw(texts()),
                    type=draw(st.sampled_from(RuleType)),
                )
                for r in range(draw(st.integers(0, 3)))
            )
            articles.append(
                Article(
                    number=number, title=draw(texts()), verified=draw(st.booleans()), rules=rules
                )
            )
        chapters.append(Chapter(number=roman[c], title=draw(texts()), articles=tuple(articles)))
    return ConductCode(
        id=draw(ids()),
        title=draw(texts()),
        version=draw(st.integers(1, 5)),
        legal_basis=LegalBasis(
            instrument=draw(words()), issued_by=draw(words()), issued_on=issued_on
        ),
        effective_from=effective_from,
        effective_to=effective_to,
        applies_to=AppliesTo(
            unit_kinds=tuple(draw(st.lists(st.sampled_from(("so", "quan", "phuong")), unique=True)))
        ),
        chapters=tuple(chapters),
    )


# --- checklists ------------------------------------------------------------------------------

#: The names of the answer types, as written in YAML (``answer: yes_no``), for ``answer_types=``.
ANSWER_TYPES: tuple[str, ...] = ("yes_no", "count", "points", "choices", "text")

_BANDS = (
    Band(id="tot", label=Text(vi="Tốt"), min=Decimal(85)),
    Band(id="kha", label=Text(vi="Khá"), min=Decimal(70)),
    Band(id="trung_binh", label=Text(vi="Trung bình"), min=Decimal(50)),
    Band(id="yeu", label=Text(vi="Yếu"), min=Decimal(0)),
)

#: Points in tenths, 0.1 .. 20.0: never 0, so every scored item can be passed and failed.
_POINTS = st.integers(min_value=1, max_value=200).map(lambda n: Decimal(n) / 10)
_STEPS = st.sampled_from([Decimal("0.5"), Decimal(1), Decimal("0.25")])


def answer_types(
    *, names: tuple[str, ...] = ANSWER_TYPES
) -> st.SearchStrategy[tuple[AnswerType, Decimal | None]]:
    """
    An answer type and the item points that suit it (a multiple of the step of a points
    scale; the best choice of a choices item; None for ``text``), for building items by hand.

    Args:
        names: Which answer types to draw, among :data:`ANSWER_TYPES`.

    .. versionadded:: 2026.11.0
    """
    if not names or not set(names) <= set(ANSWER_TYPES):
        raise ValueError(f"names must be among {', '.join(ANSWER_TYPES)}, got {names!r}")
    return st.sampled_from(names).flatmap(_answer_type)


@st.composite
def _answer_type(draw: st.DrawFn, name: str) -> tuple[AnswerType, Decimal | None]:
    """
    An answer type of the kind named and the item points that suit it.
    """
    if name == "yes_no":
        return YesNo(), draw(_POINTS)
    if name == "count":
        maximum = draw(_POINTS)
        if draw(st.booleans()):
            return Count(full_at=draw(st.integers(min_value=1, max_value=6))), maximum
        mins = sorted(draw(st.lists(st.integers(0, 10), min_size=1, max_size=3, unique=True)))
        top = int(maximum * 10)
        lower = sorted(
            draw(st.lists(st.integers(0, top), min_size=len(mins) - 1, max_size=len(mins) - 1))
        )
        thresholds = tuple(
            Threshold(min=low, points=Decimal(tenths) / 10)
            for low, tenths in zip(mins, [*lower, top], strict=True)
        )
        return Count(thresholds=thresholds), maximum
    if name == "points":
        step = draw(_STEPS)
        return PointsScale(step=step), step * draw(st.integers(min_value=1, max_value=12))
    if name == "choices":
        maximum = draw(_POINTS)
        top = int(maximum * 10)
        tenths = [top, *draw(st.lists(st.integers(0, top), max_size=3))]
        choices = tuple(
            Choice(id=f"c{n}", label=Text(vi=f"Lựa chọn {n}"), points=Decimal(p) / 10)
            for n, p in enumerate(draw(st.permutations(tenths)))
        )
        return Choices(choices=choices), maximum
    return FreeText(), None


def values(item: Item) -> st.SearchStrategy[str]:
    """
    The values that fit an item, as written in YAML (``pass``, ``3``, ``1.5``, a choice id),
    never ``na``, ``not_observed`` or ``missing``.

    .. versionadded:: 2026.11.0
    """
    answer = item.answer
    if isinstance(answer, YesNo):
        return st.sampled_from(["pass", "fail"])
    if isinstance(answer, Count):
        return st.integers(min_value=0, max_value=12).map(str)
    if isinstance(answer, PointsScale):
        steps = int(item.maximum / answer.step)
        return st.integers(min_value=0, max_value=steps).map(lambda n: str(answer.step * n))
    if isinstance(answer, Choices):
        return st.sampled_from([choice.id for choice in answer.choices])
    return words(max_size=12)


@st.composite
def _tests(draw: st.DrawFn, item: Item) -> ItemCondition:
    """
    A test on an earlier item that some answer to it satisfies.
    """
    answer = item.answer
    if isinstance(answer, YesNo | Choices) and draw(st.booleans()):
        chosen = sorted({draw(values(item)) for _ in range(draw(st.integers(1, 2)))})
        if len(chosen) == 1:
            return ItemCondition(item=item.id, equals=chosen[0])
        return ItemCondition(item=item.id, in_=tuple(chosen))
    if isinstance(answer, Count | PointsScale) and draw(st.booleans()):
        bound = Decimal(draw(values(item)))
        if draw(st.booleans()):
            return ItemCondition(item=item.id, gte=bound)
        return ItemCondition(item=item.id, lte=bound)
    return ItemCondition(item=item.id, answered=True)


@st.composite
def _conditions(draw: st.DrawFn, earlier: list[Item]) -> Condition:
    """
    A condition on earlier items that holds for some answers: a test, or all / any of tests.
    """
    how = draw(st.sampled_from(["test", "test", "all", "any", "not"]))
    if how == "not":
        return NotCondition(
            condition=ItemCondition(item=draw(st.sampled_from(earlier)).id, answered=False)
        )
    if how == "test":
        return draw(_tests(draw(st.sampled_from(earlier))))
    tested = draw(st.lists(st.sampled_from(earlier), min_size=1, max_size=2, unique_by=id))
    tests = tuple(draw(_tests(item)) for item in tested)
    return AllOf(conditions=tests) if how == "all" else AnyOf(conditions=tests)


@st.composite
def checklists(  # noqa: PLR0913 - the knobs of a checklist
    draw: st.DrawFn,
    *,
    max_sections: int = 3,
    max_items: int = 4,
    max_depth: int = 1,
    answer_types: tuple[str, ...] = ANSWER_TYPES,
    models: tuple[Model, ...] = tuple(Model),
    conditions: bool = True,
    critical: bool = True,
) -> Checklist:
    """
    Checklists that validate with no issue: sections ``s0``, ``s1``... (nested up to
    ``max_depth`` levels), items ``i0``, ``i1``... in order, the first a scored one; conditions
    (``when:``) test earlier items and can hold; a critical item makes the policy cap the band
    or zero the score.

    Args:
        max_sections: At most this many sections at each level (at least one at the top).
        max_items: At most this many items in each section.
        max_depth: How deep sections nest (0: top-level sections only).
        answer_types: Which answer types items use, among :data:`ANSWER_TYPES`; at least one
            must be scored (not only ``text``).
        models: The scoring models to draw from.
        conditions: Whether items may carry a ``when:`` condition.
        critical: Whether items may be critical.

    .. versionadded:: 2026.11.0
    """
    scored_types = [name for name in answer_types if name in ANSWER_TYPES and name != "text"]
    if not scored_types or not set(answer_types) <= set(ANSWER_TYPES):
        raise ValueError(
            f"answer_types must be among {', '.join(ANSWER_TYPES)} and include a scored one,"
            f" got {answer_types!r}"
        )
    made: list[Item] = []

    def item(name: str) -> Item:
        answer, maximum = draw(_answer_type(name))
        when = None
        if conditions and made and draw(st.integers(0, 3)) == 0:
            when = draw(_conditions(made))
        found = Item(
            id=f"i{len(made)}",
            text=Text(vi=f"Câu hỏi {len(made)}"),
            answer=answer,
            points=maximum,
            weight=draw(st.none() | st.integers(1, 5).map(Decimal)) if maximum else None,
            critical=critical and maximum is not None and when is None and draw(st.booleans()),
            when=when,
        )
        made.append(found)
        return found

    counter = [0]

    def section(depth: int, *, first: bool) -> Section:
        number = counter[0]
        counter[0] += 1
        found = [item(draw(st.sampled_from(scored_types)))] if first else []
        found += [
            item(draw(st.sampled_from(answer_types)))
            for _ in range(draw(st.integers(0, max_items - len(found))))
        ]
        inner = []
        if depth < max_depth:
            inner = [
                section(depth + 1, first=False) for _ in range(draw(st.integers(0, max_sections)))
            ]
        return Section(
            id=f"s{number}",
            title=Text(vi=f"Mục {number}"),
            weight=Decimal(draw(st.integers(1, 4))),
            items=tuple(found),
            sections=tuple(inner),
        )

    sections = [section(0, first=True)]
    sections += [section(0, first=False) for _ in range(draw(st.integers(0, max_sections - 1)))]
    has_critical = any(i.critical for i in made)
    policy = ScoringPolicy(
        model=draw(st.sampled_from(models)),
        counts_as_fail=tuple(draw(st.lists(st.sampled_from(Unanswered), unique=True))),
        critical=draw(
            st.sampled_from(
                [
                    CriticalPolicy(cap_band="trung_binh"),
                    CriticalPolicy(zero=ZeroScope.SECTION),
                    CriticalPolicy(zero=ZeroScope.SCORE),
                ]
            )
            if has_critical
            else st.just(CriticalPolicy())
        ),
        bands=_BANDS,
    )
    return Checklist(
        id=draw(ids()),
        title=draw(texts()),
        version=draw(st.integers(1, 5)),
        scoring=policy,
        sections=tuple(sections),
    )


@st.composite
def answers(
    draw: st.DrawFn,
    checklist: Checklist,
    *,
    unanswered: tuple[str, ...] = ("na", "not_observed", "missing"),
) -> dict[str, str]:
    """
    Answers to a checklist, as in YAML (``{"i0": "pass", "i1": "3"}``), that score with no
    issue: each item gets a value that fits it, or one of ``unanswered`` (``missing`` leaves it
    out); an item its condition skips is left out.

    Args:
        checklist: The checklist answered.
        unanswered: Which of ``na``, ``not_observed``, ``missing`` may stand for a value.

    .. versionadded:: 2026.11.0
    """
    found: dict[str, str] = {}
    for item in checklist.items:
        if item.when is not None and not item.when.holds(found):
            continue
        how = draw(st.sampled_from(["value", "value", *unanswered]))
        if how == "value":
            found[item.id] = draw(values(item))
        elif how != "missing":
            found[item.id] = how
    return found


# --- report outlines and reports ------------------------------------------------------------

_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")
_NUMERIC = (IndicatorType.INTEGER, IndicatorType.DECIMAL, IndicatorType.PERCENT)


@st.composite
def _indicators(draw: st.DrawFn, number: int) -> Indicator:
    kind = draw(st.sampled_from(IndicatorType))
    low = high = None
    if kind in _NUMERIC and draw(st.booleans()):
        low = Decimal(draw(st.integers(0, 10)))
        if draw(st.booleans()):
            high = low + draw(st.integers(0, 90))
    return Indicator(
        id=f"chi_tieu_{number}",
        label=Text(vi=f"Chỉ tiêu {number}"),
        unit=draw(st.none() | st.sampled_from(["tờ", "văn bản", "cuộc", "bảng"])),
        type=kind,
        min=low,
        max=high,
        required=draw(st.booleans()),
    )


@st.composite
def report_outlines(
    draw: st.DrawFn, *, max_sections: int = 4, max_subsections: int = 3, max_indicators: int = 3
) -> ReportOutline:
    """
    Report outlines that validate with no issue: sections numbered I, II... with subsections
    1, 2...; indicators ``chi_tieu_0``, ``chi_tieu_1``... of every type, numeric ones sometimes
    bounded; rules ``le`` between pairs of integer indicators (each in one rule at most).

    .. versionadded:: 2026.11.0
    """
    made: list[Indicator] = []

    def indicators() -> tuple[Indicator, ...]:
        drawn = [
            draw(_indicators(len(made) + n)) for n in range(draw(st.integers(0, max_indicators)))
        ]
        made.extend(drawn)
        return tuple(drawn)

    def section(number: str, depth: int) -> OutlineSection:
        inner = []
        if depth == 0:
            inner = [section(str(n + 1), 1) for n in range(draw(st.integers(0, max_subsections)))]
        return OutlineSection(
            number=number,
            title=Text(vi=f"Mục {number}"),
            narrative=draw(st.sampled_from(Narrative)),
            indicators=indicators(),
            sections=tuple(inner),
        )

    sections = [section(_ROMAN[n], 0) for n in range(draw(st.integers(1, max_sections)))]
    integers = [i.id for i in made if i.type is IndicatorType.INTEGER and i.max is None]
    paired = draw(st.permutations(integers))
    rules = tuple(
        CrossRule(le=(paired[n], paired[n + 1]), message=Text(vi="Quy tắc giữa hai chỉ tiêu"))
        for n in range(0, len(paired) - 1, 2)
        if draw(st.booleans())
    )
    return ReportOutline(
        id=draw(ids()),
        title=draw(texts()),
        version=draw(st.integers(1, 5)),
        sections=tuple(sections),
        rules=rules,
    )


def _figures(indicator: Indicator) -> st.SearchStrategy[bool | int | Decimal | dt.date | str]:
    """
    Values of an indicator's type within its bounds.
    """
    if indicator.type is IndicatorType.BOOLEAN:
        return st.booleans()
    if indicator.type is IndicatorType.DATE:
        return st.dates(dt.date(2020, 1, 1), dt.date(2024, 12, 31))
    if indicator.type is IndicatorType.TEXT:
        return words()
    low, high = indicator.bounds()
    low = Decimal(0) if low is None else low
    high = low + 1000 if high is None else high
    whole = st.integers(int(low), int(high))
    if indicator.type is IndicatorType.INTEGER:
        return whole
    return st.integers(int(low) * 10, int(high) * 10).map(lambda n: Decimal(n) / 10)


def _written(value: bool | int | Decimal | dt.date | str) -> bool | str:  # noqa: FBT001
    """
    A figure as it loads from YAML: numbers and dates stay text until the outline types them.
    """
    if isinstance(value, bool | str):
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


@st.composite
def _figure_values(
    draw: st.DrawFn, outline: ReportOutline, *, every_required: bool
) -> dict[str, bool | int | Decimal | dt.date | str]:
    """
    Values for some indicators of an outline (every required one with ``every_required``), by
    indicator id: of the right type, within bounds, the outline's rules kept.
    """
    values: dict[str, bool | int | Decimal | dt.date | str] = {}
    for _, indicator in outline.indicators().values():
        if (every_required and indicator.required) or draw(st.booleans()):
            values[indicator.id] = draw(_figures(indicator))
    for rule in outline.rules:
        first, second = rule.operands
        low, high = values.get(first), values.get(second)
        if isinstance(low, int | Decimal) and isinstance(high, int | Decimal) and low > high:
            values[second] = low  # the second has no max: raising it keeps its bounds
    return values


@st.composite
def reports(  # noqa: PLR0913 - where the report belongs
    draw: st.DrawFn,
    outline: ReportOutline,
    *,
    plan: str = "ke-hoach",
    unit: str = "01",
    id: str | None = None,  # noqa: A002 - the YAML key is "id"
    submitted_on: st.SearchStrategy[dt.date] | None = None,
) -> Report:
    """
    Reports that follow an outline with no issue: a narrative for every section that requires
    one (and none where the outline forbids it), a figure for every required indicator, values
    of the right type within bounds, and the outline's rules kept.

    Args:
        outline: The outline followed (its id and version are pinned).
        plan: Id of the plan answered.
        unit: Code of the reporting unit.
        id: The report's id (drawn when None).
        submitted_on: The dates to draw from (the third quarter of 2023 by default).

    .. versionadded:: 2026.11.0
    """
    values = draw(_figure_values(outline, every_required=True))
    sections: dict[str, ReportSection] = {}
    for number, _, section in outline.walk():
        narrative = None
        if section.narrative is Narrative.REQUIRED or (
            section.narrative is Narrative.OPTIONAL and draw(st.booleans())
        ):
            narrative = Text(vi=f"Tình hình thực hiện mục {number}")
        given = FrozenMap(
            (i.id, Figure(value=_written(values[i.id])))
            for i in section.indicators
            if i.id in values
        )
        if narrative is not None or given:
            sections[number] = ReportSection(narrative=narrative, indicators=given)
    return Report(
        id=id if id is not None else draw(ids()),
        plan=plan,
        unit=unit,
        number=f"{draw(st.integers(1, 999))}/BC-UBND",
        submitted_on=draw(st.dates(_START, _END) if submitted_on is None else submitted_on),
        outline=Pin.of(outline),
        sections=FrozenMap(sections),
    )


# --- inspection records ---------------------------------------------------------------------


@st.composite
def inspection_records(  # noqa: PLR0913 - where the record belongs, and what it holds
    draw: st.DrawFn,
    checklist: Checklist | None,
    *,
    plan: str = "ke-hoach",
    unit: str = "01",
    id: str | None = None,  # noqa: A002 - the YAML key is "id"
    inspected_on: st.SearchStrategy[dt.date] | None = None,
    answered: bool = True,
    self_assessment: bool = True,
    outline: ReportOutline | None = None,
    findings: bool = True,
    model_point_types: tuple[str, ...] = (),
) -> InspectionRecord:
    """
    Records of a visit that validate with no issue against the plan's checklist and direct
    outline: the team's answers (see :func:`answers`) and the unit's self-assessment pinned to
    the checklist, figures of the outline's indicators of the right type within bounds (the
    outline's rules kept) pinned to the outline, and findings with model points of the plan's
    types.

    Args:
        checklist: The plan's checklist (``direct.checklist``), whose edition answers are
            pinned to; None: the team does not score, and records have no answers.
        plan: Id of the plan.
        unit: Code of the unit visited.
        id: The record's id (drawn when None).
        inspected_on: The dates to draw from (the third quarter of 2023 by default).
        answered: Whether records may hold the team's answers; False: none.
        self_assessment: Whether records may hold the unit's self-assessment.
        outline: The plan's direct outline (``direct.outline``); None: records have no
            figures.
        findings: Whether records may hold strengths, limitations and recommendations.
        model_point_types: Ids of the plan's model point types; model points found are of
            these (none when empty).

    .. versionadded:: 2026.11.0
    """
    pinned = checklist is not None and answered and draw(st.booleans())
    given = draw(answers(checklist)) if checklist is not None and pinned else {}
    assessed = None
    if checklist is not None and self_assessment and draw(st.booleans()):
        assessed = SelfAssessment(
            checklist=Pin.of(checklist), answers=Answers.of(draw(answers(checklist)))
        )
    figures: dict[str, Figure] = {}
    if outline is not None and draw(st.booleans()):
        figures = {
            name: Figure(value=_written(value))
            for name, value in draw(_figure_values(outline, every_required=False)).items()
        }
    some_texts = st.lists(texts(), max_size=2) if findings else st.just([])
    points = st.integers(0, 2) if model_point_types else st.just(0)
    found = Findings(
        strengths=tuple(draw(some_texts)),
        limitations=tuple(draw(some_texts)),
        recommendations=tuple(draw(some_texts)),
        model_points=tuple(
            ModelPoint(
                type=draw(st.sampled_from(model_point_types)),
                name=draw(texts()),
                replicated=draw(st.none() | st.integers(0, 20)),
            )
            for _ in range(draw(points))
        ),
    )
    return InspectionRecord(
        id=id if id is not None else draw(ids()),
        plan=plan,
        unit=unit,
        inspected_on=draw(st.dates(_START, _END) if inspected_on is None else inspected_on),
        checklist=Pin.of(checklist) if checklist is not None and pinned else None,
        answers=Answers.of(given),
        self_assessment=assessed,
        outline=Pin.of(outline) if outline is not None and figures else None,
        figures=FrozenMap(figures),
        findings=found,
    )


# --- plans and workspaces -------------------------------------------------------------------

_START = dt.date(2023, 7, 1)
_END = dt.date(2023, 9, 30)
_EARLY = dt.date(2020, 1, 1)


@st.composite
def inspection_plans(
    draw: st.DrawFn,
    catalog: UnitCatalog | None = None,
    *,
    checklist: str | None = "phieu-kiem-tra",
    outline: str | None = "de-cuong",
    codes: tuple[str, ...] = (),
) -> InspectionPlan:
    """
    Inspection plans of the third quarter of 2023 over a catalog of the 2020-2024 era (drawn
    with :func:`unit_catalogs` when not given): some unit kinds, listed and excluded units in
    scope, some units visited (direct), the others reporting before 30/07/2023 (indirect).
    With the catalog, the codes, the checklist and the outline they name in a workspace, they
    validate with no issue (see :func:`workspaces`).

    Args:
        catalog: The units the plan covers.
        checklist: Id of the checklist of the direct form.
        outline: Id of the outline of the indirect form; None: no indirect form (every unit in
            scope is visited).
        codes: Ids of the codes inspected.

    .. versionadded:: 2026.11.0
    """
    if catalog is None:
        catalog = draw(unit_catalogs())
    codes_of_units = [unit.code for unit in catalog.units]
    kinds = sorted({unit.kind for unit in catalog.units})
    some = st.lists(st.sampled_from(codes_of_units), unique=True, max_size=3)
    plan = InspectionPlan(
        id=draw(ids()),
        title=draw(texts()),
        version=draw(st.integers(1, 3)),
        legal_basis=LegalBasis(
            instrument="Kế hoạch 98/KH-UBND", issued_by="UBND", issued_on=_START
        ),
        period=Period(start=_START, end=_END),
        units=catalog.id,
        codes=codes,
        standing_agency=catalog.units[0].code if catalog.units else "01",
        scope=Scope(
            unit_kinds=tuple(draw(st.lists(st.sampled_from(kinds), unique=True, min_size=1))),
            units=tuple(draw(some)),
            exclude=tuple(draw(some)),
        ),
        model_point_types=tuple(
            ModelPointType(id=f"mo-hinh-{n}", label=draw(texts()))
            for n in range(draw(st.integers(0, 2)))
        ),
    )
    in_scope = [unit.code for unit in plan.scope_units(catalog)]
    if outline is None:
        visited = in_scope
    else:
        visited = draw(st.lists(st.sampled_from(in_scope), unique=True)) if in_scope else []
    return attrs.evolve(
        plan,
        direct=DirectPart(team=draw(texts()), checklist=checklist, units=tuple(visited)),
        indirect=(
            None
            if outline is None
            else IndirectPart(
                outline=outline, due_before=dt.date(2023, 7, 30), recipient=plan.standing_agency
            )
        ),
    )


@st.composite
def workspaces(
    draw: st.DrawFn,
    *,
    max_reports: int = 5,
    max_records: int = 5,
    answer_types: tuple[str, ...] = ANSWER_TYPES,
) -> Workspace:
    """
    Consistent workspaces that validate with no issue: a unit catalog, a code of conduct in
    force, a checklist, a report outline, an inspection plan over the catalog that uses them
    (the outline sometimes for the team's figures too), reports of some units that report in
    writing (one each, dated in the period) and records of some units visited (one each, dated
    in the period, drawn with :func:`inspection_records`).

    Args:
        max_reports: At most this many reports.
        max_records: At most this many inspection records.
        answer_types: The answer types of the checklist (see :func:`checklists`).

    .. versionadded:: 2026.11.0
    """
    catalog = draw(unit_catalogs())
    code = attrs.evolve(
        draw(conduct_codes()),
        legal_basis=LegalBasis(
            instrument="Quyết định 522/QĐ-UBND", issued_by="UBND", issued_on=_EARLY
        ),
        effective_from=_EARLY,
        effective_to=None,
    )
    checklist = draw(checklists(answer_types=answer_types))
    outline = draw(report_outlines())
    plan = draw(
        inspection_plans(
            catalog,
            checklist=checklist.id,
            outline=draw(st.sampled_from([outline.id, outline.id, None])),
            codes=(code.id,),
        )
    )
    direct_outline = draw(st.booleans())
    if direct_outline and plan.direct is not None:
        plan = attrs.evolve(plan, direct=attrs.evolve(plan.direct, outline=outline.id))
    assignments = plan.assignments(catalog)
    indirect = [a.unit.code for a in assignments if a.form is Form.INDIRECT]
    direct = [a.unit.code for a in assignments if a.form is Form.DIRECT]
    days = st.dates(_START, _END)
    documents: list[Document] = [catalog, code, checklist, outline, plan]
    reporting = (
        draw(st.lists(st.sampled_from(indirect), unique=True, max_size=max_reports))
        if indirect
        else []
    )
    documents += [
        draw(reports(outline, plan=plan.id, unit=unit, id=f"bc-{n}", submitted_on=days))
        for n, unit in enumerate(reporting)
    ]
    visited = (
        draw(st.lists(st.sampled_from(direct), unique=True, max_size=max_records)) if direct else []
    )
    documents += [
        draw(
            inspection_records(
                checklist,
                plan=plan.id,
                unit=unit,
                id=f"ktr-{n}",
                inspected_on=days,
                outline=outline if direct_outline else None,
                model_point_types=tuple(t.id for t in plan.model_point_types),
            )
        )
        for n, unit in enumerate(visited)
    ]
    return Workspace.of(*documents)


# --- the laws of scoring ----------------------------------------------------------------------

#: The laws :func:`check_scoring_laws` checks, by name.
SCORING_LAWS: tuple[str, ...] = ("bounds", "monotonicity", "na_neutrality", "scaling", "order")


def best_value(item: Item) -> str:
    """
    A value that gives an item its most points, as written in YAML (any text for ``text``).

    .. versionadded:: 2026.11.0
    """
    answer = item.answer
    if isinstance(answer, YesNo):
        return "pass"
    if isinstance(answer, Count):
        if answer.full_at is not None:
            return str(answer.full_at)
        return str(max(t.min for t in answer.thresholds or (Threshold(min=0, points=Decimal(0)),)))
    if isinstance(answer, PointsScale):
        return str(item.maximum)
    if isinstance(answer, Choices):
        return max(answer.choices, key=lambda choice: choice.points).id
    return "ghi chú"


def _edit_sections(
    sections: tuple[Section, ...], edit: Callable[[Section], Section]
) -> tuple[Section, ...]:
    return tuple(
        edit(attrs.evolve(section, sections=_edit_sections(section.sections, edit)))
        for section in sections
    )


def _without(checklist: Checklist, item_id: str) -> Checklist:
    def edit(section: Section) -> Section:
        return attrs.evolve(section, items=tuple(i for i in section.items if i.id != item_id))

    return attrs.evolve(checklist, sections=_edit_sections(checklist.sections, edit))


def _scaled_item(item: Item, factor: Decimal) -> Item:
    answer = item.answer
    if isinstance(answer, Choices):
        answer = Choices(
            choices=tuple(attrs.evolve(c, points=c.points * factor) for c in answer.choices)
        )
    elif isinstance(answer, Count) and answer.thresholds:
        answer = attrs.evolve(
            answer,
            thresholds=tuple(attrs.evolve(t, points=t.points * factor) for t in answer.thresholds),
        )
    elif isinstance(answer, PointsScale):
        answer = PointsScale(step=answer.step * factor)
    return attrs.evolve(
        item,
        answer=answer,
        points=item.maximum * factor if item.scored else item.points,
        weight=None if item.weight is None else item.weight * factor,
    )


def _scaled(checklist: Checklist, factor: Decimal, *, weights: bool) -> Checklist:
    if weights:  # top-level sections only: a subsection's weight competes with its siblings' points
        top = tuple(attrs.evolve(s, weight=s.weight * factor) for s in checklist.sections)
        return attrs.evolve(checklist, sections=top)

    def edit(section: Section) -> Section:
        return attrs.evolve(
            section,
            weight=section.weight * factor,  # subsections weigh against their siblings' points
            items=tuple(_scaled_item(i, factor) for i in section.items),
        )

    return attrs.evolve(checklist, sections=_edit_sections(checklist.sections, edit))


def _scaled_answers(checklist: Checklist, given: dict[str, str], factor: Decimal) -> dict[str, str]:
    points = {i.id for i in checklist.items if isinstance(i.answer, PointsScale)}
    return {
        key: str(Decimal(value) * factor) if key in points and _number(value) is not None else value
        for key, value in given.items()
    }


def _shuffled(checklist: Checklist, draw: Callable[[st.SearchStrategy[Any]], Any]) -> Checklist:
    def edit(section: Section) -> Section:
        return attrs.evolve(
            section,
            items=tuple(draw(st.permutations(section.items))),
            sections=tuple(draw(st.permutations(section.sections))),
        )

    shuffled = _edit_sections(checklist.sections, edit)
    return attrs.evolve(checklist, sections=tuple(draw(st.permutations(shuffled))))


class _LawBroken(AssertionError):
    """
    A law of scoring that a checklist breaks, with the answers that show it (the pytest plugin
    reads them to show a failure).
    """

    def __init__(
        self, law: str, checklist: Checklist, detail: str, given: Mapping[str, str]
    ) -> None:
        super().__init__(
            f"scoring law {law!r} fails for checklist {checklist.id!r}: {detail}"
            f" (answers: {dict(given)!r})"
        )
        self.law = law
        self.checklist_id = checklist.id
        self.detail = detail
        self.answers = dict(given)


def _broken(law: str, checklist: Checklist, detail: str, given: Mapping[str, str]) -> _LawBroken:
    return _LawBroken(law, checklist, detail, given)


def _law_bounds(checklist: Checklist, draw: Callable[[st.SearchStrategy[Any]], Any]) -> None:
    given = draw(answers(checklist))
    percent = scoring.score(checklist, given).percent
    if percent is not None and not 0 <= percent <= 100:
        raise _broken("bounds", checklist, f"percent {percent} is outside 0..100", given)


def _law_monotonicity(checklist: Checklist, draw: Callable[[st.SearchStrategy[Any]], Any]) -> None:
    watched = checklist.watched
    given: dict[str, str] = draw(answers(checklist, unanswered=("na", "missing")))
    raisable = [
        item
        for item in checklist.items
        if item.scored and item.id not in watched and item.id in given and given[item.id] != "na"
    ]
    if not raisable:
        return
    item = draw(st.sampled_from(raisable))
    better = {**given, item.id: best_value(item)}
    before = scoring.score(checklist, given).percent
    after = scoring.score(checklist, better).percent
    if before is not None and (after is None or after < before):
        detail = (
            f"answering {item.id} {better[item.id]!r} instead of {given[item.id]!r}"
            f" lowers the percent from {before} to {after}"
        )
        raise _broken("monotonicity", checklist, detail, given)


def _law_na_neutrality(checklist: Checklist, draw: Callable[[st.SearchStrategy[Any]], Any]) -> None:
    watched = checklist.watched
    given: dict[str, str] = draw(answers(checklist))
    candidates = [item.id for item in checklist.items if item.id not in watched]
    if not candidates:
        return
    item_id = draw(st.sampled_from(candidates))
    with_na = scoring.score(checklist, {**given, item_id: "na"})
    rest = {key: value for key, value in given.items() if key != item_id}
    removed = scoring.score(_without(checklist, item_id), rest)
    if (with_na.percent, with_na.awarded, with_na.maximum) != (
        removed.percent,
        removed.awarded,
        removed.maximum,
    ):
        detail = (
            f"{item_id}: na gives {with_na.percent} ({with_na.awarded}/{with_na.maximum}),"
            f" removing the item gives {removed.percent} ({removed.awarded}/{removed.maximum})"
        )
        raise _broken("na_neutrality", checklist, detail, {**given, item_id: "na"})


def _law_scaling(checklist: Checklist, draw: Callable[[st.SearchStrategy[Any]], Any]) -> None:
    given: dict[str, str] = draw(answers(checklist))
    factor = draw(st.sampled_from([Decimal(2), Decimal(3), Decimal("0.5"), Decimal(10)]))
    watched = checklist.watched
    # A condition's gte/lte on a points item reads the answer's scale: leave points as they are.
    weights = draw(st.booleans()) or any(
        isinstance(item.answer, PointsScale) and item.id in watched for item in checklist.items
    )
    scaled = _scaled(checklist, factor, weights=weights)
    scaled_given = given if weights else _scaled_answers(checklist, given, factor)
    before = scoring.score(checklist, given).percent
    after = scoring.score(scaled, scaled_given).percent
    if before != after:
        what = "top-level section weights" if weights else "points and weights"
        detail = f"scaling all {what} by {factor} changes the percent from {before} to {after}"
        raise _broken("scaling", checklist, detail, given)


def _law_order(checklist: Checklist, draw: Callable[[st.SearchStrategy[Any]], Any]) -> None:
    given: dict[str, str] = draw(answers(checklist))
    reordered = dict(draw(st.permutations(list(given.items()))))
    other = checklist if checklist.watched else _shuffled(checklist, draw)
    before = scoring.score(checklist, given).percent
    after = scoring.score(other, reordered).percent
    if before != after:
        what = "answers" if other is checklist else "answers, items and sections"
        detail = f"reordering the {what} changes the percent from {before} to {after}"
        raise _broken("order", checklist, detail, given)


_LAWS: dict[str, Callable[[Checklist, Callable[[st.SearchStrategy[Any]], Any]], None]] = {
    "bounds": _law_bounds,
    "monotonicity": _law_monotonicity,
    "na_neutrality": _law_na_neutrality,
    "scaling": _law_scaling,
    "order": _law_order,
}


def check_scoring_laws(
    checklist: Checklist, *, laws: Iterable[str] = SCORING_LAWS, max_examples: int = 100
) -> None:
    """
    Check, with Hypothesis, that a checklist scores by the laws of scoring, over answers drawn
    with :func:`answers`:

    ``bounds``
        The percent is "no score" or lies within 0..100.
    ``monotonicity``
        Giving an answered item its full points never lowers the percent, when no condition
        (``when:``) tests that item: an item a condition watches can switch other items on or
        off, so raising it may add a failed item to the score.
    ``na_neutrality``
        Answering an item ``na`` scores as if the item were removed from the checklist (the
        same percent, points awarded and maximum), for an item no condition tests.
    ``scaling``
        Multiplying every item's points (with choice and threshold points, steps and the
        answers of ``points`` items), explicit item weights and section weights by one
        constant leaves the
        percent unchanged (checked only when no condition tests a ``points`` item, since a
        condition's ``gte``/``lte`` reads the answer on the item's own scale); so does
        multiplying every top-level section weight by one constant (a subsection's weight
        competes with the points of the items beside it, so it is not scale-free).
    ``order``
        The order in which answers are given does not change the percent; nor, when no item
        has a condition, the order of items and sections (a condition reads earlier answers, so
        with conditions order is part of the checklist's meaning).

    Args:
        checklist: The checklist (e.g. from ``quytac.load``).
        laws: The names of the laws to check, among :data:`SCORING_LAWS`.
        max_examples: How many answer sets Hypothesis tries per law.

    Raises:
        AssertionError: Naming the law, the checklist and the counterexample (after
            Hypothesis has shrunk it).
        ValueError: For an unknown law.

    .. versionadded:: 2026.11.0
    """
    chosen = tuple(laws)
    unknown = [law for law in chosen if law not in _LAWS]
    if unknown:
        raise ValueError(
            f"unknown scoring law {unknown[0]!r} (expected one of: {', '.join(SCORING_LAWS)})"
        )
    for law in chosen:
        _check_law(checklist, _LAWS[law], max_examples)


def _check_law(
    checklist: Checklist,
    check: Callable[[Checklist, Callable[[st.SearchStrategy[Any]], Any]], None],
    max_examples: int,
) -> None:
    @settings(
        max_examples=max_examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(st.data())
    def run(data: st.DataObject) -> None:
        check(checklist, data.draw)

    run()


def _register() -> None:
    """
    Make ``st.from_type`` build quytac's documents.
    """
    st.register_type_strategy(UnitCatalog, unit_catalogs())
    st.register_type_strategy(ConductCode, conduct_codes())
    st.register_type_strategy(Checklist, checklists())
    st.register_type_strategy(ReportOutline, report_outlines())
    st.register_type_strategy(InspectionPlan, inspection_plans())
    st.register_type_strategy(Workspace, workspaces())
    st.register_type_strategy(Report, report_outlines().flatmap(reports))
    st.register_type_strategy(
        InspectionRecord,
        st.tuples(checklists(), report_outlines()).flatmap(
            lambda pair: inspection_records(pair[0], outline=pair[1])
        ),
    )


_register()
