"""
The YAML writer: plain data (as the converter unstructures a document) to YAML text.

The writing half of the reading layer, next to the strict reader in ``_yaml``: these two are
the only modules that import PyYAML. What it writes, the strict reader reads back to the same
plain data, and so does any other YAML reader: a string that YAML 1.1 or 1.2 would read as
something else is quoted, a ``Decimal`` keeps its exact text, and no alias is ever written.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import IO, TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    from collections.abc import Sequence


class _Resolver(yaml.resolver.Resolver):
    """
    YAML 1.1's implicit types (which PyYAML and many editors still apply) and YAML 1.2's octal:
    a string that any of them would read as something else is written quoted, so that files
    quytac writes mean the same to every reader, not only to quytac's strict one.
    """


_Resolver.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^0o[0-7]+$"), ["0"])


class _Dumper(
    yaml.emitter.Emitter,
    yaml.serializer.Serializer,
    yaml.representer.SafeRepresenter,
    _Resolver,
):
    def __init__(self, stream: IO[str], **_: object) -> None:
        yaml.emitter.Emitter.__init__(self, stream, allow_unicode=True, width=100)
        yaml.serializer.Serializer.__init__(self)
        yaml.representer.SafeRepresenter.__init__(self, sort_keys=False)
        _Resolver.__init__(self)

    def ignore_aliases(self, data: object) -> bool:  # noqa: ARG002
        # quytac refuses aliases when reading, so it never writes them (one date, two places).
        return True


_NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")


def _represent_decimal(dumper: _Dumper, value: Decimal) -> yaml.ScalarNode:
    # Written as its exact text: plain when it reads as a number, quoted otherwise (1E+3).
    text = str(value)
    tag = dumper.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    if tag in _NUMBER_TAGS:
        return dumper.represent_scalar(tag, text)
    return _represent_str(dumper, text)


#: Characters that plain and single-quoted scalars would fold or lose: only double quotes keep them.
_DOUBLE_QUOTE = re.compile("[\x85\u2028\u2029\r\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff]")


def _represent_str(dumper: _Dumper, value: str) -> yaml.ScalarNode:
    style = '"' if _DOUBLE_QUOTE.search(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(Decimal, _represent_decimal)


def write_yaml(data: Sequence[Any]) -> str:
    """
    A YAML stream of plain documents, separated by ``---`` when there are several.
    """
    return yaml.dump_all(data, Dumper=_Dumper, explicit_start=len(data) > 1)
