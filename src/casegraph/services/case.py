"""The case service: browse, review and export one case (ingest and extraction: ``ingest.py``).

CLI commands, REST handlers and the web workbench call these methods and nothing below them, so a
behaviour is written once and every presenter gets it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from followthemoney.proxy import EntityProxy

from casegraph.errors import InputError
from casegraph.model import Claim, Decision, Document, Quote, ReviewStatus, Statement
from casegraph.services.entities import assemble, canonical_statements, is_entity_prop
from casegraph.services.ingest import EXTRACTION_FAILED, IngestItem, IngestMixin, IngestReport, check_date
from casegraph.services.lookup import find_entity
from casegraph.services.resolution import Candidate, ResolutionMixin, ResolutionReport
from casegraph.store import Store, open_store

__all__ = ["EXTRACTION_FAILED", "Candidate", "Case", "EntityView", "Fact", "IngestItem", "IngestReport",
           "ResolutionReport", "check_date"]


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


class Case(ResolutionMixin, IngestMixin):
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
        """Canonical entities: one per resolved cluster, properties the union of its members'."""
        entities = list(assemble(self.store.iter_statements(), self._canon()).values())
        if schema:
            entities = [e for e in entities if e.schema.is_a(schema)]
        return sorted(entities, key=lambda e: (e.schema.name, e.caption, e.id or ""))

    def _canon(self) -> Callable[[str], str]:
        merged = self.store.canonical_map()
        return lambda entity_id: merged.get(entity_id, entity_id)

    def find_entity_id(self, name_or_id: str) -> str:
        """The canonical id a name or id means, as a search would: case-insensitive, any name or alias
        in either script, a unique id prefix. Raises AmbiguousName or NotFound (with the closest names)."""
        return find_entity(self.entities(), self.store.canonical_map(), name_or_id)

    def show(self, name_or_id: str) -> EntityView:
        entity_id = self.find_entity_id(name_or_id)
        canon = self._canon()
        everything = self.statements_by_entity()
        statements = everything.get(entity_id, [])
        entity = assemble(statements, canon)[entity_id]
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
        linked_ids = {cid for cid, sts in everything.items() if cid != entity_id
                      and any(s.value == entity_id and is_entity_prop(s.schema, s.prop) for s in sts)}
        linked = assemble((s for cid in sorted(linked_ids) for s in everything[cid]), canon)
        quotes = [q for q in self.quotes() if entity_id in (q.speaker, q.audience)]
        return EntityView(entity, facts, list(linked.values()), quotes)

    def statements_by_entity(self) -> dict[str, list[Statement]]:
        """Statements keyed by canonical id; each keeps its own ``entity_id`` and source, gains
        ``canonical_id``, and entity-typed values name canonical ids."""
        grouped: dict[str, list[Statement]] = {}
        for st in canonical_statements(self.store.iter_statements(), self._canon()):
            grouped.setdefault(st.canonical_id or st.entity_id, []).append(st)
        return grouped

    def quotes(self) -> list[Quote]:
        canon = self._canon()
        return [replace(q, speaker=canon(q.speaker) if q.speaker else None,
                        audience=canon(q.audience) if q.audience else None) for q in self.store.list_quotes()]

    def claims(self) -> list[Claim]:
        canon = self._canon()
        return [replace(c, subject=canon(c.subject) if c.subject else None,
                        by=canon(c.by) if c.by else None) for c in self.store.list_claims()]

    def contradictions(self) -> list[tuple[str, str | None, str | None, list[Claim]]]:
        canon = self._canon()
        claims = {c.id: c for c in self.claims()}
        return [(cid, canon(subject) if subject else None, topic, [claims[i] for i in claim_ids if i in claims])
                for cid, subject, topic, claim_ids in self.store.list_contradictions()]

    def summary(self) -> dict[str, Any]:
        counts = self.store.counts()
        by_schema: dict[str, int] = {}
        entities = self.entities()
        for entity in entities:
            by_schema[entity.schema.name] = by_schema.get(entity.schema.name, 0) + 1
        counts["entities"] = len(entities)  # canonical entities (merged ones count once)
        counts["merged"] = sum(1 for e in entities if getattr(e, "referents", None))
        return {"counts": counts, "schemata": dict(sorted(by_schema.items())),
                "schema_version": self.store.schema_version()}

    # -- review --------------------------------------------------------------------------------
    def decide(self, target_id: str, status: str, reviewer: str, note: str | None = None) -> Decision:
        try:
            judgement = ReviewStatus(status)
        except ValueError:
            raise InputError(f"status must be one of {[s.value for s in ReviewStatus]}") from None
        from casegraph.services.ids import resolve_id

        target_id = resolve_id(self.store, target_id)  # a unique prefix names the fact (hardening)
        decision = Decision(target_id=target_id, status=judgement, reviewer=reviewer, note=note,
                            created_at=datetime.now(UTC).isoformat(timespec="microseconds"))
        self.store.add_decision(decision)
        return decision

    # -- export --------------------------------------------------------------------------------
    def bundle(self) -> dict[str, Any]:
        from casegraph.export.bundle import build_bundle

        # with their text: a document's "length" is its text's (docs/case-bundle.md), not 0
        return build_bundle(self.entities(), self.quotes(), self.contradictions(),
                            self.store.list_documents(with_text=True))
