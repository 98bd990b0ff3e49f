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


#: The days tangled catalogs draw their periods from; None leaves a period open.
DAYS = (None, dt.date(2020, 1, 1), dt.date(2023, 6, 30), LAST_OLD_DAY, FIRST_NEW_DAY)


@st.composite
def tangled_catalogs(draw: st.DrawFn, *, max_units: int = 30) -> UnitCatalog:
    """
    Catalogs as the rules must survive them: codes drawn from a few, so that one code is used
    by many units, in one era and in several; parents and successors drawn from the same codes
    (and one that no unit has), so that parents make chains and cycles and point into other
    eras; periods from a few days, open, closed or reversed, the catalog's own too.
    """
    codes = "abcdef"[: draw(st.integers(1, 6))]
    named = st.sampled_from((None, *codes, "z"))
    days = st.sampled_from(DAYS)
    at_least = draw(st.sampled_from((0, max_units // 2)))  # often many units of one code
    units = draw(
        st.lists(
            st.builds(
                Unit,
                code=st.sampled_from(codes),
                name=st.just(Text(vi="Đơn vị")),
                kind=st.sampled_from(("thanh_pho_tw", "quan", "phuong", "so", "lang")),
                parent=named,
                valid_from=days,
                valid_to=days,
                successor=named,
            ),
            min_size=at_least,
            max_size=max_units,
        )
    )
    return UnitCatalog(
        id="tangled",
        title=Text(vi="Danh mục rối"),
        valid_from=draw(days),
        valid_to=draw(days),
        units=tuple(units),
    )


@st.composite
def parent_chains(draw: st.DrawFn, *, max_units: int = 200) -> UnitCatalog:
    """
    Catalogs of up to ``max_units`` departments with distinct codes whose parents make long
    chains and cycles: runs of units each under the one before, the first of a run under
    nothing, under a unit of an earlier run (a tail into a chain or a cycle) or under the last
    of its own run (a cycle, of one unit or more); the units listed in any order.
    """
    units: list[Unit] = []
    while len(units) < max_units and (not units or draw(st.booleans())):
        start = len(units)
        length = draw(st.integers(1, max_units - start))
        top = draw(st.sampled_from(("none", "cycle", "earlier") if start else ("none", "cycle")))
        if top == "cycle":
            parent: str | None = f"u{start + length - 1}"
        elif top == "earlier":
            parent = f"u{draw(st.integers(0, start - 1))}"
        else:
            parent = None
        for number in range(start, start + length):
            units.append(
                Unit(code=f"u{number}", name=Text(vi=f"Sở {number}"), kind="so", parent=parent)
            )
            parent = f"u{number}"
    return UnitCatalog(
        id="chains", title=Text(vi="Chuỗi đơn vị"), units=tuple(draw(st.permutations(units)))
    )
