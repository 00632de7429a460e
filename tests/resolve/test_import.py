"""``Case.import_entities``: every real FtM file in ../shared/data/ftm (OpenSanctions and Aleph-style
exports, an OpenSanctions delta), malformed lines, unknown schemata and properties, all-or-nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from casegraph.errors import InputError
from casegraph.services import Case

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "ftm"
FILES = ["entities.ftm.json", "donations.ijson", "entities.delta.json"]


def shared(name: str) -> Path:
    path = SHARED / name
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared FtM data lives in ../shared/data/ftm)")
    return path


@pytest.fixture
def case(tmp_path) -> Iterator[Case]:  # type: ignore[no-untyped-def]
    c = Case.open(tmp_path / "case.db")
    yield c
    c.close()


def expected(path: Path) -> tuple[dict[str, str], set[str]]:
    """What a file holds, read the plain way: id → schema of the entities it leaves, ids it deletes."""
    bodies: dict[str, str] = {}
    deleted: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        data = json.loads(line)
        if "op" in data:
            if data["op"] == "DEL":
                bodies.pop(data["entity"]["id"], None)
                deleted.add(data["entity"]["id"])
                continue
            data = data["entity"]
        bodies[data["id"]] = data["schema"]
        deleted.discard(data["id"])
    return bodies, deleted


@pytest.mark.parametrize("name", FILES)
def test_each_shared_file_imports_with_ids_and_sources(case: Case, name: str) -> None:
    path = shared(name)
    bodies, deleted = expected(path)
    report = case.import_entities(path, "osanc")
    assert report.skipped == [] and report.entities == len(bodies) and report.deleted == len(deleted)
    assert sum(report.schemata.values()) == len(bodies)
    by_entity = case.statements_by_entity()
    assert set(by_entity) == set(bodies)  # ids kept
    lines = path.read_text(encoding="utf-8").splitlines()
    for entity_id, statements in by_entity.items():
        for st in statements:
            assert st.document_id is None and st.dataset == "osanc" and st.origin == "import:osanc"
            file, _, line = (st.source_ref or "").rpartition(":")
            assert file == name and int(line) >= 1
            raw = json.loads(lines[int(line) - 1])
            raw = raw.get("entity", raw)
            assert raw["id"] == entity_id and st.value in [str(v).strip() for v in raw["properties"][st.prop]]
    entities = {e.id: e for e in case.entities()}
    assert {eid: e.schema.name for eid, e in entities.items()} == bodies
    assert all(e.datasets == {"osanc"} for e in entities.values())


def test_a_delta_applies_add_mod_and_del_over_an_earlier_import(case: Case, tmp_path: Path) -> None:
    first = tmp_path / "base.json"
    first.write_text("\n".join(json.dumps(e) for e in [
        {"id": "p1", "schema": "Person", "properties": {"name": ["Ivan Petrov"]}},
        {"id": "p2", "schema": "Person", "properties": {"name": ["Oleg Sidorov"]}},
    ]) + "\n", encoding="utf-8")
    case.import_entities(first, "list")
    delta = tmp_path / "delta.json"
    delta.write_text("\n".join(json.dumps(e) for e in [
        {"op": "MOD", "entity": {"id": "p1", "schema": "Person", "properties": {"name": ["Ivan PETROV"],
                                                                               "birthDate": ["1970"]}}},
        {"op": "DEL", "entity": {"id": "p2"}},
        {"op": "ADD", "entity": {"id": "p3", "schema": "Company", "properties": {"name": ["Petrov LLC"]}}},
    ]) + "\n", encoding="utf-8")
    report = case.import_entities(delta, "list")
    assert (report.entities, report.deleted) == (2, 1)
    entities = {e.id: e for e in case.entities()}
    assert set(entities) == {"p1", "p3"}
    assert entities["p1"].get("name") == ["Ivan PETROV"] and entities["p1"].get("birthDate") == ["1970"]
    assert [d["name"] for d in case.store.list_datasets()] == ["list"]


def test_malformed_lines_are_reported_by_number_and_skipped(case: Case, tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text("\n".join([
        json.dumps({"id": "ok1", "schema": "Person", "properties": {"name": ["Anna Petrova"]}}),
        '{"id": "cut", "schema": "Person", "prop',
        "[1, 2]",
        json.dumps({"schema": "Person", "properties": {"name": ["No Id"]}}),
        json.dumps({"op": "RENAME", "entity": {"id": "x"}}),
        json.dumps({"id": "ok2", "schema": "Company", "properties": {"name": ["Example Trust"]}}),
    ]) + "\n", encoding="utf-8")
    report = case.import_entities(path, "mixed")
    assert [line for line, _why in report.skipped] == [2, 3, 4, 5]
    assert "not JSON" in report.skipped[0][1] and "no id" in report.skipped[2][1]
    assert {e.id for e in case.entities()} == {"ok1", "ok2"}


@pytest.mark.parametrize("bad", [
    {"id": "x", "schema": "Spaceship", "properties": {"name": ["Enterprise"]}},
    {"id": "x", "schema": "Person", "properties": {"warpSpeed": ["9"]}},
])
def test_an_unknown_schema_or_property_stops_the_whole_batch(case: Case, tmp_path: Path, bad: dict) -> None:
    path = tmp_path / "foreign.json"
    good = {"id": "ok", "schema": "Person", "properties": {"name": ["Anna Petrova"]}}
    path.write_text(json.dumps(good) + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"foreign\.json:2"):
        case.import_entities(path, "foreign")
    assert case.entities() == [] and case.store.list_datasets() == []


def test_a_dataset_needs_a_plain_name(case: Case, tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"id": "ok", "schema": "Person", "properties": {"name": ["A B"]}}) + "\n")
    with pytest.raises(InputError):
        case.import_entities(path, "two words")
