"""
One language a run: with ``--lang vi`` (the default) the output has no English word of ours,
with ``--lang en`` none of Vietnamese; the help and argparse's own messages follow.
"""

import shutil
from pathlib import Path

import pytest

import quytac
from quytac import cli

DATA = Path(quytac.example_path())


def call(capsys, *argv):
    """
    ``quytac ARGV``: its status, stdout and stderr.
    """
    status = cli.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def example(tmp_path, monkeypatch):
    """
    A copy of the bundled example, the current folder.
    """
    shutil.copytree(DATA, tmp_path / "data")
    monkeypatch.chdir(tmp_path / "data")
    return tmp_path / "data"


def _issue(severity, path=("units", 1, "parent")):
    return quytac.Issue(
        code="QT201",
        severity=severity,
        path=path,
        message="the parent unit '09' is not in the catalog",
        message_vi="đơn vị cấp trên '09' không có trong danh mục",
        source="units.yaml",
        line=7,
        column=63,
    )


class TestFindingLines:
    @pytest.mark.parametrize(
        ("severity", "lang", "line"),
        [
            (
                "error",
                "vi",
                "units.yaml:7:63: lỗi QT201: units[1].parent: đơn vị cấp trên '09' không có"
                " trong danh mục",
            ),
            (
                "warning",
                "vi",
                "units.yaml:7:63: cảnh báo QT201: units[1].parent: đơn vị cấp trên '09' không có"
                " trong danh mục",
            ),
            (
                "error",
                "en",
                "units.yaml:7:63: error QT201: units[1].parent: the parent unit '09' is not in"
                " the catalog",
            ),
            (
                "warning",
                "en",
                "units.yaml:7:63: warning QT201: units[1].parent: the parent unit '09' is not in"
                " the catalog",
            ),
        ],
    )
    def test_the_severity_is_a_word_of_the_language(self, severity, lang, line):
        """
        ``lỗi`` and ``cảnh báo`` in Vietnamese, ``error`` and ``warning`` in English; the code
        is the same in both, so a line can be searched for by its code.
        """
        assert line == _issue(quytac.Severity(severity)).render(lang)

    def test_the_whole_document_is_named_in_the_language(self):
        issue = _issue(quytac.Severity.ERROR, path=())

        assert (
            "units.yaml:7:63: lỗi QT201: (cả tài liệu): đơn vị cấp trên '09' không có trong"
            " danh mục",
            "units.yaml:7:63: error QT201: (root): the parent unit '09' is not in the catalog",
        ) == (issue.render("vi"), issue.render("en"))

    def test_str_stays_english(self):
        assert str(_issue(quytac.Severity.WARNING)).startswith("units.yaml:7:63: warning QT201:")

    def test_a_load_error_renders_in_vietnamese(self, tmp_path):
        (tmp_path / "u.yaml").write_text(
            "kind: UnitCatalog\nschema: quytac/v1\nid: u\ntitle: T\nunits: {}\n", encoding="utf-8"
        )

        with pytest.raises(quytac.LoadError) as caught:
            quytac.Workspace.load(tmp_path / "u.yaml")

        assert caught.value.render("vi").endswith(
            "u.yaml:5:8: lỗi QT105: units: cần một danh sách, nhận được một ánh xạ"
        )

    @pytest.mark.usefixtures("example")
    def test_the_commands_own_problems_too(self, capsys):
        """
        A file that holds no report or record, given to ``score``: ``file:line: lỗi: …``.
        """
        status, out, _ = call(capsys, "score", "round-2023/plan.yaml", "--workspace", ".")

        assert 1 == status
        assert (
            "round-2023/plan.yaml:5: lỗi: hn-kt-qtux-2023 là kế hoạch kiểm tra, không phải báo"
            " cáo hay biên bản kiểm tra"
        ) in out.splitlines()

    @pytest.mark.usefixtures("example")
    def test_the_commands_own_problems_in_english(self, capsys):
        status, out, _ = call(
            capsys, "score", "round-2023/plan.yaml", "--workspace", ".", "--lang", "en"
        )

        assert 1 == status
        assert (
            "round-2023/plan.yaml:5: error: hn-kt-qtux-2023 is a InspectionPlan, not a report or"
            " an inspection record"
        ) in out.splitlines()


class TestDemo:
    def test_the_kinds_in_the_header_are_vietnamese(self, capsys):
        status, out, _ = call(capsys, "demo")

        assert 0 == status
        assert [
            "Ví dụ Hà Nội 2023: 53 tài liệu (quytac/v1)",
            "  Phiếu kiểm tra      1",
            "  Quy tắc ứng xử      2",
            "  Kế hoạch kiểm tra   2",
            "  Biên bản kiểm tra   9",
            "  Báo cáo            36",
            "  Đề cương báo cáo    1",
            "  Danh mục đơn vị     2",
        ] == out.splitlines()[:8]
