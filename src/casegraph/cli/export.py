"""CLI commands that write a case out: ``export``, ``report``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from casegraph.cli.common import DEFAULT_CASE, CaseOption, app, err, open_case, out


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
