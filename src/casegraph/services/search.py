"""Full-text search over documents and canonical entities (SQLite FTS5, trigram tokenizer).

Names arrive in two scripts and many spellings, so both the index and the query are *folded* the same
way first: normality's ``ascii_text`` transliterates Cyrillic and strips accents, then everything is
lower-cased. "Ionov", "ionov" and "Ионов" all fold to ``ionov``, and trigram matching finds it inside
inflected forms too ("Ионова" → ``ionova``).

The index is a cache kept outside the table metadata (FTS5 virtual tables are SQLite-only): it is
created on first use and brought up to date lazily — new documents are added incrementally, the
entity index is rebuilt when the statements or judgements change. On another database (PostgreSQL)
the same results come from a plain scan of folded text, slower but the same answers.
"""

from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from followthemoney import model
from normality import ascii_text
from sqlalchemy import Connection, func, select, text

from casegraph.services.case import Case
from casegraph.services.users import engine_of
from casegraph.store import tables as t

NAME_PROPS = ("name", "alias", "previousName", "weakAlias", "firstName", "lastName")
RECHECK_SECONDS = 2.0  # how stale the index may be before a search looks for new facts again
_WORD = re.compile(r"\w+", re.UNICODE)
_SENTENCE = re.compile(r"(?<=[.!?…])\s+|\n+")
_lock = threading.Lock()
_checked: dict[str, float] = {}
_created: set[str] = set()

DDL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS fts_documents USING fts5(doc_id UNINDEXED, body, tokenize='trigram')",
    "CREATE VIRTUAL TABLE IF NOT EXISTS fts_entities USING fts5(entity_id UNINDEXED, schema UNINDEXED, "
    "caption UNINDEXED, names, tokenize='trigram')",
    "CREATE TABLE IF NOT EXISTS fts_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
)


def fold(value: str) -> str:
    """The one spelling both the index and queries use: transliterated, unaccented, lower case."""
    return (ascii_text(value) or "").lower()


@dataclass
class SearchHits:
    query: str
    documents: list[dict[str, Any]] = field(default_factory=list)
    documents_total: int = 0
    entities: list[dict[str, Any]] = field(default_factory=list)
    entities_total: int = 0


def fingerprint(conn: Connection) -> str:
    """Changes whenever a fact, a review decision or a merge changes what an entity is called."""
    parts = [
        conn.execute(select(func.count(), func.max(t.statements.c.created_at))).one(),
        conn.execute(select(func.count()).select_from(t.decisions)).scalar_one(),
        conn.execute(select(func.count(), func.max(t.judgements.c.created_at),
                            func.max(t.judgements.c.deleted_at))).one(),
    ]
    return repr(parts)


def _meta(conn: Connection, key: str) -> str | None:
    row = conn.execute(text("SELECT value FROM fts_meta WHERE key = :k"), {"k": key}).first()
    return row[0] if row else None


def refresh(case: Case, force: bool = False) -> None:
    """Bring the index up to date with the case (a no-op when nothing changed). The check is a read;
    a write transaction is taken only when there is something to index."""
    engine = engine_of(case)
    if engine.dialect.name != "sqlite":
        return
    key = str(engine.url)
    with _lock:
        if not force and time.monotonic() - _checked.get(key, 0.0) < RECHECK_SECONDS:
            return
        if key not in _created:
            with engine.begin() as conn:
                for ddl in DDL:
                    conn.execute(text(ddl))
            _created.add(key)
        with engine.connect() as conn:
            docs, facts = _document_stamp(conn), fingerprint(conn)
            current = (_meta(conn, "documents") == docs, _meta(conn, "entities") == facts)
        if force or not all(current):
            with engine.begin() as conn:
                if force or not current[0]:
                    _sync_documents(conn, docs)
                if force or not current[1]:
                    _rebuild_entities(case, conn)
                    conn.execute(text("INSERT OR REPLACE INTO fts_meta (key, value) VALUES ('entities', :v)"),
                                 {"v": facts})
        _checked[key] = time.monotonic()


