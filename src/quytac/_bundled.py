"""
Where the bundled Hanoi example lies, for the package and for the command line alike.
"""

from __future__ import annotations

from importlib import resources

__all__ = ["example_path"]


def example_path() -> str:
    """
    The folder of the bundled Hanoi example workspace.

    .. versionadded:: 2026.11.0
    """
    return str(resources.files("quytac") / "data")
