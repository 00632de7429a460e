"""CLI commands that read a case: ``documents``, ``entities``, ``show``, ``summary``."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from casegraph.cli.common import DEFAULT_CASE, CaseOption, app, open_case, out


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
