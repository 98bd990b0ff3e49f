"""
Hypothesis strategies for unit catalogs: valid trees of a province, its districts and communes,
agencies and public places, with official codes of the right length.
"""

import datetime as dt

import attrs
from hypothesis import strategies as st

from quytac import Text, Unit, UnitCatalog, strategies

PROVINCE_KINDS = strategies.PROVINCE_KINDS
DISTRICT_KINDS = strategies.DISTRICT_KINDS
COMMUNE_KINDS = strategies.COMMUNE_KINDS


def names(prefix: str) -> st.SearchStrategy[Text]:
    """
    Names such as "Phường ơab": a word of the kind, then Vietnamese letters.
    """
    return strategies.words(max_size=8).map(lambda word: Text(vi=f"{prefix} {word}"))


def unit_trees(**sizes: int) -> st.SearchStrategy[UnitCatalog]:
    """
    The public strategy, with the fixed id and title the tests of this module expect.
    """
    return strategies.unit_catalogs(**sizes).map(
        lambda catalog: attrs.evolve(
            catalog,
            id="generated",
            title=Text(vi="Danh mục sinh tự động", en="A generated catalog"),
        )
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
