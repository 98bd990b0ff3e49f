"""
Checklists: the format (answer types, answers, examples), located problems, and the lint of a
checklist as issues.
"""

import datetime as dt
import re
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import jsonschema
import pytest
import yaml
from hypothesis import given

import quytac
from _steps import assert_near_linear
from _strategies_checklists import HEADER, checklist_from, checklists, yaml_items
from quytac import (
    Answer,
    Answers,
    Checklist,
    Choices,
    ConductCode,
    Count,
    FreeText,
    PointsScale,
    Threshold,
    Workspace,
    YesNo,
    _yaml,
    schema,
)
from quytac.validation import issues_of

ISSUED = dt.date(2020, 1, 1)


def rendered(found) -> list[str]:
    return [str(finding) for finding in found]


def problems(text: str) -> list[str]:
    with pytest.raises(quytac.LoadError) as ei:
        quytac.loads(HEADER + text, source="kt.yaml")
    return [str(problem) for problem in ei.value.problems]


def lint(body: str, *others: str) -> list[str]:
    checklist = checklist_from(body)
    workspace = Workspace.of(checklist, *(quytac.loads(o) for o in others)) if others else None
    return rendered(issues_of(checklist, workspace))


class TestAnswerTypes:
    def test_every_answer_type_loads(self):
        """
        yes_no and text are names; count, points and choices are mappings of one key.
        """
        checklist = checklist_from(
            yaml_items(
                "{id: a, text: Có}",
                "{id: b, text: Có, answer: yes_no}",
                "{id: c, text: Số, answer: {count: {full_at: 5}}}",
                "{id: d, text: Số, answer: {count: {thresholds: [{min: 1, points: 1},"
                " {min: 3, points: 2.5}]}}}",
                "{id: e, text: Điểm, answer: {points: {step: 0.5}}, points: 2}",
                "{id: f, text: Mức, answer: {choices: [{id: x, label: X, points: 1.5}]}}",
                "{id: g, text: Ghi chú, answer: text}",
            )
        )

        assert [
            YesNo(),
            YesNo(),
            Count(full_at=5),
            Count(
                thresholds=(
                    Threshold(min=1, points=Decimal(1)),
                    Threshold(min=3, points=Decimal("2.5")),
                )
            ),
            PointsScale(step=Decimal("0.5")),
            Choices(
                choices=(quytac.Choice(id="x", label=quytac.Text(vi="X"), points=Decimal("1.5")),)
            ),
            FreeText(),
        ] == [item.answer for item in checklist.items]

    def test_maxima(self):
        """
        An item's maximum: its points; else 1; the best choice or threshold; 0 for text.
        """
        checklist = checklist_from(
            yaml_items(
                "{id: a, text: Có}",
                "{id: b, text: Có, points: 2.50}",
                "{id: c, text: Số, answer: {count: {thresholds: [{min: 1, points: 3}]}}}",
                "{id: d, text: Mức, answer: {choices: [{id: x, label: X, points: 1.5},"
                " {id: y, label: Y, points: 4}]}}",
                "{id: e, text: Ghi chú, answer: text}",
            )
        )

        assert [Decimal(1), Decimal("2.50"), Decimal(3), Decimal(4), Decimal(0)] == [
            item.maximum for item in checklist.items
        ]

    def test_the_design_example_round_trips(self):
        """
        A checklist dumps to YAML that loads back equal (numbers keep their spelling: 2.50).
        """
        checklist = checklist_from(
            yaml_items(
                "{id: a, text: Có, points: 2.50, critical: true}",
                "{id: b, text: Mức, answer: {choices: [{id: x, label: X, points: 1.5}]},"
                " when: {item: a, in: [pass]}}",
                "{id: c, text: Ghi chú, answer: text}",
            )
            + "examples:\n- {name: đạt, answers: {a: pass, b: {value: x, note: Tốt}},"
            " expect: {percent: 100}}\n"
        )

        text = quytac.dumps(checklist)

        assert checklist == quytac.loads(text)
        assert "points: 2.50" in text


