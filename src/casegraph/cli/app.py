"""The ``casegraph`` command: the Typer app with every command module registered on it.

Each module under ``casegraph.cli`` owns the commands of one area and registers them on the shared app
(``cli/common.py``); importing them here is what makes them part of the command.
"""

from __future__ import annotations

import importlib

from casegraph.cli.common import app

COMMAND_MODULES = ("ingest", "browse", "review", "export", "resolve", "xref")

for _name in COMMAND_MODULES:
    importlib.import_module(f"casegraph.cli.{_name}")


def main() -> None:
    app()


__all__ = ["app", "main"]
