"""
quytac.strategies: valid by construction, and reachable through st.from_type.
"""

import importlib
import importlib.metadata
import subprocess
import sys

import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st

import _quytac_hypothesis as hook
import quytac
from quytac import strategies
from quytac.validation.reports import report_content_issues


def exists(strategy, condition):
    """
    An example of the strategy that meets the condition, the first one drawn.

    Not shrunk (shrinking a whole record to the smallest that holds a part took up to half a
    minute) and not taken from the example database, so a test is as fast on a fresh checkout
    as on one that ran before; up to 1,000 examples are drawn, whatever the profile.
    """
    return find(
        strategy,
        condition,
        settings=settings(phases=[Phase.generate], database=None, max_examples=1000),
    )


class TestValidByConstruction:
    @given(strategies.unit_catalogs())
    def test_unit_catalogs_have_no_issues(self, catalog):
        """
        Generated catalogs load back equal and validate with no issue.
        """
        assert catalog == quytac.loads(quytac.dumps(catalog))
        assert () == quytac.Workspace.of(catalog).validate()

    @given(strategies.conduct_codes())
    def test_conduct_codes_have_no_issues(self, code):
        """
        Generated codes load back equal and validate with no issue.
        """
        assert code == quytac.loads(quytac.dumps(code))
        assert () == quytac.Workspace.of(code).validate()


class TestPlugin:
    @given(st.from_type(quytac.UnitCatalog), st.from_type(quytac.ConductCode))
    def test_from_type_builds_documents(self, catalog, code):
        """
        The Hypothesis entry point registers the strategies for the document classes.
        """
        assert isinstance(catalog, quytac.UnitCatalog)
        assert isinstance(code, quytac.ConductCode)

    @pytest.mark.parametrize(
        "cls",
        [
            quytac.Checklist,
            quytac.ReportOutline,
            quytac.Report,
            quytac.InspectionRecord,
            quytac.InspectionPlan,
            quytac.Workspace,
        ],
    )
    def test_from_type_builds_every_kind(self, cls):
        """
        st.from_type works for checklists, outlines, reports, records, plans and workspaces too.
        """

        @settings(max_examples=5)
        @given(st.from_type(cls))
        def built(value):
            assert isinstance(value, cls)

        built()

    def test_importing_hypothesis_does_not_import_quytac(self):
        """
        Hypothesis' entry point loads a hook that imports nothing of quytac.
        """
        code = (
            "import sys, hypothesis; "
            "print(sorted(m for m in sys.modules if m.partition('.')[0] == 'quytac'))"
        )

        assert "[]\n" == _run(code)

    @pytest.mark.parametrize(
        "imports",
        ["import hypothesis, quytac", "import quytac, hypothesis"],
        ids=["after", "before"],
    )
    def test_from_type_works_with_quytac_imported_either_side_of_hypothesis(self, imports):
        """
        The strategies are registered whichever of the two is imported first, and lazily:
        quytac.strategies is imported by the first st.from_type that needs it.
        """
        code = f"""{imports}
import sys
from hypothesis import HealthCheck, given, settings, strategies as st
print("quytac.strategies" in sys.modules)
names = []
for name in {_FROM_TYPE!r}:
    @settings(max_examples=1, database=None, suppress_health_check=list(HealthCheck))
    @given(st.from_type(getattr(quytac, name)))
    def built(value):
        names.append(type(value).__name__)
    built()
print(" ".join(names))
print("quytac.strategies" in sys.modules)
"""

        assert f"False\n{' '.join(_FROM_TYPE)}\nTrue\n" == _run(code)

    def test_the_hook_registers_every_type_the_strategies_build(self):
        """
        The hook's list of types (it cannot import them) is the strategies' own.
        """
        listed = {getattr(importlib.import_module(module), name) for module, name in hook.TYPES}

        assert set(strategies._BY_TYPE) == listed
        assert sorted(_FROM_TYPE) == sorted(name for _, name in hook.TYPES)

    def test_the_old_entry_point_still_loads(self):
        """
        An install whose metadata still names quytac.strategies' hook (made before it moved)
        keeps working until it is reinstalled.
        """
        old = importlib.metadata.EntryPoint(
            name="_", value="quytac.strategies:_hypothesis_setup_hook", group="hypothesis"
        )

        assert old.load()() is None


