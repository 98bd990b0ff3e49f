"""
A pytest plugin that tests checklist YAML files: each file's ``examples:`` and the laws of
scoring become test items. It is opt-in, so it never surprises a project: list the files in
the ini option ``quytac_checklists`` (globs relative to the rootdir), or pass ``--quytac`` to
collect every ``.yaml`` file that holds a checklist.

The laws need Hypothesis (``pip install 'quytac[hypothesis]'``).
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ._documents import load_all
from .checklists import Checklist
from .errors import LoadError, format_path
from .scoring import run_examples

SCORING_LAWS = ("bounds", "monotonicity", "na_neutrality", "scaling", "order")


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("quytac")
    group.addoption(
        "--quytac",
        action="store_true",
        default=False,
        help="collect every .yaml file holding a quytac checklist: its examples and scoring laws",
    )
    parser.addini(
        "quytac_checklists",
        type="linelist",
        default=[],
        help="globs (relative to the rootdir) of quytac checklist files to test",
    )
    parser.addini(
        "quytac_max_examples",
        default="50",
        help="how many answer sets Hypothesis tries per scoring law",
    )


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> ChecklistFile | None:
    if file_path.suffix not in (".yaml", ".yml"):
        return None
    config = parent.config
    globs: list[str] = config.getini("quytac_checklists")
    relative = file_path.relative_to(config.rootpath).as_posix()
    if config.getoption("quytac") or any(fnmatch.fnmatch(relative, g) for g in globs):
        return ChecklistFile.from_parent(parent, path=file_path)
    return None


class ChecklistFile(pytest.File):
    """
    A YAML file: one item per example and per law of every checklist in it.
    """

    def collect(self) -> Iterator[pytest.Item]:
        try:
            documents = load_all(self.path)
        except LoadError as error:
            raise self.CollectError(str(error)) from None
        for checklist in documents:
            if not isinstance(checklist, Checklist):
                continue
            for position, example in enumerate(checklist.examples):
                yield ExampleItem.from_parent(
                    self,
                    name=f"{checklist.id}::examples[{position}] {example.name}",
                    checklist=checklist,
                    position=position,
                )
            for law in SCORING_LAWS:
                yield LawItem.from_parent(
                    self, name=f"{checklist.id}::law {law}", checklist=checklist, law=law
                )


class ChecklistFailure(Exception):
    """
    What a checklist item reports: the file, the YAML path and the message.
    """


class _ChecklistItem(pytest.Item):
    """
    A test item of a checklist file: failures show the file and the YAML path, no traceback.
    """

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException]) -> str:  # type: ignore[override]
        if isinstance(excinfo.value, ChecklistFailure):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"{self.path.name}: {self.name}"


class ExampleItem(_ChecklistItem):
    """
    One golden example of a checklist.
    """

    def __init__(self, *, checklist: Checklist, position: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.checklist = checklist
        self.position = position

    def runtest(self) -> None:
        found = [
            issue
            for issue in run_examples(self.checklist)
            if issue.path[:2] == ("examples", self.position)
        ]
        if found:
            raise ChecklistFailure(
                "\n".join(f"{self.path}: {format_path(i.path)}: {i.message}" for i in found)
            )


class LawItem(_ChecklistItem):
    """
    One law of scoring, checked with Hypothesis against a checklist.
    """

    def __init__(self, *, checklist: Checklist, law: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.checklist = checklist
        self.law = law

    def runtest(self) -> None:
        from .strategies import check_scoring_laws  # noqa: PLC0415 - Hypothesis only when used

        examples = int(self.config.getini("quytac_max_examples"))
        try:
            check_scoring_laws(self.checklist, laws=[self.law], max_examples=examples)
        except AssertionError as error:
            raise ChecklistFailure(f"{self.path}: {error}") from None
