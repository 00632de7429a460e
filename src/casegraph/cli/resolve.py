"""CLI commands for identity: ``merge``, ``split``, ``not-same``, ``candidates``, ``import``.

Names on the command line resolve like a search (``Case.find_entity_id``); an ambiguous name is an
error listing the entities it fits. Judgements are recorded under ``--reviewer`` (or
``CASEGRAPH_REVIEWER``) with the time, appended to the case's judgement log.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from casegraph.cli.common import DEFAULT_CASE, CaseOption, app, cell, open_case, out, say, warn

ReviewerOption = Annotated[str, typer.Option("--reviewer", envvar="CASEGRAPH_REVIEWER",
                                             help="Who decides (recorded with every judgement).")]
PartyA = Annotated[str, typer.Argument(help="A name, alias or id.")]
PartyB = Annotated[str, typer.Argument(help="Another name, alias or id.")]


@app.command()
def merge(
    a: PartyA,
    b: PartyB,
    reviewer: ReviewerOption,
    case: CaseOption = DEFAULT_CASE,
) -> None:
    """Record that A and B are one real party (the machine never undoes it)."""
    with open_case(case) as c:
        canonical = c.merge(a, b, reviewer)
        members = c.referents(canonical)
    say("merged into {} ({} members) by {}", canonical, len(members), reviewer)


@app.command()
def split(
    entity: Annotated[str, typer.Argument(help="A merged entity (name or canonical id), or one member id.")],
    reviewer: ReviewerOption,
    case: CaseOption = DEFAULT_CASE,
) -> None:
    """Undo a merge: a member id leaves its cluster; a merged entity falls apart into its members."""
    with open_case(case) as c:
        members = c.split(entity, reviewer)
    say("split {} member(s) off by {}: {}", len(members), reviewer, ", ".join(members))


@app.command("not-same")
def not_same(
    a: PartyA,
    b: PartyB,
    reviewer: ReviewerOption,
    case: CaseOption = DEFAULT_CASE,
) -> None:
    """Record that A and B are different parties (the machine never merges them)."""
    with open_case(case) as c:
        recorded = c.not_same(a, b, reviewer)
    say("recorded {} negative judgement(s) by {}", len(recorded), reviewer)


@app.command()
def candidates(
    case: CaseOption = DEFAULT_CASE,
    limit: Annotated[int, typer.Option(help="Show at most this many.")] = 50,
) -> None:
    """Proposed merges for a reviewer, best score first, with the matcher's reasons."""
    with open_case(case) as c:
        queue = c.candidates(limit)
    if not queue:
        say("no candidates")
        return
    table = Table("score", "schema", "left", "right", "reasons")
    for cand in queue:
        table.add_row(cell(f"{cand.score:.2f}"), cell(cand.schema), cell(f"{cand.left_caption} ({cand.left})"),
                      cell(f"{cand.right_caption} ({cand.right})"), cell("; ".join(cand.reasons)))
    out.print(table)


@app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(help="FtM JSON lines / JSON array / OpenSanctions delta file.")],
    dataset: Annotated[str, typer.Option("--dataset", help="Name of the dataset (recorded on every fact).")],
    case: CaseOption = DEFAULT_CASE,
) -> None:
    """Import FtM entities (Aleph, OpenSanctions) as facts of a named dataset; all or nothing."""
    with open_case(case) as c:
        report = c.import_entities(file, dataset)
    for lineno, why in report.skipped:
        warn("[yellow]skipped[/yellow] {}:{}: {}", file.name, lineno, why)
    kinds = ", ".join(f"{n} {schema}" for schema, n in sorted(report.schemata.items()))
    say("imported {} entities ({} statements) into dataset {}: {}", report.entities, report.statements,
        dataset, kinds or "none")
    if report.deleted:
        say("removed {} entities (delta DEL)", report.deleted)
    if report.skipped:
        say("{} malformed line(s) skipped", len(report.skipped))