class TestAnswers:
    def test_answers_keep_their_order_and_hash(self):
        """
        Answers keyed by item id keep the order written and can be hashed (they are frozen).
        """
        checklist = checklist_from(
            yaml_items("{id: a, text: Có}", "{id: b, text: Có}")
            + "examples:\n- name: x\n  answers: {b: fail, a: {value: pass, note: Có biên bản,"
            " evidence: [bb-01.pdf]}}\n"
        )
        answers = checklist.examples[0].answers

        assert ["b", "a"] == list(answers)
        assert Answer(
            value="pass", note=quytac.Text(vi="Có biên bản"), evidence=("bb-01.pdf",)
        ) == answers.get("a")
        assert hash(answers) == hash(Answers.of({"b": "fail", "a": answers.get("a")}))

    def test_answers_of_plain_values(self):
        """
        Answers.of takes plain values as in YAML: text, whole numbers, Decimals, mappings.
        """
        answers = Answers.of({"a": "pass", "n": 7, "p": Decimal("1.5"), "c": {"value": "x"}})

        assert {"a": "pass", "n": "7", "p": "1.5", "c": "x"} == answers.values

    @pytest.mark.parametrize(
        ("value", "message"),
        [
            (1.5, "answer 'a': 1.5 is a float, which is not exact; write Decimal('1.5') or '1.5'"),
            (True, "answer 'a': expected text, a whole number or a Decimal, got bool"),
            (None, "answer 'a': expected text, a whole number or a Decimal, got NoneType"),
        ],
    )
    def test_values_that_are_not_answers(self, value, message):
        """
        A float, a boolean or None is not an answer.
        """
        with pytest.raises(TypeError) as ei:
            Answers.of({"a": value})

        assert f"TypeError: {message}" == ei.exconly()


class TestProblems:
    def test_shapes_that_do_not_load(self):
        """
        Unknown answer types, two kinds in one mapping, a bare count, bad answers, out-of-range
        numbers: every problem at its place.
        """
        text = """\
scoring:
  model: point
  bands: [{id: a, label: A, min: 120}]
sections:
- id: I
  title: Lãnh đạo
  items:
  - {id: I.1, text: Có, answer: yesno}
  - {id: I.2, text: Số, answer: {count: {full_at: 0}}}
  - {id: I.3, text: Số, answer: count}
  - {id: I.4, text: Mức, answer: {choices: [], points: {}}}
  - {id: I.5, text: Mức, answer: {choices: [{id: x, label: X}]}}
examples:
- name: x
  answers: {I.1: true, I.2: [1], I.3: {value: 1, notes: b}}
"""
        assert [
            "kt.yaml:6:10: error QT108: scoring.model: expected one of: points, weighted, flat,"
            " absolute; got 'point'; did you mean 'points'?",
            "kt.yaml:7:34: error QT106: scoring.bands[0].min: must be between 0 and 100, got 120",
            "kt.yaml:12:33: error QT401: sections[0].items[0].answer: unknown answer type"
            " 'yesno'; did you mean 'yes_no'? (expected one of: yes_no, count, points, choices,"
            " text)",
            "kt.yaml:13:51: error QT106: sections[0].items[1].answer.count.full_at: must be more"
            " than 0, got 0",
            "kt.yaml:14:33: error QT105: sections[0].items[2].answer: expected a mapping"
            " {count: ...}, got 'count'",
            "kt.yaml:15:34: error QT402: sections[0].items[3].answer: expected exactly one of:"
            " yes_no, count, points, choices, text; got 'choices', 'points'",
            "kt.yaml:16:45: error QT103: sections[0].items[4].answer.choices[0].points: missing"
            " required key",
            'kt.yaml:19:18: error QT105: examples[0].answers["I.1"]: expected an answer (pass,'
            " fail, na, not_observed, a number, a choice id) or a mapping {value, note,"
            " evidence}, got true",
            'kt.yaml:19:29: error QT105: examples[0].answers["I.2"]: expected an answer (pass,'
            " fail, na, not_observed, a number, a choice id) or a mapping {value, note,"
            " evidence}, got a list",
            'kt.yaml:19:50: error QT104: examples[0].answers["I.3"].notes: unknown key; did you'
            " mean 'note'? (allowed here: value, note, evidence)",
        ] == problems(text)


