"""Speed and memory of the analysis graph and of timeline/money (issue 8).

    python bench/bench_graph.py --nodes 1000000 --edges 5000000      # full size (ArrayGraph)
    python bench/bench_graph.py --nodes 100000 --edges 500000 --nx   # networkx at a tenth, for the ratio
    python bench/bench_graph.py --docs 10000 --timeline              # timeline and money, 10,000 documents

The synthetic graph: uniformly random edges between N nodes, FtM edge schemata drawn at random, each
edge with a made-up document span (the generator is ``synthetic_edges``). Queries: shortest paths
between random pairs (max 4 hops), between pairs 3 hops apart (found by a random walk), and 2-hop ego
networks; p50/p95 after load. Memory: resident-set growth while building, and the arrays' own bytes.
"""

from __future__ import annotations

import argparse
import gc
import random
import resource
import statistics
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from casegraph.analyse.graph import Edge, GraphIndex, NxGraph
from casegraph.analyse.graph_array import ArrayGraph
from casegraph.analyse.snapshot import Span

SCHEMATA = ["Directorship", "Ownership", "Payment", "Employment", "Membership", "Event", "Quote"]


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * resource.getpagesize() / 2**20


def synthetic_edges(nodes: int, edges: int, seed: int = 1) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    source = rng.integers(0, nodes, edges, dtype=np.int32)
    target = (source + rng.integers(1, nodes, edges, dtype=np.int32)) % nodes  # never a self-loop
    start = rng.integers(0, 50_000, edges, dtype=np.int32)
    return {"source": source, "target": target.astype(np.int32),
            "schema": rng.integers(0, len(SCHEMATA), edges, dtype=np.int8),
            "document": rng.integers(0, max(1, edges // 50), edges, dtype=np.int32),
            "start": start, "end": start + rng.integers(20, 300, edges, dtype=np.int32)}


def build_array(nodes: int, data: dict[str, np.ndarray]) -> ArrayGraph:
    names = [f"n{i}" for i in range(nodes)]
    docs = [f"doc{i}" for i in range(int(data["document"].max()) + 1)]
    return ArrayGraph(names, data["source"], data["target"], data["schema"], SCHEMATA, data["document"],
                      data["start"], data["end"], docs)


def build_nx(nodes: int, data: dict[str, np.ndarray]) -> NxGraph:
    g = NxGraph()
    for i in range(nodes):
        g.add_node(f"n{i}")
    for k in range(len(data["source"])):
        g.add(Edge(f"n{data['source'][k]}", f"n{data['target'][k]}", SCHEMATA[data["schema"][k]], f"e{k}",
                   Span(f"doc{data['document'][k]}", int(data["start"][k]), int(data["end"][k]))))
    return g


def timed(fn: Callable[[], Any], runs: list[float]) -> Any:
    t = time.perf_counter()
    result = fn()
    runs.append((time.perf_counter() - t) * 1000)
    return result


def report(label: str, runs: list[float]) -> None:
    runs = sorted(runs)
    p95 = runs[int(0.95 * (len(runs) - 1))]
    print(f"  {label:<28} n={len(runs):<4} p50={statistics.median(runs):7.2f} ms  p95={p95:7.2f} ms  "
          f"max={runs[-1]:7.2f} ms")


def queries(graph: GraphIndex, nodes: int, count: int, seed: int = 2) -> None:
    rng = random.Random(seed)
    runs: list[float] = []
    for _ in range(count):
        timed(lambda: graph.shortest_paths(f"n{rng.randrange(nodes)}", f"n{rng.randrange(nodes)}", 4), runs)
    report("path, random pair, ≤4 hops", runs)
    runs = []
    found = 0
    for _ in range(count):
        a = f"n{rng.randrange(nodes)}"
        b = a
        for _step in range(3):
            b = rng.choice(list(graph.neighbours(b)) or [b])
        found += bool(timed(lambda a=a, b=b: graph.shortest_paths(a, b, 4), runs))
    report(f"path, pair ≤3 hops ({found} found)", runs)
    runs = []
    sizes = []
    for _ in range(count):
        sizes.append(len(timed(lambda: graph.ego(f"n{rng.randrange(nodes)}", 2), runs)))
    report(f"ego 2 hops (~{int(statistics.mean(sizes))} nodes)", runs)


def bench_graph(nodes: int, edges: int, use_nx: bool, count: int) -> None:
    data = synthetic_edges(nodes, edges)
    gc.collect()
    before = rss_mb()
    t = time.perf_counter()
    graph: GraphIndex
    if use_nx:
        graph = build_nx(nodes, data)
        kind = "networkx"
    else:
        array = build_array(nodes, data)
        graph = array
        kind = f"ArrayGraph (arrays {array.nbytes() / 2**20:.0f} MB)"
    load = time.perf_counter() - t
    print(f"{kind}: {nodes:,} nodes, {edges:,} edges; load {load:.1f} s; RSS +{rss_mb() - before:,.0f} MB "
          f"({(rss_mb() - before) * 2**20 / edges:.0f} B/edge)")
    queries(graph, nodes, count)


def bench_timeline(docs: int) -> None:
    from followthemoney import model

    from casegraph.analyse import money, timeline
    from casegraph.analyse.snapshot import Snapshot
    from casegraph.model import Document, Statement

    rng = random.Random(3)
    entities: dict[str, Any] = {}
    statements: dict[str, list[Statement]] = {}
    documents = {}
    parties = [f"p{i}" for i in range(docs // 2)]
    for p in parties:
        e = model.make_entity("Person")
        e.id = p
        e.add("name", f"Person {p}")
        entities[p] = e
    for d in range(docs):
        doc = f"d{d}"
        documents[doc] = Document(id=doc, text="", format="txt")
        for k in range(4):  # an event and a payment per document, twice
            schema = "Event" if k % 2 else "Payment"
            e = model.make_entity(schema)
            e.id = f"{doc}-{k}"
            day = f"20{rng.randrange(10, 24)}-{rng.randrange(1, 13):02d}"
            day += "" if k == 3 else f"-{rng.randrange(1, 28):02d}"  # one partial date in four
            a, b = rng.sample(parties, 2)
            if schema == "Event":
                e.add("date", day)
                e.add("involved", [a, b])
                e.add("summary", f"Something happened {k}")
            else:
                e.add("date", day)
                e.add("payer", a)
                e.add("beneficiary", b)
                e.add("amount", str(rng.randrange(100, 10**6)))
                e.add("currency", rng.choice(["EUR", "RUB", "USD"]))
            entities[e.id] = e
            statements[e.id] = [Statement(entity_id=e.id, schema=schema, prop="summary" if k % 2 else "amount",
                                          value="x", document_id=doc, start=10 * k, end=10 * k + 9,
                                          origin="bench")]
    snap = Snapshot(entities, statements, [], [], documents, lambda x: x, lambda d: documents[d])
    snap.span = lambda entity_id, prefer=(): Span(statements[entity_id][0].document_id, 0, 9)  # type: ignore[method-assign]
    print(f"{docs:,} documents, {len(entities):,} entities")
    def baseline() -> list[tuple[str, str]]:
        """The least any timeline must do: read every entity's dates and sort them."""
        return sorted((d, e.id or "") for e in entities.values() for d in e.get("date", quiet=True))

    for label, fn in (("baseline: read dates, sort", baseline), ("timeline (all)", lambda: timeline.build(snap)),
                      ("timeline (one party)", lambda: timeline.build(snap, parties[0])),
                      ("money (all)", lambda: money.build(snap)),
                      ("money (one party)", lambda: money.build(snap, parties[0]))):
        runs: list[float] = []
        for _ in range(5):
            timed(fn, runs)
        report(label, runs)


def bench_store(docs: int, path: str) -> None:
    """Timeline and money end to end on a case store of ``docs`` documents (written through the store's
    own ``replace_extraction``, no NLP): the snapshot load (``Case.entities()`` etc.) and the analysis."""
    from pathlib import Path

    from casegraph.analyse import money, timeline
    from casegraph.analyse.snapshot import Snapshot
    from casegraph.model import Document, Statement
    from casegraph.services import Case
    from casegraph.store.base import Extraction

    rng = random.Random(4)
    target = Path(path)
    if not target.exists():
        case = Case.open(target)
        t = time.perf_counter()
        people = [f"cg-{i:024x}" for i in range(docs // 2)]
        for d in range(docs):
            doc_id = f"{d:064x}"
            case.store.add_document(Document(id=doc_id, text="x" * 400, format="txt", title=f"doc {d}"))
            sts = []
            a, b = rng.sample(people, 2)
            for who in (a, b):
                sts.append(Statement(who, "Person", "name", f"Person {who[-6:]}", doc_id, 0, 10, "bench"))
            for k in range(2):
                eid = f"cg-e{d:010x}{k:02x}"
                day = f"20{rng.randrange(10, 24)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 28):02d}"
                if k:
                    sts += [Statement(eid, "Event", "date", day, doc_id, 20, 30, "bench"),
                            Statement(eid, "Event", "summary", f"Event {k}", doc_id, 20, 90, "bench"),
                            Statement(eid, "Event", "involved", a, doc_id, 40, 50, "bench"),
                            Statement(eid, "Event", "involved", b, doc_id, 60, 70, "bench")]
                else:
                    sts += [Statement(eid, "Payment", "date", day, doc_id, 100, 110, "bench"),
                            Statement(eid, "Payment", "amount", str(rng.randrange(100, 10**6)), doc_id, 120, 130,
                                      "bench"),
                            Statement(eid, "Payment", "currency", rng.choice(["EUR", "RUB"]), doc_id, 131, 134,
                                      "bench"),
                            Statement(eid, "Payment", "payer", a, doc_id, 140, 150, "bench"),
                            Statement(eid, "Payment", "beneficiary", b, doc_id, 160, 170, "bench")]
            case.store.replace_extraction(Extraction(doc_id, sts, [], [], []))
        case.close()
        print(f"built {docs:,} documents in {time.perf_counter() - t:.0f} s")
    case = Case.open(target)
    runs: list[float] = []
    snap = timed(lambda: Snapshot.from_case(case), runs)
    report("snapshot load (Case reads)", runs)
    for label, fn in (("timeline (all)", lambda: timeline.build(snap)),
                      ("timeline (one party)", lambda: timeline.build(snap, next(iter(snap.entities)))),
                      ("money (all)", lambda: money.build(snap))):
        runs = []
        for _ in range(3):
            timed(fn, runs)
        report(label, runs)
    from casegraph.services import analysis

    for label, fn in (("service timeline, cold", lambda: analysis.timeline(case)),
                      ("service timeline, warm", lambda: analysis.timeline(case)),
                      ("service money, warm", lambda: analysis.money(case)),
                      ("service timeline one party", lambda: analysis.timeline(case, next(iter(snap.entities))))):
        runs = []
        timed(fn, runs)
        report(label, runs)
    case.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--nodes", type=int, default=100_000)
    ap.add_argument("--edges", type=int, default=500_000)
    ap.add_argument("--nx", action="store_true", help="networkx instead of the CSR arrays")
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--docs", type=int, default=0)
    ap.add_argument("--timeline", action="store_true")
    ap.add_argument("--store", help="a case file to build (if missing) and measure timeline/money on, end to end")
    args = ap.parse_args()
    if args.store:
        bench_store(args.docs or 10_000, args.store)
        return
    if args.timeline:
        bench_timeline(args.docs or 10_000)
        return
    bench_graph(args.nodes, args.edges, args.nx, args.queries)


if __name__ == "__main__":
    main()
