"""
The synthesis of a plan: statuses on a date, scores, totals, findings and the roll-up.
"""

import datetime as dt
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import quytac
from _pins import edited_example
from _plans_data import (
    CATALOG,
    CHECKLIST,
    OUTLINE,
    SCORED_PLAN,
    record,
    report,
    workspace,
)
from _strategies_plans import DAYS, DUE, UNITS, rounds
from quytac import Form, UnitStatus
from quytac.render import json as render_json
from quytac.render import text as render_text

AS_OF = dt.date(2023, 8, 31)

RECORD = record(
    extra="""\
checklist: {id: kt, version: 1}
answers: {I.1: pass, I.2: 3}
self_assessment:
  checklist: {id: kt, version: 1}
  answers: {I.1: pass, I.2: 5}
outline: {id: dc, version: 1}
figures: {to_roi: 51500, bang: 274}
findings:
  strengths: [Duy trì 274 bảng quy tắc]
  limitations: [Một số bảng đã cũ]
  model_points: [{type: tthc, name: Bộ phận một cửa, replicated: 3}]
"""
)
SELF_60 = """\
self_assessment:
  checklist: {id: kt, version: 1}
  answers: {I.1: pass, I.2: 1}
"""


def _round(tmp_path, *, reports=None, records=RECORD, plan=SCORED_PLAN):
    if reports is None:
        reports = (
            report(unit="021", submitted_on="2023-07-29", extra=SELF_60)
            + "---\n"
            + report(unit="268", submitted_on="2023-07-30")
        )
    return workspace(tmp_path, plan=plan, checklist=CHECKLIST, records=records, reports=reports)


