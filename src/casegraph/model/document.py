"""A document: the normalised text that every span in the case points into."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Document:
    """One ingested file.

    ``id`` is the SHA-256 of the original bytes, so the same file ingested twice is one document.
    ``text`` is the cleaned, normalised text exactly as every later span's offsets refer to it;
    it is never rewritten after ingest.
    """

    id: str
    text: str
    format: str
    title: str | None = None
    source: str | None = None  # the path or name the bytes came from
    url: str | None = None
    published: str | None = None  # FtM partial date, e.g. "2021-05-21"
    language: str | None = None  # ISO 639-1, e.g. "en", "ru"
    size: int = 0  # bytes of the original file
    ingested_at: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)  # reader notes: encoding, pages, lines dropped

    def snippet(self, start: int, end: int) -> str:
        """The exact text of a span."""
        return self.text[start:end]

    def sentence_around(self, start: int, end: int, limit: int = 400) -> str:
        """The sentence (or line) holding a span, for showing a fact with its source."""
        text = self.text
        left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
        left = 0 if left < 0 else left + 1
        stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
        right = min(stops) + 1 if stops else len(text)
        left = max(left, start - limit)
        right = min(right, end + limit)
        return text[left:right].strip()

    def to_dict(self, with_text: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "url": self.url,
            "published": self.published,
            "language": self.language,
            "format": self.format,
            "size": self.size,
            "length": len(self.text),
            "ingested_at": self.ingested_at,
        }
        if with_text:
            data["text"] = self.text
        return data
