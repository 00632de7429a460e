"""An on-disk blocking index of a reference list, so xref against millions of entities stays in
bounded memory and answers a party in milliseconds.

One SQLite file (stdlib, no server) holds, per reference entity, its FtM data and its names already
analysed (pickled ``PName`` lists: rigour and pymorphy2 run once at build time, not per query), and a
posting table of 64-bit hashes of its blocking keys. Building streams the reference file in batches;
the key index and the per-key counts are made once at the end. A query hashes the party's blocking
keys, skips keys shared by too many entities to say anything (``MAX_POSTINGS``), ranks the entities
that share the rarest keys, and fully compares only the best ``MAX_CANDIDATES``.

The index records the reference file's size and modification time; a changed file is re-indexed.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import pickle
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import suppress
from pathlib import Path
from typing import Any

from followthemoney import model
from followthemoney.proxy import EntityProxy

from casegraph.errors import InputError
from casegraph.resolve import xref as xref_module
from casegraph.resolve.match import Profile, common_schema, is_matchable, profile, profile_keys
from casegraph.resolve.xref import MAX_POSTINGS, open_lines, parse_line, read_reference

INDEX_VERSION = "2"  # 2: birth-year person keys
BATCH = 5_000

_SCHEMA = """
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
CREATE TABLE entities (n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, line INTEGER NOT NULL,
                       data TEXT NOT NULL, names BLOB NOT NULL);
CREATE TABLE postings (h INTEGER NOT NULL, n INTEGER NOT NULL);
"""


def key_hash(key: str) -> int:
    """A stable signed 64-bit hash (Python's own hash() changes between processes)."""
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "big", signed=True)


def _fingerprint(path: Path) -> str:
    stat = path.stat()
    return f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}"


