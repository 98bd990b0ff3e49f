"""
Reports and inspection records: their shape, their rules, and pinning the edition of the
outline or checklist they were written against.
"""

import datetime as dt
import json
import textwrap
import types

import pytest

import quytac
from _plans_data import CHECKLIST, OUTLINE, SCORED_PLAN, rendered, report, workspace
from _steps import assert_near_linear
from quytac import Figure, FrozenMap, Pin, Report, ReportOutline, Text, fingerprints


def _record(body, id_="ktr-019", unit="019", inspected_on="2023-08-10"):
    return textwrap.dedent(f"""\
        kind: InspectionRecord
        schema: quytac/v1
        id: {id_}
        plan: p
        unit: "{unit}"
        inspected_on: {inspected_on}
        """) + textwrap.dedent(body)


class TestShape:
    def test_a_figure_is_a_value_or_a_value_with_a_note(self):
        """
        ``bang: 274`` and ``bang: {value: 274, note: ...}`` both give a Figure; the value stays
        as written until the outline types it.
        """
        text = report(extra="", id_="bc").replace(
            "bang: 20", "bang: {value: 274, note: giữ nguyên}"
        )

        loaded = quytac.loads(text)

        assert (
            Figure(value="274", note=Text(vi="giữ nguyên"))
            == (loaded.sections["II.2"].indicators["bang"])
        )
        assert Figure(value="1000") == loaded.sections["II.2"].indicators["to_roi"]
        assert loaded == quytac.loads(quytac.dumps(loaded))

    def test_answers_are_values_or_values_with_notes_and_evidence(self):
        """
        An answer is its value, or ``{value, note, evidence}``; both load back from a dump.
        """
        record = quytac.loads(
            _record("""\
                checklist: {id: kt, version: 2}
                answers:
                  I.1: pass
                  I.2: {value: 7, note: Bảy văn bản, evidence: [KH 12/KH-UBND]}
                """)
        )

        assert "pass" == record.answers.get("I.1").value
        assert ("7", ("KH 12/KH-UBND",)) == (
            record.answers.get("I.2").value,
            record.answers.get("I.2").evidence,
        )
        assert record == quytac.loads(quytac.dumps(record))

    def test_a_badly_typed_value_inside_a_mapping_is_located_by_key(self):
        """
        A problem inside sections, indicators or answers is placed at its key path.
        """
        text = report(id_="bc").replace("van_ban: 8", "van_ban: [8]")

        with pytest.raises(quytac.LoadError) as caught:
            quytac.loads(text, source="r.yaml")

        assert [
            'r.yaml:11:32: error QT105: sections["II.1"].indicators.van_ban.value: expected a'
            " number, text, true/false or a date, got a list"
        ] == [str(p) for p in caught.value.problems]

    def test_reports_and_records_need_an_id(self):
        """
        Reports and records are indexed by id like every document.
        """
        text = report().replace("id: bc-021\n", "")

        with pytest.raises(quytac.LoadError) as caught:
            quytac.loads(text, source="r.yaml")

        assert ["r.yaml:1:1: error QT103: id: missing required key"] == [
            str(p) for p in caught.value.problems
        ]


class TestFingerprint:
    def test_the_way_it_is_written_does_not_matter(self):
        """
        Key order, quoting and defaults written out leave the fingerprint as it is.
        """
        reordered = OUTLINE.replace(
            "id: dc\ntitle: Đề cương báo cáo\n", 'title: "Đề cương báo cáo"\nversion: 1\nid: dc\n'
        )

        assert quytac.fingerprint(quytac.loads(OUTLINE)) == quytac.fingerprint(
            quytac.loads(reordered)
        )

    def test_any_change_of_content_changes_it(self):
        """
        Another label, another bound, another version: another fingerprint.
        """
        original = quytac.fingerprint(quytac.loads(OUTLINE))
        changed = [
            OUTLINE.replace("Tờ rơi", "Tờ gấp"),
            OUTLINE.replace(
                "{id: to_roi, label: Tờ rơi, unit: tờ, min: 0}",
                "{id: to_roi, label: Tờ rơi, unit: tờ}",
            ),
            OUTLINE.replace("id: dc\n", "id: dc\nversion: 2\n"),
        ]

        assert 16 == len(original)
        assert all(quytac.fingerprint(quytac.loads(text)) != original for text in changed)

    def test_a_pin_records_the_edition(self):
        """
        Pin.of gives the id, version and fingerprint of a document as it is now.
        """
        outline = quytac.loads(OUTLINE)

        assert Pin(id="dc", version=1, fingerprint=quytac.fingerprint(outline)) == Pin.of(outline)


