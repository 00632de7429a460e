"""`casegraph xref` end to end: a case's parties against FtM reference files we write and the real
OpenSanctions files in ../shared/data/ftm/ (skipped when absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from casegraph.cli import common
from casegraph.cli.app import app
from casegraph.services import Case
from tests.resolve.builders import add_document

SHARED_FTM = Path(__file__).resolve().parents[3] / "shared" / "data" / "ftm"

REFERENCE = [
    {"id": "ref-ionov", "schema": "Person",
     "properties": {"name": ["Ионов Александр Викторович", "Aleksandr Ionov"], "birthDate": ["1989-12-25"],
                    "country": ["ru"]}},
    {"id": "ref-ivanov", "schema": "Person", "properties": {"name": ["Alexander Ivanov"]}},
    {"id": "ref-meduza", "schema": "Company", "properties": {"name": ["Медуза"], "jurisdiction": ["lv"]}},
    {"id": "ref-sanction", "schema": "Sanction",
     "properties": {"entity": ["ref-ionov"], "authority": ["Example Treasury"], "program": ["Example programme"]}},
]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def write_jsonl(path: Path, rows: list[dict[str, object]], delta: bool = False) -> Path:
    lines = [json.dumps({"op": "ADD", "entity": r} if delta else r, ensure_ascii=False) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture()
def case_path(tmp_path: Path) -> Path:
    path = tmp_path / "case.db"
    case = Case.open(path)
    add_document(case, "Alexander Ionov met Sergei Petrov at the Meduza office.",
                 [("ionov", "Person", "Alexander Ionov"), ("petrov", "Person", "Sergei Petrov"),
                  ("meduza", "Organization", "Meduza")])
    case.close()
    return path


def test_json_shape_best_candidate_first(case_path: Path, tmp_path: Path) -> None:
    ref = write_jsonl(tmp_path / "ref.json", REFERENCE)
    code, stdout, _ = run("xref", str(ref), "--format", "json", "--case", str(case_path))
    assert code == 0
    rows = json.loads(stdout)
    assert rows and all(set(r) == {"entity", "candidate", "score", "match", "reasons"} for r in rows)
    assert all(0.0 <= r["score"] <= 1.0 and isinstance(r["reasons"], list) for r in rows)
    by_candidate = {r["candidate"]: r for r in rows}
    assert by_candidate["ref-ionov"]["match"] is True
    assert by_candidate["ref-meduza"]["match"] is True
    assert "ref-ivanov" not in by_candidate or by_candidate["ref-ivanov"]["match"] is False
    assert "ref-sanction" not in by_candidate  # only parties are matched
    for entity in {r["entity"] for r in rows}:
        scores = [r["score"] for r in rows if r["entity"] == entity]
        assert scores == sorted(scores, reverse=True)


def test_threshold_changes_the_verdict(case_path: Path, tmp_path: Path) -> None:
    ref = write_jsonl(tmp_path / "ref.json", REFERENCE)
    code, stdout, _ = run("xref", str(ref), "--format", "json", "--threshold", "1.0", "--case", str(case_path))
    assert code == 0
    assert not any(r["match"] for r in json.loads(stdout) if r["candidate"] == "ref-ionov")


def test_delta_lines_and_table_output(case_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ref = write_jsonl(tmp_path / "delta.json", REFERENCE, delta=True)
    with ref.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps({"op": "DEL", "entity": {"id": "ref-meduza"}}) + "\n")
    # what the delta leaves: read from JSON, so no terminal width can fold an id apart
    code, stdout, _ = run("xref", str(ref), "--format", "json", "--case", str(case_path))
    assert code == 0
    candidates = {r["candidate"] for r in json.loads(stdout)}
    assert "ref-ionov" in candidates and "ref-meduza" not in candidates
    # the table shows the same rows; its cells fold at narrow widths (COLUMNS=40), so it is drawn
    # on a console wide enough for whole ids
    monkeypatch.setattr(common.out, "_width", 200)
    code, stdout, _ = run("xref", str(ref), "--case", str(case_path))
    assert code == 0
    assert "ref-ionov" in stdout and "ref-meduza" not in stdout


def test_accept_merges_and_imports_with_the_reference_as_source(case_path: Path, tmp_path: Path) -> None:
    ref = write_jsonl(tmp_path / "ref.json", REFERENCE)
    code, _, stderr = run("xref", str(ref), "--accept", "--reviewer", "alice", "--case", str(case_path))
    assert code == 0, stderr
    case = Case.open(case_path)
    try:
        ionov = case.canonical_id("ref-ionov")
        assert ionov != "ref-ionov"  # merged with the case's Alexander Ionov
        entity = next(e for e in case.entities() if e.id == ionov)
        assert "1989-12-25" in entity.get("birthDate")
        facts = case.statements_by_entity()[ionov]
        imported = [s for s in facts if s.prop == "birthDate"]
        assert imported and imported[0].dataset == "ref" and imported[0].source_ref == "ref.json:1"
        sanction = next(e for e in case.entities("Sanction"))
        assert sanction.get("entity") == [ionov]
    finally:
        case.close()


def test_accept_needs_a_reviewer(case_path: Path, tmp_path: Path) -> None:
    ref = write_jsonl(tmp_path / "ref.json", REFERENCE)
    code, _, stderr = run("xref", str(ref), "--accept", "--case", str(case_path))
    assert code != 0 and "reviewer" in stderr


@pytest.mark.parametrize("content", ['{"id": "a", "schema": "Person", "properties": {}}\nnot json\n',
                                     '{"id": "a", "schema": "Spaceship", "properties": {}}\n',
                                     '{"id": "a", "schema": "Person", "properties": {"wingspan": ["2"]}}\n'])
def test_malformed_reference_is_one_clear_line(case_path: Path, tmp_path: Path, content: str) -> None:
    ref = tmp_path / "bad.json"
    ref.write_text(content, encoding="utf-8")
    code, stdout, stderr = run("xref", str(ref), "--case", str(case_path))
    assert code != 0 and "Traceback" not in stderr
    assert len(stderr.strip().splitlines()) == 1 and "bad.json" in stderr


def test_missing_reference_file(case_path: Path, tmp_path: Path) -> None:
    code, _, stderr = run("xref", str(tmp_path / "nope.json"), "--case", str(case_path))
    assert code != 0 and "no such reference file" in stderr


@pytest.mark.parametrize("name", ["entities.ftm.json", "entities.delta.json", "donations.ijson"])
def test_real_ftm_files(case_path: Path, name: str) -> None:
    path = SHARED_FTM / name
    if not path.is_file():
        pytest.skip(f"{path} is not here (the shared FtM data is needed for this test)")
    code, stdout, stderr = run("xref", str(path), "--format", "json", "--case", str(case_path))
    assert code == 0, stderr
    rows = json.loads(stdout)
    assert all(r["entity"] and r["candidate"] for r in rows)


def test_imported_case_entity_against_zala_cluster(tmp_path: Path) -> None:
    path = SHARED_FTM / "entities.ftm.json"
    if not path.is_file():
        pytest.skip(f"{path} is not here (the shared FtM data is needed for this test)")
    mine = write_jsonl(tmp_path / "mine.json", [
        {"id": "m1", "schema": "Person", "properties": {"name": ["Захаров Александр Вячеславович"]}},
        {"id": "m2", "schema": "Company", "properties": {"name": ["ZALA Aero"]}}])
    case_path = tmp_path / "imported.db"
    assert run("import", str(mine), "--dataset", "mine", "--case", str(case_path))[0] == 0
    code, stdout, _ = run("xref", str(path), "--format", "json", "--case", str(case_path))
    assert code == 0
    matched = {r["entity"] for r in json.loads(stdout) if r["match"]}
    assert matched == {"m1", "m2"}
