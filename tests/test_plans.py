"""
Inspection plans: scope, assignments, and the rules a plan keeps.
"""

import datetime as dt
import unicodedata

from hypothesis import given

import quytac
from _plans_data import CATALOG, CHECKLIST, PLAN, SCORED_PLAN, rendered, report, workspace
from _strategies_plans import catalogs_and_plans
from quytac import Form, InspectionPlan, UnitCatalog


def _plan_and_catalog(ws):
    return ws.get(InspectionPlan, "p"), ws.get(UnitCatalog, "hn")


class TestAssignments:
    def test_listed_units_are_direct_and_the_others_indirect(self, tmp_path):
        """
        Units of the kinds in scope that exist during the period are assigned: direct when the
        direct part lists them, indirect otherwise; they come in Vietnamese alphabetical order.
        """
        plan, catalog = _plan_and_catalog(workspace(tmp_path))

        assignments = plan.assignments(catalog)

        assert [(a.unit.code, a.form) for a in assignments] == [
            ("277", Form.INDIRECT),
            ("021", Form.INDIRECT),
            ("268", Form.INDIRECT),
            ("019", Form.DIRECT),
        ]

    def test_scope_adds_listed_units_and_removes_excluded_ones(self, tmp_path):
        """
        ``scope.units`` adds units of any kind, ``scope.exclude`` removes units.
        """
        plan = PLAN.replace(
            "scope: {unit_kinds: [quan, huyen]}",
            'scope: {unit_kinds: [quan], units: ["00611"], exclude: ["268"]}',
        )
        plan, catalog = _plan_and_catalog(workspace(tmp_path, plan=plan))

        assert ["00611", "021", "019"] == [a.unit.code for a in plan.assignments(catalog)]

    def test_a_plan_without_indirect_part_assigns_only_direct_units(self, tmp_path):
        """
        With no indirect part, only the units visited are assigned.
        """
        plan = PLAN.replace(
            "indirect: {outline: dc, due_before: 2023-07-30, recipient: so-vhtt}\n", ""
        ).replace("scope: {unit_kinds: [quan, huyen]}", 'scope: {units: ["019"]}')
        plan, catalog = _plan_and_catalog(workspace(tmp_path, plan=plan))

        assert [(a.unit.code, a.form) for a in plan.assignments(catalog)] == [("019", Form.DIRECT)]

    @given(catalogs_and_plans())
    def test_assignments_partition_the_scope(self, catalog_and_plan):
        """
        Every unit in scope gets exactly one assignment (when the plan has an indirect part),
        and a unit is direct exactly when the direct part lists it.
        """
        catalog, plan = catalog_and_plan

        assignments = plan.assignments(catalog)

        codes = [a.unit.code for a in assignments]
        in_scope = {unit.code for unit in plan.scope_units(catalog)}
        assert len(set(codes)) == len(codes)
        if plan.indirect is not None:
            assert in_scope == set(codes)
        assert {a.unit.code for a in assignments if a.form is Form.DIRECT} == in_scope & set(
            plan.direct.units
        )
        assert all(
            (unit.valid_to or dt.date.max) >= plan.period.start
            for unit in plan.scope_units(catalog)
        )


