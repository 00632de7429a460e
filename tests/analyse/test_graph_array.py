"""The CSR graph answers exactly what the networkx graph answers (same interface, same results)."""

from __future__ import annotations

import random

import numpy as np

from casegraph.analyse.graph import Edge, NxGraph
from casegraph.analyse.graph_array import ArrayGraph
from casegraph.analyse.snapshot import Span


def _graphs(nodes: int, edges: int) -> tuple[ArrayGraph, NxGraph]:
    rng = np.random.default_rng(5)
    source = rng.integers(0, nodes, edges, dtype=np.int32)
    target = ((source + rng.integers(1, nodes, edges, dtype=np.int32)) % nodes).astype(np.int32)
    schema = rng.integers(0, 2, edges, dtype=np.int8)
    doc = np.zeros(edges, dtype=np.int32)
    start = np.arange(edges, dtype=np.int32)
    array = ArrayGraph([f"n{i}" for i in range(nodes)], source, target, schema, ["Payment", "Event"], doc, start,
                       start + 5, ["d0"])
    nxg = NxGraph()
    for i in range(nodes):
        nxg.add_node(f"n{i}")
    for k in range(edges):
        nxg.add(Edge(f"n{source[k]}", f"n{target[k]}", ["Payment", "Event"][schema[k]], f"edge-{k}",
                     Span("d0", int(start[k]), int(start[k]) + 5)))
    return array, nxg


def test_same_paths_egos_and_edges() -> None:
    array, nxg = _graphs(500, 900)
    rng = random.Random(9)
    found = 0
    for _ in range(200):
        a, b = f"n{rng.randrange(500)}", f"n{rng.randrange(500)}"
        got, want = array.shortest_paths(a, b, 4, limit=1000), nxg.shortest_paths(a, b, 4, limit=1000)
        assert sorted(map(tuple, got)) == sorted(map(tuple, want)), (a, b)
        found += bool(want)
        assert array.ego(a, 2) == nxg.ego(a, 2)
        for x in list(nxg.neighbours(a))[:3]:
            assert {(e.via, e.span) for e in array.edges_between(a, x)} == \
                {(e.via, e.span) for e in nxg.edges_between(a, x)}
    assert found > 10
