"""Ids as users type them: unique prefixes of document, fact and contradiction ids, and FtM schema names.

The README shows ids cut short (``st-0aa74977``, twelve hex digits of a document hash), so every
command that takes an id accepts a unique prefix; an ambiguous prefix is an error that lists the
matches, and an unknown one says so. Entity *names* are resolved by ``Case.find_entity_id`` (identity),
not here. Schema names are checked against the FtM model, with the closest names offered.
"""

from __future__ import annotations

from collections.abc import Iterable

from followthemoney import model
from rapidfuzz import fuzz, process

from casegraph.errors import AmbiguousId, InputError, NotFound, StoreError
from casegraph.store import Store
from casegraph.store.sql import SqlStore, ids_with_prefix

FACT_KINDS = ("statement", "quote", "contradiction")
SHOWN = 10  # matches listed in an ambiguity error


def resolve_id(store: Store, prefix: str, kinds: Iterable[str] = FACT_KINDS, what: str = "fact") -> str:
    """The one full id among ``kinds`` (``statement``, ``quote``, ``contradiction``, ``claim``,
    ``document``) that is ``prefix`` or starts with it. Raises NotFound or AmbiguousId."""
    prefix = prefix.strip()
    if not prefix:
        raise InputError(f"empty {what} id")
    matches: list[str] = []
    for kind in kinds:
        found = ids_with_prefix(sql_store(store), kind, prefix, limit=SHOWN + 1)
        if prefix in found:
            return prefix
        matches += found
    matches = sorted(set(matches))
    if not matches:
        raise NotFound(f"no {what} with id {prefix!r}")
    if len(matches) > 1:
        raise AmbiguousId(prefix, matches[:SHOWN], more=len(matches) > SHOWN)
    return matches[0]


def sql_store(store: Store) -> SqlStore:
    """The SQL store behind a case (the only backend today; SQLite or PostgreSQL)."""
    if not isinstance(store, SqlStore):
        raise StoreError(f"this needs the SQL store, not {type(store).__name__}")
    return store


def resolve_document_id(store: Store, prefix: str) -> str:
    return resolve_id(store, prefix, ("document",), what="document")


def check_schema(name: str) -> str:
    """The FtM schema called ``name`` (case-insensitive); an unknown name is an InputError that lists
    the closest schema names."""
    if model.get(name) is not None:
        return name
    names = sorted(model.schemata)
    folded = [n for n in names if n.lower() == name.strip().lower()]
    if folded:
        return folded[0]
    close = [n for n, _score, _i in process.extract(name, names, scorer=fuzz.WRatio, limit=5)]
    raise InputError(f"unknown schema {name!r}; closest: {', '.join(close)}")
