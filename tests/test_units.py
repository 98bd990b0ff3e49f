"""
Administrative units: the built-in kinds, catalogs across eras, lookups, successor links, the
rules of a catalog (QT2xx) and the bundled Hanoi data.
"""

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import quytac
from _steps import assert_near_linear
from _strategies_units import (
    DAYS,
    FIRST_NEW_DAY,
    LAST_OLD_DAY,
    parent_chains,
    tangled_catalogs,
    two_era_catalogs,
    unit_trees,
)
from quytac import UNIT_KINDS, Unit, UnitCatalog, UnitLevel, UnitLookupError, _eras
from quytac.validation import issues_of

HEAD = "kind: UnitCatalog\nschema: quytac/v1\nid: x\ntitle: x\n"


def catalog(units: str, head: str = "") -> UnitCatalog:
    document = quytac.loads(HEAD + head + "units:\n" + units)
    assert isinstance(document, UnitCatalog)
    return document


def rendered(*documents) -> list[str]:
    return [str(issue) for issue in quytac.Workspace.of(*documents).validate()]


CITY = '  - {code: "01", name: Hà Nội, kind: thanh_pho_tw}\n'

#: One code, two eras: Phường Hàng Trống until 06/2025, Phường Hoàn Kiếm from 07/2025.
TWO_ERAS = catalog(
    CITY
    + '  - {code: "002", name: Quận Hoàn Kiếm, kind: quan, parent: "01", valid_to: 2025-06-30}\n'
    + "  - {code: '00070', name: Phường Hàng Trống, kind: phuong, parent: '002',"
    " valid_to: 2025-06-30, successor: '00070'}\n"
    + "  - {code: '00073', name: Phường Cửa Nam, kind: phuong, parent: '002',"
    " valid_to: 2025-06-30, successor: '00073'}\n"
    + "  - {code: '00070', name: Phường Hoàn Kiếm, kind: phuong, parent: '01',"
    " valid_from: 2025-07-01}\n"
    + "  - {code: '00073', name: Phường Cửa Nam, kind: phuong, parent: '01',"
    " valid_from: 2025-07-01}\n"
    + "  - {code: den-ngoc-son, name: Đền Ngọc Sơn, kind: dia_diem_cong_cong,"
    " place_type: di_tich, parent: '00070', valid_to: 2025-06-30}\n",
    head="valid_from: 2020-01-01\n",
)

BEFORE = dt.date(2023, 8, 1)
AFTER = dt.date(2025, 8, 1)


class TestBuiltInKinds:
    def test_levels_and_eras(self):
        """
        The national vocabulary gives each kind its level; thị trấn and the district level end
        on 30/06/2025, đặc khu starts on 01/07/2025, xã and phường span both eras.
        """
        assert {
            "tinh": UnitLevel.PROVINCE,
            "thanh_pho_tw": UnitLevel.PROVINCE,
            "quan": UnitLevel.DISTRICT,
            "huyen": UnitLevel.DISTRICT,
            "thi_xa": UnitLevel.DISTRICT,
            "thanh_pho_thuoc_tinh": UnitLevel.DISTRICT,
            "thanh_pho_thuoc_tp": UnitLevel.DISTRICT,
            "xa": UnitLevel.COMMUNE,
            "phuong": UnitLevel.COMMUNE,
            "thi_tran": UnitLevel.COMMUNE,
            "dac_khu": UnitLevel.COMMUNE,
            "so": UnitLevel.AGENCY,
            "ban": UnitLevel.AGENCY,
            "nganh": UnitLevel.AGENCY,
            "don_vi_su_nghiep": UnitLevel.AGENCY,
            "dia_diem_cong_cong": UnitLevel.PLACE,
        } == {kind.id: kind.level for kind in UNIT_KINDS.values()}
        last_day = dt.date(2025, 6, 30)
        assert (None, last_day) == (
            UNIT_KINDS["thi_tran"].valid_from,
            UNIT_KINDS["thi_tran"].valid_to,
        )
        assert (None, last_day) == (UNIT_KINDS["quan"].valid_from, UNIT_KINDS["quan"].valid_to)
        assert (dt.date(2025, 7, 1), None) == (
            UNIT_KINDS["dac_khu"].valid_from,
            UNIT_KINDS["dac_khu"].valid_to,
        )
        assert UNIT_KINDS["phuong"].exists_on(BEFORE)
        assert UNIT_KINDS["phuong"].exists_on(AFTER)
        assert not UNIT_KINDS["thi_tran"].exists_on(AFTER)
        assert not UNIT_KINDS["dac_khu"].exists_on(BEFORE)

    def test_only_territorial_kinds_are_official(self):
        """
        Territorial kinds carry official codes; agencies and places have slugs.
        """
        official = {kind.id for kind in UNIT_KINDS.values() if kind.official}

        assert {
            "tinh",
            "thanh_pho_tw",
            "quan",
            "huyen",
            "thi_xa",
            "thanh_pho_thuoc_tinh",
            "thanh_pho_thuoc_tp",
            "xa",
            "phuong",
            "thi_tran",
            "dac_khu",
        } == official

    def test_place_types(self):
        """
        The built-in place types include markets, relic sites, parks and places of worship.
        """
        assert {"cho", "di_tich", "cong_vien", "co_so_tin_nguong_ton_giao"} <= set(
            quytac.PLACE_TYPES
        )
        assert "Chợ" == quytac.PLACE_TYPES["cho"].label.vi

    def test_a_catalog_adds_kinds(self):
        """
        A kind declared under unit_kinds is known to kind_of; a built-in one too.
        """
        declared = catalog(
            CITY + '  - {code: to-dan-pho-1, name: Tổ dân phố 1, kind: to_dan_pho, parent: "01"}\n',
            head="unit_kinds:\n  - {id: to_dan_pho, label: Tổ dân phố, level: agency}\n",
        )

        assert UnitLevel.AGENCY == declared.kind_of(declared.units[1]).level
        assert UNIT_KINDS["thanh_pho_tw"] == declared.kind_of(declared.units[0])
        assert [] == rendered(declared)

    def test_kind_of_an_unknown_kind(self):
        """
        kind_of refuses a kind that is neither built in nor declared.
        """
        odd = catalog('  - {code: "01", name: X, kind: vung}\n')

        with pytest.raises(UnitLookupError, match="unknown unit kind 'vung' of unit '01'"):
            odd.kind_of(odd.units[0])


