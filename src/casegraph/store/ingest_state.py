"""Ingest state in the SQL store: a document stored together with its extraction, the documents still
pending extraction, and whether case-wide analysis is due. Mixed into :class:`casegraph.store.sql.SqlStore`.

Why: an ingest killed between storing a document and storing its extraction left a document that the
next run called "already present" and never extracted. Now a new document and its extraction are one
transaction (``store_extracted``); a document stored without one (``--no-extract``, a failed
extraction, or a case from before this) has no ``extracted_at`` and is listed by
``pending_document_ids``; and analysis is due while ``extraction_generation`` (bumped with every stored
extraction) differs from the ``analysed_generation`` a finished analysis recorded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, insert, select, update
from sqlalchemy.exc import SQLAlchemyError

from casegraph.errors import StoreError
from casegraph.model import Document
from casegraph.store import tables as t
from casegraph.store.base import Extraction

EXTRACTION_GENERATION = "extraction_generation"
ANALYSED_GENERATION = "analysed_generation"


def _get(conn: Connection, key: str) -> int:
    row = conn.execute(select(t.case_state.c.value).where(t.case_state.c.key == key)).first()
    return int(row.value) if row else 0


def _set(conn: Connection, key: str, value: int) -> None:
    if conn.execute(update(t.case_state).where(t.case_state.c.key == key).values(value=value)).rowcount == 0:
        conn.execute(insert(t.case_state).values(key=key, value=value))


def bump_generation(conn: Connection) -> None:
    """Inside a transaction that stores an extraction: case-wide analysis is now due."""
    changed = conn.execute(update(t.case_state).where(t.case_state.c.key == EXTRACTION_GENERATION)
                           .values(value=t.case_state.c.value + 1)).rowcount
    if changed == 0:
        conn.execute(insert(t.case_state).values(key=EXTRACTION_GENERATION, value=1))


def document_row(document: Document, stamp: str) -> dict[str, Any]:
    return {"id": document.id, "title": document.title, "source": document.source, "url": document.url,
            "published": document.published, "language": document.language, "format": document.format,
            "size": document.size, "text": document.text, "ingested_at": document.ingested_at or stamp,
            "meta": document.meta}


class IngestStateMixin:
    """Expects ``_write``/``_read`` and ``_put_extraction`` (the extraction writer) from the store."""

    if TYPE_CHECKING:
        def _write(self) -> Any: ...

        def _read(self) -> Connection: ...

        def _put_extraction(self, conn: Connection, extraction: Extraction, stamp: str) -> None: ...

    def store_extracted(self, document: Document, extraction: Extraction | None, stamp: str) -> bool:
        """Store a document and, when given, its extraction, in one transaction: after any
        interruption either both are in the case or neither is. A document already present keeps
        its row and gets the extraction. Returns whether the document was new."""
        try:
            with self._write() as conn:
                exists = conn.execute(select(t.documents.c.id).where(t.documents.c.id == document.id)).first()
                if not exists:
                    conn.execute(insert(t.documents).values(**document_row(document, stamp)))
                if extraction is not None:
                    self._put_extraction(conn, extraction, stamp)
        except SQLAlchemyError as exc:
            raise StoreError(f"storing document {document.id[:12]} failed and was rolled back: "
                             f"{type(exc).__name__}") from exc
        return not exists

    def pending_document_ids(self) -> list[str]:
        """Documents stored without an extraction, in ingest order."""
        query = (select(t.documents.c.id).where(t.documents.c.extracted_at.is_(None))
                 .order_by(t.documents.c.ingested_at, t.documents.c.id))
        with self._read() as conn:
            return [r.id for r in conn.execute(query)]

    def analysis_due(self) -> int | None:
        """The extraction generation to analyse, or None when the last finished analysis saw it."""
        with self._read() as conn:
            current = _get(conn, EXTRACTION_GENERATION)
            done = _get(conn, ANALYSED_GENERATION)
        return current if current != done else None

    def extraction_generation(self) -> int:
        with self._read() as conn:
            return _get(conn, EXTRACTION_GENERATION)

    def mark_analysed(self, generation: int) -> None:
        """Record that analysis covering ``generation`` finished (called after the last analysis step)."""
        with self._write() as conn:
            _set(conn, ANALYSED_GENERATION, generation)
