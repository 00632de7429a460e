"""Hypothesis strategies for hostile files, and the oracle every reader must satisfy.

Shared by bench/fuzz_readers.py (10,000 inputs) and tests/reliability/test_fuzz_readers.py (a seeded
slice). Each strategy draws a few parameters and builds the file from them (real DOCX, PDF and HTML
built with python-docx, reportlab and pypdf, then truncated, mutated, bombed or stripped of parts), so a
short hypothesis buffer still reaches files of many megabytes.

The oracle: ``read_bytes`` returns final text (non-empty, already normalised) or raises
``UnreadableDocument`` with a one-line reason; ``ReaderCrash`` (a reader failing in a way it did not
foresee) and any other exception are bugs; an answer later than the time cap plus a margin is a hang.
"""

from __future__ import annotations

import functools
import io
import re
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
from hypothesis import strategies as st
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from casegraph.errors import CasegraphError, UnreadableDocument
from casegraph.ingest import read_bytes
from casegraph.ingest.isolation import ReaderCrash
from casegraph.ingest.limits import MB, Limits
from casegraph.ingest.normalize import normalize_text

SUFFIXES = [".txt", ".md", ".html", ".pdf", ".docx"]
FUZZ_LIMITS = Limits(seconds=10.0, memory_bytes=1024 * MB)
HANG_MARGIN = 10.0  # seconds past the cap before an answer counts as a hang
WORDS = ["Northmere", "Holdings", "paid", "director", "Calder", "Ridge", "ООО", "Ромашка", "перевела",
         "рублей", "2021", "$1.2m", "«", "»", "“", "”", "—", "\u200b", "\u00ad", "é", "ß", "\t", "[sic]", "<b>"]


@dataclass
class Case:
    """One generated input."""

    kind: str  # which generator made it (for the figures)
    suffix: str
    data: bytes


# -- text and encodings ------------------------------------------------------------------------------
prose = st.lists(st.sampled_from(WORDS) | st.text(max_size=12), min_size=0, max_size=60).map(" ".join)
cyrillic = st.text(alphabet=st.characters(min_codepoint=0x410, max_codepoint=0x44F) | st.just(" "),
                   min_size=1, max_size=300)
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1251", "latin-1"]


@st.composite
def encoded_text(draw: Any) -> Case:
    parts = draw(st.lists(st.tuples(prose | cyrillic, st.sampled_from(ENCODINGS)), min_size=1, max_size=4))
    data = b"".join(text.encode(enc, errors="replace") for text, enc in parts)  # mixed when several
    return Case(f"text/{'mixed' if len(parts) > 1 else parts[0][1]}", draw(st.sampled_from([".txt", ".md"])), data)


@st.composite
def random_bytes(draw: Any) -> Case:
    return Case("bytes", draw(st.sampled_from(SUFFIXES)), draw(st.binary(max_size=4096)))


@st.composite
def markdown(draw: Any) -> Case:
    pieces = draw(st.lists(st.sampled_from(["# ", "**", "*", "`", "```\n", "---\n", "[a](b)", "![i](x)", "> ",
                                            "\n", "title: x\n", "<!--", "-->", "_", "==="]) | prose, max_size=80))
    stars = "*" * draw(st.integers(0, 20000))  # long emphasis runs: regex backtracking
    return Case("markdown", ".md", ("".join(pieces) + stars).encode())


# -- HTML ------------------------------------------------------------------------------------------
@st.composite
def html_pages(draw: Any) -> Case:
    depth = draw(st.sampled_from([0, 10, 255, 257, 300, 1000, 3000, 20000]))
    tag = draw(st.sampled_from(["div", "span", "b", "table", "p", "li", "font"]))
    body = draw(prose)
    attr = "x" * draw(st.sampled_from([0, 100, 70000, 1_000_000]))
    script = draw(st.sampled_from(["", "<script>document.write('<p>' + 'x'.repeat(9))</script>",
                                   "<script>" + "<p>hidden</p>" * 50 + "</script>", "<style>p{}</style>"]))
    charset = draw(st.sampled_from(["", '<meta charset="utf-8">', '<meta charset="windows-1251">',
                                    '<meta charset="nonsense-42">', '<?xml version="1.0" encoding="utf-8"?>']))
    extra = draw(st.sampled_from(["", "&#xFFFFFFFF;", "&nbsp;" * 100, "<!-- never closed", "</html></html>",
                                  "<![CDATA[x]]>", "\x00", "<p" * 500]))
    page = (f"{charset}<html lang='{draw(st.sampled_from(['en', 'ru', 'xx-YY', '']))}'><head><title>{body[:40]}"
            f"</title></head><body><p title='{attr}'>{body}</p>{script}" + f"<{tag}>" * depth
            + f"<p>{draw(prose)}</p>" + f"</{tag}>" * draw(st.sampled_from([0, depth])) + f"{extra}</body></html>")
    encoding = draw(st.sampled_from(["utf-8", "utf-16", "cp1251"]))
    return Case(f"html/depth{depth}" if depth > 255 else "html", ".html", page.encode(encoding, errors="replace"))


