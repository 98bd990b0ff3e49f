"""
Validation of a workspace: one mistake, one message. A finding that others follow from says how
many; `quytac validate --all` lists them too.
"""

import datetime as dt
import json
import shutil
import types
from pathlib import Path

import attrs
import jsonschema
import pytest

import quytac
from quytac import cli
from quytac.validation import Definitions, issues_of

CHECKLIST = "checklist-co-quan-2023.yaml"
SCHEMA = json.loads(
    (Path(__file__).parent.parent / "schemas" / "output" / "quytac-output.schema.json").read_text(
        encoding="utf-8"
    )
)


@pytest.fixture
def example(tmp_path, monkeypatch):
    """
    A copy of the bundled example as the current folder, and a function that edits one of its
    files (the text replaced must be there).
    """
    shutil.copytree(quytac.example_path(), tmp_path / "data")
    monkeypatch.chdir(tmp_path / "data")

    def edit(name, old, new, count=1):
        path = tmp_path / "data" / name
        text = path.read_text(encoding="utf-8")
        assert text.count(old) >= count, old
        path.write_text(text.replace(old, new, count), encoding="utf-8")

    return edit


@pytest.fixture
def validate(capsys):
    """
    `quytac validate .` with more arguments: its exit status and the lines it printed.
    """

    def run(*arguments):
        status = cli.main(["validate", ".", *arguments])
        return status, capsys.readouterr().out.splitlines()

    return run


def duplicate_item():
    """
    Item I.2 copied after itself with the id of I.1: the mistake officials make when they copy
    an item and forget to change its id.
    """
    path = Path(CHECKLIST)
    text = path.read_text(encoding="utf-8")
    start, end = text.index("      - id: I.2"), text.index("      - id: I.3")
    copy = text[start:end].replace("id: I.2", "id: I.1", 1)
    path.write_text(text[:end] + copy + text[end:], encoding="utf-8")


QT410_EN = (
    "checklist-co-quan-2023.yaml:48:13: error QT410: sections[0].items[2].id: duplicate item id"
    " 'I.1' (first at sections[0].items[0])"
)
QT410_VI = (
    "checklist-co-quan-2023.yaml:48:13: lỗi QT410: sections[0].items[2].id: mã câu hỏi 'I.1'"
    " bị trùng (lần đầu ở sections[0].items[0])"
)
QT331_EN = (
    "round-2023/records.yaml:11:59: error QT331: checklist.fingerprint: checklist"
    " 'kt-co-quan-2023' version 1 was changed after this was written (its fingerprint differs)"
)
QT331_VI = (
    "round-2023/records.yaml:11:59: lỗi QT331: checklist.fingerprint: phiếu kiểm tra"
    " 'kt-co-quan-2023' phiên bản 1 đã bị sửa sau khi lập tài liệu này (dấu vân tay khác)"
)


