"""The analysis commands through the CLI: JSON parses and matches the service, formats are checked,
unknown names are one clear line with a non-zero exit, the graph exports open in networkx."""

from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx
from typer.testing import CliRunner

from casegraph.cli.app import app

runner = CliRunner()


def _run(case_path: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, [*args, "--case", str(case_path)], env={"COLUMNS": "80"})
    return result.exit_code, result.stdout, result.stderr


def test_json_commands(case_path: Path) -> None:
    for args in (["timeline", "--format", "json"], ["money", "--format", "json"],
                 ["path", "Maria Volkova", "Ministry of Information", "--format", "json"],
                 ["network", "Maria Volkova", "--hops", "2", "--format", "json"],
                 ["contradictions", "--format", "json"], ["chain", "Delta Media", "--format", "json"],
                 ["designations", "--format", "json"]):
        code, out, err = _run(case_path, *args)
        assert code == 0, (args, err)
        assert json.loads(out), args


def test_tables_at_80_columns(case_path: Path) -> None:
    for args in (["timeline", "--entity", "Maria Volkova", "--from", "2019", "--to", "2020-12"], ["money"],
                 ["designations"], ["chain", "Delta Media"], ["contradictions"],
                 ["path", "Maria Volkova", "Peter Lang"], ["network", "Maria Volkova", "--hops", "1"]):
        code, out, err = _run(case_path, *args)
        assert code == 0, (args, err)
        assert out.strip(), args


def test_errors_are_one_line(case_path: Path) -> None:
    code, _out, err = _run(case_path, "chain", "Nobody Atall")
    assert code == 4 and err.count("\n") == 1 and "Nobody Atall" in err
    code, _out, err = _run(case_path, "timeline", "--from", "March")
    assert code == 2 and "not a date" in err
    code, _out, err = _run(case_path, "designations", "--format", "xml")
    assert code == 2 and "unknown format" in err


def test_dossier_and_graph_exports(case_path: Path, tmp_path: Path) -> None:
    code, _out, err = _run(case_path, "dossier", "Maria Volkova", "-o", str(tmp_path / "mv.html"))
    assert code == 0, err
    assert (tmp_path / "mv.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    code, _out, err = _run(case_path, "dossier", "Maria Volkova", "-o", str(tmp_path / "mv.md"))
    assert code == 0 and (tmp_path / "mv.md").read_text(encoding="utf-8").startswith("# ")
    code, _out, err = _run(case_path, "export", "--format", "gexf", "-o", str(tmp_path / "case.gexf"))
    assert code == 0, err
    g = nx.read_gexf(tmp_path / "case.gexf")
    assert g.number_of_edges() > 0
    assert all("schema" in d and "document" in d for _a, _b, d in g.edges(data=True))
    code, out, err = _run(case_path, "export", "--format", "graphml")
    assert code == 0 and nx.read_graphml(io.BytesIO(out.encode())).number_of_nodes() > 0
    code, _out, err = _run(case_path, "export", "--format", "csv", "-o", str(tmp_path / "csv"))
    assert code == 0, err
    assert (tmp_path / "csv" / "edges.csv").exists() and (tmp_path / "csv" / "Payment.csv").exists()
    code, out, err = _run(case_path, "network", "Maria Volkova", "--format", "gexf")
    assert code == 0 and nx.read_gexf(io.BytesIO(out.encode())).number_of_nodes() > 1
