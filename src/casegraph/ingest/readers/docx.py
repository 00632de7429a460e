"""Word documents via python-docx: body paragraphs and table rows in document order."""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from casegraph.errors import UnreadableDocument
from casegraph.ingest.metadata import iso_date, iso_language
from casegraph.ingest.rawtext import RawText

# python-docx stamps new documents with its template's creation time; that date says nothing.
_TEMPLATE_CREATED = datetime(2013, 12, 23, 23, 15)


def _row_text(row: Any) -> str:
    cells: list[str] = []
    for cell in row.cells:
        value = " ".join(cell.text.split())
        if value and (not cells or cells[-1] != value):  # merged cells repeat their text
            cells.append(value)
    return " | ".join(cells)


def _blocks(document: Any) -> tuple[list[str], str | None, int]:
    blocks: list[str] = []
    heading: str | None = None
    tables = 0
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            text = item.text.strip()
            if not text:
                continue
            style = (item.style.name if item.style is not None else "") or ""
            if heading is None and (style.startswith("Heading") or style == "Title"):
                heading = text
            blocks.append(text)
        elif isinstance(item, Table):
            tables += 1
            rows = [r for r in (_row_text(row) for row in item.rows) if r]
            if rows:
                blocks.append("\n".join(rows))
    return blocks, heading, tables


def read_docx(data: bytes) -> RawText:
    try:
        document = docx.Document(io.BytesIO(data))
        blocks, heading, tables = _blocks(document)
    except Exception as exc:  # zip, XML and package errors all mean the same to the user
        raise UnreadableDocument(f"broken DOCX ({type(exc).__name__}: {exc})") from exc
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
