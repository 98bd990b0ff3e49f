"""
The bundled Hanoi data: the units of 2020-2024 and of 07/2025, and the two codes of conduct.
Every fact DOMAIN.md marks as checked must be right.
"""

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

import quytac
from quytac import ConductCode, RuleType, UnitCatalog

DATA = Path(quytac.example_path())

#: DOMAIN.md §4: Hanoi's district-level units in 2020-2025, their codes and kinds.
DISTRICTS = {
    "001": ("Quận Ba Đình", "quan"),
    "002": ("Quận Hoàn Kiếm", "quan"),
    "003": ("Quận Tây Hồ", "quan"),
    "004": ("Quận Long Biên", "quan"),
    "005": ("Quận Cầu Giấy", "quan"),
    "006": ("Quận Đống Đa", "quan"),
    "007": ("Quận Hai Bà Trưng", "quan"),
    "008": ("Quận Hoàng Mai", "quan"),
    "009": ("Quận Thanh Xuân", "quan"),
    "016": ("Huyện Sóc Sơn", "huyen"),
    "017": ("Huyện Đông Anh", "huyen"),
    "018": ("Huyện Gia Lâm", "huyen"),
    "019": ("Quận Nam Từ Liêm", "quan"),
    "020": ("Huyện Thanh Trì", "huyen"),
    "021": ("Quận Bắc Từ Liêm", "quan"),
    "250": ("Huyện Mê Linh", "huyen"),
    "268": ("Quận Hà Đông", "quan"),
    "269": ("Thị xã Sơn Tây", "thi_xa"),
    "271": ("Huyện Ba Vì", "huyen"),
    "272": ("Huyện Phúc Thọ", "huyen"),
    "273": ("Huyện Đan Phượng", "huyen"),
    "274": ("Huyện Hoài Đức", "huyen"),
    "275": ("Huyện Quốc Oai", "huyen"),
    "276": ("Huyện Thạch Thất", "huyen"),
    "277": ("Huyện Chương Mỹ", "huyen"),
    "278": ("Huyện Thanh Oai", "huyen"),
    "279": ("Huyện Thường Tín", "huyen"),
    "280": ("Huyện Phú Xuyên", "huyen"),
    "281": ("Huyện Ứng Hòa", "huyen"),
    "282": ("Huyện Mỹ Đức", "huyen"),
}

#: The five districts inspected in October 2022.
INSPECTED_2022 = {
    "021": "Quận Bắc Từ Liêm",
    "019": "Quận Nam Từ Liêm",
    "268": "Quận Hà Đông",
    "007": "Quận Hai Bà Trưng",
    "277": "Huyện Chương Mỹ",
}

ON = dt.date(2023, 8, 1)


@pytest.fixture(scope="module")
def workspace():
    return quytac.example_workspace()


@pytest.fixture(scope="module")
def hanoi_2023(workspace):
    return workspace.get(UnitCatalog, "hanoi-2023")


class TestBundledFiles:
    def test_the_bundled_data_keeps_every_rule(self):
        """
        `quytac validate` finds nothing in the bundled data: no error, no warning.
        """
        assert [] == [str(issue) for issue in quytac.example_workspace().validate()]

    def test_every_file_names_its_schema(self):
        """
        Every bundled YAML file starts with the editor's schema comment for its kind.
        """
        for file in sorted(DATA.glob("*.yaml")):
            kind = type(quytac.load(file)).kind.lower()
            first = file.read_text(encoding="utf-8").splitlines()[0]

            assert f"# yaml-language-server: $schema=schemas/{kind}.schema.json" == first


