"""
YAML syntax errors as problems: the table of the kinds quytac knows (QT011, QT020 to QT035),
each with the likely cause and the fix, placed where the mistake begins; any other error of the
scanner or parser keeps the parser's words in QT001.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Final

import yaml

from quytac._messages import quote

from ._common import MAX_DEPTH, _problem

if TYPE_CHECKING:
    from collections.abc import Callable

    from quytac.errors import Problem


def _indentation_tab(line: str | None, column: int) -> bool:
    """
    Whether the character at a 0-based column of a line is a tab in the line's indentation.
    """
    if line is None or column >= len(line):
        return False
    return line[column] == "\t" and not line[:column].strip(" \t")


#: Kinds of YAML syntax error by the problem the parser reports (libyaml's words or the pure
#: parser's) and its context: (problem pattern, context pattern, code, at the context mark).
#: The first that matches is the kind. A problem is placed at the parser's problem mark, or at
#: its context mark when that is where the mistake begins (the opening quote, the key, the ``|``).
_SYNTAX: Final = tuple(
    (re.compile(problem), re.compile(context), code, at_context)
    for problem, context, code, at_context in (
        (r"tab character", "", "QT011", False),
        (r"^mapping values are not allowed|^found unexpected ':'", "", "QT020", False),
        (r"^could not find expected ':'", "", "QT021", True),
        (r"^block sequence entries are not|^sequence entries are not", "", "QT025", False),
        (r"^did not find expected key|^expected <block end>", "block mapping", "QT022", False),
        (r"^did not find expected '-'|^expected <block end>", "block collection", "QT024", False),
        (r"^did not find expected ',' or|^expected ',' or", "", "QT028", False),
        (r"^found unexpected (end of stream|document)", "quoted scalar", "QT027", True),
        (r"escape|hexdecimal|hexadecimal", "quoted scalar", "QT029", False),
        (r"", "directive", "QT031", True),
        (r"directive|version|incompatible YAML|^duplicate tag handle", "", "QT031", True),
        (r"", "block scalar", "QT030", True),
        (r"", "anchor|alias|tag", "QT026", True),
        (r"tag handle|^did not find expected '!'|URI", "", "QT026", True),
        (r"cannot start any token|node content|^mapping keys are not", "", "QT026", False),
        (r"document start", "", "QT032", False),
    )
)


def _syntax_kind(exc: yaml.MarkedYAMLError) -> tuple[str, Any] | None:
    """
    The code of a YAML syntax error of a kind quytac knows, and the mark to place it at.
    """
    problem = str(exc.problem or "")
    context = str(exc.context or "")
    for problem_is, context_is, code, at_context in _SYNTAX:
        if problem_is.search(problem) and context_is.search(context):
            use_context = at_context and exc.context_mark is not None
            return code, exc.context_mark if use_context else exc.problem_mark
    return None


def _syntax(
    exc: yaml.MarkedYAMLError, segment: Callable[[int, int], str | None]
) -> tuple[str, Any, dict[str, object]] | None:
    """
    The code, the mark and the message's parameters of a YAML syntax error of a known kind.
    """
    kind = _syntax_kind(exc)
    if kind is None:
        return None
    code, mark = kind
    params: dict[str, object] = {}
    at = segment(mark.index, mark.index + 1) or ""
    opened = (exc.context_mark or mark).line + 1
    if code == "QT022":
        before = (segment(mark.index - mark.column, mark.index) or "").rstrip()
        if before and before[-1] in "\"']}":  # the line goes on after a value that ended
            code = _after_quote(before, params)
        params["line"] = opened
    elif code == "QT024":
        params["line"] = opened
    elif code == "QT026":
        if at == "\t":
            return "QT034", mark, params
        params["character"] = quote(at) if at else "?"
    elif code == "QT027":
        params["quote"] = quote(at or '"')
    elif code == "QT028":
        if not at and exc.context_mark is not None:  # the text ended: the bracket is the mistake
            mark = exc.context_mark
        opening = "[" if "sequence" in str(exc.context) else "{"
        params.update(open=quote(opening), close=quote("]" if opening == "[" else "}"), line=opened)
    return code, mark, params


def _after_quote(before: str, params: dict[str, object]) -> str:
    """
    QT023 for text after a quoted text or a bracket that ends on this line, or QT035 when the
    quote that ends it has no opening quote before it on the line (it was opened above).
    """
    mark = before[-1]
    params["closed"] = quote(mark)
    if mark not in "\"'":
        return "QT023"
    opening = (
        before[:-1].replace("\\\\", "").replace("\\" + mark, "") if mark == '"' else before[:-1]
    )
    if opening.count(mark) % 2:
        return "QT023"
    params["quote"] = quote(mark)
    return "QT035"


def _reader_problem(
    exc: Exception, segment: Callable[[int, int], str | None], source: str
) -> Problem:
    """
    A problem for an error of the YAML scanner or parser, located as well as it can be.

    A syntax error of a known kind gets its own code, with the likely cause and the fix; any
    other keeps the parser's words in QT001.
    """
    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem_mark is not None:
        mark = exc.problem_mark
        problem = str(exc.problem or "")
        where = (mark.line + 1, mark.column + 1)
        if _indentation_tab(segment(mark.index - mark.column, mark.index + 1), mark.column):
            return _problem("QT011", (), where, source)
        if "nesting depth" in problem:
            return _problem("QT006", (), where, source, limit=MAX_DEPTH)
        known = _syntax(exc, segment)
        if known is not None:
            code, at, params = known
            return _problem(code, (), (at.line + 1, at.column + 1), source, **params)
        detail = problem
        if exc.context:
            detail += f" ({exc.context}"
            if exc.context_mark is not None:
                detail += f" on line {exc.context_mark.line + 1}"
            detail += ")"
        return _problem("QT001", (), where, source, detail=detail)
    return _problem("QT001", (), None, source, detail=quote(str(exc), limit=200)[1:-1])
