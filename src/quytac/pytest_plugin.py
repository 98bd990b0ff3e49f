"""
A pytest plugin that tests checklist YAML files: each checklist's own rules (as ``quytac
validate`` checks them), its ``examples:`` and the laws of scoring become test items. It is
opt-in, and does nothing at all in a project that did not opt in:

- the ini option ``quytac_checklists`` lists globs, matched against the path of each ``.yaml``
  or ``.yml`` file relative to the rootdir (files outside the rootdir never match). A file
  they match is the user's choice: one that does not load is a collection error; one that
  loads but holds no checklist (a unit catalog of the same workspace) gives no item.
- ``--quytac`` takes every ``.yaml``/``.yml`` file that holds a checklist: one with a
  top-level ``kind: Checklist`` line. Other YAML files (``docker-compose.yml``, a unit catalog)
  are skipped silently; a checklist file that does not load is a collection error.

A file is read as a workspace of its own, as ``quytac validate FILE`` reads it: the codes a
checklist cites are looked up in the documents of its file. With a workspace (the ini option
``quytac_workspace``, a folder relative to the rootdir, or else the ``workspace`` of the
``[tool.quytac]`` table of the rootdir's ``pyproject.toml``, as the command line takes it) the
checklist is validated in that folder's documents, with its file's. Failures read like ``quytac
test``: ``file:line:column: severity code: path: message``. The laws need Hypothesis (``pip
install 'quytac[hypothesis]'``); without it they are skipped.
"""

from __future__ import annotations

import fnmatch
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from .checklists import Checklist
from .errors import Severity, _order
from .render import text as render_text
from .scoring import _located_examples
from .validation import _checklist_rules
from .workspace import Workspace, read_files, walk

if TYPE_CHECKING:
    from .strategies import _LawBroken

SCORING_LAWS = ("bounds", "monotonicity", "na_neutrality", "scaling", "order")

#: Why the law items are skipped when Hypothesis is missing.
NEEDS_HYPOTHESIS = "install quytac[hypothesis] to check the laws of scoring"

#: A top-level ``kind: Checklist`` line (the key and the value may be quoted).
_CHECKLIST_KIND = re.compile(
    r"""^(?:---[ \t]+)?(["']?)kind\1[ \t]*:[ \t]*(["']?)Checklist\2[ \t]*(?:#.*)?$""",
    re.MULTILINE,
)

#: The language of the messages of failures.
_LANG = "en"

#: The folder of the workspace checklists are validated in (None: each file alone).
_FOLDER = pytest.StashKey["Path | None"]()
#: The files of that workspace, and what reading them gave, once a session.
_SHARED = pytest.StashKey["tuple[set[Path], list[Any], list[Any]]"]()


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
        "quytac_workspace",
        default="",
        help=(
            "the workspace folder (relative to the rootdir) checklists are validated in;"
            " default: [tool.quytac] workspace of pyproject.toml, else each file alone"
        ),
    )
    parser.addini(
        "quytac_max_examples",
        default="50",
        help="how many answer sets Hypothesis tries per scoring law",
    )


def pytest_configure(config: pytest.Config) -> None:
    """
    A project that opted in gets a usage error for a ``quytac_max_examples`` that is not a
    whole number of 1 or more (rather than every law failing on it); others are not looked at.
    """
    if not (config.getoption("quytac") or config.getini("quytac_checklists")):
        return
    written = str(config.getini("quytac_max_examples")).strip()
    if not (written.isdigit() and int(written) >= 1):
        message = f"quytac_max_examples must be a whole number of 1 or more, got {written!r}"
        raise pytest.UsageError(message)
    config.stash[_FOLDER] = _workspace_folder(config)


