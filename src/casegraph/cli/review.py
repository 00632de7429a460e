"""CLI commands that record reviewer decisions: ``review``."""

from __future__ import annotations

from typing import Annotated

import typer

from casegraph.cli.common import DEFAULT_CASE, CaseOption, app, open_case, say


@app.command()
def review(
    fact_id: Annotated[str, typer.Argument(help="A statement, quote or contradiction id (or a unique prefix).")],
    status: Annotated[str, typer.Option(help="confirmed | rejected | proposed")],
    case: CaseOption = DEFAULT_CASE,
    reviewer: Annotated[str, typer.Option(envvar="CASEGRAPH_REVIEWER")] = "reviewer",
    note: Annotated[str | None, typer.Option()] = None,
) -> None:
    """Record a reviewer decision on one fact (decisions are appended, never overwritten)."""
    with open_case(case) as c:
        decision = c.decide(fact_id, status, reviewer, note)
    say("{} {} by {}", decision.status, decision.target_id, decision.reviewer)
