"""
YAML syntax errors: each kind the parsers (libyaml and PyYAML's own) report has its code and a
message in both languages that names the likely cause and the fix, at the place of the mistake.
"""

import pytest
import yaml

import quytac
from quytac import _documents, _yaml

HEAD = "kind: UnitCatalog\nschema: quytac/v1\nid: hanoi\n"


@pytest.fixture(params=[False, True], ids=["libyaml", "pure"])
def pure(request):
    """
    Each test runs with libyaml's C parser and with PyYAML's pure parser.
    """
    return request.param


def found(text, *, pure):
    loaded = list(_documents.text_source(text, "t.yaml", pure=pure))
    return [p for item in loaded for p in item.problems]


#: A text, its one problem in English (the whole line), and in Vietnamese (place, code, message).
SYNTAX = [
    pytest.param(
        HEAD + "title: Phường: Hoàn Kiếm\n",
        "t.yaml:4:14: error QT020: (root): a ': ' inside a text that is not in quotes, or a key indented under a text: put the text in double quotes (\"…\"), or line the key up with the keys above it",
        "t.yaml:4:14: QT020: có dấu ': ' trong một văn bản không đặt trong ngoặc kép, hoặc một khóa bị thụt lề dưới một văn bản: hãy đặt văn bản trong dấu ngoặc kép (\"…\"), hoặc thụt lề khóa thẳng hàng với các khóa phía trên",
        id="colon",
    ),
    pytest.param(
        HEAD + "title: Hà Nội\n  en: Hanoi\n",
        "t.yaml:5:5: error QT020: (root): a ': ' inside a text that is not in quotes, or a key indented under a text: put the text in double quotes (\"…\"), or line the key up with the keys above it",
        "t.yaml:5:5: QT020: có dấu ': ' trong một văn bản không đặt trong ngoặc kép, hoặc một khóa bị thụt lề dưới một văn bản: hãy đặt văn bản trong dấu ngoặc kép (\"…\"), hoặc thụt lề khóa thẳng hàng với các khóa phía trên",
        id="key_under_text",
    ),
    pytest.param(
        HEAD + "title Hà Nội\nunits: []\n",
        "t.yaml:4:1: error QT021: (root): this line has no ':' after its key: write 'key: value', or put a text that goes on to the next line in double quotes",
        "t.yaml:4:1: QT021: dòng này thiếu dấu ':' sau khóa: hãy viết 'khóa: giá trị', hoặc đặt văn bản kéo dài sang dòng sau trong dấu ngoặc kép",
        id="no_colon",
    ),
    pytest.param(
        HEAD + "title:\n    vi: Hà Nội\n  en: Hanoi\n",
        "t.yaml:6:3: error QT022: (root): this line is not lined up with the keys of the mapping that begins on line 1: indent it as the keys above it",
        "t.yaml:6:3: QT022: dòng này không thẳng hàng với các khóa của ánh xạ bắt đầu ở dòng 1: hãy thụt lề như các khóa phía trên",
        id="dedented_key",
    ),
    pytest.param(
        HEAD + 'title: "Hà Nội" thủ đô\n',
        """t.yaml:4:17: error QT023: (root): more text after the closing '"': put the whole text in double quotes ("…")""",
        """t.yaml:4:17: QT023: còn chữ sau dấu đóng '"': hãy đặt cả văn bản trong dấu ngoặc kép ("…")""",
        id="text_after_quote",
    ),
    pytest.param(
        HEAD + 'title: "Hà \\" Nội" x\n',
        """t.yaml:4:20: error QT023: (root): more text after the closing '"': put the whole text in double quotes ("…")""",
        """t.yaml:4:20: QT023: còn chữ sau dấu đóng '"': hãy đặt cả văn bản trong dấu ngoặc kép ("…")""",
        id="text_after_quote_with_an_escaped_quote",
    ),
    pytest.param(
        HEAD + "title: 'Hà '' Nội' x\n",
        """t.yaml:4:20: error QT023: (root): more text after the closing "'": put the whole text in double quotes ("…")""",
        """t.yaml:4:20: QT023: còn chữ sau dấu đóng "'": hãy đặt cả văn bản trong dấu ngoặc kép ("…")""",
        id="text_after_single_quote_with_a_doubled_quote",
    ),
    pytest.param(
        HEAD + "unit_kinds: [tinh] quan\n",
        """t.yaml:4:20: error QT023: (root): more text after the closing ']': put the whole text in double quotes ("…")""",
        """t.yaml:4:20: QT023: còn chữ sau dấu đóng ']': hãy đặt cả văn bản trong dấu ngoặc kép ("…")""",
        id="text_after_bracket",
    ),
    pytest.param(
        HEAD + 'title: "Hà Nội\nnotes: "ghi" chú\n',
        """t.yaml:5:9: error QT035: (root): the quote '"' that ends here was opened on a line above and never closed there: close it at the end of its text""",
        """t.yaml:5:9: QT035: dấu ngoặc '"' kết thúc ở đây được mở ở một dòng phía trên mà chưa được đóng ở đó: hãy đóng ngoặc ngay cuối văn bản của nó""",
        id="quote_left_open_above",
    ),
    pytest.param(
        HEAD + "title: Hà Nội\nunits:\n  - code: '01'\n    name: Hà Nội\n  code: '001'\n",
        "t.yaml:8:3: error QT024: (root): an item of the list that begins on line 6 must begin with '- ': add the '-', or indent the line as the lines of the item above it",
        "t.yaml:8:3: QT024: mỗi mục của danh sách bắt đầu ở dòng 6 phải mở đầu bằng '- ': hãy thêm dấu '-', hoặc thụt lề dòng này như các dòng của mục phía trên",
        id="missing_dash",
    ),
    pytest.param(
        HEAD + "title: Hà Nội\nunits:\n  - code: '01'\n     name: Hà Nội\n",
        "t.yaml:7:6: error QT022: (root): this line is not lined up with the keys of the mapping that begins on line 6: indent it as the keys above it",
        "t.yaml:7:6: QT022: dòng này không thẳng hàng với các khóa của ánh xạ bắt đầu ở dòng 6: hãy thụt lề như các khóa phía trên",
        id="item_key_indented",
    ),
    pytest.param(
        HEAD + "unit_kinds: - tinh\n",
        "t.yaml:4:13: error QT025: (root): a list item '- ' cannot stand here: begin the list on the line below its key, and put a text that begins with '-' in double quotes",
        "t.yaml:4:13: QT025: không thể đặt mục danh sách '- ' ở đây: hãy bắt đầu danh sách ở dòng dưới khóa của nó; văn bản bắt đầu bằng '-' thì đặt trong dấu ngoặc kép",
        id="dash_after_key",
    ),
    pytest.param(
        HEAD + "title: '@'\nnotes: @ghi chú\n",
        "t.yaml:5:8: error QT026: (root): a value cannot begin with '@': put the text in double quotes",
        "t.yaml:5:8: QT026: giá trị không thể bắt đầu bằng '@': hãy đặt văn bản trong dấu ngoặc kép",
        id="at_sign",
    ),
    pytest.param(
        HEAD + "title: `Hà Nội`\n",
        "t.yaml:4:8: error QT026: (root): a value cannot begin with '`': put the text in double quotes",
        "t.yaml:4:8: QT026: giá trị không thể bắt đầu bằng '`': hãy đặt văn bản trong dấu ngoặc kép",
        id="backtick",
    ),
    pytest.param(
        HEAD + "title: %Hà Nội\n",
        "t.yaml:4:8: error QT026: (root): a value cannot begin with '%': put the text in double quotes",
        "t.yaml:4:8: QT026: giá trị không thể bắt đầu bằng '%': hãy đặt văn bản trong dấu ngoặc kép",
        id="percent",
    ),
    pytest.param(
        HEAD + "title: , Hà Nội\n",
        "t.yaml:4:8: error QT026: (root): a value cannot begin with ',': put the text in double quotes",
        "t.yaml:4:8: QT026: giá trị không thể bắt đầu bằng ',': hãy đặt văn bản trong dấu ngoặc kép",
        id="comma_first",
    ),
    pytest.param(
        HEAD + "title: & Hà Nội\n",
        "t.yaml:4:8: error QT026: (root): a value cannot begin with '&': put the text in double quotes",
        "t.yaml:4:8: QT026: giá trị không thể bắt đầu bằng '&': hãy đặt văn bản trong dấu ngoặc kép",
        id="anchor",
    ),
    pytest.param(
        HEAD + "title: * Hà Nội\n",
        "t.yaml:4:8: error QT026: (root): a value cannot begin with '*': put the text in double quotes",
        "t.yaml:4:8: QT026: giá trị không thể bắt đầu bằng '*': hãy đặt văn bản trong dấu ngoặc kép",
        id="alias",
    ),
    pytest.param(
        HEAD + "title: ? Hà Nội\n",
        "t.yaml:4:8: error QT026: (root): a value cannot begin with '?': put the text in double quotes",
        "t.yaml:4:8: QT026: giá trị không thể bắt đầu bằng '?': hãy đặt văn bản trong dấu ngoặc kép",
        id="question",
    ),
    pytest.param(
        HEAD + 'title: "Hà Nội\nunits: []\n',
        "t.yaml:4:8: error QT027: (root): the quote '\"' is never closed: add the closing '\"' at the end of the text",
        "t.yaml:4:8: QT027: dấu ngoặc '\"' không được đóng: hãy thêm '\"' ở cuối văn bản",
        id="unclosed_double",
    ),
    pytest.param(
        HEAD + "title: 'Hà Nội\n",
        't.yaml:4:8: error QT027: (root): the quote "\'" is never closed: add the closing "\'" at the end of the text',
        't.yaml:4:8: QT027: dấu ngoặc "\'" không được đóng: hãy thêm "\'" ở cuối văn bản',
        id="unclosed_single",
    ),
    pytest.param(
        HEAD + 'title: "Hà Nội\n---\nkind: UnitCatalog\n',
        "t.yaml:4:8: error QT027: (root): the quote '\"' is never closed: add the closing '\"' at the end of the text",
        "t.yaml:4:8: QT027: dấu ngoặc '\"' không được đóng: hãy thêm '\"' ở cuối văn bản",
        id="unclosed_before_document",
    ),
    pytest.param(
        HEAD + "unit_kinds: [tinh, quan\ntitle: Hà Nội\n",
        "t.yaml:5:6: error QT028: (root): the '[' opened on line 4 is not closed here: close it with ']', and put a text that holds ':', ',' or brackets in double quotes",
        "t.yaml:5:6: QT028: dấu '[' mở ở dòng 4 chưa được đóng ở đây: hãy đóng bằng ']'; văn bản có ':', ',' hoặc dấu ngoặc thì đặt trong dấu ngoặc kép",
        id="unclosed_bracket",
    ),
    pytest.param(
        HEAD + "unit_kinds: [tinh, quan\n",
        "t.yaml:4:13: error QT028: (root): the '[' opened on line 4 is not closed here: close it with ']', and put a text that holds ':', ',' or brackets in double quotes",
        "t.yaml:4:13: QT028: dấu '[' mở ở dòng 4 chưa được đóng ở đây: hãy đóng bằng ']'; văn bản có ':', ',' hoặc dấu ngoặc thì đặt trong dấu ngoặc kép",
        id="unclosed_bracket_at_end",
    ),
    pytest.param(
        HEAD + "title: {vi: Hà Nội\nunits: []\n",
        "t.yaml:5:6: error QT028: (root): the '{' opened on line 4 is not closed here: close it with '}', and put a text that holds ':', ',' or brackets in double quotes",
        "t.yaml:5:6: QT028: dấu '{' mở ở dòng 4 chưa được đóng ở đây: hãy đóng bằng '}'; văn bản có ':', ',' hoặc dấu ngoặc thì đặt trong dấu ngoặc kép",
        id="unclosed_brace",
    ),
    pytest.param(
        HEAD + 'notes: "C:\\Users\\vanhoa"\n',
        "t.yaml:4:13: error QT029: (root): a backslash '\\' in a double-quoted text begins an escape: write '\\\\' for one backslash, or use single quotes ('…')",
        "t.yaml:4:13: QT029: dấu gạch chéo ngược '\\' trong văn bản ngoặc kép mở đầu một mã thoát: hãy viết '\\\\' cho một dấu gạch chéo ngược, hoặc dùng dấu nháy đơn ('…')",
        id="backslash",
    ),
    pytest.param(
        HEAD + 'notes: "a\\xZZ"\n',
        "t.yaml:4:12: error QT029: (root): a backslash '\\' in a double-quoted text begins an escape: write '\\\\' for one backslash, or use single quotes ('…')",
        "t.yaml:4:12: QT029: dấu gạch chéo ngược '\\' trong văn bản ngoặc kép mở đầu một mã thoát: hãy viết '\\\\' cho một dấu gạch chéo ngược, hoặc dùng dấu nháy đơn ('…')",
        id="backslash_x",
    ),
    pytest.param(
        HEAD + "notes: > 5 đơn vị\n",
        "t.yaml:4:8: error QT030: (root): after '|' or '>' the text begins on the next line: put a text that begins with '|' or '>' in double quotes",
        "t.yaml:4:8: QT030: sau '|' hoặc '>' văn bản phải bắt đầu ở dòng sau: văn bản bắt đầu bằng '|' hoặc '>' thì đặt trong dấu ngoặc kép",
        id="block_scalar_text",
    ),
    pytest.param(
        HEAD + "notes: |0\n  a\n",
        "t.yaml:4:8: error QT030: (root): after '|' or '>' the text begins on the next line: put a text that begins with '|' or '>' in double quotes",
        "t.yaml:4:8: QT030: sau '|' hoặc '>' văn bản phải bắt đầu ở dòng sau: văn bản bắt đầu bằng '|' hoặc '>' thì đặt trong dấu ngoặc kép",
        id="block_scalar_zero",
    ),
    pytest.param(
        "%YAML 2.0\n---\n" + HEAD,
        "t.yaml:1:1: error QT031: (root): a line that begins with '%' is a directive: put the text in double quotes, or delete the line",
        "t.yaml:1:1: QT031: dòng bắt đầu bằng '%' là một chỉ thị: hãy đặt văn bản trong dấu ngoặc kép, hoặc xóa dòng này",
        id="directive_version",
    ),
    pytest.param(
        "%YAML 1.1\n%YAML 1.1\n---\n" + HEAD,
        "t.yaml:2:1: error QT031: (root): a line that begins with '%' is a directive: put the text in double quotes, or delete the line",
        "t.yaml:2:1: QT031: dòng bắt đầu bằng '%' là một chỉ thị: hãy đặt văn bản trong dấu ngoặc kép, hoặc xóa dòng này",
        id="directive_twice",
    ),
    pytest.param(
        "%YAML 1.1\n" + HEAD,
        "t.yaml:2:1: error QT032: (root): after '...' (the end of a document) or a directive, a document begins with '---': add '---', or delete the '...'",
        "t.yaml:2:1: QT032: sau '...' (kết thúc tài liệu) hoặc một chỉ thị, tài liệu mới phải bắt đầu bằng '---': hãy thêm '---', hoặc xóa '...'",
        id="no_document_start",
    ),
    pytest.param(
        HEAD + "title:\n\tvi: Hà Nội\n",
        "t.yaml:5:1: error QT011: (root): tabs cannot indent YAML; indent with spaces",
        "t.yaml:5:1: QT011: không được thụt lề YAML bằng tab; hãy dùng dấu cách",
        id="tab_indent",
    ),
    pytest.param(
        HEAD + "title: {Hà Nội, thủ đô}\n",
        "t.yaml:4:9: error QT033: title: this {…} is read as a mapping, and 'Hà Nội' has no ':' after it: put the text in double quotes",
        "t.yaml:4:9: QT033: phần {…} này được đọc là một ánh xạ, và 'Hà Nội' không có dấu ':' theo sau: hãy đặt văn bản trong dấu ngoặc kép",
        id="braces",
    ),
]


