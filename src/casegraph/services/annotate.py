"""Facts a reviewer makes by hand from a span of a document (the reader's "select text → new fact").

The selected characters are the fact's source, exactly as an extractor's span would be, and the
reviewer is its origin (``review:<name>``), so the fact is as citable as any other. Each new record is
confirmed by a decision in the reviewer's name: re-extraction keeps decided facts, and the decision log
shows who added what.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from followthemoney import model
from sqlalchemy import Connection, Table, insert, select

from casegraph.errors import InputError
from casegraph.model import Decision, Quote, ReviewStatus, Statement
from casegraph.model.ids import make_id
from casegraph.services.case import Case
from casegraph.services.users import engine_of
from casegraph.store import tables as t

PARTY_SCHEMATA = {"person": "Person", "organization": "Organization", "company": "Company"}
RELATION_SCHEMATA = ("UnknownLink", "Associate", "Family", "Employment", "Directorship", "Membership",
                     "Ownership", "Representation")
MAX_SPAN = 20000


@dataclass
class Annotation:
    entity_id: str
    schema: str
    statement_ids: list[str] = field(default_factory=list)
    quote_id: str | None = None
    span: str = ""


def annotate(case: Case, *, document_id: str, start: int, end: int, kind: str, reviewer: str,
             schema: str | None = None, source: str | None = None, target: str | None = None,
             amount: str | None = None, currency: str | None = None, expected_text: str | None = None
             ) -> Annotation:
    """Create a party, relation, payment or quote whose source is ``document[start:end]``.

    ``source``/``target`` name the parties (names or ids, resolved like a search): subject and object
    of a relation, payer and beneficiary of a payment, speaker (and audience) of a quote.
    ``expected_text`` guards against a reader whose offsets drifted: it must equal the span."""
    document = case.document(document_id)
    if not 0 <= start < end <= len(document.text) or end - start > MAX_SPAN:
        raise InputError(f"span {start}-{end} is not inside the document (length {len(document.text)})")
    span = document.text[start:end]
    if expected_text is not None and expected_text != span:
        raise InputError("the selected text does not match the document at that span; reload the page")
    if not span.strip():
        raise InputError("select some text first")
    origin = f"review:{reviewer}"
    stamp = datetime.now(UTC).isoformat(timespec="microseconds")

    def fact(entity_id: str, schema_name: str, prop: str, value: str) -> Statement:
        return Statement(entity_id=entity_id, schema=schema_name, prop=prop, value=value, document_id=document.id,
                         start=start, end=end, origin=origin, confidence=1.0, status=ReviewStatus.CONFIRMED)

    statements: list[Statement] = []
    quote: Quote | None = None
    if kind in PARTY_SCHEMATA:
        schema_name = PARTY_SCHEMATA[kind]
        entity_id = make_id("cg", "review", schema_name, span.strip().lower(), document.id, start)
        statements.append(fact(entity_id, schema_name, "name", span.strip()))
    elif kind in ("relation", "payment"):
        schema_name = "Payment" if kind == "payment" else (schema or "UnknownLink")
        if schema_name not in RELATION_SCHEMATA + ("Payment",):
            raise InputError(f"relation type must be one of {', '.join(RELATION_SCHEMATA)}")
        ftm = model[schema_name]
        if not source or not target:
            raise InputError(f"a {kind} needs both parties")
        a, b = case.find_entity_id(source), case.find_entity_id(target)
        entity_id = make_id("cg", "review", schema_name, a, b, document.id, start, end)
        statements += [fact(entity_id, schema_name, str(ftm.edge_source), a),
                       fact(entity_id, schema_name, str(ftm.edge_target), b),
                       fact(entity_id, schema_name, "summary", span.strip())]
        if kind == "payment" and amount:
            statements.append(fact(entity_id, schema_name, "amount", amount))
            if currency:
                statements.append(fact(entity_id, schema_name, "currency", currency.upper()))
    elif kind == "quote":
        if not source:
            raise InputError("a quote needs its speaker")
        speaker = case.find_entity_id(source)
        audience = case.find_entity_id(target) if target else None
        quote = Quote(speaker=speaker, audience=audience, text=span, kind="direct", document_id=document.id,
                      start=start, end=end, origin=origin, confidence=1.0, status=ReviewStatus.CONFIRMED)
        entity_id, schema_name = speaker, "Quote"
    else:
        raise InputError(f"unknown kind of fact {kind!r}")
    _store(case, statements, quote, stamp)
    for target_id in [s.id for s in statements] + ([quote.id] if quote else []):
        case.store.add_decision(Decision(target_id=target_id, status=ReviewStatus.CONFIRMED, reviewer=reviewer,
                                         note="created from a selection in the reader", created_at=stamp))
    return Annotation(entity_id, schema_name, [s.id for s in statements], quote.id if quote else None, span)


def _store(case: Case, statements: list[Statement], quote: Quote | None, stamp: str) -> None:
    """One transaction for the whole annotation, so a relation never lands without its parties."""
    with engine_of(case).begin() as conn:
        rows = [{"id": s.id, "entity_id": s.entity_id, "schema": s.schema, "prop": s.prop, "value": s.value,
                 "document_id": s.document_id, "start": s.start, "end": s.end, "origin": s.origin,
                 "confidence": s.confidence, "status": s.status.value, "created_at": stamp}
                for s in statements if not _exists(conn, t.statements, s.id)]
        if rows:
            conn.execute(insert(t.statements), rows)
        if quote is not None and not _exists(conn, t.quotes, quote.id):
            conn.execute(insert(t.quotes).values(
                id=quote.id, document_id=quote.document_id, speaker=quote.speaker, audience=quote.audience,
                text=quote.text, kind=quote.kind, date=quote.date, start=quote.start, end=quote.end,
                origin=quote.origin, confidence=quote.confidence, status=quote.status.value))


def _exists(conn: Connection, table: Table, row_id: str) -> bool:
    return conn.execute(select(table.c.id).where(table.c.id == row_id)).first() is not None
