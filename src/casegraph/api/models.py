"""Pydantic models of every request and response body, so /openapi.json documents the real shapes.

Analysis results keep the shapes issue #8 fixed (docs/analysis.md); their models name the documented
fields and allow extra ones, so the analysis service can add a field without breaking the API.
"""

from __future__ import annotations

from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a long list: ``offset``/``limit`` in the query, ``total`` for the pager."""

    total: int
    offset: int
    limit: int
    items: list[T]


class ErrorOut(BaseModel):
    detail: str
    error: str
    candidates: list[dict[str, str]] | None = None


class DocumentSummary(BaseModel):
    id: str
    title: str | None
    source: str | None
    url: str | None
    published: str | None
    language: str | None
    format: str
    size: int
    length: int
    ingested_at: str | None


class Highlight(BaseModel):
    """A span of the document text and what was found there (mention, quote, date, amount, fact)."""

    start: int
    end: int
    kind: Literal["mention", "quote", "date", "amount", "fact"]
    entity: str | None = None
    label: str
    fact: str | None = None
    status: str | None = None


class DocumentDetail(DocumentSummary):
    text: str
    highlights: list[Highlight]


class FactOut(BaseModel):
    """One statement with its source: a document span (and the sentence around it), an imported
    record, or a reviewer."""

    id: str
    entity: str
    prop: str
    value: str
    status: str
    confidence: float
    origin: str
    document: str | None
    document_title: str | None
    start: int | None
    end: int | None
    sentence: str | None
    dataset: str | None = None
    source_ref: str | None = None


class NameOut(BaseModel):
    value: str
    prop: str
    scripts: list[str]


class EntitySummary(BaseModel):
    id: str
    schema_: str = Field(alias="schema")
    caption: str

    model_config = ConfigDict(populate_by_name=True)


class QuoteOut(BaseModel):
    id: str
    speaker: str | None
    audience: str | None
    text: str
    kind: str
    date: str | None
    document: str
    start: int
    end: int
    confidence: float
    status: str


class EntityDetail(EntitySummary):
    names: list[NameOut]
    properties: dict[str, list[str]]
    facts: list[FactOut]
    linked: list[EntitySummary]
    quotes: list[QuoteOut]
    referents: list[str]


class SearchGroup(BaseModel, Generic[T]):
    total: int
    items: list[T]


class DocumentHit(BaseModel):
    id: str
    title: str | None
    published: str | None
    snippet: str


class SearchOut(BaseModel):
    query: str
    documents: SearchGroup[DocumentHit]
    entities: SearchGroup[EntitySummary]


class DecisionIn(BaseModel):
    status: Literal["confirmed", "rejected", "proposed"]
    note: str | None = Field(default=None, max_length=2000)


class DecisionOut(BaseModel):
    id: str
    target: str
    status: str
    reviewer: str
    created_at: str | None


class PairIn(BaseModel):
    other: str = Field(min_length=1, max_length=300, description="the other entity: a name or an id")


class AnnotationIn(BaseModel):
    """A fact a reviewer creates by selecting text in the reader: the exact span is its source."""

    document: str = Field(min_length=8, max_length=64)
    start: int = Field(ge=0)
    end: int = Field(gt=0)
    kind: Literal["person", "organization", "company", "relation", "payment", "quote"]
    schema_: str | None = Field(default=None, alias="schema", max_length=64,
                                description="relation schema (Associate, Employment, …)")
    source: str | None = Field(default=None, max_length=300, description="subject / payer / speaker")
    target: str | None = Field(default=None, max_length=300, description="object / beneficiary / audience")
    amount: str | None = Field(default=None, max_length=64)
    currency: str | None = Field(default=None, max_length=8)
    text: str | None = Field(default=None, max_length=20000, description="the selected text, as a check")

    model_config = ConfigDict(populate_by_name=True)


class AnnotationOut(BaseModel):
    entity: str
    schema_: str = Field(alias="schema")
    statements: list[str]
    quote: str | None = None
    span: str

    model_config = ConfigDict(populate_by_name=True)


class IngestItemOut(BaseModel):
    name: str
    status: str
    document: str | None
    reason: str | None
    notes: list[str]


class UserOut(BaseModel):
    name: str
    role: str
    via: str
    csrf_token: str | None = None


class Loose(BaseModel):
    """Analysis records: the documented fields plus whatever the analysis service adds."""

    model_config = ConfigDict(extra="allow")


class TimelineItem(Loose):
    date: str
    kind: str
    summary: str
    entities: list[str] = []
    document: str | None = None
    start: int | None = None
    end: int | None = None


class PathEdge(Loose):
    source: str
    target: str
    schema_: str | None = Field(default=None, alias="schema")
    document: str | None = None
    start: int | None = None
    end: int | None = None

    model_config = ConfigDict(extra="allow", populate_by_name=True)


class PathOut(Loose):
    nodes: list[str]
    edges: list[PathEdge]


class PathsOut(Loose):
    paths: list[PathOut]


class NetworkOut(Loose):
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]


class ClaimOut(Loose):
    text: str
    by: str | None = None
    document: str | None = None
    start: int | None = None
    end: int | None = None


class ContradictionOut(Loose):
    id: str
    subject: str | None = None
    topic: str | None = None
    claims: list[ClaimOut]
    explanation: str | None = None


class ChainStep(Loose):
    date: str | None = None
    actor: str | None = None
    action: str
    target: str | None = None
    document: str | None = None
    start: int | None = None
    end: int | None = None


class DesignationOut(Loose):
    entity: str
    authority: str | None = None
    program: str | None = None
    date: str | None = None
    initiator: str | None = None
    days: int | None = None
    document: str | None = None
    start: int | None = None
    end: int | None = None