class TestADuplicateItemId:
    @pytest.mark.usefixtures("example")
    def test_is_one_message(self, validate):
        """
        The examples that then fail are folded into the duplicate; the records whose pin the
        edit broke are one more mistake (the checklist changed without a new version), one line.
        """
        duplicate_item()

        assert (
            1,
            [
                f"{QT410_EN} (and 23 more caused by this)",
                f"{QT331_EN} (and 8 more with the same cause)",
                "2 errors, 0 warnings (not listed: 31 more with the same causes; --all lists"
                " every finding)",
            ],
        ) == validate("--lang", "en")
        assert (
            1,
            [
                f"{QT410_VI} (và 23 lỗi khác do lỗi này gây ra)",
                f"{QT331_VI} (và 8 lỗi khác cùng nguyên nhân)",
                "2 lỗi, 0 cảnh báo (không liệt kê: còn 31 lỗi khác cùng nguyên nhân; thêm --all"
                " để xem tất cả)",
            ],
        ) == validate()

    @pytest.mark.usefixtures("example")
    def test_all_lists_every_finding_and_where_its_cause_is(self, validate):
        """
        --all: the 33 findings in their places, each follow-on naming the place of its cause.
        """
        duplicate_item()

        status, lines = validate("--all", "--lang", "en")

        assert (1, 34, "33 errors, 0 warnings") == (status, len(lines), lines[-1])
        assert [
            f"{QT410_EN} (and 23 more caused by this)",
            'checklist-co-quan-2023.yaml:161:12: error QT451: examples[0].answers["I.1"]: expected'
            " a whole number of 0 or more for a count item, got 'pass' (caused by"
            " checklist-co-quan-2023.yaml:48:13)",
        ] == lines[:2]
        assert (
            "round-2023/reports.yaml:493:61: error QT331: self_assessment.checklist.fingerprint:"
            " checklist 'kt-co-quan-2023' version 1 was changed after this was written (its"
            " fingerprint differs) (the same cause as round-2023/records.yaml:11:59)"
        ) == lines[-2]
        assert (
            "round-2023/reports.yaml:493:61: lỗi QT331: self_assessment.checklist.fingerprint:"
            " phiếu kiểm tra 'kt-co-quan-2023' phiên bản 1 đã bị sửa sau khi lập tài liệu này"
            " (dấu vân tay khác) (cùng nguyên nhân với lỗi ở round-2023/records.yaml:11:59)"
        ) == validate("--all")[1][-2]

    @pytest.mark.usefixtures("example")
    def test_json_folds_the_same_way_and_all_names_the_cause_by_index(self, validate):
        """
        --format json: the roots with how many they caused; with --all every finding, each
        follow-on with the index of its root.
        """
        duplicate_item()

        folded = json.loads("\n".join(validate("--format", "json")[1]))
        every = json.loads("\n".join(validate("--format", "json", "--all")[1]))

        jsonschema.validate(folded, SCHEMA)
        jsonschema.validate(every, SCHEMA)
        assert [("QT410", 23), ("QT331", 8)] == [
            (f["code"], f["follow_ons"]) for f in folded["findings"]
        ]
        found = every["findings"]
        assert 33 == len(found)
        assert {"QT410": 23, "QT331": 8} == {
            found[i]["code"]: sum(1 for f in found if f.get("caused_by") == i)
            for i in {f["caused_by"] for f in found if "caused_by" in f}
        }

    @pytest.mark.usefixtures("example")
    def test_the_api_returns_every_issue_each_naming_its_cause(self):
        """
        Workspace.validate() keeps every issue; quytac.fold groups them as the command does.
        """
        duplicate_item()

        issues = quytac.Workspace.load(".").validate()
        folded = quytac.fold(issues)

        assert 33 == len(issues)
        assert [("QT410", 23), ("QT331", 8)] == [(root.code, len(rest)) for root, rest in folded]
        root, rest = folded[0]
        assert {root.cause} == {issue.cause for issue in rest}
        assert (False, {True}) == (root.follows, {issue.follows for issue in rest})


