"""Turn what the components found on a :class:`DocContext` into stored records: FtM statements
with spans, mentions, quotes and claims.

Entity ids are deterministic and scoped to their document: a party is first a per-document entity
(document id + a hash of its kind and normalised name, so a case built with name-hash ids migrates by
computation, see ``store/rekey.py``); the resolver (``resolve/``) later maps the per-document parties
that are one real party to one canonical id. Payments, relations, events… are per document too.
"""

from __future__ import annotations

from followthemoney import model

from casegraph.extract.context import DocContext, Draft, Party
from casegraph.model import Claim, Quote, Statement
from casegraph.model.ids import make_id
from casegraph.store.base import Extraction, MentionRecord


def party_name_key(party: Party) -> str:
    """The document-independent part of a party's id (what schema 0001 used as the whole id)."""
    family = "person" if party.schema == "Person" else "org"
    return make_id("cg", family, party.key)


def party_entity_id(document_id: str, party: Party) -> str:
    return make_id("cg", document_id, party_name_key(party))


def draft_entity_id(document_id: str, draft: Draft) -> str:
    return make_id("cg", document_id, draft.schema, draft.key)


def _valid_prop(schema: str, prop: str) -> bool:
    found = model.get(schema)
    return found is not None and found.get(prop) is not None


def to_extraction(ctx: DocContext, origin: str = "extract") -> Extraction:
    doc = ctx.document_id
    ids = {key: party_entity_id(doc, p) for key, p in ctx.parties.items()}
    statements: list[Statement] = []
    mentions: list[MentionRecord] = []

    for key, party in ctx.parties.items():
        eid = ids[key]
        conf = party.confidence

        def add(prop: str, value: str, start: int, end: int, p: Party = party, e: str = eid,
                c: float = conf) -> None:
            if value and _valid_prop(p.schema, prop):
                statements.append(Statement(e, p.schema, prop, value, doc, start, end, f"{origin}:parties", c))

        add("name", party.name, party.name_span.start, party.name_span.end)
        for alias, span in party.aliases:
            if alias != party.name:
                add("alias", alias, span.start, span.end)
        for prop, text, span in party.props:
            add(prop, text, span.start, span.end)
        for m in party.mentions:
            mentions.append(MentionRecord(eid, doc, m.start, m.end, m.text))

    for draft in ctx.drafts:
        if model.get(draft.schema) is None:
            continue
        eid = draft_entity_id(doc, draft)
        ids[draft.key] = eid
    for draft in ctx.drafts:
        if draft.key not in ids:
            continue
        eid = ids[draft.key]
        for v in draft.values:
            value: str | None = ids.get(v.value) if v.ref else v.value
            if not value or not _valid_prop(draft.schema, v.prop):
                continue
            statements.append(Statement(eid, draft.schema, v.prop, value, doc, v.start, v.end,
                                        f"{origin}:{draft.origin.removeprefix('extract:') or 'extract'}",
                                        draft.confidence))

    quotes = [
        Quote(speaker=ids.get(q.speaker) if q.speaker else None,
              audience=ids.get(q.audience) if q.audience else None,
              text=q.text, kind=q.kind, document_id=doc, start=q.start, end=q.end, date=q.date,
              origin=f"{origin}:quotes", confidence=q.confidence)
        for q in ctx.quotes
    ]
    claims = [
        Claim(subject=ids.get(c.subject) if c.subject else None,
              by=(c.by if c.by_text else ids.get(c.by)) if c.by else None,
              topic=c.topic, text=c.text, document_id=doc, start=c.start, end=c.end,
              origin=f"{origin}:claims")
        for c in ctx.claims
    ]
    return Extraction(document_id=doc, statements=statements, mentions=mentions, quotes=quotes, claims=claims)
