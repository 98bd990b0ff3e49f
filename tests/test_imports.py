"""
Which module may import which third-party library: PyYAML only in the reading layer, cattrs only
in the converter, whatever the module, and also inside functions.
"""

import ast
from pathlib import Path

import pytest

import quytac

PACKAGE = Path(quytac.__file__).parent

#: The only modules (paths under src/quytac) allowed to import each library.
HOMES = {
    "yaml": {
        "_yaml.py",
        "_yaml_writer.py",
        "_reading/_common.py",
        "_reading/_walk.py",
        "_reading/_syntax.py",
        "_reading/_extents.py",
    },
    "cattrs": {"_converter.py"},
}


def imported(source: str) -> set[str]:
    """
    The top-level names of every absolute import in a module, at any depth (functions,
    ``TYPE_CHECKING`` blocks), including ``importlib.import_module("name")`` with a literal.
    """
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute | ast.Name)
            and getattr(node.func, "attr", getattr(node.func, "id", None))
            in {"import_module", "__import__"}
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            names.add(node.args[0].value.split(".")[0])
    return names


def modules():
    return sorted(path.relative_to(PACKAGE).as_posix() for path in PACKAGE.rglob("*.py"))


class TestThirdPartyHomes:
    @pytest.mark.parametrize("library", sorted(HOMES))
    def test_only_its_home_imports_the_library(self, library):
        """
        No module outside the library's home imports it, at any depth.
        """
        importers = {
            module
            for module in modules()
            if library in imported((PACKAGE / module).read_text(encoding="utf-8"))
        }

        assert HOMES[library] == importers

    @pytest.mark.parametrize(
        "source",
        [
            "import yaml\n",
            "import yaml.nodes as n\n",
            "from yaml import safe_load\n",
            "def f():\n    from yaml.emitter import Emitter\n",
            "if TYPE_CHECKING:\n    import yaml\n",
            "import importlib\nm = importlib.import_module('yaml')\n",
        ],
    )
    def test_a_planted_import_is_seen(self, source):
        """
        The walk sees an import however it is written: plain, dotted, inside a function, typed.
        """
        assert "yaml" in imported(source)

    def test_relative_imports_are_not_third_party(self):
        """
        ``from . import _yaml`` is quytac's own module, not PyYAML.
        """
        assert set() == imported("from . import _yaml\nfrom .._yaml import x\n")
