"""Ingest state: the counters that tell whether case-wide analysis is due (``case_state``).

A document without ``extracted_at`` is pending extraction already (0001); this adds what an
interrupted run cannot otherwise leave behind: whether the analysis after the last stored extraction
finished.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_state",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("case_state")
