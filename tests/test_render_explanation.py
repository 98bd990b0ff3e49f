"""
The explanation of a score for people (quytac.render.explanation): the short tree, the
detailed one of `quytac score --explain`, Markdown and HTML.
"""

from decimal import Decimal
from html.parser import HTMLParser

import attrs
import pytest

import quytac
from _strategies_checklists import checklist_from
from quytac import AllOf, AnyOf, ItemCondition, NotCondition
from quytac.render import explanation

WORKSPACE = quytac.example_workspace()
CHECKLIST = WORKSPACE.get(quytac.Checklist, "kt-co-quan-2023")

#: A checklist whose critical item caps the band and whose I.3 depends on I.2.
SMALL = checklist_from(
    """
scoring:
  critical: {cap_band: trung_binh}
  bands:
  - {id: tot, label: {vi: Tốt, en: Good}, min: 85}
  - {id: kha, label: {vi: Khá, en: Fair}, min: 70}
  - {id: trung_binh, label: {vi: Trung bình, en: Average}, min: 50}
  - {id: yeu, label: {vi: Yếu, en: Weak}, min: 0}
sections:
- id: I
  title: {vi: Lãnh đạo, en: Leadership}
  items:
  - {id: I.1, text: {vi: Có văn bản triển khai, en: A plan is issued}, points: 1, critical: true}
  - id: I.2
    text: Mức độ niêm yết
    answer: {choices: [{id: day_du, label: Đầy đủ, points: 5},
                       {id: khong, label: Không niêm yết, points: 0}]}
    points: 5
  - {id: I.3, text: "Bảng <b>đẹp</b> | *rõ*", when: {item: I.2, equals: day_du}, points: 2}
- id: II
  title: Công khai
  items:
  - {id: II.1, text: Có hòm thư góp ý, points: 30}
  - {id: II.2, text: Có đường dây nóng, points: 2}
"""
)

#: I.1 fails (a critical item: 30 of 38 is 78.95 %, Khá, capped at Trung bình), I.2 khong
#: skips I.3, II.2 was not observed.
ANSWERS = {
    "I.1": {"value": "fail", "note": "Chưa có kế hoạch", "evidence": ["bb-01.pdf"]},
    "I.2": "khong",
    "II.1": "pass",
    "II.2": "not_observed",
}

SO_LDTBXH_VI = [
    "kt-co-quan-2023: 93,09 % (Tốt), 87,5/94 điểm, phạm vi 15/15",
    "  các mức xếp loại: Tốt từ 80 %, Khá từ 70 %, Trung bình từ 50 %, Yếu từ 0 %",
    "  I Công tác lãnh đạo, chỉ đạo: 25/25",
    "    I.1 Có kế hoạch, văn bản triển khai thực hiện hai quy tắc ứng xử",
    "        đạt: 10/10, được tính",
    "    I.2 Số văn bản chỉ đạo, hướng dẫn, đôn đốc ban hành trong kỳ",
    "        6: 10/10, được tính",
    "    I.3 Có kiểm tra, giám sát việc thực hiện quy tắc ứng xử trong kỳ",
    "        đạt: 5/5, được tính",
    "  II Công tác tuyên truyền, phổ biến: 16/18",
    "    II.1 Mức độ niêm yết hai quy tắc ứng xử tại trụ sở",
    "        day_du (Niêm yết đủ hai quy tắc): 6/6, được tính",
    "    II.2 Bảng niêm yết đặt nơi dễ quan sát, còn rõ chữ",
    "        2: 2/2, được tính",
    "    II.3 Số buổi tuyên truyền, hội thi, tọa đàm về quy tắc ứng xử tổ chức trong kỳ",
    "        4: 4/6, được tính",
    "    II.4 Có in và phát tài liệu, tờ gấp về quy tắc ứng xử",
    "        đạt: 4/4, được tính",
    "  III Bộ phận tiếp nhận và trả kết quả thủ tục hành chính: 17,5/18",
    "    III.1 Quầy tiếp nhận bố trí đầy đủ, có sơ đồ và bảng hướng dẫn",
    "        day_du (Đầy đủ): 6/6, được tính",
    "    III.2 Công chức tại quầy giao tiếp lịch sự, hướng dẫn tận tình, không gây phiền hà",
    "        7,5: 7,5/8, được tính",
    "    III.3 Có hòm thư góp ý hoặc số điện thoại đường dây nóng công khai",
    "        đạt: 4/4, được tính",
    "    III.4 Ý kiến, phản ánh của người dân ghi nhận tại bộ phận một cửa",
    "        Người dân hài lòng với thái độ tiếp đón (minh họa): -, văn bản: ghi nhận, không chấm",
    "  IV Công sở, trang phục và tác phong: 17/18",
    "    IV.1 Trụ sở gọn gàng, sạch sẽ; biển tên, biển chỉ dẫn đầy đủ",
    "        5: 5/6, được tính",
    "    IV.2 Cán bộ, công chức đeo thẻ, trang phục gọn gàng, lịch sự",
    "        đạt: 8/8, được tính",
    "    IV.3 Không hút thuốc lá, uống rượu bia tại công sở",
    "        đạt: 4/4, được tính",
    "  V Mô hình điểm và cam kết: 12/15",
    "    V.1 Số mô hình điểm về ứng xử văn minh xây dựng hoặc nhân rộng trong kỳ",
    "        2: 6/9, được tính",
    "    V.2 Cán bộ, công chức ký cam kết thực hiện quy tắc ứng xử",
    "        tat_ca (Tất cả đã ký): 6/6, được tính",
    "    V.3 Địa điểm công cộng do đơn vị quản lý có niêm yết quy tắc ứng xử nơi công cộng",
    "        không áp dụng: -, không áp dụng (na): không tính",
]

