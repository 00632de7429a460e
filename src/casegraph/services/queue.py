"""The review queue: what a reviewer should look at first.

A proposed fact matters more when its entity is well connected (a wrong fact about the case's
central figure spreads into every path and dossier) and when the extractor was unsure of it, so
importance = (1 + connections) × (1.1 − confidence). Merge candidates from identity resolution join
the queue with their match score standing in for uncertainty (a 0.6 match is the least sure).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from followthemoney import model

from casegraph.model import ReviewStatus
from casegraph.services.case import Case


@dataclass
class QueueEntry:
    kind: str  # "fact" | "candidate"
    id: str
    importance: float
    entity: str
    caption: str
    summary: str
    document: str | None = None
    start: int | None = None
    end: int | None = None
    sentence: str | None = None
    other: str | None = None
    other_caption: str | None = None


def canonicalizer(case: Case) -> Callable[[str], str]:
    """Entity id → canonical id, from one read of the identity map (cheap to call per fact)."""
    read = getattr(case.store, "canonical_map", None)
    merged: dict[str, str] = read() if callable(read) else {}
    return lambda entity_id: merged.get(entity_id, entity_id)


def degrees(case: Case) -> Counter[str]:
    """How many facts tie each (canonical) entity to another one: references from relations,
    payments, events, sanctions, plus the quotes it speaks or hears."""
    counts: Counter[str] = Counter()
    canon = canonicalizer(case)
    for st in case.store.iter_statements():
        schema = model.get(st.schema)
        prop = schema.get(st.prop) if schema else None
        if prop is not None and prop.type.name == "entity":
            counts[canon(st.value)] += 1
            counts[canon(st.entity_id)] += 1
    for quote in case.quotes():
        for who in (quote.speaker, quote.audience):
            if who:
                counts[canon(who)] += 1
    return counts


def review_queue(case: Case, limit: int = 50, offset: int = 0) -> tuple[int, list[QueueEntry]]:
    """Proposed facts and merge candidates, most important first; (total, one page)."""
    degree = degrees(case)
    captions = {e.id: e.caption for e in case.entities()}
    entries: list[QueueEntry] = []
    docs: dict[str, Any] = {}
    canon = canonicalizer(case)
    for st in case.store.iter_statements():
        if st.status != ReviewStatus.PROPOSED:
            continue
        cid = canon(st.entity_id)
        entries.append(QueueEntry(
            kind="fact", id=st.id, importance=round((1 + degree[cid]) * (1.1 - st.confidence), 3), entity=cid,
            caption=captions.get(cid, cid), summary=f"{st.schema}.{st.prop} = {captions.get(st.value, st.value)}",
            document=st.document_id, start=st.start, end=st.end))
    candidates = getattr(case, "candidates", None)
    if callable(candidates):
        for cand in candidates():
            a, b = _pair(cand)
            score = float(getattr(cand, "score", 0.5) or 0.5)
            entries.append(QueueEntry(
                kind="candidate", id=f"{a}~{b}", importance=round((1 + degree[a] + degree[b]) * (1.1 - score), 3),
                entity=a, caption=captions.get(a, a), summary=f"same as {captions.get(b, b)}? (score {score:.2f})",
                other=b, other_caption=captions.get(b, b)))
    entries.sort(key=lambda e: (-e.importance, e.caption, e.id))
    page = entries[offset:offset + limit]
    for entry in page:
        if entry.document and entry.start is not None and entry.end is not None:
            doc = docs.get(entry.document) or case.document(entry.document)
            docs[entry.document] = doc
            entry.sentence = doc.sentence_around(entry.start, entry.end)
    return len(entries), page


def _pair(candidate: Any) -> tuple[str, str]:
    """The two entity ids of a merge candidate, whatever the identity service names them."""
    for left, right in (("a", "b"), ("left", "right"), ("source", "target"), ("entity", "other")):
        if hasattr(candidate, left) and hasattr(candidate, right):
            return str(getattr(candidate, left)), str(getattr(candidate, right))
    first, second = list(candidate)[:2]
    return str(first), str(second)
