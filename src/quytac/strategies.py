"""
Hypothesis strategies for quytac's documents, valid by construction, and the laws of its rules.

Install with ``pip install 'quytac[hypothesis]'``. Every strategy builds objects that load,
dump and validate with no issue, so a project can property-test its own code against any
checklist, catalog or plan quytac accepts. With the extra installed, Hypothesis' plugin hook
registers them, so ``st.from_type(quytac.UnitCatalog)`` works too.

This is the only module of quytac that imports Hypothesis; nothing else imports this one.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

from hypothesis import strategies as st

from .codes import AppliesTo, Article, Chapter, ConductCode, LegalBasis, Rule, RuleType
from .text import Text
from .units import PLACE_TYPES, Unit, UnitCatalog

__all__ = [
    "conduct_codes",
    "ids",
    "texts",
    "unit_catalogs",
    "words",
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


def _hypothesis_setup_hook() -> None:
    """
    Hypothesis' plugin entry point: ``st.from_type`` builds quytac's documents.
    """
    st.register_type_strategy(UnitCatalog, unit_catalogs())
    st.register_type_strategy(ConductCode, conduct_codes())
