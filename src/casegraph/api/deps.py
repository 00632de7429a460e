"""Dependencies every router shares: the case the server was started on."""

from __future__ import annotations

from fastapi import Request

from casegraph.api.cache import ReadCache, cache_of
from casegraph.services.case import Case


def get_case(request: Request) -> Case:
    """One Case per server: its SQLAlchemy engine pools connections and is safe across the worker
    threads FastAPI runs synchronous handlers in."""
    case: Case = request.app.state.case
    return case


def get_cache(request: Request) -> ReadCache:
    return cache_of(request)
