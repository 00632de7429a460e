"""PDF text layer via pypdf.

Scanned PDFs have no text layer; we refuse them with a reason rather than store an empty document (OCR
is out of scope). Lines that a PDF wrapped mid-sentence are re-joined so names are not split across
lines, which would otherwise break entity recognition. A PDF may declare any number of pages and hold
streams that inflate without bound, so the page count and the decoded text are capped (``Limits``), and
pypdf's own decompression limits are reported as the cap they are.
"""

from __future__ import annotations

import io
import re
from typing import Any

from pypdf import PdfReader
from pypdf.errors import LimitReachedError

from casegraph.errors import UnreadableDocument
from casegraph.ingest.limits import Limits, megabytes
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


def _short(exc: Exception) -> str:
    return f"{type(exc).__name__}: {' '.join(str(exc).split())[:160]}"


def _open(data: bytes, limits: Limits) -> PdfReader:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadableDocument("encrypted PDF (password required)")
        count = len(reader.pages)
        if count > limits.pdf_pages:
            raise UnreadableDocument(f"pdf declares {count:,} pages (limit {limits.pdf_pages:,})")
        reader.pages[0]  # noqa: B018 - forces the page tree to load so broken files fail here
    except (UnreadableDocument, MemoryError, RecursionError):
        raise
    except LimitReachedError as exc:
        raise UnreadableDocument(f"pdf stream expands past pypdf's limit ({_short(exc)})") from exc
    except Exception as exc:  # pypdf raises many types for malformed files
        raise UnreadableDocument(f"broken PDF ({_short(exc)})") from exc
    return reader


def read_pdf(data: bytes, limits: Limits) -> RawText:
    reader = _open(data, limits)
    pages: list[str] = []
    joined = 0
    size = 0
    try:
        for page in reader.pages:
            text, n = unwrap_lines((page.extract_text() or "").strip())
            joined += n
            pages.append(text)
            size += len(text)
            if size > limits.expanded_bytes:
                raise UnreadableDocument(f"pdf text exceeds {megabytes(limits.expanded_bytes)} (limit) "
                                         f"by page {len(pages):,}")
    except (UnreadableDocument, MemoryError, RecursionError):
        raise
    except LimitReachedError as exc:
        raise UnreadableDocument(f"pdf stream expands past pypdf's limit ({_short(exc)})") from exc
    except Exception as exc:
        raise UnreadableDocument(f"broken PDF page ({_short(exc)})") from exc
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