class TestReportIssues:
    def test_a_complete_report_has_no_issues(self, tmp_path):
        """
        A report that gives every required section and figure keeps every rule.
        """
        assert [] == rendered(workspace(tmp_path, reports=report()), tmp_path)

    def test_every_broken_content_rule_is_an_issue(self, tmp_path):
        """
        A missing required narrative or indicator, a value of the wrong type or out of bounds,
        an unknown section or indicator, and a broken rule between indicators are reported.
        """
        text = textwrap.dedent("""\
            kind: Report
            schema: quytac/v1
            id: bc-021
            plan: p
            unit: "021"
            number: 1/BC-UBND
            submitted_on: 2023-07-20
            outline: {id: dc, version: 1}
            sections:
              II.2:
                indicators: {to_roi: 10, bang: 20, ty_le: 101, hoi_thi: "có", khac: 1}
              II.9: {narrative: Thêm}
            """)

        assert [
            "reports.yaml:10:3: error QT320: sections: section 'I' needs a narrative",
            "reports.yaml:10:3: error QT321: sections: indicator 'van_ban' of section 'II.1' is"
            " required",
            "reports.yaml:10:3: error QT324: sections: boards cannot outnumber leaflets"
            " (bang = 20, to_roi = 10)",
            'reports.yaml:11:47: error QT323: sections["II.2"].indicators.ty_le: 101 is outside'
            " the bounds 0..100",
            'reports.yaml:11:61: error QT322: sections["II.2"].indicators.hoi_thi: expected a'
            " value of type boolean, got 'có'",
            'reports.yaml:11:73: error QT325: sections["II.2"].indicators.khac: the outline has'
            " no indicator 'khac' here",
            'reports.yaml:12:9: error QT325: sections["II.9"]: the outline has no section'
            " 'II.9' here",
        ] == rendered(workspace(tmp_path, reports=text), tmp_path)

    def test_figures_with_more_digits_than_any_figure_are_out_of_range(self, tmp_path):
        """
        5,000 digits (more than int() reads), an exponent that no Decimal sum survives, and 31
        decimal places: each a number out of range (as in any other document), not a traceback.
        """
        huge = "1" * 5000
        text = report().replace(
            "{to_roi: 1000, bang: 20}",
            f"{{to_roi: {huge}, bang: 1e999999999, ty_le: 0.{'0' * 30}1}}",
        )
        beyond = "is out of range: a number has at most 30 digits before the point and 30 after it"

        assert [
            'reports.yaml:12:31: error QT111: sections["II.2"].indicators.to_roi:'
            f" '{'1' * 59}…' {beyond}",
            'reports.yaml:12:5039: error QT111: sections["II.2"].indicators.bang:'
            f" '1e999999999' {beyond}",
            'reports.yaml:12:5059: error QT111: sections["II.2"].indicators.ty_le:'
            f" '0.{'0' * 30}1' {beyond}",
        ] == rendered(workspace(tmp_path, reports=text), tmp_path)

    def test_text_under_a_section_without_text_is_a_warning(self, tmp_path):
        """
        A narrative under a section the outline marks ``narrative: none`` is a warning.
        """
        outline = OUTLINE.replace(
            "title: Kết quả thực hiện\n", "title: Kết quả thực hiện\n    narrative: none\n"
        )
        text = report(extra="  II: {narrative: Đã triển khai.}\n")

        assert [
            "reports.yaml:13:19: warning QT336: sections.II.narrative: section 'II' has no text of"
            " its own in the outline; write under its subsections",
        ] == rendered(workspace(tmp_path, outline=outline, reports=text), tmp_path)

    def test_a_report_must_come_from_a_unit_asked_to_report(self, tmp_path):
        """
        A report from a unit visited by the team, or from a unit outside the scope, is an error.
        """
        reports = report(unit="019") + "---\n" + report(unit="00611")

        assert [
            "reports.yaml:5:7: error QT326: unit: unit '019' is assigned the direct form in plan"
            " 'p'",
            "reports.yaml:18:7: error QT327: unit: unit '00611' is not in the scope of plan 'p'",
        ] == rendered(workspace(tmp_path, reports=reports), tmp_path)

    def test_of_two_reports_the_last_submitted_counts(self, tmp_path):
        """
        When a unit sends two reports, the one submitted last counts; the other is flagged.
        """
        reports = (
            report(id_="bc-021-a", submitted_on="2023-07-25")
            + "---\n"
            + report(id_="bc-021-b", submitted_on="2023-07-31")
        )

        assert [
            "reports.yaml:5:7: warning QT328: unit: unit '021' sent another report, 'bc-021-b',"
            " which counts instead of this one",
        ] == rendered(workspace(tmp_path, reports=reports), tmp_path)

    def test_another_edition_of_the_outline_is_an_issue(self, tmp_path):
        """
        A report written against another version or id of the outline is not checked against
        the current one; an edition changed without a new version is caught by its fingerprint.
        """
        other_version = report(id_="bc-a").replace("version: 1", "version: 2")
        other_id = report(id_="bc-b", unit="268").replace("id: dc,", "id: dc-cu,")
        edited = report(id_="bc-c", unit="277").replace(
            "version: 1", "version: 1, fingerprint: 0000000000000000"
        )
        reports = f"{other_version}---\n{other_id}---\n{edited}"

        assert [
            "reports.yaml:8:28: error QT330: outline.version: written against version 2 of"
            " outline 'dc', but the workspace has version 1; it is not checked or scored against"
            " another edition",
            "reports.yaml:21:15: error QT332: outline.id: written against outline 'dc-cu', but"
            " the plan uses 'dc'",
            "reports.yaml:34:44: error QT331: outline.fingerprint: outline 'dc' version 1 was"
            " changed after this was written (its fingerprint differs)",
        ] == rendered(workspace(tmp_path, reports=reports), tmp_path)

    def test_the_right_fingerprint_passes(self, tmp_path):
        """
        A report pinned with the outline's current fingerprint has no issue.
        """
        print_ = quytac.fingerprint(quytac.loads(OUTLINE))
        text = report().replace("version: 1", f"version: 1, fingerprint: {print_}")

        assert [] == rendered(workspace(tmp_path, reports=text), tmp_path)

    def test_a_self_assessment_needs_the_plan_to_ask_for_one(self, tmp_path):
        """
        Self-assessment answers in a plan without a self-assessment checklist are an error.
        """
        text = report(extra="self_assessment: {checklist: {id: kt, version: 1}}\n")

        assert [
            "reports.yaml:13:18: error QT334: self_assessment: plan 'p' has no checklist for"
            " these answers",
        ] == rendered(workspace(tmp_path, reports=text), tmp_path)

    def test_an_unknown_plan_is_an_issue(self, tmp_path):
        """
        A report names a plan of the workspace.
        """
        text = report().replace("plan: p", "plan: p-khac")

        assert [
            "reports.yaml:4:7: error QT310: plan: there is no plan 'p-khac' in the workspace",
        ] == rendered(workspace(tmp_path, reports=text), tmp_path)


