"""Reported speech: "X said (that) …", "X asked to …", "according to X, …", "по словам X, …".

The clause a speech verb introduces becomes a quote of kind ``reported`` when the verb's subject is
a party. The speaker lookups it shares with direct quotes come from
:class:`casegraph.extract.quotes_speakers.Speakers`; :mod:`quotes` calls :func:`reported` and this
module imports nothing from it.
"""

from __future__ import annotations

import re

from casegraph.extract import speech
from casegraph.extract.context import QuoteDraft
from casegraph.extract.quotes_speakers import QuoteSpan, Speakers

REPORTED_THAT_RE = re.compile(
    r"^(?P<gap>[^.;:!?()“”«»\"]{0,90}?)(?:,\s*)?(?<![\w-])(?:that|что|будто)(?![\w-])\s*", re.IGNORECASE
)
REPORTED_PRONOUN_RE = re.compile(r"^\s+(?=(?:he|she|they|it|I|we|он|она|они)\s+\w)", re.IGNORECASE)
REPORTED_INFINITIVE_RE = re.compile(r"^\s+(?=(?:not\s+)?to\s+\w)", re.IGNORECASE)
PRONOUN_CLAUSE_VERBS = frozenset("said says added claimed claims insisted argued explained wrote".split())
WORD_RE = re.compile(r"\w+")


# What may open a sentence before "According to X, …": a connective ("But", "Однако").
LEAD_RE = re.compile(r"^[\s—–«“\"-]*(?:(?:but|and|yet|however|однако|но|а|и)[\s,]*)?$", re.IGNORECASE)


def reported(ex: Speakers) -> list[QuoteDraft]:
    """Reported clauses of every sentence, one per speech verb, never inside quotation marks."""
    out: list[QuoteDraft] = []
    direct = [s for s in ex.spans if s.accepted]
    for p, (_, p_hi) in enumerate(ex.paras):
        cuts = ex.sentence_bounds(p) + [p_hi]
        for lo, hi in zip(cuts, cuts[1:], strict=False):
            used = -1
            for verb in speech.SPEECH_VERB_RE.finditer(ex.text, lo, hi):
                if verb.start() < used or ex.in_any_quote(verb.start()):
                    continue
                if speech.ACCORDING_RE.fullmatch(verb.group()):
                    draft = according_clause(ex, lo, hi, verb, direct)
                else:
                    draft = reported_clause(ex, lo, hi, verb, direct)
                if draft:
                    out.append(draft)
                    used = draft.end
    return out

def reported_clause(
    ex: Speakers, lo: int, hi: int, verb: re.Match[str], direct: list[QuoteSpan]
) -> QuoteDraft | None:
    rest = ex.text[verb.end() : hi]
    word = verb.group().lower()
    m = REPORTED_THAT_RE.match(rest)
    if (
        m
        and len(WORD_RE.findall(m.group("gap"))) <= 10
        and not speech.SPEECH_VERB_RE.search(m.group("gap"))
    ):
        c_lo = verb.end() + m.end()
    elif word in speech.INFINITIVE_VERBS and (m := REPORTED_INFINITIVE_RE.match(rest)):
        c_lo = verb.end() + m.end()
    elif word in PRONOUN_CLAUSE_VERBS and (m := REPORTED_PRONOUN_RE.match(rest)):
        c_lo = verb.end() + m.end()
    elif word in PRONOUN_CLAUSE_VERBS and (c := bare_clause(ex, verb)) is not None:
        c_lo = c
    else:
        return None
    c_hi = hi
    in_paren = ex.text.count("(", lo, verb.start()) > ex.text.count(")", lo, verb.start())
    for stop in re.finditer(r"\)" if in_paren else r";|\s\((?=(?:[^()\s]+\s+){3})", ex.text[c_lo:hi]):
        if not ex.in_any_quote(c_lo + stop.start()):
            c_hi = c_lo + stop.start()
            break
    while c_hi > c_lo and (ex.text[c_hi - 1].isspace() or ex.text[c_hi - 1] in ".!?…,;:—–)"):
        if ex.text[c_hi - 1] == ")" and ex.text.count("(", c_lo, c_hi) >= ex.text.count(
            ")", c_lo, c_hi
        ):
            break
        c_hi -= 1
    if _nwords(ex.text[c_lo:c_hi]) < 4:
        return None
    for s in direct:
        overlap = min(c_hi, s.close + 1) - max(c_lo, s.open)
        if overlap > 0.5 * (c_hi - c_lo):
            return None
    speaker, _ = ex.subject(lo, verb, verb.start())
    if speaker is None:
        return None
    return QuoteDraft(
        speaker=speaker,
        audience=ex.audience(lo, c_lo, speaker, verb.start()),
        text=ex.text[c_lo:c_hi],
        kind="reported",
        start=c_lo,
        end=c_hi,
        date=ex.date(lo, c_lo, verb.start()),
        confidence=0.6,
    )

