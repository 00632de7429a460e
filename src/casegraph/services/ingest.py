"""Ingest and extraction use cases: files into documents, documents into facts.

Mixed into :class:`casegraph.services.case.Case`, so presenters call ``case.ingest(...)``; kept in its
own module because reading files and running the pipeline is one job, separate from browsing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from casegraph.errors import CasegraphError, InputError, UnreadableDocument
from casegraph.extract.pipeline import ExtractOutcome
from casegraph.model import Document
from casegraph.model.ids import content_hash
from casegraph.progress import step
from casegraph.services.integrity import TEXT_DIGEST, text_digest
from casegraph.store import Store

PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
MAX_FILE_BYTES = 50 * 1024 * 1024
EXTRACTION_FAILED = "extraction failed"  # prefix of the note a failed extraction leaves
EXTRACT_BATCH = 16  # documents parsed together by spaCy during ingest


def check_date(value: str | None) -> str | None:
    """Accept an FtM partial date (2021, 2021-05, 2021-05-21) or an ISO timestamp (cut to the day)."""
    if value is None:
        return None
    value = value.strip()[:10]
    if not PARTIAL_DATE.match(value):
        raise InputError(f"not a date: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    try:  # a real calendar date: no month 13, no 30 February (the day defaults to 1 for a partial date)
        date.fromisoformat((value + "-01-01")[:10] if len(value) < 10 else value)
    except ValueError:
        raise InputError(f"not a calendar date: {value!r}") from None
    return value


@dataclass
class IngestItem:
    path: str
    status: str  # "added" | "exists" | "skipped" | "failed"
    document_id: str | None = None
    reason: str | None = None
    notes: list[str] = field(default_factory=list)


@dataclass
class IngestReport:
    items: list[IngestItem] = field(default_factory=list)

    @property
    def failed(self) -> list[IngestItem]:
        return [i for i in self.items if i.status == "failed"]

    def count(self, status: str) -> int:
        return sum(1 for i in self.items if i.status == status)


Progress = Callable[[IngestItem], None]


class IngestMixin:
    """Ingest and extraction for a case; expects ``self.store``."""

    store: Store

    # -- ingest --------------------------------------------------------------------------------
    def ingest(self, paths: Iterable[Path], *, url: str | None = None, published: str | None = None,
               title: str | None = None, language: str | None = None, extract: bool = True,
               progress: Progress | None = None) -> IngestReport:
        """Ingest files and folders. Each file is its own transaction: a bad file is reported
        and skipped, the rest go on, and a file already in the case is a no-op."""
        from casegraph.ingest import iter_files, supported

        published = check_date(published)
        report = IngestReport()
        pending: list[tuple[IngestItem, Document]] = []
        named = {Path(p).resolve() for p in paths}
        for path in iter_files([Path(p) for p in paths], include_unsupported=True):
            if path.resolve() not in named and not supported(path):
                # inside a folder, a file of an unknown type is reported and passed over, not a failure
                item = IngestItem(str(path), "skipped", reason=f"unsupported file type {path.suffix or '(none)'!r}")
                report.items.append(item)
                if progress:
                    progress(item)
                continue
            item, document = self._ingest_one(path, url=url, published=published, title=title,
                                              language=language)
            report.items.append(item)
            if document is not None and extract:
                pending.append((item, document))
            elif progress:
                progress(item)
            if len(pending) >= EXTRACT_BATCH:
                self._extract_pending(pending, progress)
        self._extract_pending(pending, progress)
        if extract and report.count("added"):
            self.analyse()
        return report

    def _extract_pending(self, pending: list[tuple[IngestItem, Document]], progress: Progress | None) -> None:
        """Extract documents just added, in one spaCy batch; each result is stored on its own."""
        from casegraph.extract.pipeline import extract_documents

        for (item, _doc), outcome in zip(pending, extract_documents([d for _i, d in pending]), strict=True):
            item.notes.extend(self._store_outcome(outcome))
            if progress:
                progress(item)
        pending.clear()

    def _ingest_one(self, path: Path, **meta: Any) -> tuple[IngestItem, Document | None]:
        from casegraph.ingest import read_bytes, supported

        step(f"reading {path}")  # progress (casegraph.progress; H1)
        try:
            if not supported(path):
                raise UnreadableDocument(f"unsupported file type {path.suffix or '(no extension)'!r}")
            if path.stat().st_size > MAX_FILE_BYTES:
                raise UnreadableDocument(f"file too large (limit is {MAX_FILE_BYTES // 2**20} MB)")
            data = path.read_bytes()
            doc_id = content_hash(data)
            if self.store.has_document(doc_id):
                return IngestItem(str(path), "exists", doc_id, reason="already in the case (same content)"), None
            raw = read_bytes(data, path.suffix)
            language = meta["language"] or raw.language or detect_language(raw.text)
            document = Document(
                id=doc_id, text=raw.text, format=raw.format, title=meta["title"] or raw.title or path.stem,
                source=str(path), url=meta["url"], published=meta["published"] or raw.published,
                language=language, size=len(data), ingested_at=datetime.now(UTC).isoformat(timespec="seconds"),
                meta={**raw.meta, TEXT_DIGEST: text_digest(raw.text)})  # `casegraph verify` re-hashes it
            self.store.add_document(document)
        except CasegraphError as exc:
            return IngestItem(str(path), "failed", reason=str(exc)), None
        except OSError as exc:
            return IngestItem(str(path), "failed", reason=exc.strerror or str(exc)), None
        return IngestItem(str(path), "added", doc_id), document

    # -- extraction ----------------------------------------------------------------------------
    def _store_outcome(self, outcome: ExtractOutcome) -> list[str]:
        notes = list(outcome.notes)
        if outcome.error:
            notes.append(f"{EXTRACTION_FAILED}: {outcome.error}")
        elif outcome.extraction is not None:
            self.store.replace_extraction(outcome.extraction)
        return notes

    def extract(self, document_ids: Iterable[str] | None = None) -> dict[str, list[str]]:
        """Re-run extraction; proposed facts are replaced, reviewer decisions kept."""
        from casegraph.extract.pipeline import extract_documents

        docs = ([self.store.get_document(d) for d in document_ids] if document_ids
                else self.store.list_documents(with_text=True))
        results = {o.document_id: self._store_outcome(o) for o in extract_documents(docs)}
        self.analyse()
        return results

    def analyse(self) -> None:
        """Recompute case-wide findings (contradictions) from the stored claims."""
        from casegraph.analyse.contradictions import find_contradictions

        self.resolve()  # type: ignore[attr-defined]  # identity first (services/resolution.py, I)
        self.store.replace_contradictions(find_contradictions(self.store.list_claims()))


def detect_language(text: str) -> str | None:
    from casegraph.extract.nlp import detect_language as detect

    return detect(text)
