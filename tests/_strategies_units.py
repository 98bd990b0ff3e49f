"""
Hypothesis strategies for unit catalogs: valid trees of a province, its districts and communes,
agencies and public places, with official codes of the right length.
"""

import datetime as dt

import attrs
from hypothesis import strategies as st

from quytac import PLACE_TYPES, Text, Unit, UnitCatalog

_LETTERS = "abcdeghiklmnopqrstuvxyăâđêôơưáàảãạếềểễệốồổỗộớờởỡợ"

PROVINCE_KINDS = ("tinh", "thanh_pho_tw")
DISTRICT_KINDS = ("quan", "huyen", "thi_xa")
COMMUNE_KINDS = ("xa", "phuong", "thi_tran")


def names(prefix: str) -> st.SearchStrategy[Text]:
    """
    Names such as "Phường ơab": a word of the kind, then Vietnamese letters.
    """
    return st.text(alphabet=_LETTERS, min_size=1, max_size=8).map(
        lambda word: Text(vi=f"{prefix} {word}")
    )


def _codes(digits: int, count: int) -> st.SearchStrategy[list[str]]:
    return st.lists(
        st.integers(1, 10**digits - 1).map(lambda n: f"{n:0{digits}d}"),
        unique=True,
        min_size=count,
        max_size=count,
    )


@st.composite
def unit_trees(draw: st.DrawFn, *, max_districts: int = 4, max_communes: int = 4) -> UnitCatalog:
    """
    A catalog of one province (code "01") of the 2020-2024 era, its districts, their communes,
    some departments (slugs) and public places under communes; units in any order.
    """
    province = Unit(code="01", name=draw(names("Tỉnh")), kind=draw(st.sampled_from(PROVINCE_KINDS)))
    units = [province]
    district_codes = draw(_codes(3, draw(st.integers(0, max_districts))))
    drafts: list[tuple[Text, str, str]] = []
    for district_code in district_codes:
        units.append(
            Unit(
                code=district_code,
                name=draw(names("Quận")),
                kind=draw(st.sampled_from(DISTRICT_KINDS)),
                parent="01",
            )
        )
        drafts += [
            (draw(names("Phường")), draw(st.sampled_from(COMMUNE_KINDS)), district_code)
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
                name=draw(names("Sở")),
                kind=draw(st.sampled_from(("so", "ban", "don_vi_su_nghiep"))),
                parent=draw(st.sampled_from(parents)),
            )
        )
    if communes:
        for number in range(draw(st.integers(0, 3))):
            units.append(
                Unit(
                    code=f"place-{number}",
                    name=draw(names("Chợ")),
                    kind="dia_diem_cong_cong",
                    place_type=draw(st.sampled_from(sorted(PLACE_TYPES))),
                    parent=draw(st.sampled_from(communes)).code,
                    verified=draw(st.booleans()),
                )
            )
    return UnitCatalog(
        id="generated",
        title=Text(vi="Danh mục sinh tự động", en="A generated catalog"),
        valid_from=dt.date(2020, 1, 1),
        valid_to=dt.date(2024, 12, 31),
        units=tuple(draw(st.permutations(units))),
    )


LAST_OLD_DAY = dt.date(2025, 6, 30)
FIRST_NEW_DAY = dt.date(2025, 7, 1)


@st.composite
def two_era_catalogs(draw: st.DrawFn) -> UnitCatalog:
    """
    A province across the 2025 reform in one catalog: the units of a generated tree end on
    30/06/2025 (the province goes on); some of its communes' codes are taken over from
    01/07/2025 by new communes directly under the province, which the old communes name as
    their successor.
    """
    tree = draw(unit_trees())
    communes = [u for u in tree.units if u.kind in COMMUNE_KINDS]
    kept = draw(st.lists(st.sampled_from(communes), unique=True)) if communes else []
    kept_codes = {u.code for u in kept}
    old = [
        unit
        if unit.code == "01"
        else attrs.evolve(
            unit,
            valid_to=LAST_OLD_DAY,
            successor=unit.code if unit.code in kept_codes else None,
        )
        for unit in tree.units
    ]
    new = [
        Unit(
            code=unit.code,
            name=draw(names("Phường")),
            kind=draw(st.sampled_from(("xa", "phuong"))),
            parent="01",
            valid_from=FIRST_NEW_DAY,
        )
        for unit in kept
    ]
    return attrs.evolve(tree, valid_to=None, units=tuple(old + new))
