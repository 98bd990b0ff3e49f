"""
What quytac reports when input is wrong: problems that stop loading, and issues found by rules.

Both are findings of one shape, rendered as
``source:line:column: severity code: path: message``.
"""

from __future__ import annotations

import enum
import json
import re
from typing import TYPE_CHECKING, Self, TypeVar

import attrs

from ._mapping import FrozenMap

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

__all__ = [
    "Finding",
    "InvalidValue",
    "Issue",
    "LoadError",
    "Problem",
    "QuytacError",
    "ScoreError",
    "Severity",
    "SynthesisError",
    "UnitLookupError",
    "fold",
    "format_path",
]


class Severity(enum.StrEnum):
    """
    How serious a finding is.

    An ``error`` makes a document or a result unusable; a ``warning`` is worth a look.
    """

    ERROR = "error"
    WARNING = "warning"

    def word(self, lang: str = "en") -> str:
        """
        The severity as a finding's line says it: ``error``, ``warning``; ``lỗi``, ``cảnh báo``.

        .. versionadded:: 2026.11.0
        """
        return _WORDS[self.value][lang == "vi"]


#: The words of a finding's line, (English, Vietnamese): the severities, and the path of the
#: whole document. They sit here, below the catalogs, because every finding renders with them.
_WORDS: dict[str, tuple[str, str]] = {
    "error": ("error", "lỗi"),
    "warning": ("warning", "cảnh báo"),
    "root": ("(root)", "(cả tài liệu)"),
}


_BARE_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")
_LONGEST_KEY = 60


def format_path(path: tuple[str | int, ...]) -> str:
    """
    Render a YAML path the way a person writes it: ``sections[0].items[2].points``.

    Keys that are not plain words (item ids such as ``I.1``) are quoted in brackets:
    ``answers["I.1"]``. The empty path (the whole document) is ``(root)``.

    .. versionadded:: 2026.11.0
    """
    if not path:
        return "(root)"
    parts: list[str] = []
    for step in path:
        if isinstance(step, int):
            parts.append(f"[{step}]")
        elif _BARE_KEY.match(step) and len(step) <= _LONGEST_KEY:
            parts.append(f".{step}" if parts else step)
        else:
            shown = step if len(step) <= _LONGEST_KEY else step[: _LONGEST_KEY - 1] + "…"
            parts.append(f"[{json.dumps(shown, ensure_ascii=False)}]")
    return "".join(parts)


@attrs.frozen(kw_only=True)
class Finding:
    """
    One thing found wrong (or worth a look) in the input.

    Attributes:
        code: Stable identifier, such as ``QT104``; every code is listed in docs/errors.md.
        severity: ``error`` or ``warning``.
        path: Where in the document, as YAML keys and list indexes (never Python names).
        message: The English message.
        message_vi: The Vietnamese message.
        source: The file (or ``<string>``) the document came from.
        line: 1-based line, or None when there is no place to point at.
        column: 1-based column, or None.
        suggestion: For a key, value or id that is not allowed, the allowed one nearest to it
            (``points`` for ``poins``, ``na`` for ``không áp dụng``), or None.
        allowed: For a key, value or id that is not allowed, every one allowed there.
        cause: The mistake this finding comes from, as a key that the findings of one mistake
            share (``("Checklist", "kt", "item", "I.1")`` for a duplicate item id); empty when
            the finding stands alone. ``fold`` groups findings by it.
        follows: True when the finding is a consequence of its cause, not the report of the
            mistake itself (an example that fails because an item id is used twice).
        params: What the message says, as data: each parameter of the code's message by name
            (``{"limit": 64}`` for QT006, ``{"key": "id", "first": 3}`` for QT003), as plain
            values (text, numbers, ``Decimal``, dates, tuples); a key, value or id that is not
            allowed adds ``allowed`` (a tuple) and ``suggestion``, when it has them. The names
            stay with the code. Not part of equality: two findings with the same code, place,
            path and messages are equal.

    .. versionchanged:: 2026.11.0
       ``params``.
    """

    code: str
    severity: Severity
    path: tuple[str | int, ...]
    message: str
    message_vi: str
    source: str = "<string>"
    line: int | None = None
    column: int | None = None
    suggestion: str | None = None
    allowed: tuple[str, ...] = ()
    cause: tuple[str, ...] = ()
    follows: bool = False
    params: Mapping[str, object] = attrs.field(default=FrozenMap(), eq=False)

    def text(self, lang: str = "en") -> str:
        """
        The message in ``"en"`` or ``"vi"``.
        """
        return self.message_vi if lang == "vi" else self.message

    @property
    def place(self) -> str:
        """
        ``source:line:column``, as far as the finding has them.
        """
        where = self.source
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return where

    def render(self, lang: str = "en") -> str:
        """
        ``source:line:column: severity code: path: message`` in the language asked for: in
        Vietnamese the severity is ``lỗi`` or ``cảnh báo`` and the empty path ``(cả tài liệu)``;
        the code stays, so that lines can be searched for it in either language.
        """
        path = format_path(self.path) if self.path else _WORDS["root"][lang == "vi"]
        severity = Severity(self.severity).word(lang)
        return f"{self.place}: {severity} {self.code}: {path}: {self.text(lang)}"

    def __str__(self) -> str:
        return self.render()

    def located(self, source: str, line: int | None = None, column: int | None = None) -> Self:
        """
        The same finding, placed in a source at a line and column.
        """
        return attrs.evolve(self, source=source, line=line, column=column)


