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

    ``origin`` names the extractor (``extract:parties``) or the reviewer (``review:alice``).
    A statement with no document must come from a reviewer: every fact has a source.
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

    def __post_init__(self) -> None:
        if self.document_id is None and not self.origin.startswith("review:"):
            raise ValueError("a statement needs a document span or a reviewer behind it")
        if not self.id:
            self.id = statement_id(self.entity_id, self.prop, self.value, self.document_id, self.start,
                                   self.end)


def statement_id(entity_id: str, prop: str, value: str, document_id: str | None, start: int | None,
                 end: int | None) -> str:
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