BANDS = """\
  bands:
  - {id: tot, label: Tốt, min: 85}
  - {id: trung_binh, label: Trung bình, min: 50}
  - {id: yeu, label: Yếu, min: 0}
"""


class TestLint:
    def test_a_clean_checklist_has_no_issues(self):
        """
        The checklist of DESIGN.md §2 keeps every rule.
        """
        assert [] == lint(
            "scoring:\n  critical: {cap_band: trung_binh}\n"
            + BANDS
            + yaml_items(
                "{id: I.1, text: Có văn bản, points: 10, critical: true}",
                "{id: I.2, text: Số văn bản, answer: {count: {full_at: 5}}, points: 5}",
            )
        )

    def test_duplicate_ids(self):
        """
        Item ids are unique in the whole checklist, section ids too.
        """
        body = """\
sections:
- id: I
  title: A
  items: [{id: a, text: Có}]
  sections:
  - {id: I, title: B, items: [{id: a, text: Có}]}
"""
        assert [
            "<string>: error QT410: sections[0].sections[0].id: duplicate section id 'I'"
            " (first at sections[0])",
            "<string>: error QT410: sections[0].sections[0].items[0].id: duplicate item id 'a'"
            " (first at sections[0].items[0])",
        ] == lint(body)

    def test_zero_points_and_zero_weights(self):
        """
        A checklist that gives no points; a weighted checklist whose sections all weigh 0.
        """
        body = "scoring: {model: weighted}\n" + yaml_items("{id: a, text: Có, points: 0}")

        assert [
            "<string>: error QT411: sections: the checklist gives no points: no item is worth"
            " more than 0",
            "<string>: warning QT419: sections[0]: everything in this section weighs 0: under"
            " the weighted model it never counts",
        ] == lint(body)
        assert [
            "<string>: error QT412: sections: every top-level section weighs 0: the weighted"
            " model has nothing to average",
        ] == lint(
            body.replace("points: 0", "points: 1").replace("title: Mục", "title: Mục\n  weight: 0")
        )

    def test_a_section_that_weighs_nothing(self):
        """
        Under weighted, a section whose items and subsections all weigh 0 never counts.
        """
        body = """\
scoring: {model: weighted}
sections:
- id: I
  title: A
  items: [{id: a, text: Có}]
- id: II
  title: B
  items: [{id: b, text: Có, points: 0}, {id: c, text: Ghi chú, answer: text}]
"""
        assert [
            "<string>: warning QT419: sections[1]: everything in this section weighs 0: under"
            " the weighted model it never counts",
        ] == lint(body)

    def test_bands(self):
        """
        Bands out of order, overlapping, leaving a gap; a cap on a band that does not exist.
        """
        body = """\
scoring:
  critical: {cap_band: kha}
  bands:
  - {id: trung_binh, label: Trung bình, min: 50}
  - {id: tot, label: Tốt, min: 85}
  - {id: tot2, label: Rất tốt, min: 85}
""" + yaml_items("{id: a, text: Có, critical: true}")

        assert [
            "<string>: error QT413: scoring.bands[1].min: band 'tot' must come before band"
            " 'trung_binh': bands are ordered highest first",
            "<string>: error QT414: scoring.bands[2].min: band 'tot2' starts at 85 like band"
            " 'tot': one of them is never reached",
            "<string>: error QT415: scoring.bands: no band covers 0 up to 50: the lowest band"
            " must start at 0",
            "<string>: error QT416: scoring.critical.cap_band: cap_band 'kha' is not a band"
            " (bands: trung_binh, tot, tot2)",
        ] == lint(body)

    def test_critical_items_that_never_count(self):
        """
        A critical item that is text, worth 0, or unreachable; critical items without a policy.
        """
        items = yaml_items(
            "{id: a, text: Có, answer: text, critical: true}",
            "{id: b, text: Có, points: 0, critical: true}",
            "{id: c, text: Có, points: 2}",
            "{id: d, text: Có, when: {item: c, in: []}, critical: true}",
        )

        assert [
            "<string>: warning QT436: sections[0].items[3].when: the condition never holds: the"
            " item is never scored",
            "<string>: warning QT417: sections[0].items[0].critical: this critical item is never"
            " scored (it is a text item): critical has no effect",
            "<string>: warning QT417: sections[0].items[1].critical: this critical item is never"
            " scored (it is worth 0 points): critical has no effect",
            "<string>: warning QT417: sections[0].items[3].critical: this critical item is never"
            " scored (its condition never holds): critical has no effect",
            "<string>: warning QT418: scoring: the checklist has critical items but"
            " scoring.critical declares neither cap_band nor zero",
        ] == lint(items)

    def test_items(self):
        """
        Duplicate choices, points above the maximum, a maximum off the step, points on text,
        a count without its scale, thresholds that do not rise.
        """
        items = yaml_items(
            "{id: a, text: Mức, points: 2, answer: {choices: [{id: x, label: X, points: 3},"
            " {id: x, label: Y, points: 1}]}}",
            "{id: b, text: Điểm, points: 2, answer: {points: {step: 0.75}}}",
            "{id: c, text: Ghi chú, answer: text, points: 1}",
            "{id: d, text: Số, answer: {count: {}}}",
            "{id: e, text: Số, points: 4, answer: {count: {thresholds: [{min: 3, points: 2},"
            " {min: 1, points: 5}]}}}",
        )

        assert [
            "<string>: error QT441: sections[0].items[0].answer.choices[0].points: 3 points is"
            " more than the item's maximum of 2",
            "<string>: error QT440: sections[0].items[0].answer.choices[1].id: duplicate choice"
            " id 'x'",
            "<string>: error QT442: sections[0].items[1].points: the maximum 2 is not a multiple"
            " of the step 0.75: full points cannot be given",
            "<string>: warning QT443: sections[0].items[2].points: a text item is never scored:"
            " its points have no effect",
            "<string>: error QT444: sections[0].items[3].answer.count: a count answer needs"
            " exactly one of full_at and thresholds",
            "<string>: error QT441: sections[0].items[4].answer.count.thresholds[1].points: 5"
            " points is more than the item's maximum of 4",
            "<string>: error QT445: sections[0].items[4].answer.count.thresholds[1]: thresholds"
            " must rise: each min above the one before, and points not lower",
        ] == lint(items)

    def test_items_that_can_never_be_fully_met(self):
        """
        No choices at all; choices or thresholds whose best value is below the points (a
        warning, and an error for a critical item, which then always fails).
        """
        items = yaml_items(
            "{id: a, text: Mức, points: 2, answer: {choices: []}}",
            "{id: b, text: Mức, points: 2, answer: {choices: [{id: x, label: X, points: 1.5},"
            " {id: y, label: Y, points: 0}]}}",
            "{id: c, text: Số, points: 4, answer: {count: {thresholds: [{min: 1, points: 1},"
            " {min: 3, points: 3}]}}}",
            "{id: d, text: Mức, points: 2, critical: true, answer: {choices: [{id: x, label: X,"
            " points: 1}]}}",
            "{id: e, text: Mức, points: 2, answer: {choices: [{id: x, label: X, points: 2}]}}",
        )

        assert [
            "<string>: error QT446: sections[0].items[0].answer.choices: a choices answer needs"
            " at least one choice",
            "<string>: warning QT447: sections[0].items[1].answer.choices: the best answer gives"
            " 1.5 of the item's 2 points: it can never be fully met",
            "<string>: warning QT447: sections[0].items[2].answer.count.thresholds: the best"
            " answer gives 3 of the item's 4 points: it can never be fully met",
            "<string>: error QT448: sections[0].items[3].answer.choices: the best answer gives"
            " 1 of the item's 2 points: a critical item that fails",
            "<string>: warning QT418: scoring: the checklist has critical items but"
            " scoring.critical declares neither cap_band nor zero",
        ] == lint(items)

    def test_duplicate_band_ids(self):
        """
        Two bands with one id make cap_band and expect.band ambiguous.
        """
        body = """\
scoring:
  bands:
  - {id: tot, label: Tốt, min: 85}
  - {id: tot, label: Khá, min: 70}
  - {id: yeu, label: Yếu, min: 0}
""" + yaml_items("{id: a, text: Có}")

        assert [
            "<string>: error QT426: scoring.bands[1].id: duplicate band id 'tot' (first at"
            " scoring.bands[0]): cap_band and expect.band are ambiguous",
        ] == lint(body)

    def test_applies_to_place_types(self):
        """
        A checklist may be aimed at place types of public places as well as unit kinds; both
        are checked against the vocabulary.
        """
        body = "applies_to: {unit_kinds: [phuong], place_types: [cho, di_tich]}\n" + yaml_items(
            "{id: a, text: Có}"
        )

        checklist = checklist_from(body)

        assert (("phuong",), ("cho", "di_tich")) == (
            checklist.applies_to.unit_kinds,
            checklist.applies_to.place_types,
        )
        assert [] == lint(body)

    def test_a_place_type_written_as_a_unit_kind(self):
        """
        QT227: ``cho`` is a place type, not a unit kind, and ``quan`` the other way round:
        errors that say how to write them; an unknown place type is a warning (QT224), an
        unknown unit kind too (QT223).
        """
        body = (
            "applies_to: {unit_kinds: [cho, so, hop_tac_xa], place_types: [quan, san_bay]}\n"
            + yaml_items("{id: a, text: Có}")
        )

        assert [
            "<string>: error QT227: applies_to.unit_kinds[0]: 'cho' is a place type, not a"
            " unit kind: write place_types: [cho]",
            "<string>: warning QT223: applies_to.unit_kinds[2]: unknown unit kind 'hop_tac_xa':"
            " neither built in nor declared by a catalog of the workspace",
            "<string>: error QT227: applies_to.place_types[0]: 'quan' is a unit kind, not a"
            " place type: write unit_kinds: [quan]",
            "<string>: warning QT224: applies_to.place_types[1]: unknown place type 'san_bay':"
            " neither built in nor declared by a catalog of the workspace",
        ] == lint(body)
        assert [
            "<string>: error QT227: applies_to.unit_kinds[0]: 'cho' là loại địa điểm, không"
            " phải loại đơn vị: hãy viết place_types: [cho]",
        ] == [
            f"{f.source}: {f.severity} {f.code}: applies_to.unit_kinds[0]: {f.text('vi')}"
            for f in issues_of(checklist_from(body))
            if f.code == "QT227" and f.path[1] == "unit_kinds"
        ]

    def test_a_catalog_may_declare_the_place_types(self):
        """
        A place type declared by a catalog of the workspace is known.
        """
        catalog = (
            "kind: UnitCatalog\nschema: quytac/v1\nid: k\ntitle: K\n"
            "place_types: [{id: san_bay, label: Sân bay}]\n"
        )
        body = "applies_to: {place_types: [san_bay]}\n" + yaml_items("{id: a, text: Có}")

        assert [] == lint(body, catalog)

    def test_contradictory_critical_policies(self):
        """
        QT428: cap_band with zero: score never caps (the score is already 0, the lowest band).
        """
        body = """\
scoring:
  critical: {cap_band: trung_binh, zero: score}
  bands:
  - {id: tot, label: Tốt, min: 85}
  - {id: trung_binh, label: Trung bình, min: 50}
  - {id: yeu, label: Yếu, min: 0}
""" + yaml_items("{id: a, text: Có, critical: true}")

        assert [
            "<string>: error QT428: scoring.critical: cap_band 'trung_binh' never applies with"
            " zero: score (a failed critical item already gives 0, the lowest band); keep one"
            " of the two",
        ] == lint(body)
        assert [] == lint(body.replace("zero: score", "zero: section"))

    def test_a_cap_on_the_highest_band(self):
        """
        QT429 (a warning): a cap on the highest band never lowers one; a cap on the lowest is
        a policy ("a failed critical item means Yếu").
        """
        highest = """\
scoring:
  critical: {cap_band: tot}
  bands:
  - {id: tot, label: Tốt, min: 85}
  - {id: yeu, label: Yếu, min: 0}
""" + yaml_items("{id: a, text: Có, critical: true}")

        assert [
            "<string>: warning QT429: scoring.critical.cap_band: cap_band 'tot' is the highest"
            " band: it never lowers a band",
        ] == lint(highest)
        assert [] == lint(highest.replace("cap_band: tot", "cap_band: yeu"))

    def test_examples_are_run(self):
        """
        Examples are part of the lint: a failed expectation and an answer that does not fit.
        """
        body = (
            yaml_items("{id: a, text: Có, points: 2}", "{id: b, text: Có}")
            + """\
examples:
- {name: đạt, answers: {a: pass, b: pass}, expect: {percent: 100}}
- {name: sai, answers: {a: pass, b: fail}, expect: {percent: 66.67, awarded: 3, maximum: 3}}
- {name: nhầm, answers: {a: có}, expect: {no_score: true}}
"""
        )
        assert [
            "<string>: error QT460: examples[1].expect.awarded: example 'sai': expected awarded"
            " 3, got 2",
            "<string>: error QT451: examples[2].answers.a: expected pass or fail for a yes_no"
            " item, got 'có'; did you mean 'pass'?",
        ] == lint(body)