@attrs.frozen(kw_only=True)
class Problem(Finding):
    """
    A finding that stops a document from loading (it is not well formed).

    .. versionadded:: 2026.11.0
    """


@attrs.frozen(kw_only=True)
class Issue(Finding):
    """
    A finding in a well-formed document: a rule it breaks, returned by ``validate()``.

    .. versionadded:: 2026.11.0
    """


class QuytacError(Exception):
    """
    The base of every exception quytac raises on purpose.

    .. versionadded:: 2026.11.0
    """


class LoadError(QuytacError, ValueError):
    """
    Raised when documents cannot be loaded; carries every problem found, not only the first.

    Attributes:
        problems: The problems, sorted by source, line and column.

    .. versionadded:: 2026.11.0
    """

    problems: tuple[Problem, ...]

    def __init__(self, problems: tuple[Problem, ...] | list[Problem]) -> None:
        ordered = tuple(sorted(problems, key=_order))
        super().__init__(ordered)
        self.problems = ordered

    def __str__(self) -> str:
        sources = sorted({p.source for p in self.problems})
        head = sources[0] if len(sources) == 1 else f"{len(sources)} files"
        count = len(self.problems)
        lines = [f"{head}: {count} problem{'s' if count != 1 else ''}"]
        lines += [f"  {p}" for p in self.problems]
        return "\n".join(lines)

    def render(self, lang: str = "en") -> str:
        """
        Every problem, one a line, in the language asked for.
        """
        return "\n".join(p.render(lang) for p in self.problems)


F = TypeVar("F", bound=Finding)


def fold(findings: Iterable[F]) -> list[tuple[F, tuple[F, ...]]]:
    """
    One entry a mistake: each finding that reports a mistake, with the findings it caused.

    Findings that share a ``cause`` are one mistake. Its root is the first of them (in the
    order given) that does not merely follow from it, or the first of them when all do; the
    others come with it, in the order given. A finding without a cause stands alone. The roots
    keep the order given.

    Returns:
        Each root with the findings folded into it (none for most).

    .. versionadded:: 2026.11.0
    """
    listed = list(findings)
    roots: dict[tuple[str, ...], F] = {}
    for finding in listed:
        cause = finding.cause
        if cause and (cause not in roots or (roots[cause].follows and not finding.follows)):
            roots[cause] = finding
    folded: dict[int, list[F]] = {id(root): [] for root in roots.values()}
    entries: list[tuple[F, list[F]]] = []
    for finding in listed:
        root = roots.get(finding.cause) if finding.cause else None
        if root is None or root is finding:
            entries.append((finding, folded.get(id(finding), [])))
        else:
            folded[id(root)].append(finding)
    return [(root, tuple(rest)) for root, rest in entries]


def _order(finding: Finding) -> tuple[str, int, int, str]:
    return (finding.source, finding.line or 0, finding.column or 0, finding.code)


class InvalidValue(QuytacError, ValueError):
    """
    Raised by a model validator: a field's value breaks a rule of the model.

    Attributes:
        key: The field's YAML key.
        message: English text, lower-case, no final period ("must be at least 0, got -1").
        message_vi: The same in Vietnamese.

    .. versionadded:: 2026.11.0
    """

    def __init__(self, key: str, message: str, message_vi: str) -> None:
        super().__init__(f"{key}: {message}")
        self.key = key
        self.message = message
        self.message_vi = message_vi


class UnitLookupError(QuytacError, LookupError):
    """
    Raised when a code names no unit, or several units of different eras and no date was given.

    .. versionadded:: 2026.11.0
    .. versionchanged:: 2026.11.0
       Defined in ``quytac.errors``; ``quytac.units.UnitLookupError`` is the same class.
    """


class ScoreError(QuytacError, ValueError):
    """
    Raised when answers are not scored, or scores cannot be compared: a record pinned to
    another checklist or edition (``quytac.iter_scores``), scores of different checklists.

    Attributes:
        issues: What refused the scoring, as ``validate`` gives it (code, path, message, and
            ``file:line:column`` when the record was read from a file); empty when it is not
            a rule of a document (two scores that cannot be compared).

    .. versionadded:: 2026.11.0
    .. versionchanged:: 2026.11.0
       ``issues``; a refused record's message is its issues, one a line.
    .. versionchanged:: 2026.11.0
       Defined in ``quytac.errors``; ``quytac.scoring.ScoreError`` is the same class.
    """

    def __init__(self, message: str, issues: tuple[Issue, ...] = ()) -> None:
        super().__init__(message)
        self.issues = issues

    @classmethod
    def of(cls, issues: Iterable[Issue]) -> ScoreError:
        """
        The error of issues that refuse a scoring: its message shows them, one a line.
        """
        found = tuple(issues)
        return cls("\n".join(issue.render() for issue in found), found)

    def __reduce__(self) -> tuple[type[ScoreError], tuple[str, tuple[Issue, ...]]]:
        # Raised in a worker process, it reaches the caller with its issues.
        return (type(self), (str(self), self.issues))


class SynthesisError(QuytacError, LookupError):
    """
    Raised when a plan cannot be synthesised: it, or its unit catalog, is not in the workspace.

    .. versionadded:: 2026.11.0
    .. versionchanged:: 2026.11.0
       Defined in ``quytac.errors``; ``quytac.synthesis.SynthesisError`` is the same class.
    """
