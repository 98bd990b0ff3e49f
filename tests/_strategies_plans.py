"""
Hypothesis strategies for plans: unit catalogs, plans over them, and reports.
"""

import datetime as dt

from hypothesis import strategies as st

from quytac import (
    DirectPart,
    IndirectPart,
    InspectionPlan,
    LegalBasis,
    Period,
    Scope,
    Text,
    Unit,
    UnitCatalog,
)

KINDS = ("quan", "huyen", "so", "phuong")
START = dt.date(2023, 7, 1)
END = dt.date(2023, 9, 30)
DUE = dt.date(2023, 7, 30)

_NAMES = ("Ba Đình", "Ân Thi", "An Khánh", "Đống Đa", "Dục Tú", "Hà Đông", "Hai Bà Trưng")


@st.composite
def catalogs(draw):
    """
    A catalog of 1 to 12 units under a city, of several kinds, some gone before the period.
    """
    count = draw(st.integers(min_value=1, max_value=12))
    units = [Unit(code="01", name=Text(vi="Thành phố"), kind="thanh_pho_tw")]
    for number in range(count):
        gone = draw(st.booleans()) and draw(st.booleans())
        units.append(
            Unit(
                code=f"{number + 100:03}",
                name=Text(vi=f"{draw(st.sampled_from(_NAMES))} {number}"),
                kind=draw(st.sampled_from(KINDS)),
                parent="01",
                valid_to=dt.date(2021, 12, 31) if gone else None,
            )
        )
    return UnitCatalog(id="hn", title=Text(vi="Hà Nội"), units=tuple(units))


@st.composite
def plans(draw, catalog):
    """
    A plan over a catalog: some kinds in scope, some units listed, excluded and visited.
    """
    codes = [unit.code for unit in catalog.units]
    some = st.lists(st.sampled_from(codes), unique=True, max_size=len(codes))
    indirect = draw(st.booleans())
    return InspectionPlan(
        id="p",
        title=Text(vi="Kế hoạch"),
        legal_basis=LegalBasis(instrument="KH 1", issued_by="UBND", issued_on=START),
        period=Period(start=START, end=END),
        units=catalog.id,
        standing_agency="01",
        scope=Scope(
            unit_kinds=tuple(draw(st.lists(st.sampled_from(KINDS), unique=True))),
            units=tuple(draw(some)),
            exclude=tuple(draw(some)),
        ),
        direct=DirectPart(team=Text(vi="Đoàn"), units=tuple(draw(some))),
        indirect=IndirectPart(outline="dc", due_before=DUE, recipient="01") if indirect else None,
    )


@st.composite
def catalogs_and_plans(draw):
    """
    A catalog and a plan over it.
    """
    catalog = draw(catalogs())
    return catalog, draw(plans(catalog))


#: The indirect units of the shared round (tests/_plans_data.py), and the days of its period.
UNITS = ("021", "268", "277")
DAYS = st.dates(min_value=START, max_value=END)


@st.composite
def rounds(draw):
    """
    Reports (unit, date) of some of the indirect units of the shared round, and a synthesis date.
    """
    reports = draw(
        st.lists(st.tuples(st.sampled_from(UNITS), DAYS), max_size=5, unique_by=lambda r: r)
    )
    return reports, draw(DAYS)
