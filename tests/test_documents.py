"""
load, loads, load_all, iter_load and dumps: the document API.
"""

import datetime as dt
import os
import socket
import tempfile
import threading
import tracemalloc
from pathlib import Path

import pytest
import yaml

import quytac
from _cli import run
from quytac import Text, Unit, UnitCatalog, _documents, _sources, _yaml

ONE = "kind: UnitCatalog\nschema: quytac/v1\nid: {id}\ntitle: {title}\n"

#: What an unknown key of a unit catalog's envelope adds: the keys allowed there.
ALLOWED = " (allowed here: kind, schema, id, title, version, valid_from, …)"


def catalog_text(id_="hanoi", title="Hà Nội"):
    return ONE.format(id=id_, title=title)


class TestLoads:
    def test_loads_gives_the_typed_document(self):
        """
        A UnitCatalog document becomes a UnitCatalog.
        """
        catalog = quytac.loads(catalog_text())

        assert UnitCatalog(id="hanoi", title=Text(vi="Hà Nội")) == catalog

    def test_loads_wants_exactly_one_document(self):
        """
        Two documents where one is expected is a problem that names load_all.
        """
        text = catalog_text("a") + "---\n" + catalog_text("b")

        with pytest.raises(quytac.LoadError) as info:
            quytac.loads(text, source="two.yaml")

        assert [
            "two.yaml: error QT012: (root): expected one document, found 2; load them with load_all"
        ] == [p.render() for p in info.value.problems]

    def test_loads_all_reads_every_document(self):
        """
        A multi-document text gives every document in order.
        """
        text = catalog_text("a") + "---\n" + catalog_text("b")

        assert ["a", "b"] == [doc.id for doc in quytac.loads_all(text)]

    def test_problems_of_every_document_are_reported_together(self):
        """
        load_all reports the problems of all documents, not only the first bad one.
        """
        text = catalog_text("A") + "---\n" + catalog_text("b") + "version: 0\n"

        with pytest.raises(quytac.LoadError) as info:
            quytac.loads_all(text, source="m.yaml")

        assert [
            "m.yaml:3:5: error QT106: id: must be lower-case letters, digits, '.', '_' or '-'"
            " and start with a letter or digit, got 'A'",
            "m.yaml:10:10: error QT106: version: must be at least 1, got 0",
        ] == [p.render() for p in info.value.problems]

    def test_the_error_message_lists_every_problem(self):
        """
        str(LoadError) is a heading and one problem a line.
        """
        with pytest.raises(quytac.LoadError) as info:
            quytac.loads("kind: Nope\n", source="x.yaml")

        assert (
            "x.yaml: 2 problems\n"
            "  x.yaml:1:1: error QT103: schema: missing required key\n"
            "  x.yaml:1:7: error QT101: kind: unknown kind 'Nope' (expected one of:"
            " Checklist, ConductCode, InspectionPlan, InspectionRecord, Report, ReportOutline,"
            " UnitCatalog)"
        ) == str(info.value)

    def test_messages_in_vietnamese(self):
        """
        Every problem carries its Vietnamese message too.
        """
        with pytest.raises(quytac.LoadError) as info:
            quytac.loads(catalog_text() + "colour: red\n", source="x.yaml")

        assert (
            "x.yaml:5:1: lỗi QT104: colour: khóa không hợp lệ (các khóa dùng được ở đây: kind,"
            " schema, id, title, version, valid_from, …)"
        ) == info.value.render("vi")

    def test_a_load_error_is_a_value_error_and_a_quytac_error(self):
        """
        Callers can catch LoadError as QuytacError or ValueError.
        """
        with pytest.raises(quytac.QuytacError):
            quytac.loads("")
        with pytest.raises(ValueError):
            quytac.loads("")


