"""xref at scale: build the on-disk reference index of N synthetic FtM entities, then query it.

    .venv/bin/python bench/bench_xref_index.py --entities 50000 --queries 2000     # development
    .venv/bin/python bench/bench_xref_index.py --entities 1000000 --queries 3000   # the measurement

Writes a reference file of Person/Company entities (bench_xref_names: Cyrillic and Latin names in
five transliteration systems, aliases in the other script, birth dates, countries), builds the index
from the file (``resolve/index.py``, the code ``casegraph xref --index`` runs), and queries it with
name variants of known entities (another script or transliteration system, word order, dropped
patronymics, initials, Russian case endings, typos, other legal forms) and with parties that are not
in the list. Reports build time, queries per second in this one process (= per core), recall and
precision of the top match at MATCH_THRESHOLD, how often blocking found the true entity, and peak
memory (ru_maxrss).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from bench_xref_names import (  # noqa: E402
    SYSTEMS,
    Party,
    company,
    company_name,
    inflected,
    person,
    person_name,
    typo,
)
from followthemoney import model  # noqa: E402
from followthemoney.proxy import EntityProxy  # noqa: E402

import casegraph.resolve.xref as xref_module  # noqa: E402
from casegraph.resolve.index import ReferenceIndex  # noqa: E402
from casegraph.resolve.match import MATCH_THRESHOLD, compare_profiles, profile  # noqa: E402

LATIN = sorted(SYSTEMS)


def make_party(rng: random.Random, taken: set[str], short: set[str] | None = None) -> Party:
    """A party whose full name no other generated party has: a list may hold namesakes, but a
    benchmark that scores "the right entity" must not ask for one of two identical records. With
    ``short`` (for parties off the list), its shortened name must be new too."""
    while True:
        p = person(rng) if rng.random() < 0.65 else company(rng)
        if p.key in taken or (short is not None and p.short_key in short):
            continue
        taken.add(p.key)
        return p


def stored_entity(p: Party, ident: str, rng: random.Random) -> dict[str, Any]:
    """How a reference list would carry the party: one script or the other, sometimes both."""
    props: dict[str, list[str]] = {}
    if p.kind == "person":
        cyrillic = p.russian and rng.random() < 0.5
        order = "spg" if rng.random() < 0.5 else "gps"
        names = [person_name(p, None if cyrillic else rng.choice(LATIN), order)]
        if p.russian and rng.random() < 0.3:
            names.append(person_name(p, rng.choice(LATIN) if cyrillic else None, "gps"))
        props["name"] = names
        if rng.random() < 0.7:
            props["birthDate"] = [p.birth]
        props["country"] = [p.country]
        return {"id": ident, "schema": "Person", "properties": props}
    cyrillic = p.russian and rng.random() < 0.5
    props["name"] = [company_name(p, None if cyrillic else rng.choice(LATIN), rng=rng)]
    if p.russian and rng.random() < 0.3:
        props["alias"] = [company_name(p, rng.choice(LATIN) if cyrillic else None, long_form=True, rng=rng)]
    props["jurisdiction"] = [p.country]
    return {"id": ident, "schema": "Company", "properties": props}


def variant(p: Party, ident: str, rng: random.Random) -> EntityProxy:
    """A case party that is the reference party under another spelling. A name shortened (no
    patronymic or middle name, initials) carries the birth date, as a registry extract would."""
    props: dict[str, list[str]] = {}
    if p.kind == "person":
        patronymic = rng.random() < 0.6
        roll = rng.random()
        if not p.russian:
            name = person_name(p, None, "spg" if roll < 0.3 else "gps", patronymic, initials=roll > 0.9)
        elif roll < 0.45:
            name = person_name(p, rng.choice(LATIN), rng.choice(("gps", "spg", "gs")), patronymic)
        elif roll < 0.65:
            name = inflected(p, rng.choice(("gen", "dat")), patronymic)
        elif roll < 0.8:
            name = person_name(p, None, rng.choice(("gps", "spg", "sg")), patronymic)
        elif roll < 0.9:
            name = person_name(p, rng.choice((None, rng.choice(LATIN))), "gps", True, initials=True)
        else:
            latin = rng.choice(LATIN)
            name = person_name(p, latin, "gs", False)
            words = name.split()
            name = " ".join([words[0], typo(words[-1], rng)])
        props["name"] = [name]
        shortened = ". " in name or len(name.split()) < len(person_name(p).split())
        if rng.random() < 0.4 or shortened:
            props["birthDate"] = [p.birth]  # a shortened name alone does not identify anyone
        return model.get_proxy({"id": ident, "schema": "Person", "properties": props})
    roll = rng.random()
    latin = rng.choice(LATIN) if roll < 0.5 else None
    name = company_name(p, latin, long_form=roll > 0.75, form=rng.random() > 0.2, rng=rng)
    schema = "Organization" if rng.random() < 0.3 else "Company"
    return model.get_proxy({"id": ident, "schema": schema, "properties": {"name": [name]}})


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entities", type=int, default=50_000)
    parser.add_argument("--queries", type=int, default=2_000)
    parser.add_argument("--negatives", type=float, default=0.2, help="share of queries not in the list")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, default=2, help="processes analysing names while indexing")
    parser.add_argument("--reuse", action="store_true", help="query an index this script built before")
    parser.add_argument("--candidates", type=int, default=xref_module.MAX_CANDIDATES,
                        help="candidates fully compared per query")
    parser.add_argument("--dir", type=Path, default=Path("/tmp/casegraph-xref-bench"))
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    reference = args.dir / f"reference-{args.entities}.ftm.json"
    location = args.dir / f"reference-{args.entities}.cgx"

    start = time.perf_counter()
    parties: list[Party] = []
    taken: set[str] = set()
    with reference.open("w", encoding="utf-8") as fh:
        for n in range(args.entities):
            p = make_party(rng, taken)
            parties.append(p)
            fh.write(json.dumps(stored_entity(p, f"ref-{n}", rng), ensure_ascii=False) + "\n")
    print(f"generated {args.entities:,} entities in {time.perf_counter() - start:.1f} s "
          f"({reference.stat().st_size / 1e6:.0f} MB)")

    profile(model.get_proxy({"id": "w", "schema": "Person", "properties": {"name": ["Иван Петров"]}}))
    xref_module.MAX_CANDIDATES = args.candidates
    start, cpu = time.perf_counter(), time.process_time()
    if args.reuse and location.exists():
        count = len(ReferenceIndex(location))
    else:
        count = ReferenceIndex.build_file(reference, location, workers=args.workers)
    build_s = time.perf_counter() - start
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    build_cpu = time.process_time() - cpu + children.ru_utime + children.ru_stime
    print(f"index: {count:,} entities in {build_s:.1f} s wall, {build_cpu:.1f} s CPU "
          f"({count / build_cpu:,.0f} entities per CPU-second), "
          f"{location.stat().st_size / 1e6:.0f} MB on disk; peak memory so far {peak_mb():.0f} MB")

    qrng = random.Random(args.seed + 1)
    short = {p.short_key for p in parties}
    queries: list[tuple[EntityProxy, str | None]] = []
    for q in range(args.queries):
        if qrng.random() < args.negatives:
            queries.append((variant(make_party(qrng, taken, short), f"q-{q}", qrng), None))
        else:
            n = qrng.randrange(len(parties))
            queries.append((variant(parties[n], f"q-{q}", qrng), f"ref-{n}"))

    index = ReferenceIndex(location)
    hits = called = correct = blocked = positives = 0
    misses: list[str] = []
    start, cpu = time.perf_counter(), time.process_time()
    for query, truth in queries:
        side = profile(query)
        candidates = index.candidate_profiles(side)
        scored = sorted(((compare_profiles(side, c).score, c.entity.id or "") for c in candidates), reverse=True)
        if truth is not None:
            positives += 1
            blocked += any(i == truth for _, i in scored)
        if scored and scored[0][0] >= MATCH_THRESHOLD:
            called += 1
            top = scored[0][0]
            tied = {i for s, i in scored if s == top}
            if truth is not None and truth in tied:
                correct += 1
                hits += 1
            elif len(misses) < 15:
                misses.append(f"FP {query.caption!r} -> {scored[0][1]} ({top:.2f}) truth {truth}")
        elif truth is not None and len(misses) < 15:
            misses.append(f"FN {query.caption!r} best {scored[0] if scored else None} truth {truth}")
    query_s, query_cpu = time.perf_counter() - start, time.process_time() - cpu
    precision = correct / called if called else 1.0
    recall = hits / positives if positives else 1.0
    print(f"queries: {len(queries):,} ({positives:,} variants of listed entities) in {query_s:.1f} s wall, "
          f"{query_cpu:.1f} s CPU = {len(queries) / query_cpu:,.0f} queries per CPU-second "
          f"({len(queries) / query_s:,.0f}/s wall on this shared machine)")
    print(f"top match at {MATCH_THRESHOLD}: recall {recall:.3f}, precision {precision:.3f}; "
          f"blocking found the true entity for {blocked / max(positives, 1):.3f} of variants")
    print(f"peak memory (ru_maxrss) {peak_mb():.0f} MB")
    for line in misses:
        print("  ", line)


if __name__ == "__main__":
    main()
