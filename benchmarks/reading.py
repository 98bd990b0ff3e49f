"""
Memory of the reader under large and hostile input (issue 12 §2): the peak RSS of a fresh
process reading a 1 MB, a 100 MB and a 1 GB input of each kind, as a ratio to the 1 MB input.

Run: ``python benchmarks/reading.py [--sizes 1,100,1000] [--output FILE] [--against SRC]``.
``--against`` runs the same children with another source tree first on ``sys.path`` (say a
checkout of an older quytac), each under an address-space limit (``--limit-gb``, 6 by default)
so an old reader that eats memory fails with MemoryError instead of the machine.
See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MB = 1_000_000
HEAD = "kind: UnitCatalog\nschema: quytac/v1\nid: {id}\ntitle: Hà Nội\n"


def _repeat(path: Path, first: bytes, unit: bytes, size: int, last: bytes = b"") -> None:
    """
    Write ``first``, then ``unit`` as many times as fit in ``size`` bytes, then ``last``.
    """
    block = unit * max(1, (1 << 20) // len(unit))
    with path.open("wb") as file:
        file.write(first)
        written = len(first)
        while written + len(block) <= size - len(last):
            file.write(block)
            written += len(block)
        rest = (size - len(last) - written) // len(unit)
        file.write(unit * rest + last)


def write_first_problem(path: Path, size: int) -> None:
    """
    A YAML stream of catalogs whose first document has a bad byte and an unknown key.
    """
    first = HEAD.format(id="u0").encode() + b"note: \xff\nbogus: 1\n"
    _repeat(path, first, ("---\n" + HEAD.format(id="u1")).encode(), size)


def write_stream(path: Path, size: int) -> None:
    """
    A YAML stream of catalogs, each with an unknown key (a problem to place in every one).
    """
    unit = ("---\n" + HEAD.format(id="u1") + "bogus: 1\n").encode()
    _repeat(path, b"", unit, size)


def write_json(path: Path, size: int) -> None:
    """
    One JSON document: a value of ``size`` bytes.
    """
    _repeat(path, b'{"a": "', b"x", size, b'"}')


def write_jsonl(path: Path, size: int) -> None:
    """
    JSON Lines: a short record, a line of ``size`` bytes, a short record.
    """
    _repeat(path, b'{"a": 1}\n{"a": "', b"x", size, b'"}\n{"a": 2}\n')


def write_nul(path: Path, size: int) -> None:
    """
    Catalogs followed by a thousand blank lines each, then one whose title holds a NUL.
    """
    unit = b"---\n" + HEAD.format(id="u1").encode() + b"\n" * 1000
    last = b"---\n" + HEAD.format(id="u2").replace("Hà Nội", "Hà\x00Nội").encode()
    _repeat(path, b"", unit, size, last)


def write_value(path: Path, size: int) -> None:
    """
    One YAML value of ``size`` bytes (one token).
    """
    _repeat(path, b"a: ", b"x", size, b"\n")


#: case -> (what it is, file suffix, writer, the sizes it is run at when all are asked)
def write_scored(path: Path, size: int) -> None:
    """
    A YAML stream of the bundled example's first record, each with an answer that does not fit.
    """
    import quytac  # noqa: PLC0415

    records = Path(quytac.example_path()) / "round-2023" / "records.yaml"
    record = records.read_text(encoding="utf-8").split("---")[1]
    bad = "---" + record.replace("{I.1: pass,", "{I.1: maybe,", 1)
    _repeat(path, b"", bad.encode(), size)


CASES = {
    "first-problem": (
        "YAML stream, bad byte and unknown key in document 1: load until the first problem",
        ".yaml",
        write_first_problem,
        None,
    ),
    "stream": (
        "YAML stream, an unknown key in every document: every problem, placed",
        ".yaml",
        write_stream,
        100,
    ),
    "json": ("one .json document of the size", ".json", write_json, None),
    "jsonl-line": ("a .jsonl file with one line of the size", ".jsonl", write_jsonl, None),
    "nul": (
        "a NUL after the size in catalogs of a thousand lines, mostly blank (.yaml)",
        ".yaml",
        write_nul,
        None,
    ),
    "value": ("one YAML value of the size (.yaml)", ".yaml", write_value, None),
    "score-json": (
        "`quytac score --format json` of records, each with an answer that does not fit",
        ".yaml",
        write_scored,
        10,
    ),
}


def peak_rss() -> int:
    """
    This process's peak resident memory (VmHWM), in bytes.
    """
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def run_child(case: str, path: str, limit: int) -> dict[str, object]:
    """
    In a fresh process: read the file as the case says; the problems found and the peak RSS.
    """
    if limit:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    import quytac  # noqa: PLC0415
    from quytac import _documents  # noqa: PLC0415

    before = peak_rss()
    start = time.perf_counter()
    problems: list[str] = []
    try:
        if case == "score-json":
            from quytac import cli  # noqa: PLC0415

            argv = ["score", path, "--workspace", quytac.example_path(), "--format", "json"]
            problems = [f"(exit {cli.main([*argv, '--output', os.devnull])})"]
        elif case == "first-problem":
            try:
                for _ in quytac.iter_load(path):
                    pass
            except quytac.LoadError as error:
                problems = [p.render() for p in error.problems]
        else:
            count = 0
            for item in _documents.file_source(path):
                count += len(item.problems)
                if len(problems) < 3:
                    problems += [p.render() for p in item.problems][: 3 - len(problems)]
            problems.append(f"({count} problems)")
    except MemoryError:
        problems = ["MemoryError"]
    return {
        "rss": peak_rss(),
        "rss_before": before,
        "seconds": time.perf_counter() - start,
        "problems": [p.replace(path, Path(path).name) for p in problems],
    }


def child(case: str, path: Path, *, against: str | None, limit: int) -> dict[str, object]:
    env = dict(os.environ)
    if against:
        env["PYTHONPATH"] = against + os.pathsep + env.get("PYTHONPATH", "")
    command = [sys.executable, __file__, "--child", case, str(path), str(limit)]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)  # noqa: S603
    if done.returncode != 0:
        return {"rss": float("nan"), "seconds": float("nan"), "problems": [done.stderr[-200:]]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def mb(size: float) -> str:
    return "-" if size != size else f"{size / 2**20:,.1f} MB"  # noqa: PLR0124 - NaN


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1,100,1000", help="input sizes in MB (1 first)")
    parser.add_argument("--cases", default=",".join(CASES), help="which cases")
    parser.add_argument("--output", type=Path, help="also write the report (Markdown) here")
    parser.add_argument("--against", help="a source tree (src/) to measure instead")
    parser.add_argument("--limit-gb", type=float, default=6.0, help="address space per child")
    options = parser.parse_args()
    sizes = [int(s) for s in options.sizes.split(",")]
    limit = int(options.limit_gb * 2**30)
    lines: list[str] = []

    def say(line: str = "") -> None:
        print(line, flush=True)
        lines.append(line)

    say("## Reading memory: large and hostile input")
    say()
    say(
        f"`python benchmarks/reading.py --sizes {options.sizes}`"
        + (f" against `{options.against}`" if options.against else "")
    )
    say(f"(Python {platform.python_version()}, {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC).")
    say("Each figure is the peak RSS of a fresh process that imports quytac and reads the file;")
    say(f"the ratio is to the same case at {sizes[0]} MB. Children run under a")
    say(f"{options.limit_gb:g} GB address-space limit.")
    say()
    header = [
        "case",
        *[f"{s:,} MB" for s in sizes],
        *[f"ratio {s:,}/{sizes[0]}" for s in sizes[1:]],
    ]
    say("| " + " | ".join([*header, "time at the largest", "what is reported"]) + " |")
    say("|" + " --- |" * (len(header) + 2))
    folder = Path(tempfile.mkdtemp(prefix="quytac-reading-"))
    try:
        for case in options.cases.split(","):
            _, suffix, write, largest = CASES[case]
            found = {}
            for size in sizes:
                if largest is not None and size > largest:
                    continue
                path = folder / f"t{suffix}"
                write(path, size * MB)
                found[size] = child(case, path, against=options.against, limit=limit)
                path.unlink()
            cells = [mb(found[s]["rss"]) if s in found else "not run" for s in sizes]
            base = found[sizes[0]]["rss"]
            ratios = [f"**{found[s]['rss'] / base:.2f}**" if s in found else "" for s in sizes[1:]]
            top = found[max(found)]
            shown = "; ".join(top["problems"])[:160].replace("|", "\\|")
            say(
                f"| {case} | "
                + " | ".join([*cells, *ratios])
                + f" | {top['seconds']:.1f} s | {shown} |"
            )
    finally:
        shutil.rmtree(folder)
    say()
    for case, (what, *_rest) in CASES.items():
        say(f"- {case}: {what}.")
    say()
    if options.output:
        with options.output.open("a", encoding="utf-8") as file:
            file.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        print(json.dumps(run_child(sys.argv[2], sys.argv[3], int(sys.argv[4]))))
    else:
        main()
