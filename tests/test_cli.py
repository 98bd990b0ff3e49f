"""
The quytac command, run as a subprocess as a user would run it.
"""

import json
import subprocess
import sys

import pytest

CATALOG = "kind: UnitCatalog\nschema: quytac/v1\nid: {id}\ntitle: T\n"


def run(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "quytac", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        check=False,
    )


class TestValidate:
    def test_a_clean_file_exits_0(self, tmp_path):
        """
        Nothing wrong: exit 0 and a one-line summary.
        """
        (tmp_path / "a.yaml").write_text(CATALOG.format(id="a"), encoding="utf-8")

        done = run("validate", "a.yaml", "--lang", "en", cwd=tmp_path)

        assert (0, "0 errors, 0 warnings\n", "") == (done.returncode, done.stdout, done.stderr)

    def test_every_problem_is_listed_and_the_exit_status_is_1(self, tmp_path):
        """
        A broken file: every problem as file:line:column, no traceback, exit 1.
        """
        (tmp_path / "a.yaml").write_text(
            CATALOG.format(id="A") + "version: x\ncolour: red\n", encoding="utf-8"
        )

        done = run("validate", "a.yaml", "--lang", "en", cwd=tmp_path)

        assert 1 == done.returncode
        assert "" == done.stderr
        assert [
            "a.yaml:3:5: error QT106: id: must be lower-case letters, digits, '.', '_' or '-'"
            " and start with a letter or digit, got 'A'",
            "a.yaml:5:10: error QT105: version: expected a whole number, got 'x'",
            "a.yaml:6:1: error QT104: colour: unknown key",
            "3 errors, 0 warnings",
        ] == done.stdout.splitlines()

    def test_messages_are_vietnamese_by_default(self, tmp_path):
        """
        Officials read the problems in Vietnamese unless they ask for English.
        """
        (tmp_path / "a.yaml").write_text(CATALOG.format(id="a") + "colour: red\n", encoding="utf-8")

        done = run("validate", "a.yaml", cwd=tmp_path)

        assert ["a.yaml:5:1: error QT104: colour: khóa không hợp lệ", "1 lỗi, 0 cảnh báo"] == (
            done.stdout.splitlines()
        )

    def test_folders_problems_and_issues_together(self, tmp_path):
        """
        A folder is a workspace: load problems of one file and rule issues of another.
        """
        (tmp_path / "bad.yaml").write_text("kind: UnitCatalog\n", encoding="utf-8")
        (tmp_path / "good.yaml").write_text(
            CATALOG.format(id="g")
            + "units:\n  - {code: '019', name: x, kind: quan, parent: '09'}\n",
            encoding="utf-8",
        )

        done = run("validate", ".", "--lang", "en", cwd=tmp_path)

        assert 1 == done.returncode
        assert [
            "bad.yaml:1:1: error QT103: schema: missing required key",
            "bad.yaml:1:1: error QT103: id: missing required key",
            "bad.yaml:1:1: error QT103: title: missing required key",
            "good.yaml:6:48: error QT201: units[0].parent: parent '09' is not a unit of this"
            " catalog",
            "4 errors, 0 warnings",
        ] == done.stdout.splitlines()

    def test_json_output(self, tmp_path):
        """
        --format json gives the findings with their fields, for other programs.
        """
        (tmp_path / "a.yaml").write_text(CATALOG.format(id="a") + "colour: red\n", encoding="utf-8")

        done = run("validate", "a.yaml", "--format", "json", "--lang", "en", cwd=tmp_path)

        assert 1 == done.returncode
        assert {
            "format_version": 1,
            "findings": [
                {
                    "source": "a.yaml",
                    "line": 5,
                    "column": 1,
                    "path": ["colour"],
                    "path_text": "colour",
                    "code": "QT104",
                    "severity": "error",
                    "message": "unknown key",
                }
            ],
        } == json.loads(done.stdout)

    def test_a_path_that_does_not_exist_is_a_usage_error(self, tmp_path):
        """
        Exit 2 and a message on stderr.
        """
        done = run("validate", "nope.yaml", cwd=tmp_path)

        assert (2, "", "quytac validate: no such file or folder: nope.yaml\n") == (
            done.returncode,
            done.stdout,
            done.stderr,
        )

    @pytest.mark.parametrize(
        "args", [(), ("validate",), ("frobnicate",), ("validate", "--format", "xml", "a")]
    )
    def test_bad_arguments_are_a_usage_error(self, args, tmp_path):
        """
        Missing or unknown arguments exit 2.
        """
        done = run(*args, cwd=tmp_path)

        assert 2 == done.returncode
        assert done.stderr.startswith("usage: quytac")

    def test_output_file(self, tmp_path):
        """
        --output writes the report to a file.
        """
        (tmp_path / "a.yaml").write_text(CATALOG.format(id="a"), encoding="utf-8")

        done = run("validate", "a.yaml", "--lang", "en", "--output", "out.txt", cwd=tmp_path)

        assert (0, "") == (done.returncode, done.stdout)
        assert "0 errors, 0 warnings\n" == (tmp_path / "out.txt").read_text(encoding="utf-8")


