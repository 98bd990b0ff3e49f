"""
The quytac command under hostile conditions: it never damages what it reads, and the file it
writes is whole or untouched. Run in this process (``cli.main``) to stay fast.
"""

import contextlib
import io
import json
import os
import shutil
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import quytac
from quytac import cli

DATA = Path(quytac.example_path())
CATALOG = "kind: UnitCatalog\nschema: quytac/v1\nid: {id}\ntitle: T\n"


def call(*argv):
    """
    Run the command with these arguments in this process: its status, stdout and stderr.
    """
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli.main([str(arg) for arg in argv])
    return status, out.getvalue(), err.getvalue()


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    """
    A copy of the bundled example in ``tmp_path/ws``, the current folder being ``tmp_path``.
    """
    shutil.copytree(DATA, tmp_path / "ws")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "ws"


def names(folder):
    """
    The names in a folder, sorted.
    """
    return sorted(path.name for path in Path(folder).iterdir())


def snapshot(folder):
    """
    Every file under a folder with its bytes (hidden ones too: a temporary file left behind
    shows).
    """
    return {
        os.fspath(path.relative_to(folder)): path.read_bytes()
        for path in sorted(Path(folder).rglob("*"))
        if path.is_file()
    }


class TestOutputNeverOverwritesAnInput:
    @pytest.mark.parametrize(
        ("argv", "target", "message"),
        [
            (
                ["validate", "ws/hanoi-2023-units.yaml"],
                "ws/hanoi-2023-units.yaml",
                "would overwrite ws/hanoi-2023-units.yaml, which this command reads",
            ),
            (
                ["validate", "ws"],
                "ws/hanoi-2023-units.yaml",
                "is inside ws, which this command reads; write it elsewhere",
            ),
            (
                ["score", "records.yaml", "--workspace", "ws"],
                "records.yaml",
                "would overwrite records.yaml, which this command reads",
            ),
            (
                ["score", "records.yaml", "--workspace", "ws"],
                "ws/round-2023/plan.yaml",
                "is inside ws, which this command reads; write it elsewhere",
            ),
            (
                ["synthesize", "hn-kt-qtux-2023", "--workspace", "ws"],
                "ws/round-2023/reports.yaml",
                "is inside ws, which this command reads; write it elsewhere",
            ),
            (
                ["test", "ws/checklist-co-quan-2023.yaml"],
                "ws/checklist-co-quan-2023.yaml",
                "would overwrite ws/checklist-co-quan-2023.yaml, which this command reads",
            ),
        ],
    )
    def test_each_command_refuses_its_input(self, workspace, argv, target, message):
        """
        --output onto an input file, or into a folder the command reads: exit 2, one line on
        stderr, nothing written, nothing read.
        """
        shutil.copy(workspace / "round-2023" / "records.yaml", "records.yaml")
        before = snapshot(workspace.parent)

        done = call(*argv, "--output", target, "--lang", "en")

        assert (2, "", f"quytac {argv[0]}: --output {target} {message}\n") == done
        assert before == snapshot(workspace.parent)

    def test_the_demo_refuses_the_bundled_example(self, workspace, monkeypatch):
        """
        The demo reads the bundled example: an output inside it is refused.
        """
        monkeypatch.setattr(quytac._bundled, "example_path", lambda: os.fspath(workspace))
        before = snapshot(workspace)

        done = call("demo", "--output", "ws/qtux-can-bo.yaml")

        assert (
            2,
            "",
            "quytac demo: --output ws/qtux-can-bo.yaml nằm trong "
            f"{workspace}, thư mục mà lệnh này đang đọc; hãy ghi ra chỗ khác\n",
        ) == done
        assert before == snapshot(workspace)

    @pytest.mark.parametrize("link", ["symbolic", "hard"])
    def test_through_a_link(self, tmp_path, monkeypatch, link):
        """
        An output that is an input under another name (a symbolic or a hard link) is the input.
        """
        monkeypatch.chdir(tmp_path)
        Path("u.yaml").write_text(CATALOG.format(id="u") + "units: {}\n", encoding="utf-8")
        (os.symlink if link == "symbolic" else os.link)("u.yaml", "other.txt")
        before = snapshot(tmp_path)

        done = call("validate", "u.yaml", "--output", "other.txt", "--lang", "en")

        assert (
            2,
            "",
            "quytac validate: --output other.txt would overwrite u.yaml, which this command reads\n",
        ) == done
        assert before == snapshot(tmp_path)

    def test_a_hard_link_to_a_file_of_a_folder_read(self, workspace):
        """
        A hard link to a file of a workspace, outside it, is that file.
        """
        os.link(workspace / "qtux-can-bo.yaml", "outside.txt")
        before = snapshot(workspace.parent)

        done = call("validate", "ws", "--output", "outside.txt", "--lang", "en")

        assert (
            2,
            "",
            "quytac validate: --output outside.txt would overwrite ws/qtux-can-bo.yaml,"
            " which this command reads\n",
        ) == done
        assert before == snapshot(workspace.parent)

    def test_an_output_next_to_the_inputs(self, tmp_path, monkeypatch):
        """
        Writing beside a file read (not inside a folder read) is fine.
        """
        monkeypatch.chdir(tmp_path)
        Path("u.yaml").write_text(CATALOG.format(id="u"), encoding="utf-8")

        done = call("validate", "u.yaml", "--output", "report.txt", "--lang", "en")

        assert (0, "", "") == done
        assert "0 errors, 0 warnings\n" == Path("report.txt").read_text(encoding="utf-8")


