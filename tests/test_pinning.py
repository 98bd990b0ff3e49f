"""
`quytac pin`: the {id, version, fingerprint} pins of reports and records, written into their text
in place (only the pins change), and the atomic replacement of a file.
"""

import json
import os
import re
import shutil
import stat
from pathlib import Path

import pytest

import quytac
from _cli import run
from quytac import _atomic, _yaml
from quytac._pinning import pin_file
from quytac.cli import _definitions
from test_cli import valid

DATA = Path(quytac.example_path())
ROUND = DATA / "round-2023"
FINGERPRINT = re.compile(r", fingerprint: [0-9a-f]{16}")
CHECKLIST_FP = quytac.fingerprint(quytac.load(DATA / "checklist-co-quan-2023.yaml"))
OUTLINE_FP = quytac.fingerprint(quytac.load(DATA / "de-cuong-2023.yaml"))


@pytest.fixture
def data(tmp_path):
    """
    A copy of the bundled example, in ``data/``.
    """
    shutil.copytree(DATA, tmp_path / "data")
    return tmp_path / "data"


def _record(body, id_="ktr-thu"):
    """
    A record of the team's visit to the Sở LĐTBXH for the bundled Q3/2023 plan.
    """
    return (
        "kind: InspectionRecord\nschema: quytac/v1\n"
        f"id: {id_}\nplan: hn-kt-qtux-2023\nunit: so-ldtbxh\ninspected_on: 2023-08-08\n" + body
    )


def _pinned(folder, name, text, *, as_bytes=False):
    """
    The file written, pinned against the bundled definitions (as ``quytac pin`` pins it).
    """
    path = folder / name
    if as_bytes:
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    workspace, _ = _definitions(os.fspath(DATA), "en")
    return pin_file(os.fspath(path), workspace)


