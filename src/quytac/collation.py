"""
Vietnamese alphabetical order, for lists of units shown to people.
"""

from __future__ import annotations

import unicodedata

__all__ = ["vietnamese_key"]

#: The letters in the order of the Vietnamese alphabet (with f, j, w, z for foreign names).
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_RANK = {letter: position for position, letter in enumerate(_ALPHABET)}

#: Marks that make a letter of its own: a + breve is ă, o + horn is ơ ...
_LETTER_MARKS = {"\u0306": "breve", "\u0302": "circumflex", "\u031b": "horn"}
_COMPOSED = {
    ("a", "breve"): "ă",
    ("a", "circumflex"): "â",
    ("e", "circumflex"): "ê",
    ("o", "circumflex"): "ô",
    ("o", "horn"): "ơ",
    ("u", "horn"): "ư",
}

#: Tone marks, in dictionary order: none, huyền, hỏi, ngã, sắc, nặng.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def _split(text: str) -> tuple[list[str], list[int]]:
    """
    The letters of a text (tone marks removed, ă â ê ô ơ ư đ kept as letters) and its tones.
    """
    letters: list[str] = []
    tones: list[int] = []
    for char in unicodedata.normalize("NFD", text.casefold()):
        if char in _TONES:
            tones[-1:] = [_TONES[char]]
        elif char in _LETTER_MARKS and letters:
            letters[-1] = _COMPOSED.get((letters[-1], _LETTER_MARKS[char]), letters[-1])
        elif not unicodedata.combining(char):
            letters.append(char)
            tones.append(0)
    return letters, tones


def vietnamese_key(text: str) -> tuple[tuple[tuple[int, int], ...], tuple[int, ...], str]:
    """
    A sort key that puts text in Vietnamese alphabetical order.

    Letters are compared first (a < ă < â < b < c < d < đ < e < ê ...; spaces, digits and
    punctuation come before letters), then tones (none, huyền, hỏi, ngã, sắc, nặng), then the
    text itself, so that the order is total.

    >>> from quytac import vietnamese_key
    >>> sorted(["Đống Đa", "Ba Đình", "Dục Tú", "Ân Thi", "An Khánh"], key=vietnamese_key)
    ['An Khánh', 'Ân Thi', 'Ba Đình', 'Dục Tú', 'Đống Đa']

    .. versionadded:: 2026.11.0
    """
    letters, tones = _split(text)
    primary = tuple(
        (1, _RANK[letter]) if letter in _RANK else (0, ord(letter)) for letter in letters
    )
    return primary, tuple(tones), text
