"""
The public API: what ``import quytac`` offers.
"""

import subprocess
import sys
import types
from importlib.metadata import version

import quytac


class TestPublicNames:
    def test_all_is_the_public_surface(self):
        """
        __all__ lists exactly the public names the package defines (submodules aside), once each.
        """
        public = {
            name
            for name, value in vars(quytac).items()
            if not name.startswith("_") and not isinstance(value, types.ModuleType)
        } | {"__version__"}

        assert public == set(quytac.__all__)
        assert len(set(quytac.__all__)) == len(quytac.__all__)

    def test_dir_shows_the_public_surface(self):
        """
        dir(quytac) offers the public names only, for tab completion.
        """
        assert sorted(quytac.__all__) == sorted(dir(quytac))

    def test_version_matches_the_installed_metadata(self):
        """
        quytac.__version__ is the version pip installed.
        """
        assert version("quytac") == quytac.__version__


def test_importing_quytac_does_not_import_hypothesis():
    """
    Hypothesis is an optional extra: only quytac.strategies imports it.
    """
    code = "import sys, quytac; print(sorted(m for m in sys.modules if m.startswith('hypothesis')))"

    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )

    assert "[]\n" == done.stdout
