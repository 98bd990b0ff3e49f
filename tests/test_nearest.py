"""
Suggestions: a key, value or id that is not allowed names the nearest one allowed, and which are
allowed there; the finding carries both as data.
"""

import pytest

import quytac
from quytac._nearest import CUTOFF, hint

#: A checklist with a band, an item of each common answer type and an example; the test puts a
#: mistake where the braces are.
CHECKLIST = """\
kind: Checklist
schema: quytac/v1
id: kt
title: Phiếu kiểm tra
scoring:
  critical: {{cap_band: {cap}}}
  bands: [{{id: tot, label: Tốt, min: 80}}, {{id: kha, label: Khá, min: 50}},
          {{id: yeu, label: Yếu, min: 0}}]
sections:
- id: I
  title: Lãnh đạo
  items:
  - {{id: I.1, text: Có kế hoạch, critical: true}}
  - {{id: I.2, text: Số văn bản, answer: {{count: {{full_at: 2}}}}}}
  - id: I.3
    text: Niêm yết
    answer: {{choices: [{{id: day_du, label: Đầy đủ, points: 1}},
                       {{id: khong, label: Không niêm yết, points: 0}}]}}
    when: {{item: {when}, equals: pass}}
examples:
- name: một
  answers: {answers}
  expect: {{band: {band}}}
"""


def checklist(cap="kha", when="I.1", answers="{I.1: pass, I.2: 2, I.3: day_du}", band="tot"):
    return CHECKLIST.format(cap=cap, when=when, answers=answers, band=band)


@pytest.fixture
def findings(tmp_path, monkeypatch):
    """
    The problems of a text written to kt.yaml, or the issues of its documents in a workspace.
    """
    monkeypatch.chdir(tmp_path)

    def found(text):
        (tmp_path / "kt.yaml").write_text(text, encoding="utf-8")
        try:
            return quytac.Workspace.load("kt.yaml").validate()
        except quytac.LoadError as error:
            return error.problems

    return found


@pytest.fixture
def rendered(findings):
    """
    The findings of one code, each in English and in Vietnamese.
    """

    def shown(text, code):
        return [(f.render("en"), f.render("vi")) for f in findings(text) if f.code == code]

    return shown


class TestUnknownKeys:
    def test_a_misspelt_key_names_the_key_meant_and_those_allowed(self, rendered):
        """
        `poins` → `points`; an item has nine keys, all listed, in the format's order.
        """
        text = checklist().replace("critical: true}", "critical: true, poins: 2}")

        assert [
            (
                "kt.yaml:13:50: error QT104: sections[0].items[0].poins: unknown key; did you"
                " mean 'points'? (allowed here: id, text, refs, answer, points, weight, critical,"
                " when, note)",
                "kt.yaml:13:50: lỗi QT104: sections[0].items[0].poins: khóa không hợp lệ; có"
                " phải là 'points'? (các khóa dùng được ở đây: id, text, refs, answer, points,"
                " weight, critical, when, note)",
            )
        ] == rendered(text, "QT104")

    def test_of_many_keys_the_nearest_few_are_listed(self, findings):
        """
        A document has a dozen keys: the suggestion and the five next nearest, then "…"; the
        finding carries every key.
        """
        text = checklist().replace("sections:", "secions:")

        [problem] = [f for f in findings(text) if f.code == "QT104"]

        assert (
            "kt.yaml:9:1: error QT104: secions: unknown key; did you mean 'sections'? (allowed"
            " here: sections, version, scoring, kind, schema, applies_to, …)"
        ) == problem.render()
        assert "sections" == problem.suggestion
        assert (
            "kind",
            "schema",
            "id",
            "title",
            "version",
            "codes",
            "applies_to",
            "valid_from",
            "notes",
            "scoring",
            "sections",
            "examples",
        ) == problem.allowed

    def test_a_key_near_nothing_gets_no_suggestion(self, findings):
        """
        `colour` is no key misspelt: no guess, and the first keys in the format's order.
        """
        text = checklist().replace("sections:", "colour: red\nsections:")

        [problem] = [f for f in findings(text) if f.code == "QT104"]

        assert (
            "kt.yaml:9:1: error QT104: colour: unknown key (allowed here: kind, schema, id,"
            " title, version, codes, …)"
        ) == problem.render()
        assert problem.suggestion is None

    def test_the_missing_key_a_misspelling_leaves_follows_from_it(self, findings):
        """
        `tittle:` is one mistake: the unknown key, and the required title it leaves out follows
        from it.
        """
        text = checklist().replace("title: Phiếu kiểm tra", "tittle: Phiếu kiểm tra")

        found = {f.code: f for f in findings(text)}

        assert "title" == found["QT104"].suggestion
        assert found["QT104"].cause == found["QT103"].cause != ()
        assert (False, True) == (found["QT104"].follows, found["QT103"].follows)


