"""The timeline: every dated fact of a case in date order, each with its source span.

Dated events, payments, designations, relations' start and end dates, and dated quotes. Partial
dates are kept partial ("2014-12") and sort before the days inside them (see
:mod:`casegraph.analyse.dates`).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from followthemoney.proxy import EntityProxy
from followthemoney.schema import Schema

from casegraph.analyse.dates import in_range
from casegraph.analyse.describe import describe
from casegraph.analyse.snapshot import Snapshot

KIND_ORDER = {"relation-start": 0, "event": 1, "payment": 2, "designation": 3, "quote": 4, "relation-end": 5}
DATE_PROPS = {"startDate": "start", "date": "date", "listingDate": "date", "endDate": "end"}


def _kind(entity: EntityProxy, prop: str) -> str | None:
    schema = entity.schema
    if schema.is_a("Payment"):
        return "payment"
    if schema.is_a("Sanction"):
        return "designation"
    if schema.is_a("Event"):
        return "event"
    if schema.edge:
        return "relation-end" if prop == "endDate" else "relation-start"
    return None


@lru_cache(maxsize=256)
def _date_props(schema: Schema) -> tuple[str, ...]:
    return tuple(p for p in DATE_PROPS if schema.get(p) is not None)


def build(snap: Snapshot, entity: str | None = None, date_from: str | None = None,
          date_to: str | None = None) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    candidates = [snap.entities[i] for i in snap.involving(entity)] if entity else snap.entities.values()
    for e in candidates:
        if not e.schema.is_a("Interval") or not e.id:
            continue
        dated = [(p, v) for p in _date_props(e.schema) for v in e.get(p)]
        if not dated:
            continue
        parties = snap.parties_of(e.id)
        summary = describe(snap, e)
        for prop, value in sorted(set(dated)):
            kind = _kind(e, prop)
            if kind is None:
                continue
            if in_range(value, date_from, date_to):
                items.append({"date": value, "kind": kind, "summary": summary, "entities": parties, "id": e.id,
                              **snap.span(e.id).to_dict()})
    for q in snap.quotes:
        if not q.date or not in_range(q.date, date_from, date_to):
            continue
        who = [x for x in (q.speaker, q.audience) if x]
        if entity and entity not in who:
            continue
        to = f" to {snap.name(q.audience)}" if q.audience else ""
        items.append({"date": q.date, "kind": "quote", "summary": f"{snap.name(q.speaker)}{to}: “{q.text}”",
                      "entities": who, "id": q.id, "document": q.document_id, "start": q.start, "end": q.end})
    items.sort(key=lambda i: (i["date"], KIND_ORDER.get(i["kind"], 9), i["summary"], i["document"] or "",
                              i["start"] or 0))
    return items
