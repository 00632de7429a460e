"""Docs are tested (as in datasette): every CLI command appears in the README, the README's two
commands exist in the Makefile, and the case-bundle doc names every top-level bundle key."""

from __future__ import annotations

import re
from pathlib import Path

from casegraph.cli.app import app
from casegraph.export.bundle import build_bundle

ROOT = Path(__file__).resolve().parents[1]


def test_every_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    names = [c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands]
    assert names
    missing = [n for n in names if f"casegraph {n}" not in readme]
    assert not missing, f"commands not documented in README.md: {missing}"


def test_readme_commands_are_make_targets() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for target in re.findall(r"^make (\w+)", readme, flags=re.MULTILINE):
        assert re.search(rf"^{target}:", makefile, flags=re.MULTILINE), target


def test_bundle_doc_names_every_key() -> None:
    doc = (ROOT / "docs" / "case-bundle.md").read_text(encoding="utf-8")
    for key in build_bundle([], [], [], []):
        assert f'"{key}"' in doc, key
