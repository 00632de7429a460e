"""CLI commands that read documents and extract facts: ``ingest``, ``extract``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from casegraph.cli.common import DEFAULT_CASE, CaseOption, app, err, open_case, out
from casegraph.services.case import EXTRACTION_FAILED, IngestItem


def _print_item(item: IngestItem) -> None:
    short = (item.document_id or "")[:12]
    if item.status == "added":
        out.print(f"[green]added[/green]   {short}  {item.path}")
    elif item.status == "exists":
        out.print(f"[yellow]exists[/yellow]  {short}  {item.path}  (same content already in the case; no-op)")
    elif item.status == "skipped":
        out.print(f"[dim]skipped[/dim]         {item.path}  ({item.reason})")
    else:
        err.print(f"[red]failed[/red]  {item.path}: {item.reason}")
    for note in item.notes:
        (err if note.startswith(EXTRACTION_FAILED) else out).print(f"        note: {note}")


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
        err.print(f"[red]failed[/red]  {p}: no such file or folder")
    with open_case(case) as c:
        report = c.ingest([p for p in paths if p.exists()], url=url, published=published, title=title,
                          language=language, extract=extract, progress=_print_item)
    failures = len(report.failed) + len(missing) + sum(
        1 for i in report.items if any(n.startswith(EXTRACTION_FAILED) for n in i.notes))
    skipped = f", {report.count('skipped')} skipped" if report.count("skipped") else ""
    out.print(f"{report.count('added')} added, {report.count('exists')} already present{skipped}, {failures} failed")
    if failures:
        raise typer.Exit(1)


@app.command()
def extract(
    documents: Annotated[list[str] | None, typer.Argument(help="Document ids (prefixes); default: all.")] = None,
    case: CaseOption = DEFAULT_CASE,
) -> None:
    """Re-run extraction; proposed facts are replaced, reviewer decisions are kept."""
    with open_case(case) as c:
        results = c.extract(documents or None)
    failed = 0
    for doc_id, notes in results.items():
        out.print(f"extracted {doc_id[:12]}")
        for note in notes:
            failed += note.startswith(EXTRACTION_FAILED)
            out.print(f"        note: {note}")
    if failed:
        raise typer.Exit(1)
