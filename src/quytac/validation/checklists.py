"""
The rules of a checklist, as issues (QT410-QT448): ids used once, totals and weights, bands,
critical items, answers, conditions, references to code articles, and its golden examples.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from quytac import _messages
from quytac._nearest import of_documents
from quytac.checklists import (
    Band,
    Checklist,
    Choices,
    Count,
    FreeText,
    Item,
    Model,
    PointsScale,
    ScoringPolicy,
    Threshold,
    ZeroScope,
    band_hint,
    reachable,
    targets,
)
from quytac.codes import ConductCode, parse_ref
from quytac.conditions import cycles, flaws, references
from quytac.errors import Issue, format_path
from quytac.scoring import run_examples

from .codes import applies_to_issues

if TYPE_CHECKING:
    from collections.abc import Iterator

    from quytac.checklists import Path

    from ._context import Context

__all__ = ["checklist_issues"]


def checklist_issues(
    checklist: Checklist, context: Context | None = None, *, examples: bool = True
) -> Iterator[Issue]:
    """
    The rules a checklist must keep, as issues with paths into the checklist: ids, totals,
    bands, items, conditions, references to code articles, and its examples.

    Args:
        context: Where the codes its items cite are looked up (without one, references
            are checked for their form only).
        examples: Whether to run its examples too (``quytac test`` runs them apart).

    """
    yield from applies_to_issues(checklist.applies_to, context)
    duplicates = list(_duplicates(checklist))
    yield from duplicates
    yield from _totals(checklist)
    yield from _bands(checklist.scoring)
    yield from _policy_issues(checklist.scoring)
    yield from _item_issues(checklist)
    yield from _condition_issues(checklist)
    yield from _critical_issues(checklist)
    yield from _ref_issues(checklist, context)
    if not examples:
        return
    # With an item id used twice, answers name two items and every total is off: whatever
    # the examples find follows from the first duplicate.
    twice = next((issue.cause for issue in duplicates if issue.cause[2] == "item"), None)
    for issue in run_examples(checklist):
        yield issue if twice is None else attrs.evolve(issue, cause=twice, follows=True)


def _issue(which: str, path: Path, **params: object) -> Issue:
    return _messages.make(Issue, which, path, **params)


# --- lint -----------------------------------------------------------------------------------


def _duplicates(checklist: Checklist) -> Iterator[Issue]:
    for what, what_vi, found in (
        ("section", "mục", ((s.id, p) for s, p in checklist.sections_walk())),
        ("item", "câu hỏi", ((i.id, p) for i, p in checklist.walk())),
    ):
        first: dict[str, Path] = {}
        for found_id, path in found:
            if found_id in first:
                yield _issue(
                    "QT410",
                    (*path, "id"),
                    cause=(Checklist.kind, checklist.id, what, found_id),
                    what=what,
                    what_vi=what_vi,
                    id=repr(found_id),
                    first=format_path(first[found_id]),
                )
            else:
                first[found_id] = path


def _totals(checklist: Checklist) -> Iterator[Issue]:
    if not any(item.maximum for item in checklist.items):
        yield _issue("QT411", ("sections",))
    weighted = checklist.scoring.model is Model.WEIGHTED and checklist.sections
    if weighted and not any(s.weight for s in checklist.sections):
        yield _issue("QT412", ("sections",))
    if weighted:
        for section, path in checklist.sections_walk():
            children = [i.weight_in_section for i in section.items if i.scored]
            children += [inner.weight for inner in section.sections]
            if children and not any(children):
                yield _issue("QT419", path)


def _bands(policy: ScoringPolicy) -> Iterator[Issue]:
    bands = policy.bands
    first: dict[Decimal, Band] = {}
    named: dict[str, int] = {}
    for position, band in enumerate(bands):
        if band.id in named:
            where = format_path(("scoring", "bands", named[band.id]))
            yield _issue(
                "QT426", ("scoring", "bands", position, "id"), id=repr(band.id), first=where
            )
        else:
            named[band.id] = position
        path = ("scoring", "bands", position, "min")
        if band.min in first:
            other = first[band.min]
            yield _issue("QT414", path, id=repr(band.id), other=repr(other.id), min=band.min)
            continue
        first[band.min] = band
        if position and band.min > bands[position - 1].min:
            yield _issue("QT413", path, id=repr(band.id), other=repr(bands[position - 1].id))
    if bands and min(band.min for band in bands) > 0:
        lowest = min(band.min for band in bands)
        yield _issue("QT415", ("scoring", "bands"), low=0, high=lowest)
    cap = policy.critical.cap_band
    if cap is not None and cap not in {band.id for band in bands}:
        found = band_hint(cap, policy)
        yield _issue(
            "QT416",
            ("scoring", "critical", "cap_band"),
            hint=found,
            got=repr(cap),
            allowed=found.shown or "(no bands)",
        )


def _policy_issues(policy: ScoringPolicy) -> Iterator[Issue]:
    """
    A critical policy that contradicts itself (QT428), or a cap that never lowers a band
    (QT429).
    """
    cap = policy.critical.cap_band
    if cap is not None and policy.critical.zero is ZeroScope.SCORE:
        yield _issue("QT428", ("scoring", "critical"), band=repr(cap))
    elif policy.bands and cap == max(policy.bands, key=lambda band: band.min).id:
        yield _issue("QT429", ("scoring", "critical", "cap_band"), band=repr(cap))


def _item_issues(checklist: Checklist) -> Iterator[Issue]:
    for item, path in checklist.walk():
        answer = item.answer
        if isinstance(answer, Choices):
            yield from _choice_issues(item, answer, path)
        elif isinstance(answer, PointsScale):
            if Fraction(item.maximum) % Fraction(answer.step):  # exact, whatever the digits
                yield _issue("QT442", (*path, "points"), points=item.maximum, step=answer.step)
        elif isinstance(answer, Count):
            yield from _count_issues(item, answer, path)
        elif isinstance(answer, FreeText) and item.points is not None:
            yield _issue("QT443", (*path, "points"))


def _never_full(item: Item, maximum: Decimal, best: Decimal, where: Path) -> Iterator[Issue]:
    """
    An item whose best answer gives less than its points can never be fully met.
    """
    if best < maximum:
        code = "QT448" if item.critical else "QT447"
        yield _issue(code, where, best=best, maximum=maximum)


def _choice_issues(item: Item, answer: Choices, path: Path) -> Iterator[Issue]:
    if not answer.choices:
        yield _issue("QT446", (*path, "answer", "choices"))
        return
    maximum = item.maximum  # once: by default it is the best choice, a pass over them all
    best = max(choice.points for choice in answer.choices)
    yield from _never_full(item, maximum, best, (*path, "answer", "choices"))
    seen: set[str] = set()
    for position, choice in enumerate(answer.choices):
        where = (*path, "answer", "choices", position)
        if choice.id in seen:
            yield _issue("QT440", (*where, "id"), id=repr(choice.id))
        seen.add(choice.id)
        if choice.points > maximum:
            yield _issue("QT441", (*where, "points"), points=choice.points, maximum=maximum)


def _count_issues(item: Item, answer: Count, path: Path) -> Iterator[Issue]:
    where = (*path, "answer", "count")
    if (answer.full_at is None) == (answer.thresholds is None):
        yield _issue("QT444", where)
        return
    maximum = item.maximum  # once: by default it is the best step, a pass over them all
    previous: Threshold | None = None
    for position, threshold in enumerate(answer.thresholds or ()):
        step = (*where, "thresholds", position)
        if threshold.points > maximum:
            yield _issue("QT441", (*step, "points"), points=threshold.points, maximum=maximum)
        if previous is not None and (
            threshold.min <= previous.min or threshold.points < previous.points
        ):
            yield _issue("QT445", step)
        previous = threshold
    if answer.thresholds:
        best = max(threshold.points for threshold in answer.thresholds)
        yield from _never_full(item, maximum, best, (*where, "thresholds"))


def _condition_issues(checklist: Checklist) -> Iterator[Issue]:
    every = targets(checklist)
    able = reachable(checklist)
    edges: dict[str, tuple[str, ...]] = {}
    paths: dict[str, Path] = {}
    for item, path in checklist.walk():
        if item.when is None:
            continue
        where = (*path, "when")
        found = list(flaws(item.when, item.id, every))
        for flaw in found:
            yield _messages.make(Issue, flaw.code, (*where, *flaw.path), **dict(flaw.params))
        if not found and item.id not in able:
            yield _issue("QT436", where)
        edges[item.id] = tuple(test.item for test, _ in references(item.when))
        paths.setdefault(item.id, where)
    for cycle in cycles(edges):
        yield _issue("QT435", paths[cycle[0]], cycle=" -> ".join((*cycle, cycle[0])))


def _critical_issues(checklist: Checklist) -> Iterator[Issue]:
    able = reachable(checklist)
    any_critical = False
    for item, path in checklist.walk():
        if not item.critical:
            continue
        any_critical = True
        reason: str
        reason_vi: str
        if not item.scored:
            reason, reason_vi = "it is a text item", "đây là câu hỏi dạng văn bản"
        elif item.maximum == 0:
            reason, reason_vi = "it is worth 0 points", "câu hỏi có 0 điểm"
        elif item.id not in able:
            reason, reason_vi = "its condition never holds", "điều kiện của nó không bao giờ đúng"
        else:
            continue
        yield _issue("QT417", (*path, "critical"), reason=reason, reason_vi=reason_vi)
    if any_critical and not checklist.scoring.critical.declared:
        yield _issue("QT418", ("scoring",))


def _ref_issues(checklist: Checklist, context: Context | None) -> Iterator[Issue]:
    listed = set(checklist.codes)
    codes: dict[str, ConductCode | None] = {}
    if context is not None:
        for position, code_id in enumerate(checklist.codes):
            codes[code_id] = context.get(ConductCode, code_id)
            if codes[code_id] is None:
                yield _no_code(context, ("codes", position), code_id)
    for item, path in checklist.walk():
        for position, ref in enumerate(item.refs):
            where = (*path, "refs", position)
            parsed = parse_ref(ref)
            if parsed is None:
                yield _issue("QT420", where, ref=repr(ref))
                continue
            if parsed[0] not in listed:
                yield _issue("QT422", where, code_id=repr(parsed[0]))
            if context is not None:
                yield from _cited(checklist, context, codes, parsed, where)


def _cited(
    checklist: Checklist,
    context: Context,
    codes: dict[str, ConductCode | None],
    ref: tuple[str, int],
    where: Path,
) -> Iterator[Issue]:
    code_id, number = ref
    if code_id not in codes:
        codes[code_id] = context.get(ConductCode, code_id)
        if codes[code_id] is None:
            yield _no_code(context, where, code_id)
    code = codes[code_id]
    if code is not None:
        yield from _article_issues(checklist, code, number, where)


def _no_code(context: Context, where: Path, code_id: str) -> Issue:
    return _issue(
        "QT421",
        where,
        hint=of_documents(code_id, context.all(ConductCode)),
        cause=_messages.missing(ConductCode.kind, code_id),
        follows=True,
        code_id=repr(code_id),
    )


def _article_issues(
    checklist: Checklist, code: ConductCode, number: int, where: Path
) -> Iterator[Issue]:
    article = code.article(number)
    if article is None:
        yield _issue("QT423", where, code_id=repr(code.id), number=number)
        return
    on = checklist.valid_from
    if on is not None:
        if not code.in_force(on, article):
            yield _issue("QT424", where, code_id=repr(code.id), number=number, on=on.isoformat())
        return
    end = article.effective_to or code.effective_to
    if end is not None:
        yield _issue("QT425", where, code_id=repr(code.id), number=number, on=end.isoformat())
