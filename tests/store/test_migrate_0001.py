"""A case built by the release with schema 0001 (one name-hash id per party across documents) opens,
is re-keyed to per-document party ids, keeps its reviewer decisions, and still shows one person."""

from __future__ import annotations

import json

from sqlalchemy import create_engine, text

from casegraph.extract.context import Party, Span
from casegraph.extract.emit import party_entity_id
from casegraph.model import ReviewStatus
from casegraph.model.facts import statement_id
from casegraph.model.ids import make_id
from casegraph.services import Case
from casegraph.store.rekey import per_document_id
from casegraph.store.sql import migrate

DOC_A, DOC_B = "a" * 64, "b" * 64
TEXT_A = "Anna Petrova founded Example Trust in 2019. Petrova said she would appeal."
TEXT_B = "Анна Петрова, Anna Petrova, spoke to the court."
OLD_ANNA = make_id("cg", "person", "anna petrova")  # how the 0001 release keyed a party
OLD_TRUST = make_id("cg", "org", "example trust")
DIRECTORSHIP = make_id("cg", DOC_A, "Directorship", "d1")  # drafts were already per document


def old_statement(entity: str, schema: str, prop: str, value: str, doc: str, start: int, end: int,
                  origin: str = "extract:parties", status: str = "proposed") -> dict[str, object]:
    return {"id": make_id("st", entity, prop, value, doc, start, end), "entity_id": entity, "schema": schema,
            "prop": prop, "value": value, "document_id": doc, "start": start, "end": end, "origin": origin,
            "confidence": 0.9, "status": status, "created_at": "2026-01-01T00:00:00+00:00"}


def build_0001_case(path) -> dict[str, object]:  # type: ignore[no-untyped-def]
    engine = create_engine(f"sqlite:///{path}")
    migrate(engine, "0001")
    statements = [
        old_statement(OLD_ANNA, "Person", "name", "Anna Petrova", DOC_A, 0, 12, status="confirmed"),
        old_statement(OLD_TRUST, "Organization", "name", "Example Trust", DOC_A, 21, 34),
        old_statement(DIRECTORSHIP, "Directorship", "director", OLD_ANNA, DOC_A, 0, 12, "extract:relations",
                      "rejected"),
        old_statement(DIRECTORSHIP, "Directorship", "organization", OLD_TRUST, DOC_A, 21, 34, "extract:relations"),
        old_statement(OLD_ANNA, "Person", "name", "Anna Petrova", DOC_B, 14, 26),
        old_statement(OLD_ANNA, "Person", "alias", "Анна Петрова", DOC_B, 0, 12),
    ]
    quote_id = make_id("qt", DOC_A, 44, 72)
    claim_ids = [make_id("cl", DOC_A, 0, 43), make_id("cl", DOC_A, 44, 72)]
    contradiction_id = make_id("cx", OLD_ANNA, *sorted(claim_ids))
    with engine.begin() as conn:
        for doc, body in ((DOC_A, TEXT_A), (DOC_B, TEXT_B)):
            conn.execute(text("INSERT INTO documents (id, title, format, size, text, ingested_at, meta) VALUES "
                              "(:id, 'memo', 'txt', :size, :text, '2026-01-01T00:00:00+00:00', '{}')"),
                         {"id": doc, "size": len(body), "text": body})
        conn.execute(text('INSERT INTO statements (id, entity_id, schema, prop, value, document_id, start, "end", '
                          "origin, confidence, status, created_at) VALUES (:id, :entity_id, :schema, :prop, "
                          ":value, :document_id, :start, :end, :origin, :confidence, :status, :created_at)"),
                     statements)
        conn.execute(text('INSERT INTO mentions (entity_id, document_id, start, "end", text) VALUES '
                          "(:e, :d, :s, :t, :x)"),
                     [{"e": OLD_ANNA, "d": DOC_A, "s": 0, "t": 12, "x": "Anna Petrova"},
                      {"e": OLD_ANNA, "d": DOC_A, "s": 44, "t": 51, "x": "Petrova"},
                      {"e": OLD_ANNA, "d": DOC_B, "s": 0, "t": 12, "x": "Анна Петрова"}])
        conn.execute(text('INSERT INTO quotes (id, document_id, speaker, audience, text, kind, start, "end", '
                          "origin, confidence, status) VALUES (:id, :d, :sp, NULL, :t, 'reported', 44, 72, "
                          "'extract:quotes', 0.8, 'confirmed')"),
                     {"id": quote_id, "d": DOC_A, "sp": OLD_ANNA, "t": TEXT_A[44:72]})
        for cid, (start, end) in zip(claim_ids, ((0, 43), (44, 72)), strict=True):
            conn.execute(text('INSERT INTO claims (id, document_id, subject, "by", topic, text, start, "end", '
                              "origin, confidence) VALUES (:id, :d, :s, NULL, 't', :t, :a, :b, 'extract:claims', "
                              "0.6)"), {"id": cid, "d": DOC_A, "s": OLD_ANNA, "t": TEXT_A[start:end], "a": start,
                                        "b": end})
        conn.execute(text("INSERT INTO contradictions (id, subject, topic, claim_ids, status) VALUES "
                          "(:id, :s, 't', :c, 'confirmed')"),
                     {"id": contradiction_id, "s": OLD_ANNA, "c": json.dumps(claim_ids)})
        decisions = [(statements[0]["id"], "confirmed"), (statements[2]["id"], "rejected"), (quote_id, "confirmed"),
                     (contradiction_id, "confirmed")]
        conn.execute(text("INSERT INTO decisions (id, target_id, status, reviewer, created_at) VALUES "
                          "(:id, :t, :s, 'alice', '2026-01-02T00:00:00+00:00')"),
                     [{"id": f"dc-{i}", "t": t, "s": s} for i, (t, s) in enumerate(decisions)])
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0001"
    engine.dispose()
    return {"quote": quote_id, "claims": claim_ids}