#: The English words around the checklist's texts, which it gives in Vietnamese only.
SO_LDTBXH_EN = [
    "kt-co-quan-2023: 93.09 % (Good), 87.5/94 points, coverage 15/15",
    "  bands: Good from 80 %, Fair from 70 %, Average from 50 %, Weak from 0 %",
    *(
        line.replace("        đạt: ", "        pass: ")  # the answer words as the file has them
        .replace("        không áp dụng: -", "        na: -")
        .replace("được tính", "counted")
        .replace("văn bản: ghi nhận, không chấm", "text: recorded, never scored")
        .replace("không áp dụng (na): không tính", "not applicable (na): left out")
        .replace("17,5/18", "17.5/18")  # a decimal point in English, a comma in Vietnamese
        .replace("7,5: 7,5/8", "7.5: 7.5/8")
        for line in SO_LDTBXH_VI[2:]
    ),
]


def bundled_record(record_id):
    record = WORKSPACE.get(quytac.InspectionRecord, record_id)
    return quytac.score(CHECKLIST, record.answers).explain()


class TestText:
    def test_a_bundled_record_in_vietnamese(self):
        """
        The whole detailed explanation of the team's record of the Sở LĐTBXH: every item's
        text, answer (a choice with its label), points and why; the bands; V.3 is na.
        """
        assert "\n".join(SO_LDTBXH_VI) == explanation.text(
            bundled_record("ktr-2023-so-ldtbxh"), "vi", detailed=True
        )

    def test_a_bundled_record_in_english(self):
        """
        The same in English: the words are English, the checklist's texts as it gives them.
        """
        assert "\n".join(SO_LDTBXH_EN) == explanation.text(
            bundled_record("ktr-2023-so-ldtbxh"), "en", detailed=True
        )

    def test_a_capped_score_with_a_skipped_item(self):
        """
        The band it would have had without the cap, the failed critical item with the note and
        evidence, the condition that skipped I.3, an item not observed.
        """
        explained = quytac.score(SMALL, ANSWERS).explain()

        assert (
            "kt: 78,95 % (Trung bình), 30/38 điểm, phạm vi 3/4\n"
            "  các mức xếp loại: Tốt từ 85 %, Khá từ 70 %, Trung bình từ 50 %, Yếu từ 0 %\n"
            "  xếp loại bị giới hạn ở Trung bình do câu hỏi bắt buộc không đạt: I.1\n"
            "  nếu không bị giới hạn, xếp loại là Khá\n"
            "  I Lãnh đạo: 0/6\n"
            "    I.1 Có văn bản triển khai\n"
            "        không đạt: 0/1, được tính; câu hỏi bắt buộc không đạt\n"
            "        ghi chú: Chưa có kế hoạch\n"
            "        minh chứng: bb-01.pdf\n"
            "    I.2 Mức độ niêm yết\n"
            "        khong (Không niêm yết): 0/5, được tính\n"
            "    I.3 Bảng <b>đẹp</b> | *rõ*\n"
            "        -, bỏ qua: I.2 = khong, cần I.2 = day_du\n"
            "  II Công khai: 30/32\n"
            "    II.1 Có hòm thư góp ý\n"
            "        đạt: 30/30, được tính\n"
            "    II.2 Có đường dây nóng\n"
            "        không quan sát được: 0/2, không quan sát được: tính là không đạt"
        ) == explanation.text(explained, "vi", detailed=True)
        assert [
            "kt: 78.95 % (Average), 30/38 points, coverage 3/4",
            "  bands: Good from 85 %, Fair from 70 %, Average from 50 %, Weak from 0 %",
            "  band capped at Average: critical item failed: I.1",
            "  without the cap the band would be Fair",
            "  I Leadership: 0/6",
            "    I.1 A plan is issued",
        ] == explanation.text(explained, "en", detailed=True).splitlines()[:6]

    def test_the_explanation_is_data_and_render_its_only_formatter(self):
        """
        An explanation and its item results have no words of their own (no ``render``,
        ``str`` or ``reason``, removed in 2026.11.0): their one formatter is this module, and
        its short view is the tree the library gave.
        """
        explained = quytac.score(SMALL, ANSWERS).explain()

        assert [] == [
            (kind.__name__, name)
            for kind in (quytac.Explanation, quytac.ItemResult, quytac.SectionResult)
            for name in ("render", "reason", "__str__")
            if name in vars(kind)
        ]
        assert "    I.3: -, skipped: its condition does not hold" in explanation.text(explained)

    def test_control_characters_are_shown_as_escapes(self):
        """
        A title, an item's text, a note or an answer cannot forge a line or recolour a
        terminal: a line break in prose is a space, other control characters their escapes.

        The reader refuses ESC and BEL in a file (QT017), but a checklist built in Python and
        answers given in Python hold what they are given, so they are put in here.
        """
        read = checklist_from(
            "scoring:\n  bands:\n  - {id: dat, label: Đạt, min: 0}\n"
            'sections:\n- id: I\n  title: "Mục\\u202eI"\n  items:\n'
            '  - {id: I.1, text: "Có\\nkế hoạch", points: 1}\n'
            "  - {id: I.2, text: Ý kiến, answer: text}\n"
        )
        band = attrs.evolve(read.scoring.bands[0], label=quytac.Text(vi="\x1b[31mĐạt"))
        section = read.sections[0]
        item = attrs.evolve(section.items[0], text=quytac.Text(vi="Có\nkế hoạch\x07"))
        checklist = attrs.evolve(
            read,
            scoring=attrs.evolve(read.scoring, bands=(band,)),
            sections=(attrs.evolve(section, items=(item, *section.items[1:])),),
        )
        answers = {"I.1": {"value": "pass", "note": "a\x1b[2Jb"}, "I.2": "hai\ndòng\x1b"}

        shown = explanation.text(quytac.score(checklist, answers).explain(), "vi", detailed=True)

        assert [
            "kt: 100 % (\\x1b[31mĐạt), 1/1 điểm, phạm vi 1/1",
            "  các mức xếp loại: \\x1b[31mĐạt từ 0 %",
            "  I Mục\\u202eI: 1/1",
            "    I.1 Có kế hoạch\\x07",
            "        đạt: 1/1, được tính",
            "        ghi chú: a\\x1b[2Jb",
            "    I.2 Ý kiến",
            "        hai dòng\\x1b: -, văn bản: ghi nhận, không chấm",
        ] == shown.splitlines()


