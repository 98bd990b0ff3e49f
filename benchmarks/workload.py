"""
A realistic workload: a 60-item checklist in 8 sections and N inspection records answering it.

The checklist has every answer type (yes_no, count, points in 0.5 steps, choices, text) and some
`when:` conditions; each record answers all 60 items, some with a note and evidence, some `na`
or `not_observed`. The same records are written as one multi-document YAML stream, as one file
per record, and as JSON Lines; a unit catalog of their wards and a plan whose team visits them
make the files a workspace that `quytac.synthesize` runs over. Everything is seeded: the same N
gives the same bytes.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import quytac

SECTIONS = 8
CHECKLIST = "bench-60"
PLAN = "bench-plan"
CATALOG = "bench-units"
#: Wards per district in the workload's catalog.
WARDS = 1000
ITEMS = 60
CHOICES = ("day_du", "mot_phan", "khong")
#: The answers to a choices item under which the items that watch it apply.
SHOWN_WHEN = ("day_du", "mot_phan")


def _item_ids() -> list[tuple[int, int]]:
    """
    (section, item) pairs: 60 items over 8 sections (8, 8, 8, 8, 7, 7, 7, 7).
    """
    ids = []
    for section in range(1, SECTIONS + 1):
        count = 8 if section <= 4 else 7
        ids += [(section, item) for item in range(1, count + 1)]
    assert len(ids) == ITEMS
    return ids


def _type_of(section: int, item: int) -> str:
    return ("yes_no", "count", "points", "choices", "yes_no", "text", "yes_no", "points")[
        (section + item) % 8
    ]


def _conditions() -> dict[str, str]:
    """
    Which items have a condition, and on which earlier choices item (never themselves).
    """
    found = {}
    previous_choice = None
    for sec, item in _item_ids():
        kind = _type_of(sec, item)
        if kind != "text" and previous_choice and item % 4 == 0:
            found[f"{sec}.{item}"] = previous_choice
        if kind == "choices":
            previous_choice = f"{sec}.{item}"
    return found


def checklist_yaml() -> str:
    """
    The checklist of the workload, in the YAML format of DESIGN.md §2.
    """
    lines = [
        "kind: Checklist",
        "schema: quytac/v1",
        f"id: {CHECKLIST}",
        "title: Phiếu kiểm tra 60 mục (đo hiệu năng)",
        "version: 1",
        "scoring:",
        "  model: points",
        "  bands:",
        "    - {id: tot, label: Tốt, min: 85}",
        "    - {id: kha, label: Khá, min: 70}",
        "    - {id: trung_binh, label: Trung bình, min: 50}",
        "    - {id: yeu, label: Yếu, min: 0}",
        "sections:",
    ]
    conditions = _conditions()
    for section in range(1, SECTIONS + 1):
        lines += [f"  - id: S{section}", f"    title: Phần {section}", "    items:"]
        for sec, item in _item_ids():
            if sec != section:
                continue
            kind = _type_of(sec, item)
            lines += [f"      - id: '{sec}.{item}'", f"        text: Mục {sec}.{item}"]
            if kind == "yes_no":
                lines += ["        answer: yes_no", "        points: 2"]
            elif kind == "count":
                lines += ["        answer: {count: {full_at: 5}}", "        points: 5"]
            elif kind == "points":
                lines += ["        answer: {points: {step: 0.5}}", "        points: 3"]
            elif kind == "choices":
                choices = (
                    "        answer: {choices: [{id: day_du, label: Đầy đủ, points: 4},"
                    " {id: mot_phan, label: Một phần, points: 2},"
                    " {id: khong, label: Không, points: 0}]}"
                )
                lines += [choices, "        points: 4"]
            else:
                lines += ["        answer: text"]
            watched = conditions.get(f"{sec}.{item}")
            if watched:
                lines += [f"        when: {{item: '{watched}', in: [{', '.join(SHOWN_WHEN)}]}}"]
    return "\n".join(lines) + "\n"


def unit_code(number: int) -> str:
    """
    The 5-digit code of the ward a record is about (wards 00001, 00002 ...).
    """
    return f"{number + 1:05d}"


def _district(number: int) -> str:
    return f"{number // WARDS + 1:03d}"


def catalog_yaml(n: int) -> str:
    """
    A unit catalog of the city, its districts and the N wards the records are about.
    """
    lines = [
        "kind: UnitCatalog",
        "schema: quytac/v1",
        f"id: {CATALOG}",
        "title: Đơn vị (đo hiệu năng)",
        "units:",
        '  - {code: "01", name: Thành phố Hà Nội, kind: thanh_pho_tw}',
    ]
    districts = sorted({_district(number) for number in range(n)})
    lines += [
        f'  - {{code: "{code}", name: Quận {code}, kind: quan, parent: "01"}}' for code in districts
    ]
    lines += [
        f'  - {{code: "{unit_code(number)}", name: Phường {unit_code(number)}, kind: phuong,'
        f' parent: "{_district(number)}"}}'
        for number in range(n)
    ]
    return "\n".join(lines) + "\n"


def plan_yaml(n: int) -> str:
    """
    A plan whose team visits the N wards with the workload's checklist.
    """
    codes = ", ".join(f'"{unit_code(number)}"' for number in range(n))
    lines = [
        "kind: InspectionPlan",
        "schema: quytac/v1",
        f"id: {PLAN}",
        "title: Kiểm tra (đo hiệu năng)",
        "legal_basis: {instrument: Kế hoạch minh họa, issued_by: UBND, issued_on: 2023-03-23}",
        "period: {start: 2023-07-01, end: 2023-09-30}",
        f"units: {CATALOG}",
        'standing_agency: "01"',
        "scope: {unit_kinds: [phuong]}",
        "direct:",
        "  team: Đoàn kiểm tra",
        f"  checklist: {CHECKLIST}",
        f"  units: [{codes}]",
    ]
    return "\n".join(lines) + "\n"


def _answer(rng: random.Random, kind: str) -> object:
    roll = rng.random()
    if kind != "text" and roll < 0.04:
        return "na"
    if kind != "text" and roll < 0.07:
        return "not_observed"
    if kind == "yes_no":
        return "pass" if rng.random() < 0.8 else "fail"
    if kind == "count":
        return str(rng.randint(0, 9))
    if kind == "points":
        return str(rng.randint(0, 6) / 2)
    if kind == "choices":
        return rng.choice(CHOICES)
    return "Ghi nhận tại chỗ"


def _fingerprint() -> str:
    checklist = quytac.loads(checklist_yaml())
    return quytac.fingerprint(checklist)


def _value(answer: object) -> object:
    return answer["value"] if isinstance(answer, dict) else answer


def records(n: int, seed: int = 2023) -> list[dict[str, object]]:
    """
    N inspection records answering the 60 items, as plain data; an item that its condition
    skips is answered ``na``, as an inspector would.
    """
    rng = random.Random(seed)
    conditions = _conditions()
    pin = {"id": CHECKLIST, "version": 1, "fingerprint": _fingerprint()}
    found = []
    for number in range(n):
        answers: dict[str, object] = {}
        for sec, item in _item_ids():
            value = _answer(rng, _type_of(sec, item))
            watched = conditions.get(f"{sec}.{item}")
            if watched and _value(answers[watched]) not in SHOWN_WHEN:
                value = "na"
            if rng.random() < 0.15:
                value = {
                    "value": value,
                    "note": "Đã kiểm tra hồ sơ",
                    "evidence": [f"bien-ban-{number}-{sec}-{item}.pdf"],
                }
            answers[f"{sec}.{item}"] = value
        found.append(
            {
                "kind": "InspectionRecord",
                "schema": "quytac/v1",
                "id": f"rec-{number:05d}",
                "plan": PLAN,
                "unit": unit_code(number),
                "inspected_on": "2023-08-15",
                "checklist": pin,
                "answers": answers,
            }
        )
    return found


def _yaml_document(record: dict[str, object]) -> str:
    lines = []
    for key, value in record.items():
        if key == "checklist":
            pin = ", ".join(f"{name}: {value[name]}" for name in ("id", "version", "fingerprint"))  # type: ignore[index]
            lines.append(f"checklist: {{{pin}}}")
        elif key != "answers":
            lines.append(f"{key}: '{value}'" if key == "unit" else f"{key}: {value}")
    lines.append("answers:")
    for item, value in record["answers"].items():  # type: ignore[attr-defined]
        if isinstance(value, dict):
            evidence = ", ".join(value["evidence"])
            lines.append(
                f"  '{item}': {{value: {value['value']}, note: {value['note']},"
                f" evidence: [{evidence}]}}"
            )
        else:
            lines.append(f"  '{item}': {value}")
    return "\n".join(lines) + "\n"


def write(folder: Path, n: int) -> dict[str, Path]:
    """
    Write the checklist and N records in each form; returns the paths by form.
    """
    folder.mkdir(parents=True, exist_ok=True)
    data = records(n)
    checklist = folder / "checklist.yaml"
    checklist.write_text(checklist_yaml(), encoding="utf-8")
    catalog = folder / f"units-{n}.yaml"
    catalog.write_text(catalog_yaml(n), encoding="utf-8")
    plan = folder / f"plan-{n}.yaml"
    plan.write_text(plan_yaml(n), encoding="utf-8")
    stream = folder / f"records-{n}.yaml"
    stream.write_text("---\n".join(_yaml_document(r) for r in data), encoding="utf-8")
    lines = folder / f"records-{n}.jsonl"
    lines.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in data), encoding="utf-8"
    )
    per_file = folder / f"records-{n}"
    per_file.mkdir(exist_ok=True)
    for record in data:
        (per_file / f"{record['id']}.yaml").write_text(_yaml_document(record), encoding="utf-8")
    return {
        "checklist": checklist,
        "catalog": catalog,
        "plan": plan,
        "stream": stream,
        "jsonl": lines,
        "files": per_file,
    }
