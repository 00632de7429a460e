"""The read model every analysis shares: one snapshot of a case's canonical entities with their sources.

Analyses read the case through :class:`casegraph.services.case.Case` only (``entities()``,
``statements_by_entity()``, ``quotes()``, ``canonical_id()``), so they see the resolved graph: one
canonical entity per real party, whatever document named it. The snapshot is taken once per request
so that a timeline, a money trail and a dossier built from it agree with each other, and so that each
fact's source span is looked up in one place (:meth:`Snapshot.span`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from followthemoney.proxy import EntityProxy
from followthemoney.schema import Schema

from casegraph.model import Claim, Document, Quote, Statement

if TYPE_CHECKING:
    from casegraph.services.case import Case

NEAR = 200  # characters around a fact's key value within which its other values were stated
ENTITY_ID = re.compile(r"^cgc?-[0-9a-f]+$")  # a claim's ``by`` is an entity id or free text
ANCHORS = ("amount", "date", "startDate", "listingDate", "role", "name")  # a fact's key value, in this order


@dataclass(frozen=True)
class Span:
    """Where a fact comes from: a document span, or an imported record (``document`` None, ``ref`` set)."""

    document: str | None
    start: int | None
    end: int | None
    ref: str | None = None  # dataset record ("file.json:12") or reviewer ("review:alice")

    def to_dict(self) -> dict[str, Any]:
        return {"document": self.document, "start": self.start, "end": self.end}


NO_SPAN = Span(None, None, None)


@dataclass
class Snapshot:
    entities: dict[str, EntityProxy]
    statements: dict[str, list[Statement]]
    quotes: list[Quote]
    claims: list[Claim]
    documents: dict[str, Document]
    canonical: Callable[[str], str]
    fetch: Callable[[str], Document]  # a document with its text
    _names: dict[str, str] = field(default_factory=dict)
    _texts: dict[str, str] = field(default_factory=dict)
    _parties: dict[str, list[str]] = field(default_factory=dict)
    _involving: dict[str, list[str]] | None = None
    memo: dict[str, Any] = field(default_factory=dict)  # what callers build once per snapshot (the graph)

    @classmethod
    def from_case(cls, case: Case) -> Snapshot:
        canonical = _canonical_of(case)
        claims = [_canonical_claim(c, canonical) for c in _claims_of(case)]
        quotes = [_canonical_quote(q, canonical) for q in case.quotes()]
        entities = {e.id: e for e in case.entities() if e.id}
        return cls(entities, case.statements_by_entity(), quotes, claims,
                   {d.id: d for d in case.documents()}, canonical, case.document)

    # -- names ---------------------------------------------------------------------------------
    def name(self, entity_id: str | None) -> str:
        if not entity_id:
            return "unknown"
        if entity_id not in self._names:
            entity = self.entities.get(entity_id)
            self._names[entity_id] = entity.caption if entity is not None else entity_id
        return self._names[entity_id]

    def of_schema(self, *schemata: str) -> list[EntityProxy]:
        return [e for e in self.entities.values() if any(e.schema.is_a(s) for s in schemata)]

    def is_party(self, entity_id: str) -> bool:
        entity = self.entities.get(entity_id)
        return entity is not None and entity.schema.is_a("LegalEntity")

    def refs(self, entity: EntityProxy, prop: str) -> list[str]:
        """Canonical ids held by an entity-typed property."""
        return [self.canonical(v) for v in entity.get(prop)]

    def parties_of(self, entity_id: str) -> list[str]:
        """Canonical ids an entity's entity-typed properties hold (not ``proof``), memoised."""
        if entity_id not in self._parties:
            entity = self.entities[entity_id]
            found: list[str] = []
            for prop in _entity_props(entity.schema):
                for value in entity.get(prop):
                    ref = self.canonical(value)
                    if ref not in found:
                        found.append(ref)
            self._parties[entity_id] = found
        return self._parties[entity_id]

    def involving(self, party: str) -> list[str]:
        """Ids of the entities (relations, payments, events…) whose properties name ``party``."""
        if self._involving is None:
            index: dict[str, list[str]] = {}
            for eid, entity in self.entities.items():
                if entity.schema.is_a("Interval"):
                    for ref in self.parties_of(eid):
                        index.setdefault(ref, []).append(eid)
            self._involving = index
        return self._involving.get(party, [])

    # -- sources -------------------------------------------------------------------------------
    def sources(self, entity_id: str, props: Iterable[str] | None = None) -> list[Statement]:
        wanted = set(props) if props is not None else None
        return [s for s in self.statements.get(entity_id, []) if wanted is None or s.prop in wanted]

    def span(self, entity_id: str, prefer: Iterable[str] = ("summary", "description")) -> Span:
        """The span that best shows where an entity (a relation, payment, event) was stated: its
        summary sentence if it has one, else the stretch covering its statements made near its key value
        (amount, date, role) in one document."""
        statements = self.statements.get(entity_id, [])
        placed = [s for s in statements if s.document_id and s.start is not None and s.end is not None]
        for prop in prefer:
            for st in placed:
                if st.prop == prop:
                    return Span(st.document_id, st.start, st.end)
        for prop in ANCHORS:
            for st in placed:
                if st.prop == prop and st.document_id and st.start is not None and st.end is not None:
                    # the statements stated around its key value: no document text is read, so a
                    # timeline of thousands of documents costs no document reads
                    near = [o for o in placed if o.document_id == st.document_id
                            and abs((o.start or 0) - st.start) <= NEAR]
                    return covering(near)
        return covering(statements)

    def sentence(self, document_id: str, start: int, end: int) -> Span:
        """The sentence (or line) around a span, as exact offsets into the stored text."""
        text = self._text_of(document_id)
        left = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, 0)
        stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
        right = min(stops) + 1 if stops else len(text)
        if right > end and text[right - 1] == "\n":
            right -= 1
        return Span(document_id, min(left, start), max(right, end))

    def _text_of(self, document_id: str) -> str:
        if document_id not in self._texts:
            self._texts[document_id] = self.fetch(document_id).text
        return self._texts[document_id]

    def value_span(self, entity_id: str, prop: str, value: str) -> Span:
        """The span of one property value, falling back to the entity's span."""
        for st in self.statements.get(entity_id, []):
            if st.prop == prop and st.value == value:
                return covering([st]) if st.document_id else Span(None, None, None, _ref(st))
        return self.span(entity_id)

    def text(self, span: Span) -> str:
        """The exact words of a span (empty for an imported record)."""
        if span.document is None or span.start is None or span.end is None:
            return ""
        return self._text_of(span.document)[span.start : span.end]

    def title(self, document_id: str | None) -> str:
        doc = self.documents.get(document_id or "")
        return (doc.title or doc.source or doc.id[:12]) if doc is not None else "an imported record"

    def published(self, document_id: str | None) -> str | None:
        doc = self.documents.get(document_id or "")
        return doc.published if doc is not None else None


