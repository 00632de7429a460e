"""``casegraph xref``: the case's parties against a reference list (OpenSanctions, Aleph exports)."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from casegraph.cli.common import DEFAULT_CASE, CaseOption, app, cell, err, open_case, out, say
from casegraph.resolve.match import XREF_THRESHOLD


class XrefFormat(StrEnum):
    table = "table"
    json = "json"


@app.command()
def xref(
    reference: Annotated[Path, typer.Argument(help="FtM JSON lines / JSON array / OpenSanctions delta file.")],
    fmt: Annotated[XrefFormat, typer.Option("--format", help="table for people, json for programs.")
                   ] = XrefFormat.table,
    threshold: Annotated[float, typer.Option(help="Score at or above which a candidate is a match.")
                         ] = XREF_THRESHOLD,
    accept: Annotated[bool, typer.Option("--accept", help="Merge each party with its best match "
                                                           "(imports the matched reference entities).")] = False,
    reviewer: Annotated[str, typer.Option("--reviewer", envvar="CASEGRAPH_REVIEWER",
                                          help="Who accepts the matches (needed with --accept).")] = "",
    dataset: Annotated[str | None, typer.Option(help="Dataset name for accepted reference entities "
                                                     "(default: the file's name).")] = None,
    index: Annotated[Path | None, typer.Option(help="On-disk index of the reference (built on first use; "
                                                    "large files get one automatically).")] = None,
    case: CaseOption = DEFAULT_CASE,
) -> None:
    """Match the case's parties against a reference list: candidates with a score and the reasons."""
    from casegraph.services.xref import accept as accept_rows
    from casegraph.services.xref import cross_reference

    with open_case(case) as c:
        rows = cross_reference(c, reference, threshold, index)
        report = accept_rows(c, reference, rows, reviewer, dataset) if accept else None
    if fmt == XrefFormat.json:
        typer.echo(json.dumps([row.as_json() for row in rows], ensure_ascii=False, indent=1))
    elif not rows:
        say("no candidates in {} at or above {:.2f}", reference.name, min(threshold, 0.55))
    else:
        table = Table("score", "match", "case entity", "reference entity", "reasons")
        for row in rows:
            table.add_row(cell(f"{row.score:.2f}"), cell("yes" if row.match else ""),
                          cell(f"{row.entity_caption} ({row.entity})"),
                          cell(f"{row.candidate_caption} ({row.candidate})"), cell("; ".join(row.reasons)))
        out.print(table)
    if report is not None:
        console = out if fmt == XrefFormat.table else err
        say("accepted {} match(es) by {}: imported {} entities as dataset {}{}", len(report.merged), reviewer,
            report.imported, report.dataset, f"; {report.already} already merged" if report.already else "",
            console=console)
