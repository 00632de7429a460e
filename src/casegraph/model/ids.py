"""Deterministic identifiers.

Every record id is a hash of the parts that make it what it is (as followthemoney's statement ids
are), so re-running ingest or extraction produces the same ids and reviewer decisions stay attached.
"""

from __future__ import annotations

import hashlib


def digest(*parts: object, length: int = 40) -> str:
    """A hex SHA-1 over the parts, joined by a separator that cannot appear in them unescaped."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:length]


def make_id(prefix: str, *parts: object) -> str:
    """An id such as ``cg-ent-3f2a…``: a readable kind prefix and a stable hash."""
    return f"{prefix}-{digest(*parts, length=24)}"


def content_hash(data: bytes) -> str:
    """The identity of a document: SHA-256 of its bytes."""
    return hashlib.sha256(data).hexdigest()
