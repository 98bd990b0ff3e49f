"""
The ``quytac`` command.

Exit status: 0 when nothing is wrong, 1 when problems (errors) were found, 2 for a usage error.
Messages are in Vietnamese unless ``--lang en`` is given; JSON output is documented in
docs/cli.md and described by the JSON Schemas of schemas/output/.

One module a subcommand (``validate``, ``score``, ``synthesize``, ``test``, ``pin``, ``demo``,
``schema``), each with its ``run(args, out)``; ``_common`` holds what they share, ``_parser``
the parser; this module runs the command and says why it stopped.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import io
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from quytac import _output
from quytac.errors import LoadError, QuytacError
from quytac.render import text as render_text
from quytac.render._ui import ui
from quytac.workspace import walk

from ._common import RECORD_SUFFIXES, UsageError, _default_workspace, _detail
from ._common import _definitions as _definitions  # reached by tests/test_pinning.py
from ._parser import _parser, language, speaking
from .score import Progress as Progress  # reached by tests/test_render.py
from .score import _loaded as _loaded  # reached by tests/test_documents.py

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

__all__ = ["main"]


def _inputs(args: argparse.Namespace) -> tuple[list[str], list[str]]:
    """
    What a command reads: the paths it is given (files and folders) and its workspace.
    """
    if args.command == "demo":
        from quytac._bundled import example_path  # noqa: PLC0415 - keeps the command's start light

        paths = [example_path()]
    else:
        paths = [*getattr(args, "paths", ()), *getattr(args, "records", ())]
        if hasattr(args, "workspace"):
            if args.workspace is None:
                args.workspace = _default_workspace(args.lang)
            paths.append(args.workspace)
    return [p for p in paths if Path(p).exists()], [p for p in paths if Path(p).is_dir()]


def _read_by(args: argparse.Namespace, paths: Sequence[str]) -> Iterator[str]:
    """
    Every file the command reads under its paths (only looked for when the output exists).
    """
    yield from paths
    yield from walk(paths)[0]
    if args.command == "score":
        yield from walk(args.records, RECORD_SUFFIXES)[0]


def _refuse_inputs(args: argparse.Namespace) -> None:
    """
    A usage error when ``--output`` would overwrite what the command reads.
    """
    paths, folders = _inputs(args)
    found = _output.clash(args.output, _read_by(args, paths), folders)
    if found is None:
        return
    if found in folders:
        raise UsageError(ui("cli.output_in_folder", args.lang, path=args.output, folder=found))
    raise UsageError(ui("cli.output_is_input", args.lang, path=args.output, input=found))


def _run(args: argparse.Namespace) -> int:
    """
    Run the command, its output on stdout or in ``--output`` (replaced when it has finished).
    """
    if not args.output:
        if sys.stdout is None or sys.stdout.closed:  # started with it closed: `quytac ... >&-`
            raise OSError(errno.EBADF, os.strerror(errno.EBADF))
        args.out = sys.stdout
        status: int = args.run(args, sys.stdout)
        sys.stdout.flush()
        return status
    _refuse_inputs(args)
    with contextlib.ExitStack() as stack:
        try:
            out = stack.enter_context(_output.replaced(args.output))
        except OSError as exc:
            raise UsageError(
                ui("cli.cannot_write", args.lang, path=args.output, detail=_detail(exc, args.lang))
            ) from None
        args.out = out
        status = args.run(args, out)
    return status


def _escaping(stream: TextIO | None) -> None:
    """
    Write what the stream's encoding cannot (Vietnamese under ``PYTHONIOENCODING=ascii``, a
    file name that is not UTF-8) as ``\\u`` escapes, not as a UnicodeEncodeError.
    """
    if isinstance(stream, io.TextIOWrapper) and stream.errors != _output.ESCAPE:
        with contextlib.suppress(OSError, ValueError):
            stream.reconfigure(errors=_output.ESCAPE)


def _tell(args: argparse.Namespace, *lines: str) -> None:
    """
    Lines on stderr, the first as ``quytac COMMAND: line`` (when there is a stderr to write to).
    """
    if sys.stderr is None:
        return
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write(f"quytac {args.command}: {lines[0]}\n" if lines else "")
        sys.stderr.writelines(line + "\n" for line in lines[1:])
        sys.stderr.flush()


def _quiet_stdout() -> None:
    """
    Point stdout at the null device, so that Python's last flush at exit does not fail again on
    what could not be written.
    """
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _stopped(args: argparse.Namespace, exc: Exception) -> int:
    """
    Say why the command stopped, in one line or as located problems; the exit status.
    """
    if isinstance(exc, LoadError):
        style = render_text.Style.for_stream(sys.stderr)
        lines = render_text.findings(exc.problems, args.lang, style)
        if sys.stderr is not None:
            with contextlib.suppress(OSError, ValueError):
                sys.stderr.writelines(line + "\n" for line in lines)
        return 1
    if isinstance(exc, BrokenPipeError):
        # The reader went away (`quytac demo | head`): not an error of ours.
        if not args.output:
            _quiet_stdout()
        return 1
    if isinstance(exc, UsageError):
        _tell(args, str(exc))
    elif isinstance(exc, QuytacError):
        _tell(args, ui("cli.stopped", args.lang, detail=exc))
    elif isinstance(exc, OSError) and exc.filename not in (None, args.output):
        _tell(
            args,
            ui("cli.cannot_read", args.lang, path=exc.filename, detail=_detail(exc, args.lang)),
        )
    elif isinstance(exc, OSError):
        # The output could not be written (a full disk, /dev/full, a closed stdout).
        shown = args.output or ui("cli.stdout", args.lang)
        _tell(args, ui("cli.cannot_write", args.lang, path=shown, detail=_detail(exc, args.lang)))
        if not args.output:
            _quiet_stdout()
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    """
    Run the command line; returns the exit status.
    """
    _escaping(sys.stdout)
    _escaping(sys.stderr)
    given = sys.argv[1:] if argv is None else list(argv)
    lang = language(given)
    with speaking(lang):
        args = _parser(lang).parse_args(given)
    try:
        return _run(args)
    except (UsageError, QuytacError, OSError) as exc:
        return _stopped(args, exc)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