class TestRecordIssues:
    def test_a_record_keeps_the_rules(self, tmp_path):
        """
        A record of a visited unit, in the period, with known model point types and figures of
        the direct outline, has no issue.
        """
        text = _record("""\
            outline: {id: dc, version: 1}
            figures: {to_roi: 51500, bang: 274}
            findings:
              strengths: [Duy trì 274 bảng quy tắc]
              model_points: [{type: tthc, name: Bộ phận một cửa, replicated: 3}]
            """)

        assert [] == rendered(workspace(tmp_path, records=text), tmp_path)

    def test_every_broken_rule_is_an_issue(self, tmp_path):
        """
        A record out of the period, of a unit that reports instead, with answers though the
        plan has no checklist, with unknown model point types and bad figures, is reported.
        """
        text = _record(
            """\
            answers: {I.1: pass}
            outline: {id: dc, version: 1}
            figures: {to_roi: nhiều, bang: -1}
            findings:
              model_points: [{type: cho-van-minh, name: Chợ}]
            """,
            unit="021",
            inspected_on="2023-10-01",
        )

        assert [
            "records.yaml:5:7: error QT326: unit: unit '021' is assigned the indirect form in"
            " plan 'p'",
            "records.yaml:6:15: error QT329: inspected_on: inspected on 2023-10-01, outside the"
            " plan's period 2023-07-01..2023-09-30",
            "records.yaml:7:10: error QT334: answers: plan 'p' has no checklist for these answers",
            "records.yaml:9:19: error QT322: figures.to_roi: expected a value of type integer,"
            " got 'nhiều'",
            "records.yaml:9:32: error QT323: figures.bang: -1 is outside the bounds 0..…",
            "records.yaml:11:25: error QT333: findings.model_points[0].type: 'cho-van-minh' is"
            " not a model point type of plan 'p'",
        ] == rendered(workspace(tmp_path, records=text), tmp_path)