class TestConditionWords:
    @pytest.mark.parametrize(
        ("condition", "en", "vi"),
        [
            (ItemCondition(item="a", equals="pass"), "a = pass", "a = pass"),
            (
                ItemCondition(item="c", in_=("day_du", "mot_phan")),
                "c in [day_du, mot_phan]",
                "c thuộc [day_du, mot_phan]",
            ),
            (
                ItemCondition(item="n", gte=Decimal("2.5"), lte=Decimal(10)),
                "n ≥ 2.5 and n ≤ 10",
                "n ≥ 2,5 và n ≤ 10",
            ),
            (ItemCondition(item="a", answered=True), "a has a value", "a có giá trị"),
            (ItemCondition(item="a", answered=False), "a has no value", "a không có giá trị"),
            (
                AnyOf(
                    conditions=(
                        ItemCondition(item="a", equals="pass"),
                        AllOf(
                            conditions=(
                                ItemCondition(item="n", gte=Decimal(3)),
                                NotCondition(condition=ItemCondition(item="b", equals="fail")),
                            )
                        ),
                    )
                ),
                "one of (a = pass; all of (n ≥ 3; not (b = fail)))",
                "một trong (a = pass; tất cả (n ≥ 3; không phải (b = fail)))",
            ),
        ],
    )
    def test_conditions_in_words(self, condition, en, vi):
        """
        Each test of a condition in both languages; numbers as they were written.
        """
        assert (en, vi) == (
            explanation.condition(condition, "en"),
            explanation.condition(condition, "vi"),
        )

    def test_what_the_condition_saw(self):
        """
        The answers a condition saw, None as "has no value", then what it needed.
        """
        either = AnyOf(
            conditions=(
                ItemCondition(item="a", equals="pass"),
                ItemCondition(item="n", gte=Decimal(3)),
            )
        )
        [found] = quytac.conditions.unmet(either, {"a": "fail"})

        assert (
            "a = fail, n has no value, needs one of (a = pass; n ≥ 3)",
            "a = fail, n không có giá trị, cần một trong (a = pass; n ≥ 3)",
        ) == (explanation.unmet(found, "en"), explanation.unmet(found, "vi"))


