"""
Unit catalogs.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from quytac.text import Text
from quytac.units import PLACE_TYPES, Unit, UnitCatalog

from ._common import COMMUNE_KINDS, DISTRICT_KINDS, PROVINCE_KINDS, _codes, _names, ids, texts


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
