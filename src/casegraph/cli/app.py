"""The ``casegraph`` command: the Typer app with every command module registered on it.

Each module under ``casegraph.cli`` owns the commands of one area and registers them on the shared app
(``cli/common.py``); importing them here is what makes them part of the command.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys

from casegraph.cli.common import app, plain

COMMAND_MODULES = ("ingest", "browse", "review", "export", "resolve", "integrity", "analyse", "serve", "xref")

for _name in COMMAND_MODULES:
    importlib.import_module(f"casegraph.cli.{_name}")


INTERNAL_ERROR = 70  # EX_SOFTWARE (sysexits.h): a bug in casegraph, not a mistake of the user's


def main() -> None:
    """The console entry point. Any exception that escapes a command is a bug: it becomes one line
    and exit code 70, never a traceback. ``CASEGRAPH_DEBUG=1`` keeps the traceback (and the library's
    log, e.g. a failed extraction's stack) on stderr; without it, library logging stays quiet."""
    debug = os.environ.get("CASEGRAPH_DEBUG", "") not in ("", "0")
    logging.basicConfig(level=logging.WARNING if debug else logging.CRITICAL + 1,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - the last line of defence: no traceback reaches a user
        if debug:
            logging.getLogger("casegraph").exception("internal error")
        hint = "" if debug else " (CASEGRAPH_DEBUG=1 shows the traceback)"
        sys.stderr.write(f"internal error: {plain(exc.__class__.__name__)}: {plain(exc)}; please report{hint}\n")
        sys.exit(INTERNAL_ERROR)


__all__ = ["app", "main"]
