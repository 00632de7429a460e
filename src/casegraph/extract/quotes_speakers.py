"""Finding who speaks: the subject of a speech verb, pronouns and their gender, roles, an
organisation's voice, and the quotation spans of a text.

Why a module of its own: both direct quotes (:mod:`quotes`) and reported speech
(:mod:`quotes_reported`) ask the same questions about a speech verb (who is its subject, whom does
"she" stand for, to whom was it said, when), so the answers live here, in :class:`Speakers`, and
neither of those modules imports the other's internals.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from casegraph.extract import speech
from casegraph.extract.context import DocContext, PartyMention
from casegraph.extract.names import surname_gender
from casegraph.extract.vocab.roles import HONORIFICS, ROLE_HEADS, ROLE_MODIFIERS

CLOSERS = {'"': '"', "“": "”", "«": "»", "„": "“”"}
TERM_RE = re.compile(r"[.!?…]+(?=\s|$)")
WORD_RE = re.compile(r"\w+")
ADVERB_RE = re.compile(r"^(?:\w+ly|also|then|later|again|once|further|simply|himself|herself|же|также|тоже)$")
# Russian dialogue inside one pair of marks: «Part one, — said X, — part two».
INNER_ATTRIBUTION_RE = re.compile(
    r"(?<=[,.!?…])\s+[—–-]{1,2}\s+(?P<attr>[^«»“”\"—–]{2,100}?)[,.:]\s+[—–-]{1,2}\s+"
)
# Between a verb and its inverted subject ("said Ionov", "— рассказал «Медузе» Ионов") only marks.
INVERSION_GAP_RE = re.compile(r"^[\s,«»“”\"—–-]*(?:the\s+)?$", re.IGNORECASE)
# A subject separated from the verb by one of these belongs to another clause.
CLAUSE_BREAK_RE = re.compile(r";|,\s*(?:but|and|while|whereas|although|though|however)\b|\bbut\b")
# Words that may stand between a quote and its speaker's name: "…,” Auditor General Jane Roe said".
TITLE_WORDS = ROLE_HEADS | ROLE_MODIFIERS | HONORIFICS | {"the", "of", "for"}
# Words joining two quoted fragments of one statement: "she said “A” and “B”".
JOINERS = frozenset({"", "and", "or", "but", "и", "а", "но", "а также"})
MALE_RE = re.compile(r"(?<![\w-])(?:he|him|his|himself|mr\.?|он|его|ему|ним)(?![\w-])", re.IGNORECASE)
FEMALE_RE = re.compile(
    r"(?<![\w-])(?:she|her|hers|herself|mrs\.?|ms\.?|miss|она|её|ее|ей|ней)(?![\w-])", re.IGNORECASE
)
TITLE_SMALL_WORDS = frozenset("a an and as at by for from in of on or the to with".split())

@dataclass
class QuoteSpan:
    """One pair of quotation marks (or one part of a pair split by an inner attribution)."""

    open: int  # offset of the opening mark
    close: int  # offset of the closing mark, or the paragraph end when the quote is left open
    start: int  # inner text, whitespace trimmed
    end: int
    para: int
    closed: bool = True
    attr: tuple[int, int] | None = None  # an attribution found inside the marks (Russian dialogue)
    speaker: str | None = None
    audience: str | None = None
    date: str | None = None
    confidence: float = 0.0
    accepted: bool = False
    attributed: bool = False  # by a speech verb next to it, not inherited


class Speakers:
    """Speaker lookups over one document's text, mentions and quotation spans."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.text = ctx.text
        mentions = ctx.mentions or [m for p in ctx.parties.values() for m in p.mentions]
        self.mentions: list[PartyMention] = sorted(mentions, key=lambda m: (m.start, m.end))
        self.starts = [m.start for m in self.mentions]
        self.paras = paragraphs(self.text)
        self.spans = scan(self.text, self.paras)
        self.long = [s for s in self.spans if nwords(self.text[s.start : s.end]) >= 4]
        self._genders: dict[str, dict[int, str | None]] = {}
        self._resolved: dict[str, set[str]] = {}  # genders learnt from resolved pronouns

    # -- helpers ------------------------------------------------------------------------------
    def schema(self, key: str) -> str:
        party = self.ctx.parties.get(key)
        return party.schema if party else ""

    def masked(self, pos: int) -> bool:
        return any(s.open <= pos <= s.close for s in self.long)

    def in_any_quote(self, pos: int) -> bool:
        return any(s.open <= pos <= s.close for s in self.spans)

    def mentions_between(self, lo: int, hi: int) -> list[PartyMention]:
        i = bisect.bisect_left(self.starts, lo)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < hi:
            m = self.mentions[i]
            if m.end <= hi and not self.masked(m.start):
                out.append(m)
            i += 1
        return out

    def possessive(self, m: PartyMention) -> bool:
        return bool(speech.POSSESSIVE_AFTER_RE.match(self.text[m.end : m.end + 2]))

    def after_preposition(self, m: PartyMention, lo: int) -> bool:
        before = self.text[max(lo, m.start - 20) : m.start]
        before = re.sub(r"(?:\b(?:the|a|an)\s+|[«“\"])+$", "", before, flags=re.IGNORECASE)
        return bool(speech.PREPOSITION_BEFORE_RE.search(before))

    def sentence_bounds(self, para: int) -> list[int]:
        """Sentence starts inside a paragraph, ignoring terminators inside quotation marks."""
        p_lo, p_hi = self.paras[para]
        cuts = [p_lo]
        for m in TERM_RE.finditer(self.text, p_lo, p_hi):
            if not self.in_any_quote(m.start()):
                cuts.append(m.end())
        for s in self.spans:
            if s.para == para and s.closed and re.search(r"[.!?…]$", self.text[s.start : s.end]):
                if re.match(r"\s+[A-ZА-ЯЁ“«\"]", self.text[s.close + 1 : s.close + 3]):
                    cuts.append(s.close + 1)
        return sorted(set(cuts))

    # -- attribution ---------------------------------------------------------------------------
    def subject(self, lo: int, verb: re.Match[str], hi: int) -> tuple[str | None, bool]:
        """The party saying something with ``verb``; the bool tells whether a pronoun was resolved."""
        word = verb.group().lower()
        if speech.ACCORDING_RE.fullmatch(word):
            return self.according(verb, hi)
        if word in speech.IMPERSONAL_VERBS:
            return self.impersonal(lo, verb, hi)
        located = self.located_speaker(lo, verb)
        if located:
            return located, False
        voice = self.voice_before(lo, verb)
        if voice is not None:
            return voice, True
        found = self.nlp_subject(verb, lo, hi)
        if found:
            return found
        speaker, via_pronoun = self.mention_subject(lo, verb, hi)
        if speaker is None:
            role = self.role_subject(lo, verb, hi)
            if role is not None:
                return role, True
        return speaker, via_pronoun

    def according(self, verb: re.Match[str], hi: int) -> tuple[str | None, bool]:
        """ "According to X, …", "по словам X, …": X is the first party of the phrase, up to its
        comma; after a role noun ("according to his lawyer, Jane Roe, …") the apposition counts."""
        pron = re.search(r"(?<![\w-])(?:его|ее|её)(?![\w-])", verb.group())
        if pron:
            return self.resolve_pronoun(verb.start() + pron.start(), pron.group()), True
        end = min(hi, verb.end() + 150)
        comma = re.search(r"[,;:.!?]", self.text[verb.end() : end])
        first_end = verb.end() + comma.start() if comma else end
        found = [m for m in self.mentions_between(verb.end(), first_end) if not self.possessive(m)]
        if found:
            return found[0].party, False
        phrase = self.text[verb.end() : first_end].lower().split()
        if comma and comma.group() == "," and phrase and role_word(phrase[-1]):
            after = [m for m in self.mentions_between(first_end, end) if not self.possessive(m)]
            if after and not self.text[first_end + 1 : after[0].start].strip():
                return after[0].party, False
        return None, False

    def impersonal(self, lo: int, verb: re.Match[str], hi: int) -> tuple[str | None, bool]:
        """ "говорится в заявлении X", "«…», — говорилось в посте": the party owning the document
        named next to the verb; a document without an owner ("в своём посте", "в посте") belongs
        to whoever spoke last."""
        for d_lo, d_hi in ((lo, verb.start()), (verb.end(), min(hi, verb.end() + 80))):
            doc = speech.RU_DOCUMENT_RE.search(self.text, d_lo, d_hi)
            if doc is None:
                continue
            owner = self.text[doc.end() : doc.end() + 40]
            ms = self.mentions_between(doc.end(), doc.end() + 40)
            if ms and not self.text[doc.end() : ms[0].start].strip(" «\"„"):
                return ms[0].party, False
            if re.match(r"\s+[^\W\d_]", owner) and not re.search(r"сво|его|её|ее|их", doc.group()):
                return None, False  # the document of someone not named as a party
            return self.last_speaker(verb.start()), True
        return None, False

    def last_speaker(self, pos: int) -> str | None:
        """The subject of the nearest speech verb before ``pos`` (this or the previous paragraph)."""
        para = self.para_of(pos)
        p_lo = self.paras[max(0, para - 1)][0]
        verbs = [
            v
            for v in speech.SPEECH_VERB_RE.finditer(self.text, p_lo, pos)
            if not self.in_any_quote(v.start()) and v.group().lower() not in speech.IMPERSONAL_VERBS
        ]
        for v in reversed(verbs):
            v_para = self.para_of(v.start())
            cuts = self.sentence_bounds(v_para)
            lo = cuts[bisect.bisect_right(cuts, v.start()) - 1]
            speaker, _ = self.subject(lo, v, v.start())
            if speaker is not None:
                return speaker
        return None

    def located_speaker(self, lo: int, verb: re.Match[str]) -> str | None:
        """Russian impersonal plural: "В пресс-службе X сообщили", "в Минюсте ответили": the
        institution in the locative phrase speaks (a dative outlet beside it is the audience)."""
        word = verb.group().lower()
        if not self.ctx.language.startswith("ru") or not re.search(r"ли(?:сь)?$", word):
            return None
        for m in reversed(self.mentions_between(lo, verb.start())):
            before = self.text[max(lo, m.start - 40) : m.start]
            if re.search(r"(?<![\w-])во?\s+(?:[\w-]+\s+)?[«\"]?$", before, re.IGNORECASE):
                return m.party
        return None

    def role_subject(self, lo: int, verb: re.Match[str], hi: int) -> str | None:
        """A role noun as the subject ("said the minister", "— заявил депутат", "the lawyer said"):
        the person last named with that role word beside them."""
        after = re.match(r"[\s,—–-]*(?:the\s+)?((?:[\w-]+(?:['’]s)?\s+){0,2}[\w-]+)", self.text[verb.end() : hi])
        before = re.search(r"(?:^|[\s,—–-])(?:the\s+)?([\w-]+)\s*$", self.text[lo : verb.start()])
        for found in (after, before):
            if found is None:
                continue
            role = next((w for w in reversed(found.group(1).lower().split()) if role_word(w)), None)
            if role is not None:
                return self.person_with_role(role, verb.start())
        return None

    def person_with_role(self, role: str, pos: int) -> str | None:
        stem = role_stem(role)
        para = self.para_of(pos)
        p_lo = self.paras[max(0, para - 3)][0]
        for m in reversed(self.mentions_between(p_lo, pos)):
            if self.schema(m.party) != "Person" or m.start >= pos:
                continue
            near = self.text[max(0, m.start - 40) : min(len(self.text), m.end + 40)].lower()
            if re.search(rf"(?<![\w-]){re.escape(stem)}", near):
                return m.party
        return None

    def mention_subject(self, lo: int, verb: re.Match[str], hi: int) -> tuple[str | None, bool]:
        """The subject from party mentions and pronouns around the verb (no parse needed)."""
        cands = [
            m
            for m in self.mentions_between(lo, verb.start())
            if not self.possessive(m)
            and not self.after_preposition(m, lo)
            and not CLAUSE_BREAK_RE.search(self.text, m.end, verb.start())
            and not speech.in_relative_clause(self.text, lo, m.start, m.end, verb.start())
        ]
        pron = [
            p
            for p in speech.PERSON_PRONOUN_RE.finditer(self.text, lo, verb.start())
            if not self.masked(p.start())
        ]
        if pron and (not cands or pron[-1].start() > cands[-1].end):
            return self.resolve_pronoun(pron[-1].start()), True
        if cands:
            return cands[-1].party, False
        # inversion: "said Ionov", "— сказал Ионов", "according to Arapova"
        if not speech.is_object_verb(verb.group()):
            after: list[PartyMention] = []
            pos = verb.end()
            for m in self.mentions_between(verb.end(), min(hi, verb.end() + 80)):
                gap = self.text[pos : m.start]
                titled = not after and self.schema(m.party) == "Person" and role_gap(gap)
                if not (INVERSION_GAP_RE.match(gap) or titled):
                    break
                after.append(m)
                pos = m.end
            after = [m for m in after if not self.possessive(m)]
            people = [m for m in after if self.schema(m.party) == "Person"]
            pick = (people or after)[:1]
            if pick:
                return pick[0].party, False
            pron = list(speech.PERSON_PRONOUN_RE.finditer(self.text, verb.end(), min(hi, verb.end() + 12)))
            if pron:
                return self.resolve_pronoun(pron[0].start()), True
        return None, False

    def nlp_subject(self, verb: re.Match[str], lo: int, hi: int) -> tuple[str | None, bool] | None:
        """The parser's subject of the verb, kept only inside our own clause window (the parse of
        headings and captions glued to a sentence can hang a stray subject on the verb)."""
        doc = self.ctx.nlp_doc
        if doc is None or " " in verb.group() or verb.end() > self.ctx.parsed_chars:
            return None
        span = doc.char_span(verb.start(), verb.end(), alignment_mode="expand")
        if span is None or len(span) != 1:
            return None
        token = span[0]
        if token.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
            token = token.head  # "The institute paid the fine but said …": the first verb's subject
        subjects = [
            c
            for c in token.children
            if c.dep_ in ("nsubj", "nsubjpass") and lo <= c.idx < max(hi, verb.start())
        ]
        for child in sorted(subjects, key=lambda c: abs(c.idx - verb.start())):
            if speech.PERSON_PRONOUN_RE.fullmatch(child.text):
                return self.resolve_pronoun(child.idx), True
            voice = self.organisation_voice(child)
            if voice is not None:
                return voice, True
            lo, hi = child.left_edge.idx, child.right_edge.idx + len(child.right_edge)
            for m in self.mentions_between(lo, hi):
                if m.start <= child.idx < m.end or not self.possessive(m):
                    return m.party, False
        return None

    def voice_before(self, lo: int, verb: re.Match[str]) -> str | None:
        """ "its press service said" without a parse: the organisation last named in the paragraph
        speaks through the office its "its"/"their" points to."""
        found = VOICE_BEFORE.search(self.text, lo, verb.start())
        if found is None or found.group("noun").lower() not in VOICE_NOUNS:
            return None
        p_lo = self.paras[self.para_of(found.start())][0]
        orgs = [m for m in self.mentions_between(p_lo, found.start()) if self.schema(m.party) != "Person"]
        return orgs[-1].party if orgs else None

    def organisation_voice(self, noun: Any) -> str | None:
        """ "its press office told …", "their spokesman said": the organisation that "its"/"their"
        points back to, the last one named in the paragraph before the noun, speaks through it."""
        if noun.lower_ not in VOICE_NOUNS or not any(
            c.dep_ == "poss" and c.lower_ in ("its", "their") for c in noun.children
        ):
            return None
        lo = self.paras[self.para_of(noun.idx)][0]
        orgs = [m for m in self.mentions_between(lo, noun.idx) if self.schema(m.party) != "Person"]
        return orgs[-1].party if orgs else None

    def resolve_pronoun(self, pos: int, pronoun: str | None = None) -> str | None:
        """ "he"/"she" → the person most recently named as a subject before ``pos``: in the last
        sentence naming a person of a compatible gender, the one not governed by a preposition or
        a possessive. A party that spoke ("X, the firm's director, said") counts as a person."""
        if pronoun is None:
            pronoun = self.text[pos : pos + 4]
        female = bool(FEMALE_RE.match(pronoun))
        male = bool(MALE_RE.match(pronoun))
        para = self.para_of(pos)
        for p in range(para, max(-1, para - 3), -1):
            p_lo, p_hi = self.paras[p]
            chunk = self.text[p_lo:p_hi].strip()
            if p != para and not re.search(r"[.!?:…»”\"]$", chunk) and nwords(chunk) < 6:
                continue  # a photo credit or heading
            people = [
                m
                for m in self.mentions_between(p_lo, min(p_hi, pos))
                if (self.schema(m.party) == "Person" or self.speaks(m))
                and not (female and self.gender(m.party, pos) == "m")
                and not (male and self.gender(m.party, pos) == "f")
            ]
            if not people:
                continue
            cuts = self.sentence_bounds(p)
            last_start = cuts[bisect.bisect_right(cuts, people[-1].start) - 1]
            same = [m for m in people if m.start >= last_start]
            plain = [m for m in same if not self.after_preposition(m, last_start) and not self.possessive(m)]
            found = (plain or same)[0].party
            if male or female:
                self._resolved.setdefault(found, set()).add("m" if male else "f")
                self._genders.pop(found, None)
            return found
        return None

    def speaks(self, m: PartyMention) -> bool:
        """The mention is the subject of a speech verb: "X said", "X, the firm's director, said"."""
        rest = self.text[m.end : m.end + 120]
        gap = re.match(r"(?:\s*,[^,.;:!?«»“”\"]{1,90},)?\s*,?\s*(?:\w+ly\s+)?", rest)
        pos = m.end + (gap.end() if gap else 0)
        return speech.SPEECH_VERB_RE.match(self.text, pos) is not None

    def gender(self, key: str, pos: int) -> str | None:
        """ "m"/"f" when the text before ``pos`` marks the person's gender unambiguously: a title
        (Mr, Mrs, Ms) before a mention, or an earlier "he"/"she" resolved to them; failing those,
        a Slavic surname's ending (:func:`names.surname_gender`)."""
        cache = self._genders.setdefault(key, {})
        if pos in cache:
            return cache[pos]
        votes = set(self._resolved.get(key, ()))
        party = self.ctx.parties.get(key)
        for m in party.mentions if party else []:
            if m.start >= pos:
                continue
            before = self.text[max(0, m.start - 6) : m.start]
            if re.search(r"(?<![\w-])mr\.?\s+$", before, re.IGNORECASE):
                votes.add("m")
            elif re.search(r"(?<![\w-])(?:mrs|ms|miss)\.?\s+$", before, re.IGNORECASE):
                votes.add("f")
        if not votes and party is not None and party.schema == "Person":
            by_name = surname_gender(party.name)
            votes = {by_name} if by_name else votes
        cache[pos] = votes.pop() if len(votes) == 1 else None
        return cache[pos]

    def para_of(self, pos: int) -> int:
        starts = [p[0] for p in self.paras]
        return max(0, bisect.bisect_right(starts, pos) - 1)

    def audience(self, lo: int, hi: int, speaker: str | None, anchor: int | None = None) -> str | None:
        """The party right after an audience cue ("told X", "in a comment to X"); with an
        ``anchor`` (the speech verb) only cues near it count, nearest first."""
        found: list[tuple[int, str]] = []
        for cue in speech.AUDIENCE_CUE_RE.finditer(self.text, lo, hi):
            dist = 0 if anchor is None else min(abs(cue.start() - anchor), abs(cue.end() - anchor))
            if dist > 60:
                continue
            for m in self.mentions_between(cue.end(), min(hi, cue.end() + 45)):
                if m.party != speaker:
                    found.append((dist, m.party))
                    break
        return min(found)[1] if found else None

    def date(self, lo: int, hi: int, anchor: int) -> str | None:
        best = None
        for d in self.ctx.dates:
            if d.start >= lo and d.end <= hi and not self.masked(d.start):
                dist = min(abs(d.start - anchor), abs(d.end - anchor))
                if dist <= 60 and (best is None or dist < best[0]):
                    best = (dist, d.value)
        return best[1] if best else None