class TestOutputIsWholeOrUntouched:
    @pytest.mark.parametrize(
        "argv",
        [
            ["validate", "nope.yaml"],
            ["synthesize", "nope", "--workspace", "ws"],
            ["synthesize", "hn-kt-qtux-2023", "--workspace", "ws", "--as-of", "31/08/2023"],
            ["score", "ws/round-2023/records.yaml", "--workspace", "ws", "--checklist", "nope"],
            ["test", "ws/qtux-can-bo.yaml"],
            ["schema", "Nope"],
        ],
    )
    def test_a_usage_error_leaves_the_old_file(self, workspace, argv):
        """
        A usage error found before or after the output is opened: the old file as it was, no
        temporary file left.
        """
        Path("out.txt").write_text("the old report\n", encoding="utf-8")
        before = snapshot(workspace.parent)

        status, out, err = call(*argv, "--output", "out.txt")

        assert (2, "") == (status, out)
        assert err.startswith(f"quytac {argv[0]}: ")
        assert before == snapshot(workspace.parent)

    def test_an_argument_error_leaves_the_old_file(self, tmp_path, monkeypatch):
        """
        argparse's own usage errors stop before anything is opened.
        """
        monkeypatch.chdir(tmp_path)
        Path("out.txt").write_text("the old report\n", encoding="utf-8")

        with pytest.raises(SystemExit) as exit_, contextlib.redirect_stderr(io.StringIO()):
            cli.main(["validate", "--format", "xml", "--output", "out.txt", "a.yaml"])

        assert 2 == exit_.value.code
        assert {"out.txt": b"the old report\n"} == snapshot(tmp_path)

    def test_problems_found_replace_the_old_file(self, tmp_path, monkeypatch):
        """
        Exit 1 is a finished command: its findings replace the old file.
        """
        monkeypatch.chdir(tmp_path)
        Path("u.yaml").write_text(CATALOG.format(id="u") + "units: {}\n", encoding="utf-8")
        Path("out.txt").write_text("the old report\n", encoding="utf-8")

        done = call("validate", "u.yaml", "--output", "out.txt", "--lang", "en")

        assert (1, "", "") == done
        assert (
            "u.yaml:5:8: error QT105: units: expected a list, got a mapping\n1 error, 0 warnings\n"
            == Path("out.txt").read_text(encoding="utf-8")
        )
        assert ["out.txt", "u.yaml"] == names(tmp_path)

    def test_an_interrupted_command_leaves_the_old_file(self, tmp_path, monkeypatch):
        """
        Ctrl-C halfway through writing: exit 130, the old file as it was, no temporary file.
        """
        monkeypatch.chdir(tmp_path)
        Path("u.yaml").write_text(CATALOG.format(id="u"), encoding="utf-8")
        Path("out.txt").write_text("the old report\n", encoding="utf-8")

        def interrupted(_args, out):
            out.write("half a report\n" * 1000)
            out.flush()
            raise KeyboardInterrupt

        monkeypatch.setattr(cli.validate, "run", interrupted)

        done = call("validate", "u.yaml", "--output", "out.txt")

        assert (130, "", "") == done
        assert ["out.txt", "u.yaml"] == names(tmp_path)
        assert "the old report\n" == Path("out.txt").read_text(encoding="utf-8")

    def test_two_writers_never_mix(self, tmp_path, monkeypatch):
        """
        Two commands writing one file at once: it holds all of one output or of the other,
        never a mixture (20 races).
        """
        monkeypatch.chdir(tmp_path)
        expected = {call("schema")[1], call("schema", "Checklist")[1]}
        barrier = threading.Barrier(2)
        statuses = []

        def write(*argv):
            barrier.wait()
            statuses.append(cli.main([*argv, "--output", "out.json"]))

        found = set()
        for _ in range(20):
            writers = [
                threading.Thread(target=write, args=("schema",)),
                threading.Thread(target=write, args=("schema", "Checklist")),
            ]
            for writer in writers:
                writer.start()
            for writer in writers:
                writer.join()
            found.add(Path("out.json").read_text(encoding="utf-8"))

        assert found <= expected
        assert [0] * 40 == statuses
        assert ["out.json"] == names(tmp_path)


