"""The on-disk reference index gives what the in-memory reference gives, follows delta files, and is
rebuilt when the reference file changes."""

from __future__ import annotations

import json
from pathlib import Path

from followthemoney import model

from casegraph.resolve.index import ReferenceIndex, iter_profiles
from casegraph.resolve.match import MATCH_THRESHOLD, profile, profile_keys
from casegraph.resolve.xref import MemoryReference, read_reference, xref

REFERENCE = [
    {"id": "r1", "schema": "Person", "properties": {"name": ["Ионов Александр Викторович"], "birthDate": ["1989"]}},
    {"id": "r2", "schema": "Person", "properties": {"name": ["Alexander Ivanov"]}},
    {"id": "r3", "schema": "Company", "properties": {"name": ["ООО «Ромашка»"]}},
    {"id": "r4", "schema": "Person", "properties": {"name": ["Yevgeny Prigozhin"], "alias": ["Евгений Пригожин"]}},
]
PARTIES = [
    model.get_proxy({"id": "c1", "schema": "Person", "properties": {"name": ["Alexander Ionov"]}}),
    model.get_proxy({"id": "c2", "schema": "Organization", "properties": {"name": ["Romashka LLC"]}}),
    model.get_proxy({"id": "c3", "schema": "Person", "properties": {"name": ["Евгения Пригожина"]}}),
    model.get_proxy({"id": "c4", "schema": "Person", "properties": {"name": ["Pavel Durov"]}}),
]


def write(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def pairs(rows: list) -> set[tuple[str, str]]:  # type: ignore[type-arg]
    return {(r.entity, r.candidate) for r in rows if r.match}


def test_index_matches_like_memory(tmp_path: Path) -> None:
    ref = write(tmp_path / "ref.json", REFERENCE)
    index = ReferenceIndex.for_file(ref, tmp_path / "ref.cgx")
    try:
        assert len(index) == 4 and len(list(iter_profiles(index))) == 4
        from_disk = xref(PARTIES, index, MATCH_THRESHOLD)
        assert index.line_of("r3") == 3
    finally:
        index.close()
    memory = MemoryReference(ref)
    memory.plan(len(PARTIES))
    assert pairs(from_disk) == pairs(xref(PARTIES, memory, MATCH_THRESHOLD)) == {
        ("c1", "r1"), ("c2", "r3"), ("c3", "r4")}


def test_delta_lines_replace_and_delete(tmp_path: Path) -> None:
    ref = tmp_path / "delta.json"
    lines = [{"op": "ADD", "entity": r} for r in REFERENCE]
    lines.append({"op": "MOD", "entity": {"id": "r2", "schema": "Person", "properties": {"name": ["Pavel Durov"]}}})
    lines.append({"op": "DEL", "entity": {"id": "r1"}})
    write(ref, lines)  # type: ignore[arg-type]
    location = tmp_path / "delta.cgx"
    assert ReferenceIndex.build(read_reference(ref), location) == 3
    index = ReferenceIndex(location)
    try:
        assert pairs(xref(PARTIES, index, MATCH_THRESHOLD)) == {("c2", "r3"), ("c3", "r4"), ("c4", "r2")}
    finally:
        index.close()


def test_changed_file_is_reindexed(tmp_path: Path) -> None:
    ref = write(tmp_path / "ref.json", REFERENCE[:1])
    location = tmp_path / "ref.cgx"
    ReferenceIndex.for_file(ref, location).close()
    write(ref, REFERENCE)
    index = ReferenceIndex.for_file(ref, location)
    try:
        assert len(index) == 4
    finally:
        index.close()


def test_parallel_build_gives_the_same_index(tmp_path: Path) -> None:
    lines = [{"op": "ADD", "entity": r} for r in REFERENCE] + [{"op": "DEL", "entity": {"id": "r2"}}]
    ref = write(tmp_path / "ref.json", lines)  # type: ignore[arg-type]
    assert ReferenceIndex.build_file(ref, tmp_path / "two.cgx", workers=2) == 3
    index = ReferenceIndex(tmp_path / "two.cgx")
    try:
        assert pairs(xref(PARTIES, index, MATCH_THRESHOLD)) == {("c1", "r1"), ("c2", "r3"), ("c3", "r4")}
    finally:
        index.close()


def test_birth_year_ranks_a_namesake_apart(tmp_path: Path) -> None:
    """Among many listed namesakes, a party's birth year brings the one born that year first."""
    rows: list[dict[str, object]] = [
        {"id": f"n{i}", "schema": "Person", "properties": {"name": ["Viktor Popov"],
                                                           **({"birthDate": [f"{1900 + i}"]} if i % 2 else {})}}
        for i in range(30)]
    rows.append({"id": "born71", "schema": "Person",
                 "properties": {"name": ["Попов Виктор Петрович"], "birthDate": ["1971-05-02"]}})
    index = ReferenceIndex.for_file(write(tmp_path / "ref.json", rows), tmp_path / "ref.cgx")
    try:
        party = model.get_proxy({"id": "q", "schema": "Person",
                                 "properties": {"name": ["Viktor Popov"], "birthDate": ["1971-05-02"]}})
        top = index.load(index.candidate_ids(profile_keys(profile(party)), limit=1))
        assert [p.entity.id for p in top] == ["born71"]
    finally:
        index.close()