def invalidate(case: Case) -> None:
    """Make the next search look for changes at once (after a write through the workbench)."""
    _checked.pop(str(engine_of(case).url), None)


def _document_stamp(conn: Connection) -> str:
    """Documents never change (their id is their content's hash), so the count and the newest rowid
    tell whether any was added or removed."""
    return repr(tuple(conn.execute(text("SELECT count(*), max(rowid) FROM documents")).one()))


def _sync_documents(conn: Connection, stamp: str) -> None:
    """Add new documents to the index, drop deleted ones."""
    indexed = {r[0] for r in conn.execute(text("SELECT doc_id FROM fts_documents"))}
    present = {r[0] for r in conn.execute(select(t.documents.c.id))}
    for gone in indexed - present:
        conn.execute(text("DELETE FROM fts_documents WHERE doc_id = :d"), {"d": gone})
    new = sorted(present - indexed)
    for start in range(0, len(new), 500):
        rows = conn.execute(select(t.documents.c.id, t.documents.c.title, t.documents.c.text)
                            .where(t.documents.c.id.in_(new[start:start + 500]))).all()
        conn.execute(text("INSERT INTO fts_documents (doc_id, body) VALUES (:d, :b)"),
                     [{"d": r.id, "b": fold(f"{r.title or ''}\n{r.text}")} for r in rows])
    conn.execute(text("INSERT OR REPLACE INTO fts_meta (key, value) VALUES ('documents', :v)"), {"v": stamp})


def _rebuild_entities(case: Case, conn: Connection) -> None:
    conn.execute(text("DELETE FROM fts_entities"))
    rows = []
    for entity in case.entities():
        names = {v for prop in NAME_PROPS if prop in entity.schema.properties for v in entity.get(prop)}
        if not names:
            continue
        rows.append({"e": entity.id, "s": entity.schema.name, "c": entity.caption,
                     "n": " | ".join(sorted(fold(n) for n in names) + sorted(names))})
    if rows:
        conn.execute(text("INSERT INTO fts_entities (entity_id, schema, caption, names) VALUES (:e, :s, :c, :n)"),
                     rows)


def _match_expression(query: str) -> tuple[str | None, list[str]]:
    """An FTS5 expression (every word as a quoted phrase, so no query syntax gets through) and the
    folded words. Words under three letters cannot use a trigram index and are matched by ``instr``."""
    words = _WORD.findall(fold(query))
    long_words = [w for w in words if len(w) >= 3]
    if not long_words:
        return None, words
    return " AND ".join('"' + w.replace('"', '""') + '"' for w in long_words), words


def _schemata(schema: str | None) -> list[str] | None:
    if not schema:
        return None
    base = model.get(schema)
    if base is None:
        return []
    return [s.name for s in model.schemata.values() if s.is_a(base)]


def snippet(body: str, words: list[str], limit: int = 240) -> str:
    """The first sentence of the original text whose folded form holds the query, so a Russian hit
    is shown in Russian even when the query was typed in Latin letters."""
    for sentence in _SENTENCE.split(body):
        folded = fold(sentence)
        if words and all(w in folded for w in words):
            return sentence.strip()[:limit]
    return body.strip()[:limit]


def search(case: Case, query: str, *, schema: str | None = None, date_from: str | None = None,
           date_to: str | None = None, limit: int = 20, offset: int = 0) -> SearchHits:
    """Documents and entities matching every word of ``query``; entity hits first by how closely
    their names fit, documents by BM25. ``schema`` filters entities (descendants included),
    ``date_from``/``date_to`` filter documents by their published (partial) date."""
    hits = SearchHits(query)
    expression, words = _match_expression(query)
    if not words:
        return hits
    engine = engine_of(case)
    if engine.dialect.name != "sqlite":
        return _scan(case, hits, words, schema, date_from, date_to, limit, offset)
    refresh(case)
    with engine.connect() as conn:
        _search_entities(conn, hits, expression, words, _schemata(schema), limit, offset)
        _search_documents(conn, hits, expression, words, date_from, date_to, limit, offset)
    return hits