class TestClosedSets:
    @pytest.mark.parametrize(
        ("written", "en", "vi"),
        [
            (
                "answer: co_khong}",
                "unknown answer type 'co_khong'; did you mean 'yes_no'? (expected one of: yes_no,"
                " count, points, choices, text)",
                "loại câu trả lời 'co_khong' không xác định; có phải là 'yes_no'? (cần một trong:"
                " yes_no, count, points, choices, text)",
            ),
            (
                "answer: văn bản}",
                "unknown answer type 'văn bản'; did you mean 'text'? (expected one of: yes_no,"
                " count, points, choices, text)",
                "loại câu trả lời 'văn bản' không xác định; có phải là 'text'? (cần một trong:"
                " yes_no, count, points, choices, text)",
            ),
        ],
    )
    def test_an_answer_type_in_vietnamese_is_recognised(self, rendered, written, en, vi):
        """
        Officials write the answer type as they say it: có/không is yes_no.
        """
        text = checklist().replace("critical: true}", f"critical: true, {written}")

        assert [
            (
                f"kt.yaml:13:58: error QT401: sections[0].items[0].answer: {en}",
                f"kt.yaml:13:58: lỗi QT401: sections[0].items[0].answer: {vi}",
            )
        ] == rendered(text, "QT401")

    @pytest.mark.parametrize(
        ("old", "new", "en_tail", "vi_tail"),
        [
            (
                "scoring:\n",
                "scoring:\n  model: trọng số\n",
                "scoring.model: expected one of: points, weighted, flat, absolute; got 'trọng"
                " số'; did you mean 'weighted'?",
                "scoring.model: cần một trong: points, weighted, flat, absolute; nhận được"
                " 'trọng số'; có phải là 'weighted'?",
            ),
            (
                "scoring:\n",
                "scoring:\n  model: point\n",
                "scoring.model: expected one of: points, weighted, flat, absolute; got 'point';"
                " did you mean 'points'?",
                "scoring.model: cần một trong: points, weighted, flat, absolute; nhận được"
                " 'point'; có phải là 'points'?",
            ),
        ],
    )
    def test_a_value_of_a_closed_set(self, rendered, old, new, en_tail, vi_tail):
        """
        A scoring model misspelt, or written in Vietnamese.
        """
        [(en, vi)] = rendered(checklist().replace(old, new), "QT108")

        assert (
            f"kt.yaml:6:10: error QT108: {en_tail}",
            f"kt.yaml:6:10: lỗi QT108: {vi_tail}",
        ) == (
            en,
            vi,
        )

    def test_an_indicator_type_and_a_rule_type_in_vietnamese(self, findings):
        """
        The closed sets of outlines and codes: `số nguyên` is integer, `phải` is must.
        """
        outline = (
            "kind: ReportOutline\nschema: quytac/v1\nid: dc\ntitle: Đề cương\nsections:\n"
            "- number: I\n  title: Kết quả\n  indicators:\n"
            "  - {id: to_roi, label: Tờ rơi, unit: tờ, type: số nguyên}\n"
        )
        code = (
            "kind: ConductCode\nschema: quytac/v1\nid: qt\ntitle: Quy tắc\n"
            "legal_basis: {instrument: QĐ 522, issued_by: UBND, issued_on: 2017-01-01}\n"
            "effective_from: 2017-01-01\nchapters:\n- number: I\n  title: Chung\n  articles:\n"
            "  - number: 1\n    title: Điều 1\n    rules: [{id: r1, text: Lịch sự, type: phải}]\n"
        )

        assert ["integer", "must"] == [
            f.suggestion for text in (outline, code) for f in findings(text) if f.code == "QT108"
        ]

    def test_a_kind_misspelt_or_in_vietnamese(self, findings):
        """
        `Checklst` and `phiếu kiểm tra` are both the Checklist kind.
        """
        assert ["Checklist", "Checklist"] == [
            f.suggestion
            for kind in ("Checklst", "phiếu kiểm tra")
            for f in findings(f"kind: {kind}\nschema: quytac/v1\nid: a\ntitle: A\n")
            if f.code == "QT101"
        ]


