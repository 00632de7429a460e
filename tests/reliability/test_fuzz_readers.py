"""A short, seeded slice of bench/fuzz_readers.py: hostile files of every format never raise anything
but UnreadableDocument with a one-line reason, never hang past the time cap, and text that is read is
final (normalised, non-empty); the FtM importer answers a batch or one error line."""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, seed, settings

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import fuzz_inputs as fi  # noqa: E402

SLICE = settings(max_examples=30, deadline=None, database=None, phases=[Phase.explicit, Phase.generate],
                 suppress_health_check=list(HealthCheck))
BAD = {"crash", "uncaught", "hang", "bad-reason", "bad-text"}


@seed(20261204)
@SLICE
@given(fi.inputs())
def test_readers_refuse_hostile_files_in_one_line(case: fi.Case) -> None:
    verdict = fi.judge(case)
    assert verdict.outcome not in BAD, (case.kind, verdict)


@seed(20261204)
@SLICE
@given(fi.ftm_files())
def test_importer_refuses_hostile_files_in_one_line(tmp_path_factory, data: bytes) -> None:  # type: ignore[no-untyped-def]
    verdict = fi.judge_import(data, tmp_path_factory.mktemp("ftm"))
    assert verdict.outcome not in BAD, verdict


def test_regressions_found_by_the_fuzzer(tmp_path: Path) -> None:
    """Inputs the bench found: JSON nested past the recursion limit and 5,000-digit integers made the
    importer raise; HTML nested past libxml2's 256 levels lost its text."""
    for data in (b"[" * 50_000, b'{"id": ' + b"9" * 5000 + b"}", b'{"id": "x"}\n' + b"[" * 50_000):
        assert fi.judge_import(data, tmp_path).outcome in {"read", "refused"}
    deep = b"<html><body>" + b"<div>" * 3000 + b"<p>Northmere Holdings paid Calder Ridge.</p></body></html>"
    assert fi.judge(fi.Case("html", ".html", deep)).outcome == "read"