def according_clause(
    ex: Speakers, lo: int, hi: int, verb: re.Match[str], direct: list[QuoteSpan]
) -> QuoteDraft | None:
    """ "According to X, the firm paid …" / "По словам X, работы …": the rest of the sentence after
    the source phrase (its comma, or the comma closing an apposition after a role noun: "according
    to its lawyer, Jane Roe, …"); "The firm paid …, according to X." : the sentence before it."""
    text = ex.text
    speaker, _ = ex.according(verb, hi)
    if speaker is None:
        return None
    if LEAD_RE.match(text[lo : verb.start()]):
        comma = text.find(",", verb.end(), min(hi, verb.end() + 150))
        if comma < 0:
            return None
        phrase = text[verb.end() : comma].split()
        if phrase and speech.is_role_word(phrase[-1]):
            apposition = re.match(r",\s*[^,;.!?]{2,60},", text[comma:hi])
            if apposition and ex.mentions_between(comma, comma + apposition.end()):
                comma += apposition.end() - 1
        c_lo, c_hi = comma + 1, hi
    elif text[lo : verb.start()].rstrip().endswith(",") and not re.search(r"[,;:]", text[verb.end() : hi]):
        c_lo, c_hi = lo, text.rindex(",", lo, verb.start())
    else:
        return None  # a source phrase in mid-sentence: no contiguous clause to quote
    c_lo, c_hi = _trim(text, c_lo, c_hi)
    if _nwords(text[c_lo:c_hi]) < 4 or any(
        min(c_hi, s.close + 1) - max(c_lo, s.open) > 0.5 * (c_hi - c_lo) for s in direct
    ):
        return None
    return QuoteDraft(
        speaker=speaker,
        audience=None,
        text=text[c_lo:c_hi],
        kind="reported",
        start=c_lo,
        end=c_hi,
        date=ex.date(lo, hi, verb.start()),
        confidence=0.6,
    )


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Spaces at both ends and the sentence's closing punctuation off."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".!?…,;:—–"):
        end -= 1
    return start, end


def bare_clause(ex: Speakers, verb: re.Match[str]) -> int | None:
    """Start of a clause reported without "that" ("X said the firm had left"): the parse's
    clausal complement of the verb, with its own subject, right after the verb."""
    doc = ex.ctx.nlp_doc
    if doc is None or verb.end() > ex.ctx.parsed_chars:
        return None
    span = doc.char_span(verb.start(), verb.end(), alignment_mode="expand")
    if span is None or len(span) != 1:
        return None
    for child in span[0].children:
        if child.dep_ != "ccomp" or child.i <= span[0].i:
            continue
        first = child.left_edge
        if first.i != span[0].i + 1 or first.is_punct:
            return None
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
            return int(first.idx)
    return None


def _nwords(text: str) -> int:
    return len(WORD_RE.findall(text))