class TestExactSynthesis:
    def test_statuses_scores_and_order(self, tmp_path):
        """
        Units come in Vietnamese alphabetical order, each with its form, status and scores:
        a report the day before the deadline is on time, one on the deadline late, none past
        the deadline missing; the visited unit is scored by the team and by itself.
        """
        syn = quytac.synthesize(_round(tmp_path), "p", as_of=AS_OF)

        assert [
            ("277", Form.INDIRECT, UnitStatus.MISSING, None, None),
            ("021", Form.INDIRECT, UnitStatus.ON_TIME, None, Fraction(60)),
            ("268", Form.INDIRECT, UnitStatus.LATE, None, None),
            ("019", Form.DIRECT, UnitStatus.INSPECTED, Fraction(80), Fraction(100)),
        ] == [
            (
                r.unit.code,
                r.form,
                r.status,
                r.appraised and r.appraised.percent,
                r.self_assessed and r.self_assessed.percent,
            )
            for r in syn.units
        ]

    def test_the_json_is_the_documented_shape(self, tmp_path):
        """
        The JSON carries the plan, the date, each unit and the summary, numbers as text.
        """
        data = render_json.synthesis(quytac.synthesize(_round(tmp_path), "p", as_of=AS_OF), "en")

        assert {
            "code": "019",
            "name": "Quận Nam Từ Liêm",
            "assignment": "direct",
            "status": "inspected",
            "document": "ktr-019",
            "illustrative": False,
            "appraised": {"percent": "80", "exact": "80", "band": "tot"},
            "self": {"percent": "100", "exact": "100", "band": "tot"},
            "agreement": {
                "agreeing": 1,
                "compared": 2,
                "difference": "-20",
                "difference_exact": "-20",
            },
            "figures": {"to_roi": "51500", "bang": "274"},
            "figures_left_out": [],
            "findings": {
                "strengths": ["Duy trì 274 bảng quy tắc"],
                "limitations": ["Một số bảng đã cũ"],
                "recommendations": [],
                "model_points": [{"type": "tthc", "name": "Bộ phận một cửa", "replicated": 3}],
            },
            "issues": [],
        } == data["units"][3]
        assert {
            "by_status": {
                "inspected": 1,
                "not_inspected": 0,
                "on_time": 1,
                "late": 1,
                "missing": 1,
                "not_due": 0,
            },
            "by_band": {"kha": 1, "tot": 1},
            "indicator_totals": {"van_ban": "16", "to_roi": "53500", "bang": "314"},
            "figures_left_out": 0,
        } == data["summary"]
        assert (1, "p", "2023-08-31", False) == (
            data["format_version"],
            data["plan"],
            data["as_of"],
            data["illustrative"],
        )
        assert [] == data["outside_scope"]
        assert [
            {
                "rank": 1,
                "code": "019",
                "percent": "80",
                "exact": "80",
                "band": "tot",
                "appraised": True,
            },
            {
                "rank": 2,
                "code": "021",
                "percent": "60",
                "exact": "60",
                "band": "kha",
                "appraised": False,
            },
        ] == data["ranking"]
        assert [
            {
                "code": "01",
                "policy": "mean",
                "scores": "appraised",
                "percent": "80",
                "exact": "80",
                "scored": 1,
            }
        ] == data["roll_up"]
        assert ["268"] == data["late"]
        assert ["277"] == data["missing"]

    def test_ranking_findings_and_roll_up(self, tmp_path):
        """
        The ranking puts the best score first (the team's before the unit's own); model points
        and limitations are listed with their unit; the city rolls up the appraised scores of
        its units (the one unit appraised), never the units' own.
        """
        syn = quytac.synthesize(_round(tmp_path), "p", as_of=AS_OF)

        assert [(1, "019", Fraction(80), True), (2, "021", Fraction(60), False)] == [
            (r.rank, r.unit.code, r.percent, r.appraised) for r in syn.ranking
        ]
        assert [("tthc", "019", "Bộ phận một cửa", 3)] == [
            (m.type.id, m.unit.code, m.point.name.vi, m.point.replicated) for m in syn.model_points
        ]
        assert [("019", "Một số bảng đã cũ")] == [(f.unit.code, f.text.vi) for f in syn.limitations]
        assert [("01", Fraction(80), 1, quytac.RollUpScores.APPRAISED)] == [
            (r.unit.code, r.percent, r.scored, r.scores) for r in syn.roll_up
        ]

    @pytest.mark.parametrize(
        ("policy", "expected"),
        [("mean", Fraction(80)), ("worst", Fraction(60)), ("pooled", Fraction(80))],
    )
    def test_roll_up_policies(self, tmp_path, policy, expected):
        """
        The plan chooses how scores roll up: mean of percents, lowest percent, or pooled points;
        and which scores: here the units' own (100 and 60; points 20/20 and 12/20).
        """
        plan = SCORED_PLAN + f"roll_up: {policy}\nroll_up_scores: self_assessed\n"

        syn = quytac.synthesize(_round(tmp_path, plan=plan), "p", as_of=AS_OF)

        assert [("01", expected, 2, quytac.RollUpScores.SELF_ASSESSED)] == [
            (r.unit.code, r.percent, r.scored, r.scores) for r in syn.roll_up
        ]

    def test_roll_up_along_the_hierarchy(self, tmp_path):
        """
        The mean is taken level by level: a district's value is the mean of its wards' (50 and
        100: 75), and the city's the mean of its children's values (80 for Nam Từ Liêm, 75 for
        Bắc Từ Liêm: 77.5, not 230/3, the flat mean of the three scores); the district's own
        self-assessment (60) is not mixed in.
        """
        plan = SCORED_PLAN.replace(
            "scope: {unit_kinds: [quan, huyen]}",
            'scope: {unit_kinds: [quan, huyen], units: ["00611", "00614"]}',
        ).replace('units: ["019"]}', 'units: ["019", "00611", "00614"]}')
        wards = (
            record(
                unit="00611",
                extra="checklist: {id: kt, version: 1}\nanswers: {I.1: fail, I.2: 5}\n",
            )
            + "---\n"
            + record(
                unit="00614",
                extra="checklist: {id: kt, version: 1}\nanswers: {I.1: pass, I.2: 5}\n",
            )
        )
        ws = workspace(
            tmp_path,
            catalog=CATALOG
            + '  - {code: "00614", name: Phường Cổ Nhuế 2, kind: phuong, parent: "021"}\n',
            plan=plan,
            checklist=CHECKLIST.replace("[quan, huyen]", "[quan, huyen, phuong]"),
            records=RECORD + "---\n" + wards,
            reports=report(unit="021", submitted_on="2023-07-29", extra=SELF_60),
        )

        syn = quytac.synthesize(ws, "p", as_of=AS_OF)

        assert [("021", Fraction(75), 2, "75"), ("01", Fraction(155, 2), 3, "77.5")] == [
            (r.unit.code, r.percent, r.scored, r.shown()) for r in syn.roll_up
        ]

    def test_a_scored_child_counts_with_its_own_score(self, tmp_path):
        """
        With the units' own scores rolled up, a district that scored itself counts with its
        own score (60) for the city, whatever is under it; the city: mean of 100 and 60.
        """
        plan = (
            SCORED_PLAN.replace(
                "scope: {unit_kinds: [quan, huyen]}",
                'scope: {unit_kinds: [quan, huyen], units: ["00611"]}',
            ).replace('units: ["019"]}', 'units: ["019", "00611"]}')
            + "roll_up_scores: self_assessed\n"
        )
        ward = record(
            unit="00611",
            extra=(
                "self_assessment:\n  checklist: {id: kt, version: 1}\n"
                "  answers: {I.1: fail, I.2: 0}\n"
            ),
        )
        ws = workspace(
            tmp_path,
            plan=plan,
            checklist=CHECKLIST.replace("[quan, huyen]", "[quan, huyen, phuong]"),
            records=RECORD + "---\n" + ward,
            reports=report(unit="021", submitted_on="2023-07-29", extra=SELF_60),
        )

        syn = quytac.synthesize(ws, "p", as_of=AS_OF)

        assert [("021", Fraction(0), 1), ("01", Fraction(80), 2)] == [
            (r.unit.code, r.percent, r.scored) for r in syn.roll_up
        ]

    def test_the_text_table(self, tmp_path):
        """
        The text rendering is a table of units and a summary.
        """
        syn = quytac.synthesize(_round(tmp_path), "p", as_of=AS_OF)

        assert (
            "Kế hoạch kiểm tra (p), 2023-08-31\n"
            "Unit                    Form      Status     Appraised  Self     Issues\n"
            "Huyện Chương Mỹ (277)   indirect  missing    -          -        0\n"
            "Quận Bắc Từ Liêm (021)  indirect  on_time    -          60 Khá   0\n"
            "Quận Hà Đông (268)      indirect  late       -          -        0\n"
            "Quận Nam Từ Liêm (019)  direct    inspected  80 Tốt     100 Tốt  0\n"
            "By status: inspected: 1, on_time: 1, late: 1, missing: 1\n"
            "By band: kha: 1, tot: 1\n"
            "Indicator totals: van_ban = 16, to_roi = 53500, bang = 314\n"
            "Model point: Một cửa văn minh: Bộ phận một cửa (Quận Nam Từ Liêm)\n"
            "Limitation: Một số bảng đã cũ (Quận Nam Từ Liêm)\n"
            "Late: Quận Hà Đông\n"
            "Missing: Huyện Chương Mỹ\n"
            "Roll-up: Thành phố Hà Nội: 80 (mean, appraised, 1)\n"
        ) == render_text.plain(syn, "en")


