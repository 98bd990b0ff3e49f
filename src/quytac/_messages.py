"""
The one catalog of problem and issue codes, with their messages in English and Vietnamese.

Ranges: QT0xx reading, QT1xx structuring and workspaces, QT2xx units and codes of conduct,
QT3xx plans, outlines, reports, records and synthesis, QT4xx checklists, conditions and scoring.
docs/errors.md lists every code; a test keeps the two in step.
"""

from __future__ import annotations

import ast
import contextlib
import datetime as dt
import enum
import errno
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, TypedDict, TypeVar

from ._mapping import FrozenMap
from .errors import Finding, Severity

if TYPE_CHECKING:
    from ._nearest import Hint

E = Severity.ERROR
W = Severity.WARNING

#: code -> (severity, English template, Vietnamese template)
CATALOG: dict[str, tuple[Severity, str, str]] = {
    # --- QT0xx: reading text ----------------------------------------------------------------
    "QT001": (E, "invalid YAML: {detail}", "YAML không hợp lệ: {detail}"),
    "QT002": (
        E,
        "the text is not valid UTF-8: {detail}",
        "văn bản không phải UTF-8 hợp lệ: {detail_vi}",
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
    "QT013": (E, "invalid JSON: {detail}", "JSON không hợp lệ: {detail_vi}"),
    "QT014": (E, "cannot read: {detail}", "không đọc được: {detail_vi}"),
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
        "the character {character} is not allowed in a text; delete it",
        "không được dùng ký tự {character_vi} trong văn bản; hãy xóa ký tự này",
    ),
    # YAML syntax, one code per kind of mistake (the parser's own words are not shown)
    "QT020": (
        E,
        (
            "a ': ' inside a text that is not in quotes, or a key indented under a text:"
            ' put the text in double quotes ("…"), or line the key up with the keys above it'
        ),
        (
            "có dấu ': ' trong một văn bản không đặt trong ngoặc kép, hoặc một khóa bị thụt lề"
            ' dưới một văn bản: hãy đặt văn bản trong dấu ngoặc kép ("…"), hoặc thụt lề khóa'
            " thẳng hàng với các khóa phía trên"
        ),
    ),
    "QT021": (
        E,
        (
            "this line has no ':' after its key: write 'key: value', or put a text that goes"
            " on to the next line in double quotes"
        ),
        (
            "dòng này thiếu dấu ':' sau khóa: hãy viết 'khóa: giá trị', hoặc đặt văn bản kéo"
            " dài sang dòng sau trong dấu ngoặc kép"
        ),
    ),
    "QT022": (
        E,
        (
            "this line is not lined up with the keys of the mapping that begins on line {line}:"
            " indent it as the keys above it"
        ),
        (
            "dòng này không thẳng hàng với các khóa của ánh xạ bắt đầu ở dòng {line}:"
            " hãy thụt lề như các khóa phía trên"
        ),
    ),
    "QT023": (
        E,
        'more text after the closing {closed}: put the whole text in double quotes ("…")',
        'còn chữ sau dấu đóng {closed}: hãy đặt cả văn bản trong dấu ngoặc kép ("…")',
    ),
    "QT024": (
        E,
        (
            "an item of the list that begins on line {line} must begin with '- ': add the '-',"
            " or indent the line as the lines of the item above it"
        ),
        (
            "mỗi mục của danh sách bắt đầu ở dòng {line} phải mở đầu bằng '- ': hãy thêm dấu"
            " '-', hoặc thụt lề dòng này như các dòng của mục phía trên"
        ),
    ),
    "QT025": (
        E,
        (
            "a list item '- ' cannot stand here: begin the list on the line below its key,"
            " and put a text that begins with '-' in double quotes"
        ),
        (
            "không thể đặt mục danh sách '- ' ở đây: hãy bắt đầu danh sách ở dòng dưới khóa"
            " của nó; văn bản bắt đầu bằng '-' thì đặt trong dấu ngoặc kép"
        ),
    ),
    "QT026": (
        E,
        "a value cannot begin with {character}: put the text in double quotes",
        "giá trị không thể bắt đầu bằng {character}: hãy đặt văn bản trong dấu ngoặc kép",
    ),
    "QT027": (
        E,
        "the quote {quote} is never closed: add the closing {quote} at the end of the text",
        "dấu ngoặc {quote} không được đóng: hãy thêm {quote} ở cuối văn bản",
    ),
    "QT028": (
        E,
        (
            "the {open} opened on line {line} is not closed here: close it with {close}, and"
            " put a text that holds ':', ',' or brackets in double quotes"
        ),
        (
            "dấu {open} mở ở dòng {line} chưa được đóng ở đây: hãy đóng bằng {close}; văn bản"
            " có ':', ',' hoặc dấu ngoặc thì đặt trong dấu ngoặc kép"
        ),
    ),
    "QT029": (
        E,
        (
            "a backslash '\\' in a double-quoted text begins an escape: write '\\\\' for one"
            " backslash, or use single quotes ('…')"
        ),
        (
            "dấu gạch chéo ngược '\\' trong văn bản ngoặc kép mở đầu một mã thoát: hãy viết"
            " '\\\\' cho một dấu gạch chéo ngược, hoặc dùng dấu nháy đơn ('…')"
        ),
    ),
    "QT030": (
        E,
        (
            "after '|' or '>' the text begins on the next line: put a text that begins with"
            " '|' or '>' in double quotes"
        ),
        (
            "sau '|' hoặc '>' văn bản phải bắt đầu ở dòng sau: văn bản bắt đầu bằng '|' hoặc"
            " '>' thì đặt trong dấu ngoặc kép"
        ),
    ),
    "QT031": (
        E,
        (
            "a line that begins with '%' is a directive: put the text in double quotes, or"
            " delete the line"
        ),
        (
            "dòng bắt đầu bằng '%' là một chỉ thị: hãy đặt văn bản trong dấu ngoặc kép, hoặc"
            " xóa dòng này"
        ),
    ),
    "QT032": (
        E,
        (
            "after '...' (the end of a document) or a directive, a document begins with"
            " '---': add '---', or delete the '...'"
        ),
        (
            "sau '...' (kết thúc tài liệu) hoặc một chỉ thị, tài liệu mới phải bắt đầu bằng"
            " '---': hãy thêm '---', hoặc xóa '...'"
        ),
    ),
    "QT033": (
        E,
        (
            "this {{…}} is read as a mapping, and {key} has no ':' after it:"
            " put the text in double quotes"
        ),
        (
            "phần {{…}} này được đọc là một ánh xạ, và {key} không có dấu ':' theo sau:"
            " hãy đặt văn bản trong dấu ngoặc kép"
        ),
    ),
    "QT034": (
        E,
        "a tab cannot stand here: write a space instead",
        "không được dùng tab ở đây: hãy thay bằng dấu cách",
    ),
    "QT035": (
        E,
        (
            "the quote {quote} that ends here was opened on a line above and never closed there:"
            " close it at the end of its text"
        ),
        (
            "dấu ngoặc {quote} kết thúc ở đây được mở ở một dòng phía trên mà chưa được đóng ở"
            " đó: hãy đóng ngoặc ngay cuối văn bản của nó"
        ),
    ),
    # --- QT1xx: structuring documents, workspaces ---------------------------------------------
    "QT101": (
        E,
        "unknown kind {got}{suggest} (expected one of: {allowed})",
        "loại tài liệu {got_vi} không xác định{suggest} (cần một trong: {allowed})",
    ),
    "QT102": (
        E,
        "unsupported schema {got} (supported: {expected})",
        "phiên bản định dạng {got_vi} không được hỗ trợ (hỗ trợ: {expected})",
    ),
    "QT103": (E, "missing required key", "thiếu khóa bắt buộc"),
    "QT104": (
        E,
        "unknown key{suggest} (allowed here: {allowed})",
        "khóa không hợp lệ{suggest} (các khóa dùng được ở đây: {allowed})",
    ),
    "QT105": (E, "expected {expected}, got {got}", "cần {expected_vi}, nhận được {got_vi}"),
    "QT106": (E, "{detail}", "{detail_vi}"),
    "QT107": (
        E,
        "expected a date YYYY-MM-DD, got {got}",
        "cần một ngày dạng YYYY-MM-DD, nhận được {got_vi}",
    ),
    "QT108": (
        E,
        "expected one of: {allowed}; got {got}{suggest}",
        "cần một trong: {allowed}; nhận được {got_vi}{suggest}",
    ),
    "QT109": (
        E,
        "duplicate {kind} id {id} (first in {first})",
        "mã {kind} {id} bị trùng (lần đầu ở {first})",
    ),
    "QT110": (E, "{detail}", "{detail_vi}"),
    "QT111": (
        E,
        (
            "{got} is out of range: a number has at most {digits} digits before the point and"
            " {digits} after it"
        ),
        (
            "{got} vượt quá giới hạn: một số có tối đa {digits} chữ số trước dấu thập phân và"
            " {digits} chữ số sau"
        ),
    ),
    "QT112": (
        W,
        "a link to {target}, which leads to no file or folder: not read",
        "liên kết tới {target} không dẫn tới tệp hay thư mục nào: không đọc",
    ),
    "QT113": (
        W,
        "not a regular file (a pipe, a socket or a device): not read",
        "không phải tệp thông thường (ống dẫn, socket hay thiết bị): không đọc",
    ),
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
    "QT227": (
        E,
        "{got} is a {what}, not a {other}: write {key}: [{value}]",
        "{got} là {what_vi}, không phải {other_vi}: hãy viết {key}: [{value}]",
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
    "QT301": (
        E,
        "section number {number} is used twice (first at {first})",
        "số mục {number} bị dùng hai lần (lần đầu ở {first})",
    ),
    "QT302": (
        E,
        "indicator {indicator} is defined twice (first at {first})",
        "chỉ tiêu {indicator} được khai báo hai lần (lần đầu ở {first})",
    ),
    "QT303": (
        E,
        "there is no indicator {indicator} in this outline",
        "đề cương không có chỉ tiêu {indicator}",
    ),
    "QT304": (
        E,
        "indicator {indicator} is of type {type}: only numbers can be bounded or compared",
        "chỉ tiêu {indicator} có kiểu {type}: chỉ số mới có giới hạn hoặc so sánh được",
    ),
    "QT305": (
        E,
        "max {max} is less than min {min}",
        "giá trị lớn nhất {max} nhỏ hơn giá trị nhỏ nhất {min}",
    ),
    "QT306": (
        E,
        (
            "a rule needs exactly one comparison (le, lt, ge, gt, eq, sum_le, sum_eq, sum_ge),"
            " got: {written}"
        ),
        (
            "quy tắc cần đúng một phép so sánh (le, lt, ge, gt, eq, sum_le, sum_eq, sum_ge),"
            " nhận được: {written}"
        ),
    ),
    "QT307": (
        E,
        "{op} compares {expected} indicators, got {got}",
        "{op} so sánh {expected_vi} chỉ tiêu, nhận được {got}",
    ),
    "QT310": (
        E,
        "there is no {what} {id} in the workspace{suggest}",
        "không có {what_vi} {id} trong bộ tài liệu{suggest}",
    ),
    "QT311": (
        E,
        "the period ends ({end}) before it starts ({start})",
        "kỳ kiểm tra kết thúc ({end}) trước khi bắt đầu ({start})",
    ),
    "QT312": (
        E,
        "reports are due before {due}, which leaves no day of the period (from {start})",
        "hạn gửi báo cáo trước ngày {due} không để lại ngày nào của kỳ kiểm tra (từ {start})",
    ),
    "QT313": (
        W,
        "reports are due after the period has ended ({end}): before {due}",
        "hạn gửi báo cáo (trước ngày {due}) sau khi kỳ kiểm tra đã kết thúc ({end})",
    ),
    "QT314": (
        E,
        "unit {unit} is inspected directly but is outside the plan's scope",
        "đơn vị {unit} được kiểm tra trực tiếp nhưng không thuộc phạm vi kế hoạch",
    ),
    "QT315": (
        E,
        "{value} is listed twice (first at {first})",
        "{value} được liệt kê hai lần (lần đầu ở {first})",
    ),
    "QT316": (
        E,
        "checklist {checklist} does not apply to units of kind {kinds}",
        "phiếu kiểm tra {checklist} không áp dụng cho loại đơn vị {kinds}",
    ),
    "QT317": (
        E,
        "code {id} is not in force between {start} and {end}",
        "quy tắc {id} không có hiệu lực trong khoảng từ {start} đến {end}",
    ),
    "QT318": (
        E,
        (
            "units in scope are neither inspected directly nor asked to report"
            " (the plan has no indirect part): {units}"
        ),
        (
            "các đơn vị trong phạm vi không được kiểm tra trực tiếp cũng không phải báo cáo"
            " (kế hoạch không có hình thức gián tiếp): {units}"
        ),
    ),
    "QT319": (
        E,
        "unit {unit} is not in catalog {catalog} between {start} and {end}",
        "đơn vị {unit} không có trong danh mục {catalog} trong khoảng từ {start} đến {end}",
    ),
    "QT320": (
        E,
        "section {section} needs a narrative",
        "mục {section} phải có phần trình bày",
    ),
    "QT321": (
        E,
        "indicator {indicator} of section {section} is required",
        "chỉ tiêu {indicator} của mục {section} là bắt buộc",
    ),
    "QT322": (
        E,
        "expected a value of type {type}, got {got}",
        "cần giá trị kiểu {type}, nhận được {got}",
    ),
    "QT323": (
        E,
        "{value} is outside the bounds {low}..{high}",
        "{value} nằm ngoài giới hạn {low}..{high}",
    ),
    "QT324": (
        E,
        "{message} ({figures})",
        "{message_vi} ({figures})",
    ),
    "QT325": (
        E,
        "the outline has no {what} {id} here",
        "đề cương không có {what_vi} {id} ở đây",
    ),
    "QT326": (
        E,
        "unit {unit} is assigned the {form} form in plan {plan}",
        "đơn vị {unit} được giao hình thức {form_vi} trong kế hoạch {plan}",
    ),
    "QT327": (
        E,
        "unit {unit} is not in the scope of plan {plan}",
        "đơn vị {unit} không thuộc phạm vi kế hoạch {plan}",
    ),
    "QT328": (
        W,
        "unit {unit} sent another report, {counting}, which counts instead of this one",
        "đơn vị {unit} đã gửi báo cáo khác, {counting}, được tính thay cho báo cáo này",
    ),
    "QT329": (
        E,
        "inspected on {day}, outside the plan's period {start}..{end}",
        "kiểm tra ngày {day}, ngoài kỳ kiểm tra {start}..{end}",
    ),
    "QT330": (
        E,
        (
            "written against version {pinned} of {what} {id}, but the workspace has version"
            " {current}; it is not checked or scored against another edition"
        ),
        (
            "được lập theo phiên bản {pinned} của {what_vi} {id}, nhưng bộ tài liệu có phiên bản"
            " {current}; không kiểm tra hay chấm điểm theo phiên bản khác"
        ),
    ),
    "QT331": (
        E,
        (
            "{what} {id} version {version} was changed after this was written"
            " (its fingerprint differs)"
        ),
        (
            "{what_vi} {id} phiên bản {version} đã bị sửa sau khi lập tài liệu này"
            " (dấu vân tay khác)"
        ),
    ),
    "QT332": (
        E,
        "written against {what} {pinned}, but {by} {expected}",
        "được lập theo {what_vi} {pinned}, nhưng {by_vi} {expected}",
    ),
    "QT333": (
        E,
        "{type} is not a model point type of plan {plan}",
        "{type} không phải là loại mô hình điểm của kế hoạch {plan}",
    ),
    "QT334": (
        E,
        "plan {plan} has no checklist for these answers",
        "kế hoạch {plan} không có phiếu kiểm tra cho các câu trả lời này",
    ),
    "QT335": (
        E,
        "say which edition of {what} {id} this was written against ({{id, version}})",
        "cần ghi phiên bản {what_vi} {id} đã dùng ({{id, version}})",
    ),
    "QT336": (
        W,
        "section {section} has no text of its own in the outline; write under its subsections",
        "mục {section} không có phần trình bày riêng theo đề cương; hãy viết vào các mục con",
    ),
    "QT337": (
        W,
        (
            "the pin of {what} {id} version {version} has no fingerprint, so an edit without a"
            " new version would go unnoticed; add fingerprint: (quytac.fingerprint)"
        ),
        (
            "phiên bản {version} của {what_vi} {id} được ghi không kèm dấu vân tay, nên một lần"
            " sửa không đổi số phiên bản sẽ không bị phát hiện; hãy thêm fingerprint:"
            " (quytac.fingerprint)"
        ),
    ),
    "QT338": (
        W,
        (
            "unit {unit} has another record, {counting}, of a later visit, which counts instead"
            " of this one"
        ),
        (
            "đơn vị {unit} có biên bản khác, {counting}, của lần kiểm tra sau, được tính thay"
            " cho biên bản này"
        ),
    ),
    # --- QT4xx: checklists, conditions, answers, scoring --------------------------------------
    "QT401": (
        E,
        "unknown {what} {got}{suggest} (expected one of: {allowed})",
        "{what_vi} {got_vi} không xác định{suggest} (cần một trong: {allowed})",
    ),
    "QT402": (
        E,
        "expected exactly one of: {expected}; got {got}",
        "cần đúng một trong: {expected}; nhận được {got}",
    ),
    "QT403": (
        E,
        "a condition on an item needs a test: equals, in, gte, lte or answered",
        "điều kiện trên một câu hỏi cần một phép thử: equals, in, gte, lte hoặc answered",
    ),
    "QT410": (
        E,
        "duplicate {what} id {id} (first at {first})",
        "mã {what_vi} {id} bị trùng (lần đầu ở {first})",
    ),
    "QT411": (
        E,
        "the checklist gives no points: no item is worth more than 0",
        "phiếu kiểm tra không có điểm nào: không câu hỏi nào có điểm lớn hơn 0",
    ),
    "QT412": (
        E,
        "every top-level section weighs 0: the weighted model has nothing to average",
        "mọi mục cấp cao nhất đều có trọng số 0: mô hình weighted không có gì để tính trung bình",
    ),
    "QT413": (
        E,
        "band {id} must come before band {other}: bands are ordered highest first",
        "mức {id} phải đứng trước mức {other}: các mức xếp từ cao xuống thấp",
    ),
    "QT414": (
        E,
        "band {id} starts at {min} like band {other}: one of them is never reached",
        "mức {id} bắt đầu từ {min} giống mức {other}: một trong hai không bao giờ đạt được",
    ),
    "QT415": (
        E,
        "no band covers {low} up to {high}: the lowest band must start at 0",
        "không có mức nào cho điểm từ {low} đến dưới {high}: mức thấp nhất phải bắt đầu từ 0",
    ),
    "QT416": (
        E,
        "cap_band {got} is not a band{suggest} (bands: {allowed})",
        "cap_band {got} không phải là một mức{suggest} (các mức: {allowed})",
    ),
    "QT417": (
        W,
        "this critical item is never scored ({reason}): critical has no effect",
        "câu hỏi bắt buộc này không bao giờ được chấm ({reason_vi}): critical không có tác dụng",
    ),
    "QT418": (
        W,
        "the checklist has critical items but scoring.critical declares neither cap_band nor zero",
        "phiếu có câu hỏi bắt buộc nhưng scoring.critical không khai báo cap_band hoặc zero",
    ),
    "QT419": (
        W,
        "everything in this section weighs 0: under the weighted model it never counts",
        "mọi câu hỏi và mục con của mục này có trọng số 0: mô hình weighted không tính mục này",
    ),
    "QT420": (
        E,
        "{ref} is not a reference CODE_ID:ARTICLE (such as qtux-can-bo:3)",
        "{ref} không phải là trích dẫn MÃ_QUY_TẮC:ĐIỀU (như qtux-can-bo:3)",
    ),
    "QT421": (
        E,
        "unknown code {code_id}: no ConductCode with this id in the workspace",
        "quy tắc {code_id} không xác định: không có ConductCode nào mang mã này trong bộ tài liệu",
    ),
    "QT422": (
        W,
        "the code {code_id} is not listed in the checklist's codes",
        "quy tắc {code_id} không có trong danh sách codes của phiếu",
    ),
    "QT423": (
        E,
        "the code {code_id} has no article {number}",
        "quy tắc {code_id} không có Điều {number}",
    ),
    "QT424": (
        E,
        "article {number} of {code_id} is not in force on {on} (the checklist's valid_from)",
        "Điều {number} của {code_id} không có hiệu lực vào ngày {on} (valid_from của phiếu)",
    ),
    "QT425": (
        W,
        "article {number} of {code_id} is no longer in force after {on}",
        "Điều {number} của {code_id} hết hiệu lực sau ngày {on}",
    ),
    "QT426": (
        E,
        "duplicate band id {id} (first at {first}): cap_band and expect.band are ambiguous",
        "mã mức {id} bị trùng (lần đầu ở {first}): cap_band và expect.band không rõ nghĩa",
    ),
    "QT428": (
        E,
        (
            "cap_band {band} never applies with zero: score (a failed critical item already"
            " gives 0, the lowest band); keep one of the two"
        ),
        (
            "cap_band {band} không bao giờ có tác dụng khi có zero: score (câu hỏi bắt buộc"
            " không đạt đã cho điểm 0, mức thấp nhất); chỉ giữ một trong hai"
        ),
    ),
    "QT429": (
        W,
        "cap_band {band} is the highest band: it never lowers a band",
        "cap_band {band} là mức cao nhất: không bao giờ hạ mức",
    ),
    "QT430": (
        E,
        "the condition tests {item}, which is not an item of this checklist{suggest}",
        "điều kiện kiểm tra {item}, không phải là câu hỏi của phiếu này{suggest}",
    ),
    "QT431": (
        E,
        "an item's condition cannot test the item itself",
        "điều kiện của một câu hỏi không được kiểm tra chính câu hỏi đó",
    ),
    "QT432": (
        E,
        "the condition tests {item}, which comes later: conditions test earlier items",
        "điều kiện kiểm tra {item}, là câu hỏi đứng sau: điều kiện chỉ kiểm tra câu hỏi đứng trước",
    ),
    "QT433": (
        E,
        "{test} compares numbers and does not apply to a {answer} item",
        "{test} so sánh số, không áp dụng cho câu hỏi loại {answer}",
    ),
    "QT434": (
        E,
        "{value} is never an answer of this item{suggest} (expected {expected})",
        "{value} không bao giờ là câu trả lời của câu hỏi này{suggest} (cần {expected})",
    ),
    "QT435": (
        E,
        "conditions form a cycle: {cycle}",
        "các điều kiện tạo thành vòng lặp: {cycle}",
    ),
    "QT436": (
        W,
        "the condition never holds: the item is never scored",
        "điều kiện không bao giờ thỏa mãn: câu hỏi không bao giờ được chấm",
    ),
    "QT440": (E, "duplicate choice id {id}", "mã lựa chọn {id} bị trùng"),
    "QT441": (
        E,
        "{points} points is more than the item's maximum of {maximum}",
        "{points} điểm vượt quá điểm tối đa {maximum} của câu hỏi",
    ),
    "QT442": (
        E,
        "the maximum {points} is not a multiple of the step {step}: full points cannot be given",
        "điểm tối đa {points} không phải là bội của bước {step}: không thể cho đủ điểm",
    ),
    "QT443": (
        W,
        "a text item is never scored: its points have no effect",
        "câu hỏi dạng văn bản không được chấm: điểm của nó không có tác dụng",
    ),
    "QT444": (
        E,
        "a count answer needs exactly one of full_at and thresholds",
        "câu trả lời dạng đếm cần đúng một trong full_at và thresholds",
    ),
    "QT445": (
        E,
        "thresholds must rise: each min above the one before, and points not lower",
        "các ngưỡng phải tăng dần: min lớn hơn ngưỡng trước, điểm không thấp hơn",
    ),
    "QT446": (
        E,
        "a choices answer needs at least one choice",
        "câu trả lời dạng lựa chọn cần ít nhất một lựa chọn",
    ),
    "QT447": (
        W,
        "the best answer gives {best} of the item's {maximum} points: it can never be fully met",
        "câu trả lời tốt nhất chỉ cho {best} trên {maximum} điểm: câu hỏi không bao giờ đạt đủ",
    ),
    "QT448": (
        E,
        "the best answer gives {best} of the item's {maximum} points: a critical item that fails",
        "câu trả lời tốt nhất chỉ cho {best} trên {maximum} điểm: câu hỏi bắt buộc luôn không đạt",
    ),
    "QT450": (
        E,
        "no item {id} in checklist {checklist}{suggest}",
        "phiếu {checklist} không có câu hỏi {id}{suggest}",
    ),
    "QT451": (
        E,
        "expected {expected} for a {answer} item, got {got}{suggest}",
        "câu hỏi loại {answer} cần {expected_vi}, nhận được {got}{suggest}",
    ),
    "QT452": (
        E,
        "{got} is not a multiple of the step {step}",
        "{got} không phải là bội của bước {step}",
    ),
    "QT453": (
        E,
        "{got} is more than the item's maximum of {maximum}",
        "{got} vượt quá điểm tối đa {maximum} của câu hỏi",
    ),
    "QT454": (
        E,
        "{got} is not a choice of this item{suggest} (expected one of: {expected})",
        "{got} không phải là lựa chọn của câu hỏi này{suggest} (cần một trong: {expected})",
    ),
    "QT455": (
        W,
        "the item is skipped by its condition: this answer is not scored",
        "câu hỏi bị bỏ qua theo điều kiện: câu trả lời này không được chấm",
    ),
    "QT456": (
        E,
        (
            "{got} is out of range: a number in an answer has at most {digits} digits before"
            " the point and {digits} after it"
        ),
        (
            "{got} vượt quá giới hạn: số trong câu trả lời có tối đa {digits} chữ số trước dấu"
            " thập phân và {digits} chữ số sau"
        ),
    ),
    "QT460": (
        E,
        "example {name}: expected {what} {expected}, got {got}",
        "ví dụ {name}: cần {what} là {expected_vi}, nhận được {got_vi}",
    ),
    "QT461": (
        E,
        "example {name}: {band} is not a band of this checklist{suggest} (bands: {allowed})",
        "ví dụ {name}: {band} không phải là mức của phiếu này{suggest} (các mức: {allowed})",
    ),
}

F = TypeVar("F", bound=Finding)

#: What a message adds when it has a suggestion, in English and Vietnamese.
SUGGEST = ("; did you mean {suggestion}?", "; có phải là {suggestion}?")


def make(
    cls: type[F],
    code: str,
    path: tuple[str | int, ...] = (),
    **params: Any,
) -> F:
    """
    Build a finding of ``code`` with its two messages filled from ``params``.

    Parameters the Vietnamese template names with a ``_vi`` suffix fall back to the English
    parameter when not given. Three parameters are the finding's, not the message's: a
    ``hint`` (a ``_nearest.Hint``, for a word that is not allowed) fills ``{allowed}`` and
    ``{suggest}`` ("; did you mean 'points'?", or nothing; a template without ``{suggest}``
    ends with it) and gives the finding its ``suggestion`` and ``allowed``; ``cause`` and
    ``follows`` are given to the finding as they are. The finding's ``params`` are the
    parameters as plain data (``_vi`` words left out, see ``plain``), with the hint's
    ``allowed`` and ``suggestion`` when it has them.
    """
    found: Hint | None = params.pop("hint", None)
    cause: tuple[str, ...] = params.pop("cause", ())
    follows: bool = params.pop("follows", False)
    severity, en, vi = CATALOG[code]
    texts = {k: bounded(str(v)) for k, v in params.items()}
    suggestion = found.suggestion if found is not None else None
    if found is not None:
        texts.setdefault("allowed", bounded(found.shown))
    said = quote(suggestion) if suggestion is not None else None
    texts["suggest"] = SUGGEST[0].format(suggestion=said) if said else ""
    vi_params = dict(texts)
    vi_params["suggest"] = SUGGEST[1].format(suggestion=said) if said else ""
    for key in list(texts):
        vi_params.setdefault(f"{key}_vi", texts[key])
    if "{suggest}" not in en:
        en, vi = en + "{suggest}", vi + "{suggest}"
    words = {key for key in params if key.endswith("_vi") and key[:-3] in params}
    data = {key: plain(value) for key, value in params.items() if key not in words}
    if found is not None and found.allowed:
        data.setdefault("allowed", tuple(found.allowed))
    if suggestion is not None:
        data["suggestion"] = suggestion
    return cls(
        code=code,
        severity=severity,
        path=path,
        message=en.format(**texts),
        message_vi=vi.format(**vi_params),
        suggestion=suggestion,
        allowed=found.allowed if found is not None else (),
        cause=cause,
        follows=follows,
        params=FrozenMap(data),
    )


#: Longest repr of a text that ``plain`` reads back (a longer one is shown cut, as quoted).
_LONGEST_REPR = 10_000


def plain(value: object) -> object:
    """
    A parameter of a message as plain data: text, a number, a date, None or a tuple of them.

    Text is bounded as in the message. Ids, keys and values are given to messages as Python
    reprs (``'kt'``, as ``quote`` writes them); the data is the text itself (``kt``).
    """
    if isinstance(value, enum.Enum):
        value = value.value
    if value is None or isinstance(value, bool | int | Decimal | Fraction | dt.date):
        return value
    if isinstance(value, tuple | list):
        return tuple(plain(v) for v in value)
    text = str(value)
    if 2 <= len(text) <= _LONGEST_REPR and text[0] == text[-1] and text[0] in "'\"":
        with contextlib.suppress(ValueError, SyntaxError, MemoryError, RecursionError):
            said = ast.literal_eval(text)
            if isinstance(said, str) and repr(said) == text:
                text = said
    return bounded(text)


def missing(kind: str, id_: str) -> tuple[str, ...]:
    """
    The cause shared by every finding about a document that is not there (or did not load):
    each reference to it follows from its absence.
    """
    return ("missing", kind, id_)


#: Longest text of the input a message repeats, in characters.
MAX_QUOTED = 200


def bounded(text: str, limit: int = MAX_QUOTED) -> str:
    """
    Text safe to print on one line: control characters escaped, cut at ``limit`` characters.
    """
    whole = len(text) <= limit
    text = text if whole else text[:limit]  # escaping only lengthens: the rest is never shown
    if not text.isprintable():
        text = "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)
    return text if whole and len(text) <= limit else text[: limit - 1] + "…"


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


#: Words of scoring that stand for a value: an example's expectation or result without a
#: score or a band (QT460), and ``Score.shown`` without a percent. (English, Vietnamese)
SCORE_WORDS: dict[str, tuple[str, str]] = {
    "no score": ("no score", "chưa có điểm"),
    "no band": ("no band", "không có mức nào"),
}


def score_word(word: str, lang: str) -> str:
    """
    A word of ``SCORE_WORDS`` in ``lang`` ("en" or "vi"); any other text as it is.
    """
    english, vietnamese = SCORE_WORDS.get(word, (word, word))
    return vietnamese if lang == "vi" else english


#: The system's reasons a file cannot be read or written, by errno name, in Vietnamese (the
#: system gives them in English only).
OS_VI: dict[str, str] = {
    "ENOENT": "không có tệp hoặc thư mục này",
    "EACCES": "không có quyền truy cập",
    "EPERM": "không được phép",
    "EEXIST": "đã có một tệp ở đó",
    "ENOTDIR": "không phải là thư mục",
    "EISDIR": "là một thư mục",
    "ENOSPC": "đĩa đã hết chỗ",
    "EROFS": "hệ thống tệp chỉ cho đọc",
    "ELOOP": "quá nhiều liên kết tượng trưng lồng nhau",
    "ENAMETOOLONG": "tên tệp quá dài",
    "EBADF": "đã bị đóng",
    "EIO": "lỗi đọc ghi thiết bị",
    "EMFILE": "mở quá nhiều tệp",
    "EFBIG": "tệp quá lớn",
    "EDQUOT": "đã hết hạn mức đĩa",
}


class OsDetail(TypedDict):
    """The two details of QT014."""

    detail: str
    detail_vi: str


def os_detail(exc: OSError) -> OsDetail:
    """
    The ``detail`` and ``detail_vi`` of a file that cannot be read (QT014): the system's own
    words, and their Vietnamese from ``OS_VI`` when the errno is one it knows.
    """
    detail = exc.strerror or str(exc)
    name = errno.errorcode.get(exc.errno) if isinstance(exc.errno, int) else None
    return {"detail": detail, "detail_vi": OS_VI.get(name or "", detail)}
