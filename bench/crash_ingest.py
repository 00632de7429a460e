"""Crash safety at scale: kill CLI ingests with SIGKILL at random points, resume, compare.

    .venv/bin/python bench/crash_ingest.py                 # 5 rounds x 4 kills = 20 kills
    .venv/bin/python bench/crash_ingest.py --rounds 8 --kills 3 --documents 30 --seed 3

Each round starts a fresh case, runs ``casegraph ingest FOLDER`` as a subprocess ``--kills`` times, each
killed with SIGKILL after a random number of output lines plus a random delay (so kills land during
start-up, reading, extraction, storing and analysis), then runs the same ingest once more to the end and
compares every table with an uninterrupted run's case (bench/crash_kit.py). Prints where each kill
landed (documents stored, analysis due or not) and exits 1 if any round differs.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import crash_kit  # noqa: E402

from casegraph.store import open_store  # noqa: E402


def state(case: Path, documents: int) -> str:
    """Where a kill left the case: nothing yet, some documents, all documents with analysis due, done."""
    if not case.exists():
        return "no case file yet"
    try:
        store = open_store(case)
    except Exception:  # noqa: BLE001 - a kill during the first migration leaves an empty file
        return "case file without schema"
    try:
        stored = len(store.list_documents())
        due = store.analysis_due() is not None
    finally:
        store.close()
    if stored == 0:
        return "no document stored"
    if stored < documents:
        return "some documents stored"
    return "all stored, analysis due" if due else "all stored and analysed"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--kills", type=int, default=4)
    parser.add_argument("--documents", type=int, default=20)
    parser.add_argument("--batch", type=int, default=4)
    parser.add_argument("--seed", type=int, default=20261204)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folder = crash_kit.write_corpus(root / "docs", documents=args.documents)
        files = args.documents + 1
        baseline = crash_kit.run_ingest(folder, root / "base.db", batch=args.batch)
        expected = crash_kit.snapshot(root / "base.db")
        print(f"uninterrupted: exit {baseline.returncode}, {len(expected['documents'])} documents, "
              f"{len(expected['statements'])} statements, {len(expected['quotes'])} quotes, "
              f"{len(expected['judgements'])} judgements ({time.monotonic() - started:.0f} s)")
        landed: Counter[str] = Counter()
        failed_rounds = 0
        for round_no in range(args.rounds):
            case = root / f"crash-{round_no}.db"
            for _ in range(args.kills):
                after = rng.choice([0, rng.randint(1, files), files])
                delay = rng.uniform(0.5, 4.0) if after == 0 else rng.uniform(0.0, 1.5)
                where, _lines = crash_kit.killed_ingest(folder, case, after, delay, batch=args.batch)
                landed[state(case, args.documents) if "killed" in where else "finished before the kill"] += 1
            final = crash_kit.run_ingest(folder, case, batch=args.batch)
            diff = crash_kit.differences(expected, crash_kit.snapshot(case))
            failed_rounds += bool(diff)
            print(f"round {round_no + 1}: resumed run exit {final.returncode}; "
                  + ("case equals the uninterrupted one" if not diff else "DIFFERS: " + "; ".join(diff)))
        print(f"{args.rounds * args.kills} kills in {time.monotonic() - started:.0f} s; the case a kill left:")
        for where, count in landed.most_common():
            print(f"  {count:3d}  {where}")
        print(f"rounds equal to the uninterrupted case: {args.rounds - failed_rounds}/{args.rounds}")
    return 1 if failed_rounds else 0


if __name__ == "__main__":
    sys.exit(main())