class TestLookups:
    def test_a_code_names_a_unit_on_a_day(self):
        """
        00070 was Phường Hàng Trống in 2023 and is Phường Hoàn Kiếm from 07/2025.
        """
        assert "Phường Hàng Trống" == str(TWO_ERAS.unit("00070", on=BEFORE).name)
        assert "Phường Hoàn Kiếm" == str(TWO_ERAS.unit("00070", on=AFTER).name)
        assert TWO_ERAS.unit("00070", on=dt.date(2019, 12, 31)) is None
        assert TWO_ERAS.unit("99999", on=BEFORE) is None

    def test_a_code_of_two_eras_needs_a_day(self):
        """
        Without a day, a code that two units used is refused, naming both and their periods.
        """
        with pytest.raises(UnitLookupError) as ei:
            TWO_ERAS.children("00070")

        assert (
            "UnitLookupError: code '00070' names several units, give a date:"
            " Phường Hàng Trống (2020-01-01..2025-06-30), Phường Hoàn Kiếm (2025-07-01..…)"
        ) == ei.exconly().removeprefix("quytac.errors.")

    def test_an_unknown_code(self):
        """
        A code no unit has is refused by the lookups that need a unit.
        """
        with pytest.raises(UnitLookupError, match="no unit with code '404' on 2023-08-01"):
            TWO_ERAS.ancestors("404", on=BEFORE)

    def test_children_and_ancestors_follow_the_era(self):
        """
        The relic site belongs to the 2023 ward 00070, the ward to the district, the district
        to the city; in 2025 00070 is directly under the city and has no children.
        """
        ward_2023 = TWO_ERAS.unit("00070", on=BEFORE)

        assert ["den-ngoc-son"] == [u.code for u in TWO_ERAS.children("00070", on=BEFORE)]
        assert [] == [u.code for u in TWO_ERAS.children("00070", on=AFTER)]
        assert ["00070", "002", "01"] == [u.code for u in TWO_ERAS.ancestors("den-ngoc-son")]
        assert ["01"] == [u.code for u in TWO_ERAS.ancestors("00070", on=AFTER)]
        assert TWO_ERAS.units[1] == TWO_ERAS.parent_of(ward_2023)
        assert ["00070", "00073"] == [u.code for u in TWO_ERAS.children("002")]

    def test_children_of_the_city_on_a_day(self):
        """
        On a day, only the units that exist then are listed.
        """
        assert ["002"] == [u.code for u in TWO_ERAS.children("01", on=BEFORE)]
        assert ["00070", "00073"] == [u.code for u in TWO_ERAS.children("01", on=AFTER)]

    def test_units_of_kinds(self):
        """
        Units of the kinds asked for, in catalog order, optionally on a day.
        """
        assert ["00070", "00073", "00070", "00073"] == [
            u.code for u in TWO_ERAS.units_of_kinds(["phuong"])
        ]
        assert ["Phường Hoàn Kiếm", "Phường Cửa Nam"] == [
            str(u.name) for u in TWO_ERAS.units_of_kinds({"phuong", "quan"}, on=AFTER)
        ]

    def test_a_unit_not_of_the_catalog(self):
        """
        A Unit that is not in the catalog is refused.
        """
        stranger = Unit(code="00070", name=quytac.Text(vi="Phường lạ"), kind="phuong")

        with pytest.raises(UnitLookupError, match="unit '00070' is not in catalog 'x'"):
            TWO_ERAS.parent_of(stranger)