class TestMarkdown:
    def test_a_capped_score_with_a_skipped_item(self):
        """
        The score, what the cap did, the bands as a table, a table of items a section; the
        item's markup is escaped.
        """
        explained = quytac.score(SMALL, ANSWERS).explain()

        assert [
            "**kt: 78,95 % (Trung bình), 30/38 điểm, phạm vi 3/4**",
            "",
            "xếp loại bị giới hạn ở Trung bình do câu hỏi bắt buộc không đạt: I.1  ",
            "nếu không bị giới hạn, xếp loại là Khá",
            "",
            "| Xếp loại | Từ (%) |",
            "|---|---:|",
            "| Tốt | 85 |",
            "| Khá | 70 |",
            "| Trung bình | 50 |",
            "| Yếu | 0 |",
            "",
            "### I Lãnh đạo: 0/6",
            "",
            "| Câu hỏi | Nội dung | Trả lời | Điểm | Lý do |",
            "|---|---|---|---:|---|",
            "| I.1 | Có văn bản triển khai | không đạt; ghi chú: Chưa có kế hoạch; minh chứng: bb-01.pdf"
            " | 0/1 | được tính; câu hỏi bắt buộc không đạt |",
            "| I.2 | Mức độ niêm yết | khong (Không niêm yết) | 0/5 | được tính |",
            "| I.3 | Bảng \\<b\\>đẹp\\</b\\> \\| \\*rõ\\* | \\- | \\- |"
            " bỏ qua: I.2 = khong, cần I.2 = day\\_du |",
            "",
            "### II Công khai: 30/32",
            "",
            "| Câu hỏi | Nội dung | Trả lời | Điểm | Lý do |",
            "|---|---|---|---:|---|",
            "| II.1 | Có hòm thư góp ý | đạt | 30/30 | được tính |",
            "| II.2 | Có đường dây nóng | không quan sát được | 0/2 |"
            " không quan sát được: tính là không đạt |",
        ] == explanation.markdown(explained, "vi")


class _Rows(HTMLParser):
    """
    The text of every table row, cells joined with " | ", and every heading.
    """

    def __init__(self):
        super().__init__()
        self.rows = []
        self.tags = []
        self.cell = None

    def handle_starttag(self, tag, _attrs):
        self.tags.append(tag)
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th", "h3", "p"):
            self.cell = ""

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self.rows[-1].append(self.cell)
            self.cell = None
        elif tag in ("h3", "p"):
            self.rows.append([f"{tag}: {self.cell}"])
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


class TestHtml:
    def test_a_capped_score_with_a_skipped_item(self):
        """
        Read back from the HTML: the score, the cap, the bands, each section's heading and a
        row an item; the item's markup is text, not elements.
        """
        parser = _Rows()
        parser.feed(explanation.html(quytac.score(SMALL, ANSWERS).explain(), "en"))

        assert [
            ["p: kt: 78.95 % (Average), 30/38 points, coverage 3/4"],
            ["p: band capped at Average: critical item failed: I.1"],
            ["p: without the cap the band would be Fair"],
            ["Band", "From (%)"],
            ["Good", "85"],
            ["Fair", "70"],
            ["Average", "50"],
            ["Weak", "0"],
            ["h3: I Leadership: 0/6"],
            ["Item", "Content", "Answer", "Points", "Why"],
            [
                "I.1",
                "A plan is issued",
                "fail; note: Chưa có kế hoạch; evidence: bb-01.pdf",
                "0/1",
                "counted; critical item failed",
            ],
            ["I.2", "Mức độ niêm yết", "khong (Không niêm yết)", "0/5", "counted"],
            ["I.3", "Bảng <b>đẹp</b> | *rõ*", "-", "-", "skipped: I.2 = khong, needs I.2 = day_du"],
            ["h3: II Công khai: 30/32"],
            ["Item", "Content", "Answer", "Points", "Why"],
            ["II.1", "Có hòm thư góp ý", "pass", "30/30", "counted"],
            ["II.2", "Có đường dây nóng", "not_observed", "0/2", "not observed: counted as failed"],
        ] == parser.rows
        assert ["b"] == [tag for tag in parser.tags if tag == "b"]  # the score's, not the item's