class TestFiles:
    def test_load_reads_a_file(self, tmp_path):
        """
        load() reads a YAML file; problems name the file.
        """
        path = tmp_path / "units.yaml"
        path.write_text(catalog_text(), encoding="utf-8")

        assert "hanoi" == quytac.load(path).id

    def test_a_missing_file_is_a_problem(self, tmp_path):
        """
        A file that cannot be read is a LoadError, not an OSError.
        """
        path = tmp_path / "nope.yaml"

        with pytest.raises(quytac.LoadError) as info:
            quytac.load(path)

        assert [f"{path}: error QT014: (root): cannot read: No such file or directory"] == [
            p.render() for p in info.value.problems
        ]

    def test_json_files(self, tmp_path):
        """
        A .json file is read as JSON.
        """
        path = tmp_path / "units.json"
        path.write_text(
            '{"kind": "UnitCatalog", "schema": "quytac/v1", "id": "hanoi", "title": "Hà Nội"}',
            encoding="utf-8",
        )

        assert quytac.loads(catalog_text()) == quytac.load(path)

    def test_iter_load_streams_documents(self, tmp_path):
        """
        iter_load yields documents one at a time and stops at the first bad one.
        """
        path = tmp_path / "many.yaml"
        texts = [catalog_text(f"u{i}") for i in range(3)] + ["kind: UnitCatalog\n"]
        path.write_text("---\n".join(texts), encoding="utf-8")
        seen = []

        with pytest.raises(quytac.LoadError):
            seen.extend(doc.id for doc in quytac.iter_load(path))

        assert ["u0", "u1", "u2"] == seen


class TestDumps:
    def test_dumps_writes_yaml_that_loads_back_equal(self):
        """
        A document with every kind of value survives the round trip.
        """
        catalog = quytac.loads(
            catalog_text(title="{vi: Hà Nội, en: Hanoi}") + "version: 3\nvalid_from: 2020-01-01\n"
            "units:\n"
            "  - {code: '001', name: 'true', kind: quan, verified: false}\n"
            "  - {code: '1:30', name: 'null', kind: 'yes', parent: '001'}\n"
        )

        assert catalog == quytac.loads(quytac.dumps(catalog))

    def test_dumps_writes_the_envelope_first_and_leaves_defaults_out(self):
        """
        The written YAML reads like a person wrote it.
        """
        catalog = UnitCatalog(
            id="hanoi",
            title=Text(vi="Hà Nội"),
            units=(Unit(code="001", name=Text(vi="Ba Đình"), kind="quan"),),
        )

        assert (
            "kind: UnitCatalog\n"
            "schema: quytac/v1\n"
            "id: hanoi\n"
            "title: Hà Nội\n"
            "units:\n"
            "- code: '001'\n"
            "  name: Ba Đình\n"
            "  kind: quan\n"
        ) == quytac.dumps(catalog)

    def test_dumps_all_writes_a_stream(self):
        """
        Several documents are separated by ---.
        """
        docs = quytac.loads_all(catalog_text("a") + "---\n" + catalog_text("b"))

        assert docs == quytac.loads_all(quytac.dumps_all(docs))


class TestModelValidators:
    def test_constructing_an_invalid_object_in_python_raises_invalid_value(self):
        """
        The model checks its own fields when built in Python, in YAML words.
        """
        with pytest.raises(quytac.InvalidValue) as info:
            UnitCatalog(id="Hà Nội", title=Text(vi="x"))

        assert "id" == info.value.key
        assert info.value.message.startswith("must be lower-case letters")