class TestBands:
    def test_a_band_label_given_for_a_band_id(self, rendered):
        """
        `Khá` where a band id is expected: the id of the band labelled so, for cap_band and for
        an example's expected band.
        """
        text = checklist(cap="Khá", band="Khá")

        assert [
            (
                "kt.yaml:6:24: error QT416: scoring.critical.cap_band: cap_band 'Khá' is not a"
                " band; did you mean 'kha'? (bands: tot, kha, yeu)",
                "kt.yaml:6:24: lỗi QT416: scoring.critical.cap_band: cap_band 'Khá' không phải"
                " là một mức; có phải là 'kha'? (các mức: tot, kha, yeu)",
            )
        ] == rendered(text, "QT416")
        assert [
            (
                "kt.yaml:23:18: error QT461: examples[0].expect.band: example 'một': 'Khá' is not"
                " a band of this checklist; did you mean 'kha'? (bands: tot, kha, yeu)",
                "kt.yaml:23:18: lỗi QT461: examples[0].expect.band: ví dụ 'một': 'Khá' không"
                " phải là mức của phiếu này; có phải là 'kha'? (các mức: tot, kha, yeu)",
            )
        ] == rendered(text, "QT461")


class TestAnswers:
    def test_vietnamese_words_for_answers(self, rendered):
        """
        `không áp dụng` is na, for a yes_no item and for a count item alike; a choice's label
        given for its id names the id.
        """
        answers = "{I.1: không áp dụng, I.2: không áp dụng, I.3: Đầy đủ}"
        text = checklist(answers=answers).replace("when: {item: I.1, equals: pass}", "")

        assert [
            (
                'kt.yaml:22:18: error QT451: examples[0].answers["I.1"]: expected pass or fail for'
                " a yes_no item, got 'không áp dụng'; did you mean 'na'?",
                'kt.yaml:22:18: lỗi QT451: examples[0].answers["I.1"]: câu hỏi loại yes_no cần'
                " pass hoặc fail, nhận được 'không áp dụng'; có phải là 'na'?",
            ),
            (
                'kt.yaml:22:38: error QT451: examples[0].answers["I.2"]: expected a whole number'
                " of 0 or more for a count item, got 'không áp dụng'; did you mean 'na'?",
                'kt.yaml:22:38: lỗi QT451: examples[0].answers["I.2"]: câu hỏi loại count cần'
                " một số nguyên từ 0 trở lên, nhận được 'không áp dụng'; có phải là 'na'?",
            ),
        ] == rendered(text, "QT451")
        assert [
            (
                "kt.yaml:22:58: error QT454: examples[0].answers[\"I.3\"]: 'Đầy đủ' is not a"
                " choice of this item; did you mean 'day_du'? (expected one of: day_du, khong)",
                "kt.yaml:22:58: lỗi QT454: examples[0].answers[\"I.3\"]: 'Đầy đủ' không phải là"
                " lựa chọn của câu hỏi này; có phải là 'day_du'? (cần một trong: day_du, khong)",
            )
        ] == rendered(text, "QT454")

    def test_item_ids_in_answers_and_conditions(self, rendered):
        """
        An answer or a condition that names an item as it is not spelt: the item's id.
        """
        text = checklist(when="i.1", answers="{I.1: pass, I.2: 2, ii.3: day_du}")

        assert [
            (
                "kt.yaml:19:18: error QT430: sections[0].items[2].when.item: the condition tests"
                " 'i.1', which is not an item of this checklist; did you mean 'I.1'?",
                "kt.yaml:19:18: lỗi QT430: sections[0].items[2].when.item: điều kiện kiểm tra"
                " 'i.1', không phải là câu hỏi của phiếu này; có phải là 'I.1'?",
            )
        ] == rendered(text, "QT430")
        assert [
            (
                "kt.yaml:22:38: error QT450: examples[0].answers[\"ii.3\"]: no item 'ii.3' in"
                " checklist 'kt'; did you mean 'I.3'?",
                "kt.yaml:22:38: lỗi QT450: examples[0].answers[\"ii.3\"]: phiếu 'kt' không có"
                " câu hỏi 'ii.3'; có phải là 'I.3'?",
            )
        ] == rendered(text, "QT450")


