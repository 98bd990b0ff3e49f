"""
The command over broken copies of the bundled example: bytes flipped, lines deleted or
doubled, keys renamed, values changed. Whatever the damage, every command ends with 0, 1 or
2, never a traceback, and every error it finds has a line.

A few examples by default; ``HYPOTHESIS_PROFILE=ci`` runs many more.
"""

import contextlib
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import quytac
from quytac import cli

DATA = Path(quytac.example_path())
FILES = sorted(path.relative_to(DATA).as_posix() for path in DATA.rglob("*.yaml"))
EXAMPLES = {"ci": 150, "fast": 2}.get(settings.get_current_profile_name(), 3)

#: A key at the start of a line (after its indent and any "- ").
KEY = re.compile(rb"^([ \t]*(?:- )?)([A-Za-z_][\w.-]*)(:)", re.MULTILINE)
#: A value after "key: " up to the end of its line.
VALUE = re.compile(rb"(: )([^\n]+)$", re.MULTILINE)
#: Values officials write, and values that test a reader.
SCALARS = [
    "",
    "~",
    "null",
    "yes",
    "no",
    "-1",
    "0",
    "1.5",
    "1e999",
    "0x1F",
    "99999999999999999999999999999999999",
    "2023-02-30",
    "2023-08-31",
    "Hà Nội",
    "không áp dụng",
    "na",
    "pass",
    '"',
    "'",
    "{",
    "[",
    "{a: 1, b}",
    "[1, 2",
    "&a x",
    "*a",
    "!!python/object:os.system",
    "!!int Hà Nội",
    "a: b",
    "- x",
    "\t",
    "#",
    "|",
    ">-",
]


def flip(text, at, value):
    """
    One byte replaced.
    """
    at %= max(len(text), 1)
    return text[:at] + bytes([value % 256]) + text[at + 1 :]


def delete(text, at, _):
    """
    One line deleted.
    """
    lines = text.splitlines(keepends=True)
    at %= max(len(lines), 1)
    return b"".join(lines[:at] + lines[at + 1 :])


def double(text, at, _):
    """
    One line written twice.
    """
    lines = text.splitlines(keepends=True)
    at %= max(len(lines), 1)
    return b"".join(lines[: at + 1] + lines[at:])


def rename(text, at, new):
    """
    One key renamed: to ``new``, or (``new`` a number) to another key of the file, the key
    less its last letter, or the key in capitals.
    """
    keys = list(KEY.finditer(text))
    if not keys:
        return text
    key = keys[at % len(keys)]
    name = key.group(2)
    if isinstance(new, int):
        others = sorted({k.group(2) for k in keys})
        new = [others[new % len(others)], name[:-1], name.upper()][new % 3]
    else:
        new = new.encode("utf-8")
    return text[: key.start(2)] + new + text[key.end(2) :]


def revalue(text, at, new):
    """
    One value after ``key:`` changed: to ``new``, or (a number) to one of SCALARS.
    """
    values = list(VALUE.finditer(text))
    if not values:
        return text
    value = values[at % len(values)]
    new = SCALARS[new % len(SCALARS)] if isinstance(new, int) else new
    return text[: value.start(2)] + new.encode("utf-8") + text[value.end(2) :]


#: What can be done to a file, by name.
DAMAGE = {"flip": flip, "delete": delete, "double": double, "rename": rename, "revalue": revalue}
#: Text on one line, for a key or a value.
WORDS = st.text(st.characters(codec="utf-8", exclude_characters="\n\r"), max_size=12)
#: One to four things done to a file: (what, where, with what).
DAMAGES = st.lists(
    st.tuples(
        st.sampled_from(sorted(DAMAGE)),
        st.integers(0, 2**20),
        st.one_of(st.integers(0, 255), WORDS),
    ),
    min_size=1,
    max_size=4,
)