@pytest.mark.parametrize(("text", "english", "vietnamese"), SYNTAX)
def test_each_kind_of_syntax_error_has_its_message(text, english, vietnamese, pure):
    """
    The whole line in English, and the same place, code and message in Vietnamese.
    """
    problems = found(text, pure=pure)

    assert [english] == [p.render("en") for p in problems]
    assert [vietnamese] == [f"{p.place}: {p.code}: {p.text('vi')}" for p in problems]


def test_a_label_in_braces_is_one_problem_not_unknown_keys(pure):
    """
    ``label: {Tốt, 5 điểm}`` is a mapping of two keys without values: one problem at the first
    key without ':' says so, instead of "unknown key '5 điểm'" under the label.
    """
    text = (
        "kind: Checklist\nschema: quytac/v1\nid: kt\ntitle: Phiếu\nscoring:\n  bands:\n"
        "  - {id: tot, label: {Tốt, 5 điểm}, min: 80}\n  - {id: yeu, label: Yếu, min: 0}\n"
        "sections:\n- id: I\n  title: Lãnh đạo\n  items:\n  - {id: I.1, text: Có kế hoạch}\n"
    )
    problems = found(text, pure=pure)

    assert [
        "t.yaml:7:23: error QT033: scoring.bands[0].label: this {…} is read as a mapping, and"
        " 'Tốt' has no ':' after it: put the text in double quotes"
    ] == [p.render("en") for p in problems]
    assert [
        "t.yaml:7:23: QT033: phần {…} này được đọc là một ánh xạ, và 'Tốt' không có dấu ':'"
        " theo sau: hãy đặt văn bản trong dấu ngoặc kép"
    ] == [f"{p.place}: {p.code}: {p.text('vi')}" for p in problems]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("a: {b: 1, c , d: 2}\n", "t.yaml:1:11: error QT033: a:"),
        ("a: [{x}]\n", "t.yaml:1:6: error QT033: a[0]:"),
        ("a: {x, y}\nb: {z}\n", "t.yaml:1:5: error QT033: a:|t.yaml:2:5: error QT033: b:"),
    ],
)
def test_each_mapping_in_braces_with_a_key_without_colon_is_reported_once(text, where, pure):
    """
    Once for each ``{…}``, at its first key without ':', even after a space or between keys
    that have one.
    """
    problems = found(text, pure=pure)

    assert where.split("|") == [
        p.render("en").split(" this ")[0] for p in problems if p.code == "QT033"
    ]


