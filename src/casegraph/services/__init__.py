"""Use cases: the only layer the CLI, the REST API and the web workbench call."""

from casegraph.services.case import Case

__all__ = ["Case"]
