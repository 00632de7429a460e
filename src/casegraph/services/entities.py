"""Build FtM entities from stored statements (the read model of the case)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from followthemoney import model
from followthemoney.exc import InvalidData
from followthemoney.proxy import EntityProxy
from followthemoney.schema import Schema

from casegraph.model import Statement


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


def assemble(statements: Iterable[Statement]) -> dict[str, EntityProxy]:
    grouped: dict[str, list[Statement]] = defaultdict(list)
    for st in statements:
        grouped[st.entity_id].append(st)
    entities: dict[str, EntityProxy] = {}
    for entity_id, group in grouped.items():
        schema = pick_schema(s.schema for s in group)
        proxy = model.make_entity(schema)
        proxy.id = entity_id
        for st in group:
            if schema.get(st.prop) is not None:
                proxy.add(st.prop, st.value, quiet=True)
        entities[entity_id] = proxy
    return entities


def complete(proxy: EntityProxy) -> bool:
    """True when every required property has a value (FtM validators reject the rest)."""
    return all(proxy.has(prop) for prop in proxy.schema.required)
