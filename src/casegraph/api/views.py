"""Shape what the services return into the records both the JSON API and the HTML pages show.

One function per view, so a page and its endpoint can never disagree about what a document's
highlights or an entity's facts are. Nothing here decides a fact; it only arranges them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from followthemoney import model
from followthemoney.proxy import EntityProxy
from rigour.text.scripts import text_scripts

from casegraph.model import Document
from casegraph.services.case import Case
from casegraph.services.queue import canonicalizer, degrees

NAME_PROPS = ("name", "alias", "previousName", "weakAlias")


def entity_summary(entity: EntityProxy) -> dict[str, str]:
    return {"id": str(entity.id), "schema": entity.schema.name, "caption": entity.caption}


def _kind(schema_name: str, prop_name: str) -> str:
    schema = model.get(schema_name)
    prop = schema.get(prop_name) if schema else None
    if prop is None:
        return "fact"
    if prop.type.name == "date":
        return "date"
    if prop_name == "amount" or prop.type.name == "number":
        return "amount"
    if prop_name in NAME_PROPS:
        return "mention"
    return "fact"


def highlights(case: Case, document: Document) -> list[dict[str, Any]]:
    """Every span the case knows in a document: mentions, facts (dates, amounts, others), quotes."""
    found: dict[tuple[int, int, str, str | None], dict[str, Any]] = {}
    canon = canonicalizer(case)
    for m in case.store.list_mentions(document_id=document.id):
        entity = canon(m.entity_id)
        found[(m.start, m.end, "mention", entity)] = {"start": m.start, "end": m.end, "kind": "mention",
                                                       "entity": entity, "label": m.text}
    for st in case.store.iter_statements(document_id=document.id):
        if st.start is None or st.end is None:
            continue
        kind, entity = _kind(st.schema, st.prop), canon(st.entity_id)
        key = (st.start, st.end, kind, entity)
        if key not in found:
            found[key] = {"start": st.start, "end": st.end, "kind": kind, "entity": entity,
                          "label": f"{st.schema}.{st.prop}: {st.value}", "fact": st.id, "status": str(st.status)}
    for q in case.quotes():  # speakers are canonical already
        if q.document_id == document.id:
            speaker = q.speaker
            found[(q.start, q.end, "quote", speaker)] = {"start": q.start, "end": q.end, "kind": "quote",
                                                         "entity": speaker, "label": f"{q.kind} quote",
                                                         "fact": q.id, "status": str(q.status)}
    return sorted(found.values(), key=lambda h: (h["start"], -h["end"], h["kind"]))


@dataclass
class Segment:
    """A run of text under the same set of highlights; ``start`` is its offset in the document,
    which the reader's script uses to turn a selection back into document offsets."""

    start: int
    text: str
    kinds: list[str]
    entity: str | None
    label: str | None
    focus: bool = False


def segments(text: str, marks: list[dict[str, Any]], focus: tuple[int, int] | None = None) -> list[Segment]:
    cuts = {0, len(text)}
    for h in marks:
        cuts.update((max(0, min(h["start"], len(text))), max(0, min(h["end"], len(text)))))
    if focus:
        cuts.update(focus)
    edges = sorted(cuts)
    out = []
    for left, right in zip(edges, edges[1:], strict=False):
        if left >= right:
            continue
        covering = [h for h in marks if h["start"] <= left and h["end"] >= right]
        inner = min(covering, key=lambda h: h["end"] - h["start"], default=None)
        with_entity = [h for h in covering if h.get("entity")]
        pick = min(with_entity, key=lambda h: h["end"] - h["start"]) if with_entity else None
        out.append(Segment(left, text[left:right], sorted({h["kind"] for h in covering}),
                           pick["entity"] if pick else None, inner["label"] if inner else None,
                           bool(focus and focus[0] <= left and right <= focus[1])))
    return out


def document_detail(case: Case, document_id: str) -> dict[str, Any]:
    document = case.document(document_id)
    return {**document.to_dict(with_text=True), "highlights": highlights(case, document)}


def _scripts(value: str) -> list[str]:
    return sorted(text_scripts(value))


def entity_detail(case: Case, name_or_id: str) -> dict[str, Any]:
    """An entity with every fact and its source sentence, names with their scripts, linked records."""
    view = case.show(name_or_id)
    entity = view.entity
    referents = getattr(case, "referents", None)
    facts = []
    for f in view.facts:
        st = f.statement
        facts.append({"id": st.id, "entity": st.entity_id, "prop": st.prop, "value": st.value,
                      "status": str(st.status), "confidence": st.confidence, "origin": st.origin,
                      "document": st.document_id, "document_title": f.document_title, "start": st.start,
                      "end": st.end, "sentence": f.sentence, "dataset": getattr(st, "dataset", None),
                      "source_ref": getattr(st, "source_ref", None)})
    names = [{"value": v, "prop": p, "scripts": _scripts(v)}
             for p in NAME_PROPS if p in entity.schema.properties for v in entity.get(p)]
    return {
        **entity_summary(entity), "names": names, "properties": entity.to_dict()["properties"],
        "facts": facts, "linked": [entity_summary(e) for e in view.linked],
        "quotes": [{**q.to_dict(), "document": q.document_id} for q in view.quotes],
        "referents": list(referents(str(entity.id))) if callable(referents) else [str(entity.id)],
    }


def facts_by_property(detail: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for fact in detail["facts"]:
        grouped[fact["prop"]].append(fact)
    return dict(sorted(grouped.items()))


def captions(case: Case) -> dict[str, str]:
    return {str(e.id): e.caption for e in case.entities()}


def overview(case: Case, queue_total: int) -> dict[str, Any]:
    """The case at a glance: counts, the most connected parties, the latest documents."""
    summary = case.summary()
    degree = degrees(case)
    parties = [e for e in case.entities() if e.schema.is_a("LegalEntity")]
    parties.sort(key=lambda e: (-degree[str(e.id)], e.caption))
    documents = sorted(case.documents(), key=lambda d: (d.ingested_at or "", d.id), reverse=True)
    return {"summary": summary,
            "parties": [{**entity_summary(e), "degree": degree[str(e.id)]} for e in parties[:12]],
            "documents": [d.to_dict() for d in documents[:10]], "queue_total": queue_total}