class TestDeadline:
    @pytest.mark.parametrize(
        ("submitted_on", "expected"),
        [
            ("2023-07-28", UnitStatus.ON_TIME),
            ("2023-07-29", UnitStatus.ON_TIME),
            ("2023-07-30", UnitStatus.LATE),
            ("2023-08-15", UnitStatus.LATE),
        ],
    )
    def test_a_report_dated_on_the_due_date_is_late(self, tmp_path, submitted_on, expected):
        """
        "Before 30 July": a report dated 29 July is on time, one dated 30 July is late.
        """
        ws = _round(tmp_path, reports=report(unit="021", submitted_on=submitted_on))

        syn = quytac.synthesize(ws, "p", as_of=AS_OF)

        assert expected == {r.unit.code: r.status for r in syn.units}["021"]

    @pytest.mark.parametrize(
        ("as_of", "expected"),
        [
            (dt.date(2023, 7, 29), UnitStatus.NOT_DUE),
            (dt.date(2023, 7, 30), UnitStatus.MISSING),
        ],
    )
    def test_without_a_report_a_unit_is_missing_from_the_due_date(self, tmp_path, as_of, expected):
        """
        Without a report, a unit is not yet due the day before the deadline, and missing on it.
        """
        syn = quytac.synthesize(_round(tmp_path, reports=""), "p", as_of=as_of)

        assert expected == {r.unit.code: r.status for r in syn.units}["021"]

    def test_documents_after_the_date_are_not_yet_known(self, tmp_path):
        """
        A report submitted, or a visit made, after the synthesis date does not count yet.
        """
        ws = _round(tmp_path, reports=report(unit="021", submitted_on="2023-07-20"))

        syn = quytac.synthesize(ws, "p", as_of=dt.date(2023, 7, 19))

        assert [UnitStatus.NOT_DUE, UnitStatus.NOT_DUE, UnitStatus.NOT_DUE] == [
            r.status for r in syn.units if r.form is Form.INDIRECT
        ]
        assert UnitStatus.NOT_INSPECTED == syn.units[-1].status

    def test_a_late_correction_keeps_the_unit_on_time(self, tmp_path):
        """
        The last report counts for its content, the first for timeliness.
        """
        reports = (
            report(unit="021", submitted_on="2023-07-20", id_="bc-a")
            + "---\n"
            + report(unit="021", submitted_on="2023-08-02", id_="bc-b", extra=SELF_60)
        )

        result = quytac.synthesize(_round(tmp_path, reports=reports), "p", as_of=AS_OF).units[1]

        assert (UnitStatus.ON_TIME, "bc-b", Fraction(60)) == (
            result.status,
            result.report.id,
            result.self_assessed.percent,
        )