class TestSuccessors:
    def test_a_2023_ward_is_succeeded_by_the_2025_unit_with_its_code(self):
        """
        The successor is the unit with the successor code that goes on after the ward ends.
        """
        ward = TWO_ERAS.unit("00070", on=BEFORE)

        assert ["Phường Hoàn Kiếm"] == [str(u.name) for u in TWO_ERAS.successors(ward)]
        assert TWO_ERAS.unit("00070", on=AFTER) == TWO_ERAS.successor_of(ward)
        assert () == TWO_ERAS.successors("00070", on=AFTER)

    def test_a_chain_of_successors(self):
        """
        Successors are followed until a unit has none: a, then b, then c.
        """
        chain = catalog(
            CITY + "  - {code: '00001', name: A, kind: phuong, parent: '01', valid_to: 2021-12-31,"
            " successor: '00002'}\n"
            + "  - {code: '00002', name: B, kind: phuong, parent: '01', valid_from: 2022-01-01,"
            " valid_to: 2023-12-31, successor: '00003'}\n"
            + "  - {code: '00003', name: C, kind: phuong, parent: '01', valid_from: 2024-01-01}\n"
        )

        assert ["B", "C"] == [str(u.name) for u in chain.successors("00001")]
        assert [] == rendered(chain)

    def test_successors_in_the_next_catalog(self):
        """
        A code not in the catalog is looked up in successor_catalog, given the workspace.
        """
        old = catalog(
            CITY + "  - {code: '00611', name: Phường Xuân Tảo, kind: phuong, parent: '01',"
            " successor: '00611'}\n",
            head="valid_to: 2024-12-31\nsuccessor_catalog: new\n",
        )
        new = quytac.loads(
            "kind: UnitCatalog\nschema: quytac/v1\nid: new\ntitle: y\nvalid_from: 2025-07-01\n"
            "units:\n" + CITY + "  - {code: '00611', name: Phường Xuân Đỉnh, kind: phuong,"
            " parent: '01'}\n"
        )
        workspace = quytac.Workspace.of(old, new)

        assert ["Phường Xuân Đỉnh"] == [
            str(u.name) for u in old.successors("00611", workspace=workspace)
        ]
        assert [] == [str(issue) for issue in workspace.validate()]

    def test_without_the_workspace_a_successor_catalog_is_not_ignored(self):
        """
        A catalog that names a successor_catalog refuses to answer "no successor" when it is
        not given the workspace to look in.
        """
        old = catalog(
            CITY + "  - {code: '00611', name: Phường Xuân Tảo, kind: phuong, parent: '01',"
            " successor: '00611'}\n",
            head="valid_to: 2024-12-31\nsuccessor_catalog: new\n",
        )

        with pytest.raises(quytac.UnitLookupError) as ei:
            old.successors("00611")
        with pytest.raises(quytac.UnitLookupError) as ei_of:
            old.successor_of(old.units[-1])

        assert (
            "quytac.errors.UnitLookupError: catalog 'x' names its successor catalog 'new': give"
            " workspace= to follow successors into it"
        ) == ei.exconly()
        assert (
            "quytac.errors.UnitLookupError: catalog 'x' names its successor catalog 'new': give"
            " workspace= to find the successor of '00611' in it"
        ) == ei_of.exconly()

    def test_a_code_used_again_later(self):
        """
        A successor code is looked up after the unit ends: A hands over to B, B back to the
        code of A, which by then is another unit (A2).
        """
        loop = catalog(
            CITY
            + "  - {code: '00001', name: A, kind: phuong, parent: '01', valid_from: 2020-01-01,"
            " valid_to: 2020-12-31, successor: '00002'}\n"
            + "  - {code: '00002', name: B, kind: phuong, parent: '01', valid_from: 2021-01-01,"
            " valid_to: 2021-12-31, successor: '00001'}\n"
            + "  - {code: '00001', name: A2, kind: phuong, parent: '01', valid_from: 2022-01-01,"
            " valid_to: 2022-12-31, successor: '00002'}\n"
        )

        assert ["A2"] == [str(u.name) for u in loop.successors(loop.units[2])]
        assert ["B", "A2"] == [str(u.name) for u in loop.successors(loop.units[1])]


