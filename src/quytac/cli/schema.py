"""
``quytac schema``: the JSON Schemas of the document kinds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from quytac._documents import KINDS
from quytac.render import json as render_json
from quytac.render._ui import ui

from ._common import UsageError, _detail

if TYPE_CHECKING:
    import argparse


def run(args: argparse.Namespace, out: TextIO) -> int:
    from quytac import schema  # noqa: PLC0415 - only this command needs it

    if args.write:
        try:
            written = schema.write_schemas(args.write)
        except OSError as exc:  # a file, a read-only folder, a full disk
            path = exc.filename or args.write
            raise UsageError(
                ui("cli.cannot_write", args.lang, path=path, detail=_detail(exc, args.lang))
            ) from None
        out.writelines(f"{path}\n" for path in written)
        return 0
    if args.kind is None:
        out.write(render_json.dumps(schema.json_schemas()))
        return 0
    kinds = {kind.lower(): kind for kind in KINDS}
    kind = kinds.get(args.kind.lower())
    if kind is None:
        raise UsageError(
            ui("cli.unknown_kind", args.lang, kind=repr(args.kind), kinds=", ".join(sorted(KINDS)))
        )
    out.write(schema.dump_schema(schema.json_schema(kind)))
    return 0
