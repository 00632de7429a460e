"""Names as a user types them (``services/lookup.py``), on entities built here (no store)."""

from __future__ import annotations

import pytest
from followthemoney import ValueEntity, model

from casegraph.errors import AmbiguousName, InputError, NotFound
from casegraph.services.lookup import find_entity


def entity(eid: str, schema: str, *names: str, alias: str | None = None) -> ValueEntity:
    proxy = ValueEntity(model[schema], {"id": eid, "properties": {"name": list(names)}})
    if alias:
        proxy.add("alias", alias)
    return proxy


ENTITIES = [
    entity("cgc-aaaa1111", "Person", "Alexander Ionov", "Александр Ионов", alias="Ionov"),
    entity("cg-bbbb2222", "Company", "LLC Ionov Transkontinental"),
    entity("cg-cccc3333", "Person", "Anna Petrova"),
    entity("cg-dddd4444", "PublicBody", "Министерство юстиции"),
]
MERGED = {"cg-member0001": "cgc-aaaa1111", "cg-member0002": "cgc-aaaa1111"}


@pytest.mark.parametrize(("query", "expected"), [
    ("cgc-aaaa1111", "cgc-aaaa1111"),     # a canonical id
    ("cg-member0002", "cgc-aaaa1111"),    # a member id means its canonical entity
    ("ionov", "cgc-aaaa1111"),            # an alias, case-insensitive
    ("АЛЕКСАНДР ИОНОВ", "cgc-aaaa1111"),  # the other script
    ("Aleksandr Ionov", "cgc-aaaa1111"),  # a transliteration of the Cyrillic name
    ("cg-cccc", "cg-cccc3333"),           # a unique id prefix
    ("petrova", "cg-cccc3333"),           # every word of the query in a name
    ("Анны Петровой", "cg-cccc3333"),     # inflected, other script
    ("министерства юстиции", "cg-dddd4444"),
])
def test_a_name_or_id_finds_its_canonical_entity(query: str, expected: str) -> None:
    assert find_entity(ENTITIES, MERGED, query) == expected


def test_several_fits_are_an_error_that_lists_them() -> None:
    with pytest.raises(AmbiguousName) as info:
        find_entity(ENTITIES, MERGED, "Ионова")  # the person and the company named after him
    assert {c[0] for c in info.value.candidates} == {"cgc-aaaa1111", "cg-bbbb2222"}


def test_no_fit_names_the_closest_and_an_empty_query_is_refused() -> None:
    with pytest.raises(NotFound, match="closest: .*petrova"):
        find_entity(ENTITIES, MERGED, "Anna Karenina")
    with pytest.raises(InputError):
        find_entity(ENTITIES, MERGED, "  ")


def test_an_ambiguous_id_prefix_lists_every_fitting_entity() -> None:
    prefix = "cg-"  # shorter than a unique prefix needs to be, but shaped like an id
    with pytest.raises(AmbiguousName) as info:
        find_entity(ENTITIES, MERGED, prefix)
    fitting = {e.id for e in ENTITIES if (e.id or "").startswith(prefix)}
    fitting |= {c for m, c in MERGED.items() if m.startswith(prefix)}
    assert len(fitting) > 1
    assert {c[0] for c in info.value.candidates} == fitting
    by_id = {e.id: e for e in ENTITIES}
    assert all(caption == by_id[i].caption and schema == by_id[i].schema.name
               for i, caption, schema in info.value.candidates)
    assert all(i in str(info.value) for i in fitting)
    # two member ids of one canonical entity are one fit, not an ambiguity
    assert find_entity(ENTITIES, MERGED, "cg-mem") == "cgc-aaaa1111"