class TestCatalogIssues:
    def test_unknown_parent(self):
        """
        QT201: a parent code that no unit of the catalog has.
        """
        broken = catalog(CITY + '  - {code: "021", name: Bắc Từ Liêm, kind: quan, parent: "09"}\n')

        assert [
            (
                "<UnitCatalog x>: error QT201: units[1].parent: parent '09' is not a unit of this"
                " catalog"
            )
        ] == rendered(broken)

    def test_unknown_parent_is_placed_in_the_file(self, tmp_path):
        """
        Issues of a catalog read from a file are placed at file:line:column, in both languages.
        """
        (tmp_path / "units.yaml").write_text(
            HEAD + "units:\n" + CITY + '  - {code: "021", name: Bắc Từ Liêm, kind: quan,'
            ' parent: "09"}\n',
            encoding="utf-8",
        )

        found = quytac.Workspace.load(tmp_path).validate()
        source = str(tmp_path / "units.yaml")

        assert [
            (
                f"{source}:7:58: error QT201: units[1].parent: parent '09' is not a unit of this"
                f" catalog"
            )
        ] == [issue.render("en") for issue in found]
        assert [
            (
                f"{source}:7:58: lỗi QT201: units[1].parent: đơn vị cấp trên '09' không có trong"
                " danh mục"
            )
        ] == [issue.render("vi") for issue in found]

    def test_duplicate_code_in_one_era(self):
        """
        QT202: two units with one code whose periods overlap; different eras may share a code.
        """
        broken = catalog(
            CITY
            + "  - {code: '00070', name: A, kind: phuong, parent: '01', valid_to: 2025-06-30}\n"
            + "  - {code: '00070', name: B, kind: phuong, parent: '01', valid_from: 2025-06-30}\n"
        )

        assert [
            (
                "<UnitCatalog x>: error QT202: units[2].code: code '00070' is already used by"
                " units[1] in the same period"
            )
        ] == rendered(broken)
        assert [] == rendered(TWO_ERAS)

    def test_cyclic_parents(self):
        """
        QT203: a chain of parents that loops, reported once, at its first unit.
        """
        broken = catalog(
            "  - {code: a, name: A, kind: so, parent: c}\n"
            "  - {code: b, name: B, kind: so, parent: a}\n"
            "  - {code: c, name: C, kind: so, parent: b}\n"
        )

        assert [
            (
                "<UnitCatalog x>: error QT203: units[0].parent: parent 'c' makes a cycle:"
                " 'a' → 'c' → 'b' → 'a'"
            )
        ] == rendered(broken)

    def test_parent_of_the_wrong_level(self):
        """
        QT204: a phường under a sở; a province under anything.
        """
        broken = catalog(
            CITY
            + "  - {code: so-vhtt, name: Sở VH&TT, kind: so, parent: '01'}\n"
            + "  - {code: '00611', name: Phường X, kind: phuong, parent: so-vhtt}\n"
            + "  - {code: '02', name: Tỉnh Y, kind: tinh, parent: '01'}\n"
        )

        assert [
            (
                "<UnitCatalog x>: error QT204: units[2].parent: a phuong (commune) cannot"
                " belong to a so (agency); its parent must be of level: district, province"
            ),
            (
                "<UnitCatalog x>: error QT204: units[3].parent: a tinh (province) cannot"
                " belong to a thanh_pho_tw (province); its parent must be of level: none (it"
                " is the top)"
            ),
        ] == rendered(broken)

    def test_kind_outside_its_era(self):
        """
        QT205: a thị trấn after 06/2025, a đặc khu before 07/2025, a quận that goes on past
        06/2025; open ends are not checked.
        """
        broken = catalog(
            CITY + "  - {code: '10015', name: TT, kind: thi_tran, parent: '01',"
            " valid_from: 2025-07-01}\n"
            + "  - {code: '26000', name: ĐK, kind: dac_khu, parent: '01', valid_to: 2024-12-31}\n"
            + "  - {code: '001', name: Q, kind: quan, parent: '01', valid_from: 2020-01-01,"
            " valid_to: 2025-12-31}\n"
            + "  - {code: '00004', name: P, kind: phuong, parent: '01'}\n"
        )

        assert [
            (
                "<UnitCatalog x>: error QT205: units[1].kind: kind 'thi_tran' does not exist on"
                " 2025-07-01 (it exists until 2025-06-30)"
            ),
            (
                "<UnitCatalog x>: error QT205: units[2].kind: kind 'dac_khu' does not exist on"
                " 2024-12-31 (it exists from 2025-07-01)"
            ),
            (
                "<UnitCatalog x>: error QT205: units[3].kind: kind 'quan' does not exist on"
                " 2025-07-01 (it exists until 2025-06-30)"
            ),
        ] == rendered(broken)

    def test_code_length_of_official_kinds(self):
        """
        QT206: official codes have 2, 3 or 5 digits by level; slugs are free.
        """
        broken = catalog(
            '  - {code: "1", name: Hà Nội, kind: thanh_pho_tw}\n'
            '  - {code: "0021", name: Q, kind: quan, parent: "1"}\n'
            '  - {code: "0061a", name: P, kind: phuong, parent: "0021"}\n'
            '  - {code: sở-1, name: S, kind: so, parent: "1"}\n'
        )

        assert [
            (
                "<UnitCatalog x>: error QT206: units[0].code: code '1' of a thanh_pho_tw (province)"
                " must be 2 digits, such as 01"
            ),
            (
                "<UnitCatalog x>: error QT206: units[1].code: code '0021' of a quan (district) must"
                " be 3 digits, such as 001"
            ),
            (
                "<UnitCatalog x>: error QT206: units[2].code: code '0061a' of a phuong (commune)"
                " must be 5 digits, such as 00001"
            ),
        ] == rendered(broken)

    def test_successor_that_points_nowhere(self):
        """
        QT207: a successor code that no unit has, in this catalog or the next.
        """
        broken = catalog(
            CITY + "  - {code: '00001', name: A, kind: phuong, parent: '01', successor: '00009'}\n",
            head="valid_to: 2024-12-31\n",
        )

        assert [
            (
                "<UnitCatalog x>: error QT207: units[1].successor: successor '00009' is not a unit"
                " of 'x'"
            )
        ] == rendered(broken)

    def test_successor_that_points_into_the_past(self):
        """
        QT208: the successor ended before the unit did.
        """
        broken = catalog(
            CITY
            + "  - {code: '00001', name: A, kind: phuong, parent: '01', valid_to: 2020-12-31}\n"
            + "  - {code: '00002', name: B, kind: phuong, parent: '01', valid_from: 2021-01-01,"
            " valid_to: 2021-12-31, successor: '00001'}\n"
        )

        assert [
            (
                "<UnitCatalog x>: error QT208: units[2].successor: successor '00001' points"
                " into the past: it ends on 2020-12-31, not after this unit (2021-12-31)"
            )
        ] == rendered(broken)

    def test_successor_in_a_catalog_of_the_workspace(self):
        """
        QT207 names both catalogs searched when the next catalog is at hand; with the next
        catalog missing from the workspace, QT211 warns and the link is not checked.
        """
        old = catalog(
            CITY + "  - {code: '00001', name: A, kind: phuong, parent: '01', successor: '00009'}\n",
            head="valid_to: 2024-12-31\nsuccessor_catalog: new\n",
        )
        new = quytac.loads(
            "kind: UnitCatalog\nschema: quytac/v1\nid: new\ntitle: y\nvalid_from: 2025-07-01\n"
            "units:\n" + CITY
        )

        assert [
            (
                "<UnitCatalog x>: error QT207: units[1].successor: successor '00009' is not a unit"
                " of 'x' or 'new'"
            )
        ] == rendered(old, new)
        assert [
            (
                "<UnitCatalog x>: warning QT211: successor_catalog: successor catalog 'new' is"
                " not in the workspace; successor links into it are not checked"
            )
        ] == rendered(old)
        assert [] == list(issues_of(old))

    def test_unknown_kind(self):
        """
        QT209: a kind neither built in nor declared.
        """
        broken = catalog(CITY + "  - {code: to-1, name: Tổ 1, kind: to_dan_pho, parent: '01'}\n")

        assert [
            (
                "<UnitCatalog x>: error QT209: units[1].kind: unknown unit kind 'to_dan_pho';"
                " declare it under unit_kinds"
            )
        ] == rendered(broken)

    def test_parent_of_another_era(self):
        """
        QT210: the parent code exists, but not while the unit does.
        """
        broken = catalog(
            CITY
            + "  - {code: '002', name: Q, kind: quan, parent: '01', valid_to: 2020-12-31}\n"
            + "  - {code: '00070', name: P, kind: phuong, parent: '002', valid_from: 2021-01-01}\n"
        )

        assert [
            (
                "<UnitCatalog x>: error QT210: units[2].parent: parent '002' does not exist during"
                " this unit's period"
            )
        ] == rendered(broken)

    def test_dates_out_of_order(self):
        """
        QT212: valid_from after valid_to, for the catalog, a unit and a declared kind.
        """
        broken = catalog(
            CITY + "  - {code: '00001', name: A, kind: phuong, parent: '01',"
            " valid_from: 2022-01-01, valid_to: 2021-01-01}\n",
            head="unit_kinds:\n  - {id: to, label: Tổ, level: agency, valid_from: 2020-01-02,"
            " valid_to: 2020-01-01}\n",
        )
        inverted = catalog(CITY, head="valid_from: 2024-01-01\nvalid_to: 2023-01-01\n")

        assert [
            (
                "<UnitCatalog x>: error QT212: unit_kinds[0].valid_from: valid_from 2020-01-02 is"
                " after valid_to 2020-01-01"
            ),
            (
                "<UnitCatalog x>: error QT212: units[1].valid_from: valid_from 2022-01-01 is after"
                " valid_to 2021-01-01"
            ),
        ] == rendered(broken)
        assert [
            (
                "<UnitCatalog x>: error QT212: valid_from: valid_from 2024-01-01 is after valid_to"
                " 2023-01-01"
            )
        ] == rendered(inverted)

    def test_kind_declared_twice(self):
        """
        QT213: a declared kind that is built in, or declared before.
        """
        broken = catalog(
            CITY,
            head="unit_kinds:\n"
            "  - {id: quan, label: Quận, level: district}\n"
            "  - {id: to, label: Tổ, level: agency}\n"
            "  - {id: to, label: Tổ, level: agency}\n",
        )

        assert [
            (
                "<UnitCatalog x>: error QT213: unit_kinds[0].id: unit kind 'quan' is already"
                " defined (built in)"
            ),
            (
                "<UnitCatalog x>: error QT213: unit_kinds[2].id: unit kind 'to' is already defined"
                " (at unit_kinds[1])"
            ),
        ] == rendered(broken)

    def test_place_types(self):
        """
        QT214: a place type on a unit that is not a public place; QT215: an unknown place type
        (declared ones are known); QT216: a public place without one.
        """
        broken = catalog(
            CITY
            + "  - {code: '00001', name: P, kind: phuong, parent: '01', place_type: cho}\n"
            + "  - {code: a, name: A, kind: dia_diem_cong_cong, parent: '00001',"
            " place_type: san_van_dong}\n"
            + "  - {code: b, name: B, kind: dia_diem_cong_cong, parent: '00001'}\n"
            + "  - {code: c, name: C, kind: dia_diem_cong_cong, parent: '00001',"
            " place_type: ho}\n",
            head="place_types:\n  - {id: ho, label: Hồ}\n",
        )

        assert [
            (
                "<UnitCatalog x>: error QT214: units[1].place_type: place_type is only for public"
                " places, not for a phuong (commune)"
            ),
            (
                "<UnitCatalog x>: warning QT215: units[2].place_type: unknown place type"
                " 'san_van_dong'; declare it under place_types"
            ),
            "<UnitCatalog x>: warning QT216: units[3]: a public place should give its place_type",
        ] == rendered(broken)

    def test_successor_without_an_end(self):
        """
        QT217: a unit that has a successor must end.
        """
        broken = catalog(
            CITY + "  - {code: '00001', name: A, kind: phuong, parent: '01', successor: '00002'}\n"
        )

        assert [
            (
                "<UnitCatalog x>: error QT217: units[1].successor: the unit has a successor"
                " ('00002') but no end date; give it a valid_to"
            )
        ] == rendered(broken)