CODE = """\
kind: ConductCode
schema: quytac/v1
id: qtux-can-bo
title: Quy tắc ứng xử của cán bộ, công chức, viên chức
legal_basis: {instrument: Quyết định 522/QĐ-UBND, issued_by: UBND TP Hà Nội, issued_on: 2017-01-25}
effective_from: 2017-01-25
chapters:
- number: II
  title: Quy tắc ứng xử chung
  articles:
  - {number: 3, title: Trang phục}
  - {number: 4, title: Giao tiếp, effective_to: 2020-12-31}
  - {number: 5, title: Kỷ luật, effective_from: 2024-01-01}
"""


class TestRefs:
    def test_references_without_a_workspace(self):
        """
        Without a workspace only the form of references and the codes listed are checked.
        """
        body = "codes: [qtux-can-bo]\n" + yaml_items(
            "{id: a, text: Có, refs: ['qtux-can-bo:3', 'Điều 3', 'qtux-noi-cong-cong:3']}"
        )

        assert [
            "<string>: error QT420: sections[0].items[0].refs[1]: 'Điều 3' is not a reference"
            " CODE_ID:ARTICLE (such as qtux-can-bo:3)",
            "<string>: warning QT422: sections[0].items[0].refs[2]: the code"
            " 'qtux-noi-cong-cong' is not listed in the checklist's codes",
        ] == lint(body)

    def test_references_in_a_workspace(self):
        """
        In a workspace: unknown codes, unknown articles, and articles no longer in force.
        """
        body = "codes: [qtux-can-bo, qtux-khac]\n" + yaml_items(
            "{id: a, text: Có, refs: ['qtux-can-bo:3', 'qtux-can-bo:12', 'qtux-can-bo:4']}"
        )

        assert [
            "<string>: error QT421: codes[1]: unknown code 'qtux-khac': no ConductCode with"
            " this id in the workspace",
            "<string>: error QT423: sections[0].items[0].refs[1]: the code 'qtux-can-bo' has no"
            " article 12",
            "<string>: warning QT425: sections[0].items[0].refs[2]: article 4 of 'qtux-can-bo'"
            " is no longer in force after 2020-12-31",
        ] == lint(body, CODE)

    def test_in_force_on_the_day_the_checklist_is_used(self):
        """
        With valid_from, each cited article must be in force on that day.
        """
        body = "valid_from: 2023-07-01\ncodes: [qtux-can-bo]\n" + yaml_items(
            "{id: a, text: Có, refs: ['qtux-can-bo:3', 'qtux-can-bo:4', 'qtux-can-bo:5']}"
        )

        assert [
            "<string>: error QT424: sections[0].items[0].refs[1]: article 4 of 'qtux-can-bo' is"
            " not in force on 2023-07-01 (the checklist's valid_from)",
            "<string>: error QT424: sections[0].items[0].refs[2]: article 5 of 'qtux-can-bo' is"
            " not in force on 2023-07-01 (the checklist's valid_from)",
        ] == lint(body, CODE)

    def test_issues_are_located_in_a_workspace(self, tmp_path):
        """
        Workspace.validate() places a checklist's issues at their file, line and column.
        """
        (tmp_path / "code.yaml").write_text(CODE, encoding="utf-8")
        (tmp_path / "kt.yaml").write_text(
            HEADER
            + "codes: [qtux-can-bo]\n"
            + yaml_items("{id: a, text: Có, refs: ['qtux-can-bo:9']}"),
            encoding="utf-8",
        )

        found = Workspace.load(tmp_path).validate()

        assert [
            f"{tmp_path / 'kt.yaml'}:10:32: error QT423: sections[0].items[0].refs[0]: the code"
            " 'qtux-can-bo' has no article 9"
        ] == rendered(found)