def _mutate(draw: Any, base: bytes, most: int) -> bytes:
    """``base`` with up to ``most`` bytes overwritten at drawn places."""
    buf = bytearray(base)
    for _ in range(draw(st.integers(1, most))):
        buf[draw(st.integers(0, len(buf) - 1))] = draw(st.integers(0, 255))
    return bytes(buf)


# -- PDF -------------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=16)
def _pdf(pages: int, text: str) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for i in range(pages):
        pdf.drawString(72, 800, f"{text} page {i}")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _pypdf(pages: int, password: str | None = None) -> bytes:
    writer = PdfWriter()
    if pages:
        for page in PdfReader(io.BytesIO(_pdf(pages, "Northmere paid Calder Ridge"))).pages:
            writer.add_page(page)
    if password is not None:
        writer.encrypt(user_password=password, owner_password="owner")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@st.composite
def pdf_files(draw: Any) -> Case:
    variant = draw(st.sampled_from(["valid", "truncated", "mutated", "encrypted", "empty-password", "zero",
                                    "huge-count", "garbage-tail"]))
    base = _pdf(draw(st.integers(1, 4)), draw(st.sampled_from(["Northmere Holdings paid Calder Ridge",
                                                               "Ромашка", "x"])))
    if variant == "truncated":
        data = base[: draw(st.integers(0, len(base)))]
    elif variant == "mutated":
        data = _mutate(draw, base, 20)
    elif variant == "encrypted":
        data = _pypdf(2, password="secret")
    elif variant == "empty-password":
        data = _pypdf(2, password="")
    elif variant == "zero":
        data = _pypdf(0)
    elif variant == "huge-count":
        data = re.sub(rb"/Count \d+", b"/Count " + str(draw(st.sampled_from([10**6, 10**9, -1]))).encode(), base)
    elif variant == "garbage-tail":
        data = base + draw(st.binary(max_size=2048))
    else:
        data = base
    return Case(f"pdf/{variant}", ".pdf", data)


# -- DOCX ------------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=8)
def _docx(paragraphs: int) -> bytes:
    document = docx.Document()
    document.add_heading("Board minutes", level=1)
    for i in range(paragraphs):
        document.add_paragraph(f"Northmere Holdings paid Calder Ridge, paragraph {i}.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Shareholder"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _rezip(base: bytes, change: Any) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(base))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = change(info.filename, source.read(info.filename))
            if data is not None:
                target.writestr(info.filename, data)
    return out.getvalue()