class TestGeneratedTrees:
    @given(unit_trees())
    def test_ancestors_end_at_the_province(self, tree):
        """
        Every unit but the province has the province as its last ancestor.
        """
        for unit in tree.units:
            ancestors = tree.ancestors(unit)
            if unit.code == "01":
                assert () == ancestors
            else:
                assert "01" == ancestors[-1].code

    @given(unit_trees())
    def test_children_and_parents_agree(self, tree):
        """
        A unit is among the children of its parent, and every child names its parent.
        """
        for unit in tree.units:
            parent = tree.parent_of(unit)
            if parent is not None:
                assert unit in tree.children(parent)
            for child in tree.children(unit):
                assert unit == tree.parent_of(child)

    @given(unit_trees())
    def test_a_catalog_loads_back_equal(self, tree):
        """
        dumps writes YAML that loads back to an equal catalog.
        """
        assert tree == quytac.loads(quytac.dumps(tree))

    @given(unit_trees())
    def test_generated_trees_keep_every_rule(self, tree):
        """
        A well-formed tree has no issue.
        """
        assert [] == rendered(tree)

    @given(unit_trees())
    def test_lookups_by_code_on_a_day(self, tree):
        """
        In a one-era catalog, every unit is found by its code on any day of the era.
        """
        for unit in tree.units:
            assert unit == tree.unit(unit.code, on=BEFORE)


