"""Ingest and extraction use cases: files into documents, documents into facts.

Mixed into :class:`casegraph.services.case.Case`, so presenters call ``case.ingest(...)``; kept in its
own module because reading files and running the pipeline is one job, separate from browsing.
"""

from __future__ import annotations

import logging
import os
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
from casegraph.store.base import Extraction

log = logging.getLogger(__name__)
PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
EXTRACTION_FAILED = "extraction failed"  # prefix of the note a failed extraction leaves
EXTRACT_BATCH = 16  # documents parsed together by spaCy during ingest (CASEGRAPH_EXTRACT_BATCH overrides)


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
        """Ingest files and folders. A new document is stored together with its extraction, in one
        transaction, so an interrupted run leaves each document complete or absent; a bad file is
        reported and skipped, the rest go on. Running the same ingest again reaches the state of an
        uninterrupted run: a document left without extraction (a killed or failed run, or
        ``extract=False``) is extracted then, analysis a killed run did not finish is redone, and a
        complete document is a no-op."""
        from casegraph.ingest import iter_files, supported

        published = check_date(published)
        report = IngestReport()
        pending: list[tuple[IngestItem, Document]] = []
        seen = _Seen(set(self.store.pending_document_ids()) if extract else set())
        named = {Path(p).resolve() for p in paths}
        for path in iter_files([Path(p) for p in paths], include_unsupported=True):
            if path.resolve() not in named and not supported(path):
                # inside a folder, a file of an unknown type is reported and passed over, not a failure
                item = IngestItem(str(path), "skipped", reason=f"unsupported file type {path.suffix or '(none)'!r}")
                report.items.append(item)
                if progress:
                    progress(item)
                continue
            item, document = self._ingest_one(path, seen, url=url, published=published, title=title,
                                              language=language)
            report.items.append(item)
            if document is not None and extract:
                pending.append((item, document))
            elif document is not None:
                self._store_document(item, document, None)
            if progress and (document is None or not extract):
                progress(item)
            if len(pending) >= _batch_size():
                self._extract_pending(pending, progress)
        self._extract_pending(pending, progress)
        if extract and self.store.analysis_due() is not None:
            self.analyse()
        return report

    def _extract_pending(self, pending: list[tuple[IngestItem, Document]], progress: Progress | None) -> None:
        """Extract a batch of documents (one spaCy batch); each document is stored with its
        extraction in one transaction, a failed extraction leaving the document pending."""
        from casegraph.extract.pipeline import extract_documents

        for (item, document), outcome in zip(pending, extract_documents([d for _i, d in pending]), strict=True):
            item.notes.extend(outcome.notes)
            if outcome.error:
                item.notes.append(f"{EXTRACTION_FAILED}: {outcome.error}")
            self._store_document(item, document, None if outcome.error else
                                 outcome.extraction or Extraction(document.id, [], [], [], []))
            if progress:
                progress(item)
        pending.clear()

    def _store_document(self, item: IngestItem, document: Document, extraction: Extraction | None) -> None:
        try:
            self.store.store_extracted(document, extraction, _stamp())
        except CasegraphError as exc:  # one document's store failure is that file's failure
            item.status, item.reason = "failed", str(exc)

    def _ingest_one(self, path: Path, seen: _Seen, **meta: Any) -> tuple[IngestItem, Document | None]:
        """Read one file. Returns the item and the document to store and extract: a new one, or one
        already stored whose extraction is pending (then the item says "exists" with a note)."""
        from casegraph.ingest import read_bytes, supported
        from casegraph.ingest.limits import from_environment
        from casegraph.ingest.registry import check_file_size

        step(f"reading {path}")  # progress (casegraph.progress; H1)
        try:
            if not supported(path):
                raise UnreadableDocument(f"unsupported file type {path.suffix or '(no extension)'!r}")
            limits = from_environment()
            check_file_size(path.stat().st_size, limits)
            data = path.read_bytes()
            doc_id = content_hash(data)
            if doc_id in seen.pending:  # stored by an earlier run that did not get to extract it
                seen.pending.discard(doc_id)
                seen.queued.add(doc_id)
                item = IngestItem(str(path), "exists", doc_id, reason="already in the case (same content)",
                                  notes=[RESUMED])
                return item, self.store.get_document(doc_id)
            if doc_id in seen.queued or self.store.has_document(doc_id):
                return IngestItem(str(path), "exists", doc_id, reason="already in the case (same content)"), None
            raw = read_bytes(data, path.suffix, limits)
            language = meta["language"] or raw.language or detect_language(raw.text)
            document = Document(
                id=doc_id, text=raw.text, format=raw.format, title=meta["title"] or raw.title or path.stem,
                source=str(path), url=meta["url"], published=meta["published"] or raw.published,
                language=language, size=len(data), ingested_at=_stamp(),
                meta={**raw.meta, TEXT_DIGEST: text_digest(raw.text)})  # `casegraph verify` re-hashes it
            seen.queued.add(doc_id)
        except CasegraphError as exc:
            return IngestItem(str(path), "failed", reason=str(exc)), None
        except OSError as exc:
            return IngestItem(str(path), "failed", reason=exc.strerror or str(exc)), None
        except Exception as exc:  # noqa: BLE001 - a bug met by one file is that file's failure, not the batch's
            log.exception("ingest of %s failed", path)
            reason = " ".join(f"unexpected error ({type(exc).__name__}: {exc})".split())[:300]
            return IngestItem(str(path), "failed", reason=reason), None
        return IngestItem(str(path), "added", doc_id), document

    # -- extraction ----------------------------------------------------------------------------
    def _store_outcome(self, outcome: ExtractOutcome) -> list[str]:
        notes = list(outcome.notes)
        if outcome.error:
            notes.append(f"{EXTRACTION_FAILED}: {outcome.error}")
        else:  # a document with no text gets an empty extraction, so it is not left pending
            self.store.replace_extraction(outcome.extraction or Extraction(outcome.document_id, [], [], [], []))
        return notes

    def extract(self, document_ids: Iterable[str] | None = None) -> dict[str, list[str]]:
        """Re-run extraction; proposed facts are replaced, reviewer decisions kept."""
        from casegraph.extract.pipeline import extract_documents

        docs = ([self.store.get_document(d) for d in document_ids] if document_ids
                else self.store.list_documents(with_text=True))
        results = {o.document_id: self._store_outcome(o) for o in extract_documents(docs)}
        self.analyse()
        return results

    def extract_pending(self) -> dict[str, list[str]]:
        """Extract only the documents stored without an extraction (a killed or failed run,
        ``--no-extract``), then finish case-wide analysis if it is due: the state an uninterrupted
        ingest would have reached."""
        from casegraph.extract.pipeline import extract_documents

        docs = [self.store.get_document(d) for d in self.store.pending_document_ids()]
        results = {o.document_id: self._store_outcome(o) for o in extract_documents(docs)}
        if self.store.analysis_due() is not None:
            self.analyse()
        return results

    def analyse(self) -> None:
        """Recompute case-wide findings (contradictions) from the stored claims."""
        from casegraph.services.analysis import refresh as refresh_analysis

        generation = self.store.extraction_generation()  # first line (H2): see the last line
        self.resolve()  # type: ignore[attr-defined]  # identity first (services/resolution.py, I)
        refresh_analysis(self)  # type: ignore[arg-type]  # contradictions across the case (services/analysis.py, A)
        self.store.mark_analysed(generation)  # last line (H2): only a finished analysis counts as done


RESUMED = "was not extracted yet (an earlier run was interrupted or its extraction failed); extracting it now"


@dataclass
class _Seen:
    """What one ingest run knows about ids: stored but pending extraction, and already queued."""

    pending: set[str]
    queued: set[str] = field(default_factory=set)


def _batch_size() -> int:
    raw = os.environ.get("CASEGRAPH_EXTRACT_BATCH", "")
    return int(raw) if raw.isdigit() and int(raw) > 0 else EXTRACT_BATCH


def _stamp() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def detect_language(text: str) -> str | None:
    from casegraph.extract.nlp import detect_language as detect

    return detect(text)
