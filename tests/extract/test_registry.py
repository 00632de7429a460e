"""The extraction pipeline is assembled from the components' own registrations and checked at
start-up; extraction modules form no import cycle."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from casegraph.errors import ExtractionError
from casegraph.extract import pipeline, registry

EXTRACT = Path(pipeline.__file__).parent


def test_every_requirement_is_assigned_by_an_earlier_component() -> None:
    assigned: set[str] = set()
    for c in pipeline.PIPELINE:
        assert set(c.requires) <= assigned, (c.name, set(c.requires) - assigned)
        assigned |= set(c.assigns)


def test_every_module_with_a_run_is_a_registered_component() -> None:
    registered = {c.module.rsplit(".", 1)[-1] for c in pipeline.PIPELINE}
    with_run = {p.stem for p in EXTRACT.glob("*.py")
                if any(isinstance(n, ast.FunctionDef) and n.name == "run" for n in ast.parse(p.read_text()).body)}
    assert with_run == registered


def _fake(name: str, requires: tuple[str, ...], assigns: tuple[str, ...]) -> registry.Component:
    return registry.Component(name, lambda ctx: None, requires, assigns, "tests")


def test_assembly_orders_by_requirement_and_refuses_an_unmet_or_circular_one() -> None:
    order = registry.assemble([_fake("b", ("x",), ("y",)), _fake("a", (), ("x",)), _fake("c", ("x", "y"), ())])
    assert [c.name for c in order] == ["a", "b", "c"]
    with pytest.raises(ExtractionError, match="requires 'nothing'"):
        registry.assemble([_fake("a", ("nothing",), ("x",))])
    with pytest.raises(ExtractionError, match="require each other"):
        registry.assemble([_fake("a", ("y",), ("x",)), _fake("b", ("x",), ("y",))])


def _imports(path: Path) -> set[str]:
    """Extraction modules a module imports (at any level, so imports inside functions count)."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "casegraph.extract":
                out |= {a.name for a in node.names}
            elif node.module.startswith("casegraph.extract.") and node.module.count(".") == 2:
                out.add(node.module.rsplit(".", 1)[-1])
    return out


def test_extraction_modules_form_no_import_cycle() -> None:
    graph = {p.stem: _imports(p) & {q.stem for q in EXTRACT.glob("*.py")} for p in EXTRACT.glob("*.py")}
    graph["pipeline"] = set()  # the assembler imports every component by design, and none imports it
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in graph.get(node, ()):
            assert state.get(nxt) != 1, " -> ".join([*trail, node, nxt])
            if nxt not in state:
                visit(nxt, [*trail, node])
        state[node] = 2

    for name in graph:
        if name not in state:
            visit(name, [])