class TestOutputPermissions:
    def test_an_existing_file_keeps_its_permissions(self, tmp_path, monkeypatch):
        """
        The new report has the old file's permissions (0640 stays 0640).
        """
        monkeypatch.chdir(tmp_path)
        Path("u.yaml").write_text(CATALOG.format(id="u"), encoding="utf-8")
        Path("out.txt").write_text("old\n", encoding="utf-8")
        Path("out.txt").chmod(0o640)

        done = call("validate", "u.yaml", "--output", "out.txt")

        assert 0 == done[0]
        assert 0o640 == stat.S_IMODE(Path("out.txt").stat().st_mode)

    def test_a_new_file_has_the_permissions_of_the_umask(self, tmp_path, monkeypatch):
        """
        A new report is made as ``open()`` makes a file: 0666 less the umask (0027: 0640).
        """
        monkeypatch.chdir(tmp_path)
        Path("u.yaml").write_text(CATALOG.format(id="u"), encoding="utf-8")
        umask = os.umask(0o027)
        try:
            done = call("validate", "u.yaml", "--output", "out.txt")
        finally:
            os.umask(umask)

        assert 0 == done[0]
        assert 0o640 == stat.S_IMODE(Path("out.txt").stat().st_mode)

    def test_a_symbolic_link_is_written_through(self, tmp_path, monkeypatch):
        """
        --output LINK replaces the file the link names; the link stays a link.
        """
        monkeypatch.chdir(tmp_path)
        Path("u.yaml").write_text(CATALOG.format(id="u"), encoding="utf-8")
        Path("reports").mkdir()
        Path("reports/latest.txt").write_text("old\n", encoding="utf-8")
        Path("latest.txt").symlink_to("reports/latest.txt")

        done = call("validate", "u.yaml", "--output", "latest.txt", "--lang", "en")

        assert (0, "", "") == done
        assert Path("latest.txt").is_symlink()
        assert "0 errors, 0 warnings\n" == Path("reports/latest.txt").read_text(encoding="utf-8")

    @pytest.mark.parametrize("device", ["/dev/null", "/dev/stdout"])
    def test_a_device_is_written_not_replaced(self, tmp_path, monkeypatch, device, capfd):
        """
        A device (or a pipe) cannot be replaced: it is written as the text comes.
        """
        monkeypatch.chdir(tmp_path)
        Path("u.yaml").write_text(CATALOG.format(id="u"), encoding="utf-8")

        status = cli.main(["validate", "u.yaml", "--output", device, "--lang", "en"])

        assert 0 == status
        assert (
            "0 errors, 0 warnings\n" if device == "/dev/stdout" else ""
        ) == capfd.readouterr().out
        assert stat.S_ISCHR(Path("/dev/null").stat().st_mode)
        assert ["u.yaml"] == names(tmp_path)


