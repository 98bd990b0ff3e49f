"""
The benchmark suite of issue 8 (and the rules section of issue 12): every figure is a ratio
against a baseline measured in the same run (the machines are shared and noisy), each a median of
several repetitions.

Run: ``python benchmarks/run.py [--quick] [--output benchmarks/RESULTS.md]`` after
``pip install -e '.[bench]'``. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import datetime as dt
import gc
import importlib.metadata
import json
import os
import pickle
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).parent))

import rules
import workload

import quytac
from quytac._converter import structure_document
from quytac._documents import KINDS

HERE = Path(__file__).parent
AS_OF = dt.date(2023, 9, 30)


# --- timing -----------------------------------------------------------------------------------


def timed(function) -> float:
    gc.collect()
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def medians(repeat: int, *functions) -> list[float]:
    """
    The median time of each function, run interleaved (a, b, a, b ...) so that noise hits both.
    """
    times: list[list[float]] = [[] for _ in functions]
    for _ in range(repeat):
        for found, function in zip(times, functions, strict=True):
            found.append(timed(function))
    return [statistics.median(found) for found in times]


# --- the baselines ----------------------------------------------------------------------------


def bare_yaml(path: Path) -> None:
    with path.open("rb") as stream:
        for _ in yaml.load_all(stream, Loader=yaml.CSafeLoader):
            pass


def pipeline(path: Path, checklist: quytac.Checklist) -> int:
    """
    Read, structure, validate (the pin, and each answer against the checklist) and score.
    """
    scored = 0
    for _, score in quytac.iter_scores(path, checklist):
        if score.ok:
            scored += 1
    return scored


def plain_loop(checklist: quytac.Checklist):  # noqa: C901 - a baseline in one piece
    """
    The baseline of scoring: the same sum (Σ awarded / Σ maximum over counted items, with the
    items' conditions, na, not_observed and text items) straight from the dicts, in Decimals.
    """
    items = []
    for item in checklist.items:
        answer = item.answer
        table = {}
        if isinstance(answer, quytac.YesNo):
            kind, table = "table", {"pass": item.maximum, "fail": Decimal(0)}
        elif isinstance(answer, quytac.Choices):
            kind, table = "table", {c.id: c.points for c in answer.choices}
        elif isinstance(answer, quytac.Count):
            kind = "count"
        elif isinstance(answer, quytac.PointsScale):
            kind = "points"
        else:
            kind = "text"
        when = item.when
        condition = (when.item, frozenset(when.in_)) if when is not None else None
        items.append((item.id, kind, item.maximum, table, condition))
    full_at = Decimal(5)

    def percent(answers: dict[str, Any]) -> tuple[Decimal, Decimal]:
        awarded = maximum = Decimal(0)
        seen: dict[str, object] = {}
        for item_id, kind, top, table, condition in items:
            value = answers.get(item_id)
            if isinstance(value, dict):
                value = value["value"]
            seen[item_id] = value
            if condition is not None and seen.get(condition[0]) not in condition[1]:
                continue
            if value == "na" or kind == "text":
                continue
            maximum += top
            if value is None or value == "not_observed":
                continue
            if kind == "table":
                awarded += table[value]
            elif kind == "count":
                awarded += top * min(Decimal(value), full_at) / full_at
            else:
                awarded += Decimal(value)
        return awarded, maximum

    return percent


# --- pydantic -----------------------------------------------------------------------------------


def pydantic_model():
    """
    An InspectionRecord in pydantic v2 with the same fields and checks as quytac's: the envelope,
    an id pattern, a date, the pin (version at least 1), answers as a value or a mapping with a
    note and evidence, unknown keys refused, frozen.
    """
    from typing import Annotated, Literal  # noqa: PLC0415

    import pydantic  # noqa: PLC0415

    frozen = pydantic.ConfigDict(extra="forbid", frozen=True)
    identifier = Annotated[str, pydantic.StringConstraints(pattern=r"^[a-z0-9][a-z0-9._-]*$")]

    class Pin(pydantic.BaseModel):
        model_config = frozen
        id: identifier
        version: Annotated[int, pydantic.Field(ge=1)]
        fingerprint: str | None = None

    class Answer(pydantic.BaseModel):
        model_config = frozen
        value: str
        note: str | None = None
        evidence: tuple[str, ...] = ()

    class Findings(pydantic.BaseModel):
        model_config = frozen
        strengths: tuple[str, ...] = ()
        limitations: tuple[str, ...] = ()
        recommendations: tuple[str, ...] = ()

    class Record(pydantic.BaseModel):
        model_config = frozen
        kind: Literal["InspectionRecord"]
        schema_: Literal["quytac/v1"] = pydantic.Field(alias="schema")
        id: identifier
        title: str | None = None
        plan: identifier
        unit: Annotated[str, pydantic.StringConstraints(min_length=1)]
        inspected_on: dt.date
        checklist: Pin | None = None
        answers: dict[str, str | Answer] = {}
        findings: Findings = Findings()

    return Record


# --- memory (each measured in a fresh process) ---------------------------------------------------


def child(task: str, args: list[str]) -> dict[str, float]:
    """
    Run one measurement in a fresh interpreter and return what it printed (JSON).
    """
    command = [sys.executable, __file__, "--child", task, *args]
    done = subprocess.run(command, capture_output=True, text=True, check=True)  # noqa: S603
    return json.loads(done.stdout.strip().splitlines()[-1])


def peak_rss() -> int:
    """
    This process's peak resident memory (VmHWM): unlike ru_maxrss, it does not carry over the
    parent's peak across fork and exec.
    """
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _stream_memory(path: str, checklist_path: str) -> dict[str, float]:
    checklist = quytac.load(checklist_path)
    assert isinstance(checklist, quytac.Checklist)
    before = peak_rss()
    tracemalloc.start()
    count = 0
    for _, score in quytac.iter_scores(path, checklist):
        count += score.ok
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {"records": count, "peak": peak, "rss": peak_rss(), "rss_before": before}


def _synthesis(paths: list[str], traced: str) -> dict[str, float]:
    if traced == "yes":
        tracemalloc.start()
    start = time.perf_counter()
    workspace = quytac.Workspace.load(*paths)
    loaded = time.perf_counter()
    synthesis = quytac.synthesize(workspace, workload.PLAN, as_of=AS_OF)
    done = time.perf_counter()
    peak = tracemalloc.get_traced_memory()[1] if traced == "yes" else 0
    rss = peak_rss()
    inspected = synthesis.by_status["inspected"]
    return {"load": loaded - start, "synthesize": done - loaded, "peak": peak, "rss": rss,
            "inspected": inspected}  # fmt: skip


# --- the report ---------------------------------------------------------------------------------


class Report:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def say(self, line: str = "") -> None:
        print(line, flush=True)
        self.lines.append(line)

    def table(self, header: list[str], rows: list[list[str]]) -> None:
        self.say("| " + " | ".join(header) + " |")
        self.say("|" + "|".join(" --- " for _ in header) + "|")
        for row in rows:
            self.say("| " + " | ".join(row) + " |")
        self.say()


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms" if seconds < 10 else f"{seconds:,.1f} s"


def mb(size: float) -> str:
    return f"{size / 2**20:,.1f} MB"


def verdict(ratio: float, target: float, *, strict: bool = False) -> str:
    met = ratio < target if strict else ratio <= target
    return f"{'met' if met else 'NOT met'} ({'<' if strict else '<='} {target})"


def machine(report: Report) -> None:
    report.say("## Machine")
    report.say()
    cpus = os.cpu_count()
    names = ["quytac", "PyYAML", "attrs", "cattrs", "pydantic", "pydantic_core", "dask"]
    names.append("distributed")
    versions = []
    for name in names:
        try:
            versions.append(f"{name} {importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{name} (not installed)")
    report.say(f"- `nproc`: {cpus}; {platform.machine()}, {platform.system()} {platform.release()}")
    report.say(f"- `python --version`: Python {platform.python_version()}")
    report.say(f"- libyaml: {yaml.__with_libyaml__} (C parser used by quytac and the baseline)")
    report.say(f"- packages: {', '.join(versions)}")
    report.say(f"- run on {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC")
    report.say()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="N = 200 and 1,000, 3 repetitions")
    parser.add_argument("--output", type=Path, help="also write the report (Markdown) here")
    parser.add_argument(
        "--only",
        choices=("pipeline", "scoring", "structuring", "memory", "synthesis", "parallel", "rules"),
        action="append",
        help="run only these sections (repeat the option for several)",
    )
    options = parser.parse_args()
    small, large = (200, 1000) if options.quick else (1000, 10_000)
    repeat = 3 if options.quick else 5
    started = time.perf_counter()
    report = Report()
    report.say("# Benchmark results")
    report.say()
    report.say(f"`python benchmarks/run.py{' --quick' if options.quick else ''}`: medians of")
    report.say(f"{repeat} repetitions (3 at N = {large:,}), baseline and quytac interleaved.")
    report.say()
    machine(report)
    folder = Path(tempfile.mkdtemp(prefix="quytac-bench-"))
    try:
        wanted = set(options.only or ())

        def runs(section: str) -> bool:
            return not wanted or section in wanted

        # The records workload, unless only the rules run.
        paths = {} if wanted == {"rules"} else _records_workload(folder, small, large)
        checklist = quytac.load(paths[small]["checklist"]) if paths else None
        if runs("pipeline"):
            _pipeline_section(report, paths, checklist, small, large, repeat)
        if runs("scoring"):
            records = quytac.load_all(paths[small]["jsonl"])
            _scoring_section(report, records, checklist, repeat)
        if runs("structuring"):
            _structuring_section(report, paths[small], repeat)
        if runs("memory"):
            _memory_section(report, paths, small, large)
        if runs("synthesis"):
            _synthesis_section(report, paths[large], large)
        if runs("parallel"):
            _parallel_section(report, quytac.load_all(paths[large]["jsonl"]), checklist)
        if runs("rules"):
            _rules_section(report, folder / "rules", small, repeat)
    finally:
        shutil.rmtree(folder)
    report.say(f"Whole run: {time.perf_counter() - started:,.0f} s.")
    if options.output:
        options.output.write_text("\n".join(report.lines) + "\n", encoding="utf-8")


def _records_workload(folder: Path, small: int, large: int) -> dict[int, dict[str, Path]]:
    return {n: workload.write(folder / str(n), n) for n in (small, large)}


def _pipeline_section(report, paths, checklist, small, large, repeat) -> None:  # noqa: PLR0917
    report.say("## Whole pipeline and the JSON path")
    report.say()
    report.say("Pipeline: `quytac.iter_scores(file, checklist)` reads each record, structures it,")
    report.say("checks its pin and its answers against the checklist and scores it.")
    report.say("Baseline: `yaml.load_all(stream, Loader=yaml.CSafeLoader)` of the same YAML stream")
    report.say("(plain dicts, no checks at all).")
    report.say()
    rows = []
    headline = {}
    for n in (small, large):
        stream, lines = paths[n]["stream"], paths[n]["jsonl"]
        times = 3 if n == large else repeat
        base, ours, json_path = medians(
            times,
            lambda s=stream: bare_yaml(s),
            lambda s=stream: pipeline(s, checklist),
            lambda s=lines: pipeline(s, checklist),
        )
        size = stream.stat().st_size
        pipeline_ratio, json_ratio = ours / base, json_path / ours
        headline[n] = (pipeline_ratio, json_ratio)
        rows.append(
            [
                f"{n:,} ({mb(size)})",
                ms(base),
                ms(ours),
                f"**{pipeline_ratio:.2f}**",
                verdict(pipeline_ratio, 1.2),
                ms(json_path),
                f"**{json_ratio:.2f}**",
                f"{json_path / base:.2f}",
            ]
        )
    report.table(
        [
            "records",
            "bare CSafeLoader",
            "quytac YAML",
            "YAML / bare",
            "target",
            "quytac JSON Lines",
            "JSON / YAML",
            "JSON / bare",
        ],
        rows,
    )
    files = paths[small]["files"]
    per_file, stream_time = medians(
        repeat,
        lambda: sum(1 for f in sorted(files.iterdir()) for _ in quytac.iter_load(f)),
        lambda: sum(1 for _ in quytac.iter_load(paths[small]["stream"])),
    )
    report.say(
        f"Loading the same {small:,} records one file per record / as one stream:"
        f" **{per_file / stream_time:.2f}** ({ms(per_file)} / {ms(stream_time)})."
    )
    report.say()


def _scoring_section(report, records, checklist, repeat) -> None:
    report.say("## Scoring alone")
    report.say()
    answers = [plain["answers"] for plain in workload.records(len(records))]  # as in the files
    loaded = [r.answers for r in records]
    baseline = plain_loop(checklist)
    for given in answers:  # the baseline computes the same sums as quytac
        awarded, maximum = baseline(given)
        score = quytac.score(checklist, given)
        expected = Fraction(100) * Fraction(awarded) / Fraction(maximum) if maximum else None
        assert score.percent == expected, (score.percent, expected)
    rounds = 3 * repeat
    plain, on_dicts, on_answers = medians(
        rounds,
        lambda: [baseline(a) for a in answers],
        lambda: [quytac.score(checklist, a) for a in answers],
        lambda: [quytac.score(checklist, a) for a in loaded],
    )
    report.say(f"{len(records):,} records of 60 answers; medians of {rounds}. Baseline: a plain")
    report.say("loop over the answer dicts summing the same points in Decimals (conditions, `na`,")
    report.say("`not_observed` and text items included; checked to give the same percent as")
    report.say("quytac on every record), with none of quytac's checks, band, coverage or Score.")
    report.say()
    report.table(
        ["what", "time", "ratio to the plain loop", "target"],
        [
            ["plain loop over dicts", ms(plain), "1.00", ""],
            [
                "`quytac.score` on the same dicts",
                ms(on_dicts),
                f"**{on_dicts / plain:.2f}**",
                verdict(on_dicts / plain, 1.5),
            ],
            [
                "`quytac.score` on loaded `Answers`",
                ms(on_answers),
                f"{on_answers / plain:.2f}",
                verdict(on_answers / plain, 1.5),
            ],
        ],
    )


def _structuring_section(report, paths, repeat) -> None:
    report.say("## Structuring: quytac / pydantic v2")
    report.say()
    lines = paths["jsonl"].read_text(encoding="utf-8").splitlines()
    raws = [raw.data for line in lines for raw in quytac._yaml.read_json(line, "-")]  # noqa: SLF001
    try:
        model = pydantic_model()
    except ImportError:
        report.say("pydantic is not installed (`pip install -e '.[bench]'`): skipped.")
        report.say()
        return
    for raw in raws:  # both accept every record
        structure_document(raw, KINDS)
        model.model_validate(raw)
    rounds = 3 * repeat
    ours, theirs = medians(
        rounds,
        lambda: [structure_document(raw, KINDS) for raw in raws],
        lambda: [model.model_validate(raw) for raw in raws],
    )
    report.say(f"The plain data of {len(raws):,} records (as the reader gives it: numbers as text)")
    report.say("into typed objects: quytac's converter (cattrs, attrs validators) against an")
    report.say("equivalent pydantic v2 model (same fields, id pattern, date, pin, answers, unknown")
    report.say(f"keys refused, frozen). Medians of {rounds}.")
    report.say()
    report.table(
        ["quytac", "pydantic v2", "quytac / pydantic", "target"],
        [
            [
                ms(ours),
                ms(theirs),
                f"**{ours / theirs:.2f}**",
                verdict(ours / theirs, 1, strict=True),
            ]
        ],
    )


def _memory_section(report, paths, small, large) -> None:
    report.say("## Streaming memory")
    report.say()
    rows = []
    peaks = {}
    for n in (small, large):
        for form in ("stream", "jsonl"):
            found = child("stream", [str(paths[n][form]), str(paths[n]["checklist"])])
            assert found["records"] == n
            peaks[n, form] = found["peak"]
            rows.append([f"{n:,}", form, mb(found["peak"]), mb(found["rss"])])
    report.say("`quytac.iter_scores` over a file, each run in a fresh process: peak of Python's")
    report.say("allocations while streaming (tracemalloc) and the process's peak RSS.")
    report.say()
    report.table(["records", "file", "tracemalloc peak", "peak RSS"], rows)
    for form in ("stream", "jsonl"):
        ratio = peaks[large, form] / peaks[small, form]
        report.say(
            f"- {form}: peak at {large:,} / at {small:,} = **{ratio:.2f}** ({verdict(ratio, 1.3, strict=True)})"  # noqa: E501
        )
    report.say()


def _synthesis_section(report, paths, n) -> None:
    report.say(f"## `Workspace.load` + `synthesize` on {n:,} records")
    report.say()
    files = [str(paths[key]) for key in ("checklist", "catalog", "plan", "stream")]
    plain = child("synthesis", [*files, "no"])
    traced = child("synthesis", [*files, "yes"])
    assert plain["inspected"] == n
    report.say("The checklist, a catalog of the wards, the plan and the records as one YAML")
    report.say("stream, loaded as a workspace and synthesised (fresh process; the peak of")
    report.say("Python's allocations from a second run under tracemalloc).")
    report.say()
    report.table(
        ["Workspace.load", "synthesize", "total", "tracemalloc peak", "peak RSS"],
        [
            [
                ms(plain["load"]),
                ms(plain["synthesize"]),
                ms(plain["load"] + plain["synthesize"]),
                mb(traced["peak"]),
                mb(plain["rss"]),
            ]
        ],
    )


def _parallel_section(report, records, checklist) -> None:
    report.say(f"## Parallel scoring of {len(records):,} loaded records")
    report.say()
    serial_result: list[Any] = []

    def serial() -> None:
        serial_result[:] = quytac.score_records(records, checklist)

    batches = [records[start : start + 1000] for start in range(0, len(records), 1000)]

    def pool() -> list[Any]:
        with concurrent.futures.ProcessPoolExecutor(max_workers=2) as executor:
            parts = executor.map(quytac.score_records, batches, [checklist] * len(batches))
            return [pair for part in parts for pair in part]

    serial_time = timed(serial)
    found: dict[str, list[Any]] = {}
    pool_time = timed(lambda: found.setdefault("pool", pool()))
    rows = [
        ["serial `quytac.score_records`", ms(serial_time), "1.00", "yes"],
        [
            "`concurrent.futures`, 2 processes",
            ms(pool_time),
            f"{pool_time / serial_time:.2f}",
            _same(serial_result, found["pool"]),
        ],
    ]
    try:
        from dask.distributed import Client, LocalCluster  # noqa: PLC0415
    except ImportError:
        rows.append(["Dask", "not installed (`pip install -e '.[bench]'`)", "", ""])
    else:
        with (
            LocalCluster(
                n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
            ) as cluster,
            Client(cluster) as client,
        ):
            remote = client.scatter(checklist, broadcast=True)

            def dask() -> list[Any]:
                parts = client.scatter(batches)
                futures = client.map(quytac.score_records, parts, checklist=remote, pure=False)
                return [pair for part in client.gather(futures) for pair in part]

            dask_time = timed(lambda: found.setdefault("dask", dask()))
        rows.append(
            [
                "Dask `LocalCluster(processes=False)`, 2 threads",
                ms(dask_time),
                f"{dask_time / serial_time:.2f}",
                _same(serial_result, found["dask"]),
            ]
        )
    pickled = timed(lambda: pickle.loads(pickle.dumps((batches, checklist))))  # noqa: S301
    returned = timed(lambda: pickle.loads(pickle.dumps(serial_result)))  # noqa: S301
    rows.append(
        [
            "pickling alone: the batches there, the scores back",
            f"{ms(pickled)} + {ms(returned)}",
            f"{(pickled + returned) / serial_time:.2f}",
            "",
        ]
    )
    report.say(f"Batches of 1,000 records; one run each (`nproc` = {os.cpu_count()}).")
    report.say()
    report.table(["how", "time", "ratio to serial", "same scores as serial"], rows)


def _rules_section(report, folder: Path, n: int, repeat: int) -> None:
    report.say(f"## Validation at {n:,} and {10 * n:,}: how the rules grow")
    report.say()
    small, large = rules.write(folder / str(n), n), rules.write(folder / str(10 * n), 10 * n)
    rows = []
    for name, (what, _) in rules.WORKLOADS.items():
        load_n, check_n, issues_n = _validation(small[name], repeat)
        load_10n, check_10n, issues_10n = _validation(large[name], repeat)
        ratio = check_10n / check_n
        rows.append(
            [
                what,
                f"{ms(check_n)} ({issues_n:,})",
                f"{ms(check_10n)} ({issues_10n:,})",
                f"**{ratio:.1f}**",
                verdict(ratio, 20),
                f"{ms(load_n)} / {ms(load_10n)}",
            ]
        )
    report.say("`Workspace.load(file)` then `validate()`, as `quytac validate file` does, each run")
    report.say(f"on a fresh load (nothing cached), the garbage collector off; medians of {repeat}.")
    report.say("The ratio of the validation times is about 10 for rules in linear time, 100 or")
    report.say("more for quadratic ones (benchmarks/rules.py has the workloads).")
    report.say()
    report.table(
        [
            "workload",
            f"validate at n = {n:,} (issues)",
            f"at 10n = {10 * n:,}",
            "10n / n",
            "target",
            "load at n / 10n",
        ],
        rows,
    )


def _validation(path: Path, repeat: int) -> tuple[float, float, int]:
    """
    The median times of loading a file as a workspace and of validating it, and its issues.
    """
    loads, checks = [], []
    for _ in range(repeat):
        gc.collect()
        gc.disable()  # as timeit does: the collector's passes grow with the heap
        try:
            start = time.perf_counter()
            workspace = quytac.Workspace.load(path)  # fresh: nothing cached
            loaded = time.perf_counter()
            issues = workspace.validate()
            done = time.perf_counter()
        finally:
            gc.enable()
        loads.append(loaded - start)
        checks.append(done - loaded)
    return statistics.median(loads), statistics.median(checks), len(issues)


def _same(serial: list[Any], other: list[Any]) -> str:
    def shown(pairs: list[Any]) -> list[Any]:
        return [(i, s.percent, s.band, s.coverage, s.capped_by, s.issues) for i, s in pairs]

    return "yes" if shown(serial) == shown(other) else "NO"


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        task, args = sys.argv[2], sys.argv[3:]
        found = _stream_memory(*args) if task == "stream" else _synthesis(args[:-1], args[-1])
        print(json.dumps(found))
    else:
        main()
