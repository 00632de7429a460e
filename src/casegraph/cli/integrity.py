"""CLI commands that guard a case: ``verify``, ``backup``, ``restore`` (services/integrity.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from casegraph.cli.common import DEFAULT_CASE, CaseOption, app, open_case, say, user_errors, warn
from casegraph.services.integrity import backup as backup_case
from casegraph.services.integrity import restore as restore_case
from casegraph.services.integrity import verify as verify_case

PROBLEMS_FOUND = 1
ForceOption = Annotated[bool, typer.Option("--force", help="Replace an existing file.")]


@app.command()
def verify(case: CaseOption = DEFAULT_CASE) -> None:
    """Check the case: document hashes, every span against its text, every reference and source."""
    with open_case(case) as c:
        report = verify_case(c.store)
    checked = ", ".join(f"{n:,} {what}" for what, n in report.checked.items())
    for note in report.notes:
        say("note: {}", note)
    for problem in report.problems:
        warn("[red]problem[/red] {}", problem)
    if report.problems:
        warn("{} problem(s) in {}", len(report.problems), checked)
        raise typer.Exit(PROBLEMS_FOUND)
    say("[green]ok[/green]: {}", checked)


@app.command()
def backup(
    file: Annotated[Path, typer.Argument(help="The backup file to write (one SQLite file).")],
    case: CaseOption = DEFAULT_CASE,
    force: ForceOption = False,
) -> None:
    """Copy the case to FILE with SQLite's online backup API (safe while the case is in use)."""
    with user_errors():
        written = backup_case(case, file, force=force)
    say("backed up {} to {}", case, written)


@app.command()
def restore(
    file: Annotated[Path, typer.Argument(help="A file written by casegraph backup.")],
    case: CaseOption = DEFAULT_CASE,
    force: ForceOption = False,
) -> None:
    """Make the case an exact copy of a backup; an existing case is replaced only with --force."""
    with user_errors():
        restored = restore_case(file, case, force=force)
    with open_case(restored) as c:  # opening brings an older backup's schema up to date
        counts = c.store.counts()
    say("restored {} from {}: {} documents, {} statements, {} decisions", restored, file, counts["documents"],
        counts["statements"], counts["decisions"])
