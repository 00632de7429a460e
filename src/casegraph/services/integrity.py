"""Integrity of a case: ``verify`` checks that every fact still rests on what it claims to rest on;
``backup`` / ``restore`` copy a SQLite case exactly (SQLite's online backup API).

What ``verify`` can check depends on what a case keeps. The original bytes of a document are *not*
stored (only its cleaned text, whose offsets every span uses), so a document's id (the SHA-256 of its
bytes) is re-hashed against the original file where that file is still at its ingest path (a
difference is a note: the file may have been edited since); the stored text is re-hashed against the
digest recorded at ingest (``meta["text_sha256"]``) where one was recorded. Every statement, mention,
quote and claim span must lie inside its document's text, and a quote's, claim's or mention's text must
equal its span; every entity-typed value (a payer, a director) and every quote speaker/audience and
claim subject must name an entity of the case; every statement needs a source (a document, a named
reviewer or an imported dataset); decisions and contradictions must point at facts that exist.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from followthemoney import model

from casegraph.errors import InputError
from casegraph.model.ids import content_hash
from casegraph.services.ids import sql_store
from casegraph.store import Store
from casegraph.store.sql import iter_rows, sqlite_copy, sqlite_path

TEXT_DIGEST = "text_sha256"  # key in Document.meta: SHA-256 of the stored text, recorded at ingest
SPAN_TABLES = ("mentions", "quotes", "claims")  # records whose text must equal their span


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class Problem:
    kind: str  # "hash" | "span" | "text" | "reference" | "source" | "target"
    record: str  # the id of the record at fault
    detail: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.record}: {self.detail}"


@dataclass
class VerifyReport:
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    checked: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(store: Store) -> VerifyReport:
    """Check the whole case; nothing is changed."""
    sql = sql_store(store)
    report = VerifyReport()
    texts = _check_documents(iter_rows(sql, "documents"), report)
    entity_ids = {r.entity_id for r in iter_rows(sql, "statements")}
    entity_ids |= {r.canonical_id for r in iter_rows(sql, "entity_canonical")}
    fact_ids: set[str] = set()

    for r in iter_rows(sql, "statements"):
        fact_ids.add(r.id)
        report.checked["statements"] = report.checked.get("statements", 0) + 1
        if r.document_id is not None:
            _check_span(report, r.id, r.document_id, r.start, r.end, texts, None)
        elif not (str(r.origin).startswith("review:") or r.dataset):
            report.problems.append(Problem("source", r.id, f"no document, reviewer or dataset (origin {r.origin!r})"))
        schema = model.get(r.schema)
        prop = schema.get(r.prop) if schema is not None else None
        if prop is not None and prop.type.name == "entity" and r.value not in entity_ids:
            report.problems.append(Problem("reference", r.id, f"{r.schema}.{r.prop} points at {r.value!r}, "
                                                               "which is no entity of the case"))
    for table in SPAN_TABLES:
        for r in iter_rows(sql, table):
            record = str(r.id) if table != "mentions" else f"mention {r.id} of {r.entity_id}"
            report.checked[table] = report.checked.get(table, 0) + 1
            fact_ids.add(str(r.id))
            _check_span(report, record, r.document_id, r.start, r.end, texts, r.text)
            for role in ("speaker", "audience", "subject"):
                ref = getattr(r, role, None)
                if table != "mentions" and ref and ref not in entity_ids:
                    report.problems.append(Problem("reference", record, f"{role} {ref!r} is no entity of the case"))
    claim_ids = {r.id for r in iter_rows(sql, "claims")}
    for r in iter_rows(sql, "contradictions"):
        fact_ids.add(r.id)
        report.checked["contradictions"] = report.checked.get("contradictions", 0) + 1
        for cid in r.claim_ids or []:
            if cid not in claim_ids:
                report.problems.append(Problem("target", r.id, f"claim {cid!r} is not in the case"))
    for r in iter_rows(sql, "decisions"):
        report.checked["decisions"] = report.checked.get("decisions", 0) + 1
        if r.target_id not in fact_ids and r.target_id not in entity_ids:
            report.problems.append(Problem("target", r.id, f"decision on {r.target_id!r}, which is not in the case"))
    return report


def _check_documents(rows: Iterable[Any], report: VerifyReport) -> dict[str, str]:
    texts: dict[str, str] = {}
    unrecorded = 0
    for r in rows:
        texts[r.id] = r.text
        report.checked["documents"] = report.checked.get("documents", 0) + 1
        recorded = (r.meta or {}).get(TEXT_DIGEST)
        if recorded is None:
            unrecorded += 1
        elif recorded != text_digest(r.text):
            report.problems.append(Problem("hash", r.id, "stored text differs from the text ingested "
                                                         f"({TEXT_DIGEST} mismatch)"))
        source = Path(r.source) if r.source else None
        if source is not None and source.is_file():
            try:
                if content_hash(source.read_bytes()) != r.id:
                    report.notes.append(f"{r.id[:12]}: {source} no longer has the bytes that were ingested")
            except OSError as exc:
                report.notes.append(f"{r.id[:12]}: cannot re-read {source}: {exc.strerror or exc}")
    if unrecorded:
        report.notes.append(f"{unrecorded} document(s) ingested before text digests were recorded: "
                            "their stored text cannot be re-hashed")
    return texts


def _check_span(report: VerifyReport, record: str, document_id: str, start: int | None, end: int | None,
                texts: dict[str, str], text: str | None) -> None:
    doc = texts.get(document_id)
    if doc is None:
        report.problems.append(Problem("source", record, f"document {document_id!r} is not in the case"))
    elif start is None or end is None or not 0 <= start <= end <= len(doc):
        report.problems.append(Problem("span", record, f"span {start}:{end} is outside its document "
                                                       f"({len(doc)} characters)"))
    elif text is not None and doc[start:end] != text:
        report.problems.append(Problem("text", record, f"text differs from its span {start}:{end}"))


# -- backup and restore ------------------------------------------------------------------------------
REQUIRED_TABLES = ("alembic_version", "documents", "statements")


def backup(location: str | Path, target: Path, force: bool = False) -> Path:
    """Copy the case at ``location`` to ``target`` (a single SQLite file)."""
    source = sqlite_path(location)
    if not source.is_file():
        raise InputError(f"no case at {source}")
    _check_target(target, force)
    if target.exists() and target.resolve() == source.resolve():
        raise InputError(f"{target} is the case itself")
    sqlite_copy(source, target)
    return target


def restore(backup_file: Path, location: str | Path, force: bool = False) -> Path:
    """Make the case at ``location`` an exact copy of ``backup_file``; an existing case is replaced
    only with ``force``."""
    target = sqlite_path(location)
    if not backup_file.is_file():
        raise InputError(f"no backup file {backup_file}")
    _check_case_file(backup_file)
    if target.exists() and not force:
        raise InputError(f"{target} already holds a case; pass --force to replace it")
    if target.exists() and target.resolve() == backup_file.resolve():
        raise InputError(f"{backup_file} is the case itself")
    if not target.parent.is_dir():
        raise InputError(f"cannot restore to {target}: folder {target.parent} does not exist")
    sqlite_copy(backup_file, target)
    return target


def _check_target(target: Path, force: bool) -> None:
    if target.is_dir():
        raise InputError(f"{target} is a folder; give a file name")
    if not target.parent.is_dir():
        raise InputError(f"cannot write {target}: folder {target.parent} does not exist")
    if target.exists() and not force:
        raise InputError(f"{target} exists; pass --force to overwrite it")


def _check_case_file(path: Path) -> None:
    import sqlite3

    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise InputError(f"{path} is not a casegraph backup: {exc}") from None
    missing = [n for n in REQUIRED_TABLES if n not in names]
    if missing:
        raise InputError(f"{path} is not a casegraph backup (no {', '.join(missing)} table)")