class TestCommand:
    def test_check_lists_the_pins_to_write_and_writes_nothing(self, tmp_path, data):
        """
        Fingerprints taken out of the bundled records: ``--check`` gives the issues of
        ``validate`` for each pin to write (QT337, a warning, here), the count, exit 1, and
        leaves the file as it was.
        """
        records = data / "round-2023" / "records.yaml"
        stripped = FINGERPRINT.sub("", records.read_text(encoding="utf-8"), count=2)
        records.write_text(stripped, encoding="utf-8")

        done = run(
            "pin", "data/round-2023", "--workspace", "data", "--check", "--lang", "en", cwd=tmp_path
        )

        assert (1, "") == (done.returncode, done.stderr)
        assert [
            "data/round-2023/records.yaml:11:12: warning QT337: checklist: the pin of checklist"
            " 'kt-co-quan-2023' version 1 has no fingerprint, so an edit without a new version"
            " would go unnoticed; add fingerprint: (quytac.fingerprint)",
            "data/round-2023/records.yaml:17:14: warning QT337: self_assessment.checklist: the"
            " pin of checklist 'kt-co-quan-2023' version 1 has no fingerprint, so an edit"
            " without a new version would go unnoticed; add fingerprint: (quytac.fingerprint)",
            "2 pins to write in 1 file",
            "0 errors, 2 warnings",
        ] == done.stdout.splitlines()
        assert stripped == records.read_text(encoding="utf-8")

    def test_pinning_gives_back_the_bundled_files_byte_for_byte(self, tmp_path, data):
        """
        Every fingerprint of the bundled reports and records taken out, then written back by
        ``quytac pin``: the files are the bundled ones again, comments and layout included;
        ``--check`` then finds nothing.
        """
        for path in (data / "round-2023").glob("*.yaml"):
            path.write_text(FINGERPRINT.sub("", path.read_text(encoding="utf-8")), encoding="utf-8")

        done = run("pin", "data/round-2023", "--workspace", "data", "--lang", "en", cwd=tmp_path)
        again = run("pin", "data/round-2023", "--workspace", "data", "--check", cwd=tmp_path)

        assert (0, "") == (done.returncode, done.stderr)
        assert [
            "data/round-2023/records.yaml:11:1: checklist: pinned checklist kt-co-quan-2023"
            f" version 1 (fingerprint {CHECKLIST_FP})",
            "data/round-2023/records.yaml:17:3: self_assessment.checklist: pinned checklist"
            f" kt-co-quan-2023 version 1 (fingerprint {CHECKLIST_FP})",
        ] == done.stdout.splitlines()[:2]
        assert ["48 pins written in 2 files", "0 errors, 0 warnings"] == (
            done.stdout.splitlines()[-2:]
        )
        assert [path.read_bytes() for path in sorted(ROUND.glob("*.yaml"))] == [
            path.read_bytes() for path in sorted((data / "round-2023").glob("*.yaml"))
        ]
        assert (0, "0 phiên bản cần ghi trong 0 tệp\n0 lỗi, 0 cảnh báo\n") == (
            again.returncode,
            again.stdout,
        )

    def test_a_pin_to_another_edition_is_a_problem_not_overwritten(self, tmp_path):
        """
        A pin that names another version (QT330) or another checklist (QT332) is an error left
        as it is (the answers were written against that edition); the other pins of the file
        are written; exit 1.
        """
        text = (
            _record("checklist: {id: kt-co-quan-2023, version: 2}\nanswers: {I.1: pass}\n")
            + "---\n"
            + _record(
                "checklist: {id: kt-khac, version: 1}\nanswers: {I.1: pass}\n"
                "outline: {id: de-cuong-2023, version: 1}\nfigures: {van_ban_chi_dao: 6}\n",
                id_="ktr-hai",
            )
        )
        (tmp_path / "r.yaml").write_text(text, encoding="utf-8")

        done = run("pin", "r.yaml", "--workspace", os.fspath(DATA), "--lang", "en", cwd=tmp_path)

        assert (1, "") == (done.returncode, done.stderr)
        assert [
            f"r.yaml:18:1: outline: pinned outline de-cuong-2023 version 1 (fingerprint {OUTLINE_FP})",
            "r.yaml:7:43: error QT330: checklist.version: written against version 2 of checklist"
            " 'kt-co-quan-2023', but the workspace has version 1; it is not checked or scored"
            " against another edition",
            "r.yaml:16:17: error QT332: checklist.id: written against checklist 'kt-khac', but"
            " the plan uses 'kt-co-quan-2023'",
            "1 pin written in 1 file",
            "2 errors, 0 warnings",
        ] == done.stdout.splitlines()
        assert text.replace(
            "outline: {id: de-cuong-2023, version: 1}",
            f"outline: {{id: de-cuong-2023, version: 1, fingerprint: {OUTLINE_FP}}}",
        ) == (tmp_path / "r.yaml").read_text(encoding="utf-8")

    def test_in_vietnamese(self, tmp_path):
        """
        The words of the command in Vietnamese, the default.
        """
        (tmp_path / "r.yaml").write_text(
            _record("checklist: {id: kt-co-quan-2023, version: 1}\n"), encoding="utf-8"
        )

        done = run("pin", "r.yaml", "--workspace", os.fspath(DATA), cwd=tmp_path)

        assert [
            "r.yaml:7:1: checklist: đã ghi phiếu kiểm tra kt-co-quan-2023 phiên bản 1"
            f" (dấu vân tay {CHECKLIST_FP})",
            "đã ghi 1 phiên bản vào 1 tệp",
            "0 lỗi, 0 cảnh báo",
        ] == done.stdout.splitlines()

    def test_a_file_that_does_not_load_is_left_alone(self, tmp_path):
        """
        Its problems, a note that nothing was written into it, exit 1; its text unchanged.
        """
        text = _record("checklist: {id: kt-co-quan-2023, version: 1}\ncolour: red\n")
        (tmp_path / "r.yaml").write_text(text, encoding="utf-8")

        done = run("pin", "r.yaml", "--workspace", os.fspath(DATA), "--lang", "en", cwd=tmp_path)

        assert (1, "") == (done.returncode, done.stderr)
        assert [
            "r.yaml:8:1: error QT104: colour: unknown key (allowed here: kind, schema, id,"
            " title, plan, unit, …)",
            "r.yaml: error: no pin of this file is written",
            "0 pins written in 0 files",
            "2 errors, 0 warnings",
        ] == done.stdout.splitlines()
        assert text == (tmp_path / "r.yaml").read_text(encoding="utf-8")

    def test_a_plan_not_in_the_workspace(self, tmp_path):
        """
        What a pin must name is not known: QT310 at the plan, nothing written.
        """
        (tmp_path / "r.yaml").write_text(
            _record("checklist: {id: kt, version: 1}\n").replace("hn-kt-qtux-2023", "khac"),
            encoding="utf-8",
        )

        done = run("pin", "r.yaml", "--workspace", os.fspath(DATA), "--lang", "en", cwd=tmp_path)

        assert (1, "r.yaml:4:7: error QT310: plan: there is no plan 'khac' in the workspace") == (
            done.returncode,
            done.stdout.splitlines()[0],
        )

    def test_json(self, tmp_path):
        """
        The pins written, the findings and the counts, valid against the output schema.
        """
        (tmp_path / "r.yaml").write_text(
            _record("checklist: {id: kt-co-quan-2023, version: 1}\n"), encoding="utf-8"
        )

        done = run(
            "pin", "r.yaml", "--workspace", os.fspath(DATA), "--format", "json", cwd=tmp_path
        )

        assert {
            "format_version": 1,
            "check": False,
            "pins": [
                {
                    "source": "r.yaml",
                    "line": 7,
                    "column": 1,
                    "document": "ktr-thu",
                    "path": ["checklist"],
                    "path_text": "checklist",
                    "what": "checklist",
                    "id": "kt-co-quan-2023",
                    "version": 1,
                    "fingerprint": CHECKLIST_FP,
                }
            ],
            "findings": [],
            "summary": {"pins": 1, "files": 1},
        } == valid(json.loads(done.stdout), "pin")

    def test_json_lines_are_a_usage_error(self, tmp_path):
        """
        A JSON Lines file is written by programs, which give the fingerprint themselves.
        """
        (tmp_path / "r.jsonl").write_text("{}\n", encoding="utf-8")

        done = run("pin", "r.jsonl", "--workspace", os.fspath(DATA), "--lang", "en", cwd=tmp_path)

        assert (2, "quytac pin: pin writes into .yaml, .yml and .json files, not r.jsonl\n") == (
            done.returncode,
            done.stderr,
        )