@st.composite
def docx_files(draw: Any) -> Case:
    variant = draw(st.sampled_from(["valid", "missing-part", "bomb", "mutated", "truncated", "not-docx-zip",
                                    "bad-xml"]))
    base = _docx(draw(st.integers(1, 30)))
    if variant == "missing-part":
        names = [i.filename for i in zipfile.ZipFile(io.BytesIO(base)).infolist()]
        gone = draw(st.sampled_from(names))
        data = _rezip(base, lambda name, blob: None if name == gone else blob)
    elif variant == "bomb":
        size = draw(st.sampled_from([8, 70, 300])) * MB
        padding = b"<w:p><w:r><w:t>" + b"A" * 60 + b"</w:t></w:r></w:p>"
        data = _rezip(base, lambda name, blob: blob.replace(b"<w:body>", b"<w:body>" + padding * (size // 80), 1)
                      if name == "word/document.xml" else blob)
    elif variant == "mutated":
        data = _mutate(draw, base, 10)
    elif variant == "truncated":
        data = base[: draw(st.integers(0, len(base)))]
    elif variant == "not-docx-zip":
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as archive:
            archive.writestr("hello.txt", draw(prose))
        data = out.getvalue()
    elif variant == "bad-xml":
        junk = draw(st.sampled_from([b"<w:body><unclosed>", b"\x00\x01", b"<!DOCTYPE x [<!ENTITY a 'aaaa'>]>",
                                     b"<w:body>" + b"<w:p>" * 5000]))
        data = _rezip(base, lambda name, blob: blob.replace(b"<w:body>", junk, 1)
                      if name == "word/document.xml" else blob)
    else:
        data = base
    return Case(f"docx/{variant}", ".docx", data)


def inputs() -> st.SearchStrategy[Case]:
    """Every generator, roughly equally often."""
    return st.one_of(random_bytes(), encoded_text(), markdown(), html_pages(), pdf_files(), docx_files())


# -- the oracle ------------------------------------------------------------------------------------
@dataclass
class Verdict:
    outcome: str  # "read" | "refused" | "crash" | "uncaught" | "hang" | "bad-reason" | "bad-text"
    detail: str
    seconds: float


def judge(case: Case, limits: Limits = FUZZ_LIMITS) -> Verdict:
    """Run the reader on one input and classify what happened."""
    started = time.monotonic()
    try:
        raw = read_bytes(case.data, case.suffix, limits)
    except ReaderCrash as exc:
        outcome, detail = "crash", str(exc)
    except UnreadableDocument as exc:
        detail = str(exc)
        outcome = "refused" if detail and "\n" not in detail and len(detail) <= 300 else "bad-reason"
    except Exception as exc:  # noqa: BLE001 - exactly what the fuzzer is looking for
        outcome, detail = "uncaught", f"{type(exc).__name__}: {exc}"
    else:
        ok = raw.text.strip() and normalize_text(raw.text) == raw.text
        outcome, detail = ("read", f"{len(raw.text)} chars") if ok else ("bad-text", repr(raw.text[:80]))
    seconds = time.monotonic() - started
    if seconds > limits.seconds + HANG_MARGIN:
        outcome = "hang"
    return Verdict(outcome, detail, seconds)


# -- the FtM importer --------------------------------------------------------------------------------
@st.composite
def ftm_files(draw: Any) -> bytes:
    entity = st.fixed_dictionaries({}, optional={
        "id": st.text(max_size=20) | st.integers() | st.none(),
        "schema": st.sampled_from(["Person", "Company", "Payment", "Sanction", "Nope", ""]) | st.integers(),
        "properties": st.dictionaries(st.sampled_from(["name", "alias", "payer", "amount", "bogus"]),
                                      st.lists(st.text(max_size=30) | st.integers() | st.floats(), max_size=3)
                                      | st.text(max_size=30) | st.none(), max_size=4) | st.integers(),
    })
    line = st.one_of(entity.map(_json), st.builds(lambda op, e: _json({"op": op, "entity": e}),
                                                  st.sampled_from(["ADD", "MOD", "DEL", "X"]), entity),
                     st.text(max_size=40), st.just("[" * 50_000), st.just('{"id": ' + "9" * 5000 + "}"))
    lines = draw(st.lists(line, max_size=12))
    if draw(st.booleans()):
        return ("[" + ",".join(lines) + "]").encode("utf-8", errors="replace")
    return "\n".join(lines).encode(draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1251"])),
                                   errors="replace")


def _json(value: Any) -> str:
    import json

    return json.dumps(value, allow_nan=True)


def judge_import(data: bytes, folder: Path) -> Verdict:
    """The importer's oracle: a parsed batch or one CasegraphError line, nothing else."""
    from casegraph.resolve.importer import parse_file

    path = folder / "fuzz.ftm.json"
    path.write_bytes(data)
    started = time.monotonic()
    try:
        parsed = parse_file(path, "fuzz")
    except CasegraphError as exc:
        detail = str(exc)
        outcome = "refused" if detail and "\n" not in detail else "bad-reason"
    except Exception as exc:  # noqa: BLE001
        outcome, detail = "uncaught", f"{type(exc).__name__}: {str(exc)[:200]}"
    else:
        outcome, detail = "read", f"{len(parsed.statements)} statements"
    return Verdict(outcome, detail, time.monotonic() - started)