class TestChecklistApi:
    def test_walk_and_lookup(self):
        """
        Items come in order (a section's items, then its subsections) with their paths.
        """
        checklist = checklist_from(
            """\
sections:
- id: I
  title: A
  sections:
  - {id: I.a, title: B, items: [{id: b, text: Có}]}
  items: [{id: a, text: Có}]
"""
        )

        assert [
            ("a", ("sections", 0, "items", 0)),
            ("b", ("sections", 0, "sections", 0, "items", 0)),
        ] == [(item.id, path) for item, path in checklist.walk()]
        assert (checklist.items[1], None) == (checklist.item("b"), checklist.item("z"))
        assert isinstance(checklist, Checklist)
        assert isinstance(quytac.loads(quytac.dumps(checklist)), Checklist)
        assert ConductCode.kind != Checklist.kind

    def test_public_names_show_the_package_as_their_module(self):
        """
        The checklists package keeps its classes in private modules, but each shows
        ``quytac.checklists`` as its home: pickles name it (so they do not depend on the files the
        code is kept in), and its annotations resolve there.
        """
        import pickle  # noqa: PLC0415
        import typing  # noqa: PLC0415

        from quytac import checklists  # noqa: PLC0415

        classes = [
            getattr(checklists, name)
            for name in checklists.__all__
            if isinstance(getattr(checklists, name), type)
        ]
        answers = Answers.of({"I.1": "pass"})

        assert [] == [cls.__name__ for cls in classes if cls.__module__ != "quytac.checklists"]
        assert all(getattr(quytac, cls.__name__) is cls for cls in classes)
        assert tuple[checklists.Item, ...] == typing.get_type_hints(checklists.Section)["items"]
        assert b"quytac.checklists\x94\x8c\x07Answers" in pickle.dumps(answers)
        assert answers == pickle.loads(pickle.dumps(answers))  # noqa: S301 - our own bytes


