"""A document and its extraction are one unit: whatever interrupted an ingest (a kill between storing a
document and its facts, a failed extraction, ``extract=False``, analysis cut short), running the same
ingest again, or ``extract_pending()``, reaches the case an uninterrupted ingest builds."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from casegraph.services import Case
from casegraph.services.ingest import EXTRACTION_FAILED, RESUMED

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import crash_kit  # noqa: E402


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return crash_kit.write_corpus(tmp_path_factory.mktemp("corpus") / "docs", documents=6)


@pytest.fixture(scope="module")
def uninterrupted(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    path = tmp_path_factory.mktemp("base") / "base.db"
    case = Case.open(path)
    case.ingest([corpus])
    case.close()
    return crash_kit.snapshot(path)


def _open(tmp_path: Path) -> tuple[Case, Path]:
    path = tmp_path / "case.db"
    return Case.open(path), path


def test_document_stored_without_its_extraction_is_extracted_by_the_next_ingest(
        corpus: Path, uninterrupted: dict, tmp_path: Path) -> None:
    case, path = _open(tmp_path)
    first = sorted(corpus.glob("*.txt"))[0]
    case.ingest([first], extract=False)  # the state a kill between the two writes used to leave
    assert case.store.pending_document_ids()
    report = case.ingest([corpus])
    resumed = [i for i in report.items if RESUMED in i.notes]
    assert [Path(i.path).name for i in resumed] == [first.name] and resumed[0].status == "exists"
    assert case.store.pending_document_ids() == []
    case.close()
    assert crash_kit.differences(uninterrupted, crash_kit.snapshot(path)) == []


def test_extract_pending_completes_a_case_ingested_without_extraction(
        corpus: Path, uninterrupted: dict, tmp_path: Path) -> None:
    case, path = _open(tmp_path)
    case.ingest([corpus], extract=False)
    assert len(case.store.pending_document_ids()) == 6
    results = case.extract_pending()
    assert len(results) == 6 and case.store.pending_document_ids() == []
    assert case.extract_pending() == {}  # nothing left: a no-op
    case.close()
    assert crash_kit.differences(uninterrupted, crash_kit.snapshot(path)) == []


def test_analysis_cut_short_is_redone_by_the_next_ingest(
        corpus: Path, uninterrupted: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case, path = _open(tmp_path)

    def killed(*_args: object) -> None:
        raise KeyboardInterrupt  # what a Ctrl-C (or a kill) does in the middle of analysis

    monkeypatch.setattr(case.store, "replace_contradictions", killed)
    with pytest.raises(KeyboardInterrupt):
        case.ingest([corpus])
    monkeypatch.undo()
    assert case.store.analysis_due() is not None
    report = case.ingest([corpus])
    assert report.count("exists") == 6 and report.count("added") == 0
    assert case.store.analysis_due() is None
    case.close()
    assert crash_kit.differences(uninterrupted, crash_kit.snapshot(path)) == []


def test_a_complete_case_is_not_analysed_again(corpus: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    case, _path = _open(tmp_path)
    case.ingest([corpus])
    calls: list[int] = []
    monkeypatch.setattr(case, "analyse", lambda: calls.append(1))
    report = case.ingest([corpus])
    assert report.count("exists") == 6 and calls == []
    case.close()


def test_failed_extraction_keeps_the_document_pending_and_is_retried(
        corpus: Path, uninterrupted: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from casegraph.extract import pipeline

    case, path = _open(tmp_path)
    real = pipeline.run_components

    def failing(ctx, names=pipeline.COMPONENTS):  # type: ignore[no-untyped-def]
        if "Memo" in ctx.text[:40]:
            raise RuntimeError("component bug")
        return real(ctx, names)

    monkeypatch.setattr(pipeline, "run_components", failing)
    report = case.ingest([corpus])
    failed = [i for i in report.items if any(n.startswith(EXTRACTION_FAILED) for n in i.notes)]
    assert failed and all(i.status == "added" for i in failed)
    assert len(case.store.pending_document_ids()) == len(failed)
    monkeypatch.undo()
    case.ingest([corpus])
    case.close()
    assert crash_kit.differences(uninterrupted, crash_kit.snapshot(path)) == []


def test_the_same_bytes_twice_in_one_batch_are_stored_once(tmp_path: Path) -> None:
    case, _path = _open(tmp_path)
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Oskar Venn founded Velmont Group in 2015 in Riga.\n", "utf-8")
    report = case.ingest([tmp_path / "a.txt", tmp_path / "b.txt"])
    assert [i.status for i in report.items] == ["added", "exists"]
    assert len(case.documents()) == 1
    case.close()


def test_cli_extract_pending_reaches_the_uninterrupted_case(corpus: Path, uninterrupted: dict,
                                                            tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from casegraph.cli.app import app

    path = tmp_path / "cli.db"
    runner = CliRunner()
    first = runner.invoke(app, ["ingest", str(corpus), "--no-extract", "--case", str(path)])
    assert "6 added" in first.output
    result = runner.invoke(app, ["extract", "--pending", "--case", str(path)])
    assert result.exit_code == 0, result.output
    assert result.output.count("extracted ") == 6
    again = runner.invoke(app, ["extract", "--pending", "--case", str(path)])
    assert again.exit_code == 0 and "extracted " not in again.output
    assert crash_kit.differences(uninterrupted, crash_kit.snapshot(path)) == []


def test_a_bug_met_by_one_file_fails_that_file_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from casegraph.services import ingest as service

    for name, text in (("a.txt", "Oskar Venn founded Velmont Group in 2015."), ("b.txt", "Trigger the bug here."),
                       ("c.txt", "Marta Quell directs Calder Ridge LLC.")):
        (tmp_path / name).write_text(text, "utf-8")
    real = service.detect_language

    def buggy(text: str) -> str | None:
        if "Trigger" in text:
            raise ZeroDivisionError("division by zero")
        return real(text)

    monkeypatch.setattr(service, "detect_language", buggy)
    case, _path = _open(tmp_path)
    report = case.ingest([tmp_path / n for n in ("a.txt", "b.txt", "c.txt")], extract=False)
    assert [i.status for i in report.items] == ["added", "failed", "added"]
    assert report.items[1].reason == "unexpected error (ZeroDivisionError: division by zero)"
    case.close()
