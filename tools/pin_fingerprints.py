"""
Write the fingerprints into the pins of the reports and records of a workspace.

A pin ``{id: ..., version: N}`` (or one with an old ``fingerprint``) names the edition of an
outline or checklist a report or record was written against. This script gives each pin the
``quytac.fingerprint`` of the document of that id and version in the workspace, rewriting only
those flow mappings (comments and layout are kept):

    python tools/pin_fingerprints.py [FOLDER]          # default: src/quytac/data
    python tools/pin_fingerprints.py --check [FOLDER]  # exit 1 if a pin would change

Run it only after checking that the reports and records still fit the edition as it is now:
pinning records the present content as the one they were written against. A pin to another
version is never touched (that is QT330, for a person to resolve).
"""

# ruff: noqa: INP001 - a script, not a package
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import quytac

DEFAULT = Path(__file__).parent.parent / "src" / "quytac" / "data"
PIN = re.compile(
    r"^(?P<head>\s*(?:-\s+)?(?P<key>outline|checklist):\s*)"
    r"\{id:\s*(?P<id>[a-z0-9][a-z0-9._-]*),\s*version:\s*(?P<version>\d+)"
    r"(?:,\s*fingerprint:\s*(?P<fingerprint>[0-9a-f]+))?\}(?P<tail>.*)$"
)
KINDS = {"outline": quytac.ReportOutline, "checklist": quytac.Checklist}


def pinned(text: str, workspace: quytac.Workspace) -> str:
    """
    The text with every pin to a document of the workspace carrying its fingerprint.
    """
    lines = []
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\n")
        match = PIN.match(body)
        document = match and workspace.get(KINDS[match["key"]], match["id"])
        if match and document is not None and document.version == int(match["version"]):
            pin = quytac.Pin.of(document)
            body = (
                f"{match['head']}{{id: {pin.id}, version: {pin.version},"
                f" fingerprint: {pin.fingerprint}}}{match['tail']}"
            )
        lines.append(body + line[len(line.rstrip("\n")) :])
    return "".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if stale")
    args = parser.parse_args(argv)
    workspace = quytac.Workspace.load(args.folder)
    stale = []
    for path in sorted(args.folder.rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        new = pinned(text, workspace)
        if new != text:
            stale.append(path)
            if not args.check:
                path.write_text(new, encoding="utf-8")
    for path in stale:
        sys.stdout.write(f"{path}: {'pins to refresh' if args.check else 'pins refreshed'}\n")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
