"""A memo of read-model results (entity views, captions, document highlights) for one case.

Building canonical entities reads every statement, which costs tens of milliseconds on a small case;
a page view should not pay it again while nothing changed. Entries are dropped as soon as the case's
fingerprint moves (a new statement, decision, judgement or document — whoever wrote it, this server or
the CLI), checked at most once per ``recheck`` seconds, and at once after a write through this server.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from fastapi import Request
from sqlalchemy import func, select

from casegraph.services import search as search_service
from casegraph.services.case import Case
from casegraph.services.users import engine_of
from casegraph.store import tables as t

T = TypeVar("T")


class ReadCache:
    def __init__(self, case: Case, recheck: float = 1.0, size: int = 1024) -> None:
        self.case, self.recheck, self.size = case, recheck, size
        self._entries: OrderedDict[Hashable, Any] = OrderedDict()
        self._stamp: str | None = None
        self._checked = 0.0
        self._lock = threading.Lock()
        self._computing: dict[Hashable, threading.Lock] = {}

    def _current(self) -> str:
        with engine_of(self.case).connect() as conn:
            docs = conn.execute(select(func.count()).select_from(t.documents)).scalar_one()
            return f"{docs}:{search_service.fingerprint(conn)}"

    def _fresh(self) -> None:
        now = time.monotonic()
        if now - self._checked < self.recheck:
            return
        stamp = self._current()
        with self._lock:
            self._checked = now
            if stamp != self._stamp:
                self._entries.clear()
                self._stamp = stamp

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The cached value, or compute it once: concurrent requests for the same missing key wait
        for the first one instead of all reading the whole case at the same time."""
        self._fresh()
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                hit: T = self._entries[key]
                return hit
            gate = self._computing.setdefault(key, threading.Lock())
        with gate:
            with self._lock:
                if key in self._entries:
                    done: T = self._entries[key]
                    return done
            value = compute()
            with self._lock:
                self._entries[key] = value
                self._computing.pop(key, None)
                while len(self._entries) > self.size:
                    self._entries.popitem(last=False)
        return value

    def invalidate(self) -> None:
        with self._lock:
            self._entries.clear()
            self._checked = 0.0


def cache_of(request: Request) -> ReadCache:
    cache: ReadCache = request.app.state.cache
    return cache


def changed(request: Request) -> None:
    """After a write through the workbench: the next read sees it (cache and search index)."""
    cache_of(request).invalidate()
    search_service.invalidate(request.app.state.case)