class TestDemo:
    def test_the_bundled_example_validates_cleanly(self):
        """
        `quytac demo` runs the bundled example and finds nothing wrong.
        """
        done = run("demo", "--lang", "en")

        assert 0 == done.returncode, done.stdout + done.stderr
        assert done.stdout.startswith("The Hanoi 2023 example: ")
        assert done.stdout.endswith("0 errors, 0 warnings\n")

    def test_the_demo_shows_both_rounds(self):
        """
        `quytac demo` synthesises the October 2022 round and the Q3/2023 plan, each as of the
        last day of its period.
        """
        done = run("demo", "--lang", "en")

        assert (
            "Inspection of the codes of conduct, October 2022 round (hn-kt-qtux-2022), 2022-10-31"
            in done.stdout
        )
        assert "By status: inspected: 6\n" in done.stdout
        assert (
            "Inspection of the codes of conduct, Q3/2023 (hn-kt-qtux-2023), 2023-09-30"
            in done.stdout
        )
        assert "By status: inspected: 3, on_time: 35, late: 1, missing: 1\n" in done.stdout

    def test_the_demo_in_json(self):
        """
        `quytac demo --format json` gives both syntheses in the documented shape.
        """
        done = run("demo", "--format", "json")

        data = json.loads(done.stdout)
        assert ["hn-kt-qtux-2022", "hn-kt-qtux-2023"] == [s["plan"] for s in data["syntheses"]]
        assert ["021"] == data["syntheses"][1]["late"]
        assert ["282"] == data["syntheses"][1]["missing"]
        assert [] == data["findings"]


class TestUsageErrors:
    def test_an_output_file_that_cannot_be_written_is_a_usage_error(self, tmp_path):
        """
        No traceback: a message and exit 2.
        """
        (tmp_path / "a.yaml").write_text(CATALOG.format(id="a"), encoding="utf-8")

        done = run("validate", "a.yaml", "--output", "no/such/folder/out.txt", cwd=tmp_path)

        assert 2 == done.returncode
        assert done.stderr.startswith("quytac validate: cannot write no/such/folder/out.txt: ")
        assert "Traceback" not in done.stderr

    def test_a_folder_without_documents_is_a_usage_error(self, tmp_path):
        """
        Validating nothing is not a success.
        """
        (tmp_path / "notes.txt").write_text("x", encoding="utf-8")

        done = run("validate", ".", cwd=tmp_path)

        assert (2, "quytac validate: no .yaml, .yml or .json file in .\n") == (
            done.returncode,
            done.stderr,
        )

    def test_vietnamese_messages_say_what_was_found_in_vietnamese(self, tmp_path):
        """
        "một danh sách", not "a list", in a Vietnamese message.
        """
        (tmp_path / "a.yaml").write_text(CATALOG.format(id="a") + "units: {}\n", encoding="utf-8")

        done = run("validate", "a.yaml", cwd=tmp_path)

        assert (
            "a.yaml:5:8: error QT105: units: cần một danh sách, nhận được một ánh xạ"
            == (done.stdout.splitlines()[0])
        )
