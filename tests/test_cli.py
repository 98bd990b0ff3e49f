"""
The quytac command, run as a subprocess as a user would run it.
"""

import datetime as dt
import functools
import io
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
import types
from pathlib import Path

import jsonschema
import pytest

import quytac
from _cli import run
from _pins import edited_example, example, repin
from quytac import cli

CATALOG = "kind: UnitCatalog\nschema: quytac/v1\nid: {id}\ntitle: T\n"
DATA = Path(quytac.example_path())
_CHECKLIST = quytac.load(DATA / "checklist-co-quan-2023.yaml")
OUTPUT_SCHEMA = json.loads(
    (Path(__file__).parent.parent / "schemas" / "output" / "quytac-output.schema.json").read_text(
        encoding="utf-8"
    )
)


def valid(data, name):
    """
    Validate JSON output against its part of schemas/output/quytac-output.schema.json (and the
    whole, which accepts any of the outputs).
    """
    jsonschema.Draft202012Validator(OUTPUT_SCHEMA).validate(data)
    part = {"$defs": OUTPUT_SCHEMA["$defs"], "$ref": f"#/$defs/{name}"}
    jsonschema.Draft202012Validator(part).validate(data)
    return data


@pytest.fixture
def workspace(tmp_path):
    """
    A copy of the bundled example, to break.
    """
    target = tmp_path / "ws"
    shutil.copytree(DATA, target)
    return target


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
            "a.yaml:6:1: error QT104: colour: unknown key (allowed here: kind, schema, id, title,"
            " version, valid_from, …)",
            "3 errors, 0 warnings",
        ] == done.stdout.splitlines()

    def test_one_error_is_singular(self, tmp_path):
        """
        "1 error", not "1 errors".
        """
        (tmp_path / "a.yaml").write_text(CATALOG.format(id="a") + "colour: red\n", encoding="utf-8")

        done = run("validate", "a.yaml", "--lang", "en", cwd=tmp_path)

        assert [
            "a.yaml:5:1: error QT104: colour: unknown key (allowed here: kind, schema, id, title,"
            " version, valid_from, …)",
            "1 error, 0 warnings",
        ] == done.stdout.splitlines()

    def test_messages_are_vietnamese_by_default(self, tmp_path):
        """
        Officials read the problems in Vietnamese unless they ask for English.
        """
        (tmp_path / "a.yaml").write_text(CATALOG.format(id="a") + "colour: red\n", encoding="utf-8")

        done = run("validate", "a.yaml", cwd=tmp_path)

        assert [
            "a.yaml:5:1: lỗi QT104: colour: khóa không hợp lệ (các khóa dùng được ở đây: kind,"
            " schema, id, title, version, valid_from, …)",
            "1 lỗi, 0 cảnh báo",
        ] == done.stdout.splitlines()

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

    def test_the_bundled_example_is_clean(self):
        """
        The bundled workspace validates with nothing to say.
        """
        done = run("validate", str(DATA), "--lang", "en")

        assert (0, "0 errors, 0 warnings\n") == (done.returncode, done.stdout)

    def test_json_output(self, tmp_path):
        """
        --format json gives the findings with their fields, for other programs.
        """
        (tmp_path / "a.yaml").write_text(CATALOG.format(id="a") + "colour: red\n", encoding="utf-8")

        done = run("validate", "a.yaml", "--format", "json", "--lang", "en", cwd=tmp_path)

        allowed = [
            "kind",
            "schema",
            "id",
            "title",
            "version",
            "valid_from",
            "valid_to",
            "successor_catalog",
            "unit_kinds",
            "place_types",
            "units",
        ]
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
                    "message": "unknown key (allowed here: kind, schema, id, title, version,"
                    " valid_from, …)",
                    "allowed": allowed,
                    "params": {"allowed": allowed},
                }
            ],
        } == valid(json.loads(done.stdout), "findings")

    def test_a_path_that_does_not_exist_is_a_usage_error(self, tmp_path):
        """
        Exit 2 and a message on stderr, in Vietnamese by default.
        """
        done = run("validate", "nope.yaml", cwd=tmp_path)

        assert (2, "", "quytac validate: không có tệp hoặc thư mục: nope.yaml\n") == (
            done.returncode,
            done.stdout,
            done.stderr,
        )

    def test_a_usage_error_in_english(self, tmp_path):
        """
        --lang en: the usage error in English.
        """
        done = run("validate", "nope.yaml", "--lang", "en", cwd=tmp_path)

        assert (2, "", "quytac validate: no such file or folder: nope.yaml\n") == (
            done.returncode,
            done.stdout,
            done.stderr,
        )

    @pytest.mark.parametrize(
        "args",
        [
            (),
            ("validate",),
            ("frobnicate",),
            ("validate", "--format", "xml", "a"),
            ("validate", "--format", "html", "a"),
            ("score",),
            ("synthesize",),
            ("test",),
            ("demo", "--lang", "fr"),
        ],
    )
    def test_bad_arguments_are_a_usage_error(self, args, tmp_path):
        """
        Missing or unknown arguments exit 2, with the usage (in Vietnamese unless --lang en).
        """
        done = run(*args, cwd=tmp_path)

        assert 2 == done.returncode
        assert done.stderr.startswith("cách dùng: quytac")

    def test_output_file(self, tmp_path):
        """
        --output writes the report to a file.
        """
        (tmp_path / "a.yaml").write_text(CATALOG.format(id="a"), encoding="utf-8")

        done = run("validate", "a.yaml", "--lang", "en", "--output", "out.txt", cwd=tmp_path)

        assert (0, "") == (done.returncode, done.stdout)
        assert "0 errors, 0 warnings\n" == (tmp_path / "out.txt").read_text(encoding="utf-8")


