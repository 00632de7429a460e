"""A compact graph for millions of edges: CSR arrays (numpy) behind :class:`casegraph.analyse.graph.GraphIndex`.

networkx keeps a dict per node and a dict per edge end; at 5,000,000 edges that is several GB (see
docs/benchmarks.md), too much for a shared machine. Here the adjacency is two int arrays (row offsets
and neighbours, both directions) and each edge's schema and source span live in parallel arrays, so
5M edges cost well under a GB. Queries are breadth-first searches over the arrays: bidirectional for
paths (each side grows the smaller frontier), layered for ego networks.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from casegraph.analyse.graph import MAX_PATHS, Edge
from casegraph.analyse.snapshot import Span


class ArrayGraph:
    def __init__(self, nodes: list[str], source: np.ndarray, target: np.ndarray, schema: np.ndarray,
                 schemata: list[str], document: np.ndarray, start: np.ndarray, end: np.ndarray,
                 documents: list[str]) -> None:
        self.nodes = nodes
        self.index = {n: i for i, n in enumerate(nodes)}
        self.edge_source, self.edge_target = source, target
        self.schema, self.schemata = schema, schemata
        self.document, self.start, self.end, self.documents = document, start, end, documents
        heads = np.concatenate([source, target])
        tails = np.concatenate([target, source])
        order = np.argsort(heads, kind="stable")
        self.neighbour = tails[order].astype(np.int32)
        self.edge_of = (order % len(source)).astype(np.int32)  # which edge each adjacency slot is
        counts = np.bincount(heads, minlength=len(nodes))
        self.offset = np.zeros(len(nodes) + 1, dtype=np.int64)
        np.cumsum(counts, out=self.offset[1:])

    def nbytes(self) -> int:
        arrays = (self.edge_source, self.edge_target, self.schema, self.document, self.start, self.end,
                  self.neighbour, self.edge_of, self.offset)
        return int(sum(a.nbytes for a in arrays))

    def _adj(self, i: int) -> np.ndarray:
        return self.neighbour[self.offset[i]:self.offset[i + 1]]

    def has_node(self, node: str) -> bool:
        return node in self.index

    def neighbours(self, node: str) -> Iterable[str]:
        i = self.index.get(node)
        return [] if i is None else [self.nodes[j] for j in np.unique(self._adj(i))]

    def _grow(self, frontier: list[int], dist: dict[int, int], depth: int) -> list[int]:
        found: list[int] = []
        for i in frontier:
            for j in self._adj(i).tolist():
                if j not in dist:
                    dist[j] = depth
                    found.append(j)
        return found

    def shortest_paths(self, a: str, b: str, max_hops: int, limit: int = MAX_PATHS) -> list[list[str]]:
        ia, ib = self.index.get(a), self.index.get(b)
        if ia is None or ib is None or ia == ib:
            return []
        da, db = {ia: 0}, {ib: 0}
        fa, fb = [ia], [ib]
        ra = rb = 0
        meet: list[int] = []
        while fa and fb and ra + rb < max_hops:
            if len(fa) <= len(fb):
                ra += 1
                fa = self._grow(fa, da, ra)
                meet = [x for x in fa if x in db]
            else:
                rb += 1
                fb = self._grow(fb, db, rb)
                meet = [x for x in fb if x in da]
            if meet:
                break
        if not meet:
            return []
        best = min(da[m] + db[m] for m in meet)
        paths: list[list[str]] = []
        for m in meet:
            if da[m] + db[m] != best:
                continue
            for left in self._back(m, da, limit):
                for right in self._back(m, db, limit):
                    paths.append([self.nodes[x] for x in left[::-1] + right[1:]])
                    if len(paths) >= limit:
                        return paths
        return paths

    def _back(self, node: int, dist: dict[int, int], limit: int) -> list[list[int]]:
        """Paths from ``node`` back to the search's start (distance 0), at most ``limit``."""
        if dist[node] == 0:
            return [[node]]
        out: list[list[int]] = []
        for j in np.unique(self._adj(node)).tolist():
            if dist.get(j) == dist[node] - 1:
                for rest in self._back(j, dist, limit - len(out)):
                    out.append([node, *rest])
                    if len(out) >= limit:
                        return out
        return out

    def ego(self, node: str, hops: int) -> dict[str, int]:
        i = self.index.get(node)
        if i is None:
            return {}
        dist = {i: 0}
        frontier = [i]
        for depth in range(1, hops + 1):
            frontier = self._grow(frontier, dist, depth)
        return {self.nodes[k]: d for k, d in dist.items()}

    def edges_between(self, a: str, b: str) -> list[Edge]:
        ia, ib = self.index.get(a), self.index.get(b)
        if ia is None or ib is None:
            return []
        lo = self.offset[ia]
        slots = np.nonzero(self._adj(ia) == ib)[0] + lo
        edges = []
        for e in sorted(set(self.edge_of[slots].tolist())):
            doc = int(self.document[e])
            span = Span(self.documents[doc] if doc >= 0 else None, int(self.start[e]), int(self.end[e]))
            edges.append(Edge(self.nodes[int(self.edge_source[e])], self.nodes[int(self.edge_target[e])],
                              self.schemata[int(self.schema[e])], f"edge-{e}", span))
        return edges
