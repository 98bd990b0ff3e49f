"""
Text shown as itself on a terminal and in a report: the characters that would break a line,
move the cursor, change the terminal or reorder the text are written as escapes.
"""

from __future__ import annotations

import re

__all__ = ["INVISIBLE", "prose", "visible"]

#: What is escaped: C0 controls (tab and newline among them), DEL, C1 controls, the bidi
#: controls and marks (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069), the line and
#: paragraph separators (U+2028, U+2029) and lone surrogates (a file name that is not UTF-8).
INVISIBLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]"
)


def _escape(match: re.Match[str]) -> str:
    # ``\n``, ``\t``, ``\r``, ``\x1b``, ``\u202e``: Python's escapes, as repr writes them.
    return match.group().encode("unicode_escape").decode("ascii")


def visible(text: str) -> str:
    """
    ``text`` with every character of ``INVISIBLE`` written as its escape (``\\n``, ``\\x1b``,
    ``\\u202e``), so a name cannot forge a line, split a table row or recolour a terminal.
    Everything else, Vietnamese and every other script included, is left as it is.
    """
    return INVISIBLE.sub(_escape, text)


def prose(text: str) -> str:
    """
    Free text (a limitation an inspector wrote) on one line: its line breaks and runs of spaces
    become one space, as a paragraph reads; then ``visible``.
    """
    return visible(" ".join(text.split()))
