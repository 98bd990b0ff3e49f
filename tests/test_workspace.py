"""
Workspaces: every document under a folder, indexed by (kind, id), problems all at once.
"""

import pytest

import quytac
from quytac import Text, UnitCatalog, Workspace

CATALOG = "kind: UnitCatalog\nschema: quytac/v1\nid: {id}\ntitle: T\n"


def write(folder, name, text):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


class TestLoad:
    def test_every_yaml_and_json_file_under_a_folder_is_read(self, tmp_path):
        """
        .yaml, .yml and .json files in the folder and below it; other files are ignored.
        """
        write(tmp_path, "a.yaml", CATALOG.format(id="a"))
        write(tmp_path, "sub/b.yml", CATALOG.format(id="b"))
        write(
            tmp_path,
            "sub/deeper/c.json",
            '{"kind": "UnitCatalog", "schema": "quytac/v1", "id": "c", "title": "T"}',
        )
        write(tmp_path, "notes.txt", "not a document")

        workspace = Workspace.load(tmp_path)

        assert ["a", "b", "c"] == [doc.id for doc in workspace]
        assert workspace.get(UnitCatalog, "b") is workspace.documents[1]
        assert workspace.get(UnitCatalog, "zzz") is None
        assert 3 == len(workspace.all(UnitCatalog))

    def test_problems_of_all_files_are_reported_at_once(self, tmp_path):
        """
        One LoadError carries the problems of every broken file.
        """
        write(tmp_path, "a.yaml", CATALOG.format(id="A"))
        write(tmp_path, "b.yaml", CATALOG.format(id="b") + "colour: red\n")

        with pytest.raises(quytac.LoadError) as info:
            Workspace.load(tmp_path)

        assert [
            (tmp_path / "a.yaml", 3, "QT106"),
            (tmp_path / "b.yaml", 5, "QT104"),
        ] == [(tmp_path / p.source.rsplit("/", 1)[1], p.line, p.code) for p in info.value.problems]

    def test_a_duplicate_id_names_both_places(self, tmp_path):
        """
        Two documents of one kind with one id: the second is a problem naming the first.
        """
        first = write(tmp_path, "a.yaml", CATALOG.format(id="hanoi"))
        second = write(tmp_path, "b.yaml", "# again\n" + CATALOG.format(id="hanoi"))

        with pytest.raises(quytac.LoadError) as info:
            Workspace.load(tmp_path)

        assert [
            f"{second}:4:5: error QT109: id: duplicate UnitCatalog id 'hanoi' (first in {first}:3)"
        ] == [p.render() for p in info.value.problems]

    def test_of_builds_a_workspace_from_objects(self):
        """
        Documents made in Python make a workspace too; duplicates are refused.
        """
        catalog = UnitCatalog(id="a", title=Text(vi="A"))

        assert (catalog,) == Workspace.of(catalog).documents
        with pytest.raises(quytac.LoadError):
            Workspace.of(catalog, catalog)


class TestValidate:
    def test_issues_are_placed_at_their_file_line_and_column(self, tmp_path):
        """
        A rule broken in a document is reported where the value is written.
        """
        path = write(
            tmp_path,
            "units.yaml",
            CATALOG.format(id="hn")
            + "units:\n"
            + "  - {code: '01', name: Hà Nội, kind: thanh_pho_tw}\n"
            + "  - {code: '019', name: Nam Từ Liêm, kind: quan, parent: '09'}\n",
        )

        issues = Workspace.load(tmp_path).validate()

        assert [
            f"{path}:7:58: error QT201: units[1].parent: parent '09' is not a unit of this catalog"
        ] == [str(i) for i in issues]

    def test_issues_of_documents_made_in_python_name_the_document(self):
        """
        Without a file, an issue names the document's kind and id.
        """
        catalog = quytac.loads(
            CATALOG.format(id="hn")
            + "units:\n  - {code: '019', name: x, kind: quan, parent: '09'}\n"
        )

        issues = Workspace.of(catalog).validate()

        assert [
            "<UnitCatalog hn>: error QT201: units[0].parent: parent '09' is not a unit of this catalog"
        ] == [str(i) for i in issues]
        assert isinstance(issues[0], quytac.Issue)
        assert "đơn vị cấp trên '09' không có trong danh mục" == issues[0].message_vi


class TestWhichFiles:
    def test_hidden_folders_and_json_schemas_are_not_documents(self, tmp_path):
        """
        .git, .venv and other dot-folders, and *.schema.json files, are left out of a workspace.
        """
        write(tmp_path, "a.yaml", CATALOG.format(id="a"))
        write(tmp_path, ".venv/lib/direct_url.json", '{"url": "file:///x"}')
        write(tmp_path, ".hidden.yaml", "not: a document\n")
        write(tmp_path, "schemas/unitcatalog.schema.json", '{"type": "object"}')

        assert ["a"] == [doc.id for doc in Workspace.load(tmp_path)]

    def test_a_file_named_twice_is_read_once(self, tmp_path):
        """
        Naming a file and its folder does not make its documents duplicates of themselves.
        """
        path = write(tmp_path, "a.yaml", CATALOG.format(id="a"))

        assert ["a"] == [doc.id for doc in Workspace.load(tmp_path, path, path)]
