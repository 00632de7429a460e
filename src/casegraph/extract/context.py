"""The one data structure that flows through extraction (as spaCy's Doc flows through a pipeline).

Offsets are always character offsets into ``DocContext.text``, which is the stored document text.
Components never copy or rewrite the text, so every span they record can be shown back to a reader.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

PARTY_SCHEMATA = ("Person", "Organization", "Company", "PublicBody", "LegalEntity")


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass
class Sentence:
    start: int
    end: int
    text: str


@dataclass
class PartyMention:
    """One place in the text where a party is named (full name, short form, alias or pronoun-free
    reference such as "the ADR")."""

    start: int
    end: int
    text: str
    party: str  # Party.key


@dataclass
class Party:
    """A person or organisation found in one document.

    ``key`` is stable within the document (a normalised form of the canonical name); the pipeline
    turns it into an FtM entity id. ``props`` holds extra FtM properties with their spans, e.g.
    ("position", "Deputy Justice Minister", Span) or ("country", "ru", Span).
    """

    key: str
    schema: str
    name: str
    name_span: Span
    aliases: list[tuple[str, Span]] = field(default_factory=list)
    mentions: list[PartyMention] = field(default_factory=list)
    props: list[tuple[str, str, Span]] = field(default_factory=list)
    confidence: float = 0.8


@dataclass
class DateMention:
    """A date expression normalised to an FtM partial date ("2014-12", "2021-04-23", "2016")."""

    start: int
    end: int
    text: str
    value: str
    relative: bool = False  # anchored on context ("the next day", "April 21") rather than explicit
    # anchored on a date the document itself gives (no published date was supplied), so the value
    # is a best guess: facts dated by it carry lower confidence
    uncertain: bool = False


@dataclass
class Value:
    """One property value of a draft entity. ``ref`` values name another draft or party by key."""

    prop: str
    value: str
    start: int
    end: int
    ref: bool = False


@dataclass
class Draft:
    """A non-party FtM entity found in the text: Payment, Directorship, Ownership, Membership,
    Employment, Representation, Associate, UnknownLink, Sanction, Event.

    ``key`` must be deterministic for the same finding (e.g. "payment:<start>"), so re-extraction
    yields the same entity id. ``span`` is the evidence (usually the sentence or clause).
    """

    key: str
    schema: str
    span: Span
    values: list[Value] = field(default_factory=list)
    confidence: float = 0.7
    origin: str = "extract"

    def add(self, prop: str, value: str, start: int, end: int, ref: bool = False) -> None:
        self.values.append(Value(prop, value, start, end, ref))

    def refs(self, prop: str) -> list[str]:
        return [v.value for v in self.values if v.prop == prop and v.ref]


@dataclass
class QuoteDraft:
    speaker: str | None  # Party.key
    audience: str | None  # Party.key
    text: str
    kind: str  # "direct" | "reported"
    start: int
    end: int
    date: str | None = None
    confidence: float = 0.8


@dataclass
class ClaimDraft:
    subject: str | None  # Party.key
    by: str | None  # Party.key, or free text when ``by_text`` is set
    topic: str | None
    text: str
    start: int
    end: int
    by_text: bool = False
    polarity: int = 1  # +1 asserts, -1 denies


@dataclass
class DocContext:
    """Everything known about one document while it is being extracted."""

    text: str
    language: str = "en"
    published: str | None = None  # FtM date the document was published; anchors relative dates
    document_id: str = ""
    sentences: list[Sentence] = field(default_factory=list)
    parties: dict[str, Party] = field(default_factory=dict)
    mentions: list[PartyMention] = field(default_factory=list)  # sorted by start
    dates: list[DateMention] = field(default_factory=list)  # sorted by start
    drafts: list[Draft] = field(default_factory=list)
    quotes: list[QuoteDraft] = field(default_factory=list)
    claims: list[ClaimDraft] = field(default_factory=list)
    nlp_doc: Any = None  # spaCy Doc for the text (English), or None
    notes: list[str] = field(default_factory=list)  # warnings for the user (e.g. text truncated)
    _ents: list[tuple[int, int, str, str]] | None = field(default=None, repr=False)
    # per-document memo for components that compute something several others ask for (parse
    # arrays, nominal references); keyed by a name the owning module chooses
    cache: dict[str, Any] = field(default_factory=dict, repr=False)

    # -- lookups used by every component -------------------------------------------------------
    def sort(self) -> None:
        self.mentions.sort(key=lambda m: (m.start, m.end))
        self.dates.sort(key=lambda d: (d.start, d.end))

    def mentions_in(self, start: int, end: int) -> list[PartyMention]:
        starts = [m.start for m in self.mentions]
        i = bisect.bisect_left(starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def dates_in(self, start: int, end: int) -> list[DateMention]:
        return [d for d in self.dates if d.start >= start and d.end <= end]

    def sentence_at(self, offset: int) -> Sentence | None:
        starts = [s.start for s in self.sentences]
        i = bisect.bisect_right(starts, offset) - 1
        if 0 <= i < len(self.sentences) and self.sentences[i].start <= offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def ents_in(self, start: int, end: int, labels: tuple[str, ...] = ()) -> list[tuple[int, int, str, str]]:
        """spaCy's named entities (start, end, label, text) inside a span. ``Doc.ents`` rebuilds
        every entity span on each access, so it is read once per document and kept here."""
        if self._ents is None:
            doc = self.nlp_doc
            self._ents = [(e.start_char, e.end_char, e.label_, e.text) for e in doc.ents] if doc is not None else []
        return [e for e in self._ents if e[0] >= start and e[1] <= end and (not labels or e[2] in labels)]

    @property
    def parsed_chars(self) -> int:
        """How many characters of the text the spaCy parse covers (all, unless it was capped).
        Computed from the last token: ``Doc.text`` rebuilds the whole string on every access."""
        doc = self.nlp_doc
        if doc is None or not len(doc):
            return 0
        last = doc[-1]
        return int(last.idx + len(last.text_with_ws))

    def party_at(self, start: int, end: int) -> Party | None:
        for m in self.mentions_in(start, end):
            return self.parties.get(m.party)
        return None


def party_key(name: str) -> str:
    """The in-document key of a party: its canonical name, case-folded, accents and punctuation
    stripped, words joined by single spaces (so "Alexander Ionov" and "ALEXANDER IONOV." agree)."""
    from normality import normalize

    return normalize(name, lowercase=True, latinize=False) or name.strip().lower()
