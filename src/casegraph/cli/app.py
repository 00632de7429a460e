"""Command-line presenter. Each command parses options, calls one service method, prints.

Library errors (:class:`casegraph.errors.CasegraphError`) become one red line and the error's
exit code; nothing here decides anything the REST API would have to decide again.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from casegraph.errors import CasegraphError
from casegraph.services import Case
from casegraph.services.case import EXTRACTION_FAILED, IngestItem

app = typer.Typer(help="casegraph: turn piles of documents into a sourced FollowTheMoney case graph.",
                  no_args_is_help=True, add_completion=False)
out = Console()
err = Console(stderr=True)

CaseOption = Annotated[Path, typer.Option("--case", envvar="CASEGRAPH_CASE",
                                          help="Case file (SQLite) or database URL.")]
DEFAULT_CASE = Path("casegraph.db")


@contextmanager
def open_case(path: Path) -> Iterator[Case]:
    try:
        case = Case.open(path)
    except CasegraphError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(exc.exit_code) from None
    try:
        yield case
    except CasegraphError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(exc.exit_code) from None
    finally:
        case.close()


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


@app.command()
def documents(case: CaseOption = DEFAULT_CASE) -> None:
    """List the documents in the case."""
    with open_case(case) as c:
        docs = c.documents()
    table = Table("id", "title", "format", "lang", "published", "size")
    for d in docs:
        table.add_row(d.id[:12], d.title or "", d.format, d.language or "", d.published or "", f"{d.size:,}")
    out.print(table)


@app.command()
def entities(
    case: CaseOption = DEFAULT_CASE,
    schema: Annotated[str | None, typer.Option(help="Only this FtM schema (and its descendants).")] = None,
) -> None:
    """List the entities in the case."""
    with open_case(case) as c:
        found = c.entities(schema)
    table = Table("id", "schema", "caption")
    for e in found:
        table.add_row(e.id or "", e.schema.name, e.caption)
    out.print(table)


@app.command()
def show(name_or_id: str, case: CaseOption = DEFAULT_CASE) -> None:
    """One entity with each fact and the sentence it came from."""
    with open_case(case) as c:
        view = c.show(name_or_id)
    e = view.entity
    out.print(f"[bold]{e.caption}[/bold]  ({e.schema.name}, {e.id})")
    for fact in view.facts:
        st = fact.statement
        out.print(f"  [cyan]{st.prop}[/cyan] = {st.value}  [dim]{st.status} · {st.origin} · "
                  f"{st.confidence:.2f} · {st.id}[/dim]")
        if fact.sentence:
            out.print(f"      [dim]{fact.document_title} [{st.start}:{st.end}][/dim] “{fact.sentence}”")
    if view.linked:
        out.print("[bold]linked[/bold]")
        for other in view.linked:
            out.print(f"  {other.schema.name}: {other.caption}  [dim]{other.id}[/dim]")
    if view.quotes:
        out.print("[bold]quotes[/bold]")
        for q in view.quotes:
            out.print(f"  ({q.kind}) “{q.text[:160]}”  [dim]{q.id}[/dim]")


@app.command()
def review(
    fact_id: Annotated[str, typer.Argument(help="A statement, quote or contradiction id.")],
    status: Annotated[str, typer.Option(help="confirmed | rejected | proposed")],
    case: CaseOption = DEFAULT_CASE,
    reviewer: Annotated[str, typer.Option(envvar="CASEGRAPH_REVIEWER")] = "reviewer",
    note: Annotated[str | None, typer.Option()] = None,
) -> None:
    """Record a reviewer decision on one fact (decisions are appended, never overwritten)."""
    with open_case(case) as c:
        decision = c.decide(fact_id, status, reviewer, note)
    out.print(f"{decision.status} {fact_id} by {decision.reviewer}")


@app.command()
def export(
    case: CaseOption = DEFAULT_CASE,
    format: Annotated[str, typer.Option("--format", "-f", help="json (case bundle) | ftm (JSON lines)")] = "json",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File; default stdout.")] = None,
) -> None:
    """Export the case: the JSON case bundle or FtM entities for Aleph."""
    from casegraph.export.ftm import ftm_lines

    with open_case(case) as c:
        if format == "json":
            text = json.dumps(c.bundle(), ensure_ascii=False, indent=1) + "\n"
        elif format == "ftm":
            text = "".join(line + "\n" for line in ftm_lines(c.entities()))
        else:
            err.print(f"[red]error:[/red] unknown format {format!r} (json, ftm)")
            raise typer.Exit(2)
    if output is None:
        sys.stdout.write(text)
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
        err.print(f"wrote {output}")


@app.command()
def report(
    case: CaseOption = DEFAULT_CASE,
    output: Annotated[Path, typer.Option("--output", "-o")] = Path("dossier.md"),
) -> None:
    """Write a dossier (Markdown) in which every sentence cites its source span."""
    from casegraph.export.dossier import render_dossier

    with open_case(case) as c:
        text = render_dossier(c)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    out.print(f"wrote {output}")


@app.command()
def summary(case: CaseOption = DEFAULT_CASE) -> None:
    """Counts of documents, entities by schema, quotes and decisions."""
    with open_case(case) as c:
        info = c.summary()
    table = Table("what", "count")
    for key, value in info["counts"].items():
        table.add_row(key, str(value))
    for key, value in info["schemata"].items():
        table.add_row(f"  {key}", str(value))
    out.print(table)


def main() -> None:
    app()
