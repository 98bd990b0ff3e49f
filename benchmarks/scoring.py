"""
Scoring alone, as a ratio: ``quytac.score`` over N records of the 60-item workload against a plain
loop over the same answer dicts that sums the points with Decimals (no conditions, no policy, no
explanation: the floor of any scoring). DESIGN.md §7 asks for at most 1.5x.

Run: ``python benchmarks/scoring.py [N]``. Both are timed in one run, interleaved, best of 15.
"""

from __future__ import annotations

import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import workload

import quytac

ROUNDS = 15
FULL_AT = Decimal(5)


def plain_loop(items: list[tuple[str, str, Decimal]], table: dict[str, Decimal]):
    """
    The baseline: Σ awarded / Σ maximum over the answered items, straight from the dicts.
    """

    def percent(answers: dict[str, object]) -> Decimal | None:
        awarded = maximum = Decimal(0)
        for item_id, kind, top in items:
            value = answers.get(item_id)
            if isinstance(value, dict):
                value = value["value"]
            if value is None or value == "na" or kind == "text":
                continue
            maximum += top
            if value == "not_observed":
                continue
            if kind == "count":
                awarded += top * min(Decimal(str(value)), FULL_AT) / FULL_AT
            elif kind == "points":
                awarded += Decimal(str(value))
            else:
                awarded += top * table[str(value)]
        return awarded * 100 / maximum if maximum else None

    return percent


def main(n: int) -> None:
    checklist = quytac.loads(workload.checklist_yaml())
    assert isinstance(checklist, quytac.Checklist)
    records = [record["answers"] for record in workload.records(n)]
    items = [(item.id, item.answer.name, item.maximum) for item in checklist.items]
    table = {"pass": Decimal(1), "fail": Decimal(0), "day_du": Decimal(1)}
    table |= {"mot_phan": Decimal("0.5"), "khong": Decimal(0)}
    baseline = plain_loop(items, table)
    quytac.score(checklist, records[0])  # compile the plan once, as a long run would

    plain: list[float] = []
    scored: list[float] = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        for answers in records:
            baseline(answers)
        plain.append(time.perf_counter() - start)
        start = time.perf_counter()
        for answers in records:
            quytac.score(checklist, answers)
        scored.append(time.perf_counter() - start)
    best_plain, best_scored = min(plain), min(scored)
    print(f"{n} records of {len(items)} items")
    print(f"plain loop   {best_plain * 1000:8.1f} ms")
    print(f"quytac.score {best_scored * 1000:8.1f} ms")
    print(f"ratio        {best_scored / best_plain:8.2f}x (target: 1.5x at most)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
