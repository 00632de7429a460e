"""The reader result type, kept in its own module so readers and the registry can share it without cycles."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class RawText:
    """What a reader made of one file.

    ``text`` is final: it is stored as-is and every later character offset points into it, so nothing
    downstream may rewrite it.
    """

    text: str
    format: str  # "txt" | "md" | "html" | "pdf" | "docx"
    title: str | None = None
    language: str | None = None  # ISO 639-1, only when the file itself says so
    published: str | None = None  # ISO date, only when the file itself says so
    meta: dict[str, Any] = field(default_factory=dict)
