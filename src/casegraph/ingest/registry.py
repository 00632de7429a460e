"""Choose a reader by file extension and finish its output the same way for every format.

Finishing (normalise → drop boilerplate lines → normalise again) happens here, once, so every format
yields text in the same canonical form and the stored string is settled before any offset exists.
Reading and finishing run together under ``Limits`` (``ingest/limits.py``), in a worker process
(``ingest/isolation.py``) so that the time and memory caps hold for any file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from casegraph.errors import UnreadableDocument
from casegraph.ingest.cleaning import clean_text
from casegraph.ingest.limits import Limits, from_environment, megabytes
from casegraph.ingest.normalize import normalize_text
from casegraph.ingest.rawtext import RawText
from casegraph.ingest.readers.docx import read_docx
from casegraph.ingest.readers.html import read_html
from casegraph.ingest.readers.pdf import read_pdf
from casegraph.ingest.readers.text import read_markdown, read_text

Reader = Callable[[bytes, Limits], RawText]

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


def read_inline(data: bytes, suffix: str, limits: Limits) -> RawText:
    """Read and finish in this process: the size caps hold, time and memory are not capped."""
    reader = READERS.get(suffix.lower())
    if reader is None:
        raise UnreadableDocument(f"unsupported file type {suffix or '(no extension)'!r}")
    check_file_size(len(data), limits)
    raw = reader(data, limits)
    if len(raw.text) > limits.text_chars:
        raise UnreadableDocument(f"{raw.format} holds {len(raw.text):,} characters of text "
                                 f"(limit {limits.text_chars:,})")
    return finish(raw)


def check_file_size(size: int, limits: Limits) -> None:
    if size > limits.file_bytes:
        raise UnreadableDocument(f"file too large ({megabytes(size)}; limit {megabytes(limits.file_bytes)})")


def read_bytes(data: bytes, suffix: str, limits: Limits | None = None) -> RawText:
    """Read a file's bytes with the reader for ``suffix`` (".pdf", ".md" ...) under ``limits`` (default:
    ``Limits`` with the environment's overrides); UnreadableDocument names the reason or the cap hit."""
    from casegraph.ingest.isolation import ReaderCrash, one_line, read_isolated

    limits = limits or from_environment()
    if suffix.lower() not in READERS:
        raise UnreadableDocument(f"unsupported file type {suffix or '(no extension)'!r}")
    check_file_size(len(data), limits)
    if limits.isolate:
        return read_isolated(data, suffix, limits)
    try:
        return read_inline(data, suffix, limits)
    except UnreadableDocument as exc:
        raise UnreadableDocument(one_line(str(exc))) from exc
    except RecursionError as exc:
        raise UnreadableDocument(f"{suffix.lstrip('.')} is nested too deeply to read") from exc
    except Exception as exc:  # noqa: BLE001 - as in the worker: this file's failure, not the batch's
        raise ReaderCrash(one_line(f"unexpected reader error ({type(exc).__name__}: {exc})")) from exc


def read_path(path: Path, limits: Limits | None = None) -> RawText:
    """Read one file into final, normalised text; UnreadableDocument says why when it cannot."""
    path = Path(path)
    limits = limits or from_environment()
    if not supported(path):
        raise UnreadableDocument(f"unsupported file type {path.suffix or '(no extension)'!r}")
    try:
        check_file_size(path.stat().st_size, limits)
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableDocument(f"cannot read file ({exc.strerror or type(exc).__name__})") from exc
    return read_bytes(data, path.suffix, limits)
