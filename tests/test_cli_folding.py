"""
One mistake, one line: score and test fold what a finding caused under it, as validate does,
and list every finding with --all.
"""

import shutil
from pathlib import Path

import pytest

import quytac
from _pins import edited_example
from quytac import cli

DATA = Path(quytac.example_path())

DUPLICATE = """\
kind: Checklist
schema: quytac/v1
id: kt
title: Phiếu kiểm tra
sections:
- id: I
  title: Lãnh đạo
  items:
  - {id: I.1, text: Có kế hoạch, points: 2}
  - {id: I.1, text: Có báo cáo, points: 1}
examples:
- name: đủ cả
  answers: {I.1: pass}
  expect: {percent: 100, maximum: 2}
"""

ROOT = (
    "kt.yaml:10:10: lỗi QT410: sections[0].items[1].id: mã câu hỏi 'I.1' bị trùng (lần đầu ở"
    " sections[0].items[0])"
)
CAUSED = (
    "kt.yaml:14:35: lỗi QT460: examples[0].expect.maximum: ví dụ 'đủ cả': cần maximum là 2,"
    " nhận được 3 (do lỗi ở kt.yaml:10:10 gây ra)"
)


def call(capsys, *argv):
    status = cli.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def duplicate(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "kt.yaml").write_text(DUPLICATE, encoding="utf-8")


@pytest.mark.usefixtures("duplicate")
class TestTest:
    def test_a_duplicate_item_id_is_one_line(self, capsys):
        assert (
            1,
            f"{ROOT} (và 1 lỗi khác do lỗi này gây ra)\n"
            "kt: không hợp lệ (1 lỗi), 1 ví dụ, 1 không đạt\n"
            "1 phiếu kiểm tra (1 không hợp lệ), 1 ví dụ, 1 không đạt\n",
            "",
        ) == call(capsys, "test", "kt.yaml")

    def test_all_lists_what_it_caused(self, capsys):
        assert (
            1,
            f"{ROOT} (và 1 lỗi khác do lỗi này gây ra)\n{CAUSED}\n"
            "kt: không hợp lệ (1 lỗi), 1 ví dụ, 1 không đạt\n"
            "1 phiếu kiểm tra (1 không hợp lệ), 1 ví dụ, 1 không đạt\n",
            "",
        ) == call(capsys, "test", "kt.yaml", "--all")

    def test_validate_says_the_same(self, capsys):
        status, out, _ = call(capsys, "validate", "kt.yaml", "--all")

        assert (1, [f"{ROOT} (và 1 lỗi khác do lỗi này gây ra)", CAUSED]) == (
            status,
            out.splitlines()[:2],
        )


class TestScore:
    CHANGED = (
        "round-2023/records.yaml:11:59: lỗi QT331: checklist.fingerprint: phiếu kiểm tra"
        " 'kt-co-quan-2023' phiên bản 1 đã bị sửa sau khi lập tài liệu này (dấu vân tay khác)"
    )

    def test_one_edited_checklist_is_one_line(self, tmp_path, monkeypatch, capsys):
        """
        The bundled checklist edited in place: its 7 records and reports are one mistake.
        """
        monkeypatch.chdir(edited_example(tmp_path))

        status, out, _ = call(capsys, "score", "round-2023/records.yaml", "round-2023/reports.yaml")

        assert 1 == status
        assert [
            f"{self.CHANGED} (và 6 lỗi khác cùng nguyên nhân)",
            "đã đọc 39 hồ sơ: 0 đã chấm, 7 có lỗi, 32 không có câu trả lời",
            "1 lỗi, 0 cảnh báo (không liệt kê: còn 6 lỗi khác cùng nguyên nhân; thêm --all để xem"
            " tất cả)",
        ] == out.splitlines()[-3:]

    def test_all_lists_every_one(self, tmp_path, monkeypatch, capsys):
        monkeypatch.chdir(edited_example(tmp_path))

        status, out, _ = call(
            capsys, "score", "round-2023/records.yaml", "round-2023/reports.yaml", "--all"
        )

        assert 1 == status
        assert f"{self.CHANGED} (và 6 lỗi khác cùng nguyên nhân)" in out.splitlines()
        assert "7 lỗi, 0 cảnh báo" == out.splitlines()[-1]
        assert 7 == sum(" QT331: " in line for line in out.splitlines())


def test_synthesize_takes_all_too(tmp_path, capsys):
    """
    synthesize lists the problems of its workspace as validate does, --all accepted.
    """
    (tmp_path / "kt.yaml").write_text(DUPLICATE, encoding="utf-8")

    assert (
        2,
        "",
        f"quytac synthesize: không có kế hoạch 'p' trong {tmp_path} (các kế hoạch: -)\n",
    ) == call(capsys, "synthesize", "p", "--workspace", str(tmp_path), "--all")


def test_synthesize_folds_a_missing_checklist(tmp_path, capsys):
    """
    A plan that names a checklist the workspace lacks, twice: one line, the other folded.
    """
    shutil.copytree(DATA, tmp_path / "ws")
    (tmp_path / "ws" / "checklist-co-quan-2023.yaml").unlink()
    ws = str(tmp_path / "ws")

    folded = call(capsys, "synthesize", "hn-kt-qtux-2023", "--workspace", ws)
    every = call(capsys, "synthesize", "hn-kt-qtux-2023", "--workspace", ws, "--all")

    assert (1, 1) == (folded[0], every[0])
    assert [
        f"{ws}/round-2023/plan.yaml:25:14: lỗi QT310: direct.checklist: không có phiếu kiểm tra"
        " 'kt-co-quan-2023' trong bộ tài liệu (và 1 lỗi khác cùng nguyên nhân)",
        "1 lỗi, 0 cảnh báo (không liệt kê: còn 1 lỗi khác cùng nguyên nhân; thêm --all để xem"
        " tất cả)",
    ] == folded[1].splitlines()
    assert (3, "2 lỗi, 0 cảnh báo") == (len(every[1].splitlines()), every[1].splitlines()[-1])