class TestIssues:
    def test_a_well_formed_plan_has_no_issues(self, tmp_path):
        """
        The shared plan keeps every rule.
        """
        assert [] == rendered(workspace(tmp_path), tmp_path)

    def test_every_broken_rule_is_an_issue(self, tmp_path):
        """
        Unknown references, a direct unit outside the scope, units listed twice, units not in the catalog during the period, and codes not
        in force are each reported at their place.
        """
        plan = """\
kind: InspectionPlan
schema: quytac/v1
id: p
title: Kế hoạch
legal_basis: {instrument: KH 1, issued_by: UBND, issued_on: 2023-03-23}
period: {start: 2023-07-01, end: 2023-09-30}
units: hn
codes: [qt, qt-cu]
standing_agency: so-khac
scope: {unit_kinds: [quan], units: ["999", "019"], exclude: ["277", "277"]}
direct: {team: Đoàn, checklist: kt, units: ["019", "019", "00611"]}
indirect: {outline: dc-khac, due_before: 2023-07-30, recipient: so-vhtt, self_assessment: kt}
model_point_types: [{id: a, label: A}, {id: a, label: B}]
"""
        codes = """\
kind: ConductCode
schema: quytac/v1
id: qt-cu
title: Quy tắc cũ
legal_basis: {instrument: QĐ 1, issued_by: UBND, issued_on: 2010-01-01}
effective_from: 2010-01-01
effective_to: 2016-12-31
"""
        ws = workspace(tmp_path, plan=plan, codes=codes)

        assert [
            "plan.yaml:8:9: error QT310: codes[0]: there is no code of conduct 'qt' in the"
            " workspace",
            "plan.yaml:8:13: error QT317: codes[1]: code 'qt-cu' is not in force between"
            " 2023-07-01 and 2023-09-30",
            "plan.yaml:9:18: error QT319: standing_agency: unit 'so-khac' is not in catalog 'hn'"
            " between 2023-07-01 and 2023-09-30",
            "plan.yaml:10:37: error QT319: scope.units[0]: unit '999' is not in catalog 'hn'"
            " between 2023-07-01 and 2023-09-30",
            "plan.yaml:10:69: error QT315: scope.exclude[1]: '277' is listed twice (first at"
            " scope.exclude[0])",
            "plan.yaml:11:33: error QT310: direct.checklist: there is no checklist 'kt' in the"
            " workspace",
            "plan.yaml:11:52: error QT315: direct.units[1]: '019' is listed twice (first at"
            " direct.units[0])",
            "plan.yaml:11:59: error QT314: direct.units[2]: unit '00611' is inspected directly"
            " but is outside the plan's scope",
            "plan.yaml:12:21: error QT310: indirect.outline: there is no outline 'dc-khac' in the"
            " workspace",
            "plan.yaml:12:91: error QT310: indirect.self_assessment: there is no checklist 'kt'"
            " in the workspace",
            "plan.yaml:13:40: error QT315: model_point_types[1]: 'a' is listed twice (first at"
            " model_point_types[0])",
        ] == rendered(ws, tmp_path)

    def test_the_period_and_the_deadline_must_make_sense(self, tmp_path):
        """
        A period that ends before it starts, and a deadline that leaves no day of the period,
        are errors; a deadline after the period has ended is a warning.
        """
        backwards = PLAN.replace("end: 2023-09-30", "end: 2023-06-30").replace(
            "due_before: 2023-07-30", "due_before: 2023-07-01"
        )
        late = PLAN.replace("due_before: 2023-07-30", "due_before: 2023-10-02")

        assert [
            "plan.yaml:6:34: error QT311: period.end: the period ends (2023-06-30) before it"
            " starts (2023-07-01)",
            "plan.yaml:11:37: error QT312: indirect.due_before: reports are due before"
            " 2023-07-01, which leaves no day of the period (from 2023-07-01)",
        ] == rendered(workspace(tmp_path, plan=backwards), tmp_path)[:2]
        assert [
            "plan.yaml:11:37: warning QT313: indirect.due_before: reports are due after the"
            " period has ended (2023-09-30): before 2023-10-02",
        ] == rendered(workspace(tmp_path, plan=late), tmp_path)

    def test_a_deadline_the_day_after_the_period_is_fine(self, tmp_path):
        """
        "Before 1 October" for a period ending 30 September leaves the whole period.
        """
        plan = PLAN.replace("due_before: 2023-07-30", "due_before: 2023-10-01")

        assert [] == rendered(workspace(tmp_path, plan=plan), tmp_path)

    def test_the_last_day_of_the_calendar_is_a_day_like_another(self, tmp_path):
        """
        A period ending 9999-12-31 has no day after it: the deadline check does not compute one.
        """
        plan = PLAN.replace("end: 2023-09-30", "end: 9999-12-31")

        assert [] == rendered(workspace(tmp_path, plan=plan), tmp_path)

    def test_units_in_scope_need_a_form(self, tmp_path):
        """
        Without an indirect part, units in scope that are not visited are an error.
        """
        plan = PLAN.replace(
            "indirect: {outline: dc, due_before: 2023-07-30, recipient: so-vhtt}\n", ""
        )

        assert [
            "plan.yaml:9:8: error QT318: scope: units in scope are neither inspected directly"
            " nor asked to report (the plan has no indirect part): '021', '268', '277'",
        ] == rendered(workspace(tmp_path, plan=plan), tmp_path)

    def test_messages_in_vietnamese(self, tmp_path):
        """
        Issues speak Vietnamese too.
        """
        plan = PLAN.replace('units: ["019"]', 'units: ["00611"]')

        assert [
            "plan.yaml:10:52: lỗi QT314: direct.units[0]: đơn vị '00611' được kiểm tra trực"
            " tiếp nhưng không thuộc phạm vi kế hoạch",
        ] == rendered(workspace(tmp_path, plan=plan), tmp_path, lang="vi")