class TestWritingForEveryReader:
    def test_strings_other_readers_would_type_are_quoted(self):
        """
        "001", "yes", "1:30", "0123", dates and decimals as text are quoted, so YAML 1.1 and 1.2
        readers (PyYAML, editors) read them as text too.
        """
        catalog = UnitCatalog(
            id="x",
            title=Text(vi="t"),
            units=(
                Unit(code="001", name=Text(vi="yes"), kind="on", parent="1:30", place_type="0123"),
                Unit(code="2020-01-01", name=Text(vi="1.10"), kind="0o17"),
            ),
        )

        text = quytac.dumps(catalog)

        assert [
            {"code": "001", "name": "yes", "kind": "on", "parent": "1:30", "place_type": "0123"},
            {"code": "2020-01-01", "name": "1.10", "kind": "0o17"},
        ] == yaml.safe_load(text)["units"]
        assert catalog == quytac.loads(text)

    def test_numbers_and_dates_are_written_plain(self):
        """
        Whole numbers, decimals and dates of the model are written as themselves.
        """
        catalog = quytac.loads(catalog_text() + "version: 3\nvalid_from: 2020-01-01\n")

        assert "version: 3\nvalid_from: 2020-01-01\n" in quytac.dumps(catalog)

    def test_one_value_in_two_places_is_written_twice(self):
        """
        No anchors and aliases in what quytac writes (it refuses them when reading).
        """
        day = dt.date(2024, 12, 31)
        catalog = UnitCatalog(
            id="x",
            title=Text(vi="t"),
            units=(
                Unit(code="1", name=Text(vi="a"), kind="k", valid_to=day),
                Unit(code="2", name=Text(vi="b"), kind="k", valid_to=day),
            ),
        )

        text = quytac.dumps(catalog)

        assert "&" not in text
        assert catalog == quytac.loads(text)


class TestWrongArguments:
    @pytest.mark.parametrize("value", [None, 12, ["kind: x"]])
    def test_loads_wants_text_or_bytes(self, value):
        """
        A value that is not text is a TypeError that says so.
        """
        with pytest.raises(TypeError, match="expected str or bytes, got "):
            quytac.loads(value)

    def test_loads_takes_a_bytearray(self):
        """
        bytearray and memoryview are bytes too.
        """
        assert "hanoi" == quytac.loads(bytearray(catalog_text().encode())).id

    @pytest.mark.parametrize("value", [None, Unit(code="1", name=Text(vi="n"), kind="quan")])
    def test_dumps_wants_a_document(self, value):
        """
        Only documents are written; a unit on its own is not a document.
        """
        with pytest.raises((TypeError, AttributeError)):
            quytac.dumps(value)


class TestEffort:
    def test_problems_in_many_documents_are_located_by_reading_each_document_again_once(
        self, monkeypatch
    ):
        """
        Locating problems re-reads only the documents that have them, not the file up to them:
        the work stays linear in the size of the file.
        """
        parsed = []
        original = _yaml._parser

        def counting(stream, *, pure):
            parsed.append(len(stream) if isinstance(stream, str) else 0)
            return original(stream, pure=pure)

        monkeypatch.setattr(_yaml, "_parser", counting)
        text = "---\n".join(catalog_text(f"u{i}") + "version: two\n" for i in range(50))

        with pytest.raises(quytac.LoadError) as info:
            quytac.loads_all(text)

        assert 50 == len(info.value.problems)
        assert sum(parsed) <= 2 * len(text)


def peak_of(function):
    """
    What a call returns, and the peak of Python's allocations while it ran, in bytes.
    """
    tracemalloc.start()
    try:
        result = function()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def read(path):
    """
    Every problem of a file, rendered, with the file named t.yaml / t.json / t.jsonl.
    """
    return [
        p.render().replace(str(path), path.name)
        for item in _documents.file_source(path)
        for p in item.problems
    ]


def finishes(function, seconds=5):
    """
    Whether a call returns within some seconds (it runs in a thread that may stay blocked).
    """
    done = threading.Event()

    def call():
        function()
        done.set()

    threading.Thread(target=call, daemon=True).start()
    return done.wait(seconds)


