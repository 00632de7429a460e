"""Claims that a text itself sets against each other.

Reporters signal a contradiction with discourse markers: "However, X denied…", "(though in the end
they appealed to Y)", "Records, though, show…", "X flatly denied that.", "Однако … писал обратное".
This component finds a sentence carrying such a marker and pairs it with what it contradicts: the
other half of the same sentence when the marker is internal, else the earlier sentence that best
fits it — sharing content words, spoken by the same person (the quotes found earlier are claims by
their speakers), or, for a marker that points back ("denied that", "с этим не согласна"), the
sentence right before. A denial that is spelled out by a quote in the next sentence takes that
quote along. Without a marker, two quotes of one speaker on the same topic with opposite polarity
("we never met" / "we met twice") are paired too. Each pair becomes two :class:`ClaimDraft`
records sharing a ``topic`` key, from which :mod:`casegraph.analyse.contradictions` builds
contradictions. It is deliberately lexical and language-light: a reviewer confirms or rejects
every pair.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from casegraph.extract.context import ClaimDraft, DocContext

# Markers that open a contrast inside a sentence: the text before and after them disagree.
INTERNAL = re.compile(
    r"\((?:though|although|that said|but|not|however)\b|;\s*(?:however|but)\b|,\s*(?:but|though|although|whereas)\s"
    r"|—\s*(?:but|though)\b|\((?:хотя|но|однако|не)\s|,\s*(?:но|однако|хотя)\s",
    re.IGNORECASE,
)
# Markers that set a whole sentence against something said before it: sentence-initial, or
# parenthetical between commas ("Emails, though, show …").
OPENING = re.compile(
    r"^(?:however|but|yet|still|in fact|actually|nevertheless|nonetheless|instead|contrary to|in reality"
    r"|on the contrary)\b|,\s*(?:however|though|nevertheless|nonetheless|in fact)\s*,|\bhowever\b"
    r"|^(?:однако|но|тем не менее|впрочем|на самом деле|между тем|вместе с тем)\b|,\s*(?:однако|впрочем)\s*,",
    re.IGNORECASE,
)
# Verbs and adverbs by which a sentence denies or corrects what came before.
DENIAL = re.compile(
    r"\b(?:denied|denies|deny|disputed|disputes|refuted|refutes|rejected|rejects|contradicted|contradicts"
    r"|disagreed|disagrees|corrected|no longer|hardly|contrary|the opposite|not true|untrue)\b"
    r"|(?<![\w-])(?:отрицал\w*|отрицает|опроверг\w*|отверга\w*|не соглас\w*|обратное|больше не|вовсе не"
    r"|не соответству\w+ действительности)(?![\w-])",
    re.IGNORECASE,
)
# A denial pointing back at the sentence before it: "denied that.", "disputes this", "с этим".
ANAPHORIC = re.compile(
    r"\b(?:that|this|it|the claims?|the allegations?|the account|the opposite)\s*[.!]?\s*$"
    r"|(?<![\w-])(?:с этим|этого|это|обратное)(?![\w-])",
    re.IGNORECASE,
)
NEGATION = re.compile(
    r"\b(?:not|never|no|nobody|nothing|none|neither|nor|without)\b|n['’]t\b"
    r"|(?<![\w-])(?:не|никогда|никаких|никакого|никто|ничего|нет|ни)(?![\w-])",
    re.IGNORECASE,
)
WORD = re.compile(r"[^\W\d_]{4,}", re.UNICODE)
STOP = frozenset(
    "that this with from have were which what when where there their they them then than also into about after "
    "before would could should said told says other been being some such only just more most very even over "
    "under while because though although however these those your ours mine here does doesn didn wasn isn "
    "will shall might must each every much many once whole still".split()
)
LOOKBACK = 5  # sentences before a contrast that may hold what it contradicts
MIN_SCORE = 2  # content overlap + same speaker + adjacency needed to pair a contrast with a sentence
REVERSAL_SHARE = 0.4  # share of the shorter quote's content words two reversed quotes must have in common
REVERSAL_WORDS = 25  # long interview passages share words without being about one fact
FOLLOW = 3  # sentences of a quote spelling out a denial that the denial takes along


CYRILLIC = re.compile(r"[а-яё]")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude, language-light stem: enough to match 'appealed' with 'appeal', 'undelivered'
    with 'delivered' (a contradiction often negates by prefix) and Russian word forms."""
    word = word.lower()
    if CYRILLIC.match(word):
        return word[:6]
    if word.startswith("un") and len(word) >= 7:
        word = word[2:]
    for suffix in ("ing", "ed"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    if len(word) > 5 and word.endswith(("sses", "xes", "zes", "ches", "shes")):
        return word[:-2]
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def content(text: str) -> set[str]:
    return {stem(w) for w in WORD.findall(text) if w.lower() not in STOP}


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


def _paragraph_starts(text: str) -> list[int]:
    """Offsets of the non-empty lines: a paragraph is a line, blank lines or not between them."""
    return [m.start() for m in re.finditer(r"(?m)^(?=.*\S)", text)]


def _units(ctx: DocContext) -> list[_Unit]:
    units = []
    paras = _paragraph_starts(ctx.text)
    for i, s in enumerate(ctx.sentences):
        para = bisect.bisect_right(paras, s.start) - 1
        units.append(_Unit(i, s.start, s.end, s.text, para, content(s.text)))
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
                if q.speaker:
                    unit.speakers.add(q.speaker)
            k += 1
    return units


def _same_party(a: str, b: str) -> bool:
    """Party keys of one person split by the party finder ("jane roe" / "roe") still match."""
    return a == b or a.split()[-1:] == b.split()[-1:]


def _shares_speaker(x: _Unit, y: _Unit) -> bool:
    mine = x.speakers or x.parties
    return any(_same_party(a, b) for a in mine for b in y.speakers)


def _subject(ctx: DocContext, start: int, end: int) -> str | None:
    """The person (else party) named most in the span: whom the contrast is about."""
    counts: dict[str, int] = {}
    for m in ctx.mentions_in(start, end):
        party = ctx.parties.get(m.party)
        weight = 2 if party is not None and party.schema == "Person" else 1
        counts[m.party] = counts.get(m.party, 0) + weight
    return max(counts, key=lambda k: counts[k]) if counts else None


def _strip(text: str, start: int) -> tuple[str, int, int]:
    """Trim spaces and bracket/punctuation at the ends, keeping offsets exact."""
    left = len(text) - len(text.lstrip(" \t\n()—–-,;:"))
    core = text.strip(" \t\n()—–-,;:.")
    return core, start + left, start + left + len(core)


class _Pairs:
    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.seen: set[tuple[int, int]] = set()

    def add(self, topic: str, a: tuple[int, int], b: tuple[int, int], subject: str | None,
            by: tuple[str | None, str | None] = (None, None)) -> bool:
        ctx = self.ctx
        if (a[0], b[0]) in self.seen or any(len(content(ctx.text[s:e])) < 2 for s, e in (a, b)):
            return False
        self.seen.add((a[0], b[0]))
        for (start, end), polarity, speaker in ((a, 1, by[0]), (b, -1, by[1])):
            text, s, e = _strip(ctx.text[start:end], start)
            ctx.claims.append(
                ClaimDraft(subject=subject, by=speaker, topic=topic, text=text, start=s, end=e, polarity=polarity)
            )
        return True


def _partner(units: list[_Unit], i: int, anaphoric: bool) -> _Unit | None:
    """The earlier sentence a contrast at ``units[i]`` answers: content overlap, plus a bonus for
    the same speaker (when they share a word) and for the sentence right before."""
    me = units[i]
    best, best_score = None, MIN_SCORE - 1
    for j in range(i - 1, max(-1, i - 1 - LOOKBACK), -1):
        other = units[j]
        overlap = len(me.words & other.words)
        score = overlap
        quoted_both = any(_same_party(a, b) for a in me.speakers for b in other.speakers)
        if quoted_both or (overlap and _shares_speaker(me, other)):
            score += 2
        if j == i - 1 and (anaphoric or other.para == me.para):
            score += 2 if anaphoric else 1
        if score > best_score and len(other.words) >= 2:
            best, best_score = other, score
    return best


def _follow_up(units: list[_Unit], i: int) -> int:
    """End of the quotes right after a denial that spell it out ("X denied that. “…,” X said."):
    consecutive sentences quoting a party the denial names."""
    me = units[i]
    if me.quoted:
        return me.end
    end = me.end
    who = me.parties
    for unit in units[i + 1 : i + 1 + FOLLOW]:
        if unit.para > me.para + 1 or not any(_same_party(a, b) for a in who for b in unit.speakers):
            break
        end = unit.end
    return end


def _speaker(unit: _Unit) -> str | None:
    return next((sp for _, _, sp in unit.quoted if sp), None)


def _negated(text: str) -> set[str]:
    """Stems of the lower-case words right after each negation ("had not approved the plan" →
    approv, plan): what the negation falls on. Empty when the text is not negated."""
    out: set[str] = set()
    for neg in NEGATION.finditer(text):
        following = re.findall(r"[^\W\d_]+", text[neg.end() : neg.end() + 40])[:3]
        out |= {stem(w) for w in following if w.islower() and len(w) >= 4 and w not in STOP}
    return out


def _same_speaker_reversals(ctx: DocContext, pairs: _Pairs) -> None:
    """Two short quotes of one speaker, in different paragraphs, on the same topic (three shared
    content words beside the speaker's name, a good part of the shorter one) where one is negated
    and the other is not."""
    quotes = sorted((q for q in ctx.quotes if q.speaker), key=lambda q: q.start)
    words = [content(q.text) - content(q.speaker or "") for q in quotes]
    negated = [_negated(q.text) for q in quotes]
    for x, qa in enumerate(quotes):
        for y in range(x + 1, len(quotes)):
            qb = quotes[y]
            if bool(negated[x]) == bool(negated[y]) or not _same_party(qa.speaker or "", qb.speaker or ""):
                continue
            if not (negated[x] | negated[y]) & words[x] & words[y]:
                continue  # the negation must fall on what both say: "had not approved" / "had approved"
            shared = len(words[x] & words[y])
            if shared < 3 or shared < REVERSAL_SHARE * min(len(words[x]), len(words[y])):
                continue
            if max(len(words[x]), len(words[y])) > REVERSAL_WORDS or "\n" not in ctx.text[qa.end : qb.start]:
                continue
            pairs.add(f"reversal:{qb.start}", (qa.start, qa.end), (qb.start, qb.end), qa.speaker,
                      (qa.speaker, qb.speaker))


def run(ctx: DocContext) -> None:
    units = _units(ctx)
    pairs = _Pairs(ctx)
    for index, unit in enumerate(units):
        text = unit.text
        topic_key = f"contrast:{unit.start}"
        internal = INTERNAL.search(text)
        if internal and internal.start() > 10:
            subject = _subject(ctx, unit.start, unit.end)
            if subject is not None:
                cut = unit.start + internal.start()
                pairs.add(topic_key, (unit.start, cut), (cut, unit.end), subject, (_speaker(unit), None))
            continue
        denial = DENIAL.search(text)
        if not (OPENING.search(text) or denial):
            continue
        anaphoric = bool(denial and ANAPHORIC.search(text) and len(unit.words) <= 8)
        earlier = _partner(units, index, anaphoric)
        if earlier is None:
            continue
        end = _follow_up(units, index) if denial else unit.end
        subject = _speaker(earlier) or _subject(ctx, earlier.start, unit.end)
        if subject is not None:
            pairs.add(topic_key, (earlier.start, earlier.end), (unit.start, end), subject,
                      (_speaker(earlier), _speaker(unit) or (next(iter(unit.parties)) if denial and
                                                             len(unit.parties) == 1 else None)))
    _same_speaker_reversals(ctx, pairs)