def _workspace_folder(config: pytest.Config) -> Path | None:
    """
    The folder of the workspace: the ini option ``quytac_workspace``, else the ``workspace`` of
    ``[tool.quytac]`` in the rootdir's ``pyproject.toml``, both relative to the rootdir; None
    when neither is set. A folder that is not there is a usage error.
    """
    written = str(config.getini("quytac_workspace")).strip()
    option = "quytac_workspace"
    if not written:
        option = "[tool.quytac] workspace in pyproject.toml"
        project = config.rootpath / "pyproject.toml"
        try:
            with project.open("rb") as stream:
                tool = tomllib.load(stream).get("tool")
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            return None  # no project file, or one pytest itself reports
        table = tool.get("quytac") if isinstance(tool, dict) else None
        folder = table.get("workspace") if isinstance(table, dict) else None
        if folder is None:
            return None
        if not isinstance(folder, str):
            raise pytest.UsageError(f"{option} must be the path of a folder, got {folder!r}")
        written = folder
    path = config.rootpath / written
    if not path.is_dir():
        raise pytest.UsageError(f"{option} names no folder: {written!r} (from {config.rootpath})")
    return path


def _shared(config: pytest.Config) -> tuple[set[Path], list[Any], list[Any]] | None:
    """
    The workspace's files, documents and problems, read once a session; None without one.
    """
    folder = config.stash.get(_FOLDER, None)
    if folder is None:
        return None
    if _SHARED not in config.stash:
        files, unread = walk([folder])
        root = config.rootpath
        documents, problems = read_files(files, shown=lambda f: _shown(Path(f), root))
        config.stash[_SHARED] = ({Path(f).resolve() for f in files}, documents, unread + problems)
    return config.stash[_SHARED]


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> ChecklistFile | None:
    config = parent.config
    everything: bool = config.getoption("quytac")
    globs: list[str] = config.getini("quytac_checklists")
    if not (everything or globs) or file_path.suffix not in (".yaml", ".yml"):
        return None
    if _listed(file_path, config.rootpath, globs) or (everything and _holds_checklist(file_path)):
        return ChecklistFile.from_parent(parent, path=file_path)
    return None


def _listed(path: Path, root: Path, globs: list[str]) -> bool:
    """
    Whether a glob of the ini option matches the path relative to the rootdir.
    """
    if not globs or not path.is_relative_to(root):
        return False
    relative = path.relative_to(root).as_posix()
    return any(fnmatch.fnmatch(relative, glob) for glob in globs)


def _holds_checklist(path: Path) -> bool:
    """
    Whether a file says it holds a checklist (a top-level ``kind: Checklist`` line), read
    without loading it, so that a checklist that does not load is still told apart.
    """
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return _CHECKLIST_KIND.search(text) is not None


def _shown(path: Path, root: Path) -> str:
    """
    The name failures give a file: relative to the rootdir, like pytest's node ids.
    """
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def laws_skipped() -> str | None:
    """
    Why the law items are skipped (Hypothesis cannot be imported), or None to run them.
    """
    try:
        import hypothesis  # noqa: F401, PLC0415 - only whether it imports
    except ImportError:
        return NEEDS_HYPOTHESIS
    return None


class ChecklistFile(pytest.File):
    """
    A YAML file: one item per example and per law of every checklist in it.
    """

    def collect(self) -> Iterator[pytest.Item]:
        documents, problems, elsewhere = self._read()
        if problems:
            problems.sort(key=_order)
            raise self.CollectError("\n".join(render_text.findings(problems, _LANG)))
        workspace = Workspace.of_read(documents)
        skipped = laws_skipped()
        own = {id(document) for document, _ in documents if self._own(document, workspace)}
        for checklist in workspace.all(Checklist):
            if id(checklist) not in own:
                continue
            yield ValidationItem.from_parent(
                self,
                name=f"{checklist.id}::validate",
                workspace=workspace,
                checklist=checklist,
                elsewhere=elsewhere,
            )
            for position, example in enumerate(checklist.examples):
                yield ExampleItem.from_parent(
                    self,
                    name=f"{checklist.id}::examples[{position}] {example.name}",
                    workspace=workspace,
                    checklist=checklist,
                    position=position,
                )
            for law in SCORING_LAWS:
                item = LawItem.from_parent(
                    self,
                    name=f"{checklist.id}::law {law}",
                    workspace=workspace,
                    checklist=checklist,
                    law=law,
                )
                if skipped:
                    item.add_marker(pytest.mark.skip(reason=skipped))
                yield item

    def _read(self) -> tuple[list[Any], list[Any], list[Any]]:
        """
        The documents the file's checklists are validated in (the file's, and the workspace's
        when there is one), the problems of the file, and those of the workspace's other files.
        """
        root = self.config.rootpath
        shown = _shown(self.path, root)
        shared = _shared(self.config)
        if shared is None:
            documents, problems = read_files(
                [str(self.path)], shown=lambda f: _shown(Path(f), root)
            )
            return documents, problems, []
        files, documents, problems = shared
        if self.path.resolve() not in files:
            every = [*sorted(str(f) for f in files), str(self.path)]
            documents, problems = read_files(every, shown=lambda f: _shown(Path(f), root))
        own = [p for p in problems if p.source == shown]
        return documents, own, [p for p in problems if p.source != shown]

    def _own(self, document: Any, workspace: Workspace) -> bool:
        """
        Whether a document of the workspace comes from this file.
        """
        origin = workspace.origin(document)
        return origin is not None and origin.source == _shown(self.path, self.config.rootpath)


