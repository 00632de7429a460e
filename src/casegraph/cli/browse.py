"""CLI commands that read a case: ``documents``, ``entities``, ``show``, ``summary``.

Everything printed here that comes from the case goes through ``say``/``cell`` (see ``cli/common.py``).
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from casegraph.cli.common import DEFAULT_CASE, CaseOption, app, cell, open_case, out, say
from casegraph.services.ids import check_schema, resolve_document_id


def _table(*headers: str, ids: tuple[str, ...] = ("id",)) -> Table:
    """A table whose id columns fold rather than being cut with an ellipsis, so an id can always be
    copied whole, whatever the terminal width."""
    table = Table()
    for header in headers:
        table.add_column(header, overflow="fold" if header in ids else "ellipsis")
    return table


@app.command()
def documents(
    ids: Annotated[list[str] | None, typer.Argument(help="Only these documents (ids or unique prefixes).")] = None,
    case: CaseOption = DEFAULT_CASE,
) -> None:
    """List the documents in the case."""
    with open_case(case) as c:
        docs = [c.document(resolve_document_id(c.store, i)) for i in ids] if ids else c.documents()
    table = _table("id", "title", "format", "lang", "published", "size")
    for d in docs:
        table.add_row(cell(d.id[:12] if not ids else d.id), cell(d.title or ""), cell(d.format),
                      cell(d.language or ""), cell(d.published or ""), cell(f"{d.size:,}"))
    out.print(table)


@app.command()
def entities(
    case: CaseOption = DEFAULT_CASE,
    schema: Annotated[str | None, typer.Option(help="Only this FtM schema (and its descendants).")] = None,
) -> None:
    """List the entities in the case."""
    with open_case(case) as c:
        found = c.entities(check_schema(schema) if schema else None)
    table = _table("id", "schema", "caption")
    for e in found:
        table.add_row(cell(e.id or ""), cell(e.schema.name), cell(e.caption))
    out.print(table)


@app.command()
def show(name_or_id: str, case: CaseOption = DEFAULT_CASE) -> None:
    """One entity with each fact and the sentence it came from."""
    with open_case(case) as c:
        view = c.show(name_or_id)
    e = view.entity
    say("[bold]{}[/bold]  ({}, {})", e.caption, e.schema.name, e.id)
    for fact in view.facts:
        st = fact.statement
        say("  [cyan]{}[/cyan] = {}  [dim]{} · {} · {} · {}[/dim]", st.prop, st.value, st.status, st.origin,
            f"{st.confidence:.2f}", st.id)
        if fact.sentence:
            say("      [dim]{} [{}:{}][/dim] “{}”", fact.document_title, st.start, st.end, fact.sentence)
    if view.linked:
        say("[bold]linked[/bold]")
        for other in view.linked:
            say("  {}: {}  [dim]{}[/dim]", other.schema.name, other.caption, other.id)
    if view.quotes:
        say("[bold]quotes[/bold]")
        for q in view.quotes:
            say("  ({}) “{}”  [dim]{}[/dim]", q.kind, q.text[:160], q.id)


@app.command()
def summary(case: CaseOption = DEFAULT_CASE) -> None:
    """Counts of documents, entities by schema, quotes and decisions."""
    with open_case(case) as c:
        info = c.summary()
    table = _table("what", "count")
    for key, value in info["counts"].items():
        table.add_row(cell(key), cell(value))
    for key, value in info["schemata"].items():
        table.add_row(cell(f"  {key}"), cell(value))
    out.print(table)
