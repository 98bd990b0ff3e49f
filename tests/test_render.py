"""
The renderers of quytac.render: terminal widths, escaping, the catalog of UI words, progress.
"""

import datetime as dt
import io
import re
import string
import unicodedata
from fractions import Fraction

import attrs
import pytest

import quytac
from quytac.cli import Progress
from quytac.render import html, markdown, text
from quytac.render._ui import UI, ui
from quytac.render._visible import prose, visible
from quytac.render.json import exact


@pytest.fixture(scope="module")
def synthesis():
    workspace = quytac.example_workspace()
    return workspace, quytac.synthesize(workspace, "hn-kt-qtux-2023", as_of=dt.date(2023, 8, 31))


class TestCatalog:
    @pytest.mark.parametrize("key", sorted(UI))
    def test_every_entry_has_both_languages(self, key):
        """
        Each UI word has an English and a Vietnamese text, neither empty, and the Vietnamese
        names no placeholder the English does not give (English may add plurals).
        """
        en, vi = UI[key]

        names = {f for _, f, _, _ in string.Formatter().parse(en) if f}
        names_vi = {f for _, f, _, _ in string.Formatter().parse(vi) if f}
        assert en.strip()
        assert vi.strip()
        assert names_vi - {"title_lower", "month"} <= names | {"month"}
        assert unicodedata.is_normalized("NFC", vi)

    def test_plurals_in_english_only(self):
        """
        1 error, 2 errors; Vietnamese has no plural.
        """
        assert "1 error, 2 warnings" == ui("cli.summary", "en", errors=1, warnings=2)
        assert "1 lỗi, 2 cảnh báo" == ui("cli.summary", "vi", errors=1, warnings=2)


class TestWidths:
    def test_combining_marks_take_no_column(self):
        """
        "Đống Đa" typed with separate tone marks (NFD) is as wide as the composed text.
        """
        composed = "Quận Đống Đa"
        decomposed = unicodedata.normalize("NFD", composed)

        assert len(composed) != len(decomposed)
        assert 12 == text.display_width(composed) == text.display_width(decomposed)

    def test_wide_characters_take_two(self):
        """
        East Asian wide characters take two columns.
        """
        assert 4 == text.display_width("河内")

    def test_a_table_aligns_what_the_terminal_shows(self):
        """
        Columns line up whether the names are composed or not.
        """
        rows = [
            ["Đơn vị", "Điểm"],
            [unicodedata.normalize("NFD", "Quận Hà Đông"), "92.5"],
            ["Huyện Mỹ Đức", "100"],
        ]

        lines = text.table(rows, right=(1,))

        assert ["Đơn vị        Điểm", "Quận Hà Đông  92.5", "Huyện Mỹ Đức   100"] == [
            unicodedata.normalize("NFC", line) for line in lines
        ]


