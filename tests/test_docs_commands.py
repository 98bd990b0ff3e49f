"""
Every command example of README.md and docs/*.md runs, and prints what the page shows.

The pages show commands and their output in ```console blocks:

    $ quytac validate units.yaml
    units.yaml:7:63: error QT201: units[1].parent: ...
    1 lỗi, 0 cảnh báo
    [exit 1]

- A line `$ quytac ...` is a command, split as a shell would (shlex): a `#` starts a comment,
  a `\\` at the end of the line continues it on the next. It runs as `python -m quytac ...`
  with NO_COLOR=1 (and COLUMNS=80, which the output does not depend on today).
- The lines after it, up to the next `$` line or the end of the block, are its standard output,
  exactly; its standard error must be empty.
- `[exit N]` as the last line of an output is the exit status; without it, the status is 0.
- In text output a line `...` stands for any number of lines (none too); the lines shown
  must come in that order, the first at the start and the last at the end of the real output
  unless a `...` stands there.
- With `--format json` the output is compared as parsed JSON, exactly (keys, values and their
  types), except that an array whose last element is the string "..." shows only its first
  elements: they must be the first elements of the real array, which must have more.
- A command that writes files is checked for them: with `--output FILE` the file holds what
  the same command prints without `--output`; `schema --write DIR` lists the files it wrote,
  which are the files of DIR, each the schema `quytac schema` prints under its name.

Each block runs in a new temporary folder holding `data/`, a copy of the bundled example
(`quytac.example_path()`), and the files its page shows in ```yaml title="NAME" blocks.

Every other fenced block of the pages is a Python example (`>>>`, run by pytest's
--doctest-glob), YAML (loaded by tests/test_docs*.py and tests/test_checklists.py, or written
for the commands here), or listed in NOT_RUN with the reason it is not run. Among those are
README's two install commands: they create a virtualenv and pip-install quytac into it, which a
test cannot do to the environment it runs in; .ci/run does the steps of the second (a venv,
`pip install -e '.[tests]'`, `python -m pytest`), and tests/test_cli.py runs `quytac demo`.
"""

import json
import os
import re
import shlex
import shutil
from pathlib import Path

import pytest

import quytac
from _cli import run
from quytac import cli

