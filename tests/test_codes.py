"""
Codes of conduct: articles and their time in force, article references, and the rules of a
code (QT212, QT220-QT226, QT230-QT233).
"""

import datetime as dt

import attrs
import pytest

import quytac
from quytac import Article, ConductCode, Issue, resolve_ref
from quytac.codes import parse_ref
from quytac.validation import issues_of

HEAD = (
    "kind: ConductCode\nschema: quytac/v1\nid: c\ntitle: Quy tắc\n"
    "legal_basis: {instrument: Quyết định 1/QĐ-UBND, issued_by: UBND, issued_on: 2017-01-01}\n"
    "effective_from: 2017-01-01\n"
)


def code(body: str, head: str = HEAD) -> ConductCode:
    document = quytac.loads(head + body)
    assert isinstance(document, ConductCode)
    return document


def chapter(title: str, rule: str) -> str:
    """
    YAML for chapter I with article 1 and one rule (a flow mapping).
    """
    return (
        f"  - number: I\n    title: {title}\n    articles:\n"
        f"      - number: 1\n        title: {title}\n        rules:\n          - {rule}\n"
    )


def rendered(*documents) -> list[str]:
    return [str(issue) for issue in quytac.Workspace.of(*documents).validate()]


#: A code with an article that came into force later, and one that ended.
DATED = code(
    "effective_to: 2030-12-31\n"
    "chapters:\n"
    "  - number: I\n"
    "    title: Chung\n"
    "    articles:\n"
    "      - {number: 1, title: Mục đích}\n"
    "      - {number: 2, title: Bổ sung, effective_from: 2020-01-01}\n"
    "      - {number: 3, title: Bãi bỏ, effective_to: 2019-12-31}\n"
)


class TestArticles:
    def test_article_by_number(self):
        """
        article(n) finds an article across chapters; None when there is none.
        """
        assert "Bổ sung" == str(DATED.article(2).title)
        assert DATED.article(9) is None
        assert [1, 2, 3] == [a.number for a in DATED.articles]

    def test_in_force(self):
        """
        An article is in force with the code unless it gives its own dates.
        """
        on = dt.date(2019, 6, 1)

        assert DATED.in_force(on)
        assert DATED.in_force(on, DATED.article(1))
        assert not DATED.in_force(on, DATED.article(2))
        assert DATED.in_force(on, DATED.article(3))
        assert not DATED.in_force(dt.date(2020, 1, 1), DATED.article(3))
        assert not DATED.in_force(dt.date(2031, 1, 1))
        assert not DATED.in_force(dt.date(2016, 12, 31))

    def test_parse_ref(self):
        """
        "code-id:3" is a reference; anything else is not.
        """
        assert ("qtux-noi-cong-cong", 3) == parse_ref("qtux-noi-cong-cong:3")
        assert parse_ref("qtux-noi-cong-cong") is None
        assert parse_ref(":3") is None
        assert parse_ref("c:3a") is None

    def test_an_article_number_is_ascii_digits(self):
        """
        "c:²" or "c:٣" (digits to Python's str.isdigit) are not references: they raised int()'s
        ValueError from validate.
        """
        assert (None, None, None) == (parse_ref("c:²"), parse_ref("c:٣"), parse_ref("c:３"))


class TestResolveRef:
    workspace = quytac.Workspace.of(DATED)

    def test_an_article(self):
        """
        A reference to an article in force resolves to the article.
        """
        found = resolve_ref("c:2", self.workspace, on=dt.date(2023, 8, 1))

        assert isinstance(found, Article)
        assert 2 == found.number

    @pytest.mark.parametrize(
        ("ref", "on", "expected"),
        [
            (
                "c-3",
                None,
                (
                    "<string>: error QT230: items[0].refs[1]: 'c-3' is not an article reference"
                    " CODE_ID:ARTICLE, such as qtux-noi-cong-cong:3"
                ),
            ),
            (
                "nope:3",
                None,
                "<string>: error QT231: items[0].refs[1]: unknown code of conduct 'nope'",
            ),
            (
                "c:12",
                None,
                "<string>: error QT232: items[0].refs[1]: code of conduct 'c' has no article 12",
            ),
            (
                "c:3",
                dt.date(2023, 8, 1),
                (
                    "<string>: error QT233: items[0].refs[1]: article 3 of 'c' is not in force on"
                    " 2023-08-01 (in force from 2017-01-01 to 2019-12-31)"
                ),
            ),
            (
                "c:2",
                dt.date(2019, 1, 1),
                (
                    "<string>: error QT233: items[0].refs[1]: article 2 of 'c' is not in force on"
                    " 2019-01-01 (in force from 2020-01-01 to 2030-12-31)"
                ),
            ),
        ],
    )
    def test_an_issue(self, ref, on, expected):
        """
        A reference that names no article, or one not in force on the day, gives an issue
        placed at the path of the citing document.
        """
        found = resolve_ref(ref, self.workspace, on=on, path=("items", 0, "refs", 1))

        assert isinstance(found, Issue)
        assert expected == str(found)

    def test_an_issue_in_vietnamese(self):
        """
        The issue carries its Vietnamese message too.
        """
        found = resolve_ref("c:3", self.workspace, on=dt.date(2023, 8, 1))

        assert (
            "điều 3 của 'c' không có hiệu lực vào ngày 2023-08-01 (có hiệu lực từ 2017-01-01"
            " đến 2019-12-31)"
        ) == found.text("vi")


