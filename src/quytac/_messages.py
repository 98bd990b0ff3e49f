"""
The one catalog of problem and issue codes, with their messages in English and Vietnamese.

Ranges: QT0xx reading, QT1xx structuring and workspaces, QT2xx units and codes of conduct,
QT3xx plans, outlines, reports, records and synthesis, QT4xx checklists, conditions and scoring.
docs/errors.md lists every code; a test keeps the two in step.
"""

from __future__ import annotations

from typing import TypeVar

from .errors import Finding, Severity

E = Severity.ERROR
W = Severity.WARNING

#: code -> (severity, English template, Vietnamese template)
CATALOG: dict[str, tuple[Severity, str, str]] = {
    # --- QT0xx: reading text ----------------------------------------------------------------
    "QT001": (E, "invalid YAML: {detail}", "YAML không hợp lệ: {detail}"),
    "QT002": (
        E,
        "the text is not valid UTF-8: {detail}",
        "văn bản không phải UTF-8 hợp lệ: {detail}",
    ),
    "QT003": (
        E,
        "duplicate key {key} (first on line {first})",
        "khóa {key} bị lặp (lần đầu ở dòng {first})",
    ),
    "QT004": (
        E,
        "anchors and aliases ({what}) are not allowed; write the value out",
        "không được dùng neo và bí danh ({what}); hãy viết đầy đủ giá trị",
    ),
    "QT005": (
        E,
        "the tag {tag} is not allowed; write plain values",
        "không được dùng thẻ {tag}; hãy viết giá trị thông thường",
    ),
    "QT006": (
        E,
        "nested deeper than {limit} levels; the rest of the file is not read",
        "lồng sâu quá {limit} cấp; phần còn lại của tệp không được đọc",
    ),
    "QT007": (
        E,
        "the document is larger than {limit} characters; the rest of the file is not read",
        "tài liệu dài quá {limit} ký tự; phần còn lại của tệp không được đọc",
    ),
    "QT008": (E, "there is no document here", "không có tài liệu nào"),
    "QT009": (
        E,
        "a document must be a mapping (kind, schema, id, ...), got {got}",
        "tài liệu phải là một ánh xạ (kind, schema, id, ...), nhận được {got_vi}",
    ),
    "QT010": (E, "a key must be text, got {got}", "khóa phải là văn bản, nhận được {got_vi}"),
    "QT011": (
        E,
        "tabs cannot indent YAML; indent with spaces",
        "không được thụt lề YAML bằng tab; hãy dùng dấu cách",
    ),
    "QT012": (
        E,
        "expected one document, found {count}; load them with load_all",
        "cần đúng một tài liệu, tìm thấy {count}; hãy đọc bằng load_all",
    ),
    "QT013": (E, "invalid JSON: {detail}", "JSON không hợp lệ: {detail}"),
    "QT014": (E, "cannot read: {detail}", "không đọc được: {detail}"),
    "QT015": (
        E,
        "the value {got} does not fit the tag {tag}",
        "giá trị {got} không hợp với thẻ {tag}",
    ),
    "QT016": (
        E,
        "{count} more problems of reading in this document (only the first {limit} are listed)",
        "còn {count} lỗi đọc khác trong tài liệu này (chỉ liệt kê {limit} lỗi đầu)",
    ),
    "QT017": (
        E,
        "the character {character} is not allowed in YAML (a control character)",
        "ký tự {character} không được phép trong YAML (ký tự điều khiển)",
    ),
    # --- QT1xx: structuring documents, workspaces ---------------------------------------------
    "QT101": (
        E,
        "unknown kind {got} (expected one of: {expected})",
        "loại tài liệu {got_vi} không xác định (cần một trong: {expected})",
    ),
    "QT102": (
        E,
        "unsupported schema {got} (supported: {expected})",
        "phiên bản định dạng {got_vi} không được hỗ trợ (hỗ trợ: {expected})",
    ),
    "QT103": (E, "missing required key", "thiếu khóa bắt buộc"),
    "QT104": (E, "unknown key", "khóa không hợp lệ"),
    "QT105": (E, "expected {expected}, got {got}", "cần {expected_vi}, nhận được {got_vi}"),
    "QT106": (E, "{detail}", "{detail_vi}"),
    "QT107": (
        E,
        "expected a date YYYY-MM-DD, got {got}",
        "cần một ngày dạng YYYY-MM-DD, nhận được {got_vi}",
    ),
    "QT108": (
        E,
        "expected one of: {expected}; got {got}",
        "cần một trong: {expected}; nhận được {got_vi}",
    ),
    "QT109": (
        E,
        "duplicate {kind} id {id} (first in {first})",
        "mã {kind} {id} bị trùng (lần đầu ở {first})",
    ),
    "QT110": (E, "{detail}", "{detail_vi}"),
    # --- QT2xx: units and codes of conduct ----------------------------------------------------
    "QT201": (
        E,
        "parent {parent} is not a unit of this catalog",
        "đơn vị cấp trên {parent} không có trong danh mục",
    ),
    "QT202": (
        E,
        "code {given} is already used by units[{first}] in the same period",
        "mã {given} đã được dùng cho units[{first}] trong cùng thời kỳ",
    ),
    "QT203": (
        E,
        "parent {parent} makes a cycle: {chain}",
        "đơn vị cấp trên {parent} tạo thành vòng lặp: {chain}",
    ),
    "QT204": (
        E,
        (
            "a {kind} ({level}) cannot belong to a {parent_kind} ({parent_level});"
            " its parent must be of level: {expected}"
        ),
        (
            "đơn vị loại {kind} ({level_vi}) không thể trực thuộc đơn vị loại {parent_kind}"
            " ({parent_level_vi}); đơn vị cấp trên phải là: {expected_vi}"
        ),
    ),
    "QT205": (
        E,
        "kind {kind} does not exist on {day} (it exists {era})",
        "loại đơn vị {kind} không tồn tại vào ngày {day} (chỉ tồn tại {era_vi})",
    ),
    "QT206": (
        E,
        "code {given} of a {kind} ({level}) must be {digits} digits, such as {example}",
        "mã {given} của đơn vị loại {kind} ({level_vi}) phải gồm {digits} chữ số, ví dụ {example}",
    ),
    "QT207": (
        E,
        "successor {successor} is not a unit of {catalogs}",
        "đơn vị kế thừa {successor} không có trong danh mục {catalogs_vi}",
    ),
    "QT208": (
        E,
        (
            "successor {successor} points into the past: it ends on {last}, not after this unit"
            " ({end})"
        ),
        (
            "đơn vị kế thừa {successor} trỏ về quá khứ: đơn vị đó kết thúc ngày {last},"
            " không muộn hơn đơn vị này ({end})"
        ),
    ),
    "QT209": (
        E,
        "unknown unit kind {kind}; declare it under unit_kinds",
        "loại đơn vị {kind} không xác định; hãy khai báo trong unit_kinds",
    ),
    "QT210": (
        E,
        "parent {parent} does not exist during this unit's period",
        "đơn vị cấp trên {parent} không tồn tại trong thời kỳ của đơn vị này",
    ),
    "QT211": (
        W,
        "successor catalog {id} is not in the workspace; successor links into it are not checked",
        (
            "danh mục kế thừa {id} không có trong không gian làm việc;"
            " các liên kết kế thừa sang danh mục đó không được kiểm tra"
        ),
    ),
    "QT212": (
        E,
        "{start_key} {start} is after {end_key} {end}",
        "{start_key} {start} muộn hơn {end_key} {end}",
    ),
    "QT213": (
        E,
        "unit kind {kind} is already defined ({where})",
        "loại đơn vị {kind} đã được định nghĩa ({where_vi})",
    ),
    "QT214": (
        E,
        "place_type is only for public places, not for a {kind} ({level})",
        (
            "place_type chỉ dành cho địa điểm công cộng,"
            " không dành cho đơn vị loại {kind} ({level_vi})"
        ),
    ),
    "QT215": (
        W,
        "unknown place type {place_type}; declare it under place_types",
        "loại địa điểm {place_type} không xác định; hãy khai báo trong place_types",
    ),
    "QT216": (
        W,
        "a public place should give its place_type",
        "địa điểm công cộng cần ghi rõ place_type",
    ),
    "QT217": (
        E,
        "the unit has a successor ({successor}) but no end date; give it a valid_to",
        "đơn vị có đơn vị kế thừa ({successor}) nhưng không có ngày kết thúc; hãy ghi valid_to",
    ),
    "QT220": (
        E,
        "article number {number} is already used by {first}",
        "số điều {number} đã được dùng ở {first}",
    ),
    "QT221": (
        E,
        "rule id {id} is already used by {first}",
        "mã quy định {id} đã được dùng ở {first}",
    ),
    "QT222": (
        E,
        "chapter number {number} is already used by {first}",
        "số chương {number} đã được dùng ở {first}",
    ),
    "QT223": (
        W,
        "unknown unit kind {kind}: neither built in nor declared by a catalog of the workspace",
        "loại đơn vị {kind} không xác định: không có sẵn và không được danh mục nào khai báo",
    ),
    "QT224": (
        W,
        (
            "unknown place type {place_type}: neither built in nor declared by a catalog of the"
            " workspace"
        ),
        (
            "loại địa điểm {place_type} không xác định: không có sẵn và không được danh mục nào"
            " khai báo"
        ),
    ),
    "QT225": (
        E,
        "the article's {key} {day} is outside the code's time in force ({era})",
        "{key} {day} của điều nằm ngoài thời gian hiệu lực của quy tắc ({era_vi})",
    ),
    "QT226": (
        W,
        "the code takes effect on {start}, before it was issued ({issued})",
        "quy tắc có hiệu lực từ {start}, trước ngày ban hành ({issued})",
    ),
    "QT230": (
        E,
        "{ref} is not an article reference CODE_ID:ARTICLE, such as qtux-noi-cong-cong:3",
        "{ref} không phải tham chiếu điều dạng MÃ_QUY_TẮC:SỐ_ĐIỀU, ví dụ qtux-noi-cong-cong:3",
    ),
    "QT231": (
        E,
        "unknown code of conduct {code_id}",
        "quy tắc ứng xử {code_id} không có trong không gian làm việc",
    ),
    "QT232": (
        E,
        "code of conduct {code_id} has no article {number}",
        "quy tắc ứng xử {code_id} không có điều {number}",
    ),
    "QT233": (
        E,
        "{what} is not in force on {day} (in force {era})",
        "{what_vi} không có hiệu lực vào ngày {day} (có hiệu lực {era_vi})",
    ),
    # --- QT3xx: plans, outlines, reports, records, synthesis ----------------------------------
    # --- QT4xx: checklists, conditions, answers, scoring --------------------------------------
}