class TestNoGuesses:
    def test_numbered_siblings_are_not_guessed(self):
        """
        III.5 is not III.4 misspelt: of several ids that differ only in their numbers, none is
        suggested; of one, it is (a year mistyped).
        """
        assert hint("III.5", ["III.1", "III.2", "III.3", "III.4"]).suggestion is None
        assert "kt-2023" == hint("kt-2033", ["kt-2023"]).suggestion

    def test_labels_are_matched_whole(self):
        """
        Two phrases sharing words are not one misspelt: a label counts only when it is the
        text given (folded).
        """
        labels = {"tthc": ["Một cửa văn minh"]}

        assert hint("cho-van-minh", ["tthc"], labels).suggestion is None
        assert "tthc" == hint("MỘT CỬA VĂN MINH", ["tthc"], labels).suggestion

    @pytest.mark.parametrize(
        ("given", "allowed"),
        [("colour", ["count", "critical"]), ("model", ["codes", "note"]), ("items", ["title"])],
    )
    def test_below_the_cutoff_nothing_is_suggested(self, given, allowed):
        """
        Words of the same key sets that are not misspellings of each other score below the
        cutoff (docs/decisions.md).
        """
        assert CUTOFF == 0.7
        assert hint(given, allowed).suggestion is None


class TestUnits:
    def test_a_unit_kind_and_a_place_type_by_their_names(self, findings):
        """
        The name of a kind (`Địa điểm công cộng`) or of a place type (`Chợ`) given for its id.
        """
        text = (
            "kind: UnitCatalog\nschema: quytac/v1\nid: hn\ntitle: Hà Nội\nunits:\n"
            "  - {code: '01', name: Thành phố Hà Nội, kind: thanh_pho_tw}\n"
            "  - {code: '019', name: Quận Nam Từ Liêm, kind: quan, parent: '01'}\n"
            "  - {code: '00611', name: Phường Mỹ Đình 1, kind: phuong, parent: '019'}\n"
            "  - {code: cho-a, name: Chợ A, kind: dia_diem_cong_cong, place_type: Chợ,"
            " parent: '00611'}\n"
            "  - {code: cho-b, name: Chợ B, kind: Địa điểm công cộng, parent: '00611'}\n"
        )

        assert [
            "kt.yaml:9:70: cảnh báo QT215: units[3].place_type: loại địa điểm 'Chợ' không xác định;"
            " hãy khai báo trong place_types; có phải là 'cho'?",
            "kt.yaml:10:38: lỗi QT209: units[4].kind: loại đơn vị 'Địa điểm công cộng' không"
            " xác định; hãy khai báo trong unit_kinds; có phải là 'dia_diem_cong_cong'?",
        ] == [f.render("vi") for f in findings(text)]
