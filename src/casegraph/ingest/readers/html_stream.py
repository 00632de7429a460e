"""Visible text of an HTML page read as a stream of tags, for pages too deeply nested for a tree.

libxml2 (under lxml and trafilatura) stops building the tree at 256 levels and drops everything below,
so a page nested deeper came out as "no text found", or silently lost its deeper paragraphs. The
standard library's tokenizer keeps no tree and never recurses, so nesting depth costs it nothing: we
skip the same non-content elements as the tree fallback (by counting open tags, not by nesting) and
break lines at block elements.
"""

from __future__ import annotations

from html.parser import HTMLParser

SKIP = frozenset({"script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
                  "button", "svg", "head", "title"})
BLOCKS = frozenset({"p", "div", "section", "article", "main", "li", "tr", "td", "th", "br", "h1", "h2", "h3",
                    "h4", "h5", "h6", "blockquote", "pre", "dd", "dt", "figcaption", "table", "ul", "ol"})
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source",
                   "track", "wbr"})


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping: dict[str, int] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIP and tag not in _VOID:
            self.skipping[tag] = self.skipping.get(tag, 0) + 1
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self.skipping.get(tag):
            self.skipping[tag] -= 1
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not any(self.skipping.values()):
            self.parts.append(data)


def stream_text(html: str) -> str:
    """Visible text, one paragraph per block element, blank lines between paragraphs."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    lines = [" ".join(line.split()) for line in "".join(collector.parts).split("\n")]
    return "\n\n".join(line for line in lines if line)