#: The files of the bundled example to remove for a workspace without a kind, and the issues of
#: the Q3/2023 plan that say it (QT310, as `quytac validate` and `synthesize` show them).
MISSING = {
    "catalog": (
        ["hanoi-2023-units.yaml", "hanoi-2025-units.yaml"],
        ["15:8: error QT310: units: there is no unit catalog 'hanoi-2023' in the workspace"],
    ),
    "checklist": (
        ["checklist-co-quan-2023.yaml"],
        [
            "25:14: error QT310: direct.checklist: there is no checklist 'kt-co-quan-2023' in"
            " the workspace",
            "33:20: error QT310: indirect.self_assessment: there is no checklist"
            " 'kt-co-quan-2023' in the workspace",
        ],
    ),
    "outline": (
        ["de-cuong-2023.yaml"],
        [
            "26:12: error QT310: direct.outline: there is no outline 'de-cuong-2023' in the"
            " workspace",
            "29:12: error QT310: indirect.outline: there is no outline 'de-cuong-2023' in the"
            " workspace",
        ],
    ),
    "codes": (
        ["qtux-can-bo.yaml", "qtux-noi-cong-cong.yaml"],
        [
            "16:9: error QT310: codes[0]: there is no code of conduct 'qtux-can-bo' in the"
            " workspace",
            "16:22: error QT310: codes[1]: there is no code of conduct 'qtux-noi-cong-cong' in"
            " the workspace",
        ],
    ),
    "plan": (["round-2022/plan.yaml", "round-2023/plan.yaml"], []),
}
PLAN_FILE = "ws/round-2023/plan.yaml"


def listed(issues, out):
    """
    Whether each issue starts a line of the output (where a note of the findings it folds in
    may follow it: "(and 1 more with the same cause)").
    """
    lines = out.splitlines()
    return all(any(line.startswith(issue) for line in lines) for issue in issues)


@pytest.fixture(params=sorted(MISSING))
def lacking(request, workspace, monkeypatch):
    """
    The bundled example without one kind (its files removed); the demo reads it too. The kind
    and the plan's issues that say it is missing.
    """
    files, issues = MISSING[request.param]
    for name in files:
        (workspace / name).unlink()
    monkeypatch.setattr(quytac._bundled, "example_path", lambda: "ws")
    return request.param, [f"{PLAN_FILE}:{issue}" for issue in issues]