ROOT = Path(__file__).parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
DATA = Path(quytac.example_path())
ENV = {**os.environ, "NO_COLOR": "1", "COLUMNS": "80"}
ELIDED = "..."
EXIT = re.compile(r"\[exit (\d+)\]")
FENCE = re.compile(r"^```([^\n]*)\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)

# Blocks that are not run, by page and first line: none is an example of quytac's output.
NOT_RUN = {
    (
        "README.md",
        "python3 -m venv .venv && . .venv/bin/activate && pip install . && quytac demo",
    ): "installs quytac in a new virtualenv (see the module docstring)",
    (
        "README.md",
        "python3 -m venv .venv && . .venv/bin/activate && pip install -e '.[tests]'"
        " && python -m pytest",
    ): "installs quytac and runs the tests: .ci/run does it (see the module docstring)",
    (
        "docs/cli.md",
        "quytac validate PATH...                       # check files or folders; every problem"
        " and issue",
    ): "the synopsis: PATH, RECORD, ID, DIR, PLAN_ID, DATE and KIND are placeholders",
    (
        "docs/errors.md",
        "source:line:column: severity code: path: message",
    ): "the shape of a finding, not a command",
    (
        "docs/reports.md",
        "quytac pin src/quytac/data --workspace src/quytac/data           # write them",
    ): "rewrites the bundled data in src/; tests/test_review_fixes.py runs its --check",
    ("docs/api.md", "[pytest]"): "a pytest configuration; tests/test_pytest_plugin.py runs one",
    (
        "docs/cli.md",
        "[tool.quytac]",
    ): "a pyproject.toml table; tests/test_cli.py's TestDefaultWorkspace writes and reads one",
    (
        "docs/tutorial.md",
        "[pytest]",
    ): "a pytest configuration; tests/test_pytest_plugin.py runs it with the page's checklist",
    (
        "docs/tutorial.md",
        "checklist.yaml::kt-thu::validate PASSED",
    ): "what pytest -v prints; tests/test_pytest_plugin.py checks it",
    (
        "docs/architecture.md",
        "tooling      strategies strategies.* pytest_plugin __init__ _quytac_hypothesis",
    ): "the picture of the layers; tests/test_layers.py checks it against its table",
}


def blocks(page):
    """
    The fenced blocks of a page: (line of the opening fence, language, title, text).
    """
    text = page.read_text(encoding="utf-8")
    found = []
    for match in FENCE.finditer(text):
        language, _, attributes = match[1].partition(" ")
        title = re.fullmatch(r'title="([^"]+)"', attributes.strip())
        line = text.count("\n", 0, match.start()) + 1
        found.append((line, language, title[1] if title else None, match[2]))
    return found


def commands(text):
    """
    The commands of a console block, each (arguments, output lines, exit status).
    """
    found = []
    for line in text.replace("\\\n", " ").splitlines():
        if line.startswith("$ "):
            arguments = shlex.split(line[2:], comments=True)
            assert "quytac" == arguments[0], f"only quytac commands run here: {line}"
            found.append((arguments[1:], []))
        else:
            assert found, f"output before any command: {line}"
            found[-1][1].append(line)
    steps = []
    for arguments, output in found:
        status = EXIT.fullmatch(output[-1]) if output else None
        if status:
            steps.append((arguments, output[:-1], int(status[1])))
        else:
            steps.append((arguments, output, 0))
    return steps


def examples():
    """
    Every console block of the pages, with the files its page shows.
    """
    found = []
    for page in PAGES:
        name = page.relative_to(ROOT).as_posix()
        files = {title: text for _, _, title, text in blocks(page) if title}
        found.extend(
            pytest.param(files, commands(text), id=f"{name}:{line}")
            for line, language, _, text in blocks(page)
            if language == "console"
        )
    return found


def fits(shown, real):
    """
    The lines shown, with `...` for lines left out, are the real lines.
    """
    parts = [[]]
    for line in shown:
        if line == ELIDED:
            parts.append([])
        else:
            parts[-1].append(line)
    if len(parts) == 1:
        return shown == real
    first, *middle, last = parts
    end = len(real) - len(last)
    if end < len(first) or real[: len(first)] != first or real[end:] != last:
        return False
    at = len(first)
    for part in middle:
        starts = [i for i in range(at, end - len(part) + 1) if real[i : i + len(part)] == part]
        if not starts:
            return False
        at = starts[0] + len(part)
    return True


def json_fits(shown, real):
    """
    The JSON shown is the real JSON, an array ending in "..." showing only its first elements.
    """
    if isinstance(shown, dict):
        return (
            isinstance(real, dict)
            and shown.keys() == real.keys()
            and all(json_fits(shown[key], real[key]) for key in shown)
        )
    if isinstance(shown, list):
        if not isinstance(real, list):
            return False
        if shown and shown[-1] == ELIDED:
            shown = shown[:-1]
            if len(real) <= len(shown):
                return False
            real = real[: len(shown)]
        return len(shown) == len(real) and all(map(json_fits, shown, real))
    return type(shown) is type(real) and shown == real


def option(arguments, name):
    """
    The value of an option written `--name VALUE` or `--name=VALUE` (or None), and the
    arguments without it.
    """
    for index, argument in enumerate(arguments):
        if argument == name:
            return arguments[index + 1], arguments[:index] + arguments[index + 2 :]
        if argument.startswith(f"{name}="):
            return argument.partition("=")[2], arguments[:index] + arguments[index + 1 :]
    return None, arguments


def check_written(arguments, folder, done):
    """
    The files a command wrote hold what it would have printed.
    """
    output, rest = option(arguments, "--output")
    if output is not None:
        printed = run(*rest, cwd=folder, env=ENV)

        assert (done.returncode, printed.stdout) == (
            printed.returncode,
            (folder / output).read_text(encoding="utf-8"),
        )
    target, _ = option(arguments, "--write")
    if target is not None:
        schemas = json.loads(run("schema", cwd=folder, env=ENV).stdout)
        written = sorted(
            path.relative_to(folder).as_posix() for path in (folder / target).iterdir()
        )

        assert done.stdout.splitlines() == written
        assert schemas == {
            Path(path).name: json.loads((folder / path).read_text(encoding="utf-8"))
            for path in written
        }


@pytest.mark.parametrize(("files", "steps"), examples())
def test_the_commands_print_what_the_page_shows(tmp_path, files, steps):
    """
    Each command prints the output shown, exits with the status shown, writes what it says.
    """
    shutil.copytree(DATA, tmp_path / "data")
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")

    for arguments, shown, status in steps:
        done = run(*arguments, cwd=tmp_path, env=ENV)
        command = shlex.join(["quytac", *arguments])

        assert ("", status) == (done.stderr, done.returncode), command
        if option(arguments, "--format")[0] == "json":
            real = json.loads(done.stdout)
            assert json_fits(json.loads("\n".join(shown)), real), (
                f"{command} printed:\n{json.dumps(real, ensure_ascii=False, indent=2)}"
            )
        else:
            assert fits(shown, done.stdout.splitlines()), f"{command} printed:\n{done.stdout}"
        check_written(arguments, tmp_path, done)


def checkout(folder):
    """
    A folder laid out as this repository's checkout for the README's commands: its
    pyproject.toml, the YAML of src/ and tests/, and data/ as the README makes it.
    """
    shutil.copy(ROOT / "pyproject.toml", folder)
    shutil.copytree(DATA, folder / "src" / "quytac" / "data")
    shutil.copytree(ROOT / "tests" / "data", folder / "tests" / "data")
    shutil.copytree(DATA, folder / "data")


def test_the_readme_commands_run_from_the_repository_root(tmp_path, monkeypatch, capsys):
    """
    Run where the README is, after its `cp -r ... data`, the README's commands print what it
    shows, and so do those that name `--workspace data/` without it: the checkout's src/ and
    tests/ are not read as a workspace (its pyproject.toml names data/ as the default).
    (In this process, for speed: the test above runs the same commands as `python -m quytac`.)
    """
    checkout(tmp_path)
    monkeypatch.chdir(tmp_path)
    steps = [
        step
        for _, language, _, text in blocks(ROOT / "README.md")
        if language == "console"
        for step in commands(text)
    ]
    steps += [
        (option(arguments, "--workspace")[1], shown, status)
        for arguments, shown, status in steps
        if option(arguments, "--workspace")[0] is not None
    ]

    def quytac(arguments):
        status = cli.main(arguments)
        out, err = capsys.readouterr()
        return status, out, err

    for arguments, shown, status in steps:
        done = quytac(arguments)
        command = shlex.join(["quytac", *arguments])

        assert (status, "") == (done[0], done[2]), command
        assert fits(shown, done[1].splitlines()), f"{command} printed:\n{done[1]}"
        output, rest = option(arguments, "--output")
        if output is not None:
            assert quytac(rest)[1] == (tmp_path / output).read_text(encoding="utf-8")
    assert 7 == len(steps)


def test_every_block_runs_or_says_why_it_does_not():
    """
    Every fenced block is run here (console), by doctest (python, starting with `>>>`), loaded
    as YAML, or in NOT_RUN, and every entry of NOT_RUN is a block of its page.
    """
    not_run = {}
    for page in PAGES:
        name = page.relative_to(ROOT).as_posix()
        text = page.read_text(encoding="utf-8")
        found = blocks(page)
        assert 2 * len(found) == len(re.findall(r"^```", text, re.MULTILINE)), name
        for line, language, _, block in found:
            if language == "python":
                assert block.startswith(">>> "), f"{name}:{line}: not a doctest"
            elif language not in ("console", "yaml"):
                assert language, f"{name}:{line}: a block must name its language"
                not_run[name, block.splitlines()[0]] = language

    assert set(NOT_RUN) == set(not_run)
    assert examples()


class TestComparisons:
    """
    The elisions the pages may use still compare what they show.
    """

    def test_text_with_lines_left_out(self):
        """
        `...` stands for any lines, but the lines shown must be there, in order, at the ends.
        """
        real = ["title", "", "a", "b", "c", "end"]

        assert fits(["title", ELIDED, "b", ELIDED], real)
        assert fits(["title", ELIDED, "b", "c", "end"], real)
        assert fits(["title", "", "a", ELIDED, "end"], real)
        assert not fits(["title", ELIDED, "B", ELIDED], real)
        assert not fits(["title", ELIDED, "c", "b", ELIDED], real)
        assert not fits(["titl", ELIDED], real)
        assert not fits([ELIDED, "c"], real)
        assert not fits(["title", "", "a", "b", "c"], real)

    def test_json_with_entries_left_out(self):
        """
        An array ending in "..." shows its first entries; everything else compares exactly.
        """
        real = {"scores": [{"percent": "93.09"}, {"percent": "85.5"}], "summary": {"scored": 2}}

        assert json_fits({"scores": [{"percent": "93.09"}, ELIDED], "summary": {"scored": 2}}, real)
        assert not json_fits(
            {"scores": [{"percent": "93.1"}, ELIDED], "summary": {"scored": 2}}, real
        )
        assert not json_fits(
            {"scores": [{"percent": "85.5"}, ELIDED], "summary": {"scored": 2}}, real
        )
        assert not json_fits({"scores": [*real["scores"], ELIDED], "summary": {"scored": 2}}, real)
        assert not json_fits({"scores": [{"percent": "93.09"}], "summary": {"scored": 2}}, real)
        assert not json_fits({"scores": real["scores"]}, real)
        assert not json_fits({**real, "summary": {"scored": 2.0}}, real)
        assert not json_fits({"scored": True}, {"scored": 1})
