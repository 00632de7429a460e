"""Progress of long work, told to whoever is listening (the CLI's progress bar), without threading a
callback through every layer.

Library code calls :func:`step` at the start of a unit of work that can take long ("reading x.pdf",
"extracting: parties"); it costs one context-variable read when nobody listens. A presenter wraps the
work in :func:`listening` with a callback. Owners of ingest (services/ingest.py) and extraction
(extract/pipeline.py): keep the ``step(...)`` calls where they are when you edit those functions, so a
single 5 MB file keeps showing what it is doing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

Listener = Callable[[str], None]

_listener: ContextVar[Listener | None] = ContextVar("casegraph_progress", default=None)


def step(message: str) -> None:
    """Say what is being done now (one short phrase); a no-op when nobody listens."""
    listener = _listener.get()
    if listener is not None:
        listener(message)


@contextmanager
def listening(listener: Listener) -> Iterator[None]:
    """Send every :func:`step` made inside the block to ``listener``."""
    token = _listener.set(listener)
    try:
        yield
    finally:
        _listener.reset(token)