F = TypeVar("F", bound=Finding)


def make(
    cls: type[F],
    code: str,
    path: tuple[str | int, ...] = (),
    **params: object,
) -> F:
    """
    Build a finding of ``code`` with its two messages filled from ``params``.

    Parameters the Vietnamese template names with a ``_vi`` suffix fall back to the English
    parameter when not given.
    """
    severity, en, vi = CATALOG[code]
    texts = {k: bounded(str(v)) for k, v in params.items()}
    vi_params = dict(texts)
    for key in list(texts):
        vi_params.setdefault(f"{key}_vi", texts[key])
    return cls(
        code=code,
        severity=severity,
        path=path,
        message=en.format(**texts),
        message_vi=vi.format(**vi_params),
    )


#: Longest text of the input a message repeats, in characters.
MAX_QUOTED = 200


def bounded(text: str, limit: int = MAX_QUOTED) -> str:
    """
    Text safe to print on one line: control characters escaped, cut at ``limit`` characters.
    """
    if not text.isprintable():
        text = "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def quote(value: object, limit: int = 60, lang: str = "en") -> str:
    """
    A bounded, readable rendering of a value from the input, for messages.

    Text is cut to ``limit`` characters and shown with its control characters escaped.
    """
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        text = value if len(value) <= limit else value[: limit - 1] + "…"
        return repr(text)
    if isinstance(value, list):
        return "một danh sách" if lang == "vi" else "a list"
    if isinstance(value, dict):
        return "một ánh xạ" if lang == "vi" else "a mapping"
    return type(value).__name__
