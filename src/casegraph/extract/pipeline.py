"""Assemble the extraction components and run them over documents.

Components register themselves beside their code (:mod:`casegraph.extract.registry`: a ``run``
decorated with what it requires and assigns); the pipeline is assembled from those registrations
when this module is imported, so a pipeline with an unmet requirement fails at start-up, not
half-way through a batch. Adding a component means adding one file.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from casegraph.extract import registry
from casegraph.extract.context import DocContext
from casegraph.extract.emit import to_extraction
from casegraph.model import Document
from casegraph.progress import step
from casegraph.store.base import Extraction

log = logging.getLogger(__name__)

PIPELINE = registry.assemble(registry.discover().values())
COMPONENTS: tuple[str, ...] = tuple(c.name for c in PIPELINE)
_RUNS = {c.name: c.run for c in PIPELINE}
# what runs after the batch parse (segment.run_many does the segmenting for the whole batch)
AFTER_PARSE: tuple[str, ...] = tuple(n for n in COMPONENTS if n != "segment")
MAX_CHARS = 1_000_000  # longer texts are cut (at a line break), and the user is told


@dataclass
class ExtractOutcome:
    document_id: str
    extraction: Extraction | None
    notes: list[str] = field(default_factory=list)
    error: str | None = None


def component(name: str) -> Callable[[DocContext], None]:
    """The ``run`` of a registered component."""
    return _RUNS[name]


def context_for(document: Document) -> DocContext:
    """The extraction context of a document. A text over ``MAX_CHARS`` is cut at a line break:
    every component then sees the same prefix, whose offsets are the stored text's offsets, and
    the note says how much was read."""
    text = document.text
    if len(text) > MAX_CHARS:
        cut = text.rfind("\n", 0, MAX_CHARS)
        cut = cut if cut > MAX_CHARS // 2 else MAX_CHARS
        note = f"text is {len(text):,} characters; extraction covers the first {cut:,}"
        text = text[:cut]
    else:
        note = None
    ctx = DocContext(text=text, language=document.language or "en", published=document.published,
                     document_id=document.id)
    if note:
        ctx.notes.append(note)
    return ctx


def run_components(ctx: DocContext, names: Iterable[str] = COMPONENTS) -> DocContext:
    for name in names:
        step(f"extracting: {name}")  # progress for long documents (casegraph.progress; H1)
        component(name)(ctx)
        ctx.sort()
    return ctx


def extract_document(document: Document) -> ExtractOutcome:
    """Run every component on one document; a failure is reported, never raised, so one bad
    document cannot stop a batch."""
    return next(iter(extract_documents([document])))


def extract_documents(documents: Iterable[Document], batch_size: int = 16) -> Iterator[ExtractOutcome]:
    """Extract many documents, parsing them with spaCy in batches (``nlp.pipe``) and running the
    other components document by document. Outcomes come back in input order."""
    from casegraph.extract import segment

    for chunk in batched(documents, batch_size):
        ctxs = [context_for(d) for d in chunk]
        todo = [c for c in ctxs if c.text.strip()]
        try:
            step(f"parsing {sum(len(c.text) for c in todo):,} characters")  # progress (casegraph.progress)
            segment.run_many(todo)
            parsed = True
        except Exception:  # noqa: BLE001 - fall back to one document at a time to isolate the culprit
            log.exception("batch segmentation failed; retrying documents one by one")
            parsed = False
        for document, ctx in zip(chunk, ctxs, strict=True):
            yield _finish(document, ctx, AFTER_PARSE if parsed else COMPONENTS)


def batched(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """Consecutive chunks of ``size`` (itertools.batched arrives only in Python 3.12)."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _finish(document: Document, ctx: DocContext, names: Iterable[str]) -> ExtractOutcome:
    if not document.text.strip():
        return ExtractOutcome(document.id, None, ["document has no text; nothing to extract"])
    try:
        run_components(ctx, names)
        extraction = to_extraction(ctx)
    except Exception as exc:  # noqa: BLE001 - isolate one document's failure from the batch
        log.exception("extraction failed for %s", document.id)
        return ExtractOutcome(document.id, None, ctx.notes, f"{exc.__class__.__name__}: {exc}")
    return ExtractOutcome(document.id, extraction, ctx.notes)