class TestOtherRootCauses:
    def test_a_checklist_that_does_not_load(self, example, validate):
        """
        A misspelt key keeps the checklist from loading: its missing title and the plan's two
        references to the checklist follow from it.
        """
        example(CHECKLIST, "\ntitle:", "\ntittle:")

        assert (
            1,
            [
                "checklist-co-quan-2023.yaml:8:1: error QT104: tittle: unknown key; did you mean"
                " 'title'? (allowed here: title, notes, sections, examples, id, kind, …) (and 3"
                " more caused by this)",
                "1 error, 0 warnings (not listed: 3 more with the same causes; --all lists"
                " every finding)",
            ],
        ) == validate("--lang", "en")

    @pytest.mark.usefixtures("example")
    def test_a_missing_code_of_conduct(self, validate):
        """
        The checklist and both plans name a code whose file is not there: one mistake.
        """
        Path("qtux-can-bo.yaml").unlink()

        assert (
            1,
            [
                "checklist-co-quan-2023.yaml:12:9: lỗi QT421: codes[0]: quy tắc 'qtux-can-bo'"
                " không xác định: không có ConductCode nào mang mã này trong bộ tài liệu (và 2"
                " lỗi khác cùng nguyên nhân)",
                "1 lỗi, 0 cảnh báo (không liệt kê: còn 2 lỗi khác cùng nguyên nhân; thêm --all"
                " để xem tất cả)",
            ],
        ) == validate()
        assert [
            "round-2022/plan.yaml:20:9: error QT310: codes[0]: there is no code of conduct"
            " 'qtux-can-bo' in the workspace (the same cause as"
            " checklist-co-quan-2023.yaml:12:9)",
            "round-2023/plan.yaml:16:9: error QT310: codes[0]: there is no code of conduct"
            " 'qtux-can-bo' in the workspace (the same cause as"
            " checklist-co-quan-2023.yaml:12:9)",
        ] == validate("--all", "--lang", "en")[1][1:3]

    def test_a_unit_code_changed_in_the_catalog(self, example, validate):
        """
        Sở VH&TT renamed in the catalog: its child, both plans' standing agency, the plan's
        exclusion and recipient all name the old code; one mistake, and the code nearest.
        """
        example("hanoi-2023-units.yaml", "{code: so-vhtt,", "{code: so-vhttt,")

        assert (
            1,
            [
                "hanoi-2023-units.yaml:166:13: error QT201: units[132].parent: parent 'so-vhtt' is"
                " not a unit of this catalog; did you mean 'so-vhttt'? (and 4 more with the same"
                " cause)",
                "1 error, 0 warnings (not listed: 4 more with the same causes; --all lists"
                " every finding)",
            ],
        ) == validate("--lang", "en")

    def test_a_duplicate_section_id(self, example, validate):
        """
        Nothing follows from a section id used twice but the records' pins the edit broke.
        """
        example(CHECKLIST, "\n  - id: II\n", "\n  - id: I\n")

        assert [
            "checklist-co-quan-2023.yaml:53:9: error QT410: sections[1].id: duplicate section id"
            " 'I' (first at sections[0])",
            f"{QT331_EN} (and 8 more with the same cause)",
            "2 errors, 0 warnings (not listed: 8 more with the same causes; --all lists every"
            " finding)",
        ] == validate("--lang", "en")[1]

    def test_an_unknown_checklist_in_a_plan(self, example, validate):
        """
        The plan names a checklist that is not there: the nearest one is suggested.
        """
        example("round-2023/plan.yaml", "checklist: kt-co-quan-2023", "checklist: kt-co-quan-2033")

        assert (
            1,
            [
                "round-2023/plan.yaml:25:14: lỗi QT310: direct.checklist: không có phiếu kiểm"
                " tra 'kt-co-quan-2033' trong bộ tài liệu; có phải là 'kt-co-quan-2023'?",
                "1 lỗi, 0 cảnh báo",
            ],
        ) == validate()


class TestRecordsAndReports:
    def test_an_answer_that_names_an_item_as_it_is_not_spelt(self, example, validate):
        """
        A record's answer keyed `i.2`: the item I.2.
        """
        example("round-2023/records.yaml", "{I.1: pass, I.2: 6,", "{I.1: pass, i.2: 6,")

        assert [
            "round-2023/records.yaml:13:20: error QT450: answers[\"i.2\"]: no item 'i.2' in"
            " checklist 'kt-co-quan-2023'; did you mean 'I.2'?",
            "1 error, 0 warnings",
        ] == validate("--lang", "en")[1]

    def test_a_unit_code_without_its_leading_zeros(self, example, validate):
        """
        An official code is digits: only the code with the zeros it lost is suggested.
        """
        example("round-2023/records.yaml", 'unit: "269"', 'unit: "0269"')

        assert [
            "round-2023/records.yaml:38:7: error QT327: unit: unit '0269' is not in the scope of"
            " plan 'hn-kt-qtux-2023'; did you mean '269'?",
            "1 error, 0 warnings",
        ] == validate("--lang", "en")[1]

    def test_a_report_section_under_a_number_the_outline_does_not_have(self, example, validate):
        """
        `iii.1` for III.1: the outline's III.1 then lacks its narrative, which follows.
        """
        example("round-2023/reports.yaml", "  III.1: {narrative", "  iii.1: {narrative")

        assert [
            'round-2023/reports.yaml:22:10: lỗi QT325: sections["iii.1"]: đề cương không có'
            " mục 'iii.1' ở đây; có phải là 'III.1'? (và 1 lỗi khác do lỗi này gây ra)",
            "1 lỗi, 0 cảnh báo (không liệt kê: còn 1 lỗi khác cùng nguyên nhân; thêm --all để"
            " xem tất cả)",
        ] == validate()[1]


