"""Table definitions (SQLAlchemy Core). Migrations in ``store/migrations`` create exactly these;
``tests/store/test_migrations.py`` checks the two agree."""

from __future__ import annotations

from sqlalchemy import JSON, Column, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("id", String(64), primary_key=True),  # SHA-256 of the original bytes
    Column("title", Text),
    Column("source", Text),
    Column("url", Text),
    Column("published", String(32)),
    Column("language", String(8)),
    Column("format", String(16), nullable=False),
    Column("size", Integer, nullable=False, default=0),
    Column("text", Text, nullable=False),
    Column("ingested_at", String(32), nullable=False),
    Column("extracted_at", String(32)),
    Column("meta", JSON, nullable=False, default=dict),
)

statements = Table(
    "statements",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("entity_id", String(64), nullable=False, index=True),
    Column("schema", String(64), nullable=False),
    Column("prop", String(64), nullable=False),
    Column("value", Text, nullable=False),
    Column("document_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), index=True),
    Column("start", Integer),
    Column("end", Integer),
    Column("origin", String(64), nullable=False),
    Column("confidence", Float, nullable=False, default=1.0),
    Column("status", String(16), nullable=False, default="proposed"),
    Column("created_at", String(32), nullable=False),
)
Index("ix_statements_value", statements.c.prop, statements.c.value)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("entity_id", String(64), nullable=False, index=True),
    Column("document_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
)

quotes = Table(
    "quotes",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("document_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("speaker", String(64)),
    Column("audience", String(64)),
    Column("text", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("date", String(32)),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("origin", String(64), nullable=False),
    Column("confidence", Float, nullable=False, default=0.8),
    Column("status", String(16), nullable=False, default="proposed"),
)

claims = Table(
    "claims",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("document_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("subject", String(64)),
    Column("by", Text),
    Column("topic", Text),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("origin", String(64), nullable=False),
    Column("confidence", Float, nullable=False, default=0.6),
)

contradictions = Table(
    "contradictions",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("subject", String(64)),
    Column("topic", Text),
    Column("claim_ids", JSON, nullable=False),
    Column("status", String(16), nullable=False, default="proposed"),
)

decisions = Table(
    "decisions",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("target_id", String(64), nullable=False, index=True),
    Column("status", String(16), nullable=False),
    Column("reviewer", Text, nullable=False),
    Column("note", Text),
    Column("created_at", String(32), nullable=False),
)