class TestCodeIssues:
    def test_a_well_formed_code(self):
        """
        A code with dated articles inside its own period has no issue.
        """
        assert [] == rendered(DATED)

    def test_duplicate_numbers_and_ids(self):
        """
        QT222 a chapter number, QT220 an article number, QT221 a rule id used twice.
        """
        broken = code(
            "chapters:\n"
            + chapter("A", "{id: r1, text: Làm, type: must}")
            + chapter("B", "{id: r1, text: Không làm, type: must_not}")
        )

        assert [
            (
                "<ConductCode c>: error QT220: chapters[1].articles[0].number: article number 1 is"
                " already used by chapters[0].articles[0]"
            ),
            (
                "<ConductCode c>: error QT221: chapters[1].articles[0].rules[0].id: rule id 'r1' is"
                " already used by chapters[0].articles[0].rules[0]"
            ),
            (
                "<ConductCode c>: error QT222: chapters[1].number: chapter number I is already"
                " used by chapters[0]"
            ),
        ] == sorted(rendered(broken))

    def test_unknown_unit_kinds_and_place_types(self):
        """
        QT223 and QT224 (warnings): a unit kind or a place type that neither the built-in
        vocabulary nor a catalog of the workspace knows.
        """
        broken = code(
            "applies_to: {unit_kinds: [so, hop_tac_xa]}\n"
            "chapters:\n"
            + chapter("A", "{id: r1, text: Xếp hàng, type: should, place_type: san_bay}")
        )
        catalog = quytac.loads(
            "kind: UnitCatalog\nschema: quytac/v1\nid: k\ntitle: K\n"
            "unit_kinds: [{id: hop_tac_xa, label: Hợp tác xã, level: agency}]\n"
            "place_types: [{id: san_bay, label: Sân bay}]\n"
        )

        assert [
            (
                "<ConductCode c>: warning QT223: applies_to.unit_kinds[1]: unknown unit kind"
                " 'hop_tac_xa': neither built in nor declared by a catalog of the workspace"
            ),
            (
                "<ConductCode c>: warning QT224: chapters[0].articles[0].rules[0].place_type:"
                " unknown place type 'san_bay': neither built in nor declared by a catalog of"
                " the workspace"
            ),
        ] == rendered(broken)
        assert [] == rendered(broken, catalog)

    def test_a_place_type_written_as_a_unit_kind(self):
        """
        QT227: the public-places code may name place types, under ``place_types``; one written
        under ``unit_kinds`` is an error saying where it goes.
        """
        broken = code("applies_to: {unit_kinds: [so, cho]}\n")
        fixed = code("applies_to: {unit_kinds: [so], place_types: [cho]}\n")

        assert [
            "<ConductCode c>: error QT227: applies_to.unit_kinds[1]: 'cho' is a place type, not"
            " a unit kind: write place_types: [cho]",
        ] == rendered(broken)
        assert [] == rendered(fixed)

    def test_dates(self):
        """
        QT212 dates out of order, QT225 article dates outside the code's, QT226 a code in
        force before it was issued.
        """
        broken = code(
            "effective_to: 2016-12-31\n"
            "chapters:\n"
            "  - number: I\n"
            "    title: A\n"
            "    articles:\n"
            "      - {number: 1, title: X, effective_from: 2016-01-01}\n",
            head=HEAD.replace("issued_on: 2017-01-01", "issued_on: 2017-02-01"),
        )

        assert [
            (
                "<ConductCode c>: error QT212: effective_from: effective_from 2017-01-01 is after"
                " effective_to 2016-12-31"
            ),
            (
                "<ConductCode c>: error QT225: chapters[0].articles[0].effective_from: the"
                " article's effective_from 2016-01-01 is outside the code's time in force"
                " (from 2017-01-01 to 2016-12-31)"
            ),
            (
                "<ConductCode c>: warning QT226: effective_from: the code takes effect on"
                " 2017-01-01, before it was issued (2017-02-01)"
            ),
        ] == sorted(rendered(broken))

    def test_an_article_dated_out_of_order(self):
        """
        QT212 for an article whose own dates are out of order.
        """
        broken = attrs.evolve(
            DATED,
            chapters=(
                attrs.evolve(
                    DATED.chapters[0],
                    articles=(
                        attrs.evolve(
                            DATED.article(1),
                            effective_from=dt.date(2021, 1, 1),
                            effective_to=dt.date(2020, 1, 1),
                        ),
                    ),
                ),
            ),
        )

        assert [
            (
                "<ConductCode c>: error QT212: chapters[0].articles[0].effective_from:"
                " effective_from 2021-01-01 is after effective_to 2020-01-01"
            )
        ] == rendered(broken)


class TestDatesReportedOnce:
    def test_a_code_whose_dates_are_reversed_is_reported_once(self):
        """
        The code's reversed dates are one issue at the code, not one more for every article.
        """
        code = quytac.loads(
            "kind: ConductCode\nschema: quytac/v1\nid: c\ntitle: C\n"
            "legal_basis: {instrument: QĐ 1, issued_by: UBND, issued_on: 2017-01-01}\n"
            "effective_from: 2018-01-01\neffective_to: 2017-06-01\n"
            "chapters:\n  - number: I\n    title: Chung\n    articles:\n"
            "      - {number: 1, title: Một}\n      - {number: 2, title: Hai}\n"
        )

        assert ["QT212"] == [i.code for i in issues_of(code) if i.code == "QT212"]
