"""The case bundle matches docs/case-bundle.md: every field the document shows is present with the
documented type, a document's ``length`` is its text's, quote and claim text equal their spans, and
entity references point into the bundle. The FtM export never drops an entity silently."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from followthemoney import model
from typer.testing import CliRunner

from casegraph.cli.app import app
from casegraph.services import Case

ROOT = Path(__file__).resolve().parents[2]
MEMO = """Investigators' memo, 3 March 2024

On February 12, 2024, the Ministry of Transport fined Northwind Logistics LLC 2 million rubles.
Northwind's director, Petra Olsen, founded the company in 2015. "We will appeal this decision in court,"
Olsen told the Harbor Gazette. On 1 March 2024 Northwind Logistics LLC paid 40,000 euros.
"""
NEVER_NULL = {"id", "schema", "properties", "text", "kind", "document", "start", "end", "format", "size", "length",
              "status", "confidence", "claims", "version", "entities", "quotes", "contradictions", "documents"}


def documented_example() -> dict[str, Any]:
    doc = (ROOT / "docs" / "case-bundle.md").read_text(encoding="utf-8")
    block = re.search(r"```json\n(.*?)```", doc, flags=re.DOTALL)
    assert block, "docs/case-bundle.md has no JSON example"
    example: dict[str, Any] = json.loads(block.group(1))
    return example


def check_fields(record: dict[str, Any], example: dict[str, Any], where: str,
                 optional: frozenset[str] = frozenset()) -> None:
    for key, shown in example.items():
        if key in optional and key not in record:
            continue
        assert key in record, f"{where}: documented field {key!r} missing"
        value = record[key]
        if value is None:
            assert key not in NEVER_NULL, f"{where}.{key} is null"
            continue
        if shown is None:
            assert isinstance(value, str), f"{where}.{key}: {value!r}"
        elif isinstance(shown, float):
            assert isinstance(value, int | float) and not isinstance(value, bool), f"{where}.{key}: {value!r}"
        else:
            assert isinstance(value, type(shown)), f"{where}.{key}: {type(value).__name__}, documented {shown!r}"


@pytest.fixture(scope="module")
def case_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bundle")
    (folder / "memo.txt").write_text(MEMO, encoding="utf-8")
    case = folder / "case.db"
    result = CliRunner().invoke(app, ["ingest", str(folder / "memo.txt"), "--published", "2024-03-03",
                                      "--case", str(case)])
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(case)  # a quote of our own, so the contract is checked on one whatever extraction finds
    doc_id, text = conn.execute("SELECT id, text FROM documents").fetchone()
    start, end = text.index("We will"), text.index("court,") + len("court")
    conn.execute("INSERT INTO quotes (id, document_id, speaker, audience, text, kind, start, \"end\", origin, "
                 "confidence, status) VALUES ('qt-contract', ?, NULL, NULL, ?, 'direct', ?, ?, 'extract:test', 0.9, "
                 "'proposed')", (doc_id, text[start:end], start, end))
    conn.commit()
    conn.close()
    return case


def test_the_bundle_matches_its_documented_contract(case_path: Path) -> None:
    example = documented_example()
    c = Case.open(case_path)
    try:
        bundle = c.bundle()
        texts = {d.id: d.text for d in c.store.list_documents(with_text=True)}
    finally:
        c.close()
    check_fields(bundle, example, "bundle")
    assert bundle["documents"] and bundle["quotes"] and bundle["entities"]
    for doc in bundle["documents"]:
        check_fields(doc, example["documents"][0], "document")
        assert doc["length"] == len(texts[doc["id"]]) > 0
    for quote in bundle["quotes"]:
        check_fields(quote, example["quotes"][0], "quote")
        assert quote["text"] == texts[quote["document"]][quote["start"]:quote["end"]]
    for contradiction in bundle["contradictions"]:
        check_fields(contradiction, example["contradictions"][0], "contradiction")
        for claim in contradiction["claims"]:
            check_fields(claim, example["contradictions"][0]["claims"][0], "claim")
            assert claim["text"] == texts[claim["document"]][claim["start"]:claim["end"]]
    ids = {e["id"] for e in bundle["entities"]}
    # the example's entities differ: fields all of them show are required, the rest ("referents",
    # "datasets") are documented as absent when unmerged / when no dataset contributed
    shown = example["entities"]
    required = set.intersection(*(set(e) for e in shown))
    union = {k: v for e in shown for k, v in e.items()}
    optional = frozenset(set(union) - required)
    assert required == {"id", "schema", "properties"}, required
    for key in optional:
        assert f"`{key}`" in (ROOT / "docs" / "case-bundle.md").read_text(encoding="utf-8"), key
    for entity in bundle["entities"]:
        check_fields(entity, union, "entity", optional)
        schema = model.get(entity["schema"])
        assert schema is not None
        for prop_name, values in entity["properties"].items():
            prop = schema.get(prop_name)
            if prop is not None and prop.type.name == "entity":
                assert set(values) <= ids, (entity["id"], prop_name, values)


def test_ftm_export_says_what_it_cannot_export(case_path: Path, tmp_path: Path) -> None:
    conn = sqlite3.connect(case_path)  # a Payment with an amount but no payer or beneficiary
    doc_id = conn.execute("SELECT id FROM documents").fetchone()[0]
    conn.execute("INSERT OR IGNORE INTO statements (id, entity_id, schema, prop, value, document_id, start, \"end\", "
                 "origin, confidence, status, created_at) VALUES ('st-lonely-payment', 'cg-lonely-payment', 'Payment', "
                 "'amount', '40000', ?, 0, 5, 'extract:test', 1.0, 'proposed', '2024')", (doc_id,))
    conn.commit()
    conn.close()
    target = tmp_path / "case.ftm.json"
    result = CliRunner().invoke(app, ["export", "--format", "ftm", "-o", str(target), "--case", str(case_path)])
    assert result.exit_code == 0, result.output
    skipped = [json.loads(line) for line in (tmp_path / "case.ftm.json.skipped.json").read_text().splitlines()]
    assert "cg-lonely-payment" in {s["id"] for s in skipped}
    assert all(s["missing"] and s["reason"] for s in skipped)
    assert re.search(rf"{len(skipped)} of \d+ entities not exported: .*Payment lacks beneficiary, payer",
                     result.stderr), result.stderr
    exported = {json.loads(line)["id"] for line in target.read_text().splitlines()}
    c = Case.open(case_path)
    try:
        everything = {e.id for e in c.entities()}
    finally:
        c.close()
    assert exported | {s["id"] for s in skipped} == everything and not exported & {s["id"] for s in skipped}
    ftm = Path(sys.executable).with_name("ftm")
    checked = subprocess.run([str(ftm), "validate", "-i", str(target)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    piped = CliRunner().invoke(app, ["export", "--format", "ftm", "--case", str(case_path)])
    assert "not exported: cg-lonely-payment" in piped.stderr and "cg-lonely-payment" not in piped.stdout