# Nouns through which an organisation speaks: "its press office", "their spokeswoman".
VOICE_NOUNS = frozenset(
    "office service spokesman spokeswoman spokesperson spokespeople representative representatives secretary"
    " department".split()
)


VOICE_BEFORE = re.compile(r"(?<![\w-])(?:its|their)\s+(?:[\w-]+\s+){0,2}?(?P<noun>[\w-]+)\s*$", re.I)


def paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out or [(0, len(text))]


def scan(text: str, paras: list[tuple[int, int]]) -> list[QuoteSpan]:
    """Pairs of double quotation marks per paragraph; « » nest, a mark left open closes at the
    paragraph end (the convention for quotes running over several paragraphs)."""
    spans: list[QuoteSpan] = []
    for p, (lo, hi) in enumerate(paras):
        i = lo
        while i < hi:
            opener = text[i]
            if opener not in CLOSERS:
                i += 1
                continue
            j, depth = i + 1, 0
            while j < hi:
                ch = text[j]
                if opener == "«" and ch == "«":
                    depth += 1
                elif ch in CLOSERS[opener]:
                    if depth == 0:
                        break
                    depth -= 1
                j += 1
            closed = j < hi
            spans.extend(split_inner(text, i, j, p, closed))
            i = j + 1
    return spans


