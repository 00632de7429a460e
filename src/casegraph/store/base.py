"""The storage contract every backend fulfils (SQLite today, PostgreSQL next).

Callers (the service layer only) talk to this protocol; ``tests/store/test_store_contract.py``
runs one contract test against every backend, as nomenklatura does for its stores.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from casegraph.model import Claim, Contradiction, Decision, Document, Judgement, Quote, Statement


@dataclass
class MentionRecord:
    """Where an entity is named in a document (for the reader view and for resolution)."""

    entity_id: str
    document_id: str
    start: int
    end: int
    text: str


@dataclass
class Extraction:
    """Everything one extraction run produced for one document; stored in one transaction."""

    document_id: str
    statements: list[Statement]
    mentions: list[MentionRecord]
    quotes: list[Quote]
    claims: list[Claim]


class Store(Protocol):
    url: str

    def schema_version(self) -> str | None: ...

    # documents
    def add_document(self, document: Document) -> bool:
        """Store a new document; False (and no change) when its id is already there."""
        ...

    def has_document(self, document_id: str) -> bool: ...

    def get_document(self, document_id: str) -> Document:
        """The document by full id or unique id prefix; raises NotFound."""
        ...

    def list_documents(self, with_text: bool = False) -> list[Document]: ...

    # extraction results
    def replace_extraction(self, extraction: Extraction) -> None:
        """Replace a document's proposed, undecided facts by a new run's; facts a reviewer decided
        stay, and a new fact with the same id as a decided one keeps that decision."""
        ...

    def iter_statements(self, entity_id: str | None = None, document_id: str | None = None,
                        include_rejected: bool = False) -> Iterator[Statement]: ...

    def entity_ids_for_value(self, value: str, prop: str | None = None) -> list[str]: ...

    def list_mentions(self, document_id: str | None = None, entity_id: str | None = None
                      ) -> list[MentionRecord]: ...

    def list_quotes(self, include_rejected: bool = False) -> list[Quote]: ...

    def list_claims(self) -> list[Claim]: ...

    def replace_contradictions(self, contradictions: Iterable[Contradiction]) -> None: ...

    def list_contradictions(self) -> list[tuple[str, str | None, str | None, list[str]]]: ...

    # review
    def add_decision(self, decision: Decision) -> None:
        """Append a decision and apply it to its target (statement, quote or contradiction)."""
        ...

    def list_decisions(self, target_id: str | None = None) -> list[Decision]: ...

    # identity (store/identity.py)
    def add_judgements(self, judgements: Iterable[Judgement], retire: Iterable[str] = (), at: str = "",
                       canonical: dict[str, str] | None = None) -> None:
        """Append judgements, soft-delete ``retire``, replace the canonical map: one transaction."""
        ...

    def list_judgements(self, include_deleted: bool = False) -> list[Judgement]: ...

    def replace_canonical(self, canonical: dict[str, str]) -> None: ...

    def entity_documents(self) -> dict[str, set[str]]: ...

    def canonical_map(self) -> dict[str, str]:
        """Entity id → canonical id for merged entities (an unmerged id is its own canonical id)."""
        ...

    def replace_dataset_entities(self, dataset: str, source: str, statements: list[Statement],
                                 removed: Iterable[str], stamp: str) -> None:
        """One import batch, all or nothing."""
        ...

    def list_datasets(self) -> list[dict[str, Any]]: ...

    # ingest state (store/ingest_state.py): a document and its extraction as one unit, resumable analysis
    def store_extracted(self, document: Document, extraction: Extraction | None, stamp: str) -> bool:
        """Store a document (if new) and its extraction in one transaction; True when it was new."""
        ...

    def pending_document_ids(self) -> list[str]:
        """Documents stored without an extraction (interrupted, failed or ``--no-extract``)."""
        ...

    def analysis_due(self) -> int | None:
        """The extraction generation case-wide analysis has not finished for, or None."""
        ...

    def extraction_generation(self) -> int: ...

    def mark_analysed(self, generation: int) -> None: ...

    def counts(self) -> dict[str, int]: ...

    def close(self) -> None: ...
