"""Case storage behind one interface (:class:`casegraph.store.base.Store`).

:func:`open_store` picks the backend from a path or URL; SQLite is the embedded default and the
same SQLAlchemy code is written to run on PostgreSQL for team-scale cases.
"""

from casegraph.store.base import Store
from casegraph.store.sql import SqlStore, open_store

__all__ = ["SqlStore", "Store", "open_store"]
