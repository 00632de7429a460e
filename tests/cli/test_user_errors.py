"""Every user error is one clear line on stderr and a non-zero exit code; a bug is one line and exit 70;
CLI lines do not depend on the terminal width; ids are taken by unique prefix."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from casegraph.cli import common
from casegraph.cli.app import INTERNAL_ERROR, app, main

from .hostile import PERSON, build_case


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.stdout, result.stderr


def one_error_line(code: int, stderr: str, *words: str) -> None:
    lines = stderr.strip().splitlines()
    assert code != 0 and len(lines) == 1 and lines[0].startswith("error:"), (code, stderr)
    for word in words:
        assert word in lines[0], (word, lines[0])
    assert "Traceback" not in stderr and "sqlalche.me" not in stderr and "Background on" not in stderr


@pytest.fixture
def case(tmp_path: Path) -> Path:
    build_case(tmp_path / "case.db", "plain words").close()
    return tmp_path / "case.db"


@pytest.mark.parametrize("target", ["/proc/x.md", "{tmp}", "{tmp}/missing/x.md"])
def test_report_to_an_unwritable_place(case: Path, tmp_path: Path, target: str) -> None:
    code, _out, err = invoke("report", "--case", str(case), "-o", target.format(tmp=tmp_path))
    one_error_line(code, err, "x.md" if "x.md" in target else "folder")
    assert not (tmp_path / "missing").exists()


def test_export_to_a_folder(case: Path, tmp_path: Path) -> None:
    code, _out, err = invoke("export", "--case", str(case), "-o", str(tmp_path))
    one_error_line(code, err, "is a folder")


@pytest.mark.parametrize("date", ["2021-13-45", "2021-02-30", "2021-13", "May 2021"])
def test_published_must_be_a_calendar_date(tmp_path: Path, date: str) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("Some text.", encoding="utf-8")
    code, _out, err = invoke("ingest", str(doc), "--published", date, "--no-extract", "--case", str(tmp_path / "c.db"))
    one_error_line(code, err, repr(date[:10]))


@pytest.fixture
def wide(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tables fold to the terminal's width; checking a whole id in a cell needs a wide one."""
    monkeypatch.setattr(common.out, "width", 300)


@pytest.mark.usefixtures("wide")
def test_unknown_schema_lists_close_ones(case: Path) -> None:
    code, _out, err = invoke("entities", "--schema", "Persn", "--case", str(case))
    one_error_line(code, err, "unknown schema", "Person")
    code, out, _err = invoke("entities", "--schema", "person", "--case", str(case))
    assert code == 0 and PERSON in out


def test_a_case_in_a_missing_folder_is_refused(tmp_path: Path) -> None:
    code, _out, err = invoke("summary", "--case", str(tmp_path / "nowhere" / "c.db"))
    one_error_line(code, err, str(tmp_path / "nowhere"))
    assert not (tmp_path / "nowhere").exists()


def test_a_broken_store_is_one_line_without_sqlalchemy_links(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database" * 100)
    code, _out, err = invoke("summary", "--case", str(junk))
    one_error_line(code, err, "not a database")


def test_an_internal_error_is_one_line_and_exit_70(case: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    from casegraph.services.case import Case

    def broken(self: Case) -> None:
        raise RuntimeError("boom [/] \x1b[31m")

    monkeypatch.setattr(Case, "summary", broken)
    monkeypatch.setattr(sys, "argv", ["casegraph", "summary", "--case", str(case)])
    monkeypatch.delenv("CASEGRAPH_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == INTERNAL_ERROR
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and err.startswith("internal error: RuntimeError: boom [/]")
    assert "please report" in err and "\x1b" not in err and "Traceback" not in err


def test_lines_are_not_wrapped_at_any_width(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    missing = tmp_path / ("a-long-folder-name-" * 4) / "nope.txt"
    for width in (40, 80):
        monkeypatch.setattr(common.err, "width", width)
        code, _out, err = invoke("ingest", str(missing), "--case", str(tmp_path / "c.db"))
        assert code == 1 and f"failed  {missing}: no such file or folder" in err.splitlines()


def test_review_takes_a_unique_prefix_and_lists_an_ambiguous_one(case: Path) -> None:
    conn = sqlite3.connect(case)
    ids = [r[0] for r in conn.execute("SELECT id FROM statements ORDER BY id")]
    conn.close()
    code, out, err = invoke("review", ids[0][:12], "--status", "rejected", "--reviewer", "ann", "--case", str(case))
    assert code == 0, err
    assert f"rejected {ids[0]} by ann" in out
    code, _out, err = invoke("review", "st-", "--status", "rejected", "--case", str(case))
    one_error_line(code, err, "fits", ids[0], ids[1])
    code, _out, err = invoke("review", "st-zzzz", "--status", "rejected", "--case", str(case))
    one_error_line(code, err, "no fact")


@pytest.mark.usefixtures("wide")
def test_documents_and_extract_take_prefixes(case: Path) -> None:
    conn = sqlite3.connect(case)
    doc_id = conn.execute("SELECT id FROM documents").fetchone()[0]
    conn.close()
    code, out, _err = invoke("documents", doc_id[:8], "--case", str(case))
    assert code == 0 and doc_id in out
    code, _out, err = invoke("extract", "0000000000", "--case", str(case))
    one_error_line(code, err, "no document")


def test_a_usage_error_is_a_plain_line_not_a_box(tmp_path: Path) -> None:
    code, _out, err = invoke("entities", "--schema")
    assert code == 2 and "Error: Option '--schema' requires an argument." in err.splitlines()
    assert "╭" not in err and "│" not in err
    code, _out, err = invoke("[/]\x1b[31m")
    assert code == 2 and "No such command" in err and "\x1b" not in err


def test_a_table_cell_folds_and_is_never_cut() -> None:
    import io

    from rich.console import Console
    from rich.table import Table

    screen = io.StringIO()
    table = Table("id")
    table.add_row(common.cell("cg-0123456789abcdef01234567"))
    Console(file=screen, width=12).print(table)
    inside = "".join(line.strip("│ ") for line in screen.getvalue().splitlines()[3:-1])
    assert inside == "cg-0123456789abcdef01234567" and "…" not in screen.getvalue()


def test_casegraph_debug_keeps_the_traceback(case: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    import logging

    from casegraph.services.case import Case

    def broken(self: Case) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(Case, "summary", broken)
    monkeypatch.setattr(sys, "argv", ["casegraph", "summary", "--case", str(case)])
    monkeypatch.setenv("CASEGRAPH_DEBUG", "1")
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    root.handlers = []  # let main() install its stderr handler, as in a fresh process
    try:
        with pytest.raises(SystemExit) as exit_info:
            main()
    finally:
        root.handlers, root.level = handlers, level
    err = capsys.readouterr().err
    assert exit_info.value.code == INTERNAL_ERROR
    assert "Traceback" in err and "RuntimeError: boom" in err and "internal error: RuntimeError: boom" in err