class TestScore:
    def test_the_bundled_records_in_vietnamese_alphabetical_order(self):
        """
        One row a record, sorted by the unit's Vietnamese name (Huyện < Sở < Thị xã), each with
        its place, percent, band label, coverage and capping items.
        """
        done = run("score", "round-2023/records.yaml", "--workspace", ".", "--lang", "en", cwd=DATA)

        assert (0, "") == (done.returncode, done.stderr)
        assert [
            "Source                      Document             Unit                                 Checklist        Percent  Band  Coverage  Capped by",
            "round-2023/records.yaml:53  ktr-2023-thuong-tin  Huyện Thường Tín                     kt-co-quan-2023     73.5  Fair  16/16     -",
            "round-2023/records.yaml:4   ktr-2023-so-ldtbxh   Sở Lao động - Thương binh và Xã hội  kt-co-quan-2023    93.09  Good  15/15     -",
            "round-2023/records.yaml:32  ktr-2023-son-tay     Thị xã Sơn Tây                       kt-co-quan-2023     85.5  Good  16/16     -",
            "3 records read: 3 scored, 0 with errors, 0 without answers",
            "0 errors, 0 warnings",
        ] == done.stdout.splitlines()

    def test_in_vietnamese(self):
        """
        The band labels and the summary are Vietnamese by default.
        """
        done = run("score", "round-2023/records.yaml", "--workspace", ".", cwd=DATA)

        lines = done.stdout.splitlines()
        assert lines[1].endswith("73,5  Khá       16/16        -")
        assert [
            "đã đọc 3 hồ sơ: 3 đã chấm, 0 có lỗi, 0 không có câu trả lời",
            "0 lỗi, 0 cảnh báo",
        ] == lines[-2:]

    def test_another_checklist(self, workspace):
        """
        --checklist scores the answers against a checklist other than the plan's, when they
        were filled against it (their pin names it).
        """
        text = (workspace / "checklist-co-quan-2023.yaml").read_text(encoding="utf-8")
        (workspace / "other.yaml").write_text(
            text.replace("id: kt-co-quan-2023", "id: kt-khac").replace(
                "{id: tot, label: {vi: Tốt, en: Good}, min: 80}",
                "{id: tot, label: {vi: Tốt, en: Good}, min: 95}",
            ),
            encoding="utf-8",
        )
        other = quytac.load(workspace / "other.yaml")
        records = workspace / "round-2023" / "records.yaml"
        records.write_text(
            records.read_text(encoding="utf-8").replace(
                f"{{id: kt-co-quan-2023, version: 1, fingerprint: {quytac.fingerprint(_CHECKLIST)}}}",
                f"{{id: kt-khac, version: 1, fingerprint: {quytac.fingerprint(other)}}}",
            ),
            encoding="utf-8",
        )

        done = run(
            "score",
            "round-2023/records.yaml",
            "--checklist",
            "kt-khac",
            "--format",
            "json",
            cwd=workspace,
        )

        data = valid(json.loads(done.stdout), "scores")
        assert (0, []) == (done.returncode, data["findings"])
        assert [("kt-khac", "93.09", "kha")] == [
            (s["score"]["checklist"], s["score"]["percent"], s["score"]["band"])
            for s in data["scores"]
            if s["document"] == "ktr-2023-so-ldtbxh"
        ]

    def test_an_unknown_checklist_is_a_usage_error(self):
        """
        --checklist must name a checklist of the workspace.
        """
        done = run(
            "score", "round-2023/records.yaml", "--checklist", "nope", "--lang", "en", cwd=DATA
        )

        assert (2, "", "quytac score: there is no checklist 'nope' in .\n") == (
            done.returncode,
            done.stdout,
            done.stderr,
        )

    def test_answers_that_do_not_fit_are_located(self, workspace):
        """
        An answer that does not fit the checklist: the issue at its file:line:column, the
        record not scored, exit 1.
        """
        path = workspace / "round-2023" / "records.yaml"
        text = path.read_text(encoding="utf-8")
        path.write_text(
            text.replace("I.2: 5, I.3: pass", "I.2: 5, I.3: maybe", 1), encoding="utf-8"
        )

        done = run("score", "round-2023/records.yaml", "--lang", "en", cwd=workspace)

        assert 1 == done.returncode
        lines = done.stdout.splitlines()
        assert (
            "round-2023/records.yaml:32  ktr-2023-son-tay     Thị xã Sơn Tây"
            "                       kt-co-quan-2023        -  -     15/16     -"
        ) == lines[3]
        assert [
            'round-2023/records.yaml:42:28: error QT451: answers["I.3"]: expected pass or fail'
            " for a yes_no item, got 'maybe'",
            "3 records read: 2 scored, 1 with errors, 0 without answers",
            "1 error, 0 warnings",
        ] == lines[4:]

    def test_a_document_that_does_not_load_does_not_stop_the_others(self, tmp_path):
        """
        A broken document in a stream: its problems are listed and the stream goes on.
        """
        records = (DATA / "round-2023" / "records.yaml").read_text(encoding="utf-8")
        (tmp_path / "records.yaml").write_text(
            records.replace('unit: "269"\n', 'unit: "269"\ncolour: red\n'), encoding="utf-8"
        )

        done = run("score", "records.yaml", "--workspace", str(DATA), "--lang", "en", cwd=tmp_path)

        assert 1 == done.returncode
        assert [
            "records.yaml:39:1: error QT104: colour: unknown key (allowed here: kind, schema, id,"
            " title, plan, unit, …)",
            "3 records read: 2 scored, 1 with errors, 0 without answers",
            "1 error, 0 warnings",
        ] == done.stdout.splitlines()[3:]

    def test_a_definition_is_not_a_record(self):
        """
        Scoring a checklist file says what it is, with its place.
        """
        done = run("score", "checklist-co-quan-2023.yaml", "--lang", "en", cwd=DATA)

        assert 1 == done.returncode
        assert [
            "checklist-co-quan-2023.yaml:5: error: kt-co-quan-2023 is a Checklist, not a report"
            " or an inspection record",
            "1 record read: 0 scored, 1 with errors, 0 without answers",
            "1 error, 0 warnings",
        ] == done.stdout.splitlines()

    def test_json_lines(self, tmp_path):
        """
        A .jsonl file is read one document a line; a problem is placed on its own line.
        """
        docs = quytac.load_all(DATA / "round-2023" / "records.yaml")
        lines = [
            json.dumps(json.loads(json.dumps(_plain(quytac.dumps(doc)))), ensure_ascii=False)
            for doc in docs[:2]
        ]
        lines.insert(1, "")
        lines.append('{"kind": "InspectionRecord"}')
        (tmp_path / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")

        done = run(
            "score",
            "records.jsonl",
            "--workspace",
            str(DATA),
            "--format",
            "json",
            "--lang",
            "en",
            cwd=tmp_path,
        )

        data = valid(json.loads(done.stdout), "scores")
        assert 1 == done.returncode
        assert [("records.jsonl", 1, "93.09"), ("records.jsonl", 3, "85.5")] == [
            (s["source"], s["line"], s["score"]["percent"]) for s in data["scores"]
        ]
        assert {(f["line"], f["code"]) for f in data["findings"]} == {(4, "QT103")}
        assert {
            "scored": 2,
            "problems": len(data["findings"]),
            "records": {"read": 3, "scored": 2, "with_errors": 1, "no_answers": 0},
        } == data["summary"]

    def test_json_output(self):
        """
        The documented JSON: exact numbers as text, the band and its label, coverage.
        """
        done = run(
            "score", "round-2023/records.yaml", "--workspace", ".", "--format", "json", cwd=DATA
        )

        data = valid(json.loads(done.stdout), "scores")
        assert {
            "source": "round-2023/records.yaml",
            "line": 4,
            "document": "ktr-2023-so-ldtbxh",
            "kind": "InspectionRecord",
            "plan": "hn-kt-qtux-2023",
            "unit": "so-ldtbxh",
            "unit_name": "Sở Lao động - Thương binh và Xã hội",
            "status": "scored",
            "score": {
                "checklist": "kt-co-quan-2023",
                "checklist_version": 1,
                "percent": "93.09",
                "exact": "4375/47",
                "band": "tot",
                "band_label": "Tốt",
                "awarded": "87.5",
                "maximum": "94",
                "coverage": {"evaluated": 15, "applicable": 15},
                "capped_by": [],
            },
        } == data["scores"][0]

    def test_reports_without_self_assessment_are_listed_not_scored(self):
        """
        A report that gives no answers is shown, not scored, and is not a problem.
        """
        done = run(
            "score", "round-2023/reports.yaml", "--workspace", ".", "--format", "json", cwd=DATA
        )

        data = valid(json.loads(done.stdout), "scores")
        assert 0 == done.returncode
        assert 36 == len(data["scores"])
        assert 32 == sum(1 for s in data["scores"] if s["score"] is None)
        assert 32 == sum(1 for s in data["scores"] if s["status"] == "no_answers")
        assert {
            "scored": 36,
            "problems": 0,
            "records": {"read": 36, "scored": 4, "with_errors": 0, "no_answers": 32},
        } == data["summary"]

    def test_memory_stays_flat_on_a_large_stream(self, tmp_path):
        """
        Scoring 10 times as many records does not take 10 times the memory: records are read,
        scored and written one at a time (--format json streams).
        """
        record = (DATA / "round-2023" / "records.yaml").read_text(encoding="utf-8").split("---")[1]
        peaks = []
        for count in (100, 1000):
            (tmp_path / "r.yaml").write_text("---".join([record] * count), encoding="utf-8")
            done = subprocess.run(
                [
                    sys.executable,
                    "-c",
                    "import resource, sys; from quytac.cli import main;"
                    " status = main(sys.argv[1:]);"
                    " print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)",
                    "score",
                    "r.yaml",
                    "--workspace",
                    str(DATA),
                    "--format",
                    "json",
                    "--output",
                    "out.json",
                ],
                capture_output=True,
                text=True,
                cwd=tmp_path,
                check=True,
            )
            peaks.append(int(done.stderr.split()[-1]))

        assert peaks[1] < peaks[0] * 1.3, peaks
        assert 1000 == len(json.loads((tmp_path / "out.json").read_text("utf-8"))["scores"])


def _plain(yaml_text):
    """
    A document's dumped YAML as plain JSON data (numbers and dates as text).
    """
    import yaml  # noqa: PLC0415

    def text(value):
        if isinstance(value, dict):
            return {str(k): text(v) for k, v in value.items()}
        if isinstance(value, list):
            return [text(v) for v in value]
        if isinstance(value, bool) or value is None:
            return value
        if value in ("true", "false"):
            return value == "true"
        return str(value)

    return text(yaml.load(yaml_text, Loader=yaml.BaseLoader))  # noqa: S506 - text only


#: The pin of the first record of round-2023/records.yaml (so-ldtbxh), of the second (Sơn Tây).
FIRST_PIN = "inspected_on: 2023-08-08\nchecklist: {id: kt-co-quan-2023, version: 1,"
SECOND_PIN = "inspected_on: 2023-08-15\nchecklist: {id: kt-co-quan-2023, version: 1,"


#: What `quytac validate --all --lang en` adds to a finding that caused others or follows.
_FOLDING = re.compile(
    r" \((?:and \d+ more (?:caused by this|with the same cause)|caused by \S+"
    r"|the same cause as \S+)\)$"
)


def _finding_lines(text):
    """
    The lines of an output that are findings (``file:line:column: severity code: ...``),
    without what `validate --all` says of their causes.
    """
    return [
        _FOLDING.sub("", line)
        for line in text.splitlines()
        if ": error QT" in line or ": warning QT" in line
    ]


class TestScorePins:
    """
    Answers are scored only against the edition their pin names, as validate decides: a pin
    that does not hold gives validate's issue at validate's place, no score, and exit 1.
    """

    def test_another_version_is_not_scored(self, tmp_path):
        """
        A record pinned to version 2 of a checklist at version 1: QT330, the record not scored.
        """
        data = example(tmp_path)
        repin(data / "round-2023" / "records.yaml", FIRST_PIN, FIRST_PIN.replace("1,", "2,"))

        done = run("score", "round-2023/records.yaml", "--lang", "en", cwd=data)
        checked = run("validate", ".", "--lang", "en", cwd=data)

        assert 1 == done.returncode
        assert [
            "round-2023/records.yaml:4   ktr-2023-so-ldtbxh   Sở Lao động - Thương binh và Xã hội"
            "  kt-co-quan-2023        -  not scored  -         -",
            "round-2023/records.yaml:11:43: error QT330: checklist.version: written against"
            " version 2 of checklist 'kt-co-quan-2023', but the workspace has version 1; it is"
            " not checked or scored against another edition",
            "3 records read: 2 scored, 1 with errors, 0 without answers",
            "1 error, 0 warnings",
        ] == done.stdout.splitlines()[2:3] + done.stdout.splitlines()[4:]
        assert _finding_lines(done.stdout) == _finding_lines(checked.stdout)

    def test_another_checklist_is_not_scored(self, tmp_path):
        """
        A record pinned to a checklist the plan does not use: QT332, as validate says it.
        """
        data = example(tmp_path)
        repin(
            data / "round-2023" / "records.yaml",
            SECOND_PIN,
            SECOND_PIN.replace("id: kt-co-quan-2023", "id: kt-khac"),
        )

        done = run("score", "round-2023/records.yaml", cwd=data)
        checked = run("validate", ".", cwd=data)

        assert 1 == done.returncode
        assert [
            "round-2023/records.yaml:40:17: lỗi QT332: checklist.id: được lập theo phiếu kiểm"
            " tra 'kt-khac', nhưng kế hoạch dùng 'kt-co-quan-2023'",
            "đã đọc 3 hồ sơ: 2 đã chấm, 1 có lỗi, 0 không có câu trả lời",
            "1 lỗi, 0 cảnh báo",
        ] == done.stdout.splitlines()[4:]
        assert "không chấm điểm" in done.stdout.splitlines()[3]
        assert _finding_lines(done.stdout) == _finding_lines(checked.stdout)

    def test_answers_without_a_pin_are_not_scored(self, tmp_path):
        """
        A record with answers and no pin is QT335, not a record "not answered".
        """
        data = example(tmp_path)
        repin(
            data / "round-2023" / "records.yaml",
            f"{FIRST_PIN} fingerprint: {quytac.fingerprint(_CHECKLIST)}}}\n",
            "inspected_on: 2023-08-08\n",
        )

        done = run("score", "round-2023/records.yaml", "--lang", "en", cwd=data)

        assert 1 == done.returncode
        assert [
            "round-2023/records.yaml:4:1: error QT335: checklist: say which edition of checklist"
            " 'kt-co-quan-2023' this was written against ({id, version})",
            "3 records read: 2 scored, 1 with errors, 0 without answers",
            "1 error, 0 warnings",
        ] == done.stdout.splitlines()[4:]

    def test_an_edited_checklist_scores_no_record_and_no_report(self, tmp_path):
        """
        The bundled checklist reworded in place, its version kept: no record and no
        self-assessment of a report is scored against it; each is QT331 at its fingerprint,
        as validate says.
        """
        data = edited_example(tmp_path)
        records = ("round-2023/records.yaml", "round-2023/reports.yaml")

        done = run("score", *records, "--all", "--lang", "en", cwd=data)
        checked = run("validate", ".", "--all", "--lang", "en", cwd=data)

        changed = (
            "QT331: {}checklist.fingerprint: checklist 'kt-co-quan-2023' version 1 was changed"
            " after this was written (its fingerprint differs)"
        )
        # One edit, seven findings: with --all the first says so and each other points at it.
        same = " (the same cause as round-2023/records.yaml:11:59)"
        assert 1 == done.returncode
        assert [
            *(
                f"round-2023/records.yaml:{line}:59: error " + changed.format("") + more
                for line, more in (
                    (11, " (and 6 more with the same cause)"),
                    (40, same),
                    (61, same),
                )
            ),
            *(
                f"round-2023/reports.yaml:{line}:61: error "
                + changed.format("self_assessment.")
                + same
                for line in (229, 300, 422, 493)
            ),
            "39 records read: 0 scored, 7 with errors, 32 without answers",
            "7 errors, 0 warnings",
        ] == done.stdout.splitlines()[-9:]
        assert set(_finding_lines(done.stdout)) <= set(_finding_lines(checked.stdout))
        rows = [line.split() for line in done.stdout.splitlines()[1:-9]]
        assert (7, 32) == (
            sum(1 for row in rows if "not scored" in " ".join(row)),
            sum(1 for row in rows if "not answered" in " ".join(row)),
        )

    def test_an_edited_checklist_in_json(self, tmp_path):
        """
        JSON: the record is listed with status wrong_edition and no score; its issue is among
        the findings; the summary counts records.
        """
        data = edited_example(tmp_path)

        done = run("score", "round-2023/records.yaml", "--format", "json", cwd=data)

        output = valid(json.loads(done.stdout), "scores")
        assert 1 == done.returncode
        assert [("wrong_edition", None)] * 3 == [
            (s["status"], s["score"]) for s in output["scores"]
        ]
        assert [("QT331", 11, 59), ("QT331", 40, 59), ("QT331", 61, 59)] == [
            (f["code"], f["line"], f["column"]) for f in output["findings"]
        ]
        assert {
            "scored": 3,
            "problems": 3,
            "records": {"read": 3, "scored": 0, "with_errors": 3, "no_answers": 0},
        } == output["summary"]

    def test_checklist_option_must_be_the_pinned_edition(self, tmp_path):
        """
        --checklist scores only answers pinned to that checklist: QT332 says it is the
        checklist scored against, not the plan's.
        """
        data = example(tmp_path)
        text = (data / "checklist-co-quan-2023.yaml").read_text(encoding="utf-8")
        (data / "other.yaml").write_text(
            text.replace("id: kt-co-quan-2023", "id: kt-khac"), encoding="utf-8"
        )

        done = run(
            "score", "round-2023/records.yaml", "--checklist", "kt-khac", "--lang", "en", cwd=data
        )

        assert 1 == done.returncode
        assert [
            *(
                f"round-2023/records.yaml:{line}:17: error QT332: checklist.id: written against"
                " checklist 'kt-co-quan-2023', but it is scored against 'kt-khac'"
                for line in (11, 40, 61)
            ),
            "3 records read: 0 scored, 3 with errors, 0 without answers",
            "3 errors, 0 warnings",
        ] == done.stdout.splitlines()[4:]

    def test_synthesize_scores_no_unit_against_an_edited_checklist(self, tmp_path):
        """
        The synthesis of the edited example: no unit has a score, each unit with answers has
        its QT331 issues, exit 1.
        """
        data = edited_example(tmp_path)

        done = run(
            "synthesize", "hn-kt-qtux-2023", "--as-of", "2023-08-31", "--format", "json", cwd=data
        )

        output = valid(json.loads(done.stdout), "synthesis")
        assert 1 == done.returncode
        assert ([], {}) == (
            [u["code"] for u in output["units"] if u["appraised"] or u["self"]],
            output["summary"]["by_band"],
        )
        assert {
            "019": ["QT331"],
            "268": ["QT331"],
            "269": ["QT331"],
            "277": ["QT331"],
            "279": ["QT331", "QT331"],
            "so-ldtbxh": ["QT331", "QT331"],
            "so-noi-vu": ["QT331"],
        } == {u["code"]: [i["code"] for i in u["issues"]] for u in output["units"] if u["issues"]}

    def test_the_demo_scores_no_unit_against_an_edited_checklist(
        self, tmp_path, monkeypatch, capsys
    ):
        """
        `quytac demo` over the edited example (in place of the bundled one): no unit scored,
        the QT331 issues among its findings, exit 1.
        """
        data = edited_example(tmp_path)
        monkeypatch.setattr(quytac._bundled, "example_path", lambda: str(data))

        status = cli.main(["demo", "--format", "json", "--lang", "en"])

        output = valid(json.loads(capsys.readouterr().out), "demo")
        assert 1 == status
        assert [("hn-kt-qtux-2022", {}, []), ("hn-kt-qtux-2023", {}, [])] == [
            (
                s["plan"],
                s["summary"]["by_band"],
                [u["code"] for u in s["units"] if u["appraised"] or u["self"]],
            )
            for s in output["syntheses"]
        ]
        assert ["QT331"] * 9 == [f["code"] for f in output["findings"]]


class TestScoreCounts:
    """
    The summary of quytac score counts records, not problems.
    """

    def test_a_record_with_many_problems_counts_once(self, tmp_path):
        """
        Three records: one with three answers that do not fit (on three lines), one that does
        not load, one good: 3 read, 1 scored, 2 with errors.
        """
        path = tmp_path / "records.yaml"
        shutil.copy(DATA / "round-2023" / "records.yaml", path)
        repin(path, "{I.1: pass, I.2: 6, I.3: pass,", "{I.1: maybe, I.2: 6, I.3: pass,")
        repin(path, " III.2: 7.5, III.3: pass,", " III.2: 7.5, III.3: maybe,")
        repin(path, "   IV.2: pass, IV.3: pass, V.1: 2,", "   IV.2: maybe, IV.3: pass, V.1: 2,")
        repin(path, 'unit: "269"\n', 'unit: "269"\ncolour: red\n')

        done = run("score", "records.yaml", "--workspace", str(DATA), "--lang", "en", cwd=tmp_path)

        assert 1 == done.returncode
        assert [
            "3 records read: 1 scored, 2 with errors, 0 without answers",
            "4 errors, 0 warnings",
        ] == done.stdout.splitlines()[-2:]

    def test_reports_without_answers_are_counted_apart(self):
        """
        The bundled reports: 36 read, 4 scored, 32 without answers.
        """
        done = run("score", "round-2023/reports.yaml", "--workspace", ".", cwd=DATA)

        assert (0, "đã đọc 36 hồ sơ: 4 đã chấm, 0 có lỗi, 32 không có câu trả lời") == (
            done.returncode,
            done.stdout.splitlines()[-2],
        )


#: A record of Sơn Tây in which I.1 (critical) fails and II.1 skips II.2.
CAPPED = """\
kind: InspectionRecord
schema: quytac/v1
id: ktr-thu
plan: hn-kt-qtux-2023
unit: "269"
inspected_on: 2023-08-15
checklist: {{id: kt-co-quan-2023, version: 1, fingerprint: {fingerprint}}}
answers: {{I.1: fail, I.2: 5, I.3: pass, II.1: khong, II.3: 5, II.4: pass, III.1: day_du,
  III.2: 7, III.3: pass, IV.1: 5.5, IV.2: pass, IV.3: pass, V.1: 4, V.2: da_so, V.3: na}}
"""


def capped_record(folder):
    path = folder / "ktr-thu.yaml"
    path.write_text(CAPPED.format(fingerprint=quytac.fingerprint(_CHECKLIST)), encoding="utf-8")
    return path


def score_capped(folder, *options):
    """
    quytac score of the capped record, written in ``folder``, with the options given.
    """
    capped_record(folder)
    return run("score", "ktr-thu.yaml", "--workspace", str(DATA), *options, cwd=folder)


class TestScoreExplain:
    """
    quytac score --explain, and the Markdown and HTML reports of scores.
    """

    def test_each_record_is_explained_after_the_table(self):
        """
        After the table, in its order, each record: what it is, then the detailed explanation
        of its score; then the counts. Without --explain, only the table and the counts.
        """
        done = run(
            "score",
            "round-2023/records.yaml",
            "--workspace",
            ".",
            "--explain",
            "--lang",
            "en",
            cwd=DATA,
        )
        plain = run(
            "score", "round-2023/records.yaml", "--workspace", ".", "--lang", "en", cwd=DATA
        )
        records = quytac.load_all(DATA / "round-2023" / "records.yaml")
        blocks = {
            record.id: quytac.render.explanation.text(
                quytac.score(_CHECKLIST, record.answers).explain(), "en", detailed=True
            )
            for record in records
        }

        assert (0, "") == (done.returncode, done.stderr)
        table = plain.stdout.splitlines()[:4]
        assert (
            "\n".join(
                [
                    *table,
                    "",
                    "ktr-2023-thuong-tin: Huyện Thường Tín",
                    "Inspection record, round-2023/records.yaml:53; checklist kt-co-quan-2023,"
                    " version 1",
                    blocks["ktr-2023-thuong-tin"],
                    "",
                    "ktr-2023-so-ldtbxh: Sở Lao động - Thương binh và Xã hội",
                    "Inspection record, round-2023/records.yaml:4; checklist kt-co-quan-2023,"
                    " version 1",
                    blocks["ktr-2023-so-ldtbxh"],
                    "",
                    "ktr-2023-son-tay: Thị xã Sơn Tây",
                    "Inspection record, round-2023/records.yaml:32; checklist kt-co-quan-2023,"
                    " version 1",
                    blocks["ktr-2023-son-tay"],
                    "",
                    "3 records read: 3 scored, 0 with errors, 0 without answers",
                    "0 errors, 0 warnings",
                    "",
                ]
            )
            == done.stdout
        )
        assert 6 == len(plain.stdout.splitlines())

    def test_a_capped_record_says_the_band_it_would_have_had(self, tmp_path):
        """
        I.1 failed: 77.72 % would be Khá, capped at Trung bình; II.2 is skipped by II.1.
        """
        done = score_capped(tmp_path, "--explain")

        lines = done.stdout.splitlines()
        assert (0, "") == (done.returncode, done.stderr)
        assert [
            "ktr-thu: Thị xã Sơn Tây",
            "Biên bản kiểm tra, ktr-thu.yaml:1; phiếu kiểm tra kt-co-quan-2023, phiên bản 1",
            "kt-co-quan-2023: 77,72 % (Trung bình), 71,5/92 điểm, phạm vi 14/14",
            "  các mức xếp loại: Tốt từ 80 %, Khá từ 70 %, Trung bình từ 50 %, Yếu từ 0 %",
            "  xếp loại bị giới hạn ở Trung bình do câu hỏi bắt buộc không đạt: I.1",
            "  nếu không bị giới hạn, xếp loại là Khá",
            "  I Công tác lãnh đạo, chỉ đạo: 15/25",
            "    I.1 Có kế hoạch, văn bản triển khai thực hiện hai quy tắc ứng xử",
            "        không đạt: 0/10, được tính; câu hỏi bắt buộc không đạt",
        ] == lines[3:12]
        assert [
            "    II.2 Bảng niêm yết đặt nơi dễ quan sát, còn rõ chữ",
            "        -, bỏ qua: II.1 = khong, cần II.1 thuộc [day_du, mot_phan]",
        ] == lines[lines.index("    II.2 Bảng niêm yết đặt nơi dễ quan sát, còn rõ chữ") :][:2]

    def test_a_control_character_in_the_file_name_is_shown_as_an_escape(self, tmp_path):
        """
        The heading of an explained record names its file; an ESC in the name cannot
        recolour the terminal.
        """
        capped_record(tmp_path).rename(tmp_path / "ktr\x1b[31m.yaml")

        done = run("score", "ktr\x1b[31m.yaml", "--workspace", str(DATA), "--explain", cwd=tmp_path)

        assert (0, "") == (done.returncode, done.stderr)
        assert (
            "Biên bản kiểm tra, ktr\\x1b[31m.yaml:1; phiếu kiểm tra kt-co-quan-2023, phiên bản 1"
        ) == done.stdout.splitlines()[4]

    def test_json_carries_the_explanation(self, tmp_path):
        """
        --format json --explain: each entry has its explanation (null when not scored), valid
        against the output schema; the skipped item names its condition as data.
        """
        capped_record(tmp_path)
        (tmp_path / "bc.yaml").write_text(
            "kind: Report\nschema: quytac/v1\nid: bc\nplan: hn-kt-qtux-2023\nunit: '279'\n"
            "number: 1/BC\nsubmitted_on: 2023-07-20\n"
            "outline: {id: de-cuong-2023, version: 1, fingerprint: 738db650dd0b8de8}\n",
            encoding="utf-8",
        )

        done = run(
            "score",
            "ktr-thu.yaml",
            "bc.yaml",
            "--workspace",
            str(DATA),
            "--explain",
            "--format",
            "json",
            "--lang",
            "en",
            cwd=tmp_path,
        )
        plain = run(
            "score", "ktr-thu.yaml", "--workspace", str(DATA), "--format", "json", cwd=tmp_path
        )

        data = valid(json.loads(done.stdout), "scores")
        first, second = data["scores"]
        explained = first["explanation"]
        sections = {section["id"]: section for section in explained["sections"]}
        items = {item["id"]: item for item in sections["II"]["items"]}
        assert (0, "") == (done.returncode, done.stderr)
        assert ("trung_binh", "kha") == (first["score"]["band"], explained["uncapped_band"])
        assert [
            {"id": "tot", "label": "Good", "min": "80"},
            {"id": "kha", "label": "Fair", "min": "70"},
            {"id": "trung_binh", "label": "Average", "min": "50"},
            {"id": "yeu", "label": "Weak", "min": "0"},
        ] == explained["bands"]
        assert {
            "id": "II.2",
            "text": "Bảng niêm yết đặt nơi dễ quan sát, còn rõ chữ",
            "critical": False,
            "answer": None,
            "status": "skipped",
            "counted": False,
            "awarded": None,
            "maximum": "2",
            "weight": None,
            "critical_failed": False,
            "reason": "skipped: II.1 = khong, needs II.1 in [day_du, mot_phan]",
            "unmet": [
                {
                    "condition": {"item": "II.1", "in": ["day_du", "mot_phan"]},
                    "seen": {"II.1": "khong"},
                }
            ],
            "issues": [],
        } == items["II.2"]
        assert ("no_answers", None) == (second["status"], second["explanation"])
        assert "explanation" not in valid(json.loads(plain.stdout), "scores")["scores"][0]

    def test_an_answer_that_does_not_fit_is_explained(self, tmp_path):
        """
        A record whose answer does not fit has no percent; its explanation says which item
        and why, with the issue (also listed with its place).
        """
        path = capped_record(tmp_path)
        repin(path, "IV.2: pass", "IV.2: yes")

        done = run(
            "score",
            "ktr-thu.yaml",
            "--workspace",
            str(DATA),
            "--explain",
            "--lang",
            "en",
            cwd=tmp_path,
        )

        lines = done.stdout.splitlines()
        at = lines.index("    IV.2 Cán bộ, công chức đeo thẻ, trang phục gọn gàng, lịch sự")
        assert 1 == done.returncode
        assert "kt-co-quan-2023: no score, 63.5/92 points, coverage 13/14" == lines[5]
        assert (
            "        yes: 0/8, the answer does not fit: counted as failed (QT451: expected pass or"
            " fail for a yes_no item, got 'yes'; did you mean 'pass'?)"
        ) == lines[at + 1]
        assert (
            'ktr-thu.yaml:9:43: error QT451: answers["IV.2"]: expected pass or fail for a'
            " yes_no item, got 'yes'; did you mean 'pass'?"
        ) in lines

    @pytest.mark.parametrize("format_", ["markdown", "html"])
    def test_the_reports_explain_without_asking(self, tmp_path, format_):
        """
        The Markdown and HTML reports carry the explanations, --explain or not.
        """
        asked = score_capped(tmp_path, "--format", format_, "--explain")
        done = score_capped(tmp_path, "--format", format_)

        assert (0, "", asked.stdout) == (done.returncode, done.stderr, done.stdout)
        assert "ktr-thu: Thị xã Sơn Tây" in done.stdout

    def test_the_markdown_report(self, tmp_path):
        """
        The title, the table of scores, each record's explanation, the counts.
        """
        done = score_capped(tmp_path, "--format", "markdown", "--lang", "en")

        lines = done.stdout.splitlines()
        assert [
            "# Scores and their explanation",
            "",
            "| Source | Document | Unit | Checklist | Percent | Band | Coverage | Capped by |",
            "|---|---|---|---|---:|---|---|---|",
            "| ktr-thu.yaml:1 | ktr-thu | Thị xã Sơn Tây | kt-co-quan-2023 | 77.72 |"
            " Average | 14/14 | I.1 |",
            "",
            "## ktr-thu: Thị xã Sơn Tây",
            "",
            "Inspection record, ktr-thu.yaml:1; checklist kt-co-quan-2023, version 1",
            "",
            "**kt-co-quan-2023: 77.72 % (Average), 71.5/92 points, coverage 14/14**",
            "",
            "band capped at Average: critical item failed: I.1  ",
            "without the cap the band would be Fair",
        ] == lines[:14]
        assert [
            "| II.2 | Bảng niêm yết đặt nơi dễ quan sát, còn rõ chữ | \\- | \\- | skipped: II.1 ="
            " khong, needs II.1 in \\[day\\_du, mot\\_phan\\] |"
        ] == [line for line in lines if line.startswith("| II.2 |")]
        assert [
            "1 record read: 1 scored, 0 with errors, 0 without answers  ",
            "0 errors, 0 warnings",
        ] == lines[-2:]

    def test_the_html_report(self, tmp_path):
        """
        One self-contained page: the table of scores, then an article a record with a table a
        section, read back here; nothing is fetched, there is no script.
        """
        done = score_capped(tmp_path, "--format", "html", "--output", "diem.html")

        page = (tmp_path / "diem.html").read_text(encoding="utf-8")
        rows = _table_rows(page)
        assert (0, "", "") == (done.returncode, done.stdout, done.stderr)
        assert "<script" not in page
        assert "default-src 'none'" in page
        assert [
            "Nguồn | Tài liệu | Đơn vị | Phiếu kiểm tra | Điểm (%) | Xếp loại | Mức bao phủ"
            " | Bị giới hạn bởi",
            "ktr-thu.yaml:1 | ktr-thu | Thị xã Sơn Tây | kt-co-quan-2023 | 77,72 | Trung bình"
            " | 14/14 | I.1",
            "Xếp loại | Từ (%)",
            "Tốt | 80",
        ] == rows[:4]
        assert (
            "I.1 | Có kế hoạch, văn bản triển khai thực hiện hai quy tắc ứng xử | không đạt | 0/10"
            " | được tính; câu hỏi bắt buộc không đạt"
        ) in rows
        assert (
            "II.2 | Bảng niêm yết đặt nơi dễ quan sát, còn rõ chữ | - | -"
            " | bỏ qua: II.1 = khong, cần II.1 thuộc [day_du, mot_phan]"
        ) in rows
        assert 5 == page.count('<table class="items">')


def _table_rows(page):
    """
    The rows of every table of an HTML page, cells joined with " | ".
    """
    from html.parser import HTMLParser  # noqa: PLC0415

    class Rows(HTMLParser):
        def __init__(self):
            super().__init__()
            self.rows, self.cells = [], None

        def handle_starttag(self, tag, _attrs):
            if tag == "tr":
                self.cells = []
            elif tag in ("td", "th") and self.cells is not None:
                self.cells.append("")

        def handle_endtag(self, tag):
            if tag == "tr":
                self.rows.append(" | ".join(self.cells))
                self.cells = None

        def handle_data(self, data):
            if self.cells:
                self.cells[-1] += data

    parser = Rows()
    parser.feed(page)
    return parser.rows


class TestSynthesize:
    def test_text(self):
        """
        The units in Vietnamese alphabetical order, the counts, the bands with their labels,
        the late and missing units.
        """
        done = run(
            "synthesize", "hn-kt-qtux-2023", "--as-of", "2023-08-31", "--lang", "en", cwd=DATA
        )

        assert (0, "") == (done.returncode, done.stderr)
        lines = done.stdout.splitlines()
        assert (
            "Inspection of the codes of conduct, Q3/2023 (hn-kt-qtux-2023), as of 2023-08-31"
            == lines[0]
        )
        assert [
            "Unit                                                          Code          Form      Status     Appraised   Self-assessed  Issues",
            "Ban Quản lý các khu công nghiệp và chế xuất Hà Nội            ban-qlkcn-cx  indirect  on time    -           -                   0",
            "Đài Phát thanh và Truyền hình Hà Nội                          dai-ptth-hn   indirect  on time    -           -                   0",
            "Huyện Ba Vì                                                   271           indirect  on time    -           -                   0",
            "Huyện Chương Mỹ                                               277           indirect  on time    -           70.74 Fair          0",
        ] == lines[2:7]
        assert [
            "By status: inspected: 3, not inspected: 0, on time: 35, late: 1, missing: 1, not due: 0",
            "By band: Good: 5, Fair: 2",
            "Late reports: Quận Bắc Từ Liêm (021)",
            "Missing reports: Huyện Mỹ Đức (282)",
        ] == lines[44:48]
        start = lines.index("Ranking")
        assert [
            "Ranking",
            "Rank  Unit                                 Score  Band",
            "   1  Quận Nam Từ Liêm                       100  Good",
            "   2  Sở Lao động - Thương binh và Xã hội  93.09  Good",
            "   3  Quận Hà Đông                          92.5  Good",
            "   4  Sở Nội vụ                             88.3  Good",
            "   5  Thị xã Sơn Tây                        85.5  Good",
            "   6  Huyện Thường Tín                      73.5  Fair",
            "   7  Huyện Chương Mỹ                      70.74  Fair",
        ] == lines[start : start + 9]
        assert "Tờ rơi, tờ gấp phát hành                          622000  tờ" in lines
        assert [
            "Roll-up (mean)",
            "Unit              Score  Units",
            "Thành phố Hà Nội  84.03      3",
        ] == lines[-3:]

    def test_text_in_vietnamese(self):
        """
        Vietnamese by default: statuses, bands and headings.
        """
        done = run("synthesize", "hn-kt-qtux-2023", "--as-of", "2023-08-31", cwd=DATA)

        lines = done.stdout.splitlines()
        assert [
            "Theo tình trạng: đã kiểm tra: 3, chưa kiểm tra: 0, đúng hạn: 35, muộn: 1, chưa nộp: 1, chưa đến hạn: 0",
            "Theo xếp loại: Tốt: 5, Khá: 2",
            "Báo cáo nộp muộn: Quận Bắc Từ Liêm (021)",
            "Chưa nộp báo cáo: Huyện Mỹ Đức (282)",
        ] == lines[44:48]
        assert [
            "Tổng hợp theo cấp (trung bình)",
            "Đơn vị             Điểm  Số đơn vị",
            "Thành phố Hà Nội  84,03          3",
        ] == lines[-3:]

    def test_json(self):
        """
        The JSON of DESIGN.md §6, valid against the documented schema.
        """
        done = run(
            "synthesize", "hn-kt-qtux-2023", "--as-of", "2023-08-31", "--format", "json", cwd=DATA
        )

        data = valid(json.loads(done.stdout), "synthesis")
        assert (1, "hn-kt-qtux-2023", "2023-08-31") == (
            data["format_version"],
            data["plan"],
            data["as_of"],
        )
        son_tay = next(u for u in data["units"] if u["code"] == "269")
        assert {
            "code": "269",
            "name": "Thị xã Sơn Tây",
            "assignment": "direct",
            "status": "inspected",
            "appraised": {"percent": "85.5", "exact": "171/2", "band": "tot"},
            "self": None,
            "issues": [],
        } == {
            k: son_tay[k]
            for k in ("code", "name", "assignment", "status", "appraised", "self", "issues")
        }
        assert {
            "inspected": 3,
            "not_inspected": 0,
            "on_time": 35,
            "late": 1,
            "missing": 1,
            "not_due": 0,
        } == data["summary"]["by_status"]
        assert {"kha": 2, "tot": 5} == data["summary"]["by_band"]
        assert "622000" == data["summary"]["indicator_totals"]["to_roi"]
        assert [
            {"id": "tot", "label": "Tốt", "min": "80"},
            {"id": "kha", "label": "Khá", "min": "70"},
            {"id": "trung_binh", "label": "Trung bình", "min": "50"},
            {"id": "yeu", "label": "Yếu", "min": "0"},
        ] == data["bands"]

    def test_before_the_deadline(self):
        """
        --as-of before the due date: the reports not yet received are not due.
        """
        done = run(
            "synthesize", "hn-kt-qtux-2023", "--as-of", "2023-07-01", "--format", "json", cwd=DATA
        )

        data = valid(json.loads(done.stdout), "synthesis")
        assert 0 == data["summary"]["by_status"]["missing"]
        assert data["summary"]["by_status"]["not_due"] > 0

    def test_markdown_header_and_sections(self):
        """
        The header of an administrative report: issuing body under its superior, number,
        national motto, place and date; then the sections.
        """
        done = run(
            "synthesize",
            "hn-kt-qtux-2023",
            "--as-of",
            "2023-08-31",
            "--format",
            "markdown",
            "--number",
            "215/BC-SVHTT",
            cwd=DATA,
        )

        assert 0 == done.returncode
        lines = done.stdout.splitlines()
        assert [
            "UBND THÀNH PHỐ HÀ NỘI  ",
            "**SỞ VĂN HÓA VÀ THỂ THAO**  ",
            "Số: 215/BC-SVHTT",
            "",
            "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**  ",
            "**Độc lập - Tự do - Hạnh phúc**",
            "",
            "*Hà Nội, ngày 31 tháng 8 năm 2023*",
            "",
            "# BÁO CÁO",
            "",
            "**Kết quả kiểm tra việc thực hiện Quy tắc ứng xử quý III/2023**",
        ] == lines[:12]
        assert [
            "### Báo cáo nộp muộn",
            "",
            "- Quận Bắc Từ Liêm (021)",
            "",
            "### Chưa nộp báo cáo",
            "",
            "- Huyện Mỹ Đức (282)",
        ] == lines[lines.index("### Báo cáo nộp muộn") :][:7]
        assert "| 3 | Tờ rơi, tờ gấp phát hành | tờ | 622.000 |  |" in lines
        assert "| Tốt | 5 |" in lines

    def test_html_is_one_page_without_requests(self):
        """
        HTML: one self-contained page: no script, no link, no image fetched.
        """
        done = run(
            "synthesize", "hn-kt-qtux-2023", "--as-of", "2023-08-31", "--format", "html", cwd=DATA
        )

        page = done.stdout
        assert 0 == done.returncode
        assert page.startswith('<!DOCTYPE html>\n<html lang="vi">')
        for needle in ("<script", "<link", "src=", "href=", "@import", "url("):
            assert needle not in page
        assert "<svg" in page
        assert "Số: ……/BC" in page

    def test_names_are_escaped_in_every_format(self, workspace):
        """
        A unit named like markup shows as text: escaped in HTML and Markdown.
        """
        units = workspace / "hanoi-2023-units.yaml"
        units.write_text(
            units.read_text(encoding="utf-8").replace(
                "name: Huyện Mỹ Đức", 'name: "<script>alert(1)</script> & *Mỹ Đức*"'
            ),
            encoding="utf-8",
        )
        args = ("synthesize", "hn-kt-qtux-2023", "--as-of", "2023-08-31", "--format")

        html = run(*args, "html", cwd=workspace).stdout
        markdown = run(*args, "markdown", cwd=workspace).stdout

        assert "<script" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; *Mỹ Đức* (282)" in html
        assert "- \\<script\\>alert(1)\\</script\\> \\& \\*Mỹ Đức\\* (282)" in markdown.splitlines()

    def test_issues_of_the_documents_that_count(self, workspace):
        """
        An answer that does not fit: the unit is not scored, the issue is listed at its
        file:line:column, and the exit status is 1.
        """
        path = workspace / "round-2023" / "records.yaml"
        text = path.read_text(encoding="utf-8")
        path.write_text(
            text.replace("I.2: 5, I.3: pass", "I.2: 5, I.3: maybe", 1), encoding="utf-8"
        )

        done = run(
            "synthesize", "hn-kt-qtux-2023", "--as-of", "2023-08-31", "--lang", "en", cwd=workspace
        )

        lines = done.stdout.splitlines()
        assert 1 == done.returncode
        assert [
            "Issues",
            'round-2023/records.yaml:42:28: error QT451: answers["I.3"]: expected pass or fail'
            " for a yes_no item, got 'maybe'",
        ] == lines[lines.index("Issues") :][:2]
        assert any(line.startswith("Thị xã Sơn Tây") and line.endswith("1") for line in lines)

    def test_documents_about_units_outside_the_plan(self, workspace):
        """
        A report about a unit the plan does not assign: its issue is listed, exit 1.
        """
        path = workspace / "round-2023" / "reports.yaml"
        text = path.read_text(encoding="utf-8")
        extra = (
            text.split("\n---\n")[1]
            .replace("id: bc-2023-001", "id: bc-2023-vhtt")
            .replace('unit: "001"', "unit: so-vhtt")
        )
        path.write_text(text.rstrip("\n") + "\n---\n" + extra + "\n", encoding="utf-8")

        done = run(
            "synthesize", "hn-kt-qtux-2023", "--as-of", "2023-08-31", "--lang", "en", cwd=workspace
        )

        lines = done.stdout.splitlines()
        assert 1 == done.returncode
        assert [
            "Issues",
            "round-2023/reports.yaml:637:7: error QT327: unit: unit 'so-vhtt' is not in the scope"
            " of plan 'hn-kt-qtux-2023'",
        ] == lines[lines.index("Issues") :][:2]

    def test_an_unknown_plan_is_a_usage_error(self):
        """
        The plans there are are named.
        """
        done = run("synthesize", "nope", "--lang", "en", cwd=DATA)

        assert (
            2,
            "",
            "quytac synthesize: there is no plan 'nope' in . (plans: hn-kt-qtux-2022,"
            " hn-kt-qtux-2023)\n",
        ) == (done.returncode, done.stdout, done.stderr)

    def test_a_bad_date_is_a_usage_error(self):
        """
        --as-of is an ISO date.
        """
        done = run("synthesize", "hn-kt-qtux-2023", "--as-of", "31/08/2023", cwd=DATA)

        assert (
            2,
            "quytac synthesize: --as-of phải là ngày dạng YYYY-MM-DD, nhận được '31/08/2023'\n",
        ) == (done.returncode, done.stderr)

    def test_a_broken_workspace_is_not_synthesised(self, workspace):
        """
        A file of the workspace that does not load: its problems, and no partial synthesis.
        """
        (workspace / "broken.yaml").write_text("kind: Report\n", encoding="utf-8")

        done = run("synthesize", "hn-kt-qtux-2023", "--lang", "en", cwd=workspace)

        assert 1 == done.returncode
        assert "quytac synthesize: the workspace . has problems; nothing is synthesised\n" == (
            done.stderr
        )
        assert done.stdout.splitlines()[0].startswith("broken.yaml:1:1: error QT103: ")
        assert done.stdout.endswith(" errors, 0 warnings\n")


def _codes(folder):
    """
    The bundled codes of conduct, which the bundled checklist cites, copied into a folder.
    """
    for name in ("qtux-can-bo.yaml", "qtux-noi-cong-cong.yaml"):
        shutil.copy(DATA / name, folder / name)


TESTED = """\
kind: Checklist
schema: quytac/v1
id: kt-thu
title: Phiếu kiểm tra thử
codes: [qtux-can-bo]
scoring:
  bands:
    - {id: dat, label: Đạt, min: 50}
    - {id: chua_dat, label: Chưa đạt, min: 10}
sections:
  - id: I
    title: Công tác chỉ đạo
    items:
      - {id: I.1, text: Có văn bản triển khai, points: 2, refs: [qtux-can-bo:99]}
      - {id: I.2, text: Có niêm yết, points: 2, when: {item: I.9, equals: pass}}
examples:
  - name: đạt tất cả
    answers: {I.1: pass}
    expect: {percent: 100, band: dat}
"""


class TestTest:
    def test_the_bundled_checklist_passes(self):
        """
        Every example of the bundled checklist gives what it expects.
        """
        done = run("test", ".", "--lang", "en", cwd=DATA)

        assert (
            0,
            "kt-co-quan-2023: 7 examples, 0 failed\n1 checklist, 7 examples, 0 failed\n",
        ) == (
            done.returncode,
            done.stdout,
        )

    def test_a_failing_example_is_reported_at_its_place(self, tmp_path):
        """
        A wrong expectation: the failure with file:line:column and path, exit 1.
        """
        text = (DATA / "checklist-co-quan-2023.yaml").read_text(encoding="utf-8")
        (tmp_path / "c.yaml").write_text(
            text.replace("expect: {percent: 100, band: tot,", "expect: {percent: 99, band: tot,"),
            encoding="utf-8",
        )
        _codes(tmp_path)

        done = run("test", ".", "--lang", "en", cwd=tmp_path)

        assert (1, "") == (done.returncode, done.stderr)
        assert [
            "c.yaml:172:23: error QT460: examples[0].expect.percent: example 'đạt tất cả':"
            " expected percent 99, got 100",
            "kt-co-quan-2023: 7 examples, 1 failed",
            "1 checklist, 7 examples, 1 failed",
        ] == done.stdout.splitlines()

    def test_json(self, tmp_path):
        """
        The failures in JSON, valid against the schema.
        """
        text = (DATA / "checklist-co-quan-2023.yaml").read_text(encoding="utf-8")
        (tmp_path / "c.yaml").write_text(
            text.replace("expect: {percent: 100, band: tot,", "expect: {percent: 99, band: tot,"),
            encoding="utf-8",
        )
        _codes(tmp_path)

        done = run("test", ".", "--format", "json", cwd=tmp_path)

        data = valid(json.loads(done.stdout), "test")
        assert {"checklists": 1, "invalid": 0, "examples": 7, "failed": 1} == data["summary"]
        assert (True, []) == (data["checklists"][0]["valid"], data["checklists"][0]["issues"])
        assert ["examples[0].expect.percent"] == [
            f["path_text"] for f in data["checklists"][0]["failures"]
        ]

    def test_a_checklist_that_validate_rejects_is_not_called_good(self, tmp_path):
        """
        Its examples all pass, but its bands leave a gap, an item cites an article its code
        does not have and a condition tests no item: those errors come first, located, the
        checklist is invalid and the exit status is 1.
        """
        (tmp_path / "c.yaml").write_text(TESTED, encoding="utf-8")
        _codes(tmp_path)

        done = run("test", ".", "--lang", "en", cwd=tmp_path)

        assert (1, "") == (done.returncode, done.stderr)
        assert [
            "c.yaml:8:5: error QT415: scoring.bands: no band covers 0 up to 10:"
            " the lowest band must start at 0",
            "c.yaml:14:66: error QT423: sections[0].items[0].refs[0]:"
            " the code 'qtux-can-bo' has no article 99",
            "c.yaml:15:62: error QT430: sections[0].items[1].when.item:"
            " the condition tests 'I.9', which is not an item of this checklist",
            "kt-thu: invalid (3 errors), 1 example, 0 failed",
            "1 checklist (1 invalid), 1 example, 0 failed",
        ] == done.stdout.splitlines()

    def test_an_invalid_checklist_in_vietnamese(self, tmp_path):
        """
        The same in Vietnamese, the default.
        """
        (tmp_path / "c.yaml").write_text(TESTED, encoding="utf-8")
        _codes(tmp_path)

        done = run("test", ".", cwd=tmp_path)

        assert [
            "kt-thu: không hợp lệ (3 lỗi), 1 ví dụ, 0 không đạt",
            "1 phiếu kiểm tra (1 không hợp lệ), 1 ví dụ, 0 không đạt",
        ] == done.stdout.splitlines()[-2:]

    def test_the_issues_come_before_the_failing_examples(self, tmp_path):
        """
        A checklist's issues, then its examples' failures, then its line.
        """
        (tmp_path / "c.yaml").write_text(
            TESTED.replace("percent: 100", "percent: 90"), encoding="utf-8"
        )
        _codes(tmp_path)

        done = run("test", ".", "--lang", "en", cwd=tmp_path)

        assert [
            "c.yaml:19:23: error QT460: examples[0].expect.percent: example 'đạt tất cả':"
            " expected percent 90, got 100",
            "kt-thu: invalid (3 errors), 1 example, 1 failed",
            "1 checklist (1 invalid), 1 example, 1 failed",
        ] == done.stdout.splitlines()[3:]

    def test_warnings_are_shown_and_do_not_fail(self, tmp_path):
        """
        A warning of the checklist's rules (a code cited but not listed) is shown; the
        checklist is valid and the exit status 0.
        """
        fixed = (
            TESTED.replace("min: 10", "min: 0")
            .replace("qtux-can-bo:99", "qtux-noi-cong-cong:3")
            .replace("item: I.9, equals: pass", "item: I.1, equals: fail")
        )
        (tmp_path / "c.yaml").write_text(fixed, encoding="utf-8")
        _codes(tmp_path)

        done = run("test", ".", "--lang", "en", cwd=tmp_path)

        assert (0, "") == (done.returncode, done.stderr)
        assert [
            "c.yaml:14:66: warning QT422: sections[0].items[0].refs[0]:"
            " the code 'qtux-noi-cong-cong' is not listed in the checklist's codes",
            "kt-thu: 1 example, 0 failed",
            "1 checklist, 1 example, 0 failed",
        ] == done.stdout.splitlines()

    def test_references_are_looked_up_in_the_files_given(self, tmp_path):
        """
        The codes a checklist cites are looked up in the files and folders given, as
        ``quytac validate`` looks them up: the bundled checklist alone cites unknown codes.
        """
        shutil.copy(DATA / "checklist-co-quan-2023.yaml", tmp_path / "c.yaml")
        _codes(tmp_path)

        alone = run("test", "c.yaml", "--lang", "en", cwd=tmp_path)
        together = run(
            "test", "c.yaml", "qtux-can-bo.yaml", "qtux-noi-cong-cong.yaml", cwd=tmp_path
        )

        assert (1, 0) == (alone.returncode, together.returncode)
        assert [
            "c.yaml:12:9: error QT421: codes[0]: unknown code 'qtux-can-bo':"
            " no ConductCode with this id in the workspace",
            "c.yaml:12:22: error QT421: codes[1]: unknown code 'qtux-noi-cong-cong':"
            " no ConductCode with this id in the workspace",
            "kt-co-quan-2023: invalid (2 errors), 7 examples, 0 failed",
            "1 checklist (1 invalid), 7 examples, 0 failed",
        ] == alone.stdout.splitlines()
        assert 1 == run("validate", "c.yaml", cwd=tmp_path).returncode

    def test_json_of_an_invalid_checklist(self, tmp_path):
        """
        In JSON the checklist is ``valid: false`` with its ``issues`` (errors and warnings),
        apart from its examples' ``failures``; the summary counts it as invalid.
        """
        (tmp_path / "c.yaml").write_text(TESTED, encoding="utf-8")
        _codes(tmp_path)

        done = run("test", ".", "--format", "json", "--lang", "en", cwd=tmp_path)

        data = valid(json.loads(done.stdout), "test")
        (tested,) = data["checklists"]
        assert 1 == done.returncode
        assert {"checklists": 1, "invalid": 1, "examples": 1, "failed": 0} == data["summary"]
        assert (False, [], ["QT415", "QT423", "QT430"]) == (
            tested["valid"],
            tested["failures"],
            [issue["code"] for issue in tested["issues"]],
        )
        assert {
            "source": "c.yaml",
            "line": 8,
            "column": 5,
            "path": ["scoring", "bands"],
            "path_text": "scoring.bands",
            "code": "QT415",
            "severity": "error",
            "message": "no band covers 0 up to 10: the lowest band must start at 0",
            "params": {"low": 0, "high": "10"},
        } == tested["issues"][0]

    def test_no_checklist_is_a_usage_error(self, tmp_path):
        """
        Testing a folder without a checklist tests nothing.
        """
        (tmp_path / "a.yaml").write_text(CATALOG.format(id="a"), encoding="utf-8")

        done = run("test", ".", "--lang", "en", cwd=tmp_path)

        assert (2, "quytac test: no checklist in .\n") == (done.returncode, done.stderr)

    def test_a_checklist_that_does_not_load(self, tmp_path):
        """
        A broken checklist file: its problems, exit 1.
        """
        (tmp_path / "c.yaml").write_text(
            "kind: Checklist\nschema: quytac/v1\nid: c\ntitle: T\ncolour: red\n", encoding="utf-8"
        )

        done = run("test", "c.yaml", "--lang", "en", cwd=tmp_path)

        assert 1 == done.returncode
        assert (
            "c.yaml:5:1: error QT104: colour: unknown key (allowed here: kind, schema, id, title,"
            " version, codes, …)"
        ) == done.stdout.splitlines()[0]


class TestDemo:
    def test_the_bundled_example_validates_cleanly(self):
        """
        `quytac demo` runs the bundled example and finds nothing wrong.
        """
        done = run("demo", "--lang", "en")

        assert 0 == done.returncode, done.stdout + done.stderr
        assert done.stdout.startswith("The Hanoi 2023 example: 53 documents (quytac/v1)\n")
        assert done.stdout.endswith("0 errors, 0 warnings\n")

    def test_the_demo_shows_the_five_districts_of_2022(self):
        """
        A new user's first command prints the synthesis of the October 2022 round: the five
        districts of the article (and Sơn Tây), in Vietnamese alphabetical order.
        """
        done = run("demo", "--lang", "en")

        lines = done.stdout.splitlines()
        start = lines.index(
            "Inspection of the codes of conduct, October 2022 round (hn-kt-qtux-2022), as of"
            " 2022-10-31"
        )
        assert [
            "Unit               Code  Form    Status     Appraised  Self-assessed  Issues",
            "Huyện Chương Mỹ    277   direct  inspected  -          -                   0",
            "Quận Bắc Từ Liêm   021   direct  inspected  -          -                   0",
            "Quận Hà Đông       268   direct  inspected  -          -                   0",
            "Quận Hai Bà Trưng  007   direct  inspected  -          -                   0",
            "Quận Nam Từ Liêm   019   direct  inspected  -          -                   0",
            "Thị xã Sơn Tây     269   direct  inspected  -          -                   0",
        ] == lines[start + 2 : start + 9]
        assert (
            "Inspection of the codes of conduct, Q3/2023 (hn-kt-qtux-2023), as of 2023-09-30"
            in lines
        )
        assert (
            "By status: inspected: 3, not inspected: 0, on time: 35, late: 1, missing: 1,"
            " not due: 0" in lines
        )

    def test_the_demo_in_vietnamese(self):
        """
        Vietnamese by default.
        """
        done = run("demo")

        assert done.stdout.startswith("Ví dụ Hà Nội 2023: 53 tài liệu (quytac/v1)\n")
        assert done.stdout.endswith("0 lỗi, 0 cảnh báo\n")

    def test_the_demo_in_json(self):
        """
        `quytac demo --format json` gives both syntheses in the documented shape.
        """
        done = run("demo", "--format", "json")

        data = valid(json.loads(done.stdout), "demo")
        assert ["hn-kt-qtux-2022", "hn-kt-qtux-2023"] == [s["plan"] for s in data["syntheses"]]
        assert ["021"] == data["syntheses"][1]["late"]
        assert ["282"] == data["syntheses"][1]["missing"]
        assert [] == data["findings"]

    @pytest.mark.parametrize("fmt", ["markdown", "html"])
    def test_the_demo_as_a_report(self, fmt):
        """
        Both rounds as reports.
        """
        done = run("demo", "--format", fmt)

        assert 0 == done.returncode
        assert 2 == done.stdout.count("BÁO CÁO")

    def test_a_closed_pipe_is_not_a_traceback(self):
        """
        `quytac demo | head -1`: no traceback when the reader goes away.
        """
        with subprocess.Popen(
            [sys.executable, "-m", "quytac", "demo"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        ) as proc:
            assert proc.stdout is not None
            assert proc.stderr is not None
            first = proc.stdout.readline().decode("utf-8")
            proc.stdout.close()
            errors = proc.stderr.read().decode("utf-8")

        assert "Traceback" not in errors
        assert first.startswith("Ví dụ Hà Nội 2023")


@pytest.fixture
def here(tmp_path, monkeypatch, capsys):
    """
    The command run in this process, in tmp_path: (exit status, stdout, stderr).
    """
    monkeypatch.chdir(tmp_path)

    def run_here(*args):
        status = cli.main(list(args))
        out, err = capsys.readouterr()
        return status, out, err

    return run_here


#: A file name that, printed as it is, would forge a finding line and clear the screen.
FORGED = "a\nfake.yaml:1:1: error QT999: (root): forged\x1b[2J.yaml"


class TestNothingSkippedOrForged:
    def test_a_file_name_cannot_forge_a_finding(self, tmp_path, here):
        """
        A file named with a newline and an escape sequence: one line a finding, the name's
        controls shown as escapes; JSON keeps the name exactly.
        """
        (tmp_path / "ws").mkdir()
        (tmp_path / "ws" / FORGED).write_text(
            "kind: Nope\nschema: quytac/v1\nid: x\ntitle: T\n", encoding="utf-8"
        )

        status, out, err = here("validate", "ws", "--lang", "en")
        data = json.loads(here("validate", "ws", "--format", "json")[1])

        shown = "ws/a\\nfake.yaml:1:1: error QT999: (root): forged\\x1b[2J.yaml"
        assert (1, "") == (status, err)
        assert [
            f"{shown}:1:7: error QT101: kind: unknown kind 'Nope' (expected one of: Checklist,"
            " ConductCode, InspectionPlan, InspectionRecord, Report, ReportOutline, UnitCatalog)",
            "1 error, 0 warnings",
        ] == out.split("\n")[:-1]
        assert [f"ws/{FORGED}"] == [finding["source"] for finding in data["findings"]]

    def test_a_file_name_cannot_split_a_row_of_scores(self, tmp_path, here):
        """
        The score table keeps one line a record whatever the records' file is named.
        """
        shutil.copytree(DATA, tmp_path / "ws")
        records = tmp_path / "ws" / "round-2023" / "records.yaml"
        records.rename(records.with_name(FORGED))

        status, out, err = here("score", f"ws/round-2023/{FORGED}", "--workspace", "ws")

        lines = out.split("\n")[:-1]
        assert (0, "", 6) == (status, err, len(lines))
        assert all(
            line.startswith("ws/round-2023/a\\nfake.yaml:1:1: error QT999: (root): forged")
            for line in lines[1:4]
        )

    def test_nothing_in_a_workspace_is_skipped_silently(self, tmp_path, here):
        """
        A linked folder is read (its errors count), a dangling link and a FIFO are warnings
        with their paths; nothing blocks and nothing is "0 errors" for a file with errors.
        """
        (tmp_path / "elsewhere").mkdir()
        (tmp_path / "elsewhere" / "bad.yaml").write_text(
            "kind: Nope\nschema: quytac/v1\nid: x\ntitle: T\n", encoding="utf-8"
        )
        (tmp_path / "ws").mkdir()
        (tmp_path / "ws" / "a.yaml").write_text(CATALOG.format(id="a"), encoding="utf-8")
        (tmp_path / "ws" / "linked").symlink_to("../elsewhere")
        (tmp_path / "ws" / "gone.yaml").symlink_to("moved.yaml")
        (tmp_path / "ws" / "loop").symlink_to("../ws")
        os.mkfifo(tmp_path / "ws" / "pipe.yaml")

        status, out, err = here("validate", "ws", "--lang", "en")

        assert (1, "") == (status, err)
        assert [
            "ws/gone.yaml: warning QT112: (root): a link to 'moved.yaml', which leads to no file"
            " or folder: not read",
            "ws/linked/bad.yaml:1:7: error QT101: kind: unknown kind 'Nope' (expected one of:"
            " Checklist, ConductCode, InspectionPlan, InspectionRecord, Report, ReportOutline,"
            " UnitCatalog)",
            "ws/pipe.yaml: warning QT113: (root): not a regular file (a pipe, a socket or a"
            " device): not read",
            "1 error, 2 warnings",
        ] == out.splitlines()

    def test_score_walks_records_as_a_workspace_is_walked(self, tmp_path, here):
        """
        The records under a folder: a linked folder's are scored, a dangling link is a
        warning among the findings; the workspace's warnings too, and scoring goes on.
        """
        shutil.copytree(DATA, tmp_path / "ws")
        (tmp_path / "elsewhere").mkdir()
        shutil.copy(tmp_path / "ws" / "round-2023" / "records.yaml", tmp_path / "elsewhere")
        (tmp_path / "records").mkdir()
        (tmp_path / "records" / "linked").symlink_to("../elsewhere")
        (tmp_path / "records" / "gone.jsonl").symlink_to("moved.jsonl")
        (tmp_path / "ws" / "gone.yaml").symlink_to("moved.yaml")

        status, out, err = here("score", "records", "--workspace", "ws", "--lang", "en")

        lines = out.splitlines()
        assert (0, "") == (status, err)
        assert 3 == sum(line.startswith("records/linked/records.yaml:") for line in lines)
        assert [
            "ws/gone.yaml: warning QT112: (root): a link to 'moved.yaml', which leads to no file"
            " or folder: not read",
            "records/gone.jsonl: warning QT112: (root): a link to 'moved.jsonl', which leads to"
            " no file or folder: not read",
            "3 records read: 3 scored, 0 with errors, 0 without answers",
            "0 errors, 2 warnings",
        ] == lines[-4:]

    def test_a_synthesis_tells_what_of_its_workspace_went_unread(self, tmp_path, here):
        """
        A warning of the workspace goes to stderr; the synthesis is made, on stdout.
        """
        shutil.copytree(DATA, tmp_path / "ws")
        (tmp_path / "ws" / "gone.yaml").symlink_to("moved.yaml")

        status, out, err = here(
            "synthesize", "hn-kt-qtux-2023", "--workspace", "ws", "--as-of", "2023-08-31",
            "--format", "json", "--lang", "en",
        )  # fmt: skip

        assert (0, "2023-08-31") == (status, json.loads(out)["as_of"])
        assert (
            "ws/gone.yaml: warning QT112: (root): a link to 'moved.yaml', which leads to no file"
            " or folder: not read\n"
        ) == err


class TestAsOf:
    @pytest.mark.parametrize(
        "text", ["20230831", "2023-W35-4", "2023-W35", "2023-8-31", "２０２３-08-31", "2023-08-31 "]
    )
    def test_only_year_month_day(self, here, text):
        """
        --as-of is YYYY-MM-DD, not the other forms of ISO 8601 date.fromisoformat reads.
        """
        done = here("synthesize", "hn-kt-qtux-2023", "--as-of", text, "--lang", "en")

        assert (2, "", f"quytac synthesize: --as-of must be a date YYYY-MM-DD, got {text!r}\n") == (
            done
        )

    def test_the_default_is_today_in_vietnam(self, monkeypatch, capsys):
        """
        At 18:30 UTC on 31 August it is already 1 September in Hà Nội (UTC+7): the synthesis
        is as of 1 September, whatever the machine's zone.
        """

        class Clock(dt.datetime):
            @classmethod
            def now(cls, tz=None):
                return dt.datetime(2023, 8, 31, 18, 30, tzinfo=dt.UTC).astimezone(tz)

        monkeypatch.setattr(
            cli.synthesize, "dt", types.SimpleNamespace(**{**vars(dt), "datetime": Clock})
        )

        status = cli.main(
            ["synthesize", "hn-kt-qtux-2023", "--workspace", os.fspath(DATA), "--format", "json"]
        )

        assert (0, "2023-09-01") == (status, json.loads(capsys.readouterr().out)["as_of"])

    def test_the_help_says_so(self, capsys):
        """
        --help names the default: today in Vietnam.
        """
        with pytest.raises(SystemExit):
            cli.main(["synthesize", "--help", "--lang", "en"])

        assert "(default: today's date in Vietnam, UTC+7)" in " ".join(
            capsys.readouterr().out.split()
        )


class TestDefaultWorkspace:
    """
    Without --workspace: the current folder, except at the root of a Python project.
    """

    def test_a_python_project_is_not_a_workspace(self, tmp_path, here):
        """
        A folder with a pyproject.toml (its code and tests hold YAML of their own) and no
        [tool.quytac] workspace: a usage error that says what to do.
        """
        shutil.copytree(DATA, tmp_path / "data")
        (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")

        done = here("synthesize", "hn-kt-qtux-2023", "--lang", "en")

        assert (
            2,
            "",
            "quytac synthesize: the current folder is a Python project (it holds pyproject.toml),"
            " not a workspace: give --workspace DIR, or name the folder under [tool.quytac]"
            " workspace in pyproject.toml\n",
        ) == done

    def test_the_project_names_its_workspace(self, tmp_path, here):
        """
        [tool.quytac] workspace = "data": the default of score and synthesize.
        """
        shutil.copytree(DATA, tmp_path / "data")
        (tmp_path / "tests").mkdir()
        (tmp_path / "tests" / "broken.yaml").write_text("kind: Nope\n", encoding="utf-8")
        (tmp_path / "pyproject.toml").write_text(
            '[tool.quytac]\nworkspace = "data"\n', encoding="utf-8"
        )

        status, out, err = here("score", "data/round-2023/records.yaml")
        synthesised = here(
            "synthesize", "hn-kt-qtux-2023", "--as-of", "2023-08-31", "--format", "json"
        )

        assert (0, "", "0 lỗi, 0 cảnh báo") == (status, err, out.splitlines()[-1])
        assert (0, "", 40) == (
            synthesised[0],
            synthesised[2],
            len(json.loads(synthesised[1])["units"]),
        )

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            (
                '[tool.quytac]\nworkspace = "data"\n',
                "[tool.quytac] workspace of pyproject.toml is 'data', which is not a folder here",
            ),
            (
                "[tool.quytac]\nworkspace = 3\n",
                "[tool.quytac] workspace of pyproject.toml is 3, which is not a folder here",
            ),
            (
                "[tool]\nquytac = 3\n",
                "the current folder is a Python project (it holds pyproject.toml), not a"
                " workspace: give --workspace DIR, or name the folder under [tool.quytac]"
                " workspace in pyproject.toml",
            ),
            (
                "[tool.quytac\n",
                "cannot read [tool.quytac] of pyproject.toml: Expected ']' at the end of a table"
                " declaration (at line 1, column 13)",
            ),
        ],
    )
    def test_a_wrong_setting_is_a_usage_error(self, tmp_path, here, text, message):
        """
        A folder that is not there, a value that is not a folder's name, a [tool.quytac] that
        is not a table, TOML that is not TOML.
        """
        (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
        (tmp_path / "r.yaml").write_text(CATALOG.format(id="a"), encoding="utf-8")

        assert (2, "", f"quytac score: {message}\n") == here("score", "r.yaml", "--lang", "en")

    def test_given_explicitly_the_folder_is_read(self, tmp_path, here):
        """
        --workspace . is the current folder, pyproject.toml or not.
        """
        shutil.copytree(DATA, tmp_path, dirs_exist_ok=True)
        (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")

        status, out, _ = here("score", "round-2023/records.yaml", "--workspace", ".")

        assert (0, "0 lỗi, 0 cảnh báo") == (status, out.splitlines()[-1])


class TestTerminal:
    def run_on_a_terminal(self, *args, env=None):
        """
        Run the command with its stdout and stderr on a pseudo-terminal; what it wrote.
        """
        pty = pytest.importorskip("pty")
        main, secondary = pty.openpty()
        done = subprocess.run(
            [sys.executable, "-m", "quytac", *args],
            stdout=secondary,
            stderr=secondary,
            env={**os.environ, **(env or {})},
            check=False,
            timeout=120,
        )
        os.close(secondary)
        chunks = []
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        os.close(main)
        return done.returncode, b"".join(chunks).decode("utf-8")

    def test_colour_on_a_terminal(self):
        """
        On a terminal, headings and bands are coloured.
        """
        env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
        status, text = self.run_on_a_terminal("demo", env=env)
        os.environ.get("NO_COLOR")

        assert 0 == status
        assert "\x1b[1m" in text
        assert "\x1b[32m93 Tốt" in text

    def test_never_with_no_color(self):
        """
        NO_COLOR turns colour off, even on a terminal.
        """
        status, text = self.run_on_a_terminal("demo", env={"NO_COLOR": "1"})

        assert 0 == status
        assert "\x1b[" not in text

    def test_progress_when_scoring_takes_a_while(self, tmp_path, monkeypatch):
        """
        Scoring records on a terminal for more than a second: a count on stderr, wiped at the end.

        The clock is the test's (each reading half a second after the last), so the count is shown
        however fast the machine scores.
        """
        record = (DATA / "round-2023" / "records.yaml").read_text(encoding="utf-8").split("---")[1]
        (tmp_path / "r.yaml").write_text("---".join([record] * 20), encoding="utf-8")
        readings = itertools.count(0, 0.5)
        monkeypatch.setattr(
            cli.score, "Progress", functools.partial(cli.Progress, clock=lambda: next(readings))
        )
        terminal = _Terminal()
        monkeypatch.setattr(sys, "stderr", terminal)

        status = cli.main(
            [
                "score",
                str(tmp_path / "r.yaml"),
                "--workspace",
                str(DATA),
                "--format",
                "json",
                "--output",
                str(tmp_path / "out.json"),
            ]
        )

        text = terminal.getvalue()
        assert 0 == status
        assert text.startswith("\rđã chấm ")
        assert text.endswith(" hồ sơ\r" + " " * len(text.split("\r")[-2]) + "\r")

    def test_never_in_a_file(self, tmp_path):
        """
        --output: no colour in the file.
        """
        self.run_on_a_terminal("demo", "--output", str(tmp_path / "out.txt"))

        assert "\x1b[" not in (tmp_path / "out.txt").read_text(encoding="utf-8")


class _Terminal(io.StringIO):
    """
    A stream that says it is a terminal.
    """

    def isatty(self):
        return True


class TestSchema:
    def test_one_kind(self):
        """
        `quytac schema Checklist` prints the schema kept in schemas/.
        """
        done = run("schema", "checklist")

        expected = (Path(__file__).parent.parent / "schemas" / "checklist.schema.json").read_text(
            encoding="utf-8"
        )
        assert (0, expected, "") == (done.returncode, done.stdout, done.stderr)

    def test_all_kinds_write_to_a_folder(self, tmp_path):
        """
        `--write DIR` writes a file a kind and lists them.
        """
        done = run("schema", "--write", "out", cwd=tmp_path)

        assert 0 == done.returncode
        assert 7 == len(done.stdout.splitlines())
        assert 7 == len(list((tmp_path / "out").glob("*.schema.json")))

    def test_an_unknown_kind_is_a_usage_error(self):
        """
        Exit 2, the kinds named.
        """
        done = run("schema", "Nope", "--lang", "en")

        assert (
            2,
            "",
            "quytac schema: unknown kind 'Nope' (expected one of: Checklist, ConductCode,"
            " InspectionPlan, InspectionRecord, Report, ReportOutline, UnitCatalog)\n",
        ) == (done.returncode, done.stdout, done.stderr)


class TestEntryPoints:
    def test_the_quytac_script_and_python_m_agree(self):
        """
        The installed `quytac` command and `python -m quytac` give the same output.
        """
        script = shutil.which("quytac", path=str(Path(sys.executable).parent))
        assert script is not None

        by_script = subprocess.run(
            [script, "demo", "--format", "json"], capture_output=True, text=True, check=False
        )
        by_module = run("demo", "--format", "json")

        assert (0, by_module.stdout) == (by_script.returncode, by_script.stdout)


class TestFreshInstall:
    def test_the_demo_from_a_built_wheel(self, tmp_path):
        """
        Built as a wheel and installed on its own (not this checkout), `quytac demo` prints
        the synthesis of the five districts of 2022: the example data and the renderers ship.
        """
        root = Path(__file__).parent.parent
        pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
        subprocess.run(
            [*pip, "wheel", "--no-deps", "-w", str(tmp_path / "dist"), str(root)], check=True
        )
        wheel = next((tmp_path / "dist").glob("quytac-*.whl"))
        site = tmp_path / "site"
        subprocess.run(
            [*pip, "install", "--no-deps", "--target", str(site), str(wheel)], check=True
        )
        code = (
            "import sys; sys.path.insert(0, sys.argv[1]); import quytac.cli;"
            " assert quytac.cli.__file__.startswith(sys.argv[1]), quytac.cli.__file__;"
            " sys.exit(quytac.cli.main(['demo', '--lang', 'en']))"
        )

        done = subprocess.run(
            [sys.executable, "-c", code, str(site)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=tmp_path,
            check=False,
        )

        assert (0, "") == (done.returncode, done.stderr)
        lines = done.stdout.splitlines()
        start = lines.index(
            "Inspection of the codes of conduct, October 2022 round (hn-kt-qtux-2022), as of"
            " 2022-10-31"
        )
        assert [
            "Huyện Chương Mỹ    277   direct  inspected  -          -                   0",
            "Quận Bắc Từ Liêm   021   direct  inspected  -          -                   0",
            "Quận Hà Đông       268   direct  inspected  -          -                   0",
            "Quận Hai Bà Trưng  007   direct  inspected  -          -                   0",
            "Quận Nam Từ Liêm   019   direct  inspected  -          -                   0",
            "Thị xã Sơn Tây     269   direct  inspected  -          -                   0",
        ] == lines[start + 3 : start + 9]


class TestUsageErrors:
    def test_an_output_file_that_cannot_be_written_is_a_usage_error(self, tmp_path):
        """
        No traceback: a message and exit 2.
        """
        (tmp_path / "a.yaml").write_text(CATALOG.format(id="a"), encoding="utf-8")

        done = run("validate", "a.yaml", "--output", "no/such/folder/out.txt", cwd=tmp_path)

        assert 2 == done.returncode
        assert done.stderr.startswith("quytac validate: không ghi được no/such/folder/out.txt: ")
        assert "Traceback" not in done.stderr

    def test_a_folder_without_documents_is_a_usage_error(self, tmp_path):
        """
        Validating nothing is not a success.
        """
        (tmp_path / "notes.txt").write_text("x", encoding="utf-8")

        done = run("validate", ".", "--lang", "en", cwd=tmp_path)

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
            "a.yaml:5:8: lỗi QT105: units: cần một danh sách, nhận được một ánh xạ"
            == (done.stdout.splitlines()[0])
        )