class TestBundledChecklist:
    def test_it_validates_in_the_example_workspace(self):
        """
        The bundled checklist cites articles of the bundled codes, all in force in 2023, and
        every one of its examples holds.
        """
        workspace = quytac.example_workspace()
        checklist = workspace.get(Checklist, "kt-co-quan-2023")

        assert [] == rendered(issues_of(checklist, workspace))
        assert 5 <= len(checklist.examples)
        assert Decimal(100) == sum(item.maximum for item in checklist.items)

    def test_it_says_it_is_illustrative(self):
        """
        Its title and notes say it is an example, not an official form.
        """
        checklist = quytac.example_workspace().get(Checklist, "kt-co-quan-2023")

        assert "(minh họa)" in checklist.title.vi
        assert "không phải phiếu chính thức" in checklist.notes.vi
        assert "not an official form" in checklist.notes.en

    def test_a_record_scores_and_explains(self):
        """
        A unit's answers: 76.5 of 94 points (V.3 is na), exactly 3825/47 %, shown as 81.38.
        """
        checklist = quytac.example_workspace().get(Checklist, "kt-co-quan-2023")
        answers = dict.fromkeys(("I.1", "I.3", "II.4", "III.3", "IV.2", "IV.3"), "pass")
        answers |= {"I.2": 4, "II.1": "mot_phan", "II.2": "1", "II.3": 2, "III.1": "day_du"}
        answers |= {"III.2": "7.5", "IV.1": 5, "V.1": 2, "V.2": "da_so", "V.3": "na"}

        result = quytac.score(checklist, answers)

        assert (Fraction(3825, 47), "81.38", "tot", "15/15") == (
            result.percent,
            result.shown(),
            result.band.id,
            str(result.coverage),
        )


