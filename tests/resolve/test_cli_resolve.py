"""The identity commands end to end: import, candidates, merge, not-same, split (CliRunner, no terminal)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from casegraph.cli.app import app
from casegraph.services import Case
from tests.resolve.builders import add_document


def run(*args: str, case: Path, reviewer: str | None = "alice"):  # type: ignore[no-untyped-def]
    env = {"CASEGRAPH_REVIEWER": reviewer} if reviewer else {}
    return CliRunner().invoke(app, [*args, "--case", str(case)], env=env, catch_exceptions=False)


def build(path: Path) -> dict[str, str]:
    c = Case.open(path)
    try:
        a = add_document(c, "Anna Petrova founded Example Trust.", [("anna", "Person", "Anna Petrova"),
                                                                    ("trust", "Organization", "Example Trust")])
        b = add_document(c, "Анна Петрова уехала.", [("anna", "Person", "Анна Петрова")])
        d = add_document(c, "Oleg Sidorov paid Example Trust.", [("oleg", "Person", "Oleg Sidorov")])
        c.resolve()
        return {"anna_a": a["anna"], "anna_b": b["anna"], "oleg": d["oleg"], "trust": a["trust"]}
    finally:
        c.close()


def canonical(path: Path, entity_id: str) -> str:
    c = Case.open(path)
    try:
        return c.canonical_id(entity_id)
    finally:
        c.close()


def test_merge_not_same_split_and_candidates(tmp_path: Path) -> None:
    case = tmp_path / "case.db"
    ids = build(case)
    result = run("merge", "Anna Petrova", "Oleg Sidorov", case=case)
    assert result.exit_code == 0, result.output
    assert "merged into" in result.output and canonical(case, ids["oleg"]) == canonical(case, ids["anna_a"])
    # the merged entity answers to every member's name, in either script
    shown = run("show", "Олег Сидоров", case=case)
    assert shown.exit_code == 0 and "Anna Petrova" in shown.output
    result = run("split", ids["oleg"], case=case)
    assert result.exit_code == 0 and canonical(case, ids["oleg"]) == ids["oleg"]
    result = run("not-same", ids["anna_a"], ids["anna_b"], case=case)
    assert result.exit_code == 0 and "negative" in result.output
    assert canonical(case, ids["anna_a"]) != canonical(case, ids["anna_b"])
    result = run("candidates", case=case)
    assert result.exit_code == 0


def test_a_judgement_needs_a_reviewer_and_names_that_resolve(tmp_path: Path) -> None:
    case = tmp_path / "case.db"
    build(case)
    result = run("merge", "Anna Petrova", "Oleg Sidorov", case=case, reviewer=None)
    assert result.exit_code != 0 and "reviewer" in result.output.lower()
    result = run("merge", "Nobody Atall", "Oleg Sidorov", case=case)
    assert result.exit_code == 4 and "no entity named" in result.output
    assert "Traceback" not in result.output


def test_an_ambiguous_name_is_an_error_that_lists_the_candidates(tmp_path: Path) -> None:
    case = tmp_path / "case.db"
    c = Case.open(case)
    add_document(c, "Anna Petrova, the mother, and Anna Petrova, the daughter, both spoke.",
                 [("mother", "Person", "Anna Petrova"), ("daughter", "Person", "Anna Petrova")])
    c.close()
    result = run("show", "anna petrova", case=case)
    assert result.exit_code == 2
    assert "fits 2 entities" in result.output and result.output.count("Anna Petrova (Person") == 2


def test_import_reports_malformed_lines_and_unknown_schemata(tmp_path: Path) -> None:
    case = tmp_path / "case.db"
    good = tmp_path / "list.json"
    good.write_text(json.dumps({"id": "os-1", "schema": "Person", "properties": {"name": ["Anna Petrova"]}})
                    + "\n{broken\n", encoding="utf-8")
    result = run("import", str(good), "--dataset", "sanctions", case=case)
    assert result.exit_code == 0, result.output
    assert "imported 1 entities" in result.output and "list.json:2" in result.output
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"id": "x", "schema": "Starship", "properties": {}}) + "\n", encoding="utf-8")
    result = run("import", str(bad), "--dataset", "sanctions", case=case)
    assert result.exit_code == 2 and "unknown FtM schema" in result.output and "Traceback" not in result.output
    result = run("show", "os-1", case=case)
    assert result.exit_code == 0 and "sanctions" in result.output
