"""CLI commands that question a case: ``timeline``, ``money``, ``path``, ``network``, ``contradictions``,
``chain``, ``designations``, ``dossier``.

Each calls one function of :mod:`casegraph.services.analysis` and prints its JSON (``--format json``,
the shapes in docs/analysis.md) or a table. Every document string goes through ``cell``/``say``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from casegraph.cli.common import DEFAULT_CASE, CaseOption, app, cell, fail, open_case, out, say, user_errors
from casegraph.services import analysis

FormatOption = Annotated[str, typer.Option("--format", "-f", help="table | json")]
EntityOption = Annotated[str | None, typer.Option("--entity", "-e", help="Only facts about this party.")]


def _check(fmt: str, allowed: tuple[str, ...]) -> None:
    if fmt not in allowed:
        raise fail(f"unknown format {fmt!r} ({', '.join(allowed)})")


def _json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def _where(item: dict[str, Any]) -> str:
    doc = item.get("document")
    return f"{doc[:8]}:{item.get('start')}–{item.get('end')}" if doc else "record"


@app.command()
def timeline(
    case: CaseOption = DEFAULT_CASE,
    entity: EntityOption = None,
    date_from: Annotated[str | None, typer.Option("--from", help="Earliest date (YYYY[-MM[-DD]]).")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Latest date (YYYY[-MM[-DD]]).")] = None,
    fmt: FormatOption = "table",
) -> None:
    """Dated events, payments, designations, relations and quotes in order, with their sources."""
    _check(fmt, ("table", "json"))
    with open_case(case) as c:
        items = analysis.timeline(c, entity, date_from, date_to)
    if fmt == "json":
        return _json(items)
    table = Table("date", "kind", "summary", "source")
    for i in items:
        table.add_row(cell(i["date"]), cell(i["kind"]), cell(i["summary"]), cell(_where(i)))
    out.print(table)


@app.command()
def money(case: CaseOption = DEFAULT_CASE, entity: EntityOption = None, fmt: FormatOption = "table") -> None:
    """Payments grouped payer → beneficiary, per currency (never summed across currencies)."""
    _check(fmt, ("table", "json"))
    with open_case(case) as c:
        data = analysis.money(c, entity)
    if fmt == "json":
        return _json(data)
    table = Table("payer", "beneficiary", "total", "payments: date, amount, purpose, source")
    for f in data["flows"]:
        lines = []
        for p in f["payments"]:
            conv = "".join(f" (≈ {v} {k})" for k, v in p["conversions"].items())
            srcs = ", ".join(_where(s) for s in p["sources"])
            lines.append(f"{p['date'] or 'undated'}: {p['amount'] or '?'} {f['currency']}{conv}"
                         f" {'/'.join(p['purpose'])} [{srcs}]")
        table.add_row(cell(f["payer_name"] or "unnamed"), cell(f["beneficiary_name"] or "unnamed"),
                      cell(f"{f['total']} {f['currency']}"), cell("; ".join(lines)))
    out.print(table)
    for side in ("in", "out"):
        for cur, total in data.get("totals", {}).get(side, {}).items():
            say("{} {} {}", "received" if side == "in" else "paid", total, cur)


@app.command()
def path(
    a: Annotated[str, typer.Argument(help="A party (name or id).")],
    b: Annotated[str, typer.Argument(help="Another party (name or id).")],
    case: CaseOption = DEFAULT_CASE,
    max_hops: Annotated[int, typer.Option("--max-hops", help="Longest connection to look for.")] = 4,
    fmt: FormatOption = "table",
) -> None:
    """The shortest connections between two parties, each step with its source."""
    _check(fmt, ("table", "json"))
    with open_case(case) as c:
        data = analysis.paths(c, a, b, max_hops)
    if fmt == "json":
        return _json(data)
    if not data["paths"]:
        say("no connection within {} hops", max_hops)
        return
    names = data["names"]
    for n, p in enumerate(data["paths"], 1):
        say("[bold]path {}[/bold]: {}", n, " — ".join(names.get(x, x) for x in p["nodes"]))
        for e in p["edges"]:
            say("  {} → {}  ({}, {})", names.get(e["source"], e["source"]), names.get(e["target"], e["target"]),
                e["schema"], _where(e))


@app.command()
def network(
    name: Annotated[str, typer.Argument(help="The party at the centre (name or id).")],
    case: CaseOption = DEFAULT_CASE,
    hops: Annotated[int, typer.Option("--hops", help="How far from the centre.")] = 2,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table | json | gexf")] = "table",
) -> None:
    """The ego network of a party: everyone within N hops and the facts joining them."""
    _check(fmt, ("table", "json", "gexf"))
    with open_case(case) as c:
        data = analysis.network(c, name, hops)
    if fmt == "json":
        return _json(data)
    if fmt == "gexf":
        from casegraph.export.graph import network_gexf

        sys.stdout.write(network_gexf(data))
        return
    table = Table("hops", "party", "schema", "id")
    for node in data["nodes"]:
        table.add_row(cell(node["hops"]), cell(node["name"]), cell(node["schema"]), cell(node["id"]))
    out.print(table)
    say("{} parties, {} sourced connections", len(data["nodes"]), len(data["edges"]))


@app.command()
def contradictions(case: CaseOption = DEFAULT_CASE, fmt: FormatOption = "table") -> None:
    """Claims that cannot all be true: within a document, across documents, against the record."""
    _check(fmt, ("table", "json"))
    with open_case(case) as c:
        found = analysis.contradictions(c)
    if fmt == "json":
        return _json(found)
    for x in found:
        say("[bold]{}[/bold] ({}) — {}", x["subject_name"] or "unknown", x["kind"], x["explanation"])
        for cl in x["claims"]:
            say("  • {}: “{}”  [dim]{}[/dim]", cl["by_name"] or "the document", cl["text"], _where(cl))
    if not found:
        say("no contradictions found")


@app.command()
def chain(
    entity: Annotated[str, typer.Argument(help="The designated party (name or id).")],
    case: CaseOption = DEFAULT_CASE,
    fmt: FormatOption = "table",
) -> None:
    """How a party came to be designated: the dated acts, in order, with actor, target and source."""
    _check(fmt, ("table", "json"))
    with open_case(case) as c:
        acts = analysis.chain(c, entity)
    if fmt == "json":
        return _json(acts)
    table = Table("date", "actor", "action", "target", "source")
    for a in acts:
        table.add_row(cell(a["date"]), cell(a["actor_name"] or "unnamed"), cell(a["action"]),
                      cell(a["target_name"] or ""), cell(_where(a)))
    out.print(table)
    if not acts:
        say("no dated acts lead to a designation of this party")


@app.command()
def designations(case: CaseOption = DEFAULT_CASE, fmt: FormatOption = "table") -> None:
    """Every designation or sanction: who, authority, program, date, initiator, days the chain took."""
    _check(fmt, ("table", "json"))
    with open_case(case) as c:
        rows = analysis.designations(c)
    if fmt == "json":
        return _json(rows)
    table = Table("listed", "authority", "program", "date", "initiator", "days", "source")
    for r in rows:
        table.add_row(cell(r["entity_name"]), cell(r["authority"]), cell(r["program"]), cell(r["date"]),
                      cell(r["initiator_name"]), cell(r["days"]), cell(_where(r)))
    out.print(table)


@app.command()
def dossier(
    name: Annotated[str, typer.Argument(help="The party to profile (name or id).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="FILE.html or FILE.md")],
    case: CaseOption = DEFAULT_CASE,
) -> None:
    """A sourced profile of one party (HTML with inline charts, or Markdown); every sentence cites its span."""
    from casegraph.cli.common import check_output, write_output

    fmt = {".html": "html", ".htm": "html", ".md": "md"}.get(output.suffix.lower())
    if fmt is None:
        raise fail(f"{output}: the dossier is written as .html or .md")
    with user_errors():
        check_output(output)
    with open_case(case) as c:
        text = analysis.profile(c, name, fmt)
    with user_errors():
        write_output(output, text)
    say("wrote {}", output)


GRAPH_FORMATS = ("gexf", "graphml", "csv")


def export_graph(case: str | Path, fmt: str, output: Path | None) -> None:
    """``casegraph export --format gexf|graphml|csv`` (dispatched from ``cli/export.py``): the sourced
    connection graph for Gephi, or one CSV per FtM schema plus ``edges.csv`` into the folder ``-o``."""
    from casegraph.cli.common import warn, write_output
    from casegraph.export import graph as graph_export

    if fmt == "csv":
        if output is None:
            raise fail("--format csv writes one file per schema: give a folder with -o DIR")
        if output.exists() and not output.is_dir():
            raise fail(f"{output} is a file; --format csv needs a folder")
        with open_case(case) as c:
            files = graph_export.write_csv(c, output)
        warn("wrote {} files into {}", len(files), output)
        return
    with open_case(case) as c:
        text = graph_export.gexf(c) if fmt == "gexf" else graph_export.graphml(c)
    if output is None:
        sys.stdout.write(text)
        return
    with user_errors():
        write_output(output, text)
    warn("wrote {}", output)
