"""
The pytest plugin: checklist files listed in the ini option become test items (examples and
laws), failures named by file and YAML path; nothing is collected without opting in.
"""

import re
import sys
from pathlib import Path

import pytest

import quytac.pytest_plugin
from quytac import strategies

pytest_plugins = ["pytester"]

CHECKLIST = """\
kind: Checklist
schema: quytac/v1
id: {id}
title: Phiếu thử
scoring:
  bands: [{{id: dat, label: Đạt, min: 50}}, {{id: chua_dat, label: Chưa đạt, min: 0}}]
sections:
  - id: I
    title: Mục
    items:
      - {{id: I.1, text: Có văn bản, answer: yes_no, points: 2}}
      - {{id: I.2, text: Niêm yết, answer: yes_no, points: 2}}
examples:
  - name: một nửa
    answers: {{I.1: pass, I.2: fail}}
    expect: {{percent: {percent}, band: dat}}
"""


def _failure(result, title):
    """
    The lines of the failure section of a pytest run with this title, up to the next section.
    """
    lines = result.stdout.lines
    start = next(
        n for n, line in enumerate(lines) if re.fullmatch(rf"_+ {re.escape(title)} _+", line)
    )
    end = next(
        n for n, line in enumerate(lines[start + 1 :], start + 1) if line.startswith(("_", "="))
    )
    return lines[start + 1 : end]


def _project(pytester, ini):
    pytester.makefile(".yaml", good=CHECKLIST.format(id="good", percent=50))
    pytester.makefile(".yaml", bad=CHECKLIST.format(id="bad", percent=75))
    pytester.makeini(ini)


def test_one_passing_and_one_failing_checklist(pytester):
    """
    Each checklist gives one item for its own rules, one per example and one per law; the
    failing example is shown with its file and YAML path.
    """
    _project(pytester, "[pytest]\nquytac_checklists = *.yaml\nquytac_max_examples = 5\n")

    result = pytester.runpytest("-p", "no:cacheprovider", "-p", "no:randomly")

    result.assert_outcomes(passed=13, failed=1)
    assert [
        "bad.yaml:16:23: error QT460: examples[0].expect.percent: example 'một nửa':"
        " expected percent 75, got 50"
    ] == _failure(result, "bad.yaml: bad::examples[0] một nửa")


def test_nothing_is_collected_without_opting_in(pytester):
    """
    Without the ini option or --quytac, YAML files are left alone.
    """
    _project(pytester, "[pytest]\n")

    assert 5 == pytester.runpytest("-p", "no:cacheprovider").ret  # no tests collected
    pytester.runpytest("-p", "no:cacheprovider", "--quytac").assert_outcomes(passed=13, failed=1)


def test_the_plugin_checks_the_laws_of_the_strategies():
    """
    The plugin's laws are those of quytac.strategies.
    """
    assert strategies.SCORING_LAWS == quytac.pytest_plugin.SCORING_LAWS


class TestOptIn:
    """
    The plugin does nothing at all in a project that did not opt in.
    """

    def test_yaml_outside_and_inside_the_rootdir_without_opting_in(self, pytester, monkeypatch):
        """
        A YAML file outside the rootdir and one inside, with no opt-in: the normal result, as
        without the plugin.
        """
        pytester.makefile(".yaml", **{"o/x": "a: 1\n", "p/y": "b: 2\n"})
        pytester.makepyfile(**{"o/test_o": "def test_x(): pass\n"})
        monkeypatch.chdir(pytester.path / "p")

        result = pytester.runpytest("-p", "no:cacheprovider", "--rootdir=.", "../o", ".")
        without = pytester.runpytest(
            "-p", "no:cacheprovider", "-p", "no:quytac", "--rootdir=.", "../o", "."
        )

        result.assert_outcomes(passed=1)
        without.assert_outcomes(passed=1)
        assert 0 == result.ret

    def test_globs_ignore_files_outside_the_rootdir(self, pytester, monkeypatch):
        """
        The ini globs match paths under the rootdir: a YAML file outside it is not matched,
        and does not stop the collection.
        """
        pytester.makefile(".yaml", **{"o/x": "a: 1\n"})
        pytester.makefile(".yaml", **{"p/good": CHECKLIST.format(id="good", percent=50)})
        pytester.makepyfile(**{"o/test_o": "def test_x(): pass\n"})
        pytester.makefile(".ini", **{"p/pytest": "[pytest]\nquytac_checklists = *.yaml\n"})
        monkeypatch.chdir(pytester.path / "p")

        result = pytester.runpytest(
            "-p",
            "no:cacheprovider",
            "-c",
            "pytest.ini",
            "--rootdir=.",
            "-k",
            "examples or test_x",
            "../o",
            ".",
        )

        result.assert_outcomes(passed=2, deselected=6)