class TestChecklistsAndKinds:
    def test_a_checklist_must_apply_to_the_units_visited(self, tmp_path):
        """
        The team's checklist must apply to the kind of every unit it visits; a self-assessment
        is asked only of the reporting units it applies to, so a self-assessment from a unit of
        another kind is an error of that report.
        """
        checklist = CHECKLIST.replace("[quan, huyen]", "[huyen]")
        reports = (
            report(
                unit="021",
                extra="self_assessment: {checklist: {id: kt, version: 1}, answers: {I.1: pass}}\n",
            )
            + "---\n"
            + report(unit="277", extra="self_assessment: {checklist: {id: kt, version: 1}}\n")
        )

        found = rendered(
            workspace(tmp_path, plan=SCORED_PLAN, checklist=checklist, reports=reports), tmp_path
        )

        assert [
            "plan.yaml:10:42: error QT316: direct.checklist: checklist 'kt' does not apply to"
            " units of kind quan",
            "reports.yaml:13:30: error QT316: self_assessment.checklist: checklist 'kt' does not"
            " apply to units of kind quan",
        ] == found

    def test_a_checklist_aimed_at_place_types(self, tmp_path):
        """
        A checklist for markets (``place_types: [cho]``) applies to the market the team visits,
        not to a park: QT316 names the park's kind and place type, for the team's visit and
        for a self-assessment from another park.
        """
        catalog = CATALOG + (
            "  - {code: cho-co-nhue, name: Chợ Cổ Nhuế, kind: dia_diem_cong_cong,"
            " place_type: cho, parent: '00611'}\n"
            "  - {code: cv-hoa-binh, name: Công viên Hòa Bình, kind: dia_diem_cong_cong,"
            " place_type: cong_vien, parent: '00611'}\n"
            "  - {code: cv-thong-nhat, name: Công viên Thống Nhất, kind: dia_diem_cong_cong,"
            " place_type: cong_vien, parent: '00611'}\n"
        )
        plan = SCORED_PLAN.replace(
            "scope: {unit_kinds: [quan, huyen]}", "scope: {unit_kinds: [dia_diem_cong_cong]}"
        ).replace('units: ["019"]', "units: [cho-co-nhue, cv-hoa-binh]")
        checklist = CHECKLIST.replace("{unit_kinds: [quan, huyen]}", "{place_types: [cho]}")
        reports = report(
            unit="cv-thong-nhat",
            extra="self_assessment: {checklist: {id: kt, version: 1}, answers: {I.1: pass}}\n",
        )

        found = rendered(
            workspace(tmp_path, catalog=catalog, plan=plan, checklist=checklist, reports=reports),
            tmp_path,
        )
        covered = rendered(
            workspace(
                tmp_path,
                catalog=catalog,
                plan=plan,
                checklist=checklist.replace("[cho]", "[cho, cong_vien]"),
                reports=reports,
            ),
            tmp_path,
        )

        assert [
            "plan.yaml:10:42: error QT316: direct.checklist: checklist 'kt' does not apply to"
            " units of kind dia_diem_cong_cong (place_type: cong_vien)",
            "reports.yaml:13:30: error QT316: self_assessment.checklist: checklist 'kt' does not"
            " apply to units of kind dia_diem_cong_cong (place_type: cong_vien)",
        ] == found
        assert [] == covered

    def test_an_unknown_unit_kind_in_scope(self, tmp_path):
        """
        A scope naming a unit kind that neither quytac nor the catalog knows is an error.
        """
        plan = PLAN.replace("[quan, huyen]", "[quan, huyen, quan_huyen]")

        assert [
            "plan.yaml:9:35: error QT310: scope.unit_kinds[2]: there is no unit kind"
            " 'quan_huyen' in the workspace",
        ] == rendered(workspace(tmp_path, plan=plan), tmp_path)


class TestVietnameseOrder:
    def test_letters_then_tones(self):
        """
        ă, â, đ, ê, ô, ơ, ư are letters of their own; tones order words with the same letters.
        """
        words = [
            "ư",
            "ơ",
            "u",
            "ô",
            "o",
            "đ",
            "d",
            "ê",
            "e",
            "â",
            "ă",
            "a",
            "ạ",
            "á",
            "ã",
            "ả",
            "à",
        ]

        assert [
            "a",
            "à",
            "ả",
            "ã",
            "á",
            "ạ",
            "ă",
            "â",
            "d",
            "đ",
            "e",
            "ê",
            "o",
            "ô",
            "ơ",
            "u",
            "ư",
        ] == (sorted(words, key=quytac.vietnamese_key))

    def test_a_space_comes_before_a_letter(self):
        """
        "Hà Đông" comes before "Hai Bà Trưng": the word ends before the other goes on.
        """
        assert ["Quận Hà Đông", "Quận Hai Bà Trưng"] == sorted(
            ["Quận Hai Bà Trưng", "Quận Hà Đông"], key=quytac.vietnamese_key
        )

    def test_nfc_and_nfd_sort_together(self):
        """
        The same word typed precomposed or decomposed has the same letters and tones.
        """
        word = "Đống Đa"

        assert (
            quytac.vietnamese_key(word)[:2]
            == quytac.vietnamese_key(unicodedata.normalize("NFD", word))[:2]
        )


class TestRoundTrip:
    @given(catalogs_and_plans())
    def test_a_plan_dumps_to_yaml_that_loads_back_equal(self, catalog_and_plan):
        """
        Whatever plan the model holds, dumps writes YAML that loads back to an equal plan.
        """
        _, plan = catalog_and_plan

        assert plan == quytac.loads(quytac.dumps(plan))

    @given(catalogs_and_plans())
    def test_the_fingerprint_survives_a_round_trip(self, catalog_and_plan):
        """
        A document written to YAML and read back has the fingerprint it had.
        """
        _, plan = catalog_and_plan

        assert quytac.fingerprint(plan) == quytac.fingerprint(quytac.loads(quytac.dumps(plan)))