def split_inner(text: str, open_: int, close: int, para: int, closed: bool) -> list[QuoteSpan]:
    start, end = trim_span(text, open_ + 1, close)
    if start >= end:
        return []
    parts: list[QuoteSpan] = []
    for m in INNER_ATTRIBUTION_RE.finditer(text, start, end):
        if not speech.SPEECH_VERB_RE.search(m.group("attr")):
            continue
        a, b = trim_span(text, start, m.start())
        parts.append(QuoteSpan(open_, m.start(), a, b, para, True, (m.start(), m.end())))
        open_, start = m.end() - 1, m.end()
    a, b = trim_span(text, start, end)
    parts.append(QuoteSpan(open_, close, a, b, para, closed, parts[-1].attr if parts else None))
    return [s for s in parts if s.start < s.end]


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def nwords(text: str) -> int:
    return len(WORD_RE.findall(text))


def role_word(word: str) -> bool:
    return speech.is_role_word(word)


def role_gap(gap: str) -> bool:
    """Between an inverted speech verb and its subject only a title may stand: "— сказал адвокат
    компании Иван Петров", "said company spokeswoman Jane Roe", "said the firm's lawyer, Jane Roe"."""
    if re.search(r"[^\w\s,'’«»“”\"-]", gap):
        return False
    words = [w.strip("'’-") for w in re.findall(r"[\w'’-]+", gap)]
    return (
        0 < len(words) <= 5
        and any(role_word(w) for w in words)
        and all(w.islower() or w.lower() in TITLE_WORDS or role_word(w) for w in words)
    )


def role_stem(word: str) -> str:
    word = word.strip(".,«»“”\"").lower()
    return next((stem for stem in speech.RU_ROLE_STEMS if word.startswith(stem)), word)


def title_cue(left: str) -> bool:
    """The words just before the opening mark make the quoted span a name, title or epithet."""
    tail = " ".join(left.split()[-4:])
    cue = speech.TITLE_CUE_RE.search(tail)
    return cue is not None and not speech.SPEECH_VERB_RE.search(tail[cue.end() :])


