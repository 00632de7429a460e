"""What every CLI command shares: the Typer app, the two consoles, the case option, error mapping.

Each command parses options, calls one service method, prints.

Library errors (:class:`casegraph.errors.CasegraphError`) become one red line and the error's
exit code; nothing here decides anything the REST API would have to decide again.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from casegraph.errors import CasegraphError
from casegraph.services import Case

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
