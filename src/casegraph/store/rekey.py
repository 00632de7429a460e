"""Re-key a case built by schema 0001 (name-hash party ids) to per-document party ids.

Schema 0001 gave a party the id ``make_id("cg", family, name key)``, one id for a name across every
document. Now a party is first a per-document entity, ``make_id("cg", document id, <old id>)`` (what
``extract/emit.py`` computes), so the old ids can be re-keyed by computation: statements, mentions,
quotes, claims and contradictions move to the per-document ids, statement and contradiction ids are
recomputed, reviewer decisions follow their facts, and the old cross-document identity is kept as
automatic positive judgements (which the next resolution re-decides, like any machine judgement).

The hashes are written out here rather than imported, so this migration means the same thing forever.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from typing import Any

from sqlalchemy import JSON, Connection, column, insert, table, text

MIGRATED_AT = "1970-01-01T00:00:00+00:00"  # migrated judgements predate anything decided later


def _make_id(prefix: str, *parts: object) -> str:
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return f"{prefix}-{hashlib.sha1(joined.encode('utf-8')).hexdigest()[:24]}"


def per_document_id(document_id: str, old_id: str) -> str:
    return _make_id("cg", document_id, old_id)


def rekey_parties(conn: Connection) -> dict[str, str]:
    """Re-key in place on ``conn`` (inside the migration's transaction). Returns old statement or
    contradiction id → new id, for the record."""
    parties = {r[0] for r in conn.execute(text("SELECT DISTINCT entity_id FROM mentions"))}
    parties |= {r[0] for r in conn.execute(text(
        "SELECT DISTINCT entity_id FROM statements WHERE origin LIKE :pattern"), {"pattern": "%:parties"})}
    if not parties:
        return {}
    docs_of: dict[str, set[str]] = defaultdict(set)
    for eid, doc in conn.execute(text("SELECT entity_id, document_id FROM mentions")):
        docs_of[eid].add(doc)
    for eid, doc in conn.execute(text(
            "SELECT entity_id, document_id FROM statements WHERE document_id IS NOT NULL")):
        if eid in parties:
            docs_of[eid].add(doc)

    def new(doc: str | None, value: str | None) -> str | None:
        if value is None or value not in parties:
            return value
        doc = doc or min(docs_of.get(value) or {""})
        return per_document_id(doc, value) if doc else value

    remapped: dict[str, str] = {}
    updates: list[dict[str, Any]] = []
    for r in conn.execute(text('SELECT id, entity_id, prop, value, document_id, start, "end", dataset '
                               'FROM statements')):
        eid, value = new(r.document_id, r.entity_id), new(r.document_id, r.value)
        if (eid, value) == (r.entity_id, r.value):
            continue
        parts: list[object] = [eid, r.prop, value, r.document_id, r.start, r.end]
        sid = _make_id("st", *parts, r.dataset) if r.dataset else _make_id("st", *parts)
        remapped[r.id] = sid
        updates.append({"old": r.id, "id": sid, "entity_id": eid, "value": value})
    if updates:
        conn.execute(text("UPDATE statements SET id = :id, entity_id = :entity_id, value = :value "
                          "WHERE id = :old"), updates)
    mentions = [{"id": r.id, "entity_id": new(r.document_id, r.entity_id)}
                for r in conn.execute(text("SELECT id, entity_id, document_id FROM mentions"))]
    if mentions:
        conn.execute(text("UPDATE mentions SET entity_id = :entity_id WHERE id = :id"), mentions)
    quotes = [{"id": r.id, "speaker": new(r.document_id, r.speaker), "audience": new(r.document_id, r.audience)}
              for r in conn.execute(text("SELECT id, document_id, speaker, audience FROM quotes"))]
    if quotes:
        conn.execute(text("UPDATE quotes SET speaker = :speaker, audience = :audience WHERE id = :id"), quotes)
    claim_doc: dict[str, str] = {}
    claims = []
    for r in conn.execute(text('SELECT id, document_id, subject, "by" FROM claims')):
        claim_doc[r.id] = r.document_id
        claims.append({"id": r.id, "subject": new(r.document_id, r.subject), "by": new(r.document_id, r.by)})
    if claims:
        conn.execute(text('UPDATE claims SET subject = :subject, "by" = :by WHERE id = :id'), claims)
    _rekey_contradictions(conn, new, claim_doc, remapped)
    if remapped:
        conn.execute(text("UPDATE decisions SET target_id = :new WHERE target_id = :old"),
                     [{"old": o, "new": n} for o, n in remapped.items()])
    _keep_old_identity(conn, docs_of)
    return remapped


def _rekey_contradictions(conn: Connection, new: Any, claim_doc: dict[str, str], remapped: dict[str, str]) -> None:
    import json

    for r in conn.execute(text("SELECT id, subject, claim_ids FROM contradictions")).all():
        claim_ids = r.claim_ids if isinstance(r.claim_ids, list) else json.loads(r.claim_ids or "[]")
        doc = next((claim_doc[c] for c in claim_ids if c in claim_doc), None)
        subject = new(doc, r.subject)
        if subject == r.subject:
            continue
        cid = _make_id("cx", subject, *sorted(claim_ids))
        remapped[r.id] = cid
        conn.execute(text("UPDATE contradictions SET id = :id, subject = :subject WHERE id = :old"),
                     {"id": cid, "subject": subject, "old": r.id})


def _keep_old_identity(conn: Connection, docs_of: dict[str, set[str]]) -> None:
    """One old id in several documents was one entity: say so with automatic positive judgements."""
    from casegraph.model.judgement import AUTO_ORIGIN
    from casegraph.resolve.resolver import cluster

    edges: list[dict[str, Any]] = []
    ids: list[str] = []
    for old, docs in sorted(docs_of.items()):
        members = sorted(per_document_id(d, old) for d in docs)
        ids.extend(members)
        for other in members[1:]:
            edges.append({"id": _make_id("jd", members[0], other, "positive", AUTO_ORIGIN, MIGRATED_AT),
                          "source": members[0], "target": other, "judgement": "positive", "score": 1.0,
                          "reasons": '["same name in schema 0001 (migrated)"]', "origin": AUTO_ORIGIN,
                          "created_at": MIGRATED_AT})
    if not edges:
        return
    judgements = table("judgements", column("id"), column("source"), column("target"), column("judgement"),
                       column("score"), column("reasons", JSON), column("origin"), column("created_at"))
    conn.execute(insert(judgements), edges)
    from casegraph.model.judgement import Judgement, JudgementKind

    clusters = cluster(ids, [Judgement(e["source"], e["target"], JudgementKind.POSITIVE, AUTO_ORIGIN, 1.0,
                                       created_at=MIGRATED_AT, id=e["id"]) for e in edges])
    rows = [{"e": e, "c": c} for e, c in clusters.merged().items()]
    if rows:
        conn.execute(text("INSERT INTO entity_canonical (entity_id, canonical_id) VALUES (:e, :c)"), rows)