class TestMemoryIsBoundedByTheLimits:
    def test_a_json_file_larger_than_the_limit_is_refused_unread(self, tmp_path):
        """
        A 1.1 GB JSON file (sparse: it costs no disk) is over the limit by its size alone.
        """
        path = tmp_path / "t.json"
        with path.open("wb") as file:
            file.truncate(1_100_000_000)

        found, peak = peak_of(lambda: read(path))

        assert [
            "t.json:1:1: error QT007: (root): the document is larger than 16,777,216 characters;"
            " the rest of the file is not read"
        ] == found
        assert peak < 1_000_000

    def test_a_json_file_is_read_only_up_to_the_limit(self, tmp_path, monkeypatch):
        """
        Below the size that proves it too large, a JSON file is read a chunk at a time and
        refused as soon as its text passes the limit.
        """
        monkeypatch.setattr(_yaml, "MAX_DOCUMENT_CHARS", 1_000_000)
        path = tmp_path / "t.json"
        path.write_text('{"a": "' + "x" * 3_000_000 + '"}')  # under 4 bytes a character

        found, peak = peak_of(lambda: read(path))

        assert [
            "t.json:1:1: error QT007: (root): the document is larger than 1,000,000 characters;"
            " the rest of the file is not read"
        ] == found
        assert peak < 2_500_000  # the text up to the limit, not the 3 MB of the file

    def test_a_json_lines_line_is_read_only_up_to_the_limit(self, tmp_path, monkeypatch):
        """
        A line longer than the limit is refused at its line, without holding the whole line.
        """
        monkeypatch.setattr(_yaml, "MAX_DOCUMENT_CHARS", 1000)
        path = tmp_path / "t.jsonl"
        path.write_text('{"a": 1}\n{"a": "' + "x" * 3_000_000 + '"}\n{"a": 2}\n')

        found, peak = peak_of(lambda: read(path))

        assert [
            "t.jsonl:1:1: error QT103: kind: missing required key",
            "t.jsonl:1:1: error QT103: schema: missing required key",
            "t.jsonl:2:1: error QT007: (root): the document is larger than 1,000 characters;"
            " the rest of the file is not read",
        ] == found
        assert peak < 1_000_000

    def test_one_huge_yaml_value_stops_the_reading_at_the_limit(self, tmp_path, monkeypatch):
        """
        A single value of megabytes is one token: the text stops coming once the document is
        past the limit, so the token is never built.
        """
        monkeypatch.setattr(_yaml, "MAX_DOCUMENT_CHARS", 1000)
        path = tmp_path / "t.yaml"
        path.write_text("a: " + "x" * 5_000_000 + "\n")

        found, peak = peak_of(lambda: read(path))

        assert [
            "t.yaml:1:2: error QT007: a: the document is larger than 1,000 characters;"
            " the rest of the file is not read"
        ] == found
        assert peak < 1_000_000

    def test_a_late_control_character_is_placed_without_a_list_of_lines(self, tmp_path):
        """
        A NUL after two million blank lines is placed by counting, not by keeping every line.
        """
        path = tmp_path / "t.yaml"
        path.write_text("\n" * 2_000_000 + "a: \x00\n")

        found, peak = peak_of(lambda: read(path)[:1])

        assert [
            "t.yaml:2000001:4: error QT017: (root): the character U+0000 (NUL, a control"
            " character) is not allowed in a text; delete it"
        ] == found
        assert peak < 1_000_000

    def test_a_problem_is_placed_without_keeping_the_file(self, tmp_path):
        """
        A stream of megabytes with a bad byte and a bad key in its first document: both are
        placed, and neither the bytes nor the text of the whole file are kept for it.
        """
        path = tmp_path / "t.yaml"
        first = catalog_text().encode() + b"note: \xff\nbogus: 1\n"
        rest = "".join("---\n" + catalog_text(f"u{i}") for i in range(40_000))
        path.write_bytes(first + rest.encode())

        def first_problems():
            items = _documents.file_source(path)
            problems = next(items).problems
            items.close()
            return [
                p.render().replace(str(path), "t.yaml")
                for p in sorted(problems, key=lambda p: (p.line, p.column))
            ]

        found, peak = peak_of(first_problems)

        assert [
            "t.yaml:5:1: error QT104: note: unknown key" + ALLOWED,
            "t.yaml:5:7: error QT002: (root): the text is not valid UTF-8: byte 0xFF;"
            " save the file as UTF-8",
            "t.yaml:6:1: error QT104: bogus: unknown key" + ALLOWED,
        ] == found
        assert path.stat().st_size > 2_500_000
        assert peak < 1_000_000

    def test_a_late_document_is_placed_by_reading_only_its_part(self, tmp_path):
        """
        Finding a place in the last document of a large stream reads a bounded piece of the
        file again, not the whole text.
        """
        path = tmp_path / "t.yaml"
        title = "Hà Nội " * 150
        path.write_text("---\n".join(catalog_text(f"u{i}", title) for i in range(4000)))
        *_, last = _documents.file_source(path)

        marks, peak = peak_of(lambda: last.origin.marks([("title",)]))

        assert (19_999, 8) == marks.at_value(("title",))
        assert path.stat().st_size > 4_000_000
        assert peak < 1_000_000


