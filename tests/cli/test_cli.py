"""The CLI end to end on documents we write here: ingest, idempotency, exports, show, review."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from followthemoney import model
from typer.testing import CliRunner

from casegraph.cli.app import app

MEMO = """Investigators' memo, 3 March 2024

On February 12, 2024, the Ministry of Transport fined Northwind Logistics LLC 2 million rubles.
Northwind's director, Petra Olsen, founded the company in 2015. "We will appeal this decision in court,"
Olsen told the Harbor Gazette. Her lawyer, Martin Keel, who represents Northwind Logistics, said that the fine
was unlawful.
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    pile = tmp_path / "pile"
    pile.mkdir()
    (pile / "memo.txt").write_text(MEMO, encoding="utf-8")
    (pile / "unknown.xyz").write_text("not a supported type", encoding="utf-8")
    return pile


def run(*args: str, case: Path) -> object:
    return CliRunner().invoke(app, [*args, "--case", str(case)], catch_exceptions=False)


def test_ingest_export_show_review(folder: Path, tmp_path: Path) -> None:
    case = tmp_path / "case.db"
    result = run("ingest", str(folder / "memo.txt"), "--published", "2024-03-03", case=case)
    assert result.exit_code == 0, result.output
    assert "1 added" in result.output

    again = run("ingest", str(folder / "memo.txt"), case=case)
    assert again.exit_code == 0 and "exists" in again.output and "0 added" in again.output

    bundle_path = tmp_path / "bundle.json"
    assert run("export", "--format", "json", "-o", str(bundle_path), case=case).exit_code == 0
    bundle = json.loads(bundle_path.read_text())
    assert set(bundle) >= {"entities", "quotes", "contradictions", "documents"}
    names = {n for e in bundle["entities"] for n in e["properties"].get("name", [])}
    assert "Petra Olsen" in names
    text = bundle["documents"][0]
    assert text["published"] == "2024-03-03"

    ftm_path = tmp_path / "case.ftm.json"
    assert run("export", "--format", "ftm", "-o", str(ftm_path), case=case).exit_code == 0
    lines = [json.loads(line) for line in ftm_path.read_text().splitlines()]
    assert lines
    for data in lines:
        schema = model.get(data["schema"])
        assert schema is not None and schema.validate(data) is None, data
    ftm = Path(sys.executable).with_name("ftm")
    checked = subprocess.run([str(ftm), "validate", "-i", str(ftm_path)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    assert len(checked.stdout.splitlines()) == len(lines)

    shown = run("show", "Petra Olsen", case=case)
    assert shown.exit_code == 0 and "Petra Olsen" in shown.output and "memo" in shown.output

    from casegraph.services import Case

    c = Case.open(case)
    fact = next(s for s in c.store.iter_statements() if s.value == "Petra Olsen")
    c.close()
    reviewed = run("review", fact.id, "--status", "rejected", "--reviewer", "alice", case=case)
    assert reviewed.exit_code == 0, reviewed.output
    assert run("extract", case=case).exit_code == 0
    bundle_path2 = tmp_path / "bundle2.json"
    run("export", "-o", str(bundle_path2), case=case)
    c = Case.open(case)
    kept = [s for s in c.store.iter_statements(include_rejected=True) if s.id == fact.id]
    c.close()
    assert kept and kept[0].status == "rejected"


def test_batch_with_a_bad_file_exits_non_zero_and_keeps_the_rest(folder: Path, tmp_path: Path) -> None:
    case = tmp_path / "case.db"
    (folder / "junk.txt").write_bytes(b"\x00" * 500)
    result = run("ingest", str(folder), "--no-extract", case=case)
    assert result.exit_code == 1
    assert "junk.txt" in result.output and "1 added" in result.output
    assert "skipped" in result.output and "unknown.xyz" in result.output  # reported, not a failure


def test_a_named_file_of_unknown_type_fails(folder: Path, tmp_path: Path) -> None:
    result = run("ingest", str(folder / "unknown.xyz"), case=tmp_path / "c.db")
    assert result.exit_code == 1 and "unsupported file type" in result.output


def test_missing_path_is_reported(tmp_path: Path) -> None:
    result = run("ingest", str(tmp_path / "nope.txt"), case=tmp_path / "c.db")
    assert result.exit_code == 1 and "no such file" in result.output