class TestGeneratedEras:
    @given(two_era_catalogs())
    def test_a_code_names_the_unit_of_the_day(self, catalog):
        """
        A code taken over in 2025 names the old unit up to 30/06/2025 and the new one after;
        the old unit's successor chain is the new unit.
        """
        for new in catalog.units_of_kinds(["xa", "phuong"], on=FIRST_NEW_DAY):
            old = catalog.unit(new.code, on=LAST_OLD_DAY)
            assert old is not None
            assert old != new
            assert new == catalog.unit(new.code, on=FIRST_NEW_DAY)
            assert (new,) == catalog.successors(old)

    @given(two_era_catalogs())
    def test_the_province_has_the_new_communes_from_2025(self, catalog):
        """
        From 07/2025 the province's children are exactly the new communes.
        """
        after = catalog.children("01", on=FIRST_NEW_DAY)

        assert all(u.valid_from == FIRST_NEW_DAY for u in after)
        assert len(after) == sum(1 for u in catalog.units if u.valid_from == FIRST_NEW_DAY)

    @given(two_era_catalogs())
    def test_two_eras_keep_every_rule(self, catalog):
        """
        Codes shared by the two eras are not duplicates; the catalog loads back equal.
        """
        assert [] == rendered(catalog)
        assert catalog == quytac.loads(quytac.dumps(catalog))


# --- the rules of a catalog against plain readings of them ----------------------------------


