"""
The workloads of the rules benchmark (issue 12): documents whose validation used to grow faster
than their size. Each is written for a size n (and run at n and 10n): the ratio of the two
validation times is about 10 for rules in linear time, about 100 or more for quadratic ones.

Everything is generated (no randomness): the same n gives the same bytes.
"""

from __future__ import annotations

from pathlib import Path


def _document(kind: str, id_: str, title: str, body: list[str]) -> str:
    return "\n".join([f"kind: {kind}", "schema: quytac/v1", f"id: {id_}", f"title: {title}", *body])


def catalog_with_chains(n: int) -> str:
    """
    A city and n units under it: half in one chain of departments, each under the one before
    (`so-1` under the city, `so-2` under `so-1` ...), a tenth in a cycle of boards (one QT203),
    the rest wards under the city.
    """
    chain, cycle = n // 2, n // 10
    lines = ["units:", '  - {code: "01", name: Thành phố Hà Nội, kind: thanh_pho_tw}']
    lines += [
        f"  - {{code: so-{k}, name: Sở {k}, kind: so, parent: {f'so-{k - 1}' if k > 1 else '01'}}}"
        for k in range(1, chain + 1)
    ]
    lines += [
        f"  - {{code: ban-{k}, name: Ban {k}, kind: ban, parent: ban-{(k + 1) % cycle}}}"
        for k in range(cycle)
    ]
    lines += [
        f'  - {{code: "{k:05d}", name: Phường {k}, kind: phuong, parent: "01"}}'
        for k in range(1, n - chain - cycle + 1)
    ]
    return _document("UnitCatalog", "chains", "Danh mục có chuỗi dài", lines)


def catalog_of_two_eras(n: int) -> str:
    """
    The 2025 reform as it is written: n wards, each code used by a ward until 30/06/2025 and by
    the commune that took it over from 01/07/2025 (two units a code, no issue).
    """
    lines = ["valid_from: 2020-01-01", "units:"]
    lines.append('  - {code: "01", name: Thành phố Hà Nội, kind: thanh_pho_tw}')
    lines.append(
        '  - {code: "001", name: Quận Ba Đình, kind: quan, parent: "01", valid_to: 2025-06-30}'
    )
    for k in range(1, n // 2 + 1):
        code = f'"{k:05d}"'
        lines.append(
            f"  - {{code: {code}, name: Phường {k}, kind: phuong, parent: '001',"
            f" valid_to: 2025-06-30, successor: {code}}}"
        )
        lines.append(
            f"  - {{code: {code}, name: Phường mới {k}, kind: phuong, parent: '01',"
            " valid_from: 2025-07-01}"
        )
    return _document("UnitCatalog", "two-eras", "Danh mục hai thời kỳ", lines)


def catalog_of_one_code(n: int) -> str:
    """
    The hostile case of QT202: n wards of one code, the first half until 30/06/2025, the other
    half from 01/07/2025 (every unit but the first of each half is a QT202).
    """
    lines = ["units:"]
    for k in range(n):
        era = "valid_to: 2025-06-30" if k < n // 2 else "valid_from: 2025-07-01"
        lines.append(f'  - {{code: "00070", name: Phường {k}, kind: phuong, {era}}}')
    return _document("UnitCatalog", "one-code", "Một mã cho mọi đơn vị", lines)


def checklist_of_choices(n: int) -> str:
    """
    A checklist whose one item has n choices, with an example that picks the best.
    """
    lines = [
        "scoring:",
        "  bands: [{id: dat, label: Đạt, min: 50}, {id: khong_dat, label: Không đạt, min: 0}]",
        "sections:",
        "  - id: I",
        "    title: Mục I",
        "    items:",
        "      - id: I.1",
        "        text: Mức độ thực hiện",
        "        answer:",
        "          choices:",
    ]
    lines += [f"            - {{id: m{k}, label: Mức {k}, points: {k % 10}}}" for k in range(n)]
    lines += [
        "examples:",
        "  - {name: tốt nhất, answers: {I.1: m9}, expect: {percent: 100, band: dat}}",
    ]
    return _document("Checklist", "choices", "Phiếu nhiều lựa chọn", lines)


def checklist_of_conditions(n: int) -> str:
    """
    A checklist of n items, each with a condition on the next one (n - 1 QT432: conditions
    test earlier items).
    """
    lines = ["sections:", "  - id: I", "    title: Mục I", "    items:"]
    for k in range(n):
        when = f", when: {{item: i{k + 1}, equals: pass}}" if k < n - 1 else ""
        lines.append(f"      - {{id: i{k}, text: Câu {k}{when}}}")
    return _document("Checklist", "conditions", "Phiếu nhiều điều kiện", lines)


def rounds(n: int, plans: int = 9) -> str:
    """
    A catalog of n wards, nine plans whose team visits them all, and a record of each ward for
    one plan in turn (the records of the plans interleaved, as files named by unit are read).
    """
    wards = [f"{k:05d}" for k in range(1, n + 1)]
    catalog = ["units:", '  - {code: "01", name: Thành phố Hà Nội, kind: thanh_pho_tw}']
    catalog += [
        f'  - {{code: "{code}", name: Phường {code}, kind: phuong, parent: "01"}}' for code in wards
    ]
    documents = [_document("UnitCatalog", "hn", "Hà Nội", catalog)]
    listed = ", ".join(f'"{code}"' for code in wards)
    for p in range(plans):
        plan = [
            "legal_basis: {instrument: KH 1, issued_by: UBND, issued_on: 2023-03-23}",
            "period: {start: 2023-07-01, end: 2023-09-30}",
            "units: hn",
            'standing_agency: "01"',
            "scope: {unit_kinds: [phuong]}",
            f"direct: {{team: Đoàn {p}, units: [{listed}]}}",
        ]
        documents.append(_document("InspectionPlan", f"p{p}", f"Kế hoạch {p}", plan))
    for k, code in enumerate(wards):
        documents.append(
            "\n".join(
                [
                    "kind: InspectionRecord",
                    "schema: quytac/v1",
                    f"id: r{k}",
                    f"plan: p{k % plans}",
                    f'unit: "{code}"',
                    "inspected_on: 2023-08-10",
                ]
            )
        )
    return "\n---\n".join(documents) + "\n"


#: name -> (what is validated, the document of size n).
WORKLOADS = {
    "chains": ("catalog: n units, a chain of n/2 and a cycle of n/10 (QT203)", catalog_with_chains),
    "two_eras": ("catalog: n wards of two eras, each code once in each", catalog_of_two_eras),
    "one_code": ("catalog: n units of one code in two eras (QT202)", catalog_of_one_code),
    "choices": ("checklist: an item of n choices, an example", checklist_of_choices),
    "conditions": ("checklist: n items, each testing the next (QT432)", checklist_of_conditions),
    "rounds": ("workspace: n records of 9 plans in turn, their catalog and plans", rounds),
}


def write(folder: Path, n: int) -> dict[str, Path]:
    """
    Each workload of size n as a file in the folder; returns the paths by name.
    """
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, (_, make) in WORKLOADS.items():
        path = folder / f"{name}-{n}.yaml"
        path.write_text(make(n) + "\n", encoding="utf-8")
        paths[name] = path
    return paths
