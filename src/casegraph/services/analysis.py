"""Analysis use cases: what the CLI (``casegraph timeline`` …) and the web workbench call.

Each function takes a :class:`casegraph.services.case.Case`, reads it through the case's canonical
read methods (one :class:`casegraph.analyse.snapshot.Snapshot` per call) and returns JSON-ready data
in the shapes documented in docs/analysis.md. Names given by a user resolve through
``Case.find_entity_id`` (NotFound / AmbiguousName carry the candidates).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from casegraph.analyse import chain as chains
from casegraph.analyse import contradictions as cx
from casegraph.analyse import designations as registry
from casegraph.analyse import graph as graphs
from casegraph.analyse import money as money_trail
from casegraph.analyse import timeline as timelines
from casegraph.analyse.dates import check_date
from casegraph.analyse.snapshot import Snapshot
from casegraph.errors import InputError

if TYPE_CHECKING:
    from casegraph.services.case import Case


SNAPSHOTS: dict[str, tuple[tuple[object, ...], Snapshot]] = {}  # store url -> (state key, snapshot)
KEPT = 4  # cases whose snapshot is kept (the web serves a few at a time)
MEMO = 64  # timeline / money results kept per snapshot


def _state(case: Case) -> tuple[object, ...]:
    """What changes whenever a fact, a review decision or a resolution judgement does: the extraction
    generation and the row counts of append-only tables."""
    generation = getattr(case.store, "extraction_generation", lambda: None)()
    counts = {k: v for k, v in case.store.counts().items() if k != "entities"}
    return (generation, *sorted(counts.items()))


def snapshot(case: Case) -> Snapshot:
    """The case's snapshot, read once and reused until the case changes (reading every statement of a
    10,000-document case takes seconds; the analyses on a snapshot take far less)."""
    key = _state(case)
    url = str(getattr(case.store, "url", id(case.store)))
    cached = SNAPSHOTS.get(url)
    if cached is not None and cached[0] == key:
        return cached[1]
    snap = Snapshot.from_case(case)
    if len(SNAPSHOTS) >= KEPT and url not in SNAPSHOTS:
        SNAPSHOTS.pop(next(iter(SNAPSHOTS)))
    SNAPSHOTS[url] = (key, snap)
    return snap


def _resolve(case: Case, name: str | None, snap: Snapshot | None = None) -> str | None:
    """A canonical id as given (what the web sends) is taken as it is; anything else is a name or a
    prefix for ``Case.find_entity_id``."""
    if not name:
        return None
    if snap is not None and name in snap.entities:
        return name
    return case.find_entity_id(name)


def _party(case: Case, name: str, snap: Snapshot) -> str:
    found = _resolve(case, name, snap)
    if found is None:
        raise InputError("a name or id is needed")
    return found


def _memo(snap: Snapshot, key: tuple[str | None, ...], build: Callable[[], Any]) -> Any:
    """A result computed once per snapshot (the snapshot is dropped when the case changes); at most
    MEMO results are kept per snapshot."""
    results = snap.memo.setdefault("results", {})
    if key not in results:
        if len(results) >= MEMO:
            results.pop(next(iter(results)))
        results[key] = build()
    return results[key]


def _graph(snap: Snapshot) -> graphs.NxGraph:
    """The snapshot's connection graph, built once per snapshot."""
    graph = snap.memo.get("graph")
    if not isinstance(graph, graphs.NxGraph):
        graph = snap.memo["graph"] = graphs.build(snap)
    return graph


def timeline(case: Case, entity: str | None = None, date_from: str | None = None,
             date_to: str | None = None) -> list[dict[str, Any]]:
    snap = snapshot(case)
    key = ("timeline", _resolve(case, entity, snap), check_date(date_from), check_date(date_to))
    return list(_memo(snap, key, lambda: timelines.build(snap, *key[1:])))


def money(case: Case, entity: str | None = None) -> dict[str, Any]:
    snap = snapshot(case)
    key = ("money", _resolve(case, entity, snap))
    return dict(_memo(snap, key, lambda: money_trail.build(snap, key[1])))


def paths(case: Case, a: str, b: str, max_hops: int = 4) -> dict[str, Any]:
    if max_hops < 1:
        raise InputError("--max-hops must be at least 1")
    snap = snapshot(case)
    source, target = _party(case, a, snap), _party(case, b, snap)
    result = graphs.paths(_graph(snap), source, target, max_hops)
    result["names"] = {n: snap.name(n) for p in result["paths"] for n in p["nodes"]}
    return result


def network(case: Case, name: str, hops: int = 2) -> dict[str, Any]:
    if hops < 0:
        raise InputError("--hops must not be negative")
    snap = snapshot(case)
    return graphs.network(snap, _graph(snap), _party(case, name, snap), hops)


def contradictions(case: Case) -> list[dict[str, Any]]:
    snap = snapshot(case)
    stored = {cid for cid, *_ in case.contradictions()}
    out = []
    for f in cx.find_all(snap):
        c = f.contradiction
        if f.kind == "within-document" and c.id not in stored:
            continue  # a reviewer rejected it
        out.append({"id": c.id, "subject": c.subject, "subject_name": snap.name(c.subject) if c.subject else None,
                    "topic": c.topic, "kind": f.kind, "explanation": f.explanation,
                    "claims": [{"id": cl.id, "text": cl.text, "by": cl.by,
                                "by_name": snap.name(cl.by) if cl.by and cl.by in snap.entities else cl.by,
                                "audience": f.audiences.get(cl.id), "document": cl.document_id,
                                "start": cl.start, "end": cl.end} for cl in c.claims]})
    return out


def chain(case: Case, entity: str) -> list[dict[str, Any]]:
    snap = snapshot(case)
    return [act.to_dict(snap) for act in chains.build(snap, _party(case, entity, snap))]


def designations(case: Case) -> list[dict[str, Any]]:
    return registry.build(snapshot(case))


def profile(case: Case, name: str, fmt: str = "html") -> str:
    from casegraph.export.profile import render_profile

    if fmt not in ("html", "md"):
        raise InputError(f"unknown dossier format {fmt!r} (html, md)")
    return render_profile(case, case.find_entity_id(name), fmt)


def refresh(case: Case) -> None:
    """Recompute the stored case-wide findings after ingest or extraction: the contradictions whose
    claims the store holds (the case bundle carries them)."""
    snap = Snapshot.from_case(case)
    stored_claims = {c.id for c in snap.claims}
    case.store.replace_contradictions(cx.storable(cx.find_all(snap), stored_claims))