class TestInPlace:
    """
    Only the pin's value changes: a fingerprint replaced or added, a missing pin added.
    """

    def test_a_missing_pin_is_added_before_the_answers(self, tmp_path):
        """
        Answers without a pin (QT335): the pin is written on its own line before them.
        """
        text = _record("# the team's answers\nanswers: {I.1: pass}\n")

        result = _pinned(tmp_path, "r.yaml", text)

        assert text.replace(
            "# the team's answers\n",
            "# the team's answers\nchecklist: {id: kt-co-quan-2023, version: 1,"
            f" fingerprint: {CHECKLIST_FP}}}\n",
        ) == result.data.decode("utf-8")
        assert ["QT335"] == [issue.code for issue in result.stale]

    def test_a_block_pin_keeps_its_comments(self, tmp_path):
        """
        A pin written as a block gets its fingerprint on a line of its own after the version,
        at the version's indentation; comments stay where they were.
        """
        text = _record(
            "checklist:  # the edition used\n  id: kt-co-quan-2023\n  version: 1  # first\n"
            "answers: {I.1: pass}\n"
        )

        result = _pinned(tmp_path, "r.yaml", text)

        assert text.replace(
            "  version: 1  # first\n", f"  version: 1  # first\n  fingerprint: {CHECKLIST_FP}\n"
        ) == result.data.decode("utf-8")

    def test_an_old_fingerprint_is_replaced_in_its_quotes(self, tmp_path):
        """
        QT331, the edition edited without a new version: the fingerprint is replaced, written
        as the old one was (here in single quotes).
        """
        text = _record(
            "checklist: {id: kt-co-quan-2023, version: 1, fingerprint: '0000000000000000'}\n"
        )

        result = _pinned(tmp_path, "r.yaml", text)

        assert text.replace("'0000000000000000'", f"'{CHECKLIST_FP}'") == (
            result.data.decode("utf-8")
        )
        assert ["QT331"] == [issue.code for issue in result.stale]

    def test_line_breaks_and_a_byte_order_mark_are_kept(self, tmp_path):
        """
        A file saved by Notepad (a BOM, CRLF line breaks) keeps both.
        """
        text = _record("answers: {I.1: pass}\n").replace("\n", "\r\n")

        result = _pinned(tmp_path, "r.yaml", b"\xef\xbb\xbf" + text.encode("utf-8"), as_bytes=True)

        assert (
            b"\xef\xbb\xbf"
            + text.replace(
                "answers:",
                f"checklist: {{id: kt-co-quan-2023, version: 1, fingerprint: {CHECKLIST_FP}}}\r\nanswers:",
            ).encode("utf-8")
            == result.data
        )

    def test_json_stays_json(self, tmp_path):
        """
        In a JSON file the pins are written as JSON.
        """
        text = (
            '{\n  "kind": "InspectionRecord",\n  "schema": "quytac/v1",\n  "id": "ktr-json",\n'
            '  "plan": "hn-kt-qtux-2023",\n  "unit": "so-ldtbxh",\n'
            '  "inspected_on": "2023-08-08",\n  "answers": {"I.1": "pass"},\n'
            '  "outline": {"id": "de-cuong-2023", "version": 1},\n'
            '  "figures": {"van_ban_chi_dao": 6}\n}\n'
        )

        result = _pinned(tmp_path, "r.json", text)

        assert text.replace(
            '  "answers"',
            '  "checklist": {"id": "kt-co-quan-2023", "version": 1, "fingerprint":'
            f' "{CHECKLIST_FP}"}},\n  "answers"',
        ).replace(
            '"version": 1},\n  "figures"',
            f'"version": 1, "fingerprint": "{OUTLINE_FP}"}},\n  "figures"',
        ) == (result.data.decode("utf-8"))
        assert json.loads(result.data)["checklist"]["fingerprint"] == CHECKLIST_FP


