"""`casegraph verify` finds what was broken on purpose; backup then restore gives the same case."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from casegraph.cli.app import app
from casegraph.services.integrity import verify

MEMO = """Investigators' memo, 3 March 2024

On February 12, 2024, the Ministry of Transport fined Northwind Logistics LLC 2 million rubles.
Northwind's director, Petra Olsen, founded the company in 2015. "We will appeal this decision in court,"
Olsen told the Harbor Gazette. Her lawyer, Martin Keel, who represents Northwind Logistics, said that the fine
was unlawful.
"""
TABLES = ("documents", "statements", "mentions", "quotes", "claims", "contradictions", "decisions", "judgements",
          "entity_canonical", "alembic_version")


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("integrity")
    (folder / "memo.txt").write_text(MEMO, encoding="utf-8")
    case = folder / "case.db"
    code, output = invoke("ingest", str(folder / "memo.txt"), "--published", "2024-03-03", "--case", str(case))
    assert code == 0, output
    conn = sqlite3.connect(case)
    fact = conn.execute("SELECT id FROM statements ORDER BY id LIMIT 1").fetchone()[0]
    # a quote and a judgement of our own, so the round trip covers them whatever extraction finds
    doc_id, text = conn.execute("SELECT id, text FROM documents").fetchone()
    start = text.index("We will appeal")
    end = text.index("court,") + len("court")
    conn.execute("INSERT INTO quotes (id, document_id, speaker, audience, text, kind, start, \"end\", origin, "
                 "confidence, status) VALUES ('qt-test', ?, NULL, NULL, ?, 'direct', ?, ?, 'extract:test', 0.9, "
                 "'proposed')", (doc_id, text[start:end], start, end))
    conn.execute("INSERT INTO judgements (id, source, target, judgement, score, reasons, origin, created_at) "
                 "VALUES ('jd-test', 'cg-a', 'cg-b', 'negative', NULL, '[]', 'review:ann', '2024')")
    conn.commit()
    conn.close()
    assert invoke("review", fact, "--status", "confirmed", "--reviewer", "ann", "--case", str(case))[0] == 0
    return case


@pytest.fixture
def case(built: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "case.db"
    assert invoke("backup", str(copy), "--case", str(built))[0] == 0
    return copy


def problems(case: Path) -> list[str]:
    from casegraph.services import Case

    c = Case.open(case)
    try:
        return [str(p) for p in verify(c.store).problems]
    finally:
        c.close()


def test_a_fresh_case_verifies(case: Path) -> None:
    code, output = invoke("verify", "--case", str(case))
    assert code == 0 and output.startswith("ok:") and "statements" in output, output


def corrupt(case: Path, sql: str, *params: object) -> None:
    conn = sqlite3.connect(case)
    conn.execute(sql, params)
    conn.commit()
    conn.close()


def test_a_changed_text_is_found(case: Path) -> None:
    corrupt(case, "UPDATE documents SET text = replace(text, 'Olsen', 'Olsan')")
    found = problems(case)
    assert any(p.startswith("hash:") for p in found), found
    assert any(p.startswith("text:") for p in found), found  # quotes/mentions no longer equal their spans
    code, output = invoke("verify", "--case", str(case))
    assert code == 1 and "problem" in output


def test_a_span_outside_its_document_is_found(case: Path) -> None:
    corrupt(case, 'UPDATE statements SET start = 100000, "end" = 100005 WHERE id = (SELECT min(id) FROM statements)')
    assert any(p.startswith("span:") for p in problems(case))


def test_a_dangling_reference_and_a_sourceless_fact_are_found(case: Path) -> None:
    corrupt(case, "INSERT INTO statements (id, entity_id, schema, prop, value, document_id, start, \"end\", origin, "
                  "confidence, status, created_at) SELECT 'st-dangling', 'cg-pay', 'Payment', 'payer', 'cg-nobody', "
                  "id, 0, 5, 'extract:test', 1.0, 'proposed', '2024' FROM documents")
    corrupt(case, "INSERT INTO statements (id, entity_id, schema, prop, value, document_id, start, \"end\", origin, "
                  "confidence, status, created_at) VALUES ('st-nosource', 'cg-pay', 'Payment', 'amount', '5', NULL, "
                  "NULL, NULL, 'extract:test', 1.0, 'proposed', '2024')")
    found = problems(case)
    assert any(p.startswith("reference: st-dangling") and "cg-nobody" in p for p in found), found
    assert any(p.startswith("source: st-nosource") for p in found), found


def dump(case: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(case)
    try:
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}
    finally:
        conn.close()


def test_backup_then_restore_is_the_same_case(built: Path, tmp_path: Path) -> None:
    backup = tmp_path / "backup.db"
    assert invoke("backup", str(backup), "--case", str(built))[0] == 0
    original = dump(built)
    assert all(original[t] for t in ("documents", "statements", "quotes", "decisions", "judgements"))
    restored = tmp_path / "restored.db"
    code, output = invoke("restore", str(backup), "--case", str(restored))
    assert code == 0, output
    assert dump(restored) == original

    code, output = invoke("restore", str(backup), "--case", str(restored))
    assert code == 2 and "--force" in output
    corrupt(restored, "DELETE FROM decisions")
    assert invoke("restore", str(backup), "--case", str(restored), "--force")[0] == 0
    assert dump(restored) == original
    code, output = invoke("backup", str(backup), "--case", str(built))
    assert code == 2 and "exists" in output


def test_restore_refuses_what_is_not_a_case_and_postgres_points_at_pg_dump(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_text("not a database", encoding="utf-8")
    code, output = invoke("restore", str(junk), "--case", str(tmp_path / "new.db"))
    assert code == 2 and "not a casegraph backup" in output and not (tmp_path / "new.db").exists()
    code, output = invoke("backup", str(tmp_path / "b.db"), "--case", "postgresql+psycopg://u:secret@localhost/x")
    assert code == 2 and "pg_dump" in output and "secret" not in output
