"""Fuzz every reader (and the FtM importer) with generated hostile files; print the figures.

    .venv/bin/python bench/fuzz_readers.py                      # 10,000 reader inputs + 2,000 imports
    .venv/bin/python bench/fuzz_readers.py --examples 500 --imports 200 --seed 1

Inputs come from bench/fuzz_inputs.py (random bytes, every encoding, HTML nested 20,000 deep, huge
attributes and scripts, truncated / encrypted / zero-page / billion-page PDFs, DOCX zip bombs and missing
parts). Goal: 0 uncaught exceptions, 0 reader crashes, 0 hangs, every refusal a one-line reason. Exits 1
otherwise, listing the distinct failures.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, seed, settings

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fuzz_inputs as fi  # noqa: E402

BAD = {"crash", "uncaught", "hang", "bad-reason", "bad-text"}


def run_readers(examples: int, seed_value: int) -> tuple[dict[str, Counter[str]], list[float], dict[str, str]]:
    by_kind: dict[str, Counter[str]] = defaultdict(Counter)
    times: list[float] = []
    failures: dict[str, str] = {}

    @seed(seed_value)
    @settings(max_examples=examples, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(fi.inputs())
    def one(case: fi.Case) -> None:
        verdict = fi.judge(case)
        by_kind[case.kind.split("/")[0]][verdict.outcome] += 1
        times.append(verdict.seconds)
        if verdict.outcome in BAD:
            failures.setdefault(f"{case.kind}: {verdict.outcome}: {verdict.detail[:160]}", case.data[:60].hex())
        if len(times) % 1000 == 0:
            print(f"  ... {len(times)} inputs, {len(failures)} distinct failures", file=sys.stderr, flush=True)

    one()
    return by_kind, times, failures


def run_importer(examples: int, seed_value: int) -> tuple[Counter[str], dict[str, str]]:
    outcomes: Counter[str] = Counter()
    failures: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as folder:

        @seed(seed_value)
        @settings(max_examples=examples, deadline=None, database=None, phases=[Phase.generate],
                  suppress_health_check=list(HealthCheck))
        @given(fi.ftm_files())
        def one(data: bytes) -> None:
            verdict = fi.judge_import(data, Path(folder))
            outcomes[verdict.outcome] += 1
            if verdict.outcome in BAD:
                failures.setdefault(f"import: {verdict.outcome}: {verdict.detail[:160]}", data[:60].hex())

        one()
    return outcomes, failures


def isolation_overhead(samples: int = 200) -> str:
    """Median time to read a short text in-process and through the worker (same run, same files)."""
    from dataclasses import replace

    from casegraph.ingest import read_bytes

    texts = [f"Note {i}: Northmere Holdings paid Calder Ridge on 3 May 2021.".encode() for i in range(samples)]
    read_bytes(texts[0], ".txt", fi.FUZZ_LIMITS)  # start the worker outside the clock
    figures = {}
    for label, limits in (("in-process", replace(fi.FUZZ_LIMITS, isolate=False)), ("worker", fi.FUZZ_LIMITS)):
        times = []
        for data in texts:
            started = time.perf_counter()
            read_bytes(data, ".txt", limits)
            times.append(time.perf_counter() - started)
        figures[label] = statistics.median(times) * 1000
    return (f"short text, median of {samples}: in-process {figures['in-process']:.2f} ms, worker "
            f"{figures['worker']:.2f} ms (+{figures['worker'] - figures['in-process']:.2f} ms per file)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--examples", type=int, default=10_000)
    parser.add_argument("--imports", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=20261204)
    args = parser.parse_args()
    print(isolation_overhead())
    started = time.monotonic()
    by_kind, times, failures = run_readers(args.examples, args.seed) if args.examples else ({}, [], {})
    reader_seconds = time.monotonic() - started
    outcomes = sorted({o for c in by_kind.values() for o in c})
    print(f"readers: {len(times)} inputs in {reader_seconds:.0f} s (seed {args.seed}, caps: "
          f"{fi.FUZZ_LIMITS.seconds:g} s, {fi.FUZZ_LIMITS.memory_bytes // fi.MB} MB memory, "
          f"{fi.FUZZ_LIMITS.expanded_bytes // fi.MB} MB expanded)")
    print("| generator | inputs | " + " | ".join(outcomes) + " |")
    print("|---|---:|" + "---:|" * len(outcomes))
    total: Counter[str] = Counter()
    for kind in sorted(by_kind):
        total.update(by_kind[kind])
        print(f"| {kind} | {sum(by_kind[kind].values())} | " + " | ".join(str(by_kind[kind][o]) for o in outcomes)
              + " |")
    print(f"| all | {sum(total.values())} | " + " | ".join(str(total[o]) for o in outcomes) + " |")
    if times:
        ordered = sorted(times)
        print(f"time per input: median {statistics.median(ordered) * 1000:.1f} ms, p99 "
              f"{ordered[int(len(ordered) * 0.99) - 1] * 1000:.0f} ms, max {ordered[-1]:.1f} s")
    if args.imports:
        started = time.monotonic()
        imported, import_failures = run_importer(args.imports, args.seed)
        failures.update(import_failures)
        print(f"importer: {sum(imported.values())} inputs in {time.monotonic() - started:.0f} s: "
              + ", ".join(f"{k} {v}" for k, v in sorted(imported.items())))
    bad = sum(total[o] for o in BAD) + sum(1 for f in failures if f.startswith("import:"))
    print(f"uncaught exceptions {total['uncaught']}, reader crashes {total['crash']}, hangs {total['hang']}, "
          f"multi-line reasons {total['bad-reason']}, bad text {total['bad-text']}")
    for failure, head in sorted(failures.items()):
        print(f"FAIL {failure}  (first bytes {head})")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
