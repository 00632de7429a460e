"""Every command of every area, run on a case whose text is hostile: none crashes (an unexpected
exception would be a traceback for a user), and none lets a control or escape character through.

The argument table names every registered command; a new command without an entry fails the test,
so whoever adds one also says how to run it here."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from casegraph.cli import common
from casegraph.cli.app import app

from .hostile import COMPANY, PERSON, build_case

HOSTILE = "[with Northline] [sic] [/] \\[ x\\ \x1b[31mred\x1b[0m \r\x07 \u202e :warning: <script>x</script>"
ESC = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]")
NOT_RUN = {"serve": "starts a web server and blocks", "user": "a group; its subcommands manage web logins"}


def arguments(tmp: Path, quote_id: str) -> dict[str, list[str]]:
    reference = tmp / "reference.ftm.json"
    reference.write_text(json.dumps({"id": "ref-1", "schema": "Person", "properties": {"name": [HOSTILE]}}) + "\n",
                         encoding="utf-8")
    hostile_file = tmp / "in [bold]x[red].txt"
    hostile_file.write_text(f"Report. {HOSTILE} was said.", encoding="utf-8")
    return {
        "ingest": [str(hostile_file), "--no-extract"], "extract": [], "documents": [], "entities": [],
        "show": [PERSON], "summary": [], "review": [quote_id, "--status", "confirmed", "--note", HOSTILE],
        "export": ["-o", str(tmp / "bundle.json")], "report": ["-o", str(tmp / "dossier.md")],
        "merge": [PERSON, COMPANY, "--reviewer", HOSTILE], "split": [PERSON, "--reviewer", HOSTILE],
        "not-same": [PERSON, COMPANY, "--reviewer", HOSTILE], "candidates": [],
        "import": [str(reference), "--dataset", "refs"], "verify": [], "backup": [str(tmp / "backup.db")],
        "restore": [str(tmp / "backup.db"), "--force"], "timeline": [], "money": [], "path": [PERSON, COMPANY],
        "network": [PERSON], "contradictions": [], "chain": [PERSON], "designations": [],
        "dossier": [PERSON, "-o", str(tmp / "profile.html")], "xref": [str(reference)],
    }


def test_every_command_survives_hostile_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(common.out, "width", 60)
    monkeypatch.setattr(common.err, "width", 60)
    case = build_case(tmp_path / "case.db", HOSTILE)
    quote_id = case.quotes()[0].id
    case.close()
    table = arguments(tmp_path, quote_id)
    names = list(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
    missing = [n for n in names if n not in table and n not in NOT_RUN]
    assert not missing, f"add these commands to the table in {__file__}: {missing}"
    order = [n for n in names if n in table and n not in ("extract", "restore")] + ["extract", "restore"]
    for name in order:
        result = CliRunner().invoke(app, [name, *table[name], "--case", str(tmp_path / "case.db")])
        assert result.exception is None or isinstance(result.exception, SystemExit), (name, repr(result.exception))
        assert result.exit_code in (0, 1, 2, 4), (name, result.exit_code, result.output)
        assert not ESC.search(result.output), (name, result.output)
        if result.exit_code:
            assert len(result.stderr.strip().splitlines()) >= 1, (name, result.output)
