"""Build FtM entities from stored statements (the read model of the case).

With a canonical map, statements are grouped by their canonical id (the resolver's clusters), so a
reader sees one entity per real party whose properties are the union of its members' statements, and
every entity-typed value (a Directorship's ``director``, a Payment's ``payer``) names a canonical id.
Entities are :class:`followthemoney.ValueEntity`, which carries ``referents`` (the member ids) and
``datasets`` the way OpenSanctions exports do.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import Any

from followthemoney import ValueEntity, model
from followthemoney.exc import InvalidData
from followthemoney.proxy import EntityProxy
from followthemoney.schema import Schema

from casegraph.model import Statement

Canon = Callable[[str], str]


def pick_schema(names: Iterable[str]) -> Schema:
    """The most specific schema all statements agree on; when two disagree (Company vs
    PublicBody), the one most statements use."""
    counts = Counter(names)
    schemata = [s for s in (model.get(n) for n in counts) if s is not None]
    if not schemata:
        raise InvalidData(f"no known schema among {sorted(counts)}")
    try:
        common = schemata[0]
        for other in schemata[1:]:
            common = model.common_schema(common, other)
        return common
    except InvalidData:
        return model[counts.most_common(1)[0][0]]


class CaseEntity(ValueEntity):
    """A canonical entity; ``to_dict`` lists referents and datasets sorted, so exports are reproducible."""

    def to_dict(self) -> dict[str, Any]:
        data = super().to_dict()
        data["referents"] = sorted(self.referents)
        data["datasets"] = sorted(self.datasets)
        return data


def _identity(entity_id: str) -> str:
    return entity_id


def is_entity_prop(schema_name: str, prop: str) -> bool:
    schema = model.get(schema_name)
    found = schema.get(prop) if schema is not None else None
    return found is not None and found.type.name == "entity"


def canonical_statements(statements: Iterable[Statement], canon: Canon = _identity) -> Iterator[Statement]:
    """Copies of the statements with ``canonical_id`` set and entity-typed values rewritten to canonical
    ids; ``id``, ``entity_id`` and the source stay as produced."""
    for st in statements:
        value = canon(st.value) if is_entity_prop(st.schema, st.prop) else st.value
        yield replace(st, canonical_id=canon(st.entity_id), value=value)


def assemble(statements: Iterable[Statement], canon: Canon = _identity) -> dict[str, ValueEntity]:
    grouped: dict[str, list[Statement]] = defaultdict(list)
    for st in canonical_statements(statements, canon):
        grouped[st.canonical_id or st.entity_id].append(st)
    entities: dict[str, ValueEntity] = {}
    for entity_id, group in grouped.items():
        schema = pick_schema(s.schema for s in group)
        proxy = CaseEntity(schema, {"id": entity_id})
        for st in group:
            if schema.get(st.prop) is not None:
                proxy.add(st.prop, st.value, quiet=True)
            if st.entity_id != entity_id:
                proxy.referents.add(st.entity_id)
            if st.dataset:
                proxy.datasets.add(st.dataset)
        entities[entity_id] = proxy
    return entities


def complete(proxy: EntityProxy) -> bool:
    """True when every required property has a value (FtM validators reject the rest)."""
    return all(proxy.has(prop) for prop in proxy.schema.required)