class TestAWorkspaceWithoutAKind:
    """
    Every command, on a workspace lacking each kind it may need: a located problem (exit 1)
    or a one-line usage error (exit 2), never a traceback.
    """

    def test_validate(self, lacking):
        """
        Each document missing is QT310 where it is named.
        """
        kind, issues = lacking

        status, out, err = call("validate", "ws", "--lang", "en", "--all")

        assert (1, "") == (status, err)
        assert listed(issues, out)
        if kind == "plan":
            assert listed(
                [
                    "ws/round-2023/records.yaml:7:7: error QT310: plan: there is no plan"
                    " 'hn-kt-qtux-2023' in the workspace"
                ],
                out,
            )

    def test_synthesize(self, lacking):
        """
        A plan that names a document the workspace lacks is not synthesised: its issues, exit 1
        (the missing catalog was a SynthesisError traceback; a missing checklist or outline
        gave a synthesis without scores or totals, exit 0).
        """
        kind, issues = lacking

        done = call("synthesize", "hn-kt-qtux-2023", "--workspace", "ws", "--lang", "en", "--all")

        if kind == "plan":
            assert (
                2,
                "",
                "quytac synthesize: there is no plan 'hn-kt-qtux-2023' in ws (plans: -)\n",
            ) == done
            return
        status, out, err = done
        count = len(issues)
        assert (
            1,
            "quytac synthesize: the plan 'hn-kt-qtux-2023' names documents that are not in ws;"
            " nothing is synthesised\n",
        ) == (status, err)
        lines = out.splitlines()
        assert [f"{count} error{'s' * (count > 1)}, 0 warnings"] == lines[count:]
        assert all(line.startswith(issue) for line, issue in zip(lines, issues, strict=False))

    def test_score(self, lacking):
        """
        Scoring needs the plan and its checklist: without them each record says so at its
        line; the other kinds are not needed (without the catalog units show by code).
        """
        kind, _ = lacking

        status, out, err = call(
            "score", "ws/round-2023/records.yaml", "--workspace", "ws", "--lang", "en"
        )

        assert "" == err
        if kind in ("checklist", "plan"):
            assert 1 == status
            assert [
                "ws/round-2023/records.yaml:4: error: ktr-2023-so-ldtbxh: no checklist to score"
                " it against (give --checklist)",
                "ws/round-2023/records.yaml:32: error: ktr-2023-son-tay: no checklist to score"
                " it against (give --checklist)",
                "ws/round-2023/records.yaml:53: error: ktr-2023-thuong-tin: no checklist to"
                " score it against (give --checklist)",
                "3 records read: 0 scored, 3 with errors, 0 without answers",
                "3 errors, 0 warnings",
            ] == out.splitlines()
        else:
            assert 0 == status
            assert [
                "3 records read: 3 scored, 0 with errors, 0 without answers",
                "0 errors, 0 warnings",
            ] == out.splitlines()[-2:]

    def test_test(self, lacking):
        """
        `quytac test` needs a checklist, and the codes its items cite (without them the
        checklist does not validate: QT421, exit 1); nothing else.
        """
        kind, _ = lacking

        done = call("test", "ws", "--lang", "en")

        if kind == "checklist":
            assert (2, "", "quytac test: no checklist in ws\n") == done
        elif kind == "codes":
            assert (1, "1 checklist (1 invalid), 7 examples, 0 failed\n", "") == (
                done[0],
                done[1].splitlines(keepends=True)[-1],
                done[2],
            )
        else:
            assert (0, "1 checklist, 7 examples, 0 failed\n", "") == (
                done[0],
                done[1].splitlines(keepends=True)[-1],
                done[2],
            )

    def test_demo(self, lacking):
        """
        The demo synthesises only the plans whose documents are all there, and lists the
        issues: exit 1 (a missing catalog was a SynthesisError traceback).
        """
        kind, issues = lacking

        status, out, err = call("demo", "--lang", "en")

        assert (1, "") == (status, err)
        assert listed(issues, out)
        synthesised = [p for p in ("hn-kt-qtux-2022", "hn-kt-qtux-2023") if f"({p}), as of" in out]
        # The 2022 plan names no checklist; the 2023 plan names every kind.
        assert (["hn-kt-qtux-2022"] if kind == "checklist" else []) == synthesised

    def test_schema(self, lacking):
        """
        `quytac schema` reads no workspace: whatever it lacks, the schemas are printed.
        """
        kind, _ = lacking

        status, out, err = call("schema", {"catalog": "UnitCatalog"}.get(kind, "Checklist"))

        assert (0, "") == (status, err)
        assert out.startswith("{\n")


class TestTheBoundary:
    """
    An exception of quytac's that a command does not handle still reaches the user as a
    message, not a traceback.
    """

    def test_problems_are_listed_at_their_places(self, tmp_path, monkeypatch):
        """
        A LoadError: its problems, located, on stderr; exit 1.
        """
        monkeypatch.chdir(tmp_path)
        Path("u.yaml").write_text(CATALOG.format(id="u") + "units: {}\n", encoding="utf-8")

        def load(_args, _out):
            quytac.Workspace.load("u.yaml")

        monkeypatch.setattr(cli.validate, "run", load)

        done = call("validate", "u.yaml", "--lang", "en")

        assert (1, "", "u.yaml:5:8: error QT105: units: expected a list, got a mapping\n") == done

    def test_another_error_is_one_line(self, tmp_path, monkeypatch):
        """
        Any other QuytacError: one line, exit 2, and an --output file left as it was.
        """
        monkeypatch.chdir(tmp_path)
        Path("u.yaml").write_text(CATALOG.format(id="u"), encoding="utf-8")
        Path("out.txt").write_text("old\n", encoding="utf-8")

        def fails(_args, out):
            out.write("half\n")
            raise quytac.SynthesisError("plan 'p' needs the unit catalog 'c'")

        monkeypatch.setattr(cli.validate, "run", fails)

        done = call("validate", "u.yaml", "--output", "out.txt")

        assert (
            2,
            "",
            "quytac validate: không thể tiếp tục: plan 'p' needs the unit catalog 'c'\n",
        ) == done
        assert ["out.txt", "u.yaml"] == names(tmp_path)
        assert "old\n" == Path("out.txt").read_text(encoding="utf-8")


