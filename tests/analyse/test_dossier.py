"""The dossier: every footnote resolves to a span whose text is the cited words; document strings are
escaped (HTML and Markdown); nothing is loaded from the network; charts are inline SVG."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from casegraph.services import Case, analysis


class _Notes(HTMLParser):
    """Collects footnotes (<li id="fn-N" data-…>…<q>words</q>) and every tag and attribute."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.notes: dict[str, dict[str, str]] = {}
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.refs: set[str] = set()
        self._note: str | None = None
        self._in_q = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "li" and (a.get("id") or "").startswith("fn-"):
            self._note = a["id"]
            self.notes[self._note or ""] = {"document": a.get("data-document") or "", "start": a["data-start"] or "",
                                            "end": a["data-end"] or "", "words": ""}
        if tag == "q" and self._note:
            self._in_q = True
        if tag == "a" and (a.get("href") or "").startswith("#fn-"):
            self.refs.add((a.get("href") or "")[1:])

    def handle_endtag(self, tag: str) -> None:
        if tag == "q":
            self._in_q = False
        if tag == "li":
            self._note = None

    def handle_data(self, data: str) -> None:
        if self._in_q and self._note:
            self.notes[self._note]["words"] += data


def _cited_ok(case: Case, document: str, start: int, end: int, words: str) -> bool:
    text = case.document(document).text[start:end]
    return text == words or (words.endswith("…") and text.startswith(words[:-1]))


def test_every_footnote_resolves_to_its_words(case: Case) -> None:
    page = analysis.profile(case, "Maria Volkova", "html")
    parser = _Notes()
    parser.feed(page)
    assert len(parser.notes) >= 5
    assert parser.refs <= set(parser.notes), "a footnote mark without its footnote"
    for note_id, note in parser.notes.items():
        assert _cited_ok(case, note["document"], int(note["start"]), int(note["end"]), note["words"]), note_id
    for section in ("Identity", "Roles and organisations", "Money", "Designations", "Timeline", "Network",
                    "Quotes", "Contradictions"):
        assert f"<h2>{section}</h2>" in page
    assert page.count("<svg") >= 2  # timeline, network (and money) charts, inline
    assert "disputed" in page  # her contradicted statements are marked


def test_hostile_strings_are_escaped_and_nothing_loads(case: Case) -> None:
    page = analysis.profile(case, "Maria Volkova", "html")
    assert "<script" not in page.lower()
    assert "onmouseover" not in re.sub(r"&lt;b onmouseover=alert\(2\)&gt;", "", page)
    assert "&lt;b onmouseover=alert(2)&gt;" in page  # the document's words, shown as text
    parser = _Notes()
    parser.feed(page)
    for tag, attrs in parser.tags:
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)  # no event handler
        for key in ("src", "href"):
            value = attrs.get(key) or ""
            assert not value or value.startswith("#"), (tag, key, value)  # only in-page links
    assert not re.search(r"url\((?!#)|@import|<link|<img|<iframe", page, re.IGNORECASE)


def test_markdown_dossier_escapes_and_cites(case: Case) -> None:
    text = analysis.profile(case, "Maria Volkova", "md")
    assert not re.search(r"(?<!\\)\]\(http", text)  # the document's [link](…) does not become a link
    assert "\\[link\\]" in text and "\\*stars\\*" in text
    assert "<b onmouseover" not in text and html.escape("<b onmouseover") in text
    marks = set(re.findall(r"\[\^(\d+)\](?!:)", text))
    notes = re.findall(r"^\[\^(\d+)\]: .*?document ([0-9a-f]{64}), characters (\d+)–(\d+)", text, re.M)
    assert marks and marks <= {n for n, *_ in notes}
    for _n, doc, start, end in notes:
        assert case.document(doc).text[int(start):int(end)]
