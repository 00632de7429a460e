"""Choose a reader by file extension and finish its output the same way for every format.

Finishing (normalise → drop boilerplate lines → normalise again) happens here, once, so every format
yields text in the same canonical form and the stored string is settled before any offset exists.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from casegraph.errors import UnreadableDocument
from casegraph.ingest.cleaning import clean_text
from casegraph.ingest.normalize import normalize_text
from casegraph.ingest.rawtext import RawText
from casegraph.ingest.readers.docx import read_docx
from casegraph.ingest.readers.html import read_html
from casegraph.ingest.readers.pdf import read_pdf
from casegraph.ingest.readers.text import read_markdown, read_text

Reader = Callable[[bytes], RawText]

MAX_BYTES = 50 * 1024 * 1024
MAX_TITLE_CHARS = 150

READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".text": read_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".html": read_html,
    ".htm": read_html,
    ".pdf": read_pdf,
    ".docx": read_docx,
}


def supported(path: Path) -> bool:
    """Whether a reader exists for this file's extension (case-insensitive)."""
    return path.suffix.lower() in READERS


def _guess_title(text: str) -> str | None:
    """First line of a plain-text file when it looks like a heading (short, no closing full stop)."""
    for line in text.split("\n"):
        line = line.strip()
        if line:
            if len(line) <= MAX_TITLE_CHARS and not line.endswith((".", ",", ";", ":")):
                return line
            return None
    return None


def finish(raw: RawText) -> RawText:
    """Normalise and clean a reader's text; the result's text is final."""
    cleaned = clean_text(normalize_text(raw.text))
    text = normalize_text(cleaned.text)
    if not text.strip():
        raise UnreadableDocument("no text found")
    meta = dict(raw.meta)
    meta["dropped_lines"] = cleaned.dropped
    if cleaned.reasons:
        meta["dropped_by_reason"] = dict(sorted(cleaned.reasons.items()))
    title = raw.title
    if title:
        title = " ".join(normalize_text(title).split()) or None
    elif raw.format == "txt":
        title = _guess_title(text)
    return RawText(text=text, format=raw.format, title=title, language=raw.language,
                   published=raw.published, meta=meta)


def read_bytes(data: bytes, suffix: str) -> RawText:
    """Read a file's bytes with the reader for ``suffix`` (".pdf", ".md" ...)."""
    reader = READERS.get(suffix.lower())
    if reader is None:
        raise UnreadableDocument(f"unsupported file type {suffix or '(no extension)'!r}")
    if len(data) > MAX_BYTES:
        raise UnreadableDocument(f"file too large ({len(data) // (1024 * 1024)} MB; limit is 50 MB)")
    return finish(reader(data))


def read_path(path: Path) -> RawText:
    """Read one file into final, normalised text; UnreadableDocument says why when it cannot."""
    path = Path(path)
    if not supported(path):
        raise UnreadableDocument(f"unsupported file type {path.suffix or '(no extension)'!r}")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise UnreadableDocument(f"file too large ({size // (1024 * 1024)} MB; limit is 50 MB)")
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableDocument(f"cannot read file ({exc.strerror or type(exc).__name__})") from exc
    return read_bytes(data, path.suffix)