class ReferenceIndex:
    """A read handle on a built index; ``candidates`` has the shape xref expects of a reference."""

    def __init__(self, location: Path, temporary: tempfile.TemporaryDirectory[str] | None = None) -> None:
        self.location = location
        self._temporary = temporary
        self.db = sqlite3.connect(f"file:{location}?mode=ro", uri=True)
        self.db.execute("PRAGMA cache_size=-65536")
        self._count = int(self.db.execute("SELECT count(*) FROM entities").fetchone()[0])
        self.profiles: dict[int, Profile] = {}

    # -- building ----------------------------------------------------------------------------------
    @staticmethod
    def build(entities: Iterable[tuple[int, str, str, EntityProxy | None]], location: Path,
              fingerprint: str = "") -> int:
        """Write an index of (line, op, id, entity) records to ``location``; returns the entity count."""
        return _write(((n, i, False if p is None else _payload(p)) for n, _op, i, p in entities),
                      location, fingerprint)

    @staticmethod
    def build_file(path: Path, location: Path, workers: int = 1, fingerprint: str = "") -> int:
        """Index a reference file, analysing names in ``workers`` processes (the writer is one).

        Name analysis is nearly all the cost and each entity's is independent, so it parallelises;
        records come back in file order, so a later delta line still replaces an earlier one.
        """
        if workers <= 1:
            return ReferenceIndex.build(read_reference(path), location, fingerprint)
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(workers) as pool:
            batches = pool.imap(functools.partial(_prepare, name=path.name), _batches(path, 2_000))
            return _write((record for batch in batches for record in batch), location, fingerprint)

    @classmethod
    def for_file(cls, path: Path, location: Path | None = None) -> ReferenceIndex:
        """The index of a reference file: reuse ``location`` when it indexes this very file, else
        (re)build it there, or in a temporary folder that goes away with the handle."""
        temporary = None
        if location is None:
            temporary = tempfile.TemporaryDirectory(prefix="casegraph-index-")
            location = Path(temporary.name) / "reference.cgx"
        fingerprint = _fingerprint(path)
        if location.exists() and _meta(location).get("source") != fingerprint:
            if _meta(location).get("version") is None:
                raise InputError(f"{location} exists and is not a casegraph reference index; give another path")
        meta = _meta(location) if location.exists() else {}
        if meta.get("source") != fingerprint or meta.get("version") != INDEX_VERSION:
            cls.build_file(path, location, workers=min(4, os.cpu_count() or 1), fingerprint=fingerprint)
        return cls(location, temporary)

    # -- querying ----------------------------------------------------------------------------------
    def __len__(self) -> int:
        return self._count

    def line_of(self, entity_id: str) -> int:
        row = self.db.execute("SELECT line FROM entities WHERE id = ?", (entity_id,)).fetchone()
        return int(row[0]) if row else 0

    def candidate_ids(self, keys: set[str], limit: int | None = None) -> list[int]:
        hashes = [key_hash(k) for k in keys]
        if not hashes:
            return []
        marks = ",".join("?" * len(hashes))
        counts = self.db.execute(f"SELECT h, c FROM counts WHERE h IN ({marks})", hashes).fetchall()
        if not counts:
            return []
        limit = limit or xref_module.MAX_CANDIDATES
        usable = [(h, c) for h, c in counts if c <= MAX_POSTINGS]
        if not usable:  # every key is common: the rarest one's first entities, all weighed alike
            h = min(counts, key=lambda hc: hc[1])[0]
            sql = "SELECT n FROM postings WHERE h = ? ORDER BY n LIMIT ?"
            return [int(n) for (n,) in self.db.execute(sql, (h, limit))]
        # Ranked inside SQLite (as xref.rank_postings does in memory: a shared key weighs
        # 1/sqrt(1 + its entity count)), so a query over a million entities does not pull
        # thousands of postings into Python to keep 25 of them.
        weights = " ".join("WHEN ? THEN ?" for _ in usable)
        marks = ",".join("?" * len(usable))
        sql = (f"SELECT n FROM postings WHERE h IN ({marks}) GROUP BY n "
               f"ORDER BY sum(CASE h {weights} END) DESC, n LIMIT ?")
        params: list[float] = [h for h, _ in usable]
        for h, c in usable:
            params += [h, 1.0 / (1.0 + c) ** 0.5]
        return [int(n) for (n,) in self.db.execute(sql, [*params, limit])]

    def load(self, numbers: list[int]) -> list[Profile]:
        missing = [n for n in numbers if n not in self.profiles]
        if missing:
            marks = ",".join("?" * len(missing))
            for n, entity_id, data, names in self.db.execute(
                    f"SELECT n, id, data, names FROM entities WHERE n IN ({marks})", missing):
                body: dict[str, Any] = json.loads(data)
                proxy = model.get_proxy({"id": entity_id, **body}, cleaned=True)
                if len(self.profiles) > 50_000:
                    self.profiles.clear()  # a bounded cache: memory stays flat on huge runs
                self.profiles[n] = Profile(proxy, pickle.loads(names))  # noqa: S301 - our own file
        return [self.profiles[n] for n in numbers if n in self.profiles]

    def candidate_profiles(self, query: Profile) -> list[Profile]:
        found = self.load(self.candidate_ids(profile_keys(query)))
        return [p for p in found if common_schema(query.entity.schema, p.entity.schema) is not None]

    def close(self) -> None:
        self.db.close()
        if self._temporary is not None:
            self._temporary.cleanup()


Payload = tuple[str, bytes, list[int]]  # entity data (JSON), pickled names, key hashes


def _payload(proxy: EntityProxy) -> Payload | None:
    """What the index stores of one entity (None for entities that are not parties)."""
    if not is_matchable(proxy):
        return None
    side = profile(proxy)
    data = json.dumps({"schema": proxy.schema.name, "properties": proxy.properties},
                      ensure_ascii=False, separators=(",", ":"))
    return data, pickle.dumps(side.names, protocol=5), sorted({key_hash(k) for k in profile_keys(side)})