@pytest.mark.parametrize(
    "text", ["a: {b: , c: 1}\n", "a: {b: ~}\n", "a: {vi: Tốt, en: Good}\n", "a: !!set {x, y}\n"]
)
def test_a_mapping_in_braces_whose_keys_have_colons_is_not_prose(text, pure):
    """
    An empty value after ':' is a value; a tagged ``{…}`` is the tag's problem (QT005).
    """
    assert [] == [p.render("en") for p in found(text, pure=pure) if p.code == "QT033"]


def mark(index, line, column):
    return yaml.Mark("t.yaml", index, line, column, None, None)


#: Every problem of libyaml (as PyYAML's C extension reports it) and of PyYAML's own parser,
#: with its context, and the code it is given.
PROBLEMS = [
    ("mapping values are not allowed in this context", None, "QT020"),
    ("mapping values are not allowed here", None, "QT020"),
    ("found unexpected ':'", "while scanning a plain scalar", "QT020"),
    ("could not find expected ':'", "while scanning a simple key", "QT021"),
    ("did not find expected key", "while parsing a block mapping", "QT022"),
    ("expected <block end>, but found '-'", "while parsing a block mapping", "QT022"),
    ("did not find expected '-' indicator", "while parsing a block collection", "QT024"),
    ("expected <block end>, but found '?'", "while parsing a block collection", "QT024"),
    ("block sequence entries are not allowed in this context", None, "QT025"),
    ("sequence entries are not allowed here", None, "QT025"),
    ("found character that cannot start any token", "while scanning for the next token", "QT026"),
    (
        "found character '@' that cannot start any token",
        "while scanning for the next token",
        "QT026",
    ),
    ("did not find expected node content", "while parsing a block node", "QT026"),
    ("expected the node content, but found ']'", "while parsing a flow node", "QT026"),
    ("mapping keys are not allowed in this context", None, "QT026"),
    ("mapping keys are not allowed here", None, "QT026"),
    ("did not find expected alphabetic or numeric character", "while scanning an anchor", "QT026"),
    ("expected alphabetic or numeric character, but found ' '", "while scanning an alias", "QT026"),
    ("did not find expected whitespace or line break", "while scanning a tag", "QT026"),
    ("did not find the expected '>'", "while scanning a tag", "QT026"),
    ("expected '>', but found ' '", "while parsing a tag", "QT026"),
    ("did not find expected tag URI", "while parsing a tag", "QT026"),
    ("expected URI, but found '|'", "while parsing a tag", "QT026"),
    ("did not find URI escaped octet", "while parsing a tag", "QT026"),
    ("found an incorrect leading UTF-8 octet", "while parsing a tag", "QT026"),
    ("did not find expected '!'", "while parsing a tag directive", "QT031"),
    ("found undefined tag handle", "while parsing a node", "QT026"),
    ("found undefined tag handle '!x!'", "while parsing a node", "QT026"),
    ("found unexpected end of stream", "while scanning a quoted scalar", "QT027"),
    ("found unexpected document indicator", "while scanning a quoted scalar", "QT027"),
    ("found unexpected document separator", "while scanning a quoted scalar", "QT027"),
    ("did not find expected ',' or ']'", "while parsing a flow sequence", "QT028"),
    ("expected ',' or '}', but got ':'", "while parsing a flow mapping", "QT028"),
    ("found unknown escape character", "while parsing a quoted scalar", "QT029"),
    ("found unknown escape character 'U'", "while scanning a double-quoted scalar", "QT029"),
    ("did not find expected hexdecimal number", "while parsing a quoted scalar", "QT029"),
    ("found invalid Unicode character escape code", "while parsing a quoted scalar", "QT029"),
    (
        "expected escape sequence of 2 hexadecimal numbers, but found 'Z'",
        "while scanning a double-quoted scalar",
        "QT029",
    ),
    ("did not find expected comment or line break", "while scanning a block scalar", "QT030"),
    ("found an indentation indicator equal to 0", "while scanning a block scalar", "QT030"),
    (
        "expected chomping or indentation indicators, but found ':'",
        "while scanning a block scalar",
        "QT030",
    ),
    ("found unknown directive name", "while scanning a directive", "QT031"),
    ("could not find expected directive name", "while scanning a directive", "QT031"),
    ("found unexpected non-alphabetical character", "while scanning a directive", "QT031"),
    ("did not find expected version number", "while scanning a %YAML directive", "QT031"),
    ("found extremely long version number", "while scanning a %YAML directive", "QT031"),
    ("did not find expected digit or '.' character", "while scanning a %YAML directive", "QT031"),
    ("found incompatible YAML document", None, "QT031"),
    ("found duplicate %YAML directive", None, "QT031"),
    ("found duplicate %TAG directive", None, "QT031"),
    ("duplicate tag handle '!'", None, "QT031"),
    ("did not find expected <document start>", None, "QT032"),
    ("expected '<document start>', but found '<scalar>'", None, "QT032"),
    ("found a tab character that violates indentation", "while scanning a plain scalar", "QT011"),
    (
        "found a tab character where an indentation space is expected",
        "while scanning a block scalar",
        "QT011",
    ),
]


