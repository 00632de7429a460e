"""The case service: browse, review and export one case (ingest and extraction: ``ingest.py``).

CLI commands, REST handlers and the web workbench call these methods and nothing below them, so a
behaviour is written once and every presenter gets it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from followthemoney.proxy import EntityProxy

from casegraph.errors import InputError, NotFound
from casegraph.model import Claim, Decision, Document, Quote, ReviewStatus, Statement
from casegraph.services.entities import assemble
from casegraph.services.ingest import EXTRACTION_FAILED, IngestItem, IngestMixin, IngestReport, check_date
from casegraph.store import Store, open_store

__all__ = ["EXTRACTION_FAILED", "Case", "EntityView", "Fact", "IngestItem", "IngestReport", "check_date"]


@dataclass
class Fact:
    """One statement with the sentence it came from, for showing an entity to a reader."""

    statement: Statement
    document_title: str | None
    sentence: str | None


@dataclass
class EntityView:
    entity: EntityProxy
    facts: list[Fact]
    linked: list[EntityProxy]  # relations, payments, sanctions, events that reference it
    quotes: list[Quote]


class Case(IngestMixin):
    """One investigation case, held in a store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    @classmethod
    def open(cls, location: str | Path) -> Case:
        return cls(open_store(location))

    def close(self) -> None:
        self.store.close()

    # -- reading -------------------------------------------------------------------------------
    def documents(self) -> list[Document]:
        return self.store.list_documents()

    def document(self, document_id: str) -> Document:
        return self.store.get_document(document_id)

    def entities(self, schema: str | None = None) -> list[EntityProxy]:
        entities = list(assemble(self.store.iter_statements()).values())
        if schema:
            entities = [e for e in entities if e.schema.is_a(schema)]
        return sorted(entities, key=lambda e: (e.schema.name, e.caption))

    def find_entity_id(self, name_or_id: str) -> str:
        ids = self.store.entity_ids_for_value(name_or_id, "name") or \
            self.store.entity_ids_for_value(name_or_id, "alias")
        if not ids:
            ids = sorted({s.entity_id for s in self.store.iter_statements()
                          if s.entity_id.startswith(name_or_id)})
        if not ids:
            needle = name_or_id.lower()
            ids = sorted({m.entity_id for m in self.store.list_mentions() if m.text.lower() == needle})
        if not ids:
            raise NotFound(f"no entity named or with id {name_or_id!r}")
        return ids[0]

    def show(self, name_or_id: str) -> EntityView:
        entity_id = self.find_entity_id(name_or_id)
        statements = list(self.store.iter_statements(entity_id=entity_id))
        entity = assemble(statements)[entity_id]
        docs: dict[str, Document] = {}
        facts = []
        for st in statements:
            doc = None
            if st.document_id:
                doc = docs.get(st.document_id) or self.store.get_document(st.document_id)
                docs[st.document_id] = doc
            sentence = (doc.sentence_around(st.start, st.end) if doc and st.start is not None and st.end is not None
                        else None)
            facts.append(Fact(st, doc.title if doc else None, sentence))
        linked_ids = {s.entity_id for s in self.store.iter_statements() if s.value == entity_id}
        everything = assemble(s for s in self.store.iter_statements() if s.entity_id in linked_ids)
        quotes = [q for q in self.store.list_quotes() if entity_id in (q.speaker, q.audience)]
        return EntityView(entity, facts, list(everything.values()), quotes)

    def statements_by_entity(self) -> dict[str, list[Statement]]:
        grouped: dict[str, list[Statement]] = {}
        for st in self.store.iter_statements():
            grouped.setdefault(st.entity_id, []).append(st)
        return grouped

    def quotes(self) -> list[Quote]:
        return self.store.list_quotes()

    def contradictions(self) -> list[tuple[str, str | None, str | None, list[Claim]]]:
        claims = {c.id: c for c in self.store.list_claims()}
        return [(cid, subject, topic, [claims[i] for i in claim_ids if i in claims])
                for cid, subject, topic, claim_ids in self.store.list_contradictions()]

    def summary(self) -> dict[str, Any]:
        counts = self.store.counts()
        by_schema: dict[str, int] = {}
        for entity in self.entities():
            by_schema[entity.schema.name] = by_schema.get(entity.schema.name, 0) + 1
        return {"counts": counts, "schemata": dict(sorted(by_schema.items())),
                "schema_version": self.store.schema_version()}

    # -- review --------------------------------------------------------------------------------
    def decide(self, target_id: str, status: str, reviewer: str, note: str | None = None) -> Decision:
        try:
            judgement = ReviewStatus(status)
        except ValueError:
            raise InputError(f"status must be one of {[s.value for s in ReviewStatus]}") from None
        decision = Decision(target_id=target_id, status=judgement, reviewer=reviewer, note=note,
                            created_at=datetime.now(UTC).isoformat(timespec="microseconds"))
        self.store.add_decision(decision)
        return decision

    # -- export --------------------------------------------------------------------------------
    def bundle(self) -> dict[str, Any]:
        from casegraph.export.bundle import build_bundle

        return build_bundle(self.entities(), self.quotes(), self.contradictions(), self.documents())
