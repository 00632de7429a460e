"""Migrations build the schema from empty and agree with the table definitions."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from casegraph.store import open_store
from casegraph.store.sql import migration_config
from casegraph.store.tables import metadata


def head() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(migration_config()).get_current_head()


def test_migrations_from_empty_reach_head_and_match_tables(tmp_path) -> None:
    store = open_store(tmp_path / "fresh.db")
    assert store.schema_version() == head()
    names = set(inspect(store.engine).get_table_names())
    assert {"documents", "statements", "mentions", "quotes", "claims", "contradictions", "decisions"} <= names
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []
    store.close()


def test_reopening_a_case_is_a_no_op(tmp_path) -> None:
    path = tmp_path / "again.db"
    open_store(path).close()
    store = open_store(path)
    assert store.schema_version() == head()
    store.close()
