"""Alembic environment: runs migrations on the connection casegraph hands over (no alembic.ini
needed, so migrations work from an installed package)."""

from __future__ import annotations

from alembic import context

from casegraph.store.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only when someone runs the alembic CLI by hand
    raise RuntimeError("casegraph migrations run through casegraph.store.sql.migrate()")

context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