class TestFrozenMap:
    def test_it_is_an_immutable_hashable_mapping(self):
        """
        FrozenMap compares equal to a dict with the same items, hashes, and cannot be changed.
        """
        figures = FrozenMap({"a": 1})

        assert {"a": 1} == figures
        assert hash(figures) == hash(FrozenMap([("a", 1)]))
        assert "FrozenMap({'a': 1})" == repr(figures)
        with pytest.raises(TypeError):
            figures["b"] = 2  # type: ignore[index]

    def test_documents_with_mappings_are_hashable(self):
        """
        Reports, like every model object, can be hashed (they hold no dicts).
        """
        loaded = quytac.loads(report())

        assert isinstance(loaded, Report)
        assert hash(loaded) == hash(quytac.loads(report()))
        assert isinstance(quytac.loads(OUTLINE), ReportOutline)


class TestAnswers:
    def test_answers_are_checked_against_the_pinned_checklist(self, tmp_path):
        """
        A record's answers, and a self-assessment's, are checked with the checklist's own rules
        once the pin matches; answers without a pin are an error.
        """
        records = (
            _record("""\
                checklist: {id: kt, version: 1}
                answers: {I.1: pass, I.9: 3}
                self_assessment:
                  checklist: {id: kt, version: 1}
                  answers: {I.1: maybe}
                """)
            + "---\n"
            + _record("answers: {I.1: pass}\n", id_="ktr-khac")
        )
        ws = workspace(tmp_path, plan=SCORED_PLAN, checklist=CHECKLIST, records=records)

        assert [
            "records.yaml:5:7: warning QT338: unit: unit '019' has another record, 'ktr-khac', of"
            " a later visit, which counts instead of this one",
            "records.yaml:8:27: error QT450: answers[\"I.9\"]: no item 'I.9' in checklist 'kt'",
            'records.yaml:11:18: error QT451: self_assessment.answers["I.1"]: expected pass or'
            " fail for a yes_no item, got 'maybe'",
            "records.yaml:13:1: error QT335: checklist: say which edition of checklist 'kt' this"
            " was written against ({id, version})",
        ] == rendered(ws, tmp_path)

    def test_issues_of_a_later_document_are_placed_in_it(self, tmp_path):
        """
        A missing key of the second document of a file is placed at that document, never at
        the same key of the first one.
        """
        records = (
            _record("checklist: {id: kt, version: 1}\n")
            + "---\n"
            + _record("answers: {I.1: pass}\n", id_="ktr-khac")
        )
        ws = workspace(tmp_path, plan=SCORED_PLAN, checklist=CHECKLIST, records=records)

        assert ["records.yaml:5:7: warning QT338", "records.yaml:9:1: error QT335"] == [
            line.split(": ")[0] + ": " + line.split(": ")[1] for line in rendered(ws, tmp_path)
        ]


class TestFingerprintMemo:
    def test_a_document_is_fingerprinted_once_while_it_lives(self, monkeypatch):
        """
        A synthesis checks one checklist's pin for every record: the fingerprint is reused.
        """
        checklist = quytac.example_workspace().all(quytac.Checklist)[0]
        calls = []

        def dumps(*args, **kwargs):
            calls.append(1)
            return json.dumps(*args, **kwargs)

        monkeypatch.setattr(fingerprints, "_RECENT", {})
        monkeypatch.setattr(fingerprints, "json", types.SimpleNamespace(dumps=dumps))

        first = quytac.fingerprint(checklist)
        again = quytac.fingerprint(checklist)

        assert first == again
        assert 1 == len(calls)