class ChecklistFailure(Exception):
    """
    What a checklist item reports: located findings, or a broken law with its answers.
    """


class _ChecklistItem(pytest.Item):
    """
    A test item of a checklist file: failures show the file and the YAML path, no traceback.
    """

    def __init__(self, *, workspace: Workspace, checklist: Checklist, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.workspace = workspace
        self.checklist = checklist

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException]) -> str:  # type: ignore[override]
        if isinstance(excinfo.value, ChecklistFailure):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo))

    #: The YAML path of what the item tests, where reports place it.
    place: tuple[str | int, ...] = ("id",)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        origin = self.workspace.origin(self.checklist)
        where = origin.marks([self.place]).at_value(self.place) if origin else None
        return self.path, where[0] - 1 if where else 0, f"{self.path.name}: {self.name}"


class ValidationItem(_ChecklistItem):
    """
    The checklist's own rules, as ``quytac validate`` checks them (its references looked up in
    the documents of its file, and of the workspace when there is one): an error fails the
    item, warnings alone do not. Problems of the workspace's other files fail it too, listed
    first: a code it cites may be in a file that did not load.
    """

    def __init__(self, *, elsewhere: list[Any], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.elsewhere = elsewhere

    def runtest(self) -> None:
        found = [
            *sorted(self.elsewhere, key=_order),
            *_checklist_rules(self.workspace, self.checklist),
        ]
        if any(finding.severity is Severity.ERROR for finding in found):
            raise ChecklistFailure("\n".join(render_text.findings(found, _LANG)))


class ExampleItem(_ChecklistItem):
    """
    One golden example of a checklist.
    """

    def __init__(self, *, position: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.position = position
        self.place = ("examples", position)

    def runtest(self) -> None:
        found = [
            finding
            for finding in _located_examples(self.workspace, self.checklist)
            if finding.path[:2] == ("examples", self.position)
        ]
        if found:
            raise ChecklistFailure("\n".join(render_text.findings(found, _LANG)))


class LawItem(_ChecklistItem):
    """
    One law of scoring, checked with Hypothesis against a checklist.
    """

    def __init__(self, *, law: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.law = law

    def runtest(self) -> None:
        from .strategies import _LawBroken, check_scoring_laws  # noqa: PLC0415 - only when used

        examples = int(self.config.getini("quytac_max_examples"))
        try:
            check_scoring_laws(self.checklist, laws=[self.law], max_examples=examples)
        except _LawBroken as broken:
            raise ChecklistFailure(self._broken(broken)) from None

    def _broken(self, broken: _LawBroken) -> str:
        """
        The law, the checklist at its id in its file, and the answers, one a line.
        """
        where = _shown(self.path, self.config.rootpath)
        origin = self.workspace.origin(self.checklist)
        place = origin.marks([("id",)]).at_value(("id",)) if origin else None
        if place:
            where += ":" + ":".join(str(number) for number in place)
        law = f"checklist {broken.checklist_id!r} breaks the scoring law {broken.law!r}"
        lines = [
            f"{where}: {law}: {broken.detail}",
            "falsifying answers (as Hypothesis shrank them):",
        ]
        lines += [f"  {item}: {value}" for item, value in broken.answers.items()]
        if not broken.answers:
            lines.append("  (none: every item unanswered)")
        return "\n".join(lines)