class TestOnlyRegularFilesAreRead:
    def test_a_fifo_is_refused_without_blocking(self, tmp_path):
        """
        `mkfifo x.yaml` then loading it: a problem at once, not a read that waits forever.
        """
        path = tmp_path / "x.yaml"
        os.mkfifo(path)
        found = []

        assert finishes(lambda: found.extend(read(path)))
        assert [
            "x.yaml: error QT014: (root): cannot read: a FIFO (named pipe), not a regular file"
        ] == found

    def test_a_fifo_swapped_in_after_the_check_does_not_block(self, tmp_path, monkeypatch):
        """
        The file is opened without blocking and checked again once open, so a race between
        the check and the open cannot hang.
        """
        path = tmp_path / "x.yaml"
        os.mkfifo(path)
        (tmp_path / "r.yaml").write_text(catalog_text())
        regular = (tmp_path / "r.yaml").stat()
        real_stat = os.stat
        monkeypatch.setattr(
            _sources.os, "stat", lambda p, **kw: regular if p == path else real_stat(p, **kw)
        )
        found = []

        assert finishes(lambda: found.extend(read(path)))
        assert [
            "x.yaml: error QT014: (root): cannot read: a FIFO (named pipe), not a regular file"
        ] == found

    def test_a_socket_is_refused(self):
        """
        A Unix socket named like a document is not read.
        """
        with tempfile.TemporaryDirectory(dir="/tmp") as folder:
            path = Path(folder) / "s.yaml"
            with socket.socket(socket.AF_UNIX) as server:
                server.bind(str(path))

                assert [
                    "s.yaml: error QT014: (root): cannot read: a socket, not a regular file"
                ] == read(path)

    @pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
    def test_a_device_behind_a_link_is_refused(self, tmp_path, device):
        """
        /dev/zero linked as x.yaml is a character device: refused at once, never read.
        """
        path = tmp_path / "x.yaml"
        path.symlink_to(device)

        assert [
            "x.yaml: error QT014: (root): cannot read: a character device, not a regular file"
        ] == read(path)

    def test_a_folder_is_named_in_vietnamese(self, tmp_path):
        """
        A folder given as a file says so, in the language of the run.
        """
        path = tmp_path / "d.yaml"
        path.mkdir()

        with pytest.raises(quytac.LoadError) as info:
            quytac.load(path)

        assert [
            f"{path}: lỗi QT014: (cả tài liệu): không đọc được: đây là thư mục, không phải tệp"
        ] == [p.render("vi") for p in info.value.problems]

    def test_the_command_line_refuses_a_fifo(self, tmp_path):
        """
        `quytac validate x.yaml` on a FIFO prints the problem and exits 1.
        """
        os.mkfifo(tmp_path / "x.yaml")

        done = run("validate", "x.yaml", "--lang", "en", cwd=tmp_path)

        assert (
            1,
            [
                "x.yaml: error QT014: (root): cannot read: a FIFO (named pipe), not a regular file",
                "1 error, 0 warnings",
            ],
        ) == (done.returncode, done.stdout.splitlines())


