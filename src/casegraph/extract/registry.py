"""Extraction components, registered beside their code with what they require and assign.

Why: the pipeline's order is a fact about the components, not a list kept somewhere else. Each
component module declares, next to its ``run``, the parts of :class:`DocContext` it reads
(``requires``) and fills (``assigns``), as spaCy's ``Language.factory(..., requires=, assigns=)``
does; :func:`assemble` orders the registered components so that every requirement is assigned by
an earlier one, and refuses at start-up a pipeline whose requirements nobody meets. Adding a
component is one file with one decorated ``run``.

The names are plain strings for parts of the context: ``sentences``, ``parse``, ``parties``,
``dates``, ``payments``, ``relations``, ``sanctions``, ``events``, ``quotes``, ``claims`` (and
finer ones such as ``relations:titles`` where one relation component reads another's drafts).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from casegraph.errors import ExtractionError
from casegraph.extract.context import DocContext

Run = Callable[[DocContext], None]


@dataclass(frozen=True)
class Component:
    name: str
    run: Run
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    module: str


_REGISTRY: dict[str, Component] = {}


def component(name: str, *, requires: Iterable[str] = (), assigns: Iterable[str] = ()) -> Callable[[Run], Run]:
    """Register ``run`` as the extraction component ``name``."""

    def register(run: Run) -> Run:
        found = Component(name, run, tuple(requires), tuple(assigns), run.__module__)
        known = _REGISTRY.get(name)
        if known is not None and known.module != found.module:
            raise ExtractionError(f"extraction component {name!r} is registered by {known.module} and {found.module}")
        _REGISTRY[name] = found
        return run

    return register


def discover(package: str = "casegraph.extract") -> dict[str, Component]:
    """Import every module of the extraction package (each registers its component on import)."""
    pkg = importlib.import_module(package)
    for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda i: i.name):
        if not info.ispkg:
            importlib.import_module(f"{package}.{info.name}")
    return dict(_REGISTRY)


def assemble(components: Iterable[Component]) -> tuple[Component, ...]:
    """The components in an order where each runs after every component assigning what it requires
    (ties keep the given order). Raises :class:`ExtractionError` when a requirement is assigned by
    no component, or when requirements form a cycle."""
    todo = list(components)
    producers: dict[str, set[str]] = {}
    for c in todo:
        for attr in c.assigns:
            producers.setdefault(attr, set()).add(c.name)
    missing = sorted({f"{c.name} requires {r!r}" for c in todo for r in c.requires if r not in producers})
    if missing:
        raise ExtractionError("extraction pipeline is incomplete: " + "; ".join(missing))
    deps = {c.name: {p for r in c.requires for p in producers[r]} - {c.name} for c in todo}
    done: list[Component] = []
    placed: set[str] = set()
    while todo:
        ready = next((c for c in todo if deps[c.name] <= placed), None)
        if ready is None:
            raise ExtractionError("extraction components require each other: " + ", ".join(c.name for c in todo))
        done.append(ready)
        placed.add(ready.name)
        todo.remove(ready)
    return tuple(done)
