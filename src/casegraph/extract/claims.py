"""Claims that a text itself sets against each other.

Reporters signal a contradiction with discourse markers: "However, X denied…", "(though in the end
they appealed to Y)", "Records, though, show…", "X flatly denied that.", "Однако … писал обратное",
"Lind put it differently:", "The accounts tell a different story.", "Минтранс эту версию
опровергает", or by citing a party's own record against what it says ("the ministry's own register
records a single bid"). This component finds a sentence carrying such a cue and pairs it with what
it contradicts: the other half of the same sentence when the marker is internal, else the earlier
sentence that fits it best — sharing content words, a claim by a party (the quotes found earlier)
or by the party it names or refers to by role ("than the minister described"), the nearest claim
for a cue that points back, opposite polarity, different figures on one measure ("60 per cent" /
"31 per cent"). A denial spelled out by the quote after it, or a short announcing sentence
("… tell a different story.") spelled out by the next one, takes that along. Without a marker,
two quotes of one speaker on the same topic with opposite polarity are paired too. A speaker's own
"but" inside a quote is rhetoric, not a contradiction. Candidates are ranked and only the best few
per document are kept (a reviewer reads each one); each becomes :class:`ClaimDraft` records sharing
a ``topic`` key, from which :mod:`casegraph.analyse.contradictions` builds contradictions. The cues
live in :mod:`casegraph.extract.claims_cues`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from casegraph.extract import speech
from casegraph.extract.claims_cues import (
    ANAPHORIC_END,
    ANAPHORIC_NEAR,
    CYRILLIC,
    INTERNAL,
    NEGATION,
    OPENING,
    OWN,
    content,
    negated,
    quantities,
    quantity_conflict,
    stem,
)
from casegraph.extract.claims_cues import announce as find_announce
from casegraph.extract.claims_cues import denial as find_denial
from casegraph.extract.claims_cues import evidence as find_evidence
from casegraph.extract.context import ClaimDraft, DocContext
from casegraph.extract.registry import component

__all__ = ["content", "run", "stem"]

LOOKBACK = 5  # sentences before a contrast that may hold what it contradicts
MIN_SCORE = 2  # content overlap + same speaker + adjacency needed to pair a contrast with a sentence
REVERSAL_SHARE = 0.4  # share of the shorter quote's content words two reversed quotes must have in common
REVERSAL_WORDS = 25  # long interview passages share words without being about one fact
FOLLOW = 3  # sentences of a quote spelling out a denial that the denial takes along
MIN_PAIR = 3  # score of a contrast inside one sentence worth a reviewer's time
GROUP = 3  # claims in one contradiction at most: a third may join a pair sharing one of its claims
SHORT = 8  # content words of a marker sentence that only announces what the next one says
PER_DOCUMENT = 5  # pairs kept for a short document: each one is read by a reviewer
SENTENCES_PER_PAIR = 10  # ... and one more per this many sentences in a long one


@dataclass
class _Unit:
    """One sentence with what the earlier components found in it."""

    index: int
    start: int
    end: int
    text: str
    para: int
    words: set[str]
    parties: set[str] = field(default_factory=set)
    speakers: set[str] = field(default_factory=set)  # speakers of quotes overlapping the sentence
    quoted: list[tuple[int, int, str | None]] = field(default_factory=list)  # (start, end, speaker)
    negative: bool = False
    said: bool = False  # someone says it: a quote or a speech verb
    direct: bool = False  # it holds a direct quote
    record: bool = False  # a record is cited: "the register lists", "согласно выписке"
    denies: bool = False  # a denial or correction of something
    amounts: set[tuple[str, float]] = field(default_factory=set)


@dataclass
class _Candidate:
    """A pair of spans a text sets against each other, with how sure we are of it."""

    score: float
    topic: str
    a: tuple[int, int]
    b: tuple[int, int]
    subject: str | None
    by: tuple[str | None, str | None] = (None, None)


def _paragraph_starts(text: str) -> list[int]:
    """Offsets of the non-empty lines: a paragraph is a line, blank lines or not between them."""
    return [m.start() for m in re.finditer(r"(?m)^(?=.*\S)", text)]


def _units(ctx: DocContext) -> list[_Unit]:
    units = []
    paras = _paragraph_starts(ctx.text)
    for i, s in enumerate(ctx.sentences):
        para = bisect.bisect_right(paras, s.start) - 1
        unit = _Unit(i, s.start, s.end, s.text, para, content(s.text))
        unit.negative = NEGATION.search(s.text) is not None
        unit.amounts = quantities(s.text)
        unit.said = bool(speech.SPEECH_VERB_RE.search(s.text))
        unit.record = find_evidence(s.text) is not None
        unit.denies = find_denial(s.text) is not None
        units.append(unit)
    starts = [u.start for u in units]
    for m in ctx.mentions:  # one pass, not a mentions_in() scan per sentence
        k = bisect.bisect_right(starts, m.start) - 1
        if k >= 0 and m.end <= units[k].end:
            units[k].parties.add(m.party)
    for q in ctx.quotes:
        k = max(0, bisect.bisect_right(starts, q.start) - 1)
        while k < len(units) and units[k].start < q.end:
            unit = units[k]
            if q.start < unit.end:
                unit.quoted.append((q.start, q.end, q.speaker))
                unit.said = True
                unit.direct = unit.direct or q.kind == "direct"
                if q.speaker:
                    unit.speakers.add(q.speaker)
            k += 1
    return units


def _same_party(a: str, b: str) -> bool:
    """Party keys of one person split by the party finder ("jane roe" / "roe") still match."""
    return a == b or a.split()[-1:] == b.split()[-1:]


def _role_persons(persons: list[tuple[int, str, str]], unit: _Unit) -> set[str]:
    """People a marker sentence refers to by role ("than the minister described", "чем описывал
    министр"): persons named earlier with that role word beside them."""
    roles = [w.lower() for w in re.findall(r"[^\W\d_][\w-]*", unit.text) if speech.is_role_word(w)]
    found: set[str] = set()
    if not roles:
        return found
    for role in roles:
        key = role[:6] if CYRILLIC.match(role) else role
        for start, party, near in persons:
            if start >= unit.start:
                break
            if key in near:
                found.add(party)
    return found


def _person_contexts(ctx: DocContext) -> list[tuple[int, str, str]]:
    """(start, party, lower-cased text around it) of each mention of a person, built once per document."""
    out = []
    for m in ctx.mentions:
        party = ctx.parties.get(m.party)
        if party is not None and party.schema == "Person":
            out.append((m.start, m.party, ctx.text[max(0, m.start - 40) : m.end + 40].lower()))
    return out


@lru_cache(maxsize=4096)
def _key_words(key: str) -> frozenset[str]:
    return frozenset(content(key))


def _name_words(keys: set[str]) -> set[str]:
    """Words of speakers' names: two sentences quoting one person share no topic by that alone."""
    out: set[str] = set()
    for key in keys:
        out |= _key_words(key)
    return out


def _subject(ctx: DocContext, start: int, end: int) -> str | None:
    """The person (else party) named most in the span: whom the contrast is about."""
    counts: dict[str, int] = {}
    for m in ctx.mentions_in(start, end):
        party = ctx.parties.get(m.party)
        weight = 2 if party is not None and party.schema == "Person" else 1
        counts[m.party] = counts.get(m.party, 0) + weight
    return max(counts, key=lambda k: counts[k]) if counts else None


def _para_start(units: list[_Unit], i: int) -> int:
    """Start of the paragraph holding sentence ``i``."""
    while i > 0 and units[i - 1].para == units[i].para:
        i -= 1
    return units[i].start


def _strip(text: str, start: int) -> tuple[str, int, int]:
    """Trim spaces and bracket/punctuation at the ends, keeping offsets exact."""
    left = len(text) - len(text.lstrip(" \t\n()—–-,;:"))
    core = text.strip(" \t\n()—–-,;:.")
    return core, start + left, start + left + len(core)


class _Pairs:
    """Candidate pairs, of which the best few per document become claims."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.found: list[_Candidate] = []

    def add(self, candidate: _Candidate) -> None:
        ctx = self.ctx
        if not any(len(content(ctx.text[s:e])) < 2 for s, e in (candidate.a, candidate.b)):
            self.found.append(candidate)

    def emit(self, limit: int) -> None:
        """The best pairs, at most ``limit`` contradictions. A claim is stored once (its id is its
        span), so a pair sharing a span with a kept one joins that contradiction as a third claim."""
        topic_of: dict[tuple[int, int], str] = {}
        kept = 0
        for cand in sorted(self.found, key=lambda c: (-c.score, c.b[0])):
            spans = [_strip(self.ctx.text[a:b], a) for a, b in (cand.a, cand.b)]
            keys = [(s, e) for _, s, e in spans]
            topics = {topic_of[k] for k in keys if k in topic_of}
            if len(topics) > 1 or all(k in topic_of for k in keys) or keys[0] == keys[1]:
                continue
            if topics and sum(1 for t in topic_of.values() if t in topics) >= GROUP:
                continue
            if not topics:
                if kept >= limit:
                    continue
                kept += 1
            topic = topics.pop() if topics else cand.topic
            for (text, s, e), polarity, speaker in zip(spans, (1, -1), cand.by, strict=True):
                if (s, e) in topic_of:
                    continue
                topic_of[(s, e)] = topic
                self.ctx.claims.append(ClaimDraft(subject=cand.subject, by=speaker, topic=topic, text=text,
                                                  start=s, end=e, polarity=polarity))


@dataclass
class _Contrast:
    """A sentence set against something said before it, and what it brings along."""

    index: int
    end: int  # end of the claim: the sentence, or the quote or sentence that spells it out
    words: set[str]
    amounts: set[tuple[str, float]]
    anaphoric: bool
    opens: bool  # a marker opening the paragraph ("But …"): it answers the paragraph before
    weak: bool  # only a record cited ("the register lists …"): its partner must be a fitting claim
    refers: set[str]  # parties it names or refers to by role


def _partner(units: list[_Unit], me: _Contrast) -> tuple[_Unit | None, float]:
    """The earlier sentence a contrast answers: content overlap, plus bonuses for a claim by a party
    (quotes found earlier), by the party the contrast names, for the sentence right before (or,
    when the contrast points back, the nearest claim), for opposite polarity and for differing
    figures on one measure ("60 per cent" / "31 per cent")."""
    i = me.index
    unit = units[i]
    window = range(i - 1, max(-1, i - 1 - LOOKBACK), -1)
    nearest_claim = next((j for j in window if units[j].said and units[j].para >= unit.para - 2), i - 1)
    best, best_score = None, float(MIN_SCORE - 1)
    for j in window:
        other = units[j]
        overlap = len(me.words & other.words - _name_words(unit.speakers | other.speakers))
        score: float = overlap
        if other.said or other.record:
            score += 1
        if other.direct and overlap:
            score += 0.5  # a party's own words on the same topic outweigh a reporter's paraphrase
        mine = (unit.speakers or unit.parties) | me.refers
        if (overlap or me.anaphoric) and any(_same_party(a, b) for a in mine for b in other.speakers):
            score += 2
        if j == i - 1 and (other.para == unit.para or me.opens):
            score += 1
        if me.anaphoric and j == nearest_claim:
            score += 2
        if other.negative != unit.negative and (overlap or other.said):
            score += 1
        if other.denies:
            score -= 2  # two denials of one thing agree with each other
        conflict = quantity_conflict(me.amounts, other.amounts)
        score += conflict
        # "its press office told reporters that …" (speaker unresolved); a record set against a record
        # ("according to the register …") is two facts, not a claim and its refutation
        said = other.speakers or (other.said and not other.record)
        if me.weak and not (said and overlap >= 2 and (conflict or other.negative != unit.negative)):
            continue
        if score > best_score and len(other.words) >= 2:
            best, best_score = other, score
    return best, best_score


def _follow_up(units: list[_Unit], i: int) -> int:
    """End of the quotes right after a denial that spell it out ("X denied that. “…,” X said."):
    consecutive sentences quoting a party the denial names, or a direct quote in its paragraph."""
    me = units[i]
    if me.quoted:
        return me.end
    end = me.end
    who = me.parties
    for unit in units[i + 1 : i + 1 + FOLLOW]:
        spoken = any(_same_party(a, b) for a in who for b in unit.speakers)
        if unit.para > me.para + 1 or not (spoken or (unit.para == me.para and unit.quoted)):
            break
        end = unit.end
    return end


def _speaker(unit: _Unit) -> str | None:
    return next((sp for _, _, sp in unit.quoted if sp), None)


def _same_speaker_reversals(ctx: DocContext, pairs: _Pairs) -> None:
    """Two short quotes of one speaker, in different paragraphs, on the same topic (three shared
    content words beside the speaker's name, a good part of the shorter one) where one is negated
    and the other is not."""
    quotes = sorted((q for q in ctx.quotes if q.speaker), key=lambda q: q.start)
    words = [content(q.text) - content(q.speaker or "") for q in quotes]
    negations = [negated(q.text) for q in quotes]
    for x, qa in enumerate(quotes):
        for y in range(x + 1, len(quotes)):
            qb = quotes[y]
            if bool(negations[x]) == bool(negations[y]) or not _same_party(qa.speaker or "", qb.speaker or ""):
                continue
            if not (negations[x] | negations[y]) & words[x] & words[y]:
                continue  # the negation must fall on what both say: "had not approved" / "had approved"
            shared = len(words[x] & words[y])
            if shared < 3 or shared < REVERSAL_SHARE * min(len(words[x]), len(words[y])):
                continue
            if max(len(words[x]), len(words[y])) > REVERSAL_WORDS or "\n" not in ctx.text[qa.end : qb.start]:
                continue
            pairs.add(_Candidate(4 + shared / 10, f"reversal:{qb.start}", (qa.start, qa.end), (qb.start, qb.end),
                                 qa.speaker, (qa.speaker, qb.speaker)))


def _internal(ctx: DocContext, unit: _Unit, marker: re.Match[str], pairs: _Pairs) -> None:
    """A contrast inside one sentence: "X said A (though B)", "A, but B". Kept when the halves
    share a topic, someone is quoted or a record cited in it, or the contrast is set apart in
    brackets or after a semicolon (the reporter's own aside, not a turn of the narrative)."""
    cut = unit.start + marker.start()
    subject = _subject(ctx, unit.start, unit.end)
    if subject is None:
        return
    shared = content(ctx.text[unit.start : cut]) & content(ctx.text[cut : unit.end])
    score = 1 + min(2, len(shared)) + (1 if unit.quoted or unit.record else 0)
    score += 1 if marker.group().startswith(("(", ";")) else 0
    if score < MIN_PAIR:
        return  # "A was not listed, but the consequences came quickly": a turn, not two claims
    pairs.add(_Candidate(score, f"contrast:{unit.start}", (unit.start, cut), (cut, unit.end), subject,
                         (_speaker(unit), None)))


def _contrast(units: list[_Unit], index: int, persons: list[tuple[int, str, str]]) -> _Contrast | None:
    """The contrast a sentence opens, if any: a marker of contrast, denial or another version, or
    a record cited about the party's own affairs ("the ministry's own register lists …")."""
    unit = units[index]
    text = unit.text
    announce = find_announce(text)
    denial = unit.denies  # the cues were searched once, in _units
    opening = OPENING.search(text)
    if not (announce or denial or opening or unit.record):
        return None
    anaphoric = bool(announce) or bool(
        denial and (ANAPHORIC_NEAR.search(text) or (ANAPHORIC_END.search(text) and len(unit.words) <= SHORT))
    )
    end, words, amounts = unit.end, set(unit.words), set(unit.amounts)
    nxt = units[index + 1] if index + 1 < len(units) else None
    if announce and nxt is not None and nxt.para == unit.para and (
        len(unit.words) <= SHORT or text.rstrip().endswith(":")
    ):
        # "… tell a different story. They show …"
        end, words, amounts = nxt.end, words | nxt.words, amounts | nxt.amounts
    elif denial:
        end = _follow_up(units, index)
    weak = not (announce or denial or opening) and not OWN.search(text)
    refers = set(unit.parties) | _role_persons(persons, unit)
    opens = opening is not None and opening.start() == 0 and (index == 0 or units[index - 1].para != unit.para)
    return _Contrast(index, end, words, amounts, anaphoric, opens, weak, refers)


class _QuoteSpans:
    """Whether an offset lies inside a direct quote: a speaker's own "but" is rhetoric, not the
    reporter setting two claims against each other."""

    def __init__(self, ctx: DocContext) -> None:
        spans = sorted((q.start, q.end) for q in ctx.quotes if q.kind == "direct")
        self.starts = [a for a, _ in spans]
        self.ends = [b for _, b in spans]

    def __call__(self, pos: int) -> bool:
        k = bisect.bisect_right(self.starts, pos) - 1
        return k >= 0 and pos < self.ends[k]


@component("claims", requires=("parties", "quotes"), assigns=("claims",))
def run(ctx: DocContext) -> None:
    units = _units(ctx)
    pairs = _Pairs(ctx)
    inside = _QuoteSpans(ctx)
    persons = _person_contexts(ctx)
    for index, unit in enumerate(units):
        internal = INTERNAL.search(unit.text)
        if internal and internal.start() > 10:
            if not inside(unit.start + internal.start()):
                _internal(ctx, unit, internal, pairs)
            continue
        me = _contrast(units, index, persons)
        if me is None or inside(unit.start + len(unit.text) - len(unit.text.lstrip(" «“\"—–-"))):
            continue
        earlier, score = _partner(units, me)
        if earlier is None:
            continue
        subject = _speaker(earlier) or _subject(ctx, earlier.start, unit.end) or _subject(
            ctx, _para_start(units, earlier.index), unit.end  # "its press office said …": the party is named before
        )
        if subject is None:
            continue
        by_b = _speaker(unit) or (next(iter(unit.parties)) if unit.denies and len(unit.parties) == 1 else None)
        base = 1 if me.weak else 2
        pairs.add(_Candidate(base + score, f"contrast:{unit.start}", (earlier.start, earlier.end),
                             (unit.start, me.end), subject, (_speaker(earlier), by_b)))
    _same_speaker_reversals(ctx, pairs)
    pairs.emit(max(PER_DOCUMENT, len(units) // SENTENCES_PER_PAIR))