UNITS = """\
kind: UnitCatalog
schema: quytac/v1
id: don-vi
title: Đơn vị
units:
  - {code: "01", name: Thành phố Hà Nội, kind: thanh_pho_tw}
"""


class TestWhichFiles:
    """
    --quytac takes the YAML files that hold a checklist and leaves the others alone; the ini
    globs are the user's choice, so a file they match must load.
    """

    def test_quytac_skips_yaml_that_is_not_a_checklist(self, pytester):
        """
        Under --quytac, a docker-compose.yml and a unit catalog are skipped silently.
        """
        pytester.makefile(".yml", **{"docker-compose": "services: {}\n"})
        pytester.makefile(".yaml", units=UNITS, good=CHECKLIST.format(id="good", percent=50))

        result = pytester.runpytest("-p", "no:cacheprovider", "--quytac", "-k", "examples")

        result.assert_outcomes(passed=1, deselected=6)

    def test_quytac_reports_a_checklist_that_does_not_load(self, pytester):
        """
        A file that says it is a checklist but does not load is a collection error showing
        each problem as file:line:column: severity code: path: message.
        """
        text = CHECKLIST.format(id="bad", percent=50).replace("title: Phiếu thử", "titel: x")
        pytester.makefile(".yaml", broken=text)

        result = pytester.runpytest("-p", "no:cacheprovider", "--quytac")

        result.assert_outcomes(errors=1)
        assert [
            "broken.yaml:1:1: error QT103: title: missing required key",
            "broken.yaml:4:1: error QT104: titel: unknown key; did you mean 'title'? (allowed"
            " here: title, notes, sections, examples, id, kind, …)",
        ] == _failure(result, "ERROR collecting broken.yaml")

    def test_two_checklists_with_one_id_in_a_file_are_a_collection_error(self, pytester):
        """
        As in any workspace (QT109), rather than two sets of items under one name.
        """
        one = CHECKLIST.format(id="kt", percent=50)
        pytester.makefile(".yaml", twice=one + "---\n" + one)

        result = pytester.runpytest("-p", "no:cacheprovider", "--quytac")

        result.assert_outcomes(errors=1)
        assert [
            "twice.yaml:20:5: error QT109: id: duplicate Checklist id 'kt' (first in twice.yaml:3)",
        ] == _failure(result, "ERROR collecting twice.yaml")

    def test_a_file_the_globs_match_must_load(self, pytester):
        """
        A file the ini globs match that is not a quytac document is a collection error.
        """
        pytester.makefile(".yml", **{"docker-compose": "services: {}\n"})
        pytester.makeini("[pytest]\nquytac_checklists = *.yml\n")

        result = pytester.runpytest("-p", "no:cacheprovider")

        result.assert_outcomes(errors=1)
        assert [
            "docker-compose.yml:1:1: error QT103: kind: missing required key",
            "docker-compose.yml:1:1: error QT103: schema: missing required key",
        ] == _failure(result, "ERROR collecting docker-compose.yml")

    def test_a_matched_document_of_another_kind_gives_no_item(self, pytester):
        """
        A file the globs match that loads but holds no checklist (a unit catalog of the same
        workspace) gives no item and no error.
        """
        pytester.makefile(".yaml", units=UNITS)
        pytester.makeini("[pytest]\nquytac_checklists = *.yaml\n")

        result = pytester.runpytest("-p", "no:cacheprovider")

        assert 5 == result.ret  # no tests collected
        result.assert_outcomes()


BROKEN_BOUNDS = """\
from fractions import Fraction

import attrs
import pytest

import quytac.scoring

patch = pytest.MonkeyPatch()


def pytest_configure(config):
    real = quytac.scoring.score

    def score(checklist, answers, **kwargs):
        result = real(checklist, answers, **kwargs)
        if answers.get("I.2") == "fail":
            return attrs.evolve(result, percent=Fraction(150))
        return result

    patch.setattr(quytac.scoring, "score", score)


def pytest_unconfigure(config):
    patch.undo()
"""