class TestEditions:
    def test_answers_to_another_edition_are_not_scored(self, tmp_path):
        """
        A record pinned to another version of the checklist is not scored; the issue says why.
        """
        records = RECORD.replace(
            "checklist: {id: kt, version: 1}\nanswers", "checklist: {id: kt, version: 2}\nanswers"
        )

        result = quytac.synthesize(_round(tmp_path, records=records), "p", as_of=AS_OF).units[3]

        assert result.appraised is None
        assert ["QT330"] == [issue.code for issue in result.issues]

    def test_a_self_assessment_of_another_edition_is_not_scored(self, tmp_path):
        """
        A report whose self-assessment is pinned to another version: no self-assessed score,
        QT330 at the pin's version.
        """
        reports = report(
            unit="021", submitted_on="2023-07-29", extra=SELF_60.replace("version: 1", "version: 2")
        )

        result = quytac.synthesize(_round(tmp_path, reports=reports), "p", as_of=AS_OF).units[1]

        assert (None, [("QT330", ("self_assessment", "checklist", "version"))]) == (
            result.self_assessed,
            [(issue.code, issue.path) for issue in result.issues],
        )

    def test_an_edited_checklist_scores_no_unit(self, tmp_path):
        """
        The bundled checklist reworded without a new version: no unit gets a score (the team's
        or its own), none is banded or ranked, and each unit with answers has the QT331 issues
        that validate gives, at the same places.
        """
        data = edited_example(tmp_path)
        workspace = quytac.Workspace.load(data)
        validated = {(i.source, i.line, i.column, i.code) for i in workspace.validate()}

        syn = quytac.synthesize(workspace, "hn-kt-qtux-2023", as_of=AS_OF)

        assert ([], {}, ()) == (
            [r.unit.code for r in syn.units if r.appraised or r.self_assessed],
            dict(syn.by_band),
            syn.ranking,
        )
        found = [(r.unit.code, i.code) for r in syn.units for i in r.issues]
        assert 9 == len(found)
        assert {"QT331"} == {code for _, code in found}
        assert {(i.source, i.line, i.column, i.code) for r in syn.units for i in r.issues} == (
            validated
        )

    def test_answers_that_do_not_fit_are_issues(self, tmp_path):
        """
        Answers the checklist does not know are issues of the record, at their place.
        """
        records = RECORD.replace("answers: {I.1: pass, I.2: 3}", "answers: {I.1: pass, I.9: 3}")

        result = quytac.synthesize(_round(tmp_path, records=records), "p", as_of=AS_OF).units[3]

        assert ["records.yaml:8:27"] == [
            f"{i.source.rsplit('/', 1)[-1]}:{i.line}:{i.column}" for i in result.issues
        ]
        assert result.appraised.percent is None