class TestOnePinDecision:
    """
    Whether a pin holds is decided in one place (quytac.validation.records.checked_pin), for validate and
    for every path that scores or totals: a pin it refuses is refused everywhere.
    """

    @pytest.fixture
    def refused(self, monkeypatch):
        """
        Every pin of a checklist refused, as if each edition had been edited (QT331).
        """
        from quytac import _messages  # noqa: PLC0415
        from quytac.checklists import Checklist  # noqa: PLC0415
        from quytac.validation import records  # noqa: PLC0415

        kept = records._pin_issues

        def refuse(path, pin, current, *, chosen):
            if not isinstance(current, Checklist):
                yield from kept(path, pin, current, chosen=chosen)
                return
            yield _messages.make(
                quytac.Issue,
                "QT331",
                (*path, "fingerprint"),
                what="checklist",
                what_vi="phiếu kiểm tra",
                id=repr(current.id),
                version=current.version,
            )

        monkeypatch.setattr(records, "_pin_issues", refuse)

    @pytest.mark.usefixtures("refused")
    def test_every_path_refuses_what_it_refuses(self, capsys):
        """
        validate reports it for each pin of a checklist; the synthesis scores no unit;
        iter_scores and score_records refuse; quytac score scores nothing and exits 1.
        """
        import datetime as dt  # noqa: PLC0415

        import quytac.cli  # noqa: PLC0415

        data = quytac.example_path()
        workspace = quytac.example_workspace()
        checklist = workspace.get(quytac.Checklist, "kt-co-quan-2023")
        records = f"{data}/round-2023/records.yaml"

        issues = [i for i in workspace.validate() if i.code == "QT331"]
        syn = quytac.synthesize(workspace, "hn-kt-qtux-2023", as_of=dt.date(2023, 8, 31))
        with pytest.raises(quytac.ScoreError):
            next(quytac.iter_scores(records, checklist))
        with pytest.raises(quytac.ScoreError):
            quytac.score_records(quytac.load_all(records), checklist)
        status = quytac.cli.main(
            ["score", records, f"{data}/round-2023/reports.yaml", "--workspace", data]
        )

        assert 9 == len(issues)
        assert [] == [r.unit.code for r in syn.units if r.appraised or r.self_assessed]
        assert (1, "đã đọc 39 hồ sơ: 0 đã chấm, 7 có lỗi, 32 không có câu trả lời") == (
            status,
            capsys.readouterr().out.splitlines()[-2],
        )


def rounds(n: int, plans: int) -> quytac.Workspace:
    """
    A catalog of n wards, ``plans`` plans whose team visits them all, and a record of each
    ward for one plan in turn (the records of the plans interleaved, as files named by unit
    are read).
    """
    wards = [
        quytac.Unit(code=f"{k + 1:05d}", name=Text(vi="Phường"), kind="phuong", parent="01")
        for k in range(n)
    ]
    city = quytac.Unit(code="01", name=Text(vi="Hà Nội"), kind="thanh_pho_tw")
    catalog = quytac.UnitCatalog(id="hn", title=Text(vi="Hà Nội"), units=(city, *wards))
    day = dt.date(2023, 8, 1)
    made = [
        quytac.InspectionPlan(
            id=f"p{k}",
            title=Text(vi="Kế hoạch"),
            legal_basis=quytac.LegalBasis(instrument="KH 1", issued_by="UBND", issued_on=day),
            period=quytac.Period(start=day, end=day),
            units="hn",
            standing_agency="01",
            scope=quytac.Scope(unit_kinds=("phuong",)),
            direct=quytac.DirectPart(team=Text(vi="Đoàn"), units=tuple(u.code for u in wards)),
        )
        for k in range(plans)
    ]
    records = [
        quytac.InspectionRecord(
            id=f"r{k}", plan=f"p{k % plans}", unit=f"{k + 1:05d}", inspected_on=day
        )
        for k in range(n)
    ]
    return quytac.Workspace.of(catalog, *made, *records)


class TestValidationGrowsLinearly:
    def test_records_of_many_plans(self):
        """
        Ten times the records of nine plans take about ten times the work (steps counted, not
        timed: tests/_steps.py): the records and the assignments of each plan are worked out
        once, however many plans there are.
        """

        def make(n):
            ws = rounds(n, 9)
            return ws.validate

        assert [] == list(rounds(18, 9).validate())
        assert_near_linear(make, 60)