class TestFailures:
    """
    Failures read like ``quytac test``: located findings for the checklist's rules and its
    examples; the law, the file and the falsifying answers for laws.
    """

    def test_a_checklist_that_does_not_validate_fails_its_item(self, pytester):
        """
        Bands that leave a gap and a condition on no item: the checklist's validate item fails
        with the errors (and the warnings) as ``quytac validate`` shows them, though its
        example passes.
        """
        text = (
            "kind: Checklist\nschema: quytac/v1\nid: gap\ntitle: Phiếu thử\n"
            "scoring:\n  bands: [{id: dat, label: Đạt, min: 50}, {id: chua_dat, label: Chưa đạt,"
            " min: 10}]\n"
            "sections:\n  - id: I\n    title: Mục\n    items:\n"
            "      - {id: I.1, text: Có văn bản, points: 2}\n"
            "      - {id: I.2, text: Niêm yết, points: 2, when: {item: I.9, equals: pass},"
            " refs: [qtux-can-bo:3]}\n"
            "examples:\n  - {name: đạt, answers: {I.1: pass}, expect: {percent: 100}}\n"
        )
        pytester.makefile(".yaml", gap=text)
        pytester.makeini("[pytest]\nquytac_checklists = *.yaml\n")

        result = pytester.runpytest("-p", "no:cacheprovider", "-k", "validate or examples")

        result.assert_outcomes(passed=1, failed=1, deselected=5)
        assert [
            "gap.yaml:6:10: error QT415: scoring.bands: no band covers 0 up to 10:"
            " the lowest band must start at 0",
            "gap.yaml:12:59: error QT430: sections[0].items[1].when.item:"
            " the condition tests 'I.9', which is not an item of this checklist",
            "gap.yaml:12:86: error QT421: sections[0].items[1].refs[0]:"
            " unknown code 'qtux-can-bo': no ConductCode with this id in the workspace",
            "gap.yaml:12:86: warning QT422: sections[0].items[1].refs[0]:"
            " the code 'qtux-can-bo' is not listed in the checklist's codes",
        ] == _failure(result, "gap.yaml: gap::validate")

    def test_warnings_alone_do_not_fail_the_validate_item(self, pytester):
        """
        A code cited but not listed is a warning: the checklist keeps its rules.
        """
        code = (
            "kind: ConductCode\nschema: quytac/v1\nid: qtux\ntitle: Quy tắc\n"
            "legal_basis: {instrument: QĐ 522, issued_by: UBND, issued_on: 2017-01-01}\n"
            "effective_from: 2017-01-01\n"
            "chapters: [{number: I, title: Chung, articles: [{number: 3, title: Điều 3}]}]\n"
        )
        text = CHECKLIST.format(id="kt", percent=50).replace(
            "answer: yes_no, points: 2}", "answer: yes_no, points: 2, refs: [qtux:3]}", 1
        )
        pytester.makefile(".yaml", kt=f"{code}---\n{text}")
        pytester.makeini("[pytest]\nquytac_checklists = *.yaml\n")

        result = pytester.runpytest("-p", "no:cacheprovider", "-k", "validate")

        result.assert_outcomes(passed=1, deselected=6)

    def test_a_broken_law_shows_the_law_the_file_and_the_answers(self, pytester):
        """
        A law broken (here by a scoring patched to give 150% when I.2 fails) names the law,
        the checklist and its file at the id, and lists the answers Hypothesis shrank to.
        """
        pytester.makefile(".yaml", good=CHECKLIST.format(id="good", percent=50))
        pytester.makeini("[pytest]\nquytac_checklists = *.yaml\nquytac_max_examples = 20\n")
        pytester.makeconftest(BROKEN_BOUNDS)

        result = pytester.runpytest("-p", "no:cacheprovider", "-k", "bounds")

        result.assert_outcomes(failed=1, deselected=6)
        failure = _failure(result, "good.yaml: good::law bounds")
        assert [
            "good.yaml:3:5: checklist 'good' breaks the scoring law 'bounds':"
            " percent 150 is outside 0..100",
            "falsifying answers (as Hypothesis shrank them):",
        ] == failure[:2]
        # Hypothesis shrinks I.1 to na, pass or leaves it out, from run to run; I.2 breaks it.
        assert "  I.2: fail" == failure[-1]
        assert [] == [
            line for line in failure[2:-1] if not re.fullmatch(r"  I\.1: (na|pass|fail)", line)
        ]
        assert len(failure) in {3, 4}

    def test_laws_are_skipped_without_hypothesis(self, pytester):
        """
        Without Hypothesis (its import blocked by the run's conftest; pytester restores
        sys.modules after the run) the law items are skipped with the reason; examples run.
        """
        pytester.makefile(".yaml", good=CHECKLIST.format(id="good", percent=50))
        pytester.makeini("[pytest]\nquytac_checklists = *.yaml\n")
        pytester.makeconftest("import sys\n\nsys.modules['hypothesis'] = None\n")

        result = pytester.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest", "-rs")

        result.assert_outcomes(passed=2, skipped=5)
        assert "SKIPPED [5] good.yaml: install quytac[hypothesis] to check the laws of scoring" in (
            result.stdout.lines
        )

    def test_the_laws_need_hypothesis(self, monkeypatch):
        """
        The reason to skip the laws is given when Hypothesis cannot be imported, and only then.
        """
        assert quytac.pytest_plugin.laws_skipped() is None

        monkeypatch.setitem(sys.modules, "hypothesis", None)

        assert (
            "install quytac[hypothesis] to check the laws of scoring"
            == quytac.pytest_plugin.laws_skipped()
        )


