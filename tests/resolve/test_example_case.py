"""Identity on the example case (examples/meduza-case: English and Russian documents about one set of
parties): each real party is one canonical entity across documents and scripts, and no two different
people are merged."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from followthemoney.proxy import EntityProxy

from casegraph.services import Case
from casegraph.services.lookup import fold

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "meduza-case"


@pytest.fixture(scope="module")
def case(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Case]:
    c = Case.open(tmp_path_factory.mktemp("example") / "case.db")
    c.ingest([EXAMPLE])
    yield c
    c.close()


def words(entity: EntityProxy) -> set[str]:
    return {w for name in entity.get_type_values(entity.schema.properties["name"].type) for w in fold(name).split()}


def with_word(case: Case, schema: str, *stems: str) -> list[EntityProxy]:
    """Entities of ``schema`` with a name word starting with one of ``stems`` (ASCII-folded with the
    lookup's fold, so both scripts meet: "юстиции" folds to "usticii")."""
    return [e for e in case.entities(schema) if any(w.startswith(s) for w in words(e) for s in stems)]


def test_one_person_across_english_and_russian_documents(case: Case) -> None:
    people = with_word(case, "Person", "ionov")
    assert len(people) == 1, [p.get("name") for p in people]
    person = people[0]
    scripts = {("cyrillic" if any("а" <= ch <= "я" for ch in n.lower()) else "latin") for n in person.get("name")}
    assert scripts == {"cyrillic", "latin"}
    docs = {s.document_id for s in case.statements_by_entity()[person.id or ""]}
    assert len(docs) >= 3 and len(case.referents(person.id or "")) >= 3
    assert case.find_entity_id("Ионов") == case.find_entity_id("ionov") == person.id


@pytest.mark.xfail(strict=True, reason="known gap: a body's name in Russian and in English (Министерство юстиции / "
                   "Justice Ministry) needs translation, not transliteration; the matcher scores it 0.66, so it is "
                   "a candidate for a reviewer (`casegraph candidates`), not an automatic merge")
def test_one_justice_ministry(case: Case) -> None:
    ministries = with_word(case, "PublicBody", "justice", "ustic")
    assert len(ministries) == 1, [m.get("name") for m in ministries]


def test_one_meduza(case: Case) -> None:
    outlets = [e for e in case.entities("LegalEntity") if {"meduza"} in [set(fold(n).split()) for n in e.get("name")]]
    assert len(outlets) == 1, [o.get("name") for o in outlets]
    assert {"Meduza", "Медуза"} <= set(outlets[0].get("name") + outlets[0].get("alias"))


def test_no_two_people_merged(case: Case) -> None:
    """Every member of a canonical person shares a surname stem with the others (transliterated)."""
    statements = case.statements_by_entity()
    for person in case.entities("Person"):
        members = {s.entity_id: fold(s.value).split()[-1] for s in statements[person.id or ""] if s.prop == "name"}
        stems = {last[:4] for last in members.values()}
        assert len(stems) == 1, (person.caption, sorted(set(members.values())))


def test_exports_carry_canonical_ids_with_referents(case: Case, tmp_path: Path) -> None:
    from casegraph.export.ftm import ftm_lines

    bundle = case.bundle()
    merged = [e for e in bundle["entities"] if e.get("referents")]
    assert merged and all(e["id"] not in e["referents"] for e in merged)
    ids = {e["id"] for e in bundle["entities"]}
    members = {r for e in merged for r in e["referents"]}
    assert not ids & members  # only canonical ids are entities; members appear as referents
    for entity in bundle["entities"]:  # entity-typed values name canonical entities
        schema = case.entities(entity["schema"])[0].schema
        for prop, values in entity["properties"].items():
            if schema.properties[prop].type.name == "entity":
                assert set(values) <= ids, (entity["schema"], prop)
    path = tmp_path / "case.ftm.json"
    path.write_text("".join(line + "\n" for line in ftm_lines(case.entities())), encoding="utf-8")
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert any(line.get("referents") for line in lines)
    ftm = Path(sys.executable).with_name("ftm")
    checked = subprocess.run([str(ftm), "validate", "-i", str(path)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr[-2000:]


def test_reviewer_judgements_survive_re_extraction_of_every_document(case: Case) -> None:
    """Runs last: it changes the shared case."""
    person = with_word(case, "Person", "ionov")[0]
    members = sorted(case.referents(person.id or ""))
    detached = members[0]
    case.split(detached, "alice")
    fact = next(s for s in case.statements_by_entity()[case.canonical_id(members[1])] if s.prop == "name")
    case.decide(fact.id, "confirmed", "alice")
    case.extract()  # every document again: same per-document ids, then automatic resolution again
    assert case.canonical_id(detached) == detached
    rest = {case.canonical_id(m) for m in members[1:]}
    assert len(rest) == 1 and rest != {detached}
    kept = {s.id: s for s in case.store.iter_statements()}[fact.id]
    assert kept.status == "confirmed"
    assert sorted(case.referents(rest.pop())) == members[1:]


def test_one_justice_ministry_per_script(case: Case) -> None:
    """Within English, the filing's long form and the memo's short form are one body."""
    english = with_word(case, "PublicBody", "justice")
    assert len(english) == 1, [m.get("name") for m in english]
    assert {"Justice Ministry", "Ministry of Justice of the Russian Federation"} <= set(english[0].get("name"))
