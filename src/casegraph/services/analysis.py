"""Analysis use cases: what the CLI (``casegraph timeline`` …) and the web workbench call.

Each function takes a :class:`casegraph.services.case.Case`, reads it through the case's canonical
read methods (one :class:`casegraph.analyse.snapshot.Snapshot` per call) and returns JSON-ready data
in the shapes documented in docs/analysis.md. Names given by a user resolve through
``Case.find_entity_id`` (NotFound / AmbiguousName carry the candidates).
"""

from __future__ import annotations

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


def _resolve(case: Case, name: str | None) -> str | None:
    return case.find_entity_id(name) if name else None


def timeline(case: Case, entity: str | None = None, date_from: str | None = None,
             date_to: str | None = None) -> list[dict[str, Any]]:
    return timelines.build(Snapshot.from_case(case), _resolve(case, entity), check_date(date_from),
                           check_date(date_to))


def money(case: Case, entity: str | None = None) -> dict[str, Any]:
    return money_trail.build(Snapshot.from_case(case), _resolve(case, entity))


def paths(case: Case, a: str, b: str, max_hops: int = 4) -> dict[str, Any]:
    if max_hops < 1:
        raise InputError("--max-hops must be at least 1")
    source, target = case.find_entity_id(a), case.find_entity_id(b)
    snap = Snapshot.from_case(case)
    result = graphs.paths(graphs.build(snap), source, target, max_hops)
    result["names"] = {n: snap.name(n) for p in result["paths"] for n in p["nodes"]}
    return result


def network(case: Case, name: str, hops: int = 2) -> dict[str, Any]:
    if hops < 0:
        raise InputError("--hops must not be negative")
    center = case.find_entity_id(name)
    snap = Snapshot.from_case(case)
    return graphs.network(snap, graphs.build(snap), center, hops)


def contradictions(case: Case) -> list[dict[str, Any]]:
    snap = Snapshot.from_case(case)
    stored = {cid for cid, *_ in case.contradictions()}
    out = []
    for f in cx.find_all(snap):
        c = f.contradiction
        if f.kind == "within-document" and c.id not in stored:
            continue  # a reviewer rejected it
        out.append({"id": c.id, "subject": c.subject, "subject_name": snap.name(c.subject) if c.subject else None,
                    "topic": c.topic, "kind": f.kind, "explanation": f.explanation,
                    "claims": [{"id": cl.id, "text": cl.text, "by": cl.by,
                                "by_name": snap.name(cl.by) if cl.by and cl.by.startswith("cg-") else cl.by,
                                "audience": f.audiences.get(cl.id), "document": cl.document_id,
                                "start": cl.start, "end": cl.end} for cl in c.claims]})
    return out


def chain(case: Case, entity: str) -> list[dict[str, Any]]:
    snap = Snapshot.from_case(case)
    return [act.to_dict(snap) for act in chains.build(snap, case.find_entity_id(entity))]


def designations(case: Case) -> list[dict[str, Any]]:
    return registry.build(Snapshot.from_case(case))


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
