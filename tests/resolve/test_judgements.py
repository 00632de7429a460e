"""Judgements on a case: automatic resolution across documents, reviewer merge / not-same / split, and
that reviewer judgements survive re-extraction and re-resolution."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from casegraph.errors import AmbiguousName, InputError, NotFound
from casegraph.model import AUTO_ORIGIN, JudgementKind
from casegraph.services import Case
from tests.resolve.builders import add_document


@pytest.fixture
def case(tmp_path) -> Iterator[Case]:  # type: ignore[no-untyped-def]
    c = Case.open(tmp_path / "case.db")
    yield c
    c.close()


def people(case: Case) -> dict[str, list[str]]:
    return {e.id or "": sorted(case.referents(e.id or "")) for e in case.entities("Person")}


def test_one_name_in_two_documents_becomes_one_canonical_person(case: Case) -> None:
    a = add_document(case, "Anna Petrova founded Example Trust.", [("anna", "Person", "Anna Petrova"),
                                                                    ("trust", "Organization", "Example Trust")])
    b = add_document(case, "Later, Anna Petrova left the country.", [("anna", "Person", "Anna Petrova")])
    report = case.resolve()
    assert report.compared >= 1 and report.merged >= 1
    (canonical, members), = people(case).items()
    assert members == sorted([a["anna"], b["anna"]])
    assert case.canonical_id(a["anna"]) == canonical == case.find_entity_id("anna petrova")
    assert {s.canonical_id for s in case.statements_by_entity()[canonical]} == {canonical}
    auto = [j for j in case.store.list_judgements() if j.origin == AUTO_ORIGIN]
    assert auto and all(j.score is not None and j.reasons for j in auto)


def test_two_parties_of_one_document_stay_apart_even_through_a_third(case: Case) -> None:
    # one article about two different women called Anna Petrova (extraction kept them apart)
    c = add_document(case, "Anna Petrova, the mother, and Anna Petrova, the daughter, both spoke.",
                     [("mother", "Person", "Anna Petrova"), ("daughter", "Person", "Anna Petrova")])
    a = add_document(case, "Anna Petrova founded Example Trust.", [("anna", "Person", "Anna Petrova")])
    case.resolve()
    assert case.canonical_id(c["mother"]) != case.canonical_id(c["daughter"])
    assert case.canonical_id(a["anna"]) in {case.canonical_id(c["mother"]), case.canonical_id(c["daughter"])}
    with pytest.raises(AmbiguousName) as info:
        case.find_entity_id("Anna Petrova")
    assert len(info.value.candidates) == 2


def test_not_same_keeps_them_apart_through_re_resolution(case: Case) -> None:
    a = add_document(case, "Anna Petrova founded Example Trust.", [("anna", "Person", "Anna Petrova")])
    b = add_document(case, "Later, Anna Petrova left the country.", [("anna", "Person", "Anna Petrova")])
    case.resolve()
    assert case.canonical_id(a["anna"]) == case.canonical_id(b["anna"])
    case.not_same(a["anna"], b["anna"], "alice")
    assert case.canonical_id(a["anna"]) != case.canonical_id(b["anna"])
    case.resolve()  # the machine still thinks they match; the reviewer's negative wins
    case.resolve()
    assert case.canonical_id(a["anna"]) != case.canonical_id(b["anna"])
    negative = [j for j in case.store.list_judgements() if j.judgement == JudgementKind.NEGATIVE]
    assert [j.origin for j in negative] == ["review:alice"]


def test_reviewer_merge_survives_re_extraction_and_re_resolution_and_split_undoes_it(case: Case) -> None:
    text_a = "Anna Petrova founded Example Trust."
    a = add_document(case, text_a, [("anna", "Person", "Anna Petrova")])
    b = add_document(case, "The trustee, Anja Smirnova-Petrova, agreed.", [("anja", "Person", "Anja Smirnova-Petrova")])
    canonical = case.merge("Anna Petrova", "Anja Smirnova-Petrova", "alice")
    assert sorted(case.referents(canonical)) == sorted([a["anna"], b["anja"]])
    add_document(case, text_a, [("anna", "Person", "Anna Petrova")])  # re-extraction: same document, same ids
    case.resolve()
    assert case.canonical_id(a["anna"]) == case.canonical_id(b["anja"]) == canonical
    assert case.find_entity_id("Anja Smirnova-Petrova") == canonical
    members = case.split(canonical, "alice")
    assert sorted(members) == sorted([a["anna"], b["anja"]])
    case.resolve()
    assert case.canonical_id(a["anna"]) == a["anna"] and case.canonical_id(b["anja"]) == b["anja"]
    # and a later reviewer merge is in force again (the newest reviewer judgement per pair wins)
    again = case.merge(a["anna"], b["anja"], "bob")
    assert case.canonical_id(b["anja"]) == again


def test_split_of_a_member_detaches_only_it(case: Case) -> None:
    ids = [add_document(case, f"Report {n}: Anna Petrova spoke.", [("anna", "Person", "Anna Petrova")])["anna"]
           for n in range(3)]
    case.resolve()
    assert len({case.canonical_id(i) for i in ids}) == 1
    assert case.split(ids[0], "alice") == [ids[0]]
    case.resolve()
    assert case.canonical_id(ids[0]) == ids[0]
    assert case.canonical_id(ids[1]) == case.canonical_id(ids[2]) != ids[1]


def test_a_person_is_never_merged_with_a_company_and_names_must_resolve(case: Case) -> None:
    a = add_document(case, "Anna Petrova founded Example Trust.", [("anna", "Person", "Anna Petrova"),
                                                                   ("trust", "Company", "Example Trust")])
    add_document(case, "Example Trust paid.", [("trust", "Company", "Example Trust")])
    case.resolve()
    assert case.find_entity_id("example trust") == case.canonical_id(a["trust"])
    with pytest.raises(InputError, match="cannot be one entity"):
        case.merge("Anna Petrova", "Example Trust", "alice")
    with pytest.raises(InputError):
        case.merge("Anna Petrova", "Example Trust", "")
    with pytest.raises(NotFound) as info:
        case.find_entity_id("Anna Karenina")
    assert "Anna Petrova".lower() in str(info.value).lower()


def test_the_same_relation_in_two_documents_is_one_fact_with_two_sources(case: Case) -> None:
    parties = [("anna", "Person", "Anna Petrova"), ("trust", "Organization", "Example Trust")]
    rel = [("d", "Directorship", {"director": "@anna", "organization": "@trust", "role": "founder"})]
    a = add_document(case, "Anna Petrova founded Example Trust.", parties, rel)
    b = add_document(case, "Example Trust was set up by Anna Petrova.", parties[::-1], rel)
    other = [("d", "Directorship", {"director": "@anna", "organization": "@trust", "role": "treasurer"})]
    c = add_document(case, "Anna Petrova was treasurer of Example Trust.", parties, other)
    case.resolve()
    directorships = case.entities("Directorship")
    assert len(directorships) == 2  # founder (two sources) and treasurer (a different role)
    founder = next(d for d in directorships if d.get("role") == ["founder"])
    assert sorted(case.referents(founder.id or "")) == sorted([a["d"], b["d"]])
    assert founder.get("director") == [case.canonical_id(a["anna"])]
    sources = {s.document_id for s in case.statements_by_entity()[founder.id or ""]}
    assert len(sources) == 2 and case.canonical_id(c["d"]) == c["d"]


def test_one_party_named_in_many_documents_is_one_entity_with_bounded_comparisons(case: Case) -> None:
    from casegraph.services.resolution import MAX_BLOCK

    n = MAX_BLOCK + 15  # more per-document entities under one blocking key than are compared pairwise
    ids = [add_document(case, f"Report {i}: Anna Petrova spoke.", [("anna", "Person", "Anna Petrova")])["anna"]
           for i in range(n)]
    report = case.resolve()
    assert len({case.canonical_id(i) for i in ids}) == 1
    assert report.compared < n * (n - 1) // 2 // 4  # leaders, not all pairs


def test_re_resolution_keeps_standing_edges_and_retires_stale_machine_ones(case: Case) -> None:
    from casegraph.model import Judgement

    a = add_document(case, "Anna Petrova founded Example Trust.", [("anna", "Person", "Anna Petrova")])
    add_document(case, "Later, Anna Petrova left the country.", [("anna", "Person", "Anna Petrova")])
    c = add_document(case, "Oleg Sidorov paid.", [("oleg", "Person", "Oleg Sidorov")])
    case.resolve()
    standing = {j.id for j in case.store.list_judgements()}
    case.resolve()
    assert {j.id for j in case.store.list_judgements()} == standing  # nothing changed, nothing rewritten
    stale = Judgement(a["anna"], c["oleg"], JudgementKind.POSITIVE, AUTO_ORIGIN, 1.0, ["old rule"],
                      created_at="1970-01-01T00:00:00+00:00")  # e.g. a migrated name-hash identity
    case.store.add_judgements([stale])
    case.resolve()
    assert case.canonical_id(c["oleg"]) == c["oleg"]
    retired = {j.id: j.deleted_at for j in case.store.list_judgements(include_deleted=True)}
    assert retired[stale.id] is not None and {j.id for j in case.store.list_judgements()} == standing