def _batches(path: Path, size: int) -> Iterator[list[tuple[int, str]]]:
    batch: list[tuple[int, str]] = []
    for number, line in open_lines(path):
        batch.append((number, line))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _prepare(batch: list[tuple[int, str]], name: str) -> list[tuple[int, str, Payload | None | bool]]:
    """Worker side of build_file: parse and analyse a batch of lines. A DEL comes back as False,
    a line that is no party as None (skipped by the writer)."""
    out: list[tuple[int, str, Payload | None | bool]] = []
    for number, line in batch:
        _op, entity_id, proxy = parse_line(name, number, line)
        out.append((number, entity_id, False if proxy is None else _payload(proxy)))
    return out


def _write(records: Iterable[tuple[int, str, Payload | None | bool]], location: Path, fingerprint: str) -> int:
    """Write (line, id, payload) records: payload None = not a party, False = a DEL line. Built
    under a temporary name and renamed, so a crash leaves no half index."""
    partial = location.with_name(location.name + ".partial")
    with suppress(FileNotFoundError):
        partial.unlink()
    db = sqlite3.connect(partial)
    try:
        db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA temp_store=FILE;")
        db.executescript(_SCHEMA)
        rows: dict[str, tuple[str, int, str, bytes, list[int]]] = {}  # pending, by id: a later line wins
        deleted: list[str] = []
        for number, entity_id, payload in records:
            if payload is False:
                rows.pop(entity_id, None)
                deleted.append(entity_id)
                continue
            if payload is None or payload is True:
                continue  # not a party
            data, names, hashes = payload
            rows[entity_id] = (entity_id, number, data, names, hashes)
            if len(rows) >= BATCH:
                _flush(db, rows, deleted)
        _flush(db, rows, deleted)
        db.execute("CREATE INDEX postings_h ON postings (h, n)")
        db.execute("CREATE TABLE counts AS SELECT h, count(*) AS c FROM postings GROUP BY h")
        db.execute("CREATE UNIQUE INDEX counts_h ON counts (h)")
        db.executemany("INSERT INTO meta VALUES (?, ?)", [("version", INDEX_VERSION), ("source", fingerprint)])
        db.commit()
        count = int(db.execute("SELECT count(*) FROM entities").fetchone()[0])
    finally:
        db.close()
    partial.replace(location)
    return count


def _flush(db: sqlite3.Connection, rows: dict[str, tuple[str, int, str, bytes, list[int]]],
           deleted: list[str]) -> None:
    """Write a batch: deletions of entities written by earlier batches (pending ones were dropped
    when their DEL line came), then the batch's entities, replacing any earlier line's by id."""
    if deleted:
        db.executemany("DELETE FROM postings WHERE n IN (SELECT n FROM entities WHERE id = ?)",
                       [(d,) for d in deleted])
        db.executemany("DELETE FROM entities WHERE id = ?", [(d,) for d in deleted])
        deleted.clear()
    postings: list[tuple[int, int]] = []
    for entity_id, number, data, names, keys in rows.values():
        old = db.execute("SELECT n FROM entities WHERE id = ?", (entity_id,)).fetchone()
        if old is not None:
            db.execute("DELETE FROM postings WHERE n = ?", old)
            db.execute("DELETE FROM entities WHERE n = ?", old)
        cursor = db.execute("INSERT INTO entities (id, line, data, names) VALUES (?, ?, ?, ?)",
                            (entity_id, number, data, names))
        n = int(cursor.lastrowid or 0)
        postings.extend((h, n) for h in keys)
    db.executemany("INSERT INTO postings (h, n) VALUES (?, ?)", postings)
    rows.clear()


def _meta(location: Path) -> dict[str, str]:
    try:
        db = sqlite3.connect(f"file:{location}?mode=ro", uri=True)
        try:
            return dict(db.execute("SELECT k, v FROM meta").fetchall())
        finally:
            db.close()
    except sqlite3.Error:
        return {}


def iter_profiles(index: ReferenceIndex) -> Iterator[Profile]:
    """Every indexed entity (for tests and audits; loads them one batch at a time)."""
    last = 0
    while True:
        numbers = [int(r[0]) for r in index.db.execute(
            "SELECT n FROM entities WHERE n > ? ORDER BY n LIMIT 1000", (last,))]
        if not numbers:
            return
        yield from index.load(numbers)
        last = numbers[-1]