class TestVisible:
    @pytest.mark.parametrize(
        ("raw", "shown"),
        [
            ("a\nb", "a\\nb"),
            ("a\r\nb\tc", "a\\r\\nb\\tc"),
            ("\x1b]0;title\x07", "\\x1b]0;title\\x07"),
            ("\x00\x7f\x85\x9b", "\\x00\\x7f\\x85\\x9b"),
            ("abc\u202edcba", "abc\\u202edcba"),
            ("\u061c\u200e\u200f\u2066\u2069", "\\u061c\\u200e\\u200f\\u2066\\u2069"),
            ("one\u2028two\u2029", "one\\u2028two\\u2029"),
            ("name\udcff.yaml", "name\\udcff.yaml"),
        ],
    )
    def test_controls_are_shown_as_escapes(self, raw, shown):
        """
        C0 and C1 controls, DEL, bidi controls, line and paragraph separators and lone
        surrogates are written as Python writes them in a repr.
        """
        assert shown == visible(raw)

    def test_text_is_left_as_it_is(self):
        """
        Vietnamese (composed or not), spaces, no-break spaces and other scripts are not
        touched, and backslashes are not doubled.
        """
        text = "Quận Hà Đông\xa0" + unicodedata.normalize("NFD", "Mỹ Đức") + " 河内 C:\\n"

        assert text == visible(text)

    def test_prose_is_one_line(self):
        """
        A limitation written over lines reads as one paragraph; a control is still escaped.
        """
        assert "Một số phòng chưa niêm yết \\x1b[2J" == prose(
            "Một số phòng\n  chưa niêm yết\n\x1b[2J\n"
        )

    def test_a_cell_stays_on_its_row(self):
        """
        A unit named with a line break cannot split a row of a table.
        """
        lines = text.table([["Đơn vị", "Điểm"], ["Quận\nBa Đình", "90"], ["Huyện Mỹ Đức", "85"]])

        assert ["Đơn vị         Điểm", "Quận\\nBa Đình  90", "Huyện Mỹ Đức   85"] == lines

    def test_a_unit_name_with_controls_in_every_report(self, synthesis):
        """
        A unit named with a newline and an escape sequence (made in Python, where nothing
        refuses it): one row in the text table, one in each Markdown table, escapes in HTML.
        """
        workspace, _ = synthesis
        name = "Huyện Mỹ Đức\nrecords.yaml:1:1: error QT999: giả\x1b[31m"
        shown = "Huyện Mỹ Đức\\nrecords.yaml:1:1: error QT999: giả\\x1b[31m"
        documents = [
            attrs.evolve(
                doc,
                units=tuple(
                    attrs.evolve(u, name=quytac.Text(vi=name)) if u.code == "282" else u
                    for u in doc.units
                ),
            )
            if isinstance(doc, quytac.UnitCatalog)
            else doc
            for doc in workspace
        ]
        renamed = quytac.Workspace.of(*documents)
        syn = quytac.synthesize(renamed, "hn-kt-qtux-2023", as_of=dt.date(2023, 8, 31))

        terminal = text.synthesis(syn, "vi", workspace=renamed).splitlines()
        page = markdown.synthesis(syn, renamed, "vi").splitlines()
        article = html.synthesis(syn, renamed, "vi")

        assert [f"Chưa nộp báo cáo: {shown} (282)"] == [
            line for line in terminal if "Mỹ Đức" in line and not line.startswith("Huyện")
        ]
        assert 1 == sum(line.startswith(shown) for line in terminal)
        assert not any(line.startswith("records.yaml") for line in terminal + page)
        markdown_shown = shown.replace("\\", "\\\\").replace("[", "\\[")
        assert f"- {markdown_shown} (282)" in page
        assert 1 == sum(line.startswith(f"| {markdown_shown} | 282 |") for line in page)
        assert "\x1b" not in article
        assert f"<li>{shown} (282)</li>" in article


class TestStyle:
    def test_plain_unless_asked(self):
        """
        A style without colour returns the text as it is.
        """
        assert "Tốt" == text.Style(colour=False)("Tốt", "green")
        assert "\x1b[32mTốt\x1b[0m" == text.Style(colour=True)("Tốt", "green")

    def test_a_file_is_not_a_terminal(self):
        """
        No colour in a file or a pipe.
        """
        assert not text.Style.for_stream(io.StringIO()).colour

    @pytest.mark.parametrize(("value", "colour"), [(None, True), ("1", False), ("", True)])
    def test_no_color(self, monkeypatch, value, colour):
        """
        NO_COLOR set to anything but empty turns colour off on a terminal (no-color.org).
        """
        stream = io.StringIO()
        stream.isatty = lambda: True
        if value is None:
            monkeypatch.delenv("NO_COLOR", raising=False)
        else:
            monkeypatch.setenv("NO_COLOR", value)

        assert colour == text.Style.for_stream(stream).colour


