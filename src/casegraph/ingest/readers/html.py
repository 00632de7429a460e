"""HTML pages: the article body via trafilatura (precision over recall), metadata from the page.

trafilatura never touches the network when handed a string. When it finds no main text (tiny or
unusual pages) we fall back to the page's visible text minus scripts and navigation blocks. A page
nested deeper than libxml2 builds trees (256 levels) is read by a tokenizer that keeps no tree
(``html_stream``), since both tree readers would silently drop whatever lies deeper.
"""

from __future__ import annotations

import re
from typing import Any

import lxml.html
import trafilatura
from lxml import etree

from casegraph.errors import UnreadableDocument
from casegraph.ingest.encoding import decode_bytes
from casegraph.ingest.limits import Limits, megabytes
from casegraph.ingest.metadata import iso_date, iso_language
from casegraph.ingest.rawtext import RawText
from casegraph.ingest.readers.html_stream import stream_text

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_NON_CONTENT = "//script|//style|//noscript|//template|//nav|//header|//footer|//aside|//form|//button|//svg"
_BLOCKS = {"p", "div", "section", "article", "main", "li", "tr", "td", "th", "br", "h1", "h2", "h3", "h4",
           "h5", "h6", "blockquote", "pre", "dd", "dt", "figcaption", "table", "ul", "ol"}


def _declared_charset(data: bytes) -> str | None:
    match = _CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def _parse(html: str) -> tuple[Any, bool]:
    """The page's tree, and whether libxml2 stopped at its depth limit (the tree then lacks the rest)."""
    parser = lxml.html.HTMLParser()
    try:
        tree = lxml.html.document_fromstring(html, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise UnreadableDocument(f"broken HTML: {str(exc)[:200]}") from exc
    too_deep = any(e.type_name == "ERR_RESOURCE_LIMIT" or "depth" in e.message.lower() for e in parser.error_log)
    return tree, too_deep


def _page_language(tree: Any) -> str | None:
    for xpath in ("/html/@lang", "/html/@xml:lang",
                  "//meta[translate(@http-equiv,'CONTENT-LANGUAGE','content-language')='content-language']/@content",
                  "//meta[@property='og:locale']/@content"):
        try:
            found = tree.xpath(xpath)
        except etree.XPathError:
            continue
        for value in found:
            lang = iso_language(str(value))
            if lang:
                return lang
    return None


def _fallback_text(tree: Any) -> str:
    """Visible text with one line per block element, for pages trafilatura declines."""
    for element in tree.xpath(_NON_CONTENT):
        element.drop_tree()
    body = tree.find("body")
    root = body if body is not None else tree
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
            if element.tag.lower() != "br":
                element.text = "\n" + (element.text or "")
    lines = [" ".join(line.split()) for line in root.text_content().split("\n")]
    return "\n\n".join(line for line in lines if line)


def read_html(data: bytes, limits: Limits) -> RawText:
    decoded = decode_bytes(data, declared=_declared_charset(data))
    html = _XML_DECL.sub("", decoded.text, count=1)  # lxml refuses str input that declares an encoding
    if not html.strip():
        raise UnreadableDocument("empty HTML page")
    if len(html) > limits.expanded_bytes:
        raise UnreadableDocument(f"html holds {megabytes(len(html))} of markup "
                                 f"(limit {megabytes(limits.expanded_bytes)})")
    tree, too_deep = _parse(html)
    meta: dict[str, Any] = {"encoding": decoded.encoding}
    if too_deep:
        meta["extractor"], meta["too_deep"] = "stream", True
        text = stream_text(html)
        if not text:
            raise UnreadableDocument("html is nested too deeply to read and its visible text is empty")
        return _finish(tree, text, None, None, None, meta)
    doc = trafilatura.bare_extraction(
        html,
        include_comments=False,
        include_tables=True,
        favor_precision=True,
        with_metadata=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    title = (getattr(doc, "title", None) or None) if doc is not None else None
    published = iso_date(getattr(doc, "date", None)) if doc is not None else None
    url = getattr(doc, "url", None) if doc is not None else None
    if text:
        meta["extractor"] = "trafilatura"
        # trafilatura gives one block per line; blank lines between blocks mark paragraphs as elsewhere.
        text = "\n\n".join(line for line in text.split("\n") if line.strip())
    else:
        meta["extractor"] = "lxml-fallback"
        text = _fallback_text(_parse(html)[0])
    return _finish(tree, text, title, published, url, meta)


def _finish(tree: Any, text: str, title: str | None, published: str | None, url: str | None,
            meta: dict[str, Any]) -> RawText:
    if title is None:
        found = tree.findtext(".//title")
        title = " ".join(found.split()) if found and found.strip() else None
    if title and title not in text[: len(title) + 500]:
        text = f"{title}\n\n{text}"
        meta["title_prepended"] = True
    if url:
        meta["url"] = url
    return RawText(text=text, format="html", title=title, language=_page_language(tree),
                   published=published, meta=meta)
