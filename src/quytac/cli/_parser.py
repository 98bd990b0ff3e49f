"""
The parser of the command line: the subcommands, their options and their help, in the language
of the run (``--lang`` on the command line, else ``QUYTAC_LANG``, else Vietnamese); argparse's
own words and messages too, through its gettext hook.
"""

from __future__ import annotations

import argparse
import contextlib
import gettext
import os
from typing import TYPE_CHECKING

from quytac._version import __version__
from quytac.cli import demo as demo_cmd
from quytac.cli import pin as pin_cmd
from quytac.cli import schema as schema_cmd
from quytac.cli import score as score_cmd
from quytac.cli import synthesize as synthesize_cmd
from quytac.cli import test as test_cmd
from quytac.cli import validate as validate_cmd
from quytac.render._ui import ARGPARSE_VI, ui

from ._common import FORMATS, REPORT_FORMATS, _in_workspace

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

#: The languages of a run, and the variable that chooses one when ``--lang`` is not given.
LANGUAGES = ("vi", "en")
ENVIRONMENT = "QUYTAC_LANG"


def language(argv: Sequence[str]) -> str:
    """
    The language of a run, known before the command line is parsed (its help and its usage
    errors are in it): the last ``--lang X`` or ``--lang=X`` (or an abbreviation argparse
    accepts, ``--la X``) with a language quytac speaks, else ``QUYTAC_LANG``, else ``vi``.
    """
    chosen = None
    for number, arg in enumerate(argv):
        if arg == "--":
            break
        name, equals, value = arg.partition("=")
        if len(name) < 3 or not "--lang".startswith(name):
            continue
        if not equals:
            value = argv[number + 1] if number + 1 < len(argv) else ""
        if value in LANGUAGES:
            chosen = value
    if chosen is None:
        chosen = os.environ.get(ENVIRONMENT, "").strip().lower()
    return chosen if chosen in LANGUAGES else "vi"


class _Vietnamese(gettext.NullTranslations):
    """
    argparse's messages in Vietnamese (from the catalog), the others as they are.
    """

    def gettext(self, message: str) -> str:
        return ARGPARSE_VI.get(message, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return ARGPARSE_VI.get(msgid1 if n == 1 else msgid2, msgid1 if n == 1 else msgid2)


@contextlib.contextmanager
def speaking(lang: str) -> Iterator[None]:
    """
    argparse's own words (``usage:``, ``options``, its errors) in ``lang`` while parsing.

    argparse looks every one of them up through the gettext functions it imported as ``_``
    and ``ngettext`` (its documented way to be translated); for the time of the parse they are
    those of a translation from the catalog, and put back after.
    """
    if lang != "vi":
        yield
        return
    translation = _Vietnamese()
    saved = {name: getattr(argparse, name, None) for name in ("_", "ngettext")}
    argparse._ = translation.gettext  # type: ignore[attr-defined]
    argparse.ngettext = translation.ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        for name, function in saved.items():
            if function is None:
                delattr(argparse, name)
            else:
                setattr(argparse, name, function)


def _common(formats: Sequence[str], lang: str) -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--format", choices=formats, default="text", help=ui("help.format", lang))
    common.add_argument(
        "--lang", choices=LANGUAGES, default=lang, help=ui("help.lang", lang, env=ENVIRONMENT)
    )
    common.add_argument("--output", metavar=ui("meta.file", lang), help=ui("help.output", lang))
    return common


def _parser(lang: str = "vi") -> argparse.ArgumentParser:
    def say(key: str, **params: object) -> str:
        return ui(key, lang, **params)

    default_workspace = say("help.default_workspace")
    common = _common(FORMATS, lang)
    reports = _common(REPORT_FORMATS, lang)
    header = argparse.ArgumentParser(add_help=False)
    text = say("meta.text")
    header.add_argument("--number", metavar=text, help=say("help.number"))
    header.add_argument("--place", metavar=text, help=say("help.place"))
    path, folder = say("meta.path"), say("meta.dir")

    parser = argparse.ArgumentParser(prog="quytac", description=say("help.quytac"))
    parser.add_argument(
        "--version",
        action="version",
        version=f"quytac {__version__}",
        help=say("help.version"),
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar=say("meta.command"))

    validate = commands.add_parser("validate", parents=[common], help=say("help.validate"))
    validate.add_argument("paths", nargs="+", metavar=path, help=say("help.path"))
    validate.add_argument("--all", action="store_true", help=say("help.all"))
    validate.set_defaults(run=validate_cmd.run)

    score = commands.add_parser("score", parents=[reports], help=say("help.score"))
    score.add_argument("records", nargs="+", metavar=say("meta.record"), help=say("help.path"))
    score.add_argument("--checklist", metavar=say("meta.id"), help=say("help.checklist"))
    score.add_argument(
        "--workspace",
        metavar=folder,
        help=say("help.workspace_score", default=default_workspace),
    )
    score.add_argument("--explain", action="store_true", help=say("help.explain"))
    score.add_argument("--all", action="store_true", help=say("help.all"))
    score.set_defaults(run=_in_workspace(score_cmd.run))

    synthesize = commands.add_parser(
        "synthesize", parents=[reports, header], help=say("help.synthesize")
    )
    synthesize.add_argument("plan", metavar=say("meta.plan"), help=say("help.plan"))
    synthesize.add_argument(
        "--workspace", metavar=folder, help=say("help.workspace", default=default_workspace)
    )
    synthesize.add_argument("--as-of", metavar=say("meta.date"), help=say("help.as_of"))
    synthesize.add_argument("--all", action="store_true", help=say("help.all"))
    synthesize.set_defaults(run=_in_workspace(synthesize_cmd.run))

    test = commands.add_parser("test", parents=[common], help=say("help.test"))
    test.add_argument("paths", nargs="+", metavar=path, help=say("help.path"))
    test.add_argument("--all", action="store_true", help=say("help.all"))
    test.set_defaults(run=test_cmd.run)

    pin = commands.add_parser("pin", parents=[common], help=say("help.pin"))
    pin.add_argument("files", nargs="+", metavar=say("meta.file"), help=say("help.path"))
    pin.add_argument(
        "--workspace",
        metavar=folder,
        help=say("help.workspace_pin", default=default_workspace),
    )
    pin.add_argument("--check", action="store_true", help=say("help.check"))
    pin.set_defaults(run=_in_workspace(pin_cmd.run))

    schema = commands.add_parser("schema", help=say("help.schema"))
    schema.add_argument("kind", nargs="?", metavar=say("meta.kind"), help=say("help.kind"))
    schema.add_argument("--write", metavar=folder, help=say("help.write"))
    schema.add_argument("--output", metavar=say("meta.file"), help=say("help.output"))
    schema.add_argument(
        "--lang", choices=LANGUAGES, default=lang, help=say("help.lang", env=ENVIRONMENT)
    )
    schema.set_defaults(run=schema_cmd.run)

    demo = commands.add_parser("demo", parents=[reports, header], help=say("help.demo"))
    demo.set_defaults(run=demo_cmd.run)
    return parser
