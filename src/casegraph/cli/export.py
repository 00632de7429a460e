"""CLI commands that write a case out: ``export``, ``report``.

An export never drops a fact without saying so: entities FtM refuses are counted on stderr, with the
reason, and written next to the export (``<output>.skipped.json``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from casegraph.cli.common import (
    DEFAULT_CASE,
    CaseOption,
    app,
    check_output,
    fail,
    open_case,
    say,
    user_errors,
    warn,
    write_output,
)


def skipped_path(output: Path) -> Path:
    return output.with_name(output.name + ".skipped.json")


@app.command()
def export(
    case: CaseOption = DEFAULT_CASE,
    format: Annotated[str, typer.Option("--format", "-f",
                                        help="json (case bundle) | ftm (JSON lines) | gexf | graphml | csv")] = "json",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File; default stdout.")] = None,
) -> None:
    """Export the case: the JSON case bundle or FtM entities for Aleph."""
    from casegraph.cli.analyse import GRAPH_FORMATS, export_graph  # graph formats: A's module
    from casegraph.export.ftm import FtmExport, ftm_export

    if format in GRAPH_FORMATS:
        return export_graph(case, format, output)
    if format not in ("json", "ftm"):
        raise fail(f"unknown format {format!r} (json, ftm, gexf, graphml, csv)")
    if output is not None:
        with user_errors():
            check_output(output)
    result: FtmExport | None = None
    with open_case(case) as c:
        if format == "json":
            text = json.dumps(c.bundle(), ensure_ascii=False, indent=1) + "\n"
        else:
            result = ftm_export(c.entities())
            text = "".join(line + "\n" for line in result.lines)
    with user_errors():
        if output is None:
            sys.stdout.write(text)
        else:
            write_output(output, text)
            warn("wrote {}", output)
        if result is not None and result.skipped:
            warn("[yellow]warning:[/yellow] {}", result.summary())
            rows = "".join(json.dumps(s.to_dict(), ensure_ascii=False, sort_keys=True) + "\n"
                           for s in result.skipped)
            if output is not None:
                write_output(skipped_path(output), rows)
                warn("the entities not exported are listed in {}", skipped_path(output))
            else:
                for s in result.skipped:
                    warn("  not exported: {} ({})", s.entity.id, s.reason)


@app.command()
def report(
    case: CaseOption = DEFAULT_CASE,
    output: Annotated[Path, typer.Option("--output", "-o")] = Path("dossier.md"),
) -> None:
    """Write a dossier (Markdown) in which every sentence cites its source span."""
    from casegraph.export.dossier import render_dossier

    with user_errors():
        check_output(output)
    with open_case(case) as c:
        text = render_dossier(c)
    with user_errors():
        write_output(output, text)
    say("wrote {}", output)