TUTORIAL = Path(__file__).parent.parent / "docs" / "tutorial.md"


@pytest.mark.parametrize("written", ["abc", "0", "-5", "2.5"])
def test_a_bad_max_examples_is_a_usage_error(pytester, written):
    """
    Not every law failing on int('abc'): one usage error, before anything runs.
    """
    pytester.makeini(f"[pytest]\nquytac_checklists = *.yaml\nquytac_max_examples = {written}\n")

    result = pytester.runpytest()

    assert pytest.ExitCode.USAGE_ERROR == result.ret
    assert [f"ERROR: quytac_max_examples must be a whole number of 1 or more, got {written!r}"] == [
        line for line in result.stderr.lines if line.startswith("ERROR")
    ]


def test_a_bad_max_examples_does_not_matter_without_opting_in(pytester):
    pytester.makeini("[pytest]\nquytac_max_examples = abc\n")
    pytester.makepyfile(test_x="def test_x(): pass\n")

    result = pytester.runpytest()

    result.assert_outcomes(passed=1)


def test_the_tutorial_step_5_runs_as_it_says(pytester):
    """
    docs/tutorial.md step 5: its ini text and its final checklist give the items the page
    shows under ``pytest -v``, all passed.
    """
    text = TUTORIAL.read_text(encoding="utf-8")
    (ini,) = re.findall(r"```ini\n(.*?)```", text, re.DOTALL)
    checklist = re.findall(r"```yaml\n(.*?)```", text, re.DOTALL)[-1]
    (shown,) = re.findall(r"```text\n(.*?)```", text, re.DOTALL)
    pytester.makeini(ini)
    pytester.makefile(".yaml", checklist=checklist)

    result = pytester.runpytest("-p", "no:cacheprovider", "-v")

    result.assert_outcomes(passed=7)
    items = [
        re.sub(r"\s+\[\s*\d+%\]$", "", line)
        for line in result.stdout.lines
        if line.startswith("checklist.yaml::")
    ]
    assert shown.splitlines() == items


CODE = """\
kind: ConductCode
schema: quytac/v1
id: qtux
title: Quy tắc
legal_basis: {instrument: QĐ 522, issued_by: UBND, issued_on: 2017-01-01}
effective_from: 2017-01-01
chapters: [{number: I, title: Chung, articles: [{number: 3, title: Điều 3}]}]
"""


def _citing(id_):
    """
    A checklist that cites article 3 of the code ``qtux``, which is in another file.
    """
    return (
        CHECKLIST.format(id=id_, percent=50)
        .replace("title: Phiếu thử\n", "title: Phiếu thử\ncodes: [qtux]\n", 1)
        .replace("points: 2}", "points: 2, refs: ['qtux:3']}", 1)
    )


