"""
The layers of quytac: every module imports only from its own layer or the layers below it, and
no two modules import each other, directly or through others.

The imports are read from the source with ``ast``: those at the top of a module, those inside
functions and those under ``if TYPE_CHECKING:`` alike, since each one is a dependency that a
reader of the code has to hold in mind. docs/architecture.md draws the same picture.
"""

from __future__ import annotations

import ast
import fnmatch
from pathlib import Path

import pytest

import quytac

ROOT = Path(__file__).parent.parent
PACKAGE = Path(quytac.__file__).parent
#: Modules that lie beside the package: the Hypothesis hook, so that loading it imports no quytac.
OUTSIDE = ("_quytac_hypothesis",)

#: The layers from the bottom up, each a list of module patterns (dotted, without ``quytac.``).
#: A module may import its own layer and every layer listed before it, never one after it.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "foundation",
        (
            "errors",
            "_deprecated",
            "_bundled",
            "_messages",
            "_nearest",
            "_mapping",
            "_checks",
            "_atomic",
            "_version",
            "_eras",
            "text",
            "collation",
            "fingerprints",
        ),
    ),
    ("reading", ("_sources", "_reading", "_reading.*", "_yaml", "_yaml_writer")),
    (
        "model",
        (
            "_base",
            "conditions",
            "units",
            "codes",
            "checklists",
            "checklists.*",
            "outlines",
            "plans",
            "records",
        ),
    ),
    ("structuring", ("_converter", "_documents", "_embedding", "_vietnam_provinces")),
    ("workspace", ("workspace",)),
    ("rules", ("validation", "validation.*", "scoring", "scoring.*")),
    ("inspection", ("synthesis", "batch", "_pinning", "schema")),
    ("output", ("render", "render.*", "_output", "cli", "cli.*", "__main__")),
    ("tooling", ("strategies", "strategies.*", "pytest_plugin", "__init__", "_quytac_hypothesis")),
)


def _modules() -> dict[str, Path]:
    """Every module of the package, by dotted name without the ``quytac.`` prefix."""
    found: dict[str, Path] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
        if parts[-1] == "__init__" and len(parts) > 1:
            parts.pop()
        found[".".join(parts)] = path
    for name in OUTSIDE:
        found[name] = PACKAGE.parent / f"{name}.py"
    return found


def _resolve(name: str, modules: dict[str, Path]) -> str | None:
    """The module a dotted name (inside the package) is, or the package it lies in."""
    while name:
        if name in modules:
            return name
        name = name.rpartition(".")[0]
    return "__init__"


def _package_of(module: str, path: Path) -> str:
    """The package a relative import in ``module`` starts from."""
    return (
        module if path.name == "__init__.py" and module != "__init__" else module.rpartition(".")[0]
    )


def imports(modules: dict[str, Path]) -> dict[str, set[str]]:
    """For each module, the package's modules it imports anywhere in its source."""
    graph: dict[str, set[str]] = {}
    for module, path in modules.items():
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [
                    alias.name.removeprefix("quytac.") if alias.name != "quytac" else "__init__"
                    for alias in node.names
                    if alias.name == "quytac" or alias.name.startswith("quytac.")
                ]
                names += [alias.name for alias in node.names if alias.name in OUTSIDE]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = _package_of(module, path)
                    for _ in range(node.level - 1):
                        base = base.rpartition(".")[0]
                    stem = ".".join(p for p in (base, node.module or "") if p)
                elif node.module == "quytac" or (node.module or "").startswith("quytac."):
                    stem = (node.module or "").removeprefix("quytac").lstrip(".")
                else:
                    continue
                for alias in node.names:
                    full = f"{stem}.{alias.name}" if stem else alias.name
                    names.append(full if full in modules else stem)
            for name in names:
                target = _resolve(name, modules) if name else "__init__"
                if target is not None and target != module:
                    targets.add(target)
        graph[module] = targets
    return graph


def layer_of(module: str) -> int:
    for index, (_, patterns) in enumerate(LAYERS):
        if any(fnmatch.fnmatchcase(module, pattern) for pattern in patterns):
            return index
    msg = f"quytac.{module} is in no layer: add it to LAYERS and to docs/architecture.md"
    raise AssertionError(msg)


def upward(graph: dict[str, set[str]]) -> list[str]:
    """Every import from a layer to a layer above it, as ``a (layer) -> b (layer)``."""
    return [
        f"{module} ({LAYERS[layer_of(module)][0]}) -> {target} ({LAYERS[layer_of(target)][0]})"
        for module, targets in sorted(graph.items())
        for target in sorted(targets)
        if layer_of(target) > layer_of(module)
    ]


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(groups)


def test_every_module_has_a_layer() -> None:
    for module in _modules():
        layer_of(module)


def test_no_module_imports_a_layer_above_its_own() -> None:
    assert upward(imports(_modules())) == []


def test_no_modules_import_each_other() -> None:
    assert cycles(imports(_modules())) == []


def test_a_planted_upward_import_is_found(tmp_path: Path) -> None:
    (tmp_path / "units.py").write_text("def f():\n    from .workspace import Workspace\n")
    (tmp_path / "workspace.py").write_text("from . import units\n")
    modules = {"units": tmp_path / "units.py", "workspace": tmp_path / "workspace.py"}
    graph = imports(modules)
    assert graph == {"units": {"workspace"}, "workspace": {"units"}}
    assert upward(graph) == ["units (model) -> workspace (workspace)"]
    assert cycles(graph) == [["units", "workspace"]]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import quytac", {"__init__"}),
        ("from quytac import errors", {"errors"}),
        ("from quytac.errors import Issue", {"errors"}),
        ("from . import errors, text", {"errors", "text"}),
        ("from .errors import Issue", {"errors"}),
        ("import json", set()),
        ("if TYPE_CHECKING:\n    from .workspace import Workspace", {"workspace"}),
    ],
)
def test_imports_are_read_in_every_form(tmp_path: Path, source: str, expected: set[str]) -> None:
    for name in ("errors", "text", "workspace", "units"):
        (tmp_path / f"{name}.py").write_text("")
    (tmp_path / "units.py").write_text(source + "\n")
    modules = {name: tmp_path / f"{name}.py" for name in ("errors", "text", "workspace", "units")}
    modules["__init__"] = tmp_path / "__init__.py"
    (tmp_path / "__init__.py").write_text("")
    assert imports(modules)["units"] == expected


def test_the_architecture_page_draws_these_layers() -> None:
    """
    docs/architecture.md shows the same layers, top down, with the same modules in each.
    """
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    picture = page.split("<!-- layers -->\n```text\n", 1)[1].split("```", 1)[0]
    drawn = [(line.split()[0], tuple(line.split()[1:])) for line in picture.splitlines()]
    assert drawn == list(reversed(LAYERS))
