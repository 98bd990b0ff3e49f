"""
A small hand-written round, shared by the tests of outlines, plans, records and synthesis: four
units, a two-level outline, a plan with one direct and three indirect units.
"""

import re
import textwrap
from pathlib import Path

import quytac

CATALOG = """\
kind: UnitCatalog
schema: quytac/v1
id: hn
title: Hà Nội
valid_from: 2020-01-01
valid_to: 2024-12-31
units:
  - {code: "01", name: Thành phố Hà Nội, kind: thanh_pho_tw}
  - {code: "019", name: Quận Nam Từ Liêm, kind: quan, parent: "01"}
  - {code: "021", name: Quận Bắc Từ Liêm, kind: quan, parent: "01"}
  - {code: "268", name: Quận Hà Đông, kind: quan, parent: "01"}
  - {code: "277", name: Huyện Chương Mỹ, kind: huyen, parent: "01"}
  - {code: "00611", name: Phường Cổ Nhuế 1, kind: phuong, parent: "021"}
  - {code: "999", name: Quận Cũ, kind: quan, parent: "01", valid_to: 2021-12-31}
  - {code: so-vhtt, name: Sở Văn hóa và Thể thao, kind: so, parent: "01"}
"""

OUTLINE = """\
kind: ReportOutline
schema: quytac/v1
id: dc
title: Đề cương báo cáo
sections:
  - number: I
    title: Đặc điểm tình hình
    narrative: required
  - number: II
    title: Kết quả thực hiện
    sections:
      - number: "1"
        title: Lãnh đạo, chỉ đạo
        indicators:
          - {id: van_ban, label: Văn bản chỉ đạo, unit: văn bản, required: true, min: 0}
      - number: "2"
        title: Tuyên truyền
        indicators:
          - {id: to_roi, label: Tờ rơi, unit: tờ, min: 0}
          - {id: bang, label: Bảng quy tắc niêm yết, unit: bảng, min: 0}
          - {id: ty_le, label: Tỷ lệ cơ quan niêm yết, unit: "%", type: percent}
          - {id: hoi_thi, label: Có tổ chức hội thi, type: boolean}
rules:
  - le: [bang, to_roi]
    message: {vi: Số bảng không được vượt số tờ rơi, en: boards cannot outnumber leaflets}
"""

PLAN = """\
kind: InspectionPlan
schema: quytac/v1
id: p
title: Kế hoạch kiểm tra
legal_basis: {instrument: Kế hoạch 1/KH-UBND, issued_by: UBND TP, issued_on: 2023-03-23}
period: {start: 2023-07-01, end: 2023-09-30}
units: hn
standing_agency: so-vhtt
scope: {unit_kinds: [quan, huyen]}
direct: {team: Đoàn kiểm tra, outline: dc, units: ["019"]}
indirect: {outline: dc, due_before: 2023-07-30, recipient: so-vhtt}
model_point_types: [{id: tthc, label: Một cửa văn minh}]
"""


def report(unit="021", submitted_on="2023-07-20", id_=None, extra=""):
    """
    A complete report by a unit, dated as given.
    """
    return (
        textwrap.dedent(f"""\
        kind: Report
        schema: quytac/v1
        id: {id_ or "bc-" + unit}
        plan: p
        unit: "{unit}"
        number: 1/BC-UBND
        submitted_on: {submitted_on}
        outline: {{id: dc, version: 1}}
        sections:
          I: {{narrative: Tình hình chung}}
          II.1: {{indicators: {{van_ban: 8}}}}
          II.2: {{indicators: {{to_roi: 1000, bang: 20}}}}
        """)
        + extra
    )


PIN = re.compile(
    r"(?P<key>outline|checklist): \{id: (?P<id>[a-z0-9._-]+), version: (?P<version>\d+)\}"
)
KINDS = {"outline": quytac.ReportOutline, "checklist": quytac.Checklist}


def with_fingerprints(text: str, ws: quytac.Workspace) -> str:
    """
    The text with each pin ``{id, version}`` to a document of the workspace of that version
    given its fingerprint, as ``quytac pin`` does for the bundled data.
    """

    def pinned(match: re.Match[str]) -> str:
        document = ws.get(KINDS[match["key"]], match["id"])
        if document is None or document.version != int(match["version"]):
            return match[0]
        pin = quytac.Pin.of(document)
        return f"{match['key']}: {{id: {pin.id}, version: {pin.version}, fingerprint: {pin.fingerprint}}}"

    return PIN.sub(pinned, text)


def workspace(tmp_path: Path, *, fingerprints: bool = True, **files: str) -> quytac.Workspace:
    """
    The round's catalog, outline and plan, with the files given (name -> YAML), loaded; the
    pins of reports and records carry the fingerprints of the editions in the workspace (as in
    the bundled data) unless ``fingerprints`` is false.
    """
    texts = {"catalog": CATALOG, "outline": OUTLINE, "plan": PLAN, **files}
    for name, text in texts.items():
        if text:
            (tmp_path / f"{name}.yaml").write_text(text, encoding="utf-8")
    ws = quytac.Workspace.load(tmp_path)
    if not fingerprints:
        return ws
    for name, text in texts.items():
        if text and with_fingerprints(text, ws) != text:
            (tmp_path / f"{name}.yaml").write_text(with_fingerprints(text, ws), encoding="utf-8")
    return quytac.Workspace.load(tmp_path)


def rendered(ws: quytac.Workspace, tmp_path: Path, lang: str = "en") -> list[str]:
    """
    The workspace's issues as text, with file names relative to the folder.
    """
    return [issue.render(lang).replace(str(tmp_path) + "/", "") for issue in ws.validate()]


CHECKLIST = """\
kind: Checklist
schema: quytac/v1
id: kt
title: Phiếu kiểm tra
applies_to: {unit_kinds: [quan, huyen]}
scoring:
  model: points
  bands:
    - {id: tot, label: Tốt, min: 80}
    - {id: kha, label: Khá, min: 50}
    - {id: yeu, label: Yếu, min: 0}
sections:
  - id: I
    title: Lãnh đạo, chỉ đạo
    items:
      - {id: I.1, text: Có văn bản triển khai, answer: yes_no, points: 10}
      - {id: I.2, text: Số văn bản chỉ đạo, answer: {count: {full_at: 5}}, points: 10}
"""

SCORED_PLAN = PLAN.replace(
    "direct: {team: Đoàn kiểm tra, outline: dc,",
    "direct: {team: Đoàn kiểm tra, checklist: kt, outline: dc,",
).replace("recipient: so-vhtt}", "recipient: so-vhtt, self_assessment: kt}")


def record(unit="019", inspected_on="2023-08-10", id_=None, extra=""):
    """
    A record of the team's visit to a unit.
    """
    return (
        textwrap.dedent(f"""\
        kind: InspectionRecord
        schema: quytac/v1
        id: {id_ or "ktr-" + unit}
        plan: p
        unit: "{unit}"
        inspected_on: {inspected_on}
        """)
        + extra
    )
