"""
Unit catalogs of the two-tier government (from 07/2025), built from the ``vietnam-provinces``
package (the optional extra ``quytac[units]``).

The package is read at run time; none of its data is copied into quytac. Its codes are
integers; quytac's are zero-padded text ("01", "00070").
"""

from __future__ import annotations

import importlib
import unicodedata
from typing import Any

from .errors import QuytacError
from .text import Text
from .units import TWO_TIER_FROM, Unit, UnitCatalog, UnitLookupError

__all__ = ["units_from_vietnam_provinces"]

#: The package's division types, by their value, as quytac unit kinds.
_KINDS = {
    "tỉnh": "tinh",
    "thành phố trung ương": "thanh_pho_tw",
    "xã": "xa",
    "phường": "phuong",
    "đặc khu": "dac_khu",
}


def _package() -> Any:
    try:
        package = importlib.import_module("vietnam_provinces")
    except ModuleNotFoundError as exc:
        raise QuytacError(
            "the vietnam-provinces package is not installed: pip install 'quytac[units]'"
        ) from exc
    if not hasattr(package.Ward, "iter_by_province"):
        raise QuytacError(
            f"vietnam-provinces {package.__version__} describes the units before 07/2025;"
            " quytac[units] needs version 2025.8.1 or later"
        )
    return package


def _text(value: str) -> str:
    return unicodedata.normalize("NFC", value)


def units_from_vietnam_provinces(
    province: str = "01",
    *,
    id: str | None = None,  # noqa: A002 - the YAML key is "id"
) -> UnitCatalog:
    """
    The catalog of a province and its communes from 01/07/2025, read from the installed
    ``vietnam-provinces`` package.

    Args:
        province: The province's code, as text ("01" is Hà Nội).
        id: The catalog's id; ``vietnam-provinces-<province>`` by default.

    Returns:
        A UnitCatalog valid from 2025-07-01: the province, then its communes (xã, phường, đặc
        khu) in the order of their codes, each directly under the province.

    Raises:
        QuytacError: When the package is missing, or too old to hold the post-07/2025 state.
        UnitLookupError: When the package has no province with that code.

    .. versionadded:: 2026.11.0
    """
    package = _package()
    number = int(province) if province.isascii() and province.isdigit() else -1
    try:
        top = package.Province.from_code(package.ProvinceCode(number))
    except ValueError:
        raise UnitLookupError(f"vietnam-provinces has no province {province!r}") from None
    code = f"{int(top.code):02d}"
    units = [Unit(code=code, name=Text(vi=_text(top.name)), kind=_KINDS[top.division_type.value])]
    wards = sorted(package.Ward.iter_by_province(top.code), key=lambda ward: int(ward.code))
    units += [
        Unit(
            code=f"{int(ward.code):05d}",
            name=Text(vi=_text(ward.name)),
            kind=_KINDS[ward.division_type.value],
            parent=code,
        )
        for ward in wards
    ]
    source = f"vietnam-provinces {package.__version__}"
    return UnitCatalog(
        id=id or f"vietnam-provinces-{code}",
        title=Text(
            vi=f"{_text(top.name)} từ 01/07/2025 (theo {source})",
            en=f"{_text(top.name)} from 1 July 2025 (from {source})",
        ),
        valid_from=TWO_TIER_FROM,
        units=tuple(units),
    )