class TestHanoi2023:
    def test_the_era(self, hanoi_2023):
        """
        The catalog describes 2020-2024, and its successors are in hanoi-2025.
        """
        assert (dt.date(2020, 1, 1), dt.date(2024, 12, 31), "hanoi-2025") == (
            hanoi_2023.valid_from,
            hanoi_2023.valid_to,
            hanoi_2023.successor_catalog,
        )

    def test_the_city(self, hanoi_2023):
        """
        Hà Nội is "01", a centrally governed city, at the top.
        """
        city = hanoi_2023.unit("01", on=ON)

        assert ("Thành phố Hà Nội", "thanh_pho_tw", None) == (
            str(city.name),
            city.kind,
            city.parent,
        )

    def test_thirty_district_level_units(self, hanoi_2023):
        """
        30 district-level units: 12 quận, 17 huyện, 1 thị xã, with their official codes.
        """
        districts = hanoi_2023.units_of_kinds(["quan", "huyen", "thi_xa"], on=ON)

        assert 30 == len(districts)
        assert {"quan": 12, "huyen": 17, "thi_xa": 1} == Counter(u.kind for u in districts)
        assert DISTRICTS == {u.code: (str(u.name), u.kind) for u in districts}
        assert all(u.parent == "01" and u.verified for u in districts)

    def test_the_five_districts_inspected_in_2022(self, hanoi_2023):
        """
        Bắc Từ Liêm 021, Nam Từ Liêm 019, Hà Đông 268, Hai Bà Trưng 007, Chương Mỹ 277.
        """
        assert INSPECTED_2022 == {
            code: str(hanoi_2023.unit(code, on=ON).name) for code in INSPECTED_2022
        }

    def test_the_communes_of_the_five_districts(self, hanoi_2023):
        """
        Each of the five districts lists its communes, with five-digit codes.
        """
        counts = {code: len(hanoi_2023.children(code, on=ON)) for code in INSPECTED_2022}

        assert {"021": 13, "019": 10, "268": 17, "007": 18, "277": 32} == counts
        for code in INSPECTED_2022:
            for commune in hanoi_2023.children(code, on=ON):
                assert commune.kind in {"phuong", "xa", "thi_tran"}
                assert 5 == len(commune.code)
                assert commune.code.isdigit()

    def test_departments(self, hanoi_2023):
        """
        The city's departments include the standing agency (Sở VH&TT) and Sở Nội vụ.
        """
        names = {str(u.name) for u in hanoi_2023.units_of_kinds(["so"])}

        assert {"Sở Văn hóa và Thể thao", "Sở Nội vụ"} <= names
        assert "01" == hanoi_2023.unit("so-vhtt", on=ON).parent

    def test_public_places_belong_to_communes(self, hanoi_2023):
        """
        A market, relic sites and a park, each under a commune.
        """
        places = hanoi_2023.units_of_kinds(["dia_diem_cong_cong"])

        assert {"cho", "di_tich", "cong_vien"} <= {u.place_type for u in places}
        for place in places:
            assert "commune" == hanoi_2023.kind_of(hanoi_2023.parent_of(place)).level
            assert "01" == hanoi_2023.ancestors(place)[-1].code

    def test_hang_trong_is_succeeded_by_phuong_hoan_kiem(self, workspace, hanoi_2023):
        """
        DOMAIN.md §4: 00070 was Phường Hàng Trống, now Phường Hoàn Kiếm.
        """
        ward = hanoi_2023.unit("00070", on=ON)

        assert "Phường Hàng Trống" == str(ward.name)
        assert ["Phường Hoàn Kiếm"] == [
            str(u.name) for u in hanoi_2023.successors(ward, workspace=workspace)
        ]

    def test_every_successor_resolves(self, workspace, hanoi_2023):
        """
        Each successor link of 2023 leads to a 2025 unit with the same code.
        """
        linked = [u for u in hanoi_2023.units if u.successor is not None]

        assert 24 == len(linked)
        for unit in linked:
            successor = hanoi_2023.successor_of(unit, workspace=workspace)
            assert unit.successor == successor.code


class TestCodes:
    def test_the_officials_code(self, workspace):
        """
        522/QĐ-UBND of 25/01/2017: 4 chapters, 11 articles, duties and prohibitions.
        """
        code = workspace.get(ConductCode, "qtux-can-bo")

        assert ("Quyết định 522/QĐ-UBND", dt.date(2017, 1, 25)) == (
            code.legal_basis.instrument,
            code.legal_basis.issued_on,
        )
        assert (4, list(range(1, 12))) == (len(code.chapters), [a.number for a in code.articles])
        assert {RuleType.MUST, RuleType.MUST_NOT} <= {
            rule.type for article in code.articles for rule in article.rules
        }

    def test_the_public_places_code(self, workspace):
        """
        1665/QĐ-UBND, in force from 10/03/2017: 4 chapters, 14 articles; article 3 has should
        and should-not rules; article 11 is about amusement and tourist sites.
        """
        code = workspace.get(ConductCode, "qtux-noi-cong-cong")

        assert ("Quyết định 1665/QĐ-UBND", dt.date(2017, 3, 10)) == (
            code.legal_basis.instrument,
            code.effective_from,
        )
        assert (4, list(range(1, 15))) == (len(code.chapters), [a.number for a in code.articles])
        assert [3] == [a.number for a in code.chapters[1].articles]
        assert list(range(4, 13)) == [a.number for a in code.chapters[2].articles]
        assert [13, 14] == [a.number for a in code.chapters[3].articles]
        assert {RuleType.SHOULD: 5, RuleType.SHOULD_NOT: 11} == Counter(
            rule.type for rule in code.article(3).rules
        )
        assert "At amusement and tourist sites" == code.article(11).title.en
        assert code.article(11).verified
        assert code.in_force(ON, code.article(11))

    def test_unconfirmed_articles_say_so(self, workspace):
        """
        Article titles DOMAIN.md leaves unconfirmed carry verified: false.
        """
        officials = workspace.get(ConductCode, "qtux-can-bo")
        places = workspace.get(ConductCode, "qtux-noi-cong-cong")

        assert [] == [a.number for a in officials.articles if a.verified]
        assert [1, 2, 3, 11, 13, 14] == [a.number for a in places.articles if a.verified]

    def test_the_codes_load_back_equal(self, workspace):
        """
        dumps writes YAML that loads back to equal codes and catalogs.
        """
        for document in workspace:
            assert document == quytac.loads(quytac.dumps(document))
