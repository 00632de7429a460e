"""Every reader runs under caps (ingest/limits.py) and a hit cap is named in a one-line reason: zip
bombs are refused before python-docx sees them, PDFs by page count and text size, time and memory by
the worker process that runs the reader; deeply nested HTML is read, not lost."""

from __future__ import annotations

import io
import re
import time
import zipfile

import docx
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from casegraph.errors import UnreadableDocument
from casegraph.ingest import read_bytes
from casegraph.ingest.limits import MB, Limits, from_environment

SENTENCE = "Northmere Holdings paid the director of Calder Ridge. "


def docx_bytes(xml_mb: float = 0.0, paragraphs: list[str] | None = None) -> bytes:
    """A real .docx whose body is padded with ``xml_mb`` MB of repetitive paragraphs (compresses ~300x)."""
    document = docx.Document()
    for text in paragraphs or ["Opening paragraph about the case."]:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    if not xml_mb:
        return buffer.getvalue()
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    para = f"<w:p><w:r><w:t>{SENTENCE * 3}</w:t></w:r></w:p>".encode()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + para * int(xml_mb * MB / len(para)), 1)
            target.writestr(info.filename, data)
    return out.getvalue()


def pdf_bytes(pages: list[str]) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for text in pages:
        pdf.drawString(72, 800, text)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def refused(data: bytes, suffix: str, limits: Limits | None = None) -> str:
    with pytest.raises(UnreadableDocument) as info:
        read_bytes(data, suffix, limits)
    reason = str(info.value)
    assert "\n" not in reason and len(reason) <= 300
    return reason


def test_docx_bomb_is_refused_by_its_declared_size_before_parsing() -> None:
    data = docx_bytes(xml_mb=3)
    assert len(data) < 100_000
    started = time.monotonic()
    reason = refused(data, ".docx", Limits(expanded_bytes=1 * MB))
    assert re.fullmatch(r"docx expands to 3\.\d MB \(limit 1\.0 MB\)", reason), reason
    assert time.monotonic() - started < 5


def test_docx_lying_about_its_size_is_refused_by_what_really_comes_out() -> None:
    data = bytearray(docx_bytes(xml_mb=2))
    archive = zipfile.ZipFile(io.BytesIO(bytes(data)))
    info = archive.getinfo("word/document.xml")
    assert info.file_size > 1 * MB
    central = bytes(data).find(b"PK\x01\x02")  # walk the central directory to this part's entry
    while central >= 0:
        name_len = int.from_bytes(data[central + 28:central + 30], "little")
        if data[central + 46:central + 46 + name_len] == b"word/document.xml":
            data[central + 24:central + 28] = (1000).to_bytes(4, "little")  # declared uncompressed size
            break
        central = bytes(data).find(b"PK\x01\x02", central + 4)
    reason = refused(bytes(data), ".docx", Limits(expanded_bytes=1 * MB))
    lie = r"docx expands to more than 1\.0 MB though it declares 0\.\d MB \(limit 1\.0 MB\)"
    assert re.fullmatch(lie, reason), reason


def test_docx_missing_its_body_and_non_zip_docx_are_broken() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    assert "broken DOCX" in refused(out.getvalue(), ".docx")
    assert "broken DOCX" in refused(b"PK\x03\x04 not a zip at all", ".docx")


def test_docx_at_the_size_cap_reads_quickly_and_big_docx_is_linear() -> None:
    started = time.monotonic()
    raw = read_bytes(docx_bytes(xml_mb=1), ".docx")
    assert SENTENCE.strip() in raw.text
    assert time.monotonic() - started < 20  # was quadratic: a style lookup per paragraph scanned all styles


def test_time_cap_stops_a_slow_reader_and_the_next_file_reads() -> None:
    reason = refused(docx_bytes(xml_mb=3), ".docx", Limits(seconds=0.05))
    assert reason == "docx took longer than 0.05 s (limit)"
    assert read_bytes(b"Plain note after the slow one.", ".txt").text == "Plain note after the slow one."


def test_memory_cap_is_named() -> None:
    reason = refused(docx_bytes(xml_mb=20), ".docx", Limits(memory_bytes=40 * MB, expanded_bytes=64 * MB))
    assert reason == "docx needs more than 40 MB of memory (limit)"


def test_pdf_page_cap_and_text_cap() -> None:
    data = pdf_bytes([f"Page {i}: {SENTENCE}" for i in range(3)])
    assert refused(data, ".pdf", Limits(pdf_pages=2)) == "pdf declares 3 pages (limit 2)"
    assert refused(data, ".pdf", Limits(expanded_bytes=60)).startswith("pdf text exceeds")
    assert "Page 2" in read_bytes(data, ".pdf").text


def test_text_cap_for_plain_text_and_html() -> None:
    assert refused(b"word " * 100, ".txt", Limits(text_chars=50)) == "txt holds 500 characters of text (limit 50)"
    html = b"<html><body><p>" + b"word " * 100 + b"</p></body></html>"
    assert refused(html, ".html", Limits(expanded_bytes=100)).startswith("html holds")


@pytest.mark.parametrize("depth", [300, 1000, 5000])
def test_deeply_nested_html_is_read_not_lost(depth: int) -> None:
    html = ("<html><head><title>Deep page</title></head><body><p>Shallow paragraph before the nesting.</p>"
            + "<div>" * depth + f"<p>{SENTENCE}</p><script>var hidden = 1;</script>" + "</div>" * depth
            + "<p>Closing paragraph after it.</p></body></html>")
    raw = read_bytes(html.encode(), ".html")
    assert raw.meta["too_deep"] is True
    for words in ("Shallow paragraph", SENTENCE.strip(), "Closing paragraph"):
        assert words in raw.text
    assert "hidden" not in raw.text and raw.title == "Deep page"


def test_shallow_html_keeps_the_article_extractor() -> None:
    html = "<html><body>" + "<div>" * 50 + f"<p>{SENTENCE * 3}</p>" + "</div>" * 50 + "</body></html>"
    raw = read_bytes(html.encode(), ".html")
    assert "too_deep" not in raw.meta and SENTENCE.strip() in raw.text


def test_limits_come_from_one_place_with_environment_overrides() -> None:
    limits = from_environment({"CASEGRAPH_READ_SECONDS": "2.5", "CASEGRAPH_MAX_EXPANDED_MB": "8",
                               "CASEGRAPH_MAX_PDF_PAGES": "nonsense", "CASEGRAPH_READ_ISOLATION": "off"})
    assert (limits.seconds, limits.expanded_bytes, limits.pdf_pages, limits.isolate) == (2.5, 8 * MB, 5000, False)
    assert from_environment({}) == Limits()


def test_in_process_reading_keeps_the_size_caps() -> None:
    reason = refused(docx_bytes(xml_mb=2), ".docx", Limits(expanded_bytes=1 * MB, isolate=False))
    assert reason.startswith("docx expands to")