class TestWorkspace:
    """
    With a workspace (``quytac_workspace``, or ``[tool.quytac] workspace`` of pyproject.toml),
    a checklist's ``::validate`` looks up the codes it cites in the workspace's documents.
    """

    RUN = ("-p", "no:cacheprovider", "-k", "validate or examples")

    def test_without_a_workspace_a_code_in_another_file_is_unknown(self, pytester):
        pytester.makefile(".yaml", **{"ws/codes": CODE, "ws/kt": _citing("kt")})
        pytester.makeini("[pytest]\nquytac_checklists = ws/kt.yaml\n")

        result = pytester.runpytest(*self.RUN)

        result.assert_outcomes(passed=1, failed=1, deselected=5)
        assert [
            "ws/kt.yaml:5:9: error QT421: codes[0]: unknown code 'qtux':"
            " no ConductCode with this id in the workspace",
        ] == _failure(result, "kt.yaml: kt::validate")

    def test_the_ini_option_names_the_workspace_of_a_checklist_inside_it(self, pytester):
        pytester.makefile(".yaml", **{"ws/codes": CODE, "ws/kt": _citing("kt")})
        pytester.makeini("[pytest]\nquytac_checklists = ws/*.yaml\nquytac_workspace = ws\n")

        result = pytester.runpytest(*self.RUN)

        result.assert_outcomes(passed=2, deselected=5)

    def test_a_checklist_outside_the_workspace_is_validated_in_it(self, pytester):
        pytester.makefile(".yaml", **{"ws/codes": CODE, "checklists/kt": _citing("kt")})
        pytester.makeini("[pytest]\nquytac_checklists = checklists/*.yaml\nquytac_workspace = ws\n")

        result = pytester.runpytest(*self.RUN)

        result.assert_outcomes(passed=2, deselected=5)

    def test_pyproject_tool_quytac_workspace_is_the_default(self, pytester):
        """
        The folder the command line takes by default in this project is the plugin's too.
        """
        pytester.makefile(".yaml", **{"data/codes": CODE, "data/kt": _citing("kt")})
        pytester.makepyprojecttoml(
            '[tool.pytest.ini_options]\nquytac_checklists = ["data/kt.yaml"]\n\n'
            '[tool.quytac]\nworkspace = "data"\n'
        )

        result = pytester.runpytest(*self.RUN)

        result.assert_outcomes(passed=2, deselected=5)

    def test_only_the_checklists_of_the_collected_file_give_items(self, pytester):
        """
        The workspace's other checklists are its documents, not items of this file.
        """
        pytester.makefile(
            ".yaml", **{"ws/codes": CODE, "ws/kt": _citing("kt"), "ws/other": _citing("other")}
        )
        pytester.makeini("[pytest]\nquytac_checklists = ws/kt.yaml\nquytac_workspace = ws\n")

        result = pytester.runpytest("-p", "no:cacheprovider", "--collect-only", "-q")

        assert [
            "ws/kt.yaml::kt::validate",
            "ws/kt.yaml::kt::examples[0] một nửa",
            *(f"ws/kt.yaml::kt::law {law}" for law in quytac.pytest_plugin.SCORING_LAWS),
        ] == [line for line in result.stdout.lines if "::" in line]

    def test_a_file_of_the_workspace_that_does_not_load_fails_validate(self, pytester):
        """
        The code cited may be in the file that did not load: its problem is listed first.
        """
        broken = CODE.replace("id: qtux", "id: qtux\nid: again")
        pytester.makefile(".yaml", **{"ws/codes": broken, "ws/kt": _citing("kt")})
        pytester.makeini("[pytest]\nquytac_checklists = ws/kt.yaml\nquytac_workspace = ws\n")

        result = pytester.runpytest(*self.RUN)

        result.assert_outcomes(passed=1, failed=1, deselected=5)
        assert [
            "ws/codes.yaml:4:1: error QT003: id: duplicate key 'id' (first on line 3)",
            "ws/kt.yaml:5:9: error QT421: codes[0]: unknown code 'qtux':"
            " no ConductCode with this id in the workspace",
        ] == _failure(result, "kt.yaml: kt::validate")

    @pytest.mark.parametrize(
        ("ini", "error"),
        [
            (
                "[pytest]\nquytac_checklists = *.yaml\nquytac_workspace = nowhere\n",
                "ERROR: quytac_workspace names no folder: 'nowhere' (from {root})",
            ),
            (
                '[tool.pytest.ini_options]\nquytac_checklists = ["*.yaml"]\n'
                '[tool.quytac]\nworkspace = "data"\n',
                "ERROR: [tool.quytac] workspace in pyproject.toml names no folder: 'data'"
                " (from {root})",
            ),
        ],
        ids=["ini", "pyproject"],
    )
    def test_a_workspace_that_is_not_a_folder_is_a_usage_error(self, pytester, ini, error):
        if ini.startswith("[pytest]"):
            pytester.makeini(ini)
        else:
            pytester.makepyprojecttoml(ini)
        pytester.makefile(".yaml", kt=CHECKLIST.format(id="kt", percent=50))

        result = pytester.runpytest("-p", "no:cacheprovider")

        assert pytest.ExitCode.USAGE_ERROR == result.ret
        assert [error.format(root=pytester.path)] == [line for line in result.stderr.lines if line]