def damaged(text, damages):
    """
    The bytes of a file with the damages done to them, one after the other.
    """
    for what, at, new in damages:
        text = DAMAGE[what](text, at, new if what in ("rename", "revalue") else _number(new))
    return text


def _number(new):
    return new if isinstance(new, int) else len(new)


def call(*argv):
    """
    Run the command in this process: status, stdout, stderr.
    """
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli.main([str(arg) for arg in argv])
    return status, out.getvalue(), err.getvalue()


def findings(data):
    """
    Every finding in a JSON output, wherever it is (findings, failures, a unit's issues).
    """
    if isinstance(data, dict):
        if "severity" in data and "message" in data:
            yield data
        for value in data.values():
            yield from findings(value)
    elif isinstance(data, list):
        for value in data:
            yield from findings(value)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    """
    One copy of the bundled example; each example damages one file and puts it back.
    """
    target = tmp_path_factory.mktemp("fuzz") / "ws"
    shutil.copytree(DATA, target)
    return target


def commands(workspace, name):
    """
    The commands run over the damaged workspace: each with its JSON output, and validate
    and synthesize as text too.
    """
    records = name if name.endswith(("records.yaml", "reports.yaml")) else None
    records = workspace / (records or "round-2023/records.yaml")
    synthesize = ["synthesize", "hn-kt-qtux-2023", "--workspace", workspace]
    return [
        ("json", ["validate", workspace, "--format", "json"]),
        ("text", ["validate", workspace]),
        ("json", ["score", records, "--workspace", workspace, "--format", "json"]),
        ("json", ["test", workspace, "--format", "json"]),
        ("json", [*synthesize, "--as-of", "2023-08-31", "--format", "json"]),
        ("text", [*synthesize, "--lang", "en"]),
    ]


@settings(
    max_examples=EXAMPLES,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_every_command_survives_a_damaged_example(workspace, data):
    """
    Over a damaged file of the example: exit 0, 1 or 2, no exception; a usage error is one
    line on stderr and prints nothing; JSON output parses; every error found has a line.
    """
    name = data.draw(st.sampled_from(FILES), label="file")
    path = workspace / name
    original = path.read_bytes()
    broken = damaged(original, data.draw(DAMAGES, label="damages"))
    path.write_bytes(broken)
    try:
        for fmt, argv in commands(workspace, name):
            status, out, err = call(*argv)

            assert status in (0, 1, 2), argv
            if status == 2:
                assert ("", 1) == (out, len(err.splitlines())), (argv, err)
                continue
            if fmt == "json":
                unlocated = [
                    (f["source"], f["code"], f.get("path_text"), f["message"])
                    for f in findings(json.loads(out))
                    if f["severity"] == "error" and f["line"] is None
                ]
                assert [] == unlocated, argv
    finally:
        path.write_bytes(original)


def test_a_control_character_next_to_a_bad_byte_is_located(tmp_path):
    """
    A NUL followed by a byte that is not UTF-8: both problems keep their line.
    """
    path = tmp_path / "u.yaml"
    path.write_bytes(b"kind: UnitCatalog\nschema: quytac/v1\nid: a\ntitle: T\x00\xbb\n")

    status, out, _ = call("validate", path, "--format", "json")

    assert 1 == status
    assert [4] == sorted({f["line"] for f in json.loads(out)["findings"]})


@pytest.mark.parametrize("before", ["ệ", "ệệệệ"])
def test_a_control_character_after_vietnamese_is_located(tmp_path, before):
    """
    A control character after Vietnamese text: at its own line and column (it was one line too
    low, or had no place when the byte offset fell beyond the text).
    """
    path = tmp_path / "u.yaml"
    path.write_bytes(f"# {before}\nx: \x1f\n".encode())

    status, out, _ = call("validate", path, "--format", "json")

    assert 1 == status
    assert [(2, 4)] == [
        (f["line"], f["column"]) for f in json.loads(out)["findings"] if f["code"] == "QT017"
    ]
