"""Word documents via python-docx: body paragraphs and table rows in document order.

A .docx is a zip archive, and zip archives compress repetitive XML a thousandfold, so the archive's
declared and actual uncompressed sizes are both checked against ``Limits.expanded_bytes`` before
python-docx (which holds every part in memory, and the XML as a tree) sees the file.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from datetime import datetime
from typing import Any

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from casegraph.errors import UnreadableDocument
from casegraph.ingest.limits import Limits, megabytes
from casegraph.ingest.metadata import iso_date, iso_language
from casegraph.ingest.rawtext import RawText

# python-docx stamps new documents with its template's creation time; that date says nothing.
_TEMPLATE_CREATED = datetime(2013, 12, 23, 23, 15)
# A title heading is looked for only this far in: python-docx resolves a paragraph's style by scanning
# every style, which made a long document quadratic.
HEADING_SEARCH = 50
MAX_PARTS = 10_000
_CHUNK = 1024 * 1024


def check_archive(data: bytes, limits: Limits) -> None:
    """Refuse a zip bomb: too many parts, or more uncompressed bytes than the cap (declared or real)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        parts = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise UnreadableDocument(f"broken DOCX (not a zip archive: {exc})") from exc
    cap = limits.expanded_bytes
    if len(parts) > MAX_PARTS:
        raise UnreadableDocument(f"docx has {len(parts):,} parts (limit {MAX_PARTS:,})")
    declared = sum(p.file_size for p in parts)
    if declared > cap:
        raise UnreadableDocument(f"docx expands to {megabytes(declared)} (limit {megabytes(cap)})")
    actual = 0
    for part in parts:  # a bomb can lie about its sizes: count what really comes out of each part
        actual += _inflated_size(data, part, cap - actual)
        if actual > cap:
            raise UnreadableDocument(f"docx expands to more than {megabytes(cap)} though it declares "
                                     f"{megabytes(declared)} (limit {megabytes(cap)})")


def _inflated_size(data: bytes, part: zipfile.ZipInfo, budget: int) -> int:
    """Bytes that ``part`` really inflates to, reading its raw stream (zipfile itself stops at the
    declared size), stopping once past ``budget``."""
    offset = part.header_offset
    header = data[offset:offset + 30]
    if len(header) < 30 or header[:4] != b"PK\x03\x04":
        raise UnreadableDocument(f"broken DOCX (part {part.filename[:80]!r} has no local header)")
    start = offset + 30 + int.from_bytes(header[26:28], "little") + int.from_bytes(header[28:30], "little")
    raw = data[start:start + part.compress_size] if part.compress_size else data[start:]
    if part.compress_type == zipfile.ZIP_STORED:
        return len(raw)
    if part.compress_type != zipfile.ZIP_DEFLATED:
        raise UnreadableDocument(f"broken DOCX (part {part.filename[:80]!r} uses compression method "
                                 f"{part.compress_type}, not deflate)")
    inflater = zlib.decompressobj(-15)
    size = 0
    pending = raw
    try:
        while pending and size <= budget:
            size += len(inflater.decompress(pending, _CHUNK))
            pending = inflater.unconsumed_tail
    except zlib.error as exc:
        raise UnreadableDocument(f"broken DOCX (part {part.filename[:80]!r}: {exc})") from exc
    return size


def _row_text(row: Any) -> str:
    cells: list[str] = []
    for cell in row.cells:
        value = " ".join(cell.text.split())
        if value and (not cells or cells[-1] != value):  # merged cells repeat their text
            cells.append(value)
    return " | ".join(cells)


def _blocks(document: Any, limits: Limits) -> tuple[list[str], str | None, int]:
    blocks: list[str] = []
    heading: str | None = None
    tables = 0
    size = 0
    for item in document.iter_inner_content():
        if size > limits.text_chars:
            raise UnreadableDocument(f"docx holds more than {limits.text_chars:,} characters of text (limit)")
        if isinstance(item, Paragraph):
            text = item.text.strip()
            if not text:
                continue
            if heading is None and len(blocks) < HEADING_SEARCH:
                style = (item.style.name if item.style is not None else "") or ""
                if style.startswith("Heading") or style == "Title":
                    heading = text
            blocks.append(text)
            size += len(text)
        elif isinstance(item, Table):
            tables += 1
            rows = [r for r in (_row_text(row) for row in item.rows) if r]
            if rows:
                blocks.append("\n".join(rows))
    return blocks, heading, tables


def read_docx(data: bytes, limits: Limits) -> RawText:
    check_archive(data, limits)
    try:
        document = docx.Document(io.BytesIO(data))
        blocks, heading, tables = _blocks(document, limits)
    except (UnreadableDocument, MemoryError, RecursionError):
        raise
    except Exception as exc:  # zip, XML and package errors all mean the same to the user
        raise UnreadableDocument(f"broken DOCX ({type(exc).__name__}: {str(exc)[:200]})") from exc
    props = document.core_properties
    created = props.created
    if created is not None and created.replace(tzinfo=None) == _TEMPLATE_CREATED:
        created = None
    return RawText(
        text="\n\n".join(blocks),
        format="docx",
        title=(props.title or "").strip() or heading,
        language=iso_language(props.language),
        published=iso_date(created),
        meta={"blocks": len(blocks), "tables": tables},
    )
