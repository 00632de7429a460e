"""The connection graph: parties as nodes, sourced facts as edges, behind one small interface.

Edges come from FtM's own edge definitions (``schema.edge`` with ``edge_source`` → ``edge_target``:
Payment payer → beneficiary, Directorship director → organization, …), from the entity-typed
properties of the other interval schemata (the parties of one Event are connected through it), and
from quotes (speaker → audience). Each edge keeps the FtM schema and the source span it rests on.

Two implementations of :class:`GraphIndex`: :class:`NxGraph` (networkx, for a case) and
:class:`casegraph.analyse.graph_array.ArrayGraph` (CSR arrays, for million-node graphs, where
networkx's dict-of-dicts costs too much memory — see docs/benchmarks.md). Both answer the same
queries, so callers do not know which one they hold.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import combinations, islice
from typing import Any, Protocol

import networkx as nx

from casegraph.analyse.snapshot import Snapshot, Span

QUOTE = "Quote"  # not an FtM schema: a speaker addressing an audience
MAX_PATHS = 10


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    schema: str
    via: str  # the entity (or quote) id the edge comes from
    span: Span

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "target": self.target, "schema": self.schema, "id": self.via,
                **self.span.to_dict()}


class GraphIndex(Protocol):
    def has_node(self, node: str) -> bool: ...

    def shortest_paths(self, a: str, b: str, max_hops: int, limit: int = MAX_PATHS) -> list[list[str]]:
        """Every shortest path of at most ``max_hops`` edges (at most ``limit`` of them)."""
        ...

    def ego(self, node: str, hops: int) -> dict[str, int]:
        """Nodes within ``hops`` of ``node``, with their distance."""
        ...

    def edges_between(self, a: str, b: str) -> list[Edge]: ...

    def neighbours(self, node: str) -> Iterable[str]: ...


class NxGraph:
    """A networkx Graph whose edge attribute ``facts`` lists every sourced fact joining two nodes."""

    def __init__(self) -> None:
        self.g = nx.Graph()

    def add(self, edge: Edge) -> None:
        if edge.source == edge.target:
            return
        if self.g.has_edge(edge.source, edge.target):
            self.g[edge.source][edge.target]["facts"].append(edge)
        else:
            self.g.add_edge(edge.source, edge.target, facts=[edge])

    def add_node(self, node: str, **attrs: Any) -> None:
        self.g.add_node(node, **attrs)

    def has_node(self, node: str) -> bool:
        return bool(self.g.has_node(node))

    def shortest_paths(self, a: str, b: str, max_hops: int, limit: int = MAX_PATHS) -> list[list[str]]:
        if not (self.has_node(a) and self.has_node(b)) or a == b:
            return []
        try:
            first = nx.bidirectional_shortest_path(self.g, a, b)
        except nx.NetworkXNoPath:
            return []
        if len(first) - 1 > max_hops:
            return []
        # a DFS bounded by the shortest length, not all_shortest_paths' BFS over the whole component
        hops = len(first) - 1
        found = (p for p in nx.all_simple_paths(self.g, a, b, cutoff=hops) if len(p) - 1 == hops)
        return [list(p) for p in islice(found, limit)]

    def ego(self, node: str, hops: int) -> dict[str, int]:
        if not self.has_node(node):
            return {}
        return dict(nx.single_source_shortest_path_length(self.g, node, cutoff=hops))

    def edges_between(self, a: str, b: str) -> list[Edge]:
        data = self.g.get_edge_data(a, b)
        return list(data["facts"]) if data else []

    def neighbours(self, node: str) -> Iterable[str]:
        return iter(self.g.adj[node]) if self.has_node(node) else iter(())

    def edges(self) -> Iterator[Edge]:
        for _a, _b, facts in self.g.edges(data="facts"):
            yield from facts


def fact_edges(snap: Snapshot) -> Iterator[Edge]:
    """Every sourced edge of the case, read from the FtM schemata."""
    for e in snap.entities.values():
        schema = e.schema
        if not e.id or not schema.is_a("Interval"):
            continue
        span = snap.span(e.id)
        if schema.edge and schema.edge_source and schema.edge_target:
            for s in snap.refs(e, schema.edge_source):
                for t in snap.refs(e, schema.edge_target):
                    yield Edge(s, t, schema.name, e.id, span)
            continue
        parties: list[str] = []
        for prop in schema.properties.values():
            if prop.type.name == "entity" and not prop.stub and prop.name != "proof":
                parties.extend(v for v in snap.refs(e, prop.name) if v not in parties and snap.is_party(v))
        for s, t in combinations(parties, 2):
            yield Edge(s, t, schema.name, e.id, span)
    for q in snap.quotes:
        if q.speaker and q.audience:
            yield Edge(q.speaker, q.audience, QUOTE, q.id, Span(q.document_id, q.start, q.end))


def build(snap: Snapshot) -> NxGraph:
    graph = NxGraph()
    for e in snap.entities.values():
        if e.id and e.schema.is_a("LegalEntity"):
            graph.add_node(e.id, label=e.caption, schema=e.schema.name)
    for edge in fact_edges(snap):
        for node in (edge.source, edge.target):
            if not graph.has_node(node):
                graph.add_node(node, label=snap.name(node), schema=_schema(snap, node))
        graph.add(edge)
    return graph


def _schema(snap: Snapshot, node: str) -> str:
    entity = snap.entities.get(node)
    return entity.schema.name if entity is not None else "Thing"


def node_dict(snap: Snapshot, node: str, **extra: Any) -> dict[str, Any]:
    return {"id": node, "name": snap.name(node), "schema": _schema(snap, node), **extra}


def paths(graph: GraphIndex, a: str, b: str, max_hops: int = 4) -> dict[str, Any]:
    found = []
    for nodes in graph.shortest_paths(a, b, max_hops):
        edges = [_best(graph.edges_between(x, y), x, y).to_dict() for x, y in zip(nodes, nodes[1:], strict=False)]
        found.append({"nodes": nodes, "edges": edges})
    return {"paths": found}


def _best(edges: Iterable[Edge], a: str, b: str) -> Edge:
    """The fact a path step shows: the first with a document span, FtM relations before quotes."""
    ranked = sorted(edges, key=lambda e: (e.span.document is None, e.schema == QUOTE, e.schema, e.via))
    if not ranked:
        raise ValueError(f"no edge between {a} and {b}")
    return ranked[0]


def network(snap: Snapshot, graph: GraphIndex, node: str, hops: int = 2) -> dict[str, Any]:
    near = graph.ego(node, hops)
    edges: list[dict[str, Any]] = []
    ordered = sorted(near, key=lambda n: (near[n], snap.name(n), n))
    rank = {n: i for i, n in enumerate(ordered)}
    for x in ordered:
        for y in sorted((y for y in graph.neighbours(x) if rank.get(y, -1) > rank[x]), key=rank.__getitem__):
            edges.extend(e.to_dict() for e in graph.edges_between(x, y))
    return {"center": node, "hops": hops, "nodes": [node_dict(snap, n, hops=near[n]) for n in ordered],
            "edges": edges}
