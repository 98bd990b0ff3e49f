"""
The importer of the two-tier units (from 07/2025) from the vietnam-provinces package, the
optional extra quytac[units]; CI installs it through the dev extra.
"""

import datetime as dt
import types
from collections import Counter

import attrs
import pytest

import quytac
from quytac import QuytacError, UnitCatalog, UnitLookupError, units_from_vietnam_provinces
from quytac import _vietnam_provinces as importer

pytest.importorskip("vietnam_provinces")

AFTER = dt.date(2025, 8, 1)


@pytest.fixture(scope="module")
def hanoi():
    return units_from_vietnam_provinces("01")


class TestHanoiFrom2025:
    def test_126_communes(self, hanoi):
        """
        Hanoi has 126 communes from 07/2025: 51 phường and 75 xã, all directly under the city.
        """
        communes = hanoi.children("01", on=AFTER)

        assert 126 == len(communes)
        assert {"phuong": 51, "xa": 75} == Counter(u.kind for u in communes)
        assert all(len(u.code) == 5 and u.code.isdigit() for u in communes)

    def test_the_catalog(self, hanoi):
        """
        The city first, codes as zero-padded text, valid from 2025-07-01, no issue.
        """
        assert ("vietnam-provinces-01", dt.date(2025, 7, 1), None) == (
            hanoi.id,
            hanoi.valid_from,
            hanoi.valid_to,
        )
        assert ("01", "Thành phố Hà Nội", "thanh_pho_tw") == (
            hanoi.units[0].code,
            str(hanoi.units[0].name),
            hanoi.units[0].kind,
        )
        assert "Phường Hoàn Kiếm" == str(hanoi.unit("00070", on=AFTER).name)
        assert [] == [str(issue) for issue in quytac.Workspace.of(hanoi).validate()]

    def test_the_bundled_selection_agrees(self, hanoi):
        """
        Every unit of the bundled hanoi-2025 catalog is the package's unit with that code.
        """
        bundled = quytac.example_workspace().get(UnitCatalog, "hanoi-2025")

        for unit in bundled.units:
            assert hanoi.unit(unit.code, on=AFTER) == unit

    def test_successor_links_of_2023_resolve_in_the_package(self, hanoi):
        """
        With the package's catalog as hanoi-2025, the 2023 catalog keeps every rule and each
        successor link finds its 2025 commune.
        """
        hanoi_2023 = quytac.example_workspace().get(UnitCatalog, "hanoi-2023")
        workspace = quytac.Workspace.of(hanoi_2023, attrs.evolve(hanoi, id="hanoi-2025"))

        assert [] == [str(issue) for issue in workspace.validate()]
        for unit in hanoi_2023.units:
            if unit.successor is not None:
                assert unit.successor == hanoi_2023.successor_of(unit, workspace=workspace).code

    def test_a_commune_from_2023_to_2025(self, hanoi):
        """
        Phường Xuân Tảo (00611, Bắc Từ Liêm) is now part of Phường Xuân Đỉnh.
        """
        hanoi_2023 = quytac.example_workspace().get(UnitCatalog, "hanoi-2023")
        workspace = quytac.Workspace.of(hanoi_2023, attrs.evolve(hanoi, id="hanoi-2025"))

        assert ["Phường Xuân Đỉnh"] == [
            str(u.name)
            for u in hanoi_2023.successors("00611", on=dt.date(2023, 1, 1), workspace=workspace)
        ]


class TestTheWholeCountry:
    def test_34_provinces_and_3321_communes(self):
        """
        DOMAIN.md §4: from 07/2025, 34 provinces and 3,321 communes (2,621 xã, 687 phường,
        13 đặc khu); every province's catalog keeps every rule (đặc khu exist from 07/2025).
        """
        package = pytest.importorskip("vietnam_provinces")
        kinds: Counter[str] = Counter()
        issues = []
        codes = [f"{int(province.code):02d}" for province in package.Province.iter_all()]
        for code in codes:
            catalog = units_from_vietnam_provinces(code)
            kinds.update(unit.kind for unit in catalog.children(code))
            issues += quytac.Workspace.of(catalog).validate()

        assert 34 == len(codes)
        assert {"xa": 2621, "phuong": 687, "dac_khu": 13} == kinds
        assert [] == issues


class TestImporterErrors:
    def test_unknown_province(self):
        """
        A province code the package does not have is refused.
        """
        with pytest.raises(UnitLookupError, match="vietnam-provinces has no province '02'"):
            units_from_vietnam_provinces("02")

    def test_missing_package(self, monkeypatch):
        """
        Without the package, the error says which extra to install.
        """

        def missing(name):
            raise ModuleNotFoundError(name)

        monkeypatch.setattr(importer.importlib, "import_module", missing)

        with pytest.raises(
            QuytacError,
            match=r"the vietnam-provinces package is not installed: pip install 'quytac\[units\]'",
        ):
            units_from_vietnam_provinces()

    def test_a_package_of_the_old_era(self, monkeypatch):
        """
        A version that holds the three-tier units (0.5.x) is refused, with its version.
        """
        old = types.SimpleNamespace(__version__="0.5.0", Ward=types.SimpleNamespace())
        monkeypatch.setattr(importer.importlib, "import_module", lambda _: old)

        with pytest.raises(QuytacError) as ei:
            units_from_vietnam_provinces()

        assert (
            "vietnam-provinces 0.5.0 describes the units before 07/2025; quytac[units] needs"
            " version 2025.8.1 or later"
        ) == str(ei.value)
