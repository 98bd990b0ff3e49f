"""
What a scalar is: a plain one may be a boolean or null (YAML 1.2 core schema); a tagged one
must fit its tag (``!!int``, ``!!float``, ``!!bool``, ``!!null``, ``!!str``). Numbers and dates
stay text: the model decides what a value is.
"""

from __future__ import annotations

import re
from typing import Final

from ._common import _TAG

_BOOLS: Final = {
    "true": True,
    "True": True,
    "TRUE": True,
    "false": False,
    "False": False,
    "FALSE": False,
}
_NULLS: Final = ("null", "Null", "NULL", "~", "")
_PLAIN: Final[dict[str, bool | None]] = {**_BOOLS, **dict.fromkeys(_NULLS)}
#: The YAML 1.2 core schema's integers and floats, which !!int and !!float fit.
_INT: Final = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT: Final = re.compile(
    r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
)
_FITS: Final = {_TAG + "int": _INT.fullmatch, _TAG + "float": _FLOAT.fullmatch}


def tagged(tag: str, value: str) -> tuple[object, str | None]:
    """
    The value of a scalar with a tag, and the code of its problem (None when it fits): QT015
    for a value that does not fit a core tag, QT005 for a tag quytac does not read.
    """
    if tag in ("!", _TAG + "str"):
        return value, None
    fits = _FITS.get(tag)
    if fits is not None and fits(value):
        return value, None
    if tag == _TAG + "bool" and value in _BOOLS:
        return _BOOLS[value], None
    if tag == _TAG + "null" and value in _NULLS:
        return None, None
    if fits is not None or tag in (_TAG + "bool", _TAG + "null"):
        return None, "QT015"
    return None, "QT005"