class TestExtents:
    def test_where_values_are(self):
        """
        Offsets of values, of their keys, flow or block, and quotes; one dict a document.
        """
        text = "a: {b: 'x', c: [1, 2]}\n---\nd:\n  e: 1\n"

        found = _yaml.extents(text, [("a",), ("a", "b"), ("a", "c", 1), ("d",), ("d", "e")])

        assert [
            {
                ("a",): _yaml.Extent(3, 22, 0, flow=True),
                ("a", "b"): _yaml.Extent(7, 10, 4, quote="'"),
                ("a", "c", 1): _yaml.Extent(19, 20, None),
            },
            {("d",): _yaml.Extent(32, 37, 27), ("d", "e"): _yaml.Extent(35, 36, 32)},
        ] == found

    def test_a_text_that_does_not_parse(self):
        assert _yaml.extents("a: [", [("a",)]) is None


class TestReplaceFile:
    def test_the_content_and_the_permissions(self, tmp_path):
        """
        The new content, the old permissions, no temporary file left.
        """
        path = tmp_path / "f.yaml"
        path.write_text("old\n", encoding="utf-8")
        path.chmod(0o640)

        _atomic.replace_file(path, b"new\n")

        assert (b"new\n", 0o640, ["f.yaml"]) == (
            path.read_bytes(),
            stat.S_IMODE(path.stat().st_mode),
            sorted(p.name for p in tmp_path.iterdir()),
        )

    def test_a_read_only_file_is_not_replaced(self, tmp_path, monkeypatch):
        """
        Renaming over a read-only file would succeed; it is refused as writing it would be
        (the system's answer to "may I write it" is asked: root may write anything).
        """
        path = tmp_path / "f.yaml"
        path.write_text("old\n", encoding="utf-8")
        monkeypatch.setattr(_atomic.os, "access", lambda *_: False)

        with pytest.raises(PermissionError):
            _atomic.replace_file(path, b"new\n")

        assert (b"old\n", ["f.yaml"]) == (
            path.read_bytes(),
            sorted(p.name for p in tmp_path.iterdir()),
        )

    def test_a_symbolic_link_keeps_pointing_at_the_file(self, tmp_path):
        target = tmp_path / "f.yaml"
        target.write_text("old\n", encoding="utf-8")
        link = tmp_path / "l.yaml"
        link.symlink_to(target)

        _atomic.replace_file(link, b"new\n")

        assert (True, b"new\n") == (link.is_symlink(), target.read_bytes())

    def test_a_failure_leaves_the_file_as_it_was(self, tmp_path, monkeypatch):
        """
        The rename fails: the old content stays, and the temporary file is removed.
        """
        path = tmp_path / "f.yaml"
        path.write_text("old\n", encoding="utf-8")

        def fail(*_):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(Path, "replace", fail)

        with pytest.raises(OSError, match="No space left"):
            _atomic.replace_file(path, b"new\n")

        assert (b"old\n", ["f.yaml"]) == (
            path.read_bytes(),
            sorted(p.name for p in tmp_path.iterdir()),
        )
