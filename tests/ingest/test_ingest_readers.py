"""Each format's reader, through the public read_path, on files generated in tmp_path."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest

from casegraph.errors import UnreadableDocument
from casegraph.ingest import read_path

ARTICLE = (
    "The regional court fined the shipping company Baltic Freight LLC 2 million rubles on Tuesday. "
    "Its director, Maria Kuznetsova, said the company would appeal."
)


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_plain_text(tmp_path: Path) -> None:
    raw = read_path(_write(tmp_path / "note.TXT", "Court note\r\n\r\n" + ARTICLE + "  \r\n"))
    assert raw.format == "txt"
    assert raw.text == "Court note\n\n" + ARTICLE
    assert raw.title == "Court note"
    assert raw.meta["encoding"] == "utf-8"
    assert raw.language is None and raw.published is None


def test_cp1251_russian_text(tmp_path: Path) -> None:
    text = "Суд оштрафовал компанию «Балтийский фрахт» на 2 млн рублей. Директор Мария Кузнецова — против."
    raw = read_path(_write(tmp_path / "ru.txt", text, "cp1251"))
    assert raw.text == text
    assert raw.meta["encoding"] == "cp1251"


def test_utf8_bom_text(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode())
    raw = read_path(path)
    assert raw.text == ARTICLE
    assert not raw.text.startswith("\ufeff")


def test_binary_junk_refused(tmp_path: Path) -> None:
    path = tmp_path / "junk.txt"
    path.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(UnreadableDocument):
        read_path(path)


def test_empty_file_refused(tmp_path: Path) -> None:
    with pytest.raises(UnreadableDocument, match="no text"):
        read_path(_write(tmp_path / "empty.txt", "\n\n  \n"))


def test_same_bytes_same_text(tmp_path: Path) -> None:
    body = "Title\r\n\r\n\r\n\r\n\r\n" + ARTICLE + "\u200b\nRead more\n"
    first = read_path(_write(tmp_path / "a.txt", body))
    second = read_path(_write(tmp_path / "b.txt", body))
    assert first == second


MARKDOWN = """---
title: "Fine for Baltic Freight"
date: 2023-04-05
lang: en-GB
---

Fine for **Baltic** Freight
===========================

## Background

