"""
One language a run: with ``--lang vi`` (the default) the output has no English word of ours,
with ``--lang en`` none of Vietnamese; the help and argparse's own messages follow.
"""

import re
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


def _stopped(capsys, *argv):
    """
    ``quytac ARGV`` that argparse stops (help, a usage error): its status, stdout and stderr.
    """
    with pytest.raises(SystemExit) as stopped:
        cli.main(list(argv))
    out, err = capsys.readouterr()
    return stopped.value.code, out, err


@pytest.fixture
def columns(monkeypatch):
    """
    A terminal 80 columns wide, as argparse measures it, and no QUYTAC_LANG.
    """
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.delenv("QUYTAC_LANG", raising=False)


VALIDATE_HELP_VI = """\
cách dùng: quytac validate [-h] [--format {text,json}] [--lang {vi,en}]
                           [--output TỆP] [--all]
                           ĐƯỜNG_DẪN [ĐƯỜNG_DẪN ...]

đối số:
  ĐƯỜNG_DẪN             một tệp hoặc một thư mục

tùy chọn:
  -h, --help            in ra trợ giúp này rồi thoát
  --format {text,json}  định dạng đầu ra
  --lang {vi,en}        ngôn ngữ: vi hoặc en (mặc định: $QUYTAC_LANG, nếu
                        không có thì vi)
  --output TỆP          ghi vào TỆP thay vì in ra màn hình
  --all                 liệt kê mọi lỗi, cả những lỗi do lỗi khác gây ra (nếu
                        không, chúng được gộp vào lỗi đó)
"""

VALIDATE_USAGE_EN = """\
usage: quytac validate [-h] [--format {text,json}] [--lang {vi,en}]
                       [--output FILE] [--all]
                       PATH [PATH ...]
"""

#: The ASCII words the Vietnamese help may hold: commands, options and their values, names,
#: and the Vietnamese words written without marks.
_WORDS = (
    "quytac validate score synthesize test pin schema demo h help version format lang output all"
    " checklist workspace explain number place as of check write text json markdown html vi en"
    " YAML JSON Schema Lines BC SVHTT UTC YYYY MM DD pyproject toml tool id fingerprint kind"
    " UnitCatalog Checklist QUYTAC_LANG"
    " danh do ghi gian in nay quy ra thay theo tra trong Nam"
)
NAMES = set(_WORDS.split())


@pytest.mark.usefixtures("columns")
class TestHelp:
    def test_the_help_is_vietnamese_by_default(self, capsys):
        assert (0, VALIDATE_HELP_VI, "") == _stopped(capsys, "validate", "--help")

    def test_the_help_in_english(self, capsys):
        status, out, err = _stopped(capsys, "validate", "--help", "--lang", "en")

        assert (0, "") == (status, err)
        assert out.startswith(VALIDATE_USAGE_EN + "\npositional arguments:\n")
        assert "  -h, --help            show this help message and exit\n" in out

    @pytest.mark.parametrize(
        "command",
        [
            (),
            *[(c,) for c in sorted({"validate", "score", "synthesize"})],
            ("test",),
            ("pin",),
            ("schema",),
            ("demo",),
        ],
    )
    def test_no_english_word_in_the_vietnamese_help(self, capsys, command):
        status, out, _ = _stopped(capsys, *command, "--help")
        words = {w for w in re.findall(r"\w+", out) if w.isascii() and not w.isdigit()}

        assert 0 == status
        assert set() == words - NAMES

    def test_the_environment_chooses_when_lang_is_not_given(self, capsys, monkeypatch):
        monkeypatch.setenv("QUYTAC_LANG", "en")

        assert (
            2,
            "",
            VALIDATE_USAGE_EN + "quytac validate: error: the following arguments"
            " are required: PATH\n",
        ) == _stopped(capsys, "validate")

    @pytest.mark.parametrize("given", [("--lang", "en"), ("--lang=en",), ("--la", "en")])
    def test_lang_on_the_command_line_wins(self, capsys, monkeypatch, given):
        monkeypatch.setenv("QUYTAC_LANG", "vi")

        status, _, err = _stopped(capsys, "validate", *given)

        assert 2 == status
        assert err.startswith("usage: quytac validate")

    def test_argparse_is_left_as_it_was(self, capsys):
        import argparse  # noqa: PLC0415
        import gettext  # noqa: PLC0415

        _stopped(capsys, "validate")

        assert (gettext.gettext, gettext.ngettext) == (argparse._, argparse.ngettext)


@pytest.mark.usefixtures("columns")
class TestUsageErrors:
    @pytest.mark.parametrize(
        ("argv", "last"),
        [
            (("validate",), "quytac validate: lỗi: thiếu đối số bắt buộc: ĐƯỜNG_DẪN"),
            (
                ("validate", "a", "--format", "pdf"),
                "quytac validate: lỗi: đối số --format: lựa chọn không hợp lệ: 'pdf' (chọn một"
                " trong: 'text', 'json')",
            ),
            (
                ("nope",),
                "quytac: lỗi: đối số LỆNH: lựa chọn không hợp lệ: 'nope' (chọn một trong:"
                " 'validate', 'score', 'synthesize', 'test', 'pin', 'schema', 'demo')",
            ),
            (("validate", "a", "--bogus"), "quytac: lỗi: đối số không nhận ra: --bogus"),
            (
                ("synthesize", "p", "--as-of"),
                "quytac synthesize: lỗi: đối số --as-of: cần một giá trị",
            ),
        ],
    )
    def test_argparse_says_it_in_vietnamese(self, capsys, argv, last):
        status, out, err = _stopped(capsys, *argv)

        assert (2, "", "cách dùng: quytac") == (status, out, err[: len("cách dùng: quytac")])
        assert last == err.splitlines()[-1]

    def test_an_unknown_schema_kind(self, capsys):
        assert (
            2,
            "",
            "quytac schema: loại tài liệu 'Nope' không xác định (cần một trong: Checklist,"
            " ConductCode, InspectionPlan, InspectionRecord, Report, ReportOutline,"
            " UnitCatalog)\n",
        ) == call(capsys, "schema", "Nope", "--lang", "vi")


class TestSystemReasons:
    @pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
    @pytest.mark.parametrize(
        ("lang", "said"),
        [
            ("vi", "quytac validate: không ghi được /dev/full: đĩa đã hết chỗ\n"),
            ("en", "quytac validate: cannot write /dev/full: No space left on device\n"),
        ],
    )
    def test_a_full_disk(self, capsys, lang, said):
        assert (2, "", said) == call(
            capsys, "validate", str(DATA), "--output", "/dev/full", "--lang", lang
        )

    def test_a_folder_that_is_not_there(self, capsys, tmp_path):
        target = tmp_path / "nope" / "out.txt"

        assert (
            2,
            "",
            f"quytac validate: không ghi được {target}: không có tệp hoặc thư mục này\n",
        ) == call(capsys, "validate", str(DATA), "--output", str(target))


def test_a_file_that_cannot_be_read_says_why_in_vietnamese(tmp_path):
    """
    QT014 from the reading layer: the system's reason in the run's language, from the errno
    table (``không có tệp hoặc thư mục này``), not its English ``strerror``.
    """
    missing = tmp_path / "khong-co.yaml"
    with pytest.raises(quytac.LoadError) as caught:
        quytac.load(missing)

    [problem] = caught.value.problems
    assert (
        f"{missing}: lỗi QT014: (cả tài liệu): không đọc được: không có tệp hoặc thư mục này"
        == (problem.render("vi"))
    )
    assert "cannot read: No such file or directory" == problem.message
