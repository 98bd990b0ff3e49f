"""
What a review of plans, reports, records and synthesis found, each with the rule that now holds:
pins of a record's figures, fingerprints, totals without bad figures, every issue of a unit,
two records of one unit, findings in the JSON, a roll-up of one kind of score, units of a code
over an era change, one rendering of numbers, illustrative examples, and clear errors.
"""

import datetime as dt
import textwrap
from fractions import Fraction
from pathlib import Path

import pytest

import quytac
from _cli import run
from _plans_data import CHECKLIST, PLAN, SCORED_PLAN, record, rendered, report, workspace
from quytac.render import json as render_json
from quytac.render import text as render_text
from quytac.render._numbers import percent_text

AS_OF = dt.date(2023, 8, 31)
ROOT = Path(__file__).parent.parent


def _record(body, unit="019", id_=None, inspected_on="2023-08-10"):
    return record(unit=unit, id_=id_, inspected_on=inspected_on, extra=textwrap.dedent(body))


class TestRecordFiguresArePinned:
    def test_figures_without_an_outline_pin_are_an_issue_and_not_totalled(self, tmp_path):
        """
        A record's figures must say which edition of the outline they follow; without it,
        they are an error and are left out of the totals.
        """
        ws = workspace(tmp_path, records=_record("figures: {to_roi: 51500}\n"))

        result = quytac.synthesize(ws, "p", as_of=AS_OF).units[3]

        assert [
            "records.yaml:1:1: error QT335: outline: say which edition of outline 'dc' this was"
            " written against ({id, version})"
        ] == rendered(ws, tmp_path)
        assert ({}, ("to_roi",)) == (dict(result.figures), result.figures_left_out)

    def test_figures_of_another_edition_are_neither_checked_nor_totalled(self, tmp_path):
        """
        Figures pinned to another version are an error; they are not checked against the
        current edition (no bound issue for -1) and not totalled.
        """
        ws = workspace(
            tmp_path,
            records=_record("outline: {id: dc, version: 2}\nfigures: {to_roi: 51500, bang: -1}\n"),
        )

        syn = quytac.synthesize(ws, "p", as_of=AS_OF)

        assert [
            "records.yaml:7:28: error QT330: outline.version: written against version 2 of"
            " outline 'dc', but the workspace has version 1; it is not checked or scored"
            " against another edition"
        ] == rendered(ws, tmp_path)
        assert ({}, ("bang", "to_roi")) == (
            dict(syn.units[3].figures),
            syn.units[3].figures_left_out,
        )
        assert ({}, 2) == (dict(syn.indicator_totals), syn.figures_left_out)

    def test_figures_of_the_pinned_edition_are_totalled(self, tmp_path):
        """
        With the pin right (and its fingerprint), the figures are checked and totalled.
        """
        ws = workspace(
            tmp_path, records=_record("outline: {id: dc, version: 1}\nfigures: {to_roi: 51500}\n")
        )

        syn = quytac.synthesize(ws, "p", as_of=AS_OF)

        assert [] == rendered(ws, tmp_path)
        assert {"to_roi": 51500} == dict(syn.units[3].figures)