class TestOneDocument:
    """
    A rule runs on one document that is in no workspace, given a context of the definitions it
    refers to (``Definitions``): the same issues, unlocated, as in a workspace.
    """

    @pytest.fixture(scope="class")
    @classmethod
    def given(cls):
        ws = quytac.example_workspace()
        return types.SimpleNamespace(
            ws=ws,
            plan=ws.get(quytac.InspectionPlan, "hn-kt-qtux-2023"),
            catalog=ws.get(quytac.UnitCatalog, "hanoi-2023"),
            outline=ws.get(quytac.ReportOutline, "de-cuong-2023"),
            checklist=ws.get(quytac.Checklist, "kt-co-quan-2023"),
            code=ws.get(quytac.ConductCode, "qtux-can-bo"),
            report=ws.get(quytac.Report, "bc-2023-001"),
        )

    def context(self, given):
        return Definitions.of(given.plan, given.catalog, given.outline, given.checklist)

    def test_a_report_against_its_definitions(self, given):
        """
        A report with its plan, catalog, outline and checklist at hand keeps every rule; about
        a unit outside the plan, it gives QT327.
        """
        outside = attrs.evolve(given.report, unit="999")

        assert [] == rendered(issues_of(given.report, self.context(given)))
        assert [
            "<string>: error QT327: unit: unit '999' is not in the scope of plan 'hn-kt-qtux-2023'"
        ] == rendered(issues_of(outside, self.context(given)))

    def test_a_report_without_its_plan(self, given):
        """
        Given a context without its plan, a report names the plan it cannot find (QT310);
        given no context at all, its references are not checked.
        """
        assert [
            "<string>: error QT310: plan: there is no plan 'hn-kt-qtux-2023' in the workspace"
        ] == rendered(issues_of(given.report, Definitions.of()))
        assert [] == rendered(issues_of(given.report))

    def test_a_report_competes_with_those_of_the_context(self, given):
        """
        A later report of the same unit in the context counts instead of the one checked
        (QT328), as in a workspace.
        """
        day = given.report.submitted_on + dt.timedelta(days=1)
        later = attrs.evolve(given.report, id="bc-2023-001b", submitted_on=day)
        context = Definitions.of(*self.context(given).documents, later)

        assert [
            "<string>: warning QT328: unit: unit '001' sent another report, 'bc-2023-001b',"
            " which counts instead of this one"
        ] == rendered(issues_of(given.report, context))

    def test_a_checklist_with_one_of_its_codes(self, given):
        """
        A checklist checked against one of the two codes it cites names the other (QT421).
        """
        assert [
            "<string>: error QT421: codes[1]: unknown code 'qtux-noi-cong-cong': no ConductCode"
            " with this id in the workspace"
        ] == rendered(issues_of(given.checklist, Definitions.of(given.code)))

    def test_a_catalog_without_its_successor(self, given):
        """
        A catalog whose successor catalog is not in the context says so (QT211, a warning);
        without a context, the link is not checked.
        """
        assert [
            "<string>: warning QT211: successor_catalog: successor catalog 'hanoi-2025' is not"
            " in the workspace; successor links into it are not checked"
        ] == rendered(issues_of(given.catalog, Definitions.of()))
        assert [] == rendered(issues_of(given.catalog))

    def test_a_context_of_every_document_is_the_workspace(self, given):
        """
        Definitions of every document of the example give each document the issues the
        workspace gives it.
        """
        every = Definitions.of(*given.ws.documents)

        for document in given.ws.documents:
            assert list(issues_of(document, given.ws)) == list(issues_of(document, every))

    def test_definitions_find_by_kind_and_id(self, given):
        """
        The first document of a kind with an id is found; another kind with that id is not.
        """
        again = attrs.evolve(given.code, version=2)
        context = Definitions.of(given.code, again)

        assert given.code is context.get(quytac.ConductCode, "qtux-can-bo")
        assert context.get(quytac.Checklist, "qtux-can-bo") is None
        assert (given.code, again) == context.all(quytac.ConductCode)
        assert () == context.all(quytac.Report)


def rendered(found):
    return [str(issue) for issue in found]