def starts_by(one, other) -> bool:
    """
    Whether a period starts no later than another ends (None: open).
    """
    return one[0] is None or other[1] is None or one[0] <= other[1]


def share_a_day(one, other) -> bool:
    return starts_by(one, other) and starts_by(other, one)


def reference_parent(catalog: UnitCatalog, unit: Unit) -> int | None:
    """
    The parent as QT201-QT204 read it: the first unit listed with the parent's code that
    exists on the day the unit starts, or failing that, the first whose period shares a day
    with the unit's.
    """
    if unit.parent is None:
        return None
    period = catalog.period_of(unit)
    candidates = [p for p, other in enumerate(catalog.units) if other.code == unit.parent]
    if period[0] is not None:
        day = (period[0], period[0])
        for position in candidates:
            if share_a_day(catalog.period_of(catalog.units[position]), day):
                return position
    for position in candidates:
        if share_a_day(catalog.period_of(catalog.units[position]), period):
            return position
    return None


def reference_duplicates(catalog: UnitCatalog) -> list[quytac.Issue]:
    """
    QT202, code by code in the order the codes first appear: each unit whose period shares a
    day with that of an earlier unit of its code, naming the first such unit.
    """
    found = []
    for code in dict.fromkeys(unit.code for unit in catalog.units):
        positions = [p for p, unit in enumerate(catalog.units) if unit.code == code]
        for later in positions:
            period = catalog.period_of(catalog.units[later])
            for earlier in positions:
                if earlier < later and share_a_day(
                    catalog.period_of(catalog.units[earlier]), period
                ):
                    found.append(
                        _eras.issue(
                            "QT202", ("units", later, "code"), given=repr(code), first=earlier
                        )
                    )
                    break
    return found


def reference_cycles(catalog: UnitCatalog) -> list[quytac.Issue]:
    """
    QT203: a unit is on a cycle when following parents from it comes back to it; each cycle is
    reported once, at its first unit listed, with the codes from there round to it again.
    """
    parents = [reference_parent(catalog, unit) for unit in catalog.units]
    found = []
    for start, unit in enumerate(catalog.units):
        cycle = [start]
        position = parents[start]
        while position is not None and position != start and len(cycle) <= len(parents):
            cycle.append(position)
            position = parents[position]
        if position == start and start == min(cycle):
            chain = " → ".join(repr(catalog.units[p].code) for p in [*cycle, start])
            found.append(
                _eras.issue(
                    "QT203", ("units", start, "parent"), parent=repr(unit.parent), chain=chain
                )
            )
    return found


def reference_taking_over(catalog: UnitCatalog, code: str, end: dt.date) -> Unit | None:
    """
    The first unit listed with the earliest start among those with the code that go on after
    ``end``.
    """
    later = [
        unit
        for unit in catalog.units
        if unit.code == code
        and (catalog.period_of(unit)[1] is None or catalog.period_of(unit)[1] > end)
    ]
    earliest = min((catalog.period_of(unit)[0] or dt.date.min for unit in later), default=None)
    return next((u for u in later if (catalog.period_of(u)[0] or dt.date.min) == earliest), None)


def of_codes(catalog: UnitCatalog, *codes: str) -> list[quytac.Issue]:
    return [issue for issue in issues_of(catalog) if issue.code in codes]