class TestFingerprints:
    def test_a_pin_without_a_fingerprint_is_a_warning(self, tmp_path):
        """
        A pin with only id and version cannot tell an edited edition from the original one:
        a warning says so (the report is still checked and totalled).
        """
        ws = workspace(tmp_path, fingerprints=False, reports=report(unit="021"))

        assert [
            "reports.yaml:8:10: warning QT337: outline: the pin of outline 'dc' version 1 has no"
            " fingerprint, so an edit without a new version would go unnoticed; add"
            " fingerprint: (quytac.fingerprint)"
        ] == rendered(ws, tmp_path)
        assert {"van_ban": 8, "to_roi": 1000, "bang": 20} == dict(
            quytac.synthesize(ws, "p", as_of=AS_OF).indicator_totals
        )

    def test_an_edited_outline_is_caught_in_the_bundled_data(self, tmp_path):
        """
        Every pin of the bundled reports and records carries a fingerprint, so editing the
        outline without a new version makes them errors (QT331) and stops the totals.
        """
        data = Path(quytac.example_path())
        for path in data.rglob("*.yaml"):
            target = tmp_path / path.relative_to(data)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
        outline = tmp_path / "de-cuong-2023.yaml"
        outline.write_text(
            outline.read_text(encoding="utf-8").replace("Tờ rơi, tờ gấp", "Tờ rơi"),
            encoding="utf-8",
        )
        ws = quytac.Workspace.load(tmp_path)

        codes = {issue.code for issue in ws.validate()}
        syn = quytac.synthesize(ws, "hn-kt-qtux-2023", as_of=dt.date(2023, 9, 30))

        assert {"QT331"} == codes
        assert {} == dict(syn.indicator_totals)

    def test_the_bundled_pins_are_up_to_date(self):
        """
        ``quytac pin --check`` finds no pin to write in the bundled data.
        """
        data = str(ROOT / "src" / "quytac" / "data")

        done = run("pin", data, "--workspace", data, "--check", "--lang", "en")

        assert (0, "0 pins to write in 0 files\n0 errors, 0 warnings\n") == (
            done.returncode,
            done.stdout,
        )


class TestTotalsLeaveOutBadFigures:
    def test_figures_out_of_bounds_or_in_a_broken_rule_are_left_out(self, tmp_path):
        """
        A figure out of bounds (ty_le 101 %) and the figures of a broken rule (bang 2000 >
        to_roi 1000) are not totalled; the synthesis counts them.
        """
        bad = report(unit="021").replace(
            "II.2: {indicators: {to_roi: 1000, bang: 20}}",
            "II.2: {indicators: {to_roi: 1000, bang: 2000, ty_le: 101}}",
        )
        ws = workspace(tmp_path, reports=bad + "---\n" + report(unit="268"))

        syn = quytac.synthesize(ws, "p", as_of=AS_OF)
        data = render_json.synthesis(syn, "en")

        assert {"van_ban": "16", "to_roi": "1000", "bang": "20"} == data["summary"][
            "indicator_totals"
        ]
        assert 3 == data["summary"]["figures_left_out"]
        assert ["bang", "to_roi", "ty_le"] == data["units"][1]["figures_left_out"]
        assert "Figures left out of the totals (with issues): 3" in render_text.plain(syn, "en")


class TestEveryIssueOfAUnit:
    def test_documents_that_do_not_count_bring_their_issues(self, tmp_path):
        """
        A report from a visited unit (QT326), a second report (QT328) and a report from a unit
        outside the scope (QT327) all reach the synthesis: the first two with their unit, the
        third in the list of documents outside the scope.
        """
        reports = "---\n".join(
            [
                report(unit="019", id_="bc-019"),
                report(unit="021", id_="bc-021-a", submitted_on="2023-07-20"),
                report(unit="021", id_="bc-021-b", submitted_on="2023-07-25"),
                report(unit="00611", id_="bc-00611"),
            ]
        )
        ws = workspace(tmp_path, reports=reports)

        syn = quytac.synthesize(ws, "p", as_of=AS_OF)
        by_code = {r.unit.code: [(i.code, i.line) for i in r.issues] for r in syn.units}
        data = render_json.synthesis(syn, "en")

        assert [("QT326", 5)] == by_code["019"]
        assert [("QT328", 18)] == by_code["021"]
        assert [("Report", "bc-00611", "00611", ["QT327"])] == [
            (o["kind"], o["document"], o["code"], [i["code"] for i in o["issues"]])
            for o in data["outside_scope"]
        ]
        assert "Outside the scope: bc-00611 (00611), 1 issues" in render_text.plain(syn, "en")


class TestTwoRecordsOfOneUnit:
    def test_the_later_visit_counts_and_the_earlier_is_a_warning(self, tmp_path):
        """
        Like reports, the record of the later visit counts; the earlier one is kept with a
        warning, which the unit's issues carry.
        """
        records = (
            _record("findings: {strengths: [Lần một]}\n", id_="ktr-1", inspected_on="2023-08-01")
            + "---\n"
            + _record("findings: {strengths: [Lần hai]}\n", id_="ktr-2", inspected_on="2023-08-20")
        )
        ws = workspace(tmp_path, records=records)

        result = quytac.synthesize(ws, "p", as_of=AS_OF).units[3]

        assert [
            "records.yaml:5:7: warning QT338: unit: unit '019' has another record, 'ktr-2', of a"
            " later visit, which counts instead of this one"
        ] == rendered(ws, tmp_path)
        assert ("ktr-2", ("Lần hai",), ["QT338"]) == (
            result.record.id,
            tuple(t.vi for t in result.findings.strengths),
            [i.code for i in result.issues],
        )