def run_process(*argv, cwd, env=None, stdout=subprocess.PIPE, line=None):
    """
    Run `python -m quytac ARGV...` (or a shell line running it as "$0"): its status and what
    it wrote, as bytes.
    """
    command = (
        ["sh", "-c", line, sys.executable] if line else [sys.executable, "-m", "quytac", *argv]
    )
    done = subprocess.run(
        command,
        stdout=stdout,
        stderr=subprocess.PIPE,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        check=False,
    )
    return done.returncode, done.stdout, done.stderr


class TestStreams:
    """
    Whatever the output is and whatever it can encode: a message and an exit status.
    """

    @pytest.fixture
    def broken(self, tmp_path, monkeypatch):
        """
        A file with one problem, in the current folder.
        """
        monkeypatch.chdir(tmp_path)
        Path("u.yaml").write_text(CATALOG.format(id="u") + "units: {}\n", encoding="utf-8")
        return tmp_path

    @pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
    @pytest.mark.usefixtures("broken")
    def test_an_output_on_a_full_disk(self):
        """
        --output /dev/full: one line, exit 2.
        """
        done = call("validate", "u.yaml", "--output", "/dev/full", "--lang", "en")

        assert (2, "", "quytac validate: cannot write /dev/full: No space left on device\n") == (
            done
        )

    @pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
    def test_a_stdout_on_a_full_disk(self, broken):
        """
        stdout on /dev/full: one line, exit 2, and no complaint when Python exits.
        """
        with Path("/dev/full").open("w") as full:
            done = run_process("demo", "--lang", "en", cwd=broken, stdout=full)

        assert (
            2,
            None,
            b"quytac demo: cannot write the standard output: No space left on device\n",
        ) == done

    def test_a_closed_stdout(self, broken):
        """
        Started with stdout closed (`>&-`): one line, exit 2, nothing run.
        """
        done = run_process(
            cwd=broken,
            line='exec "$0" -m quytac validate u.yaml --lang en >&-',
            stdout=None,
        )

        assert (
            2,
            None,
            b"quytac validate: cannot write the standard output: Bad file descriptor\n",
        ) == done

    @pytest.mark.usefixtures("broken")
    def test_a_closed_stdout_in_this_process(self, monkeypatch):
        """
        sys.stdout closed, or None (as Python makes it when started without one).
        """
        monkeypatch.setattr(sys, "stdout", None)
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            status = cli.main(["validate", "u.yaml"])

        assert (2, "quytac validate: không ghi được đầu ra chuẩn: đã bị đóng\n") == (
            status,
            err.getvalue(),
        )

    @pytest.mark.parametrize(
        ("env", "fmt"),
        [
            ({"PYTHONIOENCODING": "ascii"}, "text"),
            ({"LC_ALL": "C", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0"}, "json"),
        ],
        ids=["PYTHONIOENCODING=ascii", "LC_ALL=C"],
    )
    def test_an_encoding_without_vietnamese(self, broken, env, fmt):
        """
        Vietnamese where the output cannot encode it: written as \\u escapes (a
        UnicodeEncodeError before); in JSON they are JSON's escapes, so the JSON is the same.
        """
        expected = call("validate", "u.yaml", "--format", fmt)[1]

        status, out, err = run_process("validate", "u.yaml", "--format", fmt, cwd=broken, env=env)

        assert (1, b"") == (status, err)
        escaped = "".join(c if c.isascii() else f"\\u{ord(c):04x}" for c in expected)
        assert escaped == out.decode("ascii")
        if fmt == "json":
            assert json.loads(expected) == json.loads(out)
        else:
            assert escaped.startswith(
                "u.yaml:5:8: l\\u1ed7i QT105: units: c\\u1ea7n m\\u1ed9t danh"
            )

    def test_a_file_name_that_is_not_utf8(self, broken):
        """
        A name with a byte that is not UTF-8 (b"\\xff"): shown as the escape \\udcff, never a
        UnicodeEncodeError, even when stdout is strict UTF-8.
        """
        Path("u.yaml").rename(os.fsdecode(b"b\xff.yaml"))

        done = run_process(
            "validate", ".", "--lang", "en", cwd=broken, env={"PYTHONIOENCODING": "utf-8"}
        )

        assert (
            1,
            b"b\\udcff.yaml:5:8: error QT105: units: expected a list, got a mapping\n1 error, 0 warnings\n",
            b"",
        ) == done

    @pytest.mark.usefixtures("broken")
    def test_a_file_name_that_is_not_utf8_in_json(self):
        """
        In JSON (here in an --output file, which is UTF-8) the escape is JSON's: it reads back
        as the name Python gives the file.
        """
        name = os.fsdecode(b"b\xff.yaml")
        Path("u.yaml").rename(name)

        done = call("validate", name, "--format", "json", "--output", "r.json")

        assert (1, "", "") == done
        text = Path("r.json").read_text(encoding="utf-8")
        assert '"source": "b\\udcff.yaml"' in text
        assert [name] == [f["source"] for f in json.loads(text)["findings"]]


class TestSchemaWrite:
    """
    `quytac schema --write DIR` where DIR cannot be written: one line, exit 2.
    """

    @pytest.mark.parametrize(
        ("folder", "expected"),
        [
            ("a-file", "cannot write a-file: File exists"),
            ("a-file/schemas", "cannot write a-file/schemas: Not a directory"),
        ],
    )
    def test_onto_a_file(self, tmp_path, monkeypatch, folder, expected):
        """
        Onto a file, or into a folder under a file.
        """
        monkeypatch.chdir(tmp_path)
        Path("a-file").write_text("kept\n", encoding="utf-8")

        done = call("schema", "--write", folder, "--lang", "en")

        assert (2, "", f"quytac schema: {expected}\n") == done
        assert "kept\n" == Path("a-file").read_text(encoding="utf-8")

    @pytest.mark.skipif(not Path("/sys/kernel").is_dir(), reason="no sysfs")
    def test_into_a_read_only_folder(self):
        """
        A folder nobody may create files in, root included (sysfs).
        """
        done = call("schema", "--write", "/sys/kernel", "--lang", "en")

        assert (
            2,
            "",
            "quytac schema: cannot write /sys/kernel/checklist.schema.json: Permission denied\n",
        ) == done


class TestSymbolicLinkLoops:
    """
    A path that is a symbolic link loop (a.yaml -> b.yaml -> a.yaml).
    """

    @pytest.fixture
    def loop(self, tmp_path, monkeypatch):
        monkeypatch.chdir(tmp_path)
        Path("b.yaml").symlink_to("a.yaml")
        Path("a.yaml").symlink_to("b.yaml")
        Path("ws").mkdir()
        Path("ws/u.yaml").write_text(CATALOG.format(id="u"), encoding="utf-8")
        return tmp_path

    @pytest.mark.usefixtures("loop")
    def test_workspace_load_raises_a_load_error(self):
        """
        Workspace.load: a LoadError with QT014 at the path, with the other paths' problems
        (a RuntimeError before).
        """
        with pytest.raises(quytac.LoadError) as raised:
            quytac.Workspace.load("ws", "a.yaml", "nope.yaml")

        assert [
            "a.yaml: error QT014: (root): cannot read: Too many levels of symbolic links",
            "nope.yaml: error QT014: (root): cannot read: No such file or directory",
        ] == raised.value.render("en").splitlines()

    @pytest.mark.usefixtures("loop")
    @pytest.mark.parametrize(
        "argv",
        [
            ["validate", "a.yaml"],
            ["score", "a.yaml", "--workspace", "ws"],
            ["score", "ws/u.yaml", "--workspace", "a.yaml"],
            ["synthesize", "p", "--workspace", "a.yaml"],
        ],
    )
    def test_the_command_says_it_cannot_read_it(self, argv):
        """
        The command: one line that says why, not "no such file or folder".
        """
        done = call(*argv, "--lang", "en")

        assert (
            2,
            "",
            f"quytac {argv[0]}: cannot read a.yaml: Too many levels of symbolic links\n",
        ) == done
