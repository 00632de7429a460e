"""Hostile text from documents, imports and users never acts as rich markup, ANSI or control codes in
any CLI output, never crashes a command, and never becomes live HTML or Markdown in the dossier.

Each example builds a small case through the store (tests/cli/hostile.py) whose title, text, names,
values, quotes and claims carry the generated string, then runs every command that prints them."""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from casegraph.cli import common
from casegraph.cli.app import app
from casegraph.cli.common import plain
from casegraph.services.ingest import IngestItem

from .hostile import PERSON, build_case

KNOWN = ["[with Northline]", "[sic]", "\\[ x", "a\\\\[b]", "ends\\",
         "[/]", "[bold red]x[/]", "\x1b[31mred\x1b[0m", "a\\", "[link=file:///etc]x",
         ":warning: :smile:", "\r overwritten", "\u202e reversed", "tab\there", "\x07bell",
         "<script>alert(1)</script>", "[x](javascript:alert(1))", "&lt;b&gt;", "# heading", "*bold* _it_ `c`"]
hostile_text = st.one_of(
    st.sampled_from(KNOWN),
    st.text(alphabet=st.sampled_from(list("[]/\\:<>&*_`#()!|~ab \x1b\r\n\t\x00\x7f\u009b\u202e")), min_size=1,
            max_size=40),
    st.lists(st.sampled_from(KNOWN), min_size=2, max_size=4).map(" ".join),
)
ESC = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]")


@pytest.fixture(autouse=True)
def wide_consoles(monkeypatch: pytest.MonkeyPatch) -> None:
    """Wide enough that no table cell of these short strings wraps, so "literally" is checkable."""
    monkeypatch.setattr(common.out, "width", 1000)
    monkeypatch.setattr(common.err, "width", 1000)


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.output


def literal(hostile: str) -> str:
    """How a value must appear: control characters made visible, whitespace runs as spaces, all else as is."""
    return plain(hostile)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(hostile=hostile_text)
def test_every_reading_command_prints_hostile_text_literally(hostile: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        case_path = Path(tmp) / "case.db"
        case = build_case(case_path, hostile)
        quote_id = case.quotes()[0].id
        case.close()
        c = str(case_path)
        shown = literal(hostile).strip()
        review = ["review", quote_id[:10], "--status", "confirmed", "--reviewer", hostile or "r", "--note", hostile]
        for args in (["show", PERSON], ["entities"], ["documents"], ["summary"], ["verify"], review):
            code, output = invoke(*args, "--case", c)
            assert code == 0, (args, output)
            assert not ESC.search(output), (args, output)
            if args[0] in ("show", "documents") and shown:
                assert shown in output, (args, shown, output)
        code, output = invoke("review", quote_id[:10], "--status", "confirmed", "--reviewer", f"x{hostile}y",
                              "--case", c)
        assert literal(f"x{hostile}y") in output


@settings(max_examples=6, deadline=None)
@given(hostile=hostile_text)
def test_export_and_report_messages_and_files(hostile: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        case_path = Path(tmp) / "case.db"
        build_case(case_path, hostile).close()
        name = re.sub(r"[/\x00]", "_", f"out{hostile}")[:60]
        target = Path(tmp) / f"{name}.md"
        code, output = invoke("report", "--case", str(case_path), "-o", str(target))
        assert code == 0, output
        assert literal(str(target)) in output and not ESC.search(output)
        dossier = target.read_text(encoding="utf-8")
        assert "<script" not in dossier.lower() and "](javascript" not in dossier
        assert "\n#" not in dossier.replace("\n# Case dossier", "").replace("\n## ", "").replace("\n### ", "")
        bundle = Path(tmp) / f"{name}.json"
        code, output = invoke("export", "--case", str(case_path), "-o", str(bundle))
        assert code == 0 and not ESC.search(output)
        assert json.loads(bundle.read_text(encoding="utf-8"))["quotes"][0]["text"] == hostile


def test_ingest_lines_and_notes_are_literal(capsys: pytest.CaptureFixture[str]) -> None:
    from casegraph.cli.ingest import _print_item

    for hostile in KNOWN:
        _print_item(IngestItem(f"dir/{hostile}.txt", "added", "a" * 64, notes=[f"note {hostile}"]))
        _print_item(IngestItem(f"dir/{hostile}.txt", "failed", reason=f"reason {hostile}"))
        captured = capsys.readouterr()
        assert literal(f"dir/{hostile}.txt") in captured.out and literal(f"note {hostile}") in captured.out
        assert literal(f"reason {hostile}") in captured.err
        assert not ESC.search(captured.out + captured.err)


def test_a_file_named_like_markup_is_ingested_and_named_literally(tmp_path: Path) -> None:
    pile = tmp_path / "pile"
    pile.mkdir()
    (pile / "[bold]x[red] \x1b[31m.txt").write_text("Plain words only.", encoding="utf-8")
    code, output = invoke("ingest", str(pile), "--no-extract", "--case", str(tmp_path / "c.db"))
    assert code == 0, output
    assert "[bold]x[red] \\x1b[31m.txt" in output and "\x1b" not in output


def test_dossier_escapes_an_entity_encoded_html_page(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>&lt;script&gt;alert(1)&lt;/script&gt; [t](javascript:x)</title></head>"
                    "<body><article><p>" + "An ordinary paragraph of reporting. " * 20 + "</p>"
                    "<p>&lt;img src=x onerror=alert(1)&gt; was quoted.</p></article></body></html>",
                    encoding="utf-8")
    case = str(tmp_path / "c.db")
    assert invoke("ingest", str(page), "--no-extract", "--case", case)[0] == 0
    assert invoke("report", "--case", case, "-o", str(tmp_path / "d.md"))[0] == 0
    dossier = (tmp_path / "d.md").read_text(encoding="utf-8")
    assert "&lt;script&gt;" in dossier and "<script" not in dossier and "](javascript" not in dossier


def test_plain_makes_every_control_visible() -> None:
    assert plain("a\x1b[31mb\x07c\ud800d\u202ee\nf\tg") == "a\\x1b[31mb\\x07c\\ud800d\\u202ee f g"
    for value in ("[sic] [/]", "\\[ x", "a\\\\[b", "x\\", "[bold]b[/bold]\\"):
        assert common.line("[dim]{}[/dim] {}", value, value).plain == f"{value} {value}"
