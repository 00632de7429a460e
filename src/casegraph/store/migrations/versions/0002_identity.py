"""Identity and shared use: imported statements (dataset + source line), resolver judgements and their
read model (entity id → canonical id), imported datasets, and users with API tokens for the web
workbench. A case built by schema 0001 has its name-hash party ids re-keyed per document
(``casegraph.store.rekey``), its reviewer decisions following their facts.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("statements") as batch:
        batch.add_column(sa.Column("dataset", sa.String(128)))
        batch.add_column(sa.Column("source_ref", sa.Text))
        batch.create_index("ix_statements_dataset", ["dataset"])
    op.create_table(
        "judgements",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("source", sa.String(64), nullable=False, index=True),
        sa.Column("target", sa.String(64), nullable=False, index=True),
        sa.Column("judgement", sa.String(16), nullable=False),
        sa.Column("score", sa.Float),
        sa.Column("reasons", sa.JSON, nullable=False),
        sa.Column("origin", sa.String(64), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("deleted_at", sa.String(32)),
    )
    op.create_table(
        "entity_canonical",
        sa.Column("entity_id", sa.String(64), primary_key=True),
        sa.Column("canonical_id", sa.String(64), nullable=False, index=True),
    )
    op.create_table(
        "datasets",
        sa.Column("name", sa.String(128), primary_key=True),
        sa.Column("source", sa.Text),
        sa.Column("imported_at", sa.String(32), nullable=False),
        sa.Column("entities", sa.Integer, nullable=False),
    )
    from casegraph.store.rekey import rekey_parties

    rekey_parties(op.get_bind())
    op.create_table(
        "users",
        sa.Column("name", sa.String(128), primary_key=True),
        sa.Column("password_hash", sa.Text, nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "api_tokens",
        sa.Column("token_hash", sa.String(128), primary_key=True),
        sa.Column("user", sa.String(128), sa.ForeignKey("users.name", ondelete="CASCADE"), nullable=False,
                  index=True),
        sa.Column("label", sa.Text),
        sa.Column("created_at", sa.String(32), nullable=False),
    )


def downgrade() -> None:
    for table in ("api_tokens", "users", "datasets", "entity_canonical", "judgements"):
        op.drop_table(table)
    with op.batch_alter_table("statements") as batch:
        batch.drop_index("ix_statements_dataset")
        batch.drop_column("source_ref")
        batch.drop_column("dataset")
