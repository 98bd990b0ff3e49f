"""
The HTML report rendered by a real browser: headless Chromium (Debian package ``chromium``,
installed by .ci/run when missing) loads the page and dumps the DOM it built.
"""

import datetime as dt
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

import quytac
from quytac.render import html

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


def browser():
    found = next((path for name in BROWSERS if (path := shutil.which(name))), None)
    if found is None:
        pytest.skip("no Chromium on this machine (.ci/run installs it)")
    return found


class _Text(HTMLParser):
    """
    The text a reader sees, one string a block, and the elements found.
    """

    BLOCKS = frozenset({"p", "h1", "h2", "h3", "li", "tr", "title", "figure", "div"})

    def __init__(self):
        super().__init__()
        self.blocks = [""]
        self.tags = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "style":
            self.skip += 1
        if tag in self.BLOCKS:
            self.blocks.append("")
        elif tag in ("td", "th"):
            self.blocks[-1] += " | "

    def handle_endtag(self, tag):
        if tag == "style":
            self.skip -= 1
        if tag in self.BLOCKS:
            self.blocks.append("")

    def handle_data(self, data):
        if not self.skip:
            self.blocks[-1] += data

    def lines(self):
        return [" ".join(b.split()) for b in self.blocks if b.strip()]


def dump_dom(page: Path, profile: Path) -> str:
    done = subprocess.run(
        [browser(), *FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert 0 == done.returncode, done.stderr[-2000:]
    return done.stdout


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """
    The Q3/2023 synthesis of a copy of the example where Huyện Mỹ Đức is named like markup,
    as Chromium builds it.
    """
    root = tmp_path_factory.mktemp("browser")
    workspace = root / "ws"
    shutil.copytree(quytac.example_path(), workspace)
    units = workspace / "hanoi-2023-units.yaml"
    units.write_text(
        units.read_text(encoding="utf-8").replace(
            "name: Huyện Mỹ Đức", "name: \"<script>document.title='x'</script> & Mỹ Đức\""
        ),
        encoding="utf-8",
    )
    ws = quytac.Workspace.load(workspace)
    syn = quytac.synthesize(ws, "hn-kt-qtux-2023", as_of=dt.date(2023, 8, 31))
    page = root / "report.html"
    page.write_text(
        html.page([html.synthesis(syn, ws, "vi", number="215/BC-SVHTT")], "vi", title="Báo cáo"),
        encoding="utf-8",
    )
    parser = _Text()
    parser.feed(dump_dom(page, root / "profile"))
    return parser


class TestInChromium:
    def test_the_header_of_the_report(self, rendered):
        """
        The issuing body under its superior, the number, the motto, place and date, the title.
        """
        lines = rendered.lines()

        start = lines.index("UBND THÀNH PHỐ HÀ NỘI")
        assert [
            "UBND THÀNH PHỐ HÀ NỘI",
            "SỞ VĂN HÓA VÀ THỂ THAO",
            "Số: 215/BC-SVHTT",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Hà Nội, ngày 31 tháng 8 năm 2023",
            "BÁO CÁO",
            "Kết quả kiểm tra việc thực hiện Quy tắc ứng xử quý III/2023",
            "Tình hình tính đến ngày 31/08/2023.",
        ] == lines[start : start + 9]

    def test_a_name_like_markup_is_text(self, rendered):
        """
        The unit named ``<script>...`` is listed as text, and no script element exists.
        """
        lines = rendered.lines()

        assert "script" not in [tag for tag, _ in rendered.tags]
        assert "<script>document.title='x'</script> & Mỹ Đức (282)" in lines
        assert "Báo cáo" in lines

    def test_counts_late_and_missing(self, rendered):
        """
        Counts per status and band, and the units to chase.
        """
        lines = rendered.lines()

        assert "| đúng hạn | 35" in lines
        assert "| Tốt | 5" in lines
        late = lines.index("Báo cáo nộp muộn")
        assert ["Báo cáo nộp muộn", "Quận Bắc Từ Liêm (021)", "Chưa nộp báo cáo"] == lines[
            late : late + 3
        ]

    def test_the_chart_has_a_bar_a_ranked_unit(self, rendered):
        """
        The inline SVG chart: seven bars, the best unit first.
        """
        rects = [attrs for tag, attrs in rendered.tags if tag == "rect"]

        assert 7 == len(rects)
        assert [html.BAND_COLOURS[0]] * 5 + [html.BAND_COLOURS[1]] * 2 == [r["fill"] for r in rects]
        assert "Quận Nam Từ Liêm" in rendered.lines()

    def test_the_appendix_table(self, rendered):
        """
        STT | chỉ tiêu | đơn vị tính | số lượng | ghi chú, filled with the totals.
        """
        lines = rendered.lines()

        assert "| STT | Chỉ tiêu | Đơn vị tính | Số lượng | Ghi chú" in lines
        assert "| 3 | Tờ rơi, tờ gấp phát hành | tờ | 622.000 |" in lines
        totals = lines.index("Tổng hợp chỉ tiêu")
        assert "Tờ rơi, tờ gấp phát hành: 622.000 tờ" in lines[totals : totals + 12]

    def test_model_points_and_limitations(self, rendered):
        """
        The model points to replicate and the limitations, each with its unit.
        """
        lines = rendered.lines()

        assert (
            "Di tích lịch sử là điểm đến an toàn, hấp dẫn: Di tích trên địa bàn thị xã là điểm"
            " đến an toàn, hấp dẫn (minh họa) (Thị xã Sơn Tây)"
        ) in lines
        assert (
            "Một số phòng chưa niêm yết quy tắc ứng xử (minh họa) (Sở Lao động - Thương binh và Xã hội)"
            in lines
        )


@pytest.fixture(scope="module")
def scores_page(tmp_path_factory):
    """
    The report of the scores of the bundled records, as Chromium builds it.
    """
    root = tmp_path_factory.mktemp("scores")
    page = root / "diem.html"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "quytac",
            "score",
            "round-2023/records.yaml",
            "--workspace",
            ".",
            "--format",
            "html",
            "--output",
            str(page),
        ],
        cwd=quytac.example_path(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert (0, "") == (done.returncode, done.stderr)
    parser = _Text()
    parser.feed(dump_dom(page, root / "profile"))
    return parser


class TestScoresInChromium:
    def test_the_explanation_of_each_record(self, scores_page):
        """
        The table of scores, then each record with its bands and a row an item, in
        Vietnamese as written.
        """
        lines = scores_page.lines()

        assert "Kết quả chấm điểm và giải trình" == lines[1]
        start = lines.index("ktr-2023-so-ldtbxh: Sở Lao động - Thương binh và Xã hội")
        assert [
            "ktr-2023-so-ldtbxh: Sở Lao động - Thương binh và Xã hội",
            "Biên bản kiểm tra, round-2023/records.yaml:4; phiếu kiểm tra kt-co-quan-2023,"
            " phiên bản 1",
            "kt-co-quan-2023: 93,09 % (Tốt), 87,5/94 điểm, phạm vi 15/15",
            "| Xếp loại | Từ (%)",
            "| Tốt | 80",
            "| Khá | 70",
            "| Trung bình | 50",
            "| Yếu | 0",
            "I Công tác lãnh đạo, chỉ đạo: 25/25",
            "| Câu hỏi | Nội dung | Trả lời | Điểm | Lý do",
            "| I.1 | Có kế hoạch, văn bản triển khai thực hiện hai quy tắc ứng xử | đạt | 10/10"
            " | được tính",
        ] == lines[start : start + 11]
        assert (
            "| V.3 | Địa điểm công cộng do đơn vị quản lý có niêm yết quy tắc ứng xử nơi công cộng"
            " | không áp dụng | - | không áp dụng (na): không tính"
        ) in lines
        assert "script" not in [tag for tag, _ in scores_page.tags]