#: Every document st.from_type builds.
_FROM_TYPE = (
    "UnitCatalog",
    "ConductCode",
    "Checklist",
    "ReportOutline",
    "InspectionPlan",
    "Workspace",
    "Report",
    "InspectionRecord",
)


def _run(code):
    """
    The output of Python code run in a fresh process (no example database, no plugins' state).
    """
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    return done.stdout


def _checklists_and_answers(**options):
    return strategies.checklists(**options).flatmap(
        lambda checklist: st.tuples(st.just(checklist), strategies.answers(checklist))
    )


class TestEveryKind:
    @given(_checklists_and_answers(max_depth=2))
    def test_checklists_and_answers_have_no_issues(self, pair):
        """
        Generated checklists load back equal and validate with no issue; generated answers to
        them score with no issue.
        """
        checklist, answers = pair

        assert checklist == quytac.loads(quytac.dumps(checklist))
        assert () == quytac.Workspace.of(checklist).validate()
        assert () == quytac.score(checklist, answers).issues

    @given(_checklists_and_answers(answer_types=("yes_no",), conditions=False, critical=False))
    def test_checklists_are_tunable(self, pair):
        """
        answer_types, conditions and critical narrow what checklists hold.
        """
        checklist, answers = pair

        assert {"yes_no"} == {item.answer.name for item in checklist.items}
        assert not any(item.when or item.critical for item in checklist.items)
        assert set(answers.values()) <= {"pass", "fail", "na", "not_observed"}

    def test_answer_types_must_include_a_scored_one(self):
        """
        A checklist of text items only would have no points: the strategy refuses it.
        """
        with pytest.raises(ValueError, match="include a scored one"):
            given(strategies.checklists(answer_types=("text",)))(lambda _: None)()

    @given(
        strategies.report_outlines().flatmap(
            lambda outline: st.tuples(st.just(outline), strategies.reports(outline))
        )
    )
    def test_outlines_and_reports_have_no_issues(self, pair):
        """
        Generated outlines validate with no issue; reports written to them keep every rule of
        the outline.
        """
        outline, report = pair

        assert outline == quytac.loads(quytac.dumps(outline))
        assert report == quytac.loads(quytac.dumps(report))
        assert () == quytac.Workspace.of(outline).validate()
        assert [] == list(report_content_issues(outline, report))

    @given(strategies.workspaces(max_records=0), st.data())
    def test_records_have_no_issues_in_a_workspace(self, workspace, data):
        """
        Records drawn for the units a workspace's plan visits, against its checklist, its
        direct outline if any and its model point types, validate with no issue with the plan,
        the checklist, the outline and the catalog, and load back equal.
        """
        (plan,) = workspace.all(quytac.InspectionPlan)
        (catalog,) = workspace.all(quytac.UnitCatalog)
        (checklist,) = workspace.all(quytac.Checklist)
        (outline,) = workspace.all(quytac.ReportOutline)
        visited = [a.unit.code for a in plan.assignments(catalog) if a.form is quytac.Form.DIRECT]
        records = [
            data.draw(
                strategies.inspection_records(
                    checklist,
                    plan=plan.id,
                    unit=unit,
                    id=f"ktr-{n}",
                    inspected_on=st.dates(plan.period.start, plan.period.end),
                    outline=outline if plan.direct.outline == outline.id else None,
                    model_point_types=tuple(t.id for t in plan.model_point_types),
                )
            )
            for n, unit in enumerate(visited)
        ]

        assert () == quytac.Workspace.of(*workspace, *records).validate()
        assert records == [quytac.loads(quytac.dumps(record)) for record in records]

    @pytest.mark.property
    def test_records_are_tunable(self):
        """
        answered, self_assessment, findings and outline=None leave those parts out; so does
        checklist=None for answers and self-assessments.
        """
        checklist = exists(strategies.checklists(), lambda _: True)
        bare = [
            strategies.inspection_records(
                checklist, answered=False, self_assessment=False, findings=False, id="ktr"
            ),
            strategies.inspection_records(None, findings=False, id="ktr"),
        ]

        @given(st.one_of(bare))
        def check(record):
            assert ("ktr", None, quytac.Answers(), None) == (
                record.id,
                record.checklist,
                record.answers,
                record.self_assessment,
            )
            assert (None, {}, quytac.InspectionFindings()) == (
                record.outline,
                dict(record.figures),
                record.findings,
            )

        check()

    @pytest.mark.parametrize(
        "held",
        [
            pytest.param(lambda r: r.checklist and len(r.answers) > 0, id="answers"),
            pytest.param(lambda r: r.checklist is None, id="no answers"),
            pytest.param(lambda r: r.self_assessment, id="self-assessment"),
            pytest.param(lambda r: r.outline and len(r.figures) > 0, id="figures"),
            pytest.param(
                lambda r: r.findings.strengths and r.findings.recommendations, id="findings"
            ),
            pytest.param(lambda r: r.findings.model_points, id="model points"),
        ],
    )
    @pytest.mark.property
    def test_records_may_hold_every_part(self, held):
        """
        By default records sometimes hold each part: answers pinned to the checklist (or
        none), a self-assessment, figures pinned to the outline, findings and model points.
        """
        checklist = quytac.example_workspace().all(quytac.Checklist)[0]
        outline = quytac.example_workspace().all(quytac.ReportOutline)[0]
        records = strategies.inspection_records(
            checklist, outline=outline, model_point_types=("a",)
        )

        record = exists(records, held)

        assert held(record)
        assert record.checklist in {None, quytac.Pin.of(checklist)}
        assert record.outline in {None, quytac.Pin.of(outline)}

    @given(strategies.workspaces())
    def test_workspaces_have_no_issues(self, workspace):
        """
        A generated workspace (catalog, code, checklist, outline, plan, reports, records) is
        consistent: it validates with no issue, and every document loads back equal.
        """
        assert () == workspace.validate()
        for document in workspace:
            assert document == quytac.loads(quytac.dumps(document))

    @given(strategies.workspaces())
    def test_workspaces_synthesize(self, workspace):
        """
        A generated workspace's plan can be synthesized.
        """
        (plan,) = workspace.all(quytac.InspectionPlan)

        synthesis = quytac.synthesize(workspace, plan.id, as_of=plan.period.end)

        assert len(plan.assignments(workspace.all(quytac.UnitCatalog)[0])) == len(synthesis.units)


