"""PDF text layer via pypdf.

Scanned PDFs have no text layer; we refuse them with a reason rather than store an empty document (OCR
is out of scope). Lines that a PDF wrapped mid-sentence are re-joined so names are not split across
lines, which would otherwise break entity recognition.
"""

from __future__ import annotations

import io
import re
from typing import Any

from pypdf import PdfReader

from casegraph.errors import UnreadableDocument
from casegraph.ingest.metadata import iso_date, iso_language
from casegraph.ingest.rawtext import RawText

MIN_TEXT_CHARS = 20
_ENDS_BLOCK = re.compile(r"[.!?:;\"”»)\]]$")
_STARTS_ITEM = re.compile(r"^\s*([•\-–—*]|\d+[.)]|[a-zа-я][.)])\s")


def unwrap_lines(page_text: str) -> tuple[str, int]:
    """Join a line to the next when it was evidently wrapped (long, no closing punctuation)."""
    lines = page_text.split("\n")
    longest = max((len(line.strip()) for line in lines), default=0)
    if longest < 40:
        return page_text, 0
    out: list[str] = []
    joined = 0
    for line in lines:
        line = line.rstrip()
        prev = out[-1] if out else ""
        if (
            prev.strip()
            and line.strip()
            and len(prev.strip()) >= 0.6 * longest
            and not _ENDS_BLOCK.search(prev)
            and not _STARTS_ITEM.match(line)
        ):
            out[-1] = prev + ("" if prev.endswith("-") else " ") + line.strip()
            joined += 1
        else:
            out.append(line)
    return "\n".join(out), joined


def _open(data: bytes) -> PdfReader:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadableDocument("encrypted PDF (password required)")
        reader.pages[0]  # noqa: B018 - forces the page tree to load so broken files fail here
    except UnreadableDocument:
        raise
    except Exception as exc:  # pypdf raises many types for malformed files
        raise UnreadableDocument(f"broken PDF ({type(exc).__name__}: {exc})") from exc
    return reader


def read_pdf(data: bytes) -> RawText:
    reader = _open(data)
    pages: list[str] = []
    joined = 0
    try:
        for page in reader.pages:
            text, n = unwrap_lines((page.extract_text() or "").strip())
            joined += n
            pages.append(text)
    except Exception as exc:
        raise UnreadableDocument(f"broken PDF page ({type(exc).__name__}: {exc})") from exc
    text = "\n\n".join(p for p in pages if p.strip())
    if sum(1 for c in text if not c.isspace()) < MIN_TEXT_CHARS:
        raise UnreadableDocument("no text layer (scanned PDF?)")
    info: Any = None
    try:
        info = reader.metadata
    except Exception:  # metadata is optional; a broken info dict must not lose the text
        info = None
    title = (str(info.title).strip() or None) if info is not None and info.title else None
    published = None
    if info is not None:
        try:
            published = iso_date(info.creation_date)
        except Exception:
            published = None
    language = None
    try:
        root: Any = reader.trailer["/Root"]
        language = iso_language(str(root.get("/Lang", "")))
    except Exception:
        language = None
    meta = {"pages": len(reader.pages), "empty_pages": sum(1 for p in pages if not p.strip()),
            "unwrapped_lines": joined}
    return RawText(text=text, format="pdf", title=title, language=language, published=published, meta=meta)