class TestPages:
    def test_the_checklist_on_the_page_loads_and_keeps_every_rule(self):
        """
        The whole checklist shown in docs/checklists.md loads, its example holds, and the
        answers shown there fit it.
        """
        page = (Path(__file__).parent.parent / "docs" / "checklists.md").read_text(encoding="utf-8")
        document, answers = re.findall(r"```yaml\n(.*?)```", page, re.DOTALL)[:2]

        checklist = quytac.loads(document, source="checklists.md")

        assert [] == rendered(issues_of(checklist))
        plain = yaml.safe_load(answers.replace("I.4: 1.5", "I.4: '1.5'"))["answers"]
        result = quytac.score(checklist, plain)
        assert (Fraction(950, 11), ()) == (result.percent, result.issues)


class TestSchemaAgreement:
    @given(checklists())
    def test_every_dumped_checklist_validates(self, checklist):
        """
        Model to schema: whatever quytac writes for a checklist, its JSON Schema accepts.
        """
        text = quytac.dumps(checklist)
        [raw] = list(_yaml.read_yaml(lambda: text, "t"))

        jsonschema.Draft202012Validator(schema.json_schema("Checklist")).validate(raw.data)

    def test_the_bundled_checklist_validates(self):
        """
        The bundled checklist, examples and answers included, is valid against the schema.
        """
        path = Path(quytac.example_path()) / "checklist-co-quan-2023.yaml"
        [raw] = list(_yaml.read_yaml(lambda: path.read_text(encoding="utf-8"), "t"))

        jsonschema.Draft202012Validator(schema.json_schema("Checklist")).validate(raw.data)


