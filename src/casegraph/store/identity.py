"""Identity in the SQL store: judgements (audited edges), the canonical map (their read model) and
imported datasets. Mixed into :class:`casegraph.store.sql.SqlStore`; every write is one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, delete, insert, select, update
from sqlalchemy.exc import SQLAlchemyError

from casegraph.errors import StoreError
from casegraph.model import Judgement, JudgementKind, Statement
from casegraph.store import tables as t


class IdentityStoreMixin:
    """Expects ``_write``/``_read`` (transaction and connection) from the store."""

    if TYPE_CHECKING:
        def _write(self) -> Any: ...

        def _read(self) -> Connection: ...

    # -- judgements ------------------------------------------------------------------------------
    def add_judgements(self, judgements: Iterable[Judgement], retire: Iterable[str] = (), at: str = "",
                       canonical: dict[str, str] | None = None) -> None:
        """Append judgements, soft-delete the ``retire`` ids (at ``at``) and, when given, replace the
        canonical map — all in one transaction, so the read model never lags its edges."""
        rows = [_judgement_row(j) for j in judgements]
        retired = list(retire)
        try:
            with self._write() as conn:
                if retired:
                    for chunk in _chunks(retired):
                        conn.execute(update(t.judgements).where(t.judgements.c.id.in_(chunk),
                                                                t.judgements.c.deleted_at.is_(None))
                                     .values(deleted_at=at))
                if rows:
                    known = {r.id for chunk in _chunks([r["id"] for r in rows]) for r in conn.execute(
                        select(t.judgements.c.id).where(t.judgements.c.id.in_(chunk)))}
                    fresh = list({r["id"]: r for r in rows if r["id"] not in known}.values())
                    if fresh:
                        conn.execute(insert(t.judgements), fresh)
                if canonical is not None:
                    _replace_canonical(conn, canonical)
        except SQLAlchemyError as exc:
            raise StoreError(f"recording judgements failed and was rolled back: {exc}") from exc

    def list_judgements(self, include_deleted: bool = False) -> list[Judgement]:
        query = select(t.judgements).order_by(t.judgements.c.created_at, t.judgements.c.id)
        if not include_deleted:
            query = query.where(t.judgements.c.deleted_at.is_(None))
        with self._read() as conn:
            return [Judgement(source=r.source, target=r.target, judgement=JudgementKind(r.judgement),
                              origin=r.origin, score=r.score, reasons=list(r.reasons or []),
                              created_at=r.created_at, deleted_at=r.deleted_at, id=r.id)
                    for r in conn.execute(query)]

    def replace_canonical(self, canonical: dict[str, str]) -> None:
        with self._write() as conn:
            _replace_canonical(conn, canonical)

    def canonical_map(self) -> dict[str, str]:
        """Entity id → canonical id, for merged entities only (an unmerged id is its own)."""
        with self._read() as conn:
            return {r.entity_id: r.canonical_id for r in conn.execute(select(t.entity_canonical))}

    def entity_documents(self) -> dict[str, set[str]]:
        """Each extracted entity id → the documents its statements come from (one, for a per-document
        entity); the resolver keeps one document's entities apart."""
        out: dict[str, set[str]] = {}
        query = select(t.statements.c.entity_id, t.statements.c.document_id).distinct().where(
            t.statements.c.document_id.is_not(None))
        with self._read() as conn:
            for r in conn.execute(query):
                out.setdefault(r.entity_id, set()).add(r.document_id)
        return out

    # -- imported datasets -----------------------------------------------------------------------
    def replace_dataset_entities(self, dataset: str, source: str, statements: list[Statement],
                                 removed: Iterable[str], stamp: str) -> None:
        """One import batch, all or nothing: the dataset's statements of every entity in the batch (and
        of every entity the batch deletes) are replaced by the batch's statements."""
        touched = sorted({s.entity_id for s in statements} | set(removed))
        try:
            with self._write() as conn:
                for chunk in _chunks(touched):
                    conn.execute(delete(t.statements).where(t.statements.c.dataset == dataset,
                                                            t.statements.c.entity_id.in_(chunk)))
                seen: set[str] = set()
                rows = []
                for s in statements:
                    if s.id not in seen:
                        seen.add(s.id)
                        rows.append(statement_row(s, stamp))
                if rows:
                    conn.execute(insert(t.statements), rows)
                count = len({r.entity_id for r in conn.execute(
                    select(t.statements.c.entity_id).distinct().where(t.statements.c.dataset == dataset))})
                if conn.execute(select(t.datasets.c.name).where(t.datasets.c.name == dataset)).first():
                    conn.execute(update(t.datasets).where(t.datasets.c.name == dataset).values(
                        source=source, imported_at=stamp, entities=count))
                else:
                    conn.execute(insert(t.datasets).values(name=dataset, source=source, imported_at=stamp,
                                                           entities=count))
        except SQLAlchemyError as exc:
            raise StoreError(f"importing {dataset!r} failed and was rolled back: {exc}") from exc

    def list_datasets(self) -> list[dict[str, Any]]:
        with self._read() as conn:
            return [dict(r._mapping) for r in conn.execute(select(t.datasets).order_by(t.datasets.c.name))]


def statement_row(s: Statement, stamp: str) -> dict[str, Any]:
    return {"id": s.id, "entity_id": s.entity_id, "schema": s.schema, "prop": s.prop, "value": s.value,
            "document_id": s.document_id, "start": s.start, "end": s.end, "origin": s.origin,
            "confidence": s.confidence, "status": s.status.value, "created_at": stamp,
            "dataset": s.dataset, "source_ref": s.source_ref}


def _judgement_row(j: Judgement) -> dict[str, Any]:
    return {"id": j.id, "source": j.source, "target": j.target, "judgement": j.judgement.value, "score": j.score,
            "reasons": list(j.reasons), "origin": j.origin, "created_at": j.created_at,
            "deleted_at": j.deleted_at}


def _replace_canonical(conn: Connection, canonical: dict[str, str]) -> None:
    conn.execute(delete(t.entity_canonical))
    rows = [{"entity_id": e, "canonical_id": c} for e, c in sorted(canonical.items()) if e != c]
    if rows:
        conn.execute(insert(t.entity_canonical), rows)


def _chunks(items: list[str], size: int = 500) -> Iterable[list[str]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]