def _one_item_checklist(answer_and_points):
    answer, points = answer_and_points
    item = quytac.Item(id="i0", text=quytac.Text(vi="Câu hỏi"), answer=answer, points=points)
    return quytac.Checklist(
        id="kt",
        title=quytac.Text(vi="Phiếu"),
        sections=(quytac.Section(id="s0", title=quytac.Text(vi="Mục"), items=(item,)),),
    )


class TestItemsByHand:
    @given(strategies.answer_types(names=("points", "choices")))
    def test_answer_types_are_tunable(self, pair):
        answer, points = pair

        assert answer.name in {"points", "choices"}
        assert points is not None

    @given(strategies.answer_types(names=strategies.ANSWER_TYPES[:-1]).map(_one_item_checklist))
    def test_an_item_of_a_drawn_answer_type_and_points_has_no_issues(self, checklist):
        assert () == quytac.Workspace.of(checklist).validate()

    @given(
        strategies.answer_types(names=strategies.ANSWER_TYPES[:-1])
        .map(_one_item_checklist)
        .flatmap(lambda c: st.tuples(st.just(c), strategies.values(c.items[0])))
    )
    def test_values_fit_their_item_and_the_best_value_gives_full_points(self, pair):
        checklist, value = pair
        (item,) = checklist.items

        drawn = quytac.score(checklist, {"i0": value})
        best = quytac.score(checklist, {"i0": strategies.best_value(item)})

        assert () == drawn.issues
        assert 0 <= drawn.percent <= 100
        assert (item.maximum, 100) == (best.awarded, best.percent)

    def test_answer_types_refuse_unknown_names(self):
        with pytest.raises(
            ValueError,
            match=r"names must be among yes_no, count, points, choices, text, got \('tick',\)",
        ):
            strategies.answer_types(names=("tick",))
