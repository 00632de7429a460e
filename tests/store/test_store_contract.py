"""One contract test for every store backend (SQLite always; PostgreSQL when
CASEGRAPH_TEST_POSTGRES_URL names a scratch database)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from sqlalchemy import text

from casegraph.errors import NotFound, StoreError
from casegraph.model import Decision, Document, Quote, ReviewStatus, Statement
from casegraph.store import SqlStore, open_store
from casegraph.store.base import Extraction, MentionRecord

BACKENDS = ["sqlite"] + (["postgres"] if os.environ.get("CASEGRAPH_TEST_POSTGRES_URL") else [])


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path) -> Iterator[SqlStore]:
    if request.param == "sqlite":
        s = open_store(tmp_path / "case.db")
    else:  # a scratch database: start every test from an empty schema
        from sqlalchemy import create_engine

        url = os.environ["CASEGRAPH_TEST_POSTGRES_URL"]
        engine = create_engine(url)
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        engine.dispose()
        s = open_store(url)
    yield s
    s.close()


def make_doc(text: str = "Anna Petrova founded Example Trust in 2019.") -> Document:
    return Document(id=f"{abs(hash(text)):064d}"[:64], text=text, format="txt", title="memo")


def person_statements(doc: Document) -> list[Statement]:
    return [
        Statement("ent-anna", "Person", "name", "Anna Petrova", doc.id, 0, 12, "extract:parties", 0.9),
        Statement("ent-trust", "Organization", "name", "Example Trust", doc.id, 21, 34, "extract:parties", 0.8),
    ]


def extraction(doc: Document, statements: list[Statement]) -> Extraction:
    mentions = [MentionRecord(s.entity_id, doc.id, s.start or 0, s.end or 0, s.value) for s in statements]
    quotes = [Quote("ent-anna", None, "founded Example Trust", "reported", doc.id, 13, 34)]
    return Extraction(doc.id, statements, mentions, quotes, [])


def test_add_document_is_idempotent(store: SqlStore) -> None:
    doc = make_doc()
    assert store.add_document(doc) is True
    assert store.add_document(doc) is False
    assert store.get_document(doc.id[:10]).text == doc.text
    assert [d.id for d in store.list_documents()] == [doc.id]


def test_unknown_document_is_not_found(store: SqlStore) -> None:
    with pytest.raises(NotFound):
        store.get_document("deadbeef")


def test_statement_offsets_point_into_the_text(store: SqlStore) -> None:
    doc = make_doc()
    store.add_document(doc)
    store.replace_extraction(extraction(doc, person_statements(doc)))
    for st in store.iter_statements():
        assert doc.text[st.start:st.end] == st.value
    assert {m.text for m in store.list_mentions(doc.id)} == {"Anna Petrova", "Example Trust"}


def test_reextraction_replaces_proposals_but_keeps_decisions(store: SqlStore) -> None:
    doc = make_doc()
    store.add_document(doc)
    first = person_statements(doc)
    store.replace_extraction(extraction(doc, first))
    confirmed, rejected = first
    store.add_decision(Decision(confirmed.id, ReviewStatus.CONFIRMED, "alice", created_at="2026-01-01T00:00:00"))
    store.add_decision(Decision(rejected.id, ReviewStatus.REJECTED, "alice", created_at="2026-01-01T00:00:01"))
    # A new run proposes the confirmed fact again and one new fact; the rejected one is not produced.
    new = Statement("ent-anna", "Person", "position", "founder", doc.id, 13, 20, "extract:parties")
    store.replace_extraction(extraction(doc, [first[0], new]))
    every = {s.id: s for s in store.iter_statements(include_rejected=True)}
    assert every[confirmed.id].status == ReviewStatus.CONFIRMED
    assert every[rejected.id].status == ReviewStatus.REJECTED
    assert every[new.id].status == ReviewStatus.PROPOSED
    visible = {s.id for s in store.iter_statements()}
    assert rejected.id not in visible and confirmed.id in visible
    assert [d.reviewer for d in store.list_decisions(confirmed.id)] == ["alice"]


def test_failed_write_leaves_the_store_unchanged(store: SqlStore) -> None:
    doc = make_doc()
    store.add_document(doc)
    store.replace_extraction(extraction(doc, person_statements(doc)))
    before = store.counts()
    bad = extraction(doc, [Statement("ent-x", "Person", "name", "X", doc.id, 0, 1, "extract:parties")])
    bad.mentions.append(MentionRecord("ent-x", doc.id, 0, 1, None))  # type: ignore[arg-type]  # NOT NULL
    with pytest.raises(StoreError):
        store.replace_extraction(bad)
    assert store.counts() == before
    assert {s.value for s in store.iter_statements()} == {"Anna Petrova", "Example Trust"}


def test_decision_needs_an_existing_fact(store: SqlStore) -> None:
    with pytest.raises(NotFound):
        store.add_decision(Decision("st-missing", ReviewStatus.CONFIRMED, "bob"))


def test_sqlite_runs_in_wal_mode(tmp_path) -> None:
    s = open_store(tmp_path / "wal.db")
    with s.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    s.close()
