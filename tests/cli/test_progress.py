"""Long work shows progress: the pipeline and ingest say what they are doing (casegraph.progress); a
terminal gets a rich bar, piped output plain lines without bar or escape codes."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from casegraph.cli import ingest as ingest_cli
from casegraph.cli.app import app
from casegraph.progress import listening, step
from casegraph.services import Case

TEXT = "Petra Olsen founded Northwind Logistics LLC in 2015. She told the Harbor Gazette that it grew.\n"


def test_ingest_and_extraction_report_their_steps(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    heard: list[str] = []
    case = Case.open(tmp_path / "c.db")
    try:
        with listening(heard.append):
            case.ingest([tmp_path / "a.txt"])
    finally:
        case.close()
    assert any(s.startswith("reading ") and s.endswith("a.txt") for s in heard), heard
    assert any(s.startswith("parsing ") for s in heard), heard
    assert "extracting: parties" in heard and "extracting: quotes" in heard, heard
    step("nobody listens")  # a no-op outside ``listening``


def test_a_terminal_gets_a_bar_and_a_pipe_gets_plain_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    screen = io.StringIO()
    monkeypatch.setattr(ingest_cli, "out", Console(file=screen, force_terminal=True, width=100))
    with ingest_cli.working(2) as advance:
        step("extracting: parties")
        advance()
        advance()
    assert "\x1b[" in screen.getvalue() and "2/2" in screen.getvalue()

    piped = io.StringIO()
    monkeypatch.setattr(ingest_cli, "out", Console(file=piped, width=100))
    monkeypatch.setattr(ingest_cli, "QUIET_SECONDS", 0.0)
    monkeypatch.setattr(ingest_cli, "say", lambda template, *v: piped.write(template.format(*v) + "\n"))
    with ingest_cli.working(1) as advance:
        step("extracting: [bold]parties")
        advance()
    assert piped.getvalue().startswith("        working: extracting: [bold]parties\n")


def test_piped_ingest_has_no_bar_codes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    monkeypatch.setattr(ingest_cli, "QUIET_SECONDS", 0.0)
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "a.txt"), "--case", str(tmp_path / "c.db")])
    assert result.exit_code == 0, result.output
    assert "working: extracting: parties" in result.output and "1 added" in result.output
    assert "\x1b" not in result.output and "━" not in result.output


def test_a_long_silent_step_still_prints_a_heartbeat(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    lines: list[str] = []
    monkeypatch.setattr(ingest_cli, "out", Console(file=io.StringIO(), width=100))
    monkeypatch.setattr(ingest_cli, "QUIET_SECONDS", 0.05)
    monkeypatch.setattr(ingest_cli, "say", lambda template, *v: lines.append(template.format(*v)))
    with ingest_cli.working(1):
        step("parsing 1,000,000 characters")
        time.sleep(1.3)  # one step, no calls: only the heartbeat can speak
    assert any(re.fullmatch(r" +working: parsing 1,000,000 characters \(\d+ s\)", line) for line in lines), lines
