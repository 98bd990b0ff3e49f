"""
Suggestions for a word that is not one of those allowed: the nearest key, value or id.

Words are compared folded: NFC, case-folded, without Vietnamese diacritics (``Khá`` is
``kha``, ``đ`` is ``d``) and with any run of spaces and punctuation as one space (``co_khong``
is ``có/không``). Each allowed word may have labels (a band's ``label``, the Vietnamese words
for ``na``), matched when it folds to the same text. The nearest is the word (or label) that
folding makes equal to the one given, else difflib's closest word above :data:`CUTOFF`
(docs/decisions.md says why that number).
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from typing import TYPE_CHECKING, Any, Final

import attrs

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

#: The least difflib ratio (2 × matching characters / both lengths) for a suggestion.
CUTOFF: Final = 0.7
#: A list of allowed words this long or shorter is shown whole.
SHORT: Final = 10
#: Of a longer list, this many of the nearest are shown, then "…".
FEW: Final = 6
#: Words longer than this are not compared (a paragraph pasted where a key goes).
_LONGEST: Final = 100

_SEPARATORS: Final = re.compile(r"[\W_]+")
_DIGITS: Final = re.compile(r"[0-9]+")


def folded(word: str) -> str:
    """
    A word as it is compared: NFC, case-folded, without diacritics, punctuation as spaces.
    """
    text = unicodedata.normalize("NFD", unicodedata.normalize("NFC", word).casefold())
    text = "".join(c for c in text if not unicodedata.combining(c)).replace("đ", "d")
    return _SEPARATORS.sub(" ", text).strip()


@attrs.frozen
class Hint:
    """
    What a message suggests for a word that is not allowed.

    Attributes:
        suggestion: The allowed word nearest to the one given, or None.
        allowed: Every word allowed there, in the model's order.
        shown: The allowed words as the message lists them: all when few; else the suggestion
            and the next nearest, or (with no suggestion) the first few, and "…".
    """

    suggestion: str | None
    allowed: tuple[str, ...]
    shown: str


def _forms(
    allowed: Iterable[str], labels: Mapping[str, Iterable[str]] | None
) -> tuple[dict[str, str], dict[str, str]]:
    """
    Each folded word with the word, and each folded label with the word it stands for.
    """
    words = list(allowed)
    own: dict[str, str] = {}
    for word in words:
        own.setdefault(folded(word), word)
    named: dict[str, str] = {}
    for word in words:
        for label in (labels or {}).get(word, ()):
            named.setdefault(folded(label), word)
    own.pop("", None)
    named.pop("", None)
    return own, named


def nearest(
    given: object,
    allowed: Iterable[str],
    labels: Mapping[str, Iterable[str]] | None = None,
) -> str | None:
    """
    The allowed word nearest to ``given``, or None when none is near enough: the word or the
    label that folds to the same text, else the word difflib finds closest. Labels are not
    compared by difflib: a label is a phrase, and two phrases that share words ("… văn minh")
    are not one misspelt.
    """
    if not isinstance(given, str) or len(given) > _LONGEST:
        return None
    word = folded(given)
    if not word:
        return None
    own, named = _forms(allowed, labels)
    if word in own or word in named:
        return own.get(word) or named[word]
    close = difflib.get_close_matches(word, list(own), n=1, cutoff=CUTOFF)
    if not close:
        return None
    # Numbered siblings (III.1 … III.4, hanoi-2023 and hanoi-2025): one that differs from the
    # word only in its digits is a guess among them, not the word misspelt.
    skeleton = _DIGITS.sub("", word)
    if _DIGITS.sub("", close[0]) == skeleton:
        siblings = {own[form] for form in own if _DIGITS.sub("", form) == skeleton}
        if len(siblings) > 1:
            return None
    return own[close[0]]


def hint(
    given: object,
    allowed: Iterable[str],
    labels: Mapping[str, Iterable[str]] | None = None,
) -> Hint:
    """
    The suggestion and the list of allowed words for a message about ``given``.
    """
    words = tuple(dict.fromkeys(allowed))
    if labels is None and isinstance(given, str):
        return _hint(given, words)  # a stream of records repeats its mistakes
    return _made(given, words, labels)


@functools.lru_cache(maxsize=1024)
def _hint(given: str, words: tuple[str, ...]) -> Hint:
    return _made(given, words, None)


def _made(
    given: object, words: tuple[str, ...], labels: Mapping[str, Iterable[str]] | None
) -> Hint:
    suggestion = nearest(given, words, labels)
    if len(words) <= SHORT:
        return Hint(suggestion, words, ", ".join(words))
    if suggestion is None:  # nothing is near: the first few, in the model's order
        return Hint(None, words, ", ".join([*words[:FEW], "…"]))
    word = folded(str(given))
    ranked = sorted(words, key=lambda w: -difflib.SequenceMatcher(None, word, folded(w)).ratio())
    few = [w for w in ranked if w != suggestion][: FEW - 1]
    return Hint(suggestion, words, ", ".join([suggestion, *few, "…"]))


def of_documents(given: object, documents: Iterable[Any]) -> Hint:
    """
    The hint for an id that names none of some documents (or unit kinds, place types): their
    ids, with their titles (or labels) matched too.
    """
    found = list(documents)
    labels = {doc.id: _titles(doc) for doc in found}
    return hint(given, [doc.id for doc in found], labels)


def unit_hint(catalog: Any, code: str) -> dict[str, Any]:
    """
    The hint and cause of a finding about a unit code that no unit of the catalog has, in any
    era: every finding about the code follows from the one absence. An official code is digits,
    where a near code is another unit, so only the code with its leading zeros is suggested
    (``4`` for ``00004``); a slug (``so-vhtt``) or a unit's name gets the nearest code.
    """
    if catalog.units_with_code(code):
        return {}
    if code.isdigit():
        bare = code.lstrip("0")
        same = [
            unit.code
            for unit in catalog.units
            if unit.code.isdigit() and unit.code.lstrip("0") == bare
        ]
        said = same[0] if len(set(same)) == 1 else None
    else:
        names = {unit.code: (unit.name.vi,) for unit in catalog.units}
        said = nearest(code, list(names), names)
    return {"hint": Hint(said, (), ""), "cause": ("unit", catalog.id, code), "follows": True}


def _titles(document: Any) -> tuple[str, ...]:
    title = getattr(document, "title", None) or getattr(document, "label", None)
    if title is None:
        return ()
    return tuple(text for text in (title.vi, title.en) if text)


#: The words officials write for the values of the model's closed sets (Vietnamese mostly),
#: by set and value: ``không áp dụng`` given for an answer is recognised as ``na``.
WORDS: Final[Mapping[str, Mapping[str, tuple[str, ...]]]] = {
    "kind": {
        "UnitCatalog": ("danh mục đơn vị", "danh mục", "units"),
        "ConductCode": ("quy tắc ứng xử", "quy tắc", "code"),
        "Checklist": ("phiếu kiểm tra", "phiếu"),
        "ReportOutline": ("đề cương báo cáo", "đề cương", "outline"),
        "InspectionPlan": ("kế hoạch kiểm tra", "kế hoạch", "plan"),
        "Report": ("báo cáo",),
        "InspectionRecord": ("biên bản kiểm tra", "biên bản", "record"),
    },
    "answer_type": {
        "yes_no": ("có/không", "đạt/không đạt", "boolean", "bool"),
        "count": ("đếm", "số lượng", "number"),
        "points": ("điểm", "chấm điểm", "score"),
        "choices": ("lựa chọn", "chọn", "choice"),
        "text": ("văn bản", "nhận xét", "ghi chú"),
    },
    "answer": {
        "pass": ("đạt", "có", "yes", "true", "ok"),
        "fail": ("không đạt", "không", "no", "false"),
        "na": ("không áp dụng", "n/a", "not applicable"),
        "not_observed": ("không quan sát được", "chưa quan sát", "chưa quan sát được"),
    },
    "Model": {
        "points": ("điểm", "tổng điểm"),
        "weighted": ("trọng số", "có trọng số"),
        "flat": ("cộng điểm",),
        "absolute": ("tuyệt đối",),
    },
    "Unanswered": {
        "not_observed": ("không quan sát được", "chưa quan sát"),
        "missing": ("thiếu", "bỏ trống", "chưa trả lời"),
    },
    "ZeroScope": {"section": ("mục",), "score": ("điểm", "toàn bộ")},
    "RuleType": {
        "must": ("phải", "bắt buộc"),
        "must_not": ("không được", "cấm"),
        "should": ("nên", "nên làm"),
        "should_not": ("không nên", "không nên làm"),
    },
    "Narrative": {
        "required": ("bắt buộc", "có"),
        "optional": ("không bắt buộc", "tùy chọn"),
        "none": ("không", "không có"),
    },
    "IndicatorType": {
        "integer": ("số nguyên", "int"),
        "decimal": ("số thập phân", "số", "number"),
        "percent": ("phần trăm", "tỷ lệ"),
        "boolean": ("có/không", "đúng/sai", "bool"),
        "date": ("ngày",),
        "text": ("văn bản", "chữ", "string"),
    },
    "Form": {"direct": ("trực tiếp",), "indirect": ("gián tiếp",)},
    "RollUpScores": {"appraised": ("thẩm định",), "self_assessed": ("tự đánh giá",)},
    "RollUpPolicy": {"mean": ("trung bình",), "pooled": ("gộp",), "worst": ("thấp nhất",)},
    "UnitLevel": {
        "province": ("tỉnh", "cấp tỉnh"),
        "district": ("huyện", "cấp huyện"),
        "commune": ("xã", "cấp xã"),
        "agency": ("cơ quan",),
        "place": ("địa điểm",),
    },
    "condition": {"all": ("tất cả",), "any": ("bất kỳ", "một trong"), "not": ("không",)},
}
