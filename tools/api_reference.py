"""
Write docs/api.md, the API reference, from the code: every name of ``quytac.__all__`` and of
``quytac.strategies.__all__``, by module, with the first paragraph of its docstring.

    python tools/api_reference.py           # write docs/api.md
    python tools/api_reference.py --check   # exit 1 if docs/api.md is not what the code says

A test runs the check, so a docstring changed without the reference fails the tests.
"""

# ruff: noqa: INP001 - a script, not a package
from __future__ import annotations

import argparse
import inspect
import sys
from pathlib import Path

import quytac
from quytac import strategies

PAGE = Path(__file__).parent.parent / "docs" / "api.md"

#: The modules of the names, in the order of the reference, with their headings.
HEADINGS = {
    "quytac._base": "definitions",
    "quytac._documents": "loading and dumping",
    "quytac._embedding": "loading and dumping",
    "quytac.errors": "errors",
    "quytac.text": "text",
    "quytac._mapping": "mappings",
    "quytac.units": "units",
    "quytac._vietnam_provinces": "vietnam_provinces",
    "quytac.codes": "codes",
    "quytac.checklists": "checklists",
    "quytac.conditions": "conditions",
    "quytac.scoring": "scoring",
    "quytac.batch": "batches",
    "quytac.outlines": "outlines",
    "quytac.plans": "plans",
    "quytac.records": "records",
    "quytac.fingerprints": "fingerprints",
    "quytac.synthesis": "synthesis",
    "quytac.collation": "collation",
    "quytac.validation": "validation",
    "quytac.validation.codes": "validation",
    "quytac.workspace": "workspace",
    "quytac._bundled": "the bundled example",
    "quytac": "the bundled example",
}
#: Names without a docstring of their own: constants and type aliases.
CONSTANTS = "constants and type aliases"

HEAD = """\
# API reference

Every public name of `quytac` (`quytac.__all__`) by module, and of `quytac.strategies`,
with the first paragraph of its docstring; `help(quytac.NAME)` shows the rest.
This page is written by `python tools/api_reference.py` from the code;
a test fails when it is not what the code says.
"""

STRATEGIES = """\
## quytac.strategies (extra `quytac[hypothesis]`)

Hypothesis strategies valid by construction, and the laws of scoring.
Importing it registers the strategies for `st.from_type`
(`UnitCatalog`, `ConductCode`, `Checklist`, `ReportOutline`, `Report`, `InspectionPlan`,
`Workspace`).
"""

PLUGIN = """\
## The pytest plugin

Installed with quytac (entry point `pytest11`), it does nothing until a project opts in:

```ini
[pytest]
quytac_checklists = checklists/*.yaml
quytac_max_examples = 50
```

or `pytest --quytac`.
The globs match paths relative to the rootdir, as `fnmatch` does (`*` also crosses `/`:
`checklists/*.yaml` takes `checklists/old/x.yaml` too);
a file they match is your choice, so one that does not load is a collection error,
and one that loads but holds no checklist (a unit catalog of the same workspace) gives no item.
`--quytac` takes every `.yaml`/`.yml` file with a top-level `kind: Checklist` line
and skips the other YAML files silently (`docker-compose.yml`);
a checklist file that does not load is a collection error listing its problems.

Each checklist gives a test item for its own rules (`ID::validate`: what `quytac validate`
checks, with the file read as a workspace of its own, so the codes it cites must be in that
file, else QT421), one per example and one per law of scoring.
A checklist that cites codes of conduct kept in other files is validated in a workspace:

```ini
[pytest]
quytac_checklists = data/checklists/*.yaml
quytac_workspace = data
```

`quytac_workspace` is a folder, relative to the rootdir; without it, the `workspace` of the
`[tool.quytac]` table of the rootdir's `pyproject.toml` (the folder `quytac` takes by default
there) is used, and without either each file stands alone. The checklist's file may be inside
the folder or outside it; only the checklists of the files collected give items. A file of the
workspace that does not load fails the `validate` items, its problems listed first (a code
cited may be in it); a workspace that is not a folder is a usage error.
An error of its rules fails the `validate` item (warnings alone do not),
listed as `quytac validate` lists it;
a failing example is shown as `quytac test` shows it
(`bad.yaml:16:23: error QT460: examples[0].expect.percent: ...`);
a broken law names the law, the checklist at its `id` in its file,
and the answers Hypothesis found, one a line.
Without Hypothesis the laws are skipped
("install quytac[hypothesis] to check the laws of scoring").
"""


def summary(value: object) -> str | None:
    """
    The first paragraph of the docstring of a class or a function, on one line; None for a
    constant or a type alias, whose docstring would be its type's.
    """
    if not (inspect.isclass(value) or inspect.isroutine(value)):
        return None
    doc = inspect.getdoc(value)
    if not doc:
        return None
    return " ".join(doc.split("\n\n")[0].split())


def entry(prefix: str, name: str, value: object) -> str:
    words = summary(value)
    return f"- `{prefix}{name}`" + (f": {words}" if words else "")


def _listed(module: str | None) -> str | None:
    """
    The module of HEADINGS a name's module is, or lies in (``quytac.scoring.compute`` is in
    ``quytac.scoring``); never ``quytac`` itself for a module below it.
    """
    parts = (module or "").split(".")
    for end in range(len(parts), 1, -1):
        if ".".join(parts[:end]) in HEADINGS:
            return ".".join(parts[:end])
    return module


def render() -> str:
    """
    The text of docs/api.md.
    """
    groups: dict[str, list[str]] = {heading: [] for heading in HEADINGS.values()}
    groups[CONSTANTS] = []
    for name in sorted(quytac.__all__, key=str.casefold):
        value = getattr(quytac, name)
        module = _listed(getattr(value, "__module__", None))
        if summary(value) is None:
            groups[CONSTANTS].append(entry("", name, value))
        elif module in HEADINGS:
            groups[HEADINGS[module]].append(entry("", name, value))
        else:
            message = f"{name} comes from {module}, which has no heading in HEADINGS"
            raise SystemExit(message)
    parts = [HEAD]
    parts += [
        f"## {heading}\n\n" + "\n".join(lines) + "\n" for heading, lines in groups.items() if lines
    ]
    listed = [
        entry("quytac.strategies.", name, getattr(strategies, name))
        for name in sorted(strategies.__all__, key=str.casefold)
    ]
    parts.append(STRATEGIES + "\n" + "\n".join(listed) + "\n")
    parts.append(PLUGIN)
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--check", action="store_true", help="exit 1 if the page would change")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        if PAGE.read_text(encoding="utf-8") != text:
            sys.stderr.write(
                f"{PAGE.name} is not what the code says: run python tools/api_reference.py\n"
            )
            return 1
        return 0
    PAGE.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