def one_item(answer, points=None) -> Checklist:
    item = quytac.Item(id="a", text=quytac.Text(vi="Có"), answer=answer, points=points)
    section = quytac.Section(id="S", title=quytac.Text(vi="Mục"), items=(item,))
    return Checklist(id="kt", title=quytac.Text(vi="Phiếu"), sections=(section,))


class TestLintGrowsLinearly:
    """
    Ten times the choices or steps of an item take about ten times the work, not a hundred
    (steps counted, not timed: tests/_steps.py).
    """

    def test_many_choices(self):
        """
        An item of n choices without points: its maximum is the best choice.
        """

        def make(n):
            choices = tuple(
                quytac.Choice(id=f"c{k}", label=quytac.Text(vi="Một"), points=Decimal(k % 5))
                for k in range(n)
            )
            checklist = one_item(Choices(choices=choices))
            return lambda: list(issues_of(checklist))

        assert_near_linear(make, 200)

    def test_many_thresholds(self):
        """
        A count item of n steps without points: its maximum is the best step.
        """

        def make(n):
            steps = tuple(Threshold(min=k, points=Decimal(k)) for k in range(n))
            checklist = one_item(Count(thresholds=steps))
            return lambda: list(issues_of(checklist))

        assert_near_linear(make, 200)

    def test_many_references_to_a_long_code(self):
        """
        n items, each citing one of the n articles of a code.
        """

        def make(n):
            code = quytac.ConductCode(
                id="q",
                title=quytac.Text(vi="Quy tắc"),
                legal_basis=quytac.LegalBasis(
                    instrument="QĐ 1", issued_by="UBND", issued_on=ISSUED
                ),
                effective_from=ISSUED,
                chapters=(
                    quytac.Chapter(
                        number="I",
                        title=quytac.Text(vi="Chương"),
                        articles=tuple(
                            quytac.Article(number=k + 1, title=quytac.Text(vi="Điều"))
                            for k in range(n)
                        ),
                    ),
                ),
            )
            items = tuple(
                quytac.Item(id=f"i{k}", text=quytac.Text(vi="Có"), refs=(f"q:{k + 1}",))
                for k in range(n)
            )
            section = quytac.Section(id="S", title=quytac.Text(vi="Mục"), items=items)
            checklist = Checklist(
                id="kt", title=quytac.Text(vi="Phiếu"), codes=("q",), sections=(section,)
            )
            workspace = Workspace.of(code, checklist)
            return lambda: list(issues_of(checklist, workspace))

        assert_near_linear(make, 200)
