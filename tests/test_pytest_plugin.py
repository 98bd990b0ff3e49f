"""
The pytest plugin: checklist files listed in the ini option become test items (examples and
laws), failures named by file and YAML path; nothing is collected without opting in.
"""

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


def _project(pytester, ini):
    pytester.makefile(".yaml", good=CHECKLIST.format(id="good", percent=50))
    pytester.makefile(".yaml", bad=CHECKLIST.format(id="bad", percent=75))
    pytester.makeini(ini)


def test_one_passing_and_one_failing_checklist(pytester):
    """
    Each file gives one item per example and per law; the failing example is shown with its
    file and YAML path.
    """
    _project(pytester, "[pytest]\nquytac_checklists = *.yaml\nquytac_max_examples = 5\n")

    result = pytester.runpytest("-p", "no:cacheprovider", "-p", "no:randomly")

    result.assert_outcomes(passed=11, failed=1)
    assert (
        "bad.yaml: examples[0].expect.percent: example 'một nửa': expected percent 75, got 50"
        in result.stdout.str()
    )


def test_nothing_is_collected_without_opting_in(pytester):
    """
    Without the ini option or --quytac, YAML files are left alone.
    """
    _project(pytester, "[pytest]\n")

    assert 5 == pytester.runpytest("-p", "no:cacheprovider").ret  # no tests collected
    pytester.runpytest("-p", "no:cacheprovider", "--quytac").assert_outcomes(passed=11, failed=1)


def test_the_plugin_checks_the_laws_of_the_strategies():
    """
    The plugin's laws are those of quytac.strategies.
    """
    assert strategies.SCORING_LAWS == quytac.pytest_plugin.SCORING_LAWS
