"""The ``casegraph`` command: a thin Typer + rich layer over :mod:`casegraph.services`."""
