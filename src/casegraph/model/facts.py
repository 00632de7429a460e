"""Facts with provenance: the layer casegraph adds on top of FollowTheMoney.

FtM describes *what* an entity is; a :class:`Statement` says where one property value came from
(document span, or a reviewer), who produced it, how sure it is, and what a reviewer decided.
Quotes and claims have no FtM schema, so they are our own records that reference FtM entity ids.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from casegraph.model.ids import make_id


class ReviewStatus(StrEnum):
    PROPOSED = "proposed"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


@dataclass
class Statement:
    """One property value of one FtM entity, with its source.

    As in ``followthemoney.statement``, ``entity_id`` is the entity as produced (a per-document party,
    an imported record) and ``canonical_id`` the resolved entity it belongs to now; the canonical id is
    left out of the statement id, so merging or splitting never changes a statement's id (and the
    reviewer decisions attached to it).

    ``origin`` names the extractor (``extract:parties``), the reviewer (``review:alice``) or the import
    (``import:<dataset>``). Every fact has a source: a document span, a reviewer, or a dataset record
    (``dataset`` plus ``source_ref``, e.g. ``"sanctions.json:12"``).
    """

    entity_id: str
    schema: str
    prop: str
    value: str
    document_id: str | None
    start: int | None
    end: int | None
    origin: str
    confidence: float = 1.0
    status: ReviewStatus = ReviewStatus.PROPOSED
    id: str = ""
    dataset: str | None = None
    source_ref: str | None = None
    canonical_id: str | None = None

    def __post_init__(self) -> None:
        if self.document_id is None and not self.origin.startswith("review:") \
                and not (self.dataset and self.source_ref):
            raise ValueError("a statement needs a document span, a reviewer or a dataset record behind it")
        if not self.id:
            self.id = statement_id(self.entity_id, self.prop, self.value, self.document_id, self.start,
                                   self.end, self.dataset)

    @property
    def source(self) -> str:
        """Where the fact came from, in one short string: a document span, a dataset record or a reviewer."""
        if self.document_id is not None:
            return f"{self.document_id[:12]}:{self.start}-{self.end}"
        if self.dataset:
            return f"{self.dataset} {self.source_ref}"
        return self.origin


def statement_id(entity_id: str, prop: str, value: str, document_id: str | None, start: int | None,
                 end: int | None, dataset: str | None = None) -> str:
    """Deterministic: the same value from the same place gets the same id. The dataset joins the hash
    only when there is one, so ids of extracted statements are what they always were."""
    if dataset:
        return make_id("st", entity_id, prop, value, document_id, start, end, dataset)
    return make_id("st", entity_id, prop, value, document_id, start, end)


@dataclass
class Quote:
    """Words attributed to a speaker: ``direct`` (inside quotation marks) or ``reported``."""

    speaker: str | None  # FtM entity id
    audience: str | None  # FtM entity id
    text: str
    kind: str  # "direct" | "reported"
    document_id: str
    start: int
    end: int
    date: str | None = None
    origin: str = "extract:quotes"
    confidence: float = 0.8
    status: ReviewStatus = ReviewStatus.PROPOSED
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = make_id("qt", self.document_id, self.start, self.end)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "speaker": self.speaker,
            "audience": self.audience,
            "text": self.text,
            "kind": self.kind,
            "date": self.date,
            "document": self.document_id,
            "start": self.start,
            "end": self.end,
            "confidence": self.confidence,
            "status": str(self.status),
        }


@dataclass
class Claim:
    """An assertion about a subject, by someone (an entity id) or something (free text)."""

    subject: str | None  # FtM entity id the claim is about
    by: str | None  # entity id or free text ("court documents")
    topic: str | None
    text: str
    document_id: str
    start: int
    end: int
    origin: str = "extract:claims"
    confidence: float = 0.6
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = make_id("cl", self.document_id, self.start, self.end)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "by": self.by, "subject": self.subject,
                "topic": self.topic, "document": self.document_id, "start": self.start, "end": self.end}


@dataclass
class Contradiction:
    """Two or more claims about one subject and topic that cannot all be true."""

    subject: str | None
    topic: str | None
    claims: list[Claim] = field(default_factory=list)
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = make_id("cx", self.subject, *sorted(c.id for c in self.claims))

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "subject": self.subject, "topic": self.topic,
                "claims": [c.to_dict() for c in self.claims]}


@dataclass
class Decision:
    """A reviewer's judgement on one fact (statement or quote). Decisions are appended, never
    overwritten; the latest one for a target is in force."""

    target_id: str
    status: ReviewStatus
    reviewer: str
    note: str | None = None
    created_at: str | None = None
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = make_id("dc", self.target_id, self.status, self.reviewer, self.created_at)
