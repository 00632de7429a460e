"""Graph exports for Gephi and spreadsheets: GEXF, GraphML (networkx's writers) and CSV.

The graph is the analysis graph (:mod:`casegraph.analyse.graph`): FtM edge schemata plus shared events
and quotes' audiences, each edge carrying its FtM schema and source span (document, start, end), which
followthemoney's own ``NXGraphExporter`` does not know about; so GEXF and GraphML are written by
networkx from that graph. CSV uses followthemoney's ``CSVExporter`` (one file per schema) and adds
``edges.csv`` with the sourced edges.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx
from followthemoney.export.csv import CSVExporter

from casegraph.analyse import graph as graphs
from casegraph.analyse.snapshot import Snapshot

if TYPE_CHECKING:
    from casegraph.services.case import Case

EDGE_FIELDS = ("source", "target", "schema", "id", "document", "start", "end")


def _clean(attrs: dict[str, Any]) -> dict[str, Any]:
    """GEXF/GraphML attributes must be strings or numbers."""
    return {k: ("" if v is None else v) for k, v in attrs.items()}


def to_networkx(snap: Snapshot) -> nx.MultiDiGraph:
    built = graphs.build(snap)
    g = nx.MultiDiGraph()
    for node, attrs in built.g.nodes(data=True):
        g.add_node(node, label=attrs.get("label") or snap.name(node), schema=attrs.get("schema") or "Thing")
    for edge in built.edges():
        d = edge.to_dict()
        g.add_edge(edge.source, edge.target, key=f"{edge.via}:{edge.source}:{edge.target}",
                   **_clean({k: d[k] for k in EDGE_FIELDS[2:]}), label=edge.schema)
    return g


def gexf(case: Case) -> str:
    return "\n".join(nx.generate_gexf(to_networkx(Snapshot.from_case(case)))) + "\n"


def graphml(case: Case) -> str:
    return "\n".join(nx.generate_graphml(to_networkx(Snapshot.from_case(case)))) + "\n"


def network_gexf(data: dict[str, Any]) -> str:
    """An ego network (``services.analysis.network``'s result) as GEXF."""
    g = nx.MultiDiGraph()
    for node in data["nodes"]:
        g.add_node(node["id"], label=node["name"], schema=node["schema"], hops=node["hops"])
    for n, e in enumerate(data["edges"]):
        g.add_edge(e["source"], e["target"], key=str(n), **_clean({k: e[k] for k in EDGE_FIELDS[2:]}),
                   label=e["schema"])
    return "\n".join(nx.generate_gexf(g)) + "\n"


def write_csv(case: Case, directory: Path) -> list[Path]:
    """One CSV per FtM schema (followthemoney's exporter) plus ``edges.csv``; returns the files."""
    snap = Snapshot.from_case(case)
    exporter = CSVExporter(directory)
    for entity in snap.entities.values():
        exporter.write(entity)
    exporter.finalize()
    buf = io.StringIO()
    writer = csv.writer(buf, dialect=csv.unix_dialect)
    writer.writerow(EDGE_FIELDS)
    for edge in graphs.fact_edges(snap):
        d = edge.to_dict()
        writer.writerow(["" if d[k] is None else d[k] for k in EDGE_FIELDS])
    (directory / "edges.csv").write_text(buf.getvalue(), encoding="utf-8")
    return sorted(directory.glob("*.csv"))