class TestErasInOnePeriod:
    def test_every_unit_of_a_reused_code_is_in_scope(self, tmp_path):
        """
        A period over the 2025 change keeps 00070 Phường Hàng Trống (to 2025-06-30) and 00070
        Phường Hoàn Kiếm (from 2025-07-01); each document goes to the unit of its day.
        """
        catalog = textwrap.dedent("""\
            kind: UnitCatalog
            schema: quytac/v1
            id: hn
            title: Hà Nội
            units:
              - {code: "01", name: Thành phố Hà Nội, kind: thanh_pho_tw}
              - {code: so-vhtt, name: Sở Văn hóa và Thể thao, kind: so, parent: "01"}
              - {code: "00070", name: Phường Hàng Trống, kind: phuong, parent: "01", valid_to: 2025-06-30}
              - {code: "00070", name: Phường Hoàn Kiếm, kind: phuong, parent: "01", valid_from: 2025-07-01}
            """)
        plan = (
            PLAN.replace(
                "period: {start: 2023-07-01, end: 2023-09-30}",
                "period: {start: 2025-06-01, end: 2025-07-31}",
            )
            .replace("scope: {unit_kinds: [quan, huyen]}", "scope: {unit_kinds: [phuong]}")
            .replace('units: ["019"]}', "units: []}")
            .replace("due_before: 2023-07-30", "due_before: 2025-07-30")
        )
        ws = workspace(
            tmp_path,
            catalog=catalog,
            plan=plan,
            reports=report(unit="00070", submitted_on="2025-07-10"),
        )
        parsed = ws.get(quytac.UnitCatalog, "hn")
        loaded = ws.get(quytac.InspectionPlan, "p")

        syn = quytac.synthesize(ws, "p", as_of=dt.date(2025, 7, 31))

        assert ["Phường Hàng Trống", "Phường Hoàn Kiếm"] == [
            u.name.vi for u in loaded.existing_units(parsed)["00070"]
        ]
        assert [
            ("Phường Hàng Trống", quytac.UnitStatus.MISSING),
            ("Phường Hoàn Kiếm", quytac.UnitStatus.ON_TIME),
        ] == [(r.unit.name.vi, r.status) for r in syn.units]


class TestOneRenderingOfNumbers:
    def test_percent_text_is_the_rounding_of_scores(self):
        """
        A percent is shown rounded by the declared rule, without trailing zeros, in the
        ranking, the roll-up and the units alike: 26489/300 is 88.3, not 88.30.
        """
        assert ["88.3", "66.67", "-33.33", "-19.5", "80"] == [
            percent_text(Fraction(26489, 300)),
            percent_text(Fraction(200, 3)),
            percent_text(Fraction(-100, 3)),
            percent_text(Fraction(-39, 2)),
            percent_text(Fraction(80)),
        ]

    def test_ranking_shows_what_the_unit_shows(self):
        """
        In the bundled 2023 synthesis, each ranked unit's percent is the text of its score.
        """
        data = render_json.synthesis(
            quytac.synthesize(
                quytac.example_workspace(), "hn-kt-qtux-2023", as_of=dt.date(2023, 9, 30)
            )
        )
        units = {
            u["code"]: (u["appraised"] or u["self"])["percent"]
            for u in data["units"]
            if u["appraised"] or u["self"]
        }

        assert units == {r["code"]: r["percent"] for r in data["ranking"]}

    def test_a_difference_is_a_decimal_with_its_exact_fraction(self, tmp_path):
        """
        The agreement's difference is a decimal string, rounded by the checklist's rule when
        it has no finite decimal (-100/3: -33.33), with the exact fraction beside it.
        """
        checklist = CHECKLIST + (
            "      - {id: I.3, text: Có hội thi, answer: yes_no, points: 10}\n"
        )
        records = record(
            extra=textwrap.dedent("""\
                checklist: {id: kt, version: 1}
                answers: {I.1: pass, I.2: 5, I.3: fail}
                self_assessment:
                  checklist: {id: kt, version: 1}
                  answers: {I.1: pass, I.2: 5, I.3: pass}
                """)
        )
        ws = workspace(tmp_path, plan=SCORED_PLAN, checklist=checklist, records=records)

        unit = render_json.synthesis(quytac.synthesize(ws, "p", as_of=AS_OF), "en")["units"][3]

        assert {
            "agreeing": 2,
            "compared": 3,
            "difference": "-33.33",
            "difference_exact": "-100/3",
        } == unit["agreement"]


