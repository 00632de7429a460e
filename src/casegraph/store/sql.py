"""The SQLAlchemy store: one file for SQLite (the embedded default); written against SQLAlchemy
Core so the same code serves PostgreSQL.

Every public write is one transaction (``engine.begin()``): an exception inside rolls everything
back, so a failed ingest or extraction never leaves a half-written case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, Engine, create_engine, delete, event, func, insert, make_url, select, update
from sqlalchemy.exc import SQLAlchemyError

from casegraph.errors import InputError, NotFound, StoreError
from casegraph.model import Claim, Contradiction, Decision, Document, Quote, ReviewStatus, Statement
from casegraph.store import tables as t
from casegraph.store.base import Extraction, MentionRecord
from casegraph.store.identity import IdentityStoreMixin, statement_row
from casegraph.store.ingest_state import IngestStateMixin, bump_generation


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def store_url(location: str | Path) -> str:
    """A SQLAlchemy URL from a case path (``case.db``) or a URL (``postgresql+psycopg://…``)."""
    text = str(location)
    if "://" in text:
        return text
    path = Path(text).expanduser()
    if path.exists() and path.is_dir():
        raise InputError(f"{path} is a folder, not a case file")
    if not path.parent.is_dir():  # a typo in a folder name must not create a case somewhere else
        raise InputError(f"cannot create case {path}: folder {path.parent} does not exist")
    return f"sqlite:///{path}"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def migration_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(resources.files("casegraph.store") / "migrations"))
    return config


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` (the newest by default) with Alembic, from empty or from any
    older one."""
    config = migration_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def open_store(location: str | Path) -> SqlStore:
    return SqlStore(store_url(location))


class SqlStore(IdentityStoreMixin, IngestStateMixin):
    """A case held in one SQL database."""

    def __init__(self, url: str) -> None:
        self.url = url
        try:
            self.engine = create_engine(url, future=True)
            if self.engine.dialect.name == "sqlite":
                event.listen(self.engine, "connect", _sqlite_pragmas)
            migrate(self.engine)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot open case store {shown_url(url)}: {db_reason(exc)}") from exc

    # -- plumbing ------------------------------------------------------------------------------
    def _write(self) -> Any:
        return self.engine.begin()

    def _read(self) -> Connection:
        return self.engine.connect()

    def schema_version(self) -> str | None:
        with self._read() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def close(self) -> None:
        self.engine.dispose()

    # -- documents -----------------------------------------------------------------------------
    def add_document(self, document: Document) -> bool:
        with self._write() as conn:
            exists = conn.execute(select(t.documents.c.id).where(t.documents.c.id == document.id)).first()
            if exists:
                return False
            conn.execute(insert(t.documents).values(
                id=document.id, title=document.title, source=document.source, url=document.url,
                published=document.published, language=document.language, format=document.format,
                size=document.size, text=document.text, ingested_at=document.ingested_at or now(),
                meta=document.meta,
            ))
        return True

    def has_document(self, document_id: str) -> bool:
        with self._read() as conn:
            return conn.execute(select(t.documents.c.id).where(t.documents.c.id == document_id)).first() \
                is not None

    @staticmethod
    def _document(row: Any, with_text: bool = True) -> Document:
        return Document(id=row.id, text=row.text if with_text else "", format=row.format, title=row.title,
                        source=row.source, url=row.url, published=row.published, language=row.language,
                        size=row.size, ingested_at=row.ingested_at, meta=dict(row.meta or {}))

    def get_document(self, document_id: str) -> Document:
        with self._read() as conn:
            rows = conn.execute(select(t.documents).where(t.documents.c.id.startswith(document_id)).limit(2)
                                ).all()
        if len(rows) != 1 or not document_id:
            raise NotFound(f"no single document with id {document_id!r}")
        return self._document(rows[0])

    def list_documents(self, with_text: bool = False) -> list[Document]:
        with self._read() as conn:
            rows = conn.execute(select(t.documents).order_by(t.documents.c.ingested_at, t.documents.c.id)).all()
        return [self._document(r, with_text) for r in rows]

    # -- extraction ----------------------------------------------------------------------------
    def replace_extraction(self, extraction: Extraction) -> None:
        doc_id = extraction.document_id
        stamp = now()
        try:
            with self._write() as conn:
                if conn.execute(select(t.documents.c.id).where(t.documents.c.id == doc_id)).first() is None:
                    raise NotFound(f"no document {doc_id}")
                self._put_extraction(conn, extraction, stamp)
        except SQLAlchemyError as exc:
            raise StoreError(f"storing extraction of {doc_id[:12]} failed and was rolled back: {db_reason(exc)}"
                             ) from exc

    def _put_extraction(self, conn: Connection, extraction: Extraction, stamp: str) -> None:
        """Write one document's extraction inside the caller's transaction (see ``replace_extraction``);
        it also marks case-wide analysis as due (``store/ingest_state.py``)."""
        doc_id = extraction.document_id
        decided = select(t.decisions.c.target_id)
        conn.execute(delete(t.statements).where(
            t.statements.c.document_id == doc_id, t.statements.c.origin.startswith("extract:"),
            t.statements.c.id.not_in(decided)))
        conn.execute(delete(t.quotes).where(t.quotes.c.document_id == doc_id,
                                            t.quotes.c.id.not_in(decided)))
        conn.execute(delete(t.mentions).where(t.mentions.c.document_id == doc_id))
        conn.execute(delete(t.claims).where(t.claims.c.document_id == doc_id))
        kept = {r.id for r in conn.execute(select(t.statements.c.id).where(
            t.statements.c.document_id == doc_id))}
        rows = [statement_row(s, stamp) for s in _unique(extraction.statements) if s.id not in kept]
        if rows:
            conn.execute(insert(t.statements), rows)
        kept_quotes = {r.id for r in conn.execute(select(t.quotes.c.id).where(
            t.quotes.c.document_id == doc_id))}
        qrows = [_quote_row(q) for q in _unique(extraction.quotes) if q.id not in kept_quotes]
        if qrows:
            conn.execute(insert(t.quotes), qrows)
        if extraction.mentions:
            conn.execute(insert(t.mentions), [m.__dict__ for m in extraction.mentions])
        crows = [_claim_row(c) for c in _unique(extraction.claims)]
        if crows:
            conn.execute(insert(t.claims), crows)
        conn.execute(update(t.documents).where(t.documents.c.id == doc_id).values(extracted_at=stamp))
        bump_generation(conn)

    def iter_statements(self, entity_id: str | None = None, document_id: str | None = None,
                        include_rejected: bool = False) -> Iterator[Statement]:
        query = select(t.statements).order_by(t.statements.c.entity_id, t.statements.c.document_id,
                                              t.statements.c.start, t.statements.c.id)
        if entity_id is not None:
            query = query.where(t.statements.c.entity_id == entity_id)
        if document_id is not None:
            query = query.where(t.statements.c.document_id == document_id)
        if not include_rejected:
            query = query.where(t.statements.c.status != ReviewStatus.REJECTED.value)
        with self._read() as conn:
            for row in conn.execute(query):
                yield Statement(entity_id=row.entity_id, schema=row.schema, prop=row.prop, value=row.value,
                                document_id=row.document_id, start=row.start, end=row.end, origin=row.origin,
                                confidence=row.confidence, status=ReviewStatus(row.status), id=row.id,
                                dataset=row.dataset, source_ref=row.source_ref)

    def entity_ids_for_value(self, value: str, prop: str | None = None) -> list[str]:
        query = select(t.statements.c.entity_id).distinct().where(
            func.lower(t.statements.c.value) == value.lower(),
            t.statements.c.status != ReviewStatus.REJECTED.value)
        if prop is not None:
            query = query.where(t.statements.c.prop == prop)
        with self._read() as conn:
            return [r.entity_id for r in conn.execute(query)]

    def list_mentions(self, document_id: str | None = None, entity_id: str | None = None
                      ) -> list[MentionRecord]:
        query = select(t.mentions).order_by(t.mentions.c.document_id, t.mentions.c.start)
        if document_id is not None:
            query = query.where(t.mentions.c.document_id == document_id)
        if entity_id is not None:
            query = query.where(t.mentions.c.entity_id == entity_id)
        with self._read() as conn:
            return [MentionRecord(r.entity_id, r.document_id, r.start, r.end, r.text) for r in conn.execute(query)]

    def list_quotes(self, include_rejected: bool = False) -> list[Quote]:
        query = select(t.quotes).order_by(t.quotes.c.document_id, t.quotes.c.start)
        if not include_rejected:
            query = query.where(t.quotes.c.status != ReviewStatus.REJECTED.value)
        with self._read() as conn:
            return [Quote(speaker=r.speaker, audience=r.audience, text=r.text, kind=r.kind,
                          document_id=r.document_id, start=r.start, end=r.end, date=r.date, origin=r.origin,
                          confidence=r.confidence, status=ReviewStatus(r.status), id=r.id)
                    for r in conn.execute(query)]

    def list_claims(self) -> list[Claim]:
        with self._read() as conn:
            return [Claim(subject=r.subject, by=r.by, topic=r.topic, text=r.text, document_id=r.document_id,
                          start=r.start, end=r.end, origin=r.origin, confidence=r.confidence, id=r.id)
                    for r in conn.execute(select(t.claims).order_by(t.claims.c.document_id, t.claims.c.start))]

    def replace_contradictions(self, contradictions: Iterable[Contradiction]) -> None:
        with self._write() as conn:
            decided = select(t.decisions.c.target_id)
            conn.execute(delete(t.contradictions).where(t.contradictions.c.id.not_in(decided)))
            kept = {r.id for r in conn.execute(select(t.contradictions.c.id))}
            rows = [{"id": c.id, "subject": c.subject, "topic": c.topic,
                     "claim_ids": [cl.id for cl in c.claims], "status": "proposed"}
                    for c in _unique(contradictions) if c.id not in kept]
            if rows:
                conn.execute(insert(t.contradictions), rows)

    def list_contradictions(self) -> list[tuple[str, str | None, str | None, list[str]]]:
        query = select(t.contradictions).where(t.contradictions.c.status != ReviewStatus.REJECTED.value)
        with self._read() as conn:
            return [(r.id, r.subject, r.topic, list(r.claim_ids)) for r in conn.execute(query)]

    # -- review --------------------------------------------------------------------------------
    def add_decision(self, decision: Decision) -> None:
        created = decision.created_at or now()
        with self._write() as conn:
            targets = [tbl for tbl in (t.statements, t.quotes, t.contradictions)
                       if conn.execute(select(tbl.c.id).where(tbl.c.id == decision.target_id)).first()]
            if not targets:
                raise NotFound(f"no fact with id {decision.target_id!r}")
            conn.execute(insert(t.decisions).values(
                id=decision.id, target_id=decision.target_id, status=decision.status.value,
                reviewer=decision.reviewer, note=decision.note, created_at=created))
            for tbl in targets:
                conn.execute(update(tbl).where(tbl.c.id == decision.target_id).values(
                    status=decision.status.value))

    def list_decisions(self, target_id: str | None = None) -> list[Decision]:
        query = select(t.decisions).order_by(t.decisions.c.created_at)
        if target_id is not None:
            query = query.where(t.decisions.c.target_id == target_id)
        with self._read() as conn:
            return [Decision(target_id=r.target_id, status=ReviewStatus(r.status), reviewer=r.reviewer,
                             note=r.note, created_at=r.created_at, id=r.id) for r in conn.execute(query)]

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        with self._read() as conn:
            for name, tbl in (("documents", t.documents), ("statements", t.statements),
                              ("mentions", t.mentions), ("quotes", t.quotes), ("claims", t.claims),
                              ("contradictions", t.contradictions), ("decisions", t.decisions),
                              ("judgements", t.judgements)):
                out[name] = conn.execute(select(func.count()).select_from(tbl)).scalar_one()
            out["entities"] = conn.execute(
                select(func.count(t.statements.c.entity_id.distinct()))).scalar_one()
        return out


T = TypeVar("T", Statement, Quote, Claim, Contradiction)


def _unique(items: Iterable[T]) -> list[T]:
    seen: dict[str, T] = {}
    for item in items:
        seen.setdefault(item.id, item)
    return list(seen.values())


def _quote_row(q: Quote) -> dict[str, Any]:
    return {"id": q.id, "document_id": q.document_id, "speaker": q.speaker, "audience": q.audience,
            "text": q.text, "kind": q.kind, "date": q.date, "start": q.start, "end": q.end, "origin": q.origin,
            "confidence": q.confidence, "status": q.status.value}


def _claim_row(c: Claim) -> dict[str, Any]:
    return {"id": c.id, "document_id": c.document_id, "subject": c.subject, "by": c.by, "topic": c.topic,
            "text": c.text, "start": c.start, "end": c.end, "origin": c.origin, "confidence": c.confidence}



# -- id lookup and integrity (appended by hardening; I owns the rest of this file) -------------------
# Module functions on a SqlStore rather than methods, so that they can be appended without touching
# the class; services/ids.py and services/integrity.py call them.
_BACKGROUND = re.compile(r"\s*\(Background on this error at: [^)]*\)")


def db_reason(exc: SQLAlchemyError) -> str:
    """What went wrong in the database, in words for a user: the driver's own message, without
    SQLAlchemy's echo of the SQL and its parameters and without its "Background on this error at: …"
    link."""
    orig = getattr(exc, "orig", None)
    reason = str(orig) if orig is not None else str(exc)
    return _BACKGROUND.sub("", reason).strip() or exc.__class__.__name__


def shown_url(url: str) -> str:
    """A store URL fit for a message: the password is masked."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (SQLAlchemyError, ValueError):
        return re.sub(r"//([^:/@]*):[^@]*@", r"//\1:***@", url)


ID_TABLES = {"document": t.documents, "statement": t.statements, "quote": t.quotes,
             "contradiction": t.contradictions, "claim": t.claims}


def ids_with_prefix(store: SqlStore, kind: str, prefix: str, limit: int = 11) -> list[str]:
    """Full ids of ``kind`` records that start with ``prefix`` (at most ``limit``), for commands that
    accept a unique id prefix. ``LIKE`` wildcards in the prefix are matched literally."""
    table = ID_TABLES[kind]
    with store._read() as conn:
        rows = conn.execute(select(table.c.id).where(table.c.id.startswith(prefix, autoescape=True))
                            .order_by(table.c.id).limit(limit))
        return [r.id for r in rows]


def iter_rows(store: SqlStore, table_name: str) -> Iterator[Any]:
    """Every row of one table, as stored (rejected facts included), for ``casegraph verify``."""
    table = t.metadata.tables[table_name]
    with store._read() as conn:
        yield from conn.execute(select(table))


def sqlite_path(location: str | Path) -> Path:
    """The file behind a SQLite case; PostgreSQL (or any other server) is an InputError pointing at
    the server's own tools."""
    url = make_url(store_url(location))
    if url.get_backend_name() != "sqlite" or not url.database:
        raise InputError(f"{url.get_backend_name()} cases are backed up with the server's tools "
                         "(use pg_dump / pg_restore), not casegraph backup/restore")
    return Path(url.database)


def sqlite_copy(source: Path, target: Path) -> None:
    """Copy one SQLite database into another with SQLite's online backup API (consistent while other
    connections read or write; WAL content included), leaving the copy a single file (rollback
    journal), then check it with ``PRAGMA integrity_check``."""
    import sqlite3

    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
            verdict = dst.execute("PRAGMA integrity_check").fetchone()
            if not verdict or verdict[0] != "ok":
                raise StoreError(f"the copy in {target} failed SQLite's integrity check: {verdict}")
        finally:
            dst.close()
    except sqlite3.Error as exc:
        raise StoreError(f"copying {source} to {target} failed: {exc}") from exc
    finally:
        src.close()