@lru_cache(maxsize=256)
def _entity_props(schema: Schema) -> tuple[str, ...]:
    return tuple(p.name for p in schema.properties.values()
                 if p.type.name == "entity" and not p.stub and p.name != "proof")


def covering(statements: Iterable[Statement]) -> Span:
    """The stretch of the first document that covers all of its statements in the list."""
    by_doc: dict[str, list[Statement]] = {}
    imported: Statement | None = None
    for st in statements:
        if st.document_id and st.start is not None and st.end is not None:
            by_doc.setdefault(st.document_id, []).append(st)
        elif imported is None:
            imported = st
    if not by_doc:
        return Span(None, None, None, _ref(imported)) if imported is not None else NO_SPAN
    doc_id, group = min(by_doc.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return Span(doc_id, min(s.start or 0 for s in group), max(s.end or 0 for s in group))


def _ref(st: Statement) -> str:
    ref = getattr(st, "source_ref", None)
    dataset = getattr(st, "dataset", None)
    return str(ref or dataset or st.origin)


def _canonical_of(case: Case) -> Callable[[str], str]:
    """``Case.canonical_id`` (identity when the case has no resolution yet), memoised."""
    method: Callable[[str], str] | None = getattr(case, "canonical_id", None)
    if method is None:
        return lambda entity_id: entity_id
    cache: dict[str, str] = {}

    def canonical(entity_id: str) -> str:
        if entity_id not in cache:
            cache[entity_id] = method(entity_id)
        return cache[entity_id]

    return canonical


def _claims_of(case: Case) -> list[Claim]:
    method: Callable[[], list[Claim]] | None = getattr(case, "claims", None)
    return list(method()) if method is not None else case.store.list_claims()


def _canonical_quote(q: Quote, canonical: Callable[[str], str]) -> Quote:
    if q.speaker:
        q.speaker = canonical(q.speaker)
    if q.audience:
        q.audience = canonical(q.audience)
    return q


def _canonical_claim(c: Claim, canonical: Callable[[str], str]) -> Claim:
    if c.subject:
        c.subject = canonical(c.subject)
    if c.by and ENTITY_ID.match(c.by):
        c.by = canonical(c.by)
    return c