class TestIllustrativeExamples:
    def test_the_bundled_rounds_say_they_are_illustrative(self):
        """
        The example plans, and the invented reports and records of 2023, are marked
        illustrative in the data, and the synthesis shows it.
        """
        ws = quytac.example_workspace()

        syn = quytac.synthesize(ws, "hn-kt-qtux-2023", as_of=dt.date(2023, 9, 30))
        data = render_json.synthesis(syn)

        assert data["illustrative"] is True
        assert {True} == {u["illustrative"] for u in data["units"] if u["document"]}
        assert render_text.plain(syn, "en").splitlines()[0].endswith(" [illustrative]")
        assert render_text.plain(syn, "vi").splitlines()[0].endswith(" [minh họa]")


class TestBundledFacts:
    def test_son_tay_s_documents_of_2022_are_not_totalled_as_the_period_s(self):
        """
        Sơn Tây's 8 documents of the first nine months of 2022 are not filed as documents of
        the 09-10/2022 round: the round's van_ban_chi_dao total has nothing from Sơn Tây.
        """
        syn = quytac.synthesize(
            quytac.example_workspace(), "hn-kt-qtux-2022", as_of=dt.date(2022, 10, 31)
        )

        assert {
            "van_ban_tu_2017": "105",
            "to_roi": "51500",
            "bang_quy_tac": "274",
            "hoi_thao": "2",
            "quay_tiep_nhan": "17",
        } == render_json.synthesis(syn)["summary"]["indicator_totals"]

    def test_every_invented_model_point_says_so(self):
        """
        Every model point of the 2022 records is attributed for illustration and says
        "(minh họa)", Bắc Từ Liêm's included.
        """
        syn = quytac.synthesize(
            quytac.example_workspace(), "hn-kt-qtux-2022", as_of=dt.date(2022, 10, 31)
        )

        assert [] == [
            m.point.name.vi for m in syn.model_points if "(minh họa)" not in m.point.name.vi
        ]


class TestClearErrors:
    def test_a_negative_replicated_count_is_refused(self):
        """
        ``replicated`` counts replications: -1 is a problem at its key.
        """
        text = _record("findings:\n  model_points: [{type: tthc, name: Chợ, replicated: -1}]\n")

        with pytest.raises(quytac.LoadError) as ei:
            quytac.loads(text, source="r.yaml")

        assert [
            "r.yaml:8:54: error QT106: findings.model_points[0].replicated: must be at least 0,"
            " got -1"
        ] == [str(p) for p in ei.value.problems]

    @pytest.mark.parametrize(
        ("as_of", "expected"),
        [
            ("2023-08-31", "TypeError: as_of must be a datetime.date, got str '2023-08-31'"),
            (
                dt.datetime(2023, 8, 31, 12, 0, tzinfo=dt.UTC),
                "TypeError: as_of must be a datetime.date, got datetime"
                " datetime.datetime(2023, 8, 31, 12, 0, tzinfo=datetime.timezone.utc)"
                " (use .date())",
            ),
        ],
    )
    def test_as_of_must_be_a_date(self, tmp_path, as_of, expected):
        """
        A text or a datetime for ``as_of`` is refused with a message that says what is needed.
        """
        ws = workspace(tmp_path)

        with pytest.raises(TypeError) as ei:
            quytac.synthesize(ws, "p", as_of=as_of)

        assert expected == ei.exconly()
