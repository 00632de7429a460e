"""Cue lists kept as data (``extract/data/*.yaml``), loaded once per process.

Why data and not code: a word list is language knowledge that a reviewer (or a newcomer adding a
language) should be able to read and extend without touching the rules that use it.
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import Any

import yaml


@functools.cache
def load(name: str) -> dict[str, Any]:
    """The parsed ``extract/data/<name>.yaml``."""
    text = resources.files("casegraph.extract").joinpath("data", f"{name}.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ValueError(f"extract/data/{name}.yaml must hold a mapping")
    return data


def alternation(words: list[str]) -> str:
    """A regex alternation of literal phrases, longest first, spaces matching any whitespace."""
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in sorted(set(words), key=len, reverse=True))
