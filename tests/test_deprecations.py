"""
Renamed public names: the old name still works for one release, warns, and is the new class.
"""

import importlib
import pkgutil
import subprocess
import sys
import warnings

import pytest

import quytac
from quytac import _deprecated


def _modules():
    yield quytac
    for info in pkgutil.walk_packages(quytac.__path__, "quytac."):
        if info.name not in {"quytac.pytest_plugin", "quytac.strategies", "quytac.__main__"}:
            yield importlib.import_module(info.name)


#: (module, old name, new name) of every rename with a deprecated alias: each module that has
#: a ``_RENAMED`` table.
RENAMES = [
    (module.__name__, old, new)
    for module in _modules()
    for old, new in getattr(module, "_RENAMED", {}).items()
]


class TestDeprecatedAliases:
    @pytest.mark.parametrize(("module", "old", "new"), RENAMES)
    def test_the_old_name_warns_and_is_the_new_class(self, module, old, new):
        """
        ``quytac.Not`` gives ``quytac.NotCondition`` itself, with a DeprecationWarning that
        names the new name.
        """
        namespace = importlib.import_module(module)

        with pytest.warns(DeprecationWarning, match="is deprecated") as caught:
            value = getattr(namespace, old)

        assert getattr(namespace, new) is value
        assert [f"{module}.{old} is deprecated and will be removed: use {module}.{new}"] == [
            str(w.message) for w in caught
        ]
        assert [__file__] == [w.filename for w in caught]

    @pytest.mark.parametrize("old", sorted(quytac._RENAMED))
    def test_a_top_level_old_name_is_also_old_in_its_defining_module(self, old):
        """
        ``quytac.Not`` and ``quytac.conditions.Not`` both work: a rename is announced where
        the class is defined as well as at the top.
        """
        new = getattr(quytac, quytac._RENAMED[old])
        home = importlib.import_module(new.__module__)

        assert quytac._RENAMED[old] == home._RENAMED[old]

    def test_from_import_of_the_old_name_warns(self):
        """
        ``from quytac.conditions import Not`` works, and warns at the import.
        """
        with pytest.warns(DeprecationWarning, match=r"quytac\.conditions\.Not is deprecated"):
            from quytac.conditions import Not  # noqa: PLC0415 - the import is what is tested

        assert quytac.NotCondition is Not

    def test_python_shows_the_warning_once_per_place(self):
        """
        Under Python's default filter, looking the old name up again at the same place does
        not warn again.
        """
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("default")
            for _ in range(3):
                quytac.Not  # noqa: B018 - the lookup is what is tested

        assert 1 == len(caught)

    def test_the_old_names_are_not_public(self):
        """
        Old names are in neither ``__all__`` nor ``dir()``: the API reference lists new names.
        """
        assert set() == {old for _, old, _ in RENAMES} & (set(quytac.__all__) | set(dir(quytac)))

    def test_star_import_does_not_warn(self):
        """
        ``from quytac import *`` (and ``from quytac.conditions import *``) raises no warning,
        in a fresh interpreter with every warning an error.
        """
        code = "from quytac import *\nfrom quytac.conditions import *\nprint(NotCondition.__name__)"

        done = subprocess.run(
            [sys.executable, "-W", "error", "-c", code],
            capture_output=True,
            text=True,
            check=False,
        )

        assert (0, "NotCondition\n", "") == (done.returncode, done.stdout, done.stderr)

    def test_an_unknown_name_is_an_attribute_error(self):
        """
        A name that was never quytac's is an AttributeError naming the module, as without
        the hook.
        """
        with pytest.raises(AttributeError, match="module 'quytac' has no attribute 'Nope'"):
            quytac.Nope  # noqa: B018 - the lookup is what is tested

    def test_the_hook_serves_any_module(self):
        """
        A module's table of renames is all it needs.
        """
        namespace = {"__name__": "m", "New": int}
        hook = _deprecated.renamed(namespace, {"Old": "New"})

        with pytest.warns(DeprecationWarning, match=r"^m\.Old is deprecated"):
            assert int is hook("Old")