class TestTheCommandLineReadsJsonLinesAsTheApi:
    def test_a_line_over_the_limit_is_refused_at_its_line(self, tmp_path, monkeypatch, capsys):
        """
        `quytac score` reads a .jsonl file with the reader of the API: the records before a
        line over the limit are scored, the line is QT007 at its place, and it is not held.
        """
        import json  # noqa: PLC0415

        from quytac import cli  # noqa: PLC0415

        data = Path(quytac.example_path())
        record = quytac.load_all(data / "round-2023" / "records.yaml")[0]
        [plain] = [
            raw.data for raw in _yaml.read_yaml(_sources.in_memory(quytac.dumps(record)), "")
        ]
        path = tmp_path / "t.jsonl"
        path.write_text(json.dumps(plain) + "\n" + '{"a": "' + "x" * 17_000_000 + '"}\n')
        monkeypatch.chdir(tmp_path)

        status = cli.main(["score", "t.jsonl", "--workspace", str(data), "--lang", "en"])

        out = capsys.readouterr().out.splitlines()
        assert 1 == status
        assert (
            "t.jsonl:2:1: error QT007: (root): the document is larger than 16,777,216"
            " characters; the rest of the file is not read"
        ) in out
        assert "93.09" in "\n".join(out)

    def test_a_long_line_is_never_held_whole(self, tmp_path):
        """
        The records of a .jsonl file reach `quytac score` through the bounded reader: a line
        of 17 MB is read up to the limit, not whole (the command's own loop held it twice).
        """
        from quytac import cli  # noqa: PLC0415

        path = tmp_path / "t.jsonl"
        path.write_text('{"a": "' + "x" * 17_000_000 + '"}\n')

        found, peak = peak_of(
            lambda: [p.code for item, _ in cli._loaded(str(path)) for p in item.problems]
        )

        assert ["QT007"] == found
        assert peak < 25_000_000


class TestDocumentsAreReadAgainWhereTheyAre:
    def test_every_document_of_a_large_file_is_placed_right(self, tmp_path):
        """
        Each document is read again from the byte where it starts (noted on the first pass):
        across chunks, after multi-byte letters, a byte order mark and bytes that are not
        UTF-8, every problem is on its own line.
        """
        path = tmp_path / "t.yaml"
        parts, expected, line = [], [], 1
        for i in range(800):
            comment = b"# ghi ch\xfa\n" if i % 7 == 0 else "# ghi chú\n".encode()
            body = catalog_text(f"u{i}", "Hà Nội " * 20).encode() + b"bogus: 1\n"
            parts.append(b"---\n" + comment + body)
            expected.append(f"t.yaml:{line + 6}:1: error QT104: bogus: unknown key" + ALLOWED)
            if i % 7 == 0:
                expected.append(
                    f"t.yaml:{line + 1}:9: error QT002: (root): the text is not valid UTF-8:"
                    " byte 0xFA; save the file as UTF-8"
                )
            line += 7
        path.write_bytes(b"\xef\xbb\xbf" + b"".join(parts))

        found = read(path)

        assert path.stat().st_size > 3 * _sources.CHUNK
        assert sorted(expected) == sorted(found)

    def test_a_piece_read_from_a_checkpoint_is_the_piece_read_where_it_starts(self, tmp_path):
        """
        Without the byte of a document, its text is found from the nearest checkpoint: the
        same text, flaws replaced alike.
        """
        path = tmp_path / "t.yaml"
        path.write_bytes(
            b"\xef\xbb\xbf"
            + b"---\n".join(
                catalog_text(f"u{i}", "Hà Nội " * 40).encode() + b"note: \xff\x00\n"
                for i in range(2000)
            )
        )
        origins = [item.origin for item in _documents.file_source(path)]
        text = origins[0].text

        assert 2000 == len(origins)
        assert [text(o.span.start, o.span.end, o.span.at) for o in origins[::97]] == [
            text(o.span.start, o.span.end, None) for o in origins[::97]
        ]
        assert all(o.span.at is not None for o in origins)