class TestErrors:
    def test_an_unknown_plan(self, tmp_path):
        """
        Synthesising a plan that is not in the workspace raises SynthesisError.
        """
        with pytest.raises(quytac.SynthesisError, match="there is no plan 'nope'"):
            quytac.synthesize(_round(tmp_path), "nope", as_of=AS_OF)


# --- properties -------------------------------------------------------------------------------


def _documents(reports):
    texts = [CATALOG, OUTLINE, SCORED_PLAN, CHECKLIST]
    texts += [
        report(unit=unit, submitted_on=day.isoformat(), id_=f"bc-{n}")
        for n, (unit, day) in enumerate(reports)
    ]
    return [quytac.loads(text) for text in texts]


def _statuses(documents, as_of):
    syn = quytac.synthesize(quytac.Workspace.of(*documents), "p", as_of=as_of)
    return {r.unit.code: r.status for r in syn.units}


class TestProperties:
    @given(rounds(), st.sampled_from(UNITS), DAYS)
    def test_adding_a_report_never_changes_another_units_status(self, drawn, unit, day):
        """
        A new report from one unit leaves every other unit's status as it was.
        """
        reports, as_of = drawn
        before = _statuses(_documents(reports), as_of)

        after = _statuses(_documents([*reports, (unit, day)]), as_of)

        assert {k: v for k, v in before.items() if k != unit} == {
            k: v for k, v in after.items() if k != unit
        }

    @given(rounds(), st.randoms(use_true_random=False))
    def test_the_order_of_the_documents_does_not_matter(self, drawn, rng):
        """
        The synthesis is the same whatever the order the documents were read in.
        """
        reports, as_of = drawn
        documents = _documents(reports)
        shuffled = list(documents)
        rng.shuffle(shuffled)

        first = quytac.synthesize(quytac.Workspace.of(*documents), "p", as_of=as_of)
        second = quytac.synthesize(quytac.Workspace.of(*shuffled), "p", as_of=as_of)

        assert render_json.synthesis(first) == render_json.synthesis(second)
        assert render_text.plain(first) == render_text.plain(second)

    @given(rounds())
    def test_statuses_follow_the_deadline(self, drawn):
        """
        A unit is on time exactly when its first report known is dated before the deadline.
        """
        reports, as_of = drawn

        statuses = _statuses(_documents(reports), as_of)

        for unit in UNITS:
            known = sorted(day for u, day in reports if u == unit and day <= as_of)
            if known:
                expected = UnitStatus.ON_TIME if known[0] < DUE else UnitStatus.LATE
            else:
                expected = UnitStatus.MISSING if as_of >= DUE else UnitStatus.NOT_DUE
            assert expected == statuses[unit]


def test_indicator_totals_are_exact_for_figures_of_30_digits(tmp_path):
    """
    A Decimal sum in Python's default context keeps 28 digits: 10**30 - 1 + 21 would be
    1.000000000000000000000000000E+30. The totals keep every digit.
    """
    reports = (
        report(unit="021").replace("to_roi: 1000", "to_roi: " + "9" * 30)
        + "---\n"
        + report(unit="268").replace("to_roi: 1000", "to_roi: 21")
    )
    ws = workspace(tmp_path, reports=reports)

    synthesis = quytac.synthesize(ws, "p", as_of=AS_OF)

    assert "1" + "0" * 28 + "20" == str(synthesis.indicator_totals["to_roi"])
