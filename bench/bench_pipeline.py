"""Speed of the whole extraction pipeline against spaCy's small English pipeline alone.

Both run in this process on the same texts, warmed up, best of several rounds, so the ratio is
meaningful on any machine. Texts: the seed article from ../shared when present, the English example
documents and the English held-out articles in bench/heldout*. Usage: ``python bench/bench_pipeline.py [--rounds N]``.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy

from casegraph.extract.nlp import SPACY_MODEL
from casegraph.extract.pipeline import extract_documents
from casegraph.ingest import read_path
from casegraph.model import Document

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "corpus" / "seed" / "meduza-ionov-2021.txt"


def corpus() -> list[Document]:
    paths = [SEED] if SEED.exists() else []
    paths += sorted(p for p in (ROOT / "examples" / "meduza-case").glob("*") if p.suffix in {".txt", ".md"}
                    and not p.name.startswith("README") and "-ru" not in p.name)
    paths += sorted(ROOT.glob("bench/heldout*/en-*.txt"))  # our own invented articles
    return [Document(id=str(i), text=read_path(p).text, format="txt", language="en", published="2021-05-21")
            for i, p in enumerate(paths)]


def best_of(rounds: int, fn) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    docs = corpus()
    texts = [d.text for d in docs]
    words = sum(len(t.split()) for t in texts)
    baseline = spacy.load(SPACY_MODEL)

    def spacy_alone() -> None:
        for _ in baseline.pipe(texts):
            pass

    def ours() -> None:
        for outcome in extract_documents(docs):
            assert outcome.error is None, outcome.error

    spacy_alone()
    ours()  # warm both: model loads and caches are not what we measure
    t_spacy = best_of(args.rounds, spacy_alone)
    t_ours = best_of(args.rounds, ours)
    print(f"documents: {len(docs)}, words: {words:,}, rounds: {args.rounds} (best of)")
    print(f"spaCy {SPACY_MODEL} alone : {t_spacy:.3f} s  ({words / t_spacy:,.0f} words/s)")
    print(f"casegraph pipeline        : {t_ours:.3f} s  ({words / t_ours:,.0f} words/s)")
    print(f"throughput ratio (ours / spaCy alone): {t_spacy / t_ours:.2f}x")


if __name__ == "__main__":
    main()