def _search_entities(conn: Connection, hits: SearchHits, expression: str | None, words: list[str],
                     schemata: list[str] | None, limit: int, offset: int) -> None:
    if schemata == []:
        return
    where: list[str] = []
    params: dict[str, object] = {"lim": limit, "off": offset}
    if expression:
        where.append("fts_entities MATCH :q")
        params["q"] = expression
    for i, word in enumerate(words):
        # instr, not LIKE: SQLite 3.40's trigram LIKE next to MATCH crashes on words under 3 letters
        where.append(f"instr(names, :w{i}) > 0")
        params[f"w{i}"] = word
    if schemata is not None:
        names = ", ".join(f":s{i}" for i in range(len(schemata)))
        where.append(f"schema IN ({names})")
        params.update({f"s{i}": s for i, s in enumerate(schemata)})
    clause = " AND ".join(where)
    hits.entities_total = conn.execute(text(f"SELECT count(*) FROM fts_entities WHERE {clause}"), params).scalar_one()
    order = "bm25(fts_entities)" if expression else "length(names)"
    rows = conn.execute(text(f"SELECT entity_id, schema, caption FROM fts_entities WHERE {clause} "
                             f"ORDER BY {order}, caption LIMIT :lim OFFSET :off"), params)
    hits.entities = [{"id": r[0], "schema": r[1], "caption": r[2]} for r in rows]


def _search_documents(conn: Connection, hits: SearchHits, expression: str | None, words: list[str],
                      date_from: str | None, date_to: str | None, limit: int, offset: int) -> None:
    if not expression:
        return  # a two-letter word alone would scan every document; entities still answer
    where = ["fts_documents MATCH :q"]
    params: dict[str, object] = {"q": expression, "lim": limit, "off": offset}
    if date_from:
        where.append("d.published >= :df")
        params["df"] = date_from
    if date_to:
        where.append("d.published <= :dt")
        params["dt"] = date_to + "~"  # "~" sorts after digits and "-": 2021-05 includes 2021-05-21
    clause = " AND ".join(where)
    join = "FROM fts_documents f JOIN documents d ON d.id = f.doc_id"
    hits.documents_total = conn.execute(text(f"SELECT count(*) {join} WHERE {clause}"), params).scalar_one()
    rows = conn.execute(text(f"SELECT d.id, d.title, d.published, d.text {join} WHERE {clause} "
                             f"ORDER BY bm25(fts_documents) LIMIT :lim OFFSET :off"), params).all()
    hits.documents = [{"id": r[0], "title": r[1], "published": r[2], "snippet": snippet(r[3], words)}
                      for r in rows]


def _scan(case: Case, hits: SearchHits, words: list[str], schema: str | None, date_from: str | None,
          date_to: str | None, limit: int, offset: int) -> SearchHits:
    """The same search without FTS5 (PostgreSQL): fold and test every name and document."""
    schemata = _schemata(schema)
    entities = []
    for entity in case.entities():
        if schemata is not None and entity.schema.name not in schemata:
            continue
        names = " | ".join(fold(v) for p in NAME_PROPS if p in entity.schema.properties for v in entity.get(p))
        if names and all(w in names for w in words):
            entities.append({"id": entity.id, "schema": entity.schema.name, "caption": entity.caption})
    hits.entities_total, hits.entities = len(entities), entities[offset:offset + limit]
    documents = []
    for doc in case.store.list_documents(with_text=True):
        published = doc.published or ""
        if (date_from and published < date_from) or (date_to and published > date_to + "~"):
            continue
        if all(w in fold(f"{doc.title or ''}\n{doc.text}") for w in words):
            documents.append({"id": doc.id, "title": doc.title, "published": doc.published,
                              "snippet": snippet(doc.text, words)})
    hits.documents_total, hits.documents = len(documents), documents[offset:offset + limit]
    return hits
