"""
Old public names kept for one release after a rename: a module ``__getattr__`` that gives the
class of the new name for an old one, with a ``DeprecationWarning``.
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping


def renamed(namespace: dict[str, Any], renames: Mapping[str, str]) -> Callable[[str], object]:
    """
    The ``__getattr__`` of a module (``namespace`` is its ``globals()``) that knows its old names.

    An old name of ``renames`` (old -> new) gives the object of the new name, and warns with a
    ``DeprecationWarning`` pointing at the code that looked it up; Python's default filters
    show it once per place. Old names are not in ``__all__``, so ``import *`` never warns.
    """
    module = namespace["__name__"]

    def __getattr__(name: str) -> object:  # noqa: N807 - the module hook's own name
        new = renames.get(name)
        if new is None:
            raise AttributeError(f"module {module!r} has no attribute {name!r}")
        warnings.warn(
            f"{module}.{name} is deprecated and will be removed: use {module}.{new}",
            DeprecationWarning,
            stacklevel=2,
        )
        return namespace[new]

    return __getattr__