class TestProgress:
    def make(self, times, tty=True):
        stream = io.StringIO()
        stream.isatty = lambda: tty
        clock = iter(times)
        return stream, Progress(stream, "en", delay=1.0, every=0.2, clock=lambda: next(clock))

    def test_nothing_in_the_first_moment(self):
        """
        Scoring that is over quickly shows nothing.
        """
        stream, progress = self.make([0.0, 0.1, 0.5])

        progress.tick(1)
        progress.tick(2)
        progress.done()

        assert "" == stream.getvalue()

    def test_a_count_after_a_moment_then_wiped(self):
        """
        After the delay the count is shown on one line, redrawn at most every 0.2 s, and
        wiped at the end.
        """
        stream, progress = self.make([0.0, 1.0, 1.1, 1.3])

        progress.tick(100)
        progress.tick(150)
        progress.tick(1000)
        progress.done()

        assert (
            "\r100 records scored\r1000 records scored" + "\r" + " " * 19 + "\r"
        ) == stream.getvalue()

    def test_never_when_stderr_is_not_a_terminal(self):
        """
        Logs and pipes get no progress.
        """
        stream, progress = self.make([0.0, 5.0], tty=False)

        progress.tick(100)
        progress.done()

        assert "" == stream.getvalue()


class TestExact:
    @pytest.mark.parametrize(
        ("value", "shown"),
        [("175/2", "87.5"), ("94", "94"), ("200/3", "200/3"), ("-1/20", "-0.05"), ("0", "0")],
    )
    def test_exact_numbers_as_text(self, value, shown):
        """
        A decimal when the number has one, the fraction otherwise; never a float.
        """
        assert shown == exact(Fraction(value))


class TestMarkdown:
    @pytest.mark.parametrize(
        ("raw", "escaped"),
        [
            ("<script>", "\\<script\\>"),
            ("a | b", "a \\| b"),
            ("*x* _y_ `z`", "\\*x\\* \\_y\\_ \\`z\\`"),
            ("# title", "\\# title"),
            ("- item", "\\- item"),
            ("1. first", "1\\. first"),
            ("2023.", "2023\\."),
            ("3) third", "3\\) third"),
            ("622.000 tờ", "622.000 tờ"),
            ("1.234,5", "1.234,5"),
            ("Độc lập - Tự do", "Độc lập - Tự do"),
            ("two\nlines", "two\\\\nlines"),
            ("a\x1b[2Jb\u202e", "a\\\\x1b\\[2Jb\\\\u202e"),
            ("many   spaces", "many spaces"),
        ],
    )
    def test_escape(self, raw, escaped):
        """
        Text shows as itself: markup characters are escaped, lines stay one (a line break and
        any other control character shows as its escape, ``\\n``, written ``\\\\n`` in
        Markdown).
        """
        assert escaped == markdown.escape(raw)

    def test_the_report_has_every_part(self, synthesis):
        """
        Header, statuses, bands, late and missing units, ranking, model points, limitations,
        appendix and units.
        """
        workspace, syn = synthesis

        page = markdown.synthesis(syn, workspace, "en")

        for heading in (
            "# REPORT",
            "## I. Reporting and inspection",
            "### Late reports",
            "### Missing reports",
            "### Ranking",
            "### Model points to replicate",
            "### Limitations",
            "## Appendix: indicators",
            "## Units",
        ):
            assert heading in page.splitlines()
        assert "| 1 | Quận Nam Từ Liêm | 100 | Good |" in page.splitlines()


class TestHtml:
    def test_every_text_is_escaped(self, synthesis):
        """
        The page holds no markup from the input.
        """
        workspace, syn = synthesis

        page = html.page([html.synthesis(syn, workspace, "vi", number="<b>1</b>")], title="<t>")

        assert "<b>1</b>" not in page
        assert "Số: &lt;b&gt;1&lt;/b&gt;" in page
        assert "<title>&lt;t&gt;</title>" in page

    def test_the_chart_colours_bars_by_band(self, synthesis):
        """
        One bar a ranked unit, filled with its band's colour (Tốt first, then Khá).
        """
        _, syn = synthesis

        svg = html.chart(syn, "vi")

        fills = re.findall(r'<rect [^>]*fill="(#[0-9a-f]{6})"', svg)
        assert [html.BAND_COLOURS[0]] * 5 + [html.BAND_COLOURS[1]] * 2 == fills
        assert svg.count("<rect ") == len(syn.ranking) == 7
