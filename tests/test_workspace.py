"""
Workspaces: every document under a folder, indexed by (kind, id), problems all at once.
"""

import inspect
import os
import sys
from pathlib import Path

import pytest

import quytac
from quytac import Text, UnitCatalog, Workspace
from quytac.workspace import walk

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


class TestWalk:
    """
    Nothing under a folder is skipped without a word: links are followed (once), what cannot
    be read is a problem at its path.
    """

    def test_a_linked_folder_is_read_once(self, tmp_path):
        """
        A link to a folder outside is read as part of the workspace; a second link to it and a
        link back to a parent are not walked again (a loop of links ends).
        """
        write(tmp_path, "elsewhere/b.yaml", CATALOG.format(id="b"))
        write(tmp_path, "ws/a.yaml", CATALOG.format(id="a"))
        (tmp_path / "ws" / "linked").symlink_to(tmp_path / "elsewhere")
        (tmp_path / "ws" / "again").symlink_to(tmp_path / "elsewhere")
        (tmp_path / "ws" / "sub").mkdir()
        (tmp_path / "ws" / "sub" / "up").symlink_to("..")
        (tmp_path / "ws" / "self").symlink_to(".")

        workspace = Workspace.load(tmp_path / "ws")

        assert [("a", "ws/a.yaml"), ("b", "ws/again/b.yaml")] == [
            (doc.id, Path(workspace.origin(doc).source).relative_to(tmp_path).as_posix())
            for doc in workspace
        ]

    def test_a_link_that_leads_nowhere_is_named(self, tmp_path):
        """
        A dangling link and a loop of links are warnings at their paths; the command line
        reports them and goes on, Workspace.load returns nothing partial.
        """
        write(tmp_path, "a.yaml", CATALOG.format(id="a"))
        (tmp_path / "gone.yaml").symlink_to(tmp_path / "moved" / "gone.yaml")
        (tmp_path / "loop.yaml").symlink_to("loop.yaml")
        (tmp_path / "round-2024").symlink_to("/nonexistent/round-2024")
        (tmp_path / "notes.txt").symlink_to("nothing.txt")

        files, unread = walk([tmp_path])

        assert [os.fspath(tmp_path / "a.yaml")] == files
        assert [
            f"{tmp_path}/gone.yaml: warning QT112: (root): a link to"
            f" '{tmp_path}/moved/gone.yaml', which leads to no file or folder: not read",
            f"{tmp_path}/loop.yaml: warning QT112: (root): a link to 'loop.yaml', which leads"
            " to no file or folder: not read",
            f"{tmp_path}/round-2024: warning QT112: (root): a link to"
            " '/nonexistent/round-2024', which leads to no file or folder: not read",
        ] == [str(problem) for problem in unread]
        with pytest.raises(quytac.LoadError) as info:
            Workspace.load(tmp_path)
        assert ["QT112"] * 3 == [p.code for p in info.value.problems]

    def test_a_loop_named_directly_is_a_problem(self, tmp_path):
        """
        A link to itself given as the path: QT014, not a RuntimeError from resolving it.
        """
        (tmp_path / "loop.yaml").symlink_to("loop.yaml")

        with pytest.raises(quytac.LoadError) as info:
            Workspace.load(tmp_path / "loop.yaml")

        assert [
            f"{tmp_path}/loop.yaml: error QT014: (root): cannot read: Too many levels of"
            " symbolic links"
        ] == [str(p) for p in info.value.problems]

    def test_a_pipe_in_a_folder_is_not_opened(self, tmp_path):
        """
        A FIFO named like a document is a warning, never opened (reading it would wait for a
        writer forever); one named otherwise is not a document and is left alone.
        """
        os.mkfifo(tmp_path / "x.yaml")
        os.mkfifo(tmp_path / "log.pipe")

        files, unread = walk([tmp_path])

        assert [] == files
        assert [
            f"{tmp_path}/x.yaml: warning QT113: (root): not a regular file (a pipe, a socket or"
            " a device): not read"
        ] == [str(problem) for problem in unread]

    def test_a_folder_that_cannot_be_listed_is_an_error(self, tmp_path, monkeypatch):
        """
        A subfolder the reader may not list is QT014 at the folder, so a workspace whose files
        went unread is never clean. (The tests run as root, whom chmod 000 does not stop: the
        listing is made to fail as it fails for another user.)
        """
        write(tmp_path, "a.yaml", CATALOG.format(id="a"))
        write(tmp_path, "locked/b.yaml", CATALOG.format(id="B"))
        scandir = os.scandir

        def denied(path):
            if Path(path) == tmp_path / "locked":
                raise PermissionError(13, "Permission denied", os.fspath(path))
            return scandir(path)

        monkeypatch.setattr(os, "scandir", denied)

        with pytest.raises(quytac.LoadError) as info:
            Workspace.load(tmp_path)

        assert [f"{tmp_path}/locked: error QT014: (root): cannot read: Permission denied"] == [
            str(p) for p in info.value.problems
        ]

    def test_files_come_in_the_order_of_their_paths(self, tmp_path):
        """
        Sorted as paths sort (a folder's files where the folder's name sorts), the same for
        a workspace and for the records ``quytac score`` reads.
        """
        for name in ("a.yaml", "a/b.yaml", "a-c.yaml", "B.yaml", "a/z/y.jsonl"):
            write(tmp_path, name, "")

        files, _ = walk([tmp_path], (".yaml", ".jsonl"))

        assert ["B.yaml", "a/b.yaml", "a/z/y.jsonl", "a-c.yaml", "a.yaml"] == [
            Path(f).relative_to(tmp_path).as_posix() for f in files
        ]
        assert sorted(map(Path, files)) == list(map(Path, files))

    def test_a_deep_tree_is_walked(self, tmp_path):
        """
        The walk does not recurse: a tree deeper than the frames Python has left is walked.
        """
        deep = tmp_path.joinpath(*["d"] * 100)
        deep.mkdir(parents=True)
        write(deep, "a.yaml", CATALOG.format(id="a"))
        limit = sys.getrecursionlimit()

        sys.setrecursionlimit(len(inspect.stack()) + 50)
        try:
            files, unread = walk([tmp_path])
        finally:
            sys.setrecursionlimit(limit)

        assert ([os.fspath(deep / "a.yaml")], []) == (files, unread)
