"""
Text shown to people: Vietnamese first, English when given.
"""

from __future__ import annotations

import attrs

from ._checks import non_empty_text, optional_text

__all__ = ["Text"]


@attrs.frozen(kw_only=True)
class Text:
    """
    A title, label or message in Vietnamese, with an optional English version.

    In YAML it is either a string (Vietnamese) or a mapping ``{vi: ..., en: ...}``.

    Attributes:
        vi: The Vietnamese text.
        en: The English text, or None.

    .. versionadded:: 2026.11.0
    """

    vi: str = attrs.field(validator=non_empty_text)
    en: str | None = attrs.field(default=None, validator=optional_text)

    def __str__(self) -> str:
        return self.vi

    def get(self, lang: str = "vi") -> str:
        """
        The text in ``lang`` (``"vi"`` or ``"en"``); Vietnamese when there is no English.
        """
        if lang == "en" and self.en is not None:
            return self.en
        return self.vi

    @classmethod
    def of(cls, value: str | Text) -> Text:
        """
        A Text from a Vietnamese string (or the Text itself).
        """
        return value if isinstance(value, Text) else cls(vi=value)
