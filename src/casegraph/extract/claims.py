"""Claims that a text itself sets against each other.

Reporters signal a contradiction with discourse markers: "However, X denied…", "(though in the end
they appealed to Y)", "(not the Z)", "X hardly has anything to do with…". This component finds a
sentence carrying such a marker and pairs it with what it contradicts: the other half of the same
sentence when the marker is internal, else the earlier nearby sentence it shares most content words
with. Each pair becomes two :class:`ClaimDraft` records sharing a ``topic`` key, from which
:mod:`casegraph.analyse.contradictions` builds contradictions. It is deliberately lexical and
language-light: a reviewer confirms or rejects every pair.
"""

from __future__ import annotations

import re

from casegraph.extract.context import ClaimDraft, DocContext, Sentence

# Markers that open a contrast inside a sentence: the text before and after them disagree.
INTERNAL = re.compile(
    r"\((?:though|although|that said|but|not|however)\b|;\s*(?:however|but)\b|,\s*(?:but|though|although|whereas)\s"
    r"|—\s*(?:but|though)\b|\((?:хотя|но|однако|не)\s|,\s*(?:но|однако|хотя)\s",
    re.IGNORECASE,
)
# Markers that set a whole sentence against something said before it.
OPENING = re.compile(
    r"^(?:however|but|yet|in fact|actually|nevertheless|instead|contrary to)\b|,\s*however,|\bhowever\b"
    r"|^(?:однако|но|тем не менее|на самом деле)\b|,\s*однако,",
    re.IGNORECASE,
)
# Verbs and adverbs by which a sentence denies or corrects what came before.
DENIAL = re.compile(
    r"\b(?:denied|denies|disputed|disputes|refuted|refutes|corrected|no longer|hardly|contrary"
    r"|отрицал|отрицает|опроверг|опровергает|больше не|вовсе не)\b",
    re.IGNORECASE,
)
WORD = re.compile(r"[^\W\d_]{4,}", re.UNICODE)
STOP = frozenset(
    "that this with from have were which what when where there their they them then than also into about after "
    "before would could should said told says other been being some such only just more most very even over "
    "under while because though although however these those your ours mine here does doesn didn wasn isn "
    "will shall might must each every much many once whole".split()
)
LOOKBACK = 4  # sentences before a contrast that may hold what it contradicts


def stem(word: str) -> str:
    """A crude, language-light stem: enough to match 'appealed' with 'appeal'."""
    word = word.lower()
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def content(text: str) -> set[str]:
    return {stem(w) for w in WORD.findall(text) if w.lower() not in STOP}


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


def _pair(ctx: DocContext, topic: str, a: tuple[int, int], b: tuple[int, int], subject: str | None) -> None:
    if any(len(content(ctx.text[start:end])) < 2 for start, end in (a, b)):
        return
    for (start, end), polarity in ((a, 1), (b, -1)):
        text, s, e = _strip(ctx.text[start:end], start)
        ctx.claims.append(ClaimDraft(subject=subject, by=None, topic=topic, text=text, start=s, end=e,
                                     polarity=polarity))


def _earlier_match(ctx: DocContext, index: int, words: set[str]) -> Sentence | None:
    best, best_overlap = None, 1
    for sentence in reversed(ctx.sentences[max(0, index - LOOKBACK):index]):
        overlap = len(words & content(sentence.text))
        if overlap > best_overlap:
            best, best_overlap = sentence, overlap
    return best


def run(ctx: DocContext) -> None:
    for index, sentence in enumerate(ctx.sentences):
        text = sentence.text
        topic_key = f"contrast:{sentence.start}"
        internal = INTERNAL.search(text)
        if internal and internal.start() > 10:
            subject = _subject(ctx, sentence.start, sentence.end)
            if subject is not None:
                cut = sentence.start + internal.start()
                _pair(ctx, topic_key, (sentence.start, cut), (cut, sentence.end), subject)
            continue
        if OPENING.search(text) or DENIAL.search(text):
            earlier = _earlier_match(ctx, index, content(text))
            if earlier is None:
                continue
            subject = _subject(ctx, earlier.start, sentence.end)
            if subject is not None:
                _pair(ctx, topic_key, (earlier.start, earlier.end), (sentence.start, sentence.end), subject)