@pytest.mark.parametrize(("problem", "context", "code"), PROBLEMS)
def test_each_problem_of_the_parsers_has_its_code(problem, context, code):
    """
    The table of kinds covers every problem the two parsers report (none falls to QT001).
    """
    text = "a: b c\nd e\n"
    exc = yaml.MarkedYAMLError(context, mark(0, 0, 0), problem, mark(7, 1, 0))

    assert code == _yaml._reader_problem(exc, lambda start, end: text[start:end], "t.yaml").code


def test_a_problem_of_an_unknown_kind_says_it_is_a_yaml_syntax_error_in_the_parser_words():
    """
    A problem no code names keeps the parser's words in QT001, with its context's line.
    """
    exc = yaml.MarkedYAMLError(
        "while parsing a block mapping", mark(0, 0, 0), "found something new", mark(9, 2, 0)
    )
    problem = _yaml._reader_problem(exc, lambda *_: "", "t.yaml")

    assert (
        "t.yaml:3:1: error QT001: (root): invalid YAML: found something new (while parsing a"
        " block mapping on line 1)"
    ) == problem.render("en")
    assert (
        "YAML không hợp lệ: found something new (while parsing a block mapping on line 1)"
        == problem.text("vi")
    )


def test_a_title_in_brackets_is_read_as_a_list_and_the_message_says_so():
    """
    ``title: [Lãnh đạo, quản lý]`` is well formed (a list of two texts); where a text belongs
    the message says why it is a list and how to write the text.
    """
    text = (
        "kind: Checklist\nschema: quytac/v1\nid: kt\ntitle: Phiếu\nsections:\n"
        "- id: I\n  title: [Lãnh đạo, quản lý]\n  items:\n  - {id: I.1, text: Có kế hoạch}\n"
    )
    with pytest.raises(quytac.LoadError) as info:
        quytac.loads(text, source="t.yaml")

    assert [
        "t.yaml:7:10: error QT105: sections[0].title: expected text or a mapping {vi, en}, got a"
        " list (a text in [...] is read as a list: put the text in double quotes)"
    ] == [p.render("en") for p in info.value.problems]
    assert [
        "cần văn bản hoặc ánh xạ {vi, en}, nhận được một danh sách (văn bản trong [...] được"
        " đọc là một danh sách: hãy đặt văn bản trong dấu ngoặc kép)"
    ] == [p.text("vi") for p in info.value.problems]
