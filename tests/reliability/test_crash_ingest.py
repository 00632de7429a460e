"""Crash safety: an ingest killed with SIGKILL at random points (fixed seed), then run again, leaves
exactly the case an uninterrupted ingest builds: documents, entities, statements, quotes, claims,
contradictions, identity judgements and reviewer decisions (``bench/crash_kit.py`` compares every
table). The CLI runs in a subprocess, as a user would run it; the bench script does the same 20+ times.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from casegraph.services import Case

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import crash_kit  # noqa: E402

SEED = 20261204
DOCUMENTS = 12


def _ingest(case_path: Path, paths: list[Path]) -> None:
    case = Case.open(case_path)
    try:
        case.ingest(paths)
    finally:
        case.close()


def _decide_first_statement(case_path: Path) -> None:
    case = Case.open(case_path)
    try:
        first = sorted(case.store.iter_statements(), key=lambda s: s.id)[0]
        case.decide(first.id, "confirmed", reviewer="crash-test", note="kept across crashes")
    finally:
        case.close()


def test_killed_ingest_resumes_to_the_uninterrupted_case(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CASEGRAPH_EXTRACT_BATCH", "3")
    folder = crash_kit.write_corpus(tmp_path / "docs", documents=DOCUMENTS)
    early = sorted(folder.iterdir())[:3]
    base, crashed = tmp_path / "base.db", tmp_path / "crashed.db"
    for path in (base, crashed):  # the same reviewed start, so decisions are part of the comparison
        _ingest(path, early)
        _decide_first_statement(path)
    _ingest(base, [folder])

    rng = random.Random(SEED)
    files = DOCUMENTS + 1  # one line per file (added / exists / failed), then the summary after analysis
    plan = [(0, rng.uniform(1.0, 4.0)), (rng.randint(1, files // 2), rng.uniform(0.0, 0.5)),
            (files, rng.uniform(0.0, 1.5))]
    for after, delay in plan:
        crash_kit.killed_ingest(folder, crashed, after, delay, batch=3)
    _ingest(crashed, [folder])  # the same ingest again

    assert crash_kit.differences(crash_kit.snapshot(base), crash_kit.snapshot(crashed)) == []
    snap = crash_kit.snapshot(base)
    assert len(snap["documents"]) == DOCUMENTS and snap["statements"] and snap["quotes"] and snap["decisions"]
