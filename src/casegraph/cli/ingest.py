"""CLI commands that read documents and extract facts: ``ingest``, ``extract``.

Long work shows progress: on a terminal a rich bar (files done/total, the current file, and what the
extractor is doing, from :mod:`casegraph.progress`); piped, plain lines only, with a "still working"
line when nothing was printed for a while, so a log never holds bar codes and never falls silent.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from casegraph.cli.common import DEFAULT_CASE, CaseOption, app, open_case, out, plain, say, warn
from casegraph.progress import listening
from casegraph.services.case import EXTRACTION_FAILED, IngestItem
from casegraph.services.ids import resolve_document_id
from casegraph.services.ingest import RESUMED

QUIET_SECONDS = 10.0  # piped: after this long without a line, say what is being done


def _print_item(item: IngestItem) -> None:
    short = (item.document_id or "")[:12]
    if item.status == "added":
        say("[green]added[/green]   {}  {}", short, item.path)
    elif item.status == "exists" and RESUMED in item.notes:
        say("[yellow]resumed[/yellow] {}  {}  (stored by an interrupted run; extracting it now)", short, item.path)
    elif item.status == "exists":
        say("[yellow]exists[/yellow]  {}  {}  (same content already in the case; no-op)", short, item.path)
    elif item.status == "skipped":
        say("[dim]skipped[/dim]         {}  ({})", item.path, item.reason)
    else:
        warn("[red]failed[/red]  {}: {}", item.path, item.reason)
    for note in item.notes:
        if note == RESUMED:
            continue
        (warn if note.startswith(EXTRACTION_FAILED) else say)("        note: {}", note)


@contextmanager
def working(total: int | None, unit: str = "files") -> Iterator[Callable[[], None]]:
    """Show progress while the block runs; yields ``advance()`` to call once per unit done."""
    if out.is_terminal:
        bar = Progress(SpinnerColumn(), MofNCompleteColumn(), TextColumn(unit), BarColumn(),
                       TimeElapsedColumn(), TextColumn("{task.fields[status]}", markup=False),
                       console=out, transient=True)
        task = bar.add_task(unit, total=total, status="")
        with bar, listening(lambda message: bar.update(task, status=plain(message)[:80])):
            yield lambda: bar.advance(task)
        return
    last = [time.monotonic()]
    doing = [""]
    started = time.monotonic()
    done = threading.Event()

    def line(message: str) -> None:
        say("        working: {}", message)
        last[0] = time.monotonic()

    def on_step(message: str) -> None:
        doing[0] = message
        if time.monotonic() - last[0] >= QUIET_SECONDS:
            line(message)

    def heartbeat() -> None:  # one long step (parsing a 5 MB file) must not leave a log silent either
        while not done.wait(max(QUIET_SECONDS, 1.0)):
            if doing[0] and time.monotonic() - last[0] >= QUIET_SECONDS:
                line(f"{doing[0]} ({time.monotonic() - started:.0f} s)")

    def advance() -> None:
        last[0] = time.monotonic()

    beat = threading.Thread(target=heartbeat, name="casegraph-progress", daemon=True)
    beat.start()
    try:
        with listening(on_step):
            yield advance
    finally:
        done.set()
        beat.join()


def _count_files(paths: list[Path]) -> int:
    from casegraph.ingest import iter_files

    return sum(1 for _ in iter_files(paths, include_unsupported=True))


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files and folders (recursive).")],
    case: CaseOption = DEFAULT_CASE,
    url: Annotated[str | None, typer.Option(help="Where the document was published.")] = None,
    published: Annotated[str | None, typer.Option(help="Publication date (YYYY[-MM[-DD]]).")] = None,
    title: Annotated[str | None, typer.Option(help="Title, if the file lacks one.")] = None,
    language: Annotated[str | None, typer.Option(help="ISO 639-1 code, if detection should be skipped.")] = None,
    extract: Annotated[bool, typer.Option("--extract/--no-extract", help="Extract facts after reading.")] = True,
) -> None:
    """Read documents into the case (txt, md, html, pdf, docx) and extract their facts."""
    missing = [p for p in paths if not p.exists()]
    for p in missing:
        warn("[red]failed[/red]  {}: no such file or folder", p)
    present = [p for p in paths if p.exists()]
    with open_case(case) as c, working(_count_files(present)) as advance:
        def on_item(item: IngestItem) -> None:
            _print_item(item)
            advance()

        report = c.ingest(present, url=url, published=published, title=title, language=language,
                          extract=extract, progress=on_item)
    failures = len(report.failed) + len(missing) + sum(
        1 for i in report.items if any(n.startswith(EXTRACTION_FAILED) for n in i.notes))
    skipped = f", {report.count('skipped')} skipped" if report.count("skipped") else ""
    say("{} added, {} already present{}, {} failed", report.count("added"), report.count("exists"), skipped,
        failures)
    if failures:
        raise typer.Exit(1)


@app.command()
def extract(
    documents: Annotated[list[str] | None, typer.Argument(help="Document ids (prefixes); default: all.")] = None,
    case: CaseOption = DEFAULT_CASE,
    pending: Annotated[bool, typer.Option("--pending", help="Only documents not extracted yet (after an "
                                          "interrupted or failed run), then unfinished analysis.")] = False,
) -> None:
    """Re-run extraction; proposed facts are replaced, reviewer decisions are kept."""
    with open_case(case) as c:
        ids = [resolve_document_id(c.store, d) for d in documents] if documents else None
        with working(len(ids) if ids else None, unit="documents"):
            results = c.extract_pending() if pending and not ids else c.extract(ids)
    failed = 0
    for doc_id, notes in results.items():
        say("extracted {}", doc_id[:12])
        for note in notes:
            failed += note.startswith(EXTRACTION_FAILED)
            say("        note: {}", note)
    if failed:
        raise typer.Exit(1)
