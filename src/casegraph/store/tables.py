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
    # imported facts: no document span, but the dataset they came from and where in its file
    Column("dataset", String(128), index=True),
    Column("source_ref", Text),
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

# -- identity (resolution) --------------------------------------------------------------------------
# Judgements are audited edges between two entity ids, as nomenklatura's resolver keeps them: appended,
# soft-deleted (``deleted_at``), never overwritten. ``judgement`` is positive | negative | unsure;
# ``origin`` is ``resolve:auto`` or ``review:<name>``. Candidates for a reviewer are unsure edges.
judgements = Table(
    "judgements",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("source", String(64), nullable=False, index=True),
    Column("target", String(64), nullable=False, index=True),
    Column("judgement", String(16), nullable=False),
    Column("score", Float),
    Column("reasons", JSON, nullable=False, default=list),
    Column("origin", String(64), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("deleted_at", String(32)),
)

# The read model of the judgements: each entity id's canonical id, recomputed whenever they change.
entity_canonical = Table(
    "entity_canonical",
    metadata,
    Column("entity_id", String(64), primary_key=True),
    Column("canonical_id", String(64), nullable=False, index=True),
)

# Imported datasets (an OpenSanctions list, an Aleph export): where their statements came from.
datasets = Table(
    "datasets",
    metadata,
    Column("name", String(128), primary_key=True),
    Column("source", Text),
    Column("imported_at", String(32), nullable=False),
    Column("entities", Integer, nullable=False, default=0),
)

# -- people who use a shared workbench (web) ---------------------------------------------------------
users = Table(
    "users",
    metadata,
    Column("name", String(128), primary_key=True),
    Column("password_hash", Text, nullable=False),
    Column("role", String(16), nullable=False),  # viewer | editor
    Column("created_at", String(32), nullable=False),
)

api_tokens = Table(
    "api_tokens",
    metadata,
    Column("token_hash", String(128), primary_key=True),
    Column("user", String(128), ForeignKey("users.name", ondelete="CASCADE"), nullable=False, index=True),
    Column("label", Text),
    Column("created_at", String(32), nullable=False),
)

# -- ingest state (H2; migration 0003) -------------------------------------------------------------
# Counters that make case-wide analysis resumable: storing an extraction bumps
# ``extraction_generation`` in the same transaction; analysis records, once it has finished, the
# generation it started from as ``analysed_generation``. They differ exactly when analysis is due, also
# after a run that was killed between storing an extraction and finishing its analysis.
case_state = Table(
    "case_state",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Integer, nullable=False),
)