class TestRulesAsRead:
    """
    The rules of a catalog give what a plain (slow) reading of them gives, on catalogs drawn to
    tangle them: many units of one code, parents in chains, cycles and other eras.
    """

    @given(tangled_catalogs())
    def test_parents(self, catalog):
        """
        Each unit's parent (QT201, QT204, QT210 and the cycles rest on it).
        """
        assert [reference_parent(catalog, unit) for unit in catalog.units] == list(catalog._parents)

    @given(tangled_catalogs())
    def test_codes_used_twice(self, catalog):
        """
        QT202: the same issues, in the same order.
        """
        assert reference_duplicates(catalog) == of_codes(catalog, "QT202")

    @given(tangled_catalogs())
    def test_cycles(self, catalog):
        """
        QT203: the same issues, in the same order.
        """
        assert reference_cycles(catalog) == of_codes(catalog, "QT203")

    @given(parent_chains())
    def test_long_chains_and_cycles(self, catalog):
        """
        QT203 where parents make chains and cycles of up to 200 units, tails into them too.
        """
        assert reference_cycles(catalog) == of_codes(catalog, "QT203")

    @given(tangled_catalogs(), st.sampled_from(DAYS[1:]))
    def test_the_unit_taking_over(self, catalog, end):
        """
        The unit that takes over a code after a day (QT207, QT208, successors).
        """
        for code in {unit.code for unit in catalog.units}:
            assert reference_taking_over(catalog, code, end) is catalog.taking_over(code, end)

    @given(tangled_catalogs(), st.sampled_from(DAYS[1:]))
    def test_the_last_end_of_a_code(self, catalog, end):
        """
        The day QT208 names: the latest end of the units of a code, an open end counting as
        the end of the unit that names the successor.
        """
        for code in {unit.code for unit in catalog.units} | {"z"}:
            ends = [catalog.period_of(u)[1] or end for u in catalog.units if u.code == code]

            assert max(ends, default=None) == catalog._last_end(code, end)

    @given(
        st.lists(st.tuples(st.sampled_from(DAYS), st.sampled_from(DAYS)), max_size=30),
        st.lists(st.tuples(st.sampled_from(DAYS), st.sampled_from(DAYS)), max_size=10),
    )
    def test_the_first_period_sharing_a_day(self, periods, queries):
        """
        The lookup behind parents and QT202, with few periods and with many.
        """
        expected = [
            next((i for i, period in enumerate(periods) if share_a_day(period, query)), None)
            for query in queries
        ]

        assert expected == _eras.first_sharing_a_day(periods, queries)

    @pytest.mark.parametrize("length", [1, 2, 3, 40, 5000])
    def test_a_cycle_is_reported_once_at_its_first_unit(self, length):
        """
        A cycle of any length is one QT203, at its first unit listed, with every code of the
        cycle (a long chain is cut at 200 characters).
        """
        units = [
            Unit(code=f"u{n}", name=quytac.Text(vi="Sở"), kind="so", parent=f"u{(n + 1) % length}")
            for n in range(length)
        ]
        catalog = UnitCatalog(id="x", title=quytac.Text(vi="x"), units=tuple(units))
        chain = " → ".join(f"'u{n % length}'" for n in range(length + 1))
        shown = chain if len(chain) <= 200 else chain[:199] + "…"

        assert [
            f"<UnitCatalog x>: error QT203: units[0].parent: parent 'u{1 % length}' makes a"
            f" cycle: {shown}"
        ] == rendered(catalog)


def departments(n: int, **fields) -> list[Unit]:
    return [
        Unit(code=f"u{k}", name=quytac.Text(vi=f"Sở {k}"), kind="so", **fields) for k in range(n)
    ]


def one_day(k: int) -> dict[str, dt.date]:
    day = dt.date(2000, 1, 1) + dt.timedelta(days=k)
    return {"valid_from": day, "valid_to": day}


class TestRulesGrowLinearly:
    """
    Ten times the units take about ten times the work, not a hundred (steps counted, not timed:
    tests/_steps.py).
    """

    @staticmethod
    def issues_of(units: list[Unit], **fields):
        catalog = UnitCatalog(id="x", title=quytac.Text(vi="x"), units=tuple(units), **fields)
        return lambda: list(issues_of(catalog))

    def test_a_long_chain_and_a_long_cycle(self):
        """
        A chain of departments each under the one before, and a cycle of boards.
        """

        def make(n):
            chain = [
                attrs.evolve(u, parent=f"u{k - 1}" if k else None)
                for k, u in enumerate(departments(n))
            ]
            cycle = [
                Unit(code=f"c{k}", name=quytac.Text(vi="Ban"), kind="ban", parent=f"c{(k + 1) % n}")
                for k in range(n)
            ]
            return self.issues_of(chain + cycle)

        assert_near_linear(make, 200)

    def test_one_code_in_two_eras(self):
        """
        QT202 for n units of one code until 30/06/2025 and n from 01/07/2025.
        """

        def make(n):
            old = [attrs.evolve(u, code="00070", valid_to=LAST_OLD_DAY) for u in departments(n)]
            new = [attrs.evolve(u, code="00070", valid_from=FIRST_NEW_DAY) for u in departments(n)]
            return self.issues_of(old + new)

        assert_near_linear(make, 200)

    def test_one_code_of_many_eras_as_parent_and_successor(self):
        """
        One code used by a unit a day; as many units name it as their parent (from another era:
        QT210) and as their successor (taken over too early: QT208).
        """

        def make(n):
            eras = [attrs.evolve(u, code="p", **one_day(k)) for k, u in enumerate(departments(n))]
            children = departments(n, parent="p", valid_from=dt.date(2100, 1, 1))
            ending = [
                attrs.evolve(u, code=f"e{k}", valid_to=dt.date(2100, 1, 1), successor="p")
                for k, u in enumerate(departments(n))
            ]
            return self.issues_of(eras + children + ending)

        assert_near_linear(make, 200)

    def test_many_place_types(self):
        """
        n places, each of a place type the catalog declares.
        """

        def make(n):
            places = [
                Unit(
                    code=f"p{k}",
                    name=quytac.Text(vi="Chợ"),
                    kind="dia_diem_cong_cong",
                    place_type=f"t{k}",
                )
                for k in range(n)
            ]
            kinds = tuple(
                quytac.PlaceType(id=f"t{k}", label=quytac.Text(vi="Chợ")) for k in range(n)
            )
            return self.issues_of(places, place_types=kinds)

        assert_near_linear(make, 200)