def test_a_0001_case_migrates_and_keeps_its_decisions(tmp_path) -> None:
    path = tmp_path / "old.db"
    old = build_0001_case(path)
    case = Case.open(path)  # opening migrates
    try:
        anna_a, anna_b = per_document_id(DOC_A, OLD_ANNA), per_document_id(DOC_B, OLD_ANNA)
        trust_a = per_document_id(DOC_A, OLD_TRUST)
        every = {s.id: s for s in case.store.iter_statements(include_rejected=True)}
        # every party statement moved to its document's entity, with its id recomputed from its parts
        assert {s.entity_id for s in every.values()} == {anna_a, anna_b, trust_a, DIRECTORSHIP}
        for s in every.values():
            assert s.id == statement_id(s.entity_id, s.prop, s.value, s.document_id, s.start, s.end)
        director = next(s for s in every.values() if s.prop == "director")
        assert director.value == anna_a and director.status == ReviewStatus.REJECTED
        confirmed = next(s for s in every.values() if s.prop == "name" and s.document_id == DOC_A
                         and s.entity_id == anna_a)
        assert confirmed.status == ReviewStatus.CONFIRMED
        # each decision now targets a fact that exists, with the status it gave
        targets = {d.target_id: d.status for d in case.store.list_decisions()}
        assert targets[confirmed.id] == ReviewStatus.CONFIRMED and targets[director.id] == ReviewStatus.REJECTED
        assert targets[old["quote"]] == ReviewStatus.CONFIRMED  # quote ids never depended on entity ids
        (cid, subject, _topic, claims), = case.contradictions()
        assert targets[cid] == ReviewStatus.CONFIRMED and len(claims) == 2
        assert {m.entity_id for m in case.store.list_mentions()} == {anna_a, anna_b}
        # the old release's identity (one id across documents) survives as one canonical person
        people = case.entities("Person")
        assert len(people) == 1 and set(case.referents(people[0].id or "")) == {anna_a, anna_b}
        assert subject == people[0].id and case.quotes()[0].speaker == people[0].id
        assert case.find_entity_id("Анна Петрова") == people[0].id
        # re-extraction computes the same per-document ids, so decided facts line up again
        party = Party(key="anna petrova", schema="Person", name="Anna Petrova", name_span=Span(0, 12))
        assert party_entity_id(DOC_A, party) == anna_a
    finally:
        case.close()
