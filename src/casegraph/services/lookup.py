"""Names and ids as a user types them, resolved to one canonical entity the way a search would.

Both the query and every name are folded with normality (lower case, punctuation dropped, any script
transliterated to ASCII), so "ionov", "IONOV" and "Ионов" meet. In order: an exact id (canonical or
member), an exact folded name or alias, a unique id prefix, then names that contain every word of the
query, then names that hold every word in some inflected form (Ионова → Ionov). Several entities
fitting is an :class:`AmbiguousName` listing them (never a silent pick); none is :class:`NotFound` with
the closest names.
"""

from __future__ import annotations

from collections.abc import Iterable

from followthemoney.proxy import EntityProxy
from followthemoney.types import registry
from normality import normalize
from rapidfuzz import fuzz, process

from casegraph.errors import AmbiguousName, InputError, NotFound

MIN_PREFIX = 4  # shorter id prefixes would fit half the case


def fold(text: str) -> str:
    return normalize(text, ascii=True) or ""


def names_of(entity: EntityProxy) -> list[str]:
    return [v for prop, v in entity.itervalues() if prop.type == registry.name]


def _pick(query: str, ids: Iterable[str], entities: dict[str, EntityProxy]) -> str | None:
    found = sorted(set(ids))
    if len(found) == 1:
        return found[0]
    if not found:
        return None
    parties = [i for i in found if entities[i].schema.is_a("LegalEntity")]
    if len(parties) == 1:
        return parties[0]  # a name shared by a person and, say, the event named after them
    shown = parties or found
    raise AmbiguousName(query, [(i, entities[i].caption, entities[i].schema.name) for i in shown])


def _id_prefix(needle: str, entities: dict[str, EntityProxy], merged: dict[str, str]) -> str | None:
    """The one canonical entity whose id (or a member's id) starts with ``needle``. Several fitting is
    an :class:`AmbiguousName` listing every one of them: an id prefix is a request for one record, so
    no schema is preferred, and "cg-" (shorter than ``MIN_PREFIX`` but shaped like an id) lists the
    ids rather than falling through to "no entity"."""
    if len(needle) < MIN_PREFIX and "-" not in needle:
        return None
    prefixed = {eid for eid in entities if eid.startswith(needle)}
    prefixed |= {c for m, c in merged.items() if m.startswith(needle) and c in entities}
    if len(prefixed) > 1:
        shown = sorted(prefixed)
        raise AmbiguousName(needle, [(i, entities[i].caption, entities[i].schema.name) for i in shown])
    return next(iter(prefixed), None)


def _inflected(query: str, entities: dict[str, EntityProxy]) -> list[str]:
    """Parties whose name words meet every query word in some inflected form (Ионову, Ionova → Ionov),
    through the matcher's word forms; the last resort before "not found"."""
    from casegraph.resolve.names_text import skeleton, word_forms

    def forms(word: str) -> frozenset[str]:
        return word_forms(word) | {skeleton(fold(word))}

    wanted = [forms(w) for w in query.split()]
    if not wanted or not all(wanted):
        return []
    found = []
    for eid, entity in entities.items():
        if not entity.schema.is_a("LegalEntity"):
            continue
        for name in names_of(entity):
            have = [forms(w) for w in name.split()]
            if all(any(want & got for got in have) for want in wanted):
                found.append(eid)
                break
    return found


def find_entity(entities: Iterable[EntityProxy], merged: dict[str, str], query: str) -> str:
    by_id = {e.id: e for e in entities if e.id}
    needle = query.strip()
    if not needle:
        raise InputError("an entity name or id is needed")
    if needle in by_id:
        return needle
    if needle in merged:
        return merged[needle]
    folded = fold(needle)
    names: dict[str, list[str]] = {eid: [fold(n) for n in names_of(e)] for eid, e in by_id.items()}
    hit = _pick(needle, (eid for eid, ns in names.items() if folded and folded in ns), by_id)
    if hit:
        return hit
    hit = _id_prefix(needle, by_id, merged)
    if hit:
        return hit
    words = set(folded.split())
    if words:
        hit = _pick(needle, (eid for eid, ns in names.items() if any(words <= set(n.split()) for n in ns)), by_id)
        if hit:
            return hit
    hit = _pick(needle, _inflected(needle, by_id), by_id)
    if hit:
        return hit
    choices = {f"{n} ({eid})": n for eid, ns in names.items() for n in ns}
    close = [label for label, _s, _k in process.extract(folded, choices, scorer=fuzz.WRatio, limit=5)] \
        if choices else []
    hint = f"; closest: {', '.join(close)}" if close else ""
    raise NotFound(f"no entity named or with id {query!r}{hint}")
