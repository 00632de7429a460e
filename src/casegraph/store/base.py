"""The storage contract every backend fulfils (SQLite today, PostgreSQL next).

Callers (the service layer only) talk to this protocol; ``tests/store/test_store_contract.py``
runs one contract test against every backend, as nomenklatura does for its stores.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from casegraph.model import Claim, Contradiction, Decision, Document, Quote, Statement


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

    def counts(self) -> dict[str, int]: ...

    def close(self) -> None: ...
