"""
Words, texts, ids and dates: the small pieces the other strategies draw.
"""

from __future__ import annotations

import datetime as dt
import functools
import unicodedata

from hypothesis import strategies as st

from quytac.text import Text

_LETTERS = "abcdeghiklmnopqrstuvxyăâđêôơưáàảãạếềểễệốồổỗộớờởỡợ "

PROVINCE_KINDS = ("tinh", "thanh_pho_tw")
DISTRICT_KINDS = ("quan", "huyen", "thi_xa")
COMMUNE_KINDS = ("xa", "phuong", "thi_tran")


def words(*, min_size: int = 1, max_size: int = 20) -> st.SearchStrategy[str]:
    """
    Vietnamese-looking text, NFC, never blank.

    .. versionadded:: 2026.11.0
    """
    return _words(min_size, max_size)


# The strategies are built once and shared: every draw of a document draws dozens of words,
# texts and ids, and Hypothesis validates a new strategy object at its first draw (building and
# validating them anew took half the time of drawing a workspace).


@functools.cache
def _words(min_size: int, max_size: int) -> st.SearchStrategy[str]:
    return st.text(alphabet=_LETTERS, min_size=min_size, max_size=max_size).map(
        lambda text: unicodedata.normalize("NFC", text.strip()) or "a"
    )


def texts() -> st.SearchStrategy[Text]:
    """
    ``Text`` values: Vietnamese, sometimes with English.

    .. versionadded:: 2026.11.0
    """
    return _TEXTS


def ids() -> st.SearchStrategy[str]:
    """
    Ids of definitions: lower-case letters, digits, ``.``, ``_``, ``-``.

    .. versionadded:: 2026.11.0
    """
    return _IDS


_TEXTS = st.builds(Text, vi=words(), en=st.none() | words())
_IDS = st.from_regex(r"[a-z0-9][a-z0-9._-]{0,15}", fullmatch=True)


@functools.cache
def _names(prefix: str) -> st.SearchStrategy[Text]:
    return words(max_size=8).map(lambda word: Text(vi=f"{prefix} {word}"))


@functools.cache
def _codes(digits: int, count: int) -> st.SearchStrategy[list[str]]:
    return st.lists(
        st.integers(1, 10**digits - 1).map(lambda n: f"{n:0{digits}d}"),
        unique=True,
        min_size=count,
        max_size=count,
    )


#: The quarter the drawn plans, reports and records fall in.
_START = dt.date(2023, 7, 1)
_END = dt.date(2023, 9, 30)