The [court](https://example.org/court) acted on *Tuesday*. See `case 12/3`.

> "We will appeal," the director said.

---

- first point
- second point
"""


def test_markdown(tmp_path: Path) -> None:
    raw = read_path(_write(tmp_path / "memo.md", MARKDOWN))
    assert raw.format == "md"
    assert raw.title == "Fine for Baltic Freight"
    assert raw.published == "2023-04-05"
    assert raw.language == "en"
    assert raw.text.startswith("Fine for Baltic Freight\n\nBackground\n\nThe court acted on Tuesday. See case 12/3.")
    assert '"We will appeal," the director said.' in raw.text
    assert "- first point" in raw.text
    for markup in ("**", "##", "](", "===", "title:", "`"):
        assert markup not in raw.text


def test_markdown_title_from_heading(tmp_path: Path) -> None:
    raw = read_path(_write(tmp_path / "notes.markdown", "Intro line\n\n# The *real* heading\n\nBody text."))
    assert raw.title == "The real heading"


HTML = f"""<!DOCTYPE html>
<html lang="ru-RU"><head><meta charset="utf-8">
<title>Shipping fine | Example News</title>
<meta property="og:title" content="Court fines Baltic Freight">
<meta property="article:published_time" content="2023-04-05T10:00:00+00:00">
</head><body>
<header><a href="#c">Skip to main content</a>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/about">About</a></li></ul></nav>
</header>
<main id="c"><article>
<h1>Court fines Baltic Freight</h1>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
<p>{ARTICLE}</p>
<p>The prosecutor had asked for a larger fine, citing three earlier violations by the firm in the port of Riga.</p>
<p>An appeal hearing has not yet been scheduled, according to the court's press office.</p>
</article></main>
<footer><p>Subscribe to our newsletter</p><p>&copy; 2023 Example News. All rights reserved.</p>
<ul><li>Facebook</li><li>Telegram</li></ul></footer>
</body></html>"""


def test_html_article_kept_junk_dropped(tmp_path: Path) -> None:
    raw = read_path(_write(tmp_path / "page.html", HTML))
    assert raw.format == "html"
    assert raw.title == "Court fines Baltic Freight"
    assert raw.language == "ru"
    assert raw.published == "2023-04-05"
    assert ARTICLE in raw.text
    assert "three earlier violations" in raw.text
    for junk in ("Skip to", "Home", "Share", "Tweet", "Subscribe", "rights reserved", "Telegram"):
        assert junk not in raw.text


def test_html_fallback_when_no_article(tmp_path: Path) -> None:
    html = "<html><head><title>Tiny</title><script>var x = 1;</script></head><body><p>Just one line.</p></body></html>"
    raw = read_path(_write(tmp_path / "tiny.htm", html))
    assert "Just one line." in raw.text
    assert "var x" not in raw.text


def _make_pdf(path: Path, paragraphs: list[str], title: str = "Court decision") -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    story: list[object] = []
    for i, text in enumerate(paragraphs):
        if i:
            story.append(PageBreak())
        story.append(Paragraph(text, styles["BodyText"]))
    SimpleDocTemplate(str(path), pagesize=A4, title=title, lang="en-US").build(story)
    return path


def test_pdf_text_layer(tmp_path: Path) -> None:
    long_para = " ".join([ARTICLE] * 3)
    raw = read_path(_make_pdf(tmp_path / "decision.PDF", [long_para, "Second page: the appeal is pending."]))
    assert raw.format == "pdf"
    assert raw.title == "Court decision"
    assert raw.language == "en"
    assert raw.meta["pages"] == 2
    assert raw.meta["unwrapped_lines"] >= 1
    assert long_para in raw.text  # wrapped lines are re-joined, so names are not split
    assert "\n\nSecond page: the appeal is pending." in raw.text


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path))
    c.rect(100, 100, 200, 200, fill=1)  # drawing only, like a scanned image
    c.showPage()
    c.save()
    with pytest.raises(UnreadableDocument, match="no text layer"):
        read_path(path)


def test_broken_pdf(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage garbage\n%%EOF")
    with pytest.raises(UnreadableDocument, match="PDF"):
        read_path(path)


def test_encrypted_pdf(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    plain = _make_pdf(tmp_path / "plain.pdf", [ARTICLE])
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(UnreadableDocument, match="encrypted"):
        read_path(locked)


def test_docx(tmp_path: Path) -> None:
    document = docx.Document()
    document.core_properties.title = "Board minutes"
    document.core_properties.language = "en-US"
    document.core_properties.created = dt.datetime(2022, 11, 3, 9, 30)
    document.add_heading("Minutes of the board", level=1)
    document.add_paragraph(ARTICLE)
    document.add_paragraph("")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Shareholder", "Share"
    table.cell(1, 0).text, table.cell(1, 1).text = "Maria Kuznetsova", "60%"
    document.add_paragraph("Closing remark after the table.")
    path = tmp_path / "minutes.docx"
    document.save(str(path))
    raw = read_path(path)
    assert raw.format == "docx"
    assert raw.title == "Board minutes"
    assert raw.language == "en"
    assert raw.published == "2022-11-03"
    assert raw.text == (
        "Minutes of the board\n\n" + ARTICLE + "\n\nShareholder | Share\nMaria Kuznetsova | 60%\n\n"
        "Closing remark after the table."
    )
    assert raw.meta["tables"] == 1


def test_docx_template_date_ignored_and_heading_title(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Heading as title", level=2)
    document.add_paragraph("Body.")
    path = tmp_path / "plain.docx"
    document.save(str(path))
    raw = read_path(path)
    assert raw.title == "Heading as title"
    assert raw.published is None


def test_broken_docx(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(UnreadableDocument, match="DOCX"):
        read_path(path)


def test_xhtml_with_declaration_and_cp1251(tmp_path: Path) -> None:
    body = "Суд оштрафовал компанию на два миллиона рублей, сообщила пресс-служба суда во вторник."
    page = (
        '<?xml version="1.0" encoding="windows-1251"?>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="ru"><head>'
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251"/>'
        f"<title>Штраф</title></head><body><p>{body}</p></body></html>"
    )
    raw = read_path(_write(tmp_path / "page.html", page, "cp1251"))
    assert body in raw.text
    assert raw.meta["encoding"] == "cp1251"
