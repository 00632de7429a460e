"""Cost of automatic resolution against extraction and spaCy alone, in one run.

The corpus of ``bench_pipeline.py`` (seed article when present, English example documents, held-out
articles), each text stored ``--copies`` times as distinct documents so that every party recurs across
documents (the case that resolution exists for). Measures, best of ``--rounds``: spaCy's small pipeline
alone over the texts, our extraction pipeline, and ``Case.resolve()`` over the stored case (blocking,
comparison, interval joins, judgements and canonical map written). Reported: the whole pipeline's
throughput (extraction + resolution) against spaCy alone; the target is ≥ 0.8×.
Usage: ``python bench/bench_resolution.py [--rounds N] [--copies N]``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import spacy

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_pipeline import best_of, corpus  # noqa: E402

from casegraph.extract.nlp import SPACY_MODEL  # noqa: E402
from casegraph.extract.pipeline import extract_documents  # noqa: E402
from casegraph.services import Case  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--copies", type=int, default=2)
    args = parser.parse_args()
    base = corpus()
    docs = [replace(d, id=f"{copy:02d}{d.id:0>62}"[:64], title=f"copy {copy}")
            for copy in range(args.copies) for d in base]
    texts = [d.text for d in docs]
    words = sum(len(t.split()) for t in texts)
    baseline = spacy.load(SPACY_MODEL)

    def spacy_alone() -> None:
        for _ in baseline.pipe(texts):
            pass

    outcomes = []

    def ours() -> None:
        outcomes.clear()
        outcomes.extend(extract_documents(docs))

    spacy_alone()
    ours()
    t_spacy = best_of(args.rounds, spacy_alone)
    t_ours = best_of(args.rounds, ours)
    with tempfile.TemporaryDirectory() as tmp:
        case = Case.open(Path(tmp) / "bench.db")
        for doc in docs:
            case.store.add_document(doc)
        for outcome in outcomes:
            assert outcome.extraction is not None, outcome.error
            case.store.replace_extraction(outcome.extraction)
        case.resolve()  # warm: the matcher's name data loads once per process
        resolve_times = []
        report = None
        for _ in range(args.rounds):
            case.store.add_judgements([], retire=[j.id for j in case.store.list_judgements()], at="bench",
                                      canonical={})  # start each round from no automatic judgements
            start = time.perf_counter()
            report = case.resolve()
            resolve_times.append(time.perf_counter() - start)
        t_resolve = min(resolve_times)
        parties = len(case.entities("LegalEntity"))
        per_doc = sum(1 for e in case.store.entity_documents())
        case.close()
    print(f"documents: {len(docs)} ({len(base)} texts x {args.copies}), words: {words:,}, rounds: {args.rounds}")
    print(f"per-document entities: {per_doc}, canonical parties after resolution: {parties}; {report}")
    print(f"spaCy {SPACY_MODEL} alone       : {t_spacy:.3f} s")
    print(f"casegraph extraction            : {t_ours:.3f} s")
    print(f"casegraph resolution (whole case): {t_resolve:.3f} s")
    print(f"throughput ratio (extraction + resolution / spaCy alone): {t_spacy / (t_ours + t_resolve):.2f}x "
          f"(extraction alone {t_spacy / t_ours:.2f}x)")


if __name__ == "__main__":
    main()
