"""Who said what to whom: direct quotes (text inside quotation marks) and reported speech
("X told Y that ..."), each with speaker, audience and, when stated, the date of the statement.

Quotation marks are used for much more than speech in news writing (scare quotes, terms, titles of
works, company names, epithets), so a quoted span only becomes a quote when the grammar around it
attributes it: a speech verb with a party or pronoun next to it, a colon after a speaker, a full
clause after "that", or a clear continuation of an attributed quote. Works on plain text (English
and Russian); a spaCy doc, when present on the context, is only used to find verb subjects.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from casegraph.extract import quotes_reported, speech
from casegraph.extract.context import DocContext, PartyMention, QuoteDraft
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
class _Span:
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


class _Extractor:
    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.text = ctx.text
        mentions = ctx.mentions or [m for p in ctx.parties.values() for m in p.mentions]
        self.mentions: list[PartyMention] = sorted(mentions, key=lambda m: (m.start, m.end))
        self.starts = [m.start for m in self.mentions]
        self.paras = _paragraphs(self.text)
        self.spans = _scan(self.text, self.paras)
        self.long = [s for s in self.spans if _nwords(self.text[s.start : s.end]) >= 4]
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
        if comma and comma.group() == "," and phrase and _role_word(phrase[-1]):
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
        after = re.match(r"[\s,—–-]*(?:the\s+)?((?:[\w-]+\s+){0,2}?[\w-]+)", self.text[verb.end() : hi])
        before = re.search(r"(?:^|[\s,—–-])(?:the\s+)?([\w-]+)\s*$", self.text[lo : verb.start()])
        for found in (after, before):
            if found is None:
                continue
            role = next((w for w in reversed(found.group(1).lower().split()) if _role_word(w)), None)
            if role is not None:
                return self.person_with_role(role, verb.start())
        return None

    def person_with_role(self, role: str, pos: int) -> str | None:
        stem = _role_stem(role)
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
                titled = not after and self.schema(m.party) == "Person" and _role_gap(gap)
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

    def organisation_voice(self, noun: Any) -> str | None:
        """ "its press office told …", "their spokesman said": the organisation that "its"/"their"
        points back to, the last one named in the paragraph before the noun, speaks through it."""
        if noun.lower_ not in _VOICE_NOUNS or not any(
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
            if p != para and not re.search(r"[.!?:…»”\"]$", chunk) and _nwords(chunk) < 6:
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

    def attribute(self, s: _Span, lo: int, hi: int, verb: re.Match[str], base: float) -> bool:
        speaker, via_pronoun = self.subject(lo, verb, hi)
        if speaker is None and verb.start() < s.open:
            # the window may start after a quoted name («Газете») that belongs to the clause
            cuts = self.sentence_bounds(s.para)
            sent_lo = cuts[bisect.bisect_right(cuts, verb.start()) - 1]
            if sent_lo < lo:
                lo = sent_lo
                speaker, via_pronoun = self.subject(lo, verb, hi)
        if speaker is None:
            return False
        s.speaker, s.attributed, s.accepted = speaker, True, True
        s.confidence = base - (0.1 if via_pronoun else 0.0)
        s.audience = self.audience(lo, hi, speaker)
        s.date = self.date(lo, hi, verb.start())
        return True

    # -- windows -----------------------------------------------------------------------------
    def windows(self, i: int) -> tuple[tuple[int, int], tuple[int, int]]:
        s = self.spans[i]
        p_lo, p_hi = self.paras[s.para]
        prev = self.spans[i - 1] if i > 0 and self.spans[i - 1].para == s.para else None
        # the attribution after a quote may hold a quoted name («Газете»): only a long quote ends it
        nxt = next((t for t in self.long if t.open > s.close and t.para == s.para), None)
        lo = prev.close + 1 if prev else p_lo
        for m in TERM_RE.finditer(self.text, lo, s.open):
            lo = m.end()
        hi_limit = nxt.open if nxt else p_hi
        right_lo = min(s.close + 1, hi_limit)
        stop = TERM_RE.search(self.text, right_lo, hi_limit)
        return (lo, s.open), (right_lo, stop.end() if stop else hi_limit)

    def classify(self, i: int) -> None:
        s = self.spans[i]
        inner = self.text[s.start : s.end]
        n = _nwords(inner)
        (l_lo, l_hi), (r_lo, r_hi) = self.windows(i)
        left = self.text[l_lo:l_hi]
        right = self.text[r_lo:r_hi]
        punct_end = bool(re.search(r"[,.!?…]$", inner))
        if n < 2 or (n < 4 and not punct_end):
            return
        if _title_cue(left) and not (
            n >= 5 and speech.DESCRIBE_RE.search(left) and re.search(r"(?<![\w-])as\s*$", left)
        ):
            return  # "described X as “the …”" is the subject's own wording; "as a “…”" an epithet
        if s.attr:  # «…, — сказал X, — …»
            a_lo, a_hi = s.attr
            verb = speech.SPEECH_VERB_RE.search(self.text, a_lo, a_hi)
            if verb and self.attribute(s, a_lo, a_hi, verb, 0.9):
                return
        # after: "“…,” Ionov said." / "“…,” said Ionov." / "«…», — сказал он «Медузе»."
        verb = speech.SPEECH_VERB_RE.search(self.text, r_lo, r_hi)
        if verb and self.adjacent_after(r_lo, verb) and not self.closed_by_left(s, inner, l_lo, l_hi) and \
                self.attribute(s, r_lo, r_hi, verb, 0.9):
            return
        if n < 4:
            return
        stripped = left.rstrip()
        verbs = [
            v for v in speech.SPEECH_VERB_RE.finditer(self.text, l_lo, l_hi) if not self.masked(v.start())
        ]
        # before: "Ionov said: “…”", "he asserted in conversation with X: “…”"
        if stripped.endswith((":", ",")) and verbs and self.attribute(s, l_lo, l_hi, verbs[-1], 0.9):
            return
        if stripped.endswith(":") and self.colon_speaker(s, l_lo, l_hi):
            return
        # the quote as the verb's object: "В нём он просил «…»", "she wrote “…” and left"
        if verbs and verbs[-1].end() == l_lo + len(stripped) and not self.title_case(inner):
            if self.attribute(s, l_lo, l_hi, verbs[-1], 0.7):
                return
        # "According to X, the firm “…”": the source phrase covers its whole sentence
        according = [v for v in verbs if speech.ACCORDING_RE.fullmatch(v.group().lower())]
        if according and according[0].start() - l_lo < 3 and self.attribute(s, l_lo, l_hi, according[0], 0.75):
            return
        # after "that": "informed the Ministry that “the organization receives …”;"
        clause_end = not right.strip() or right.lstrip()[:1] in ".;,!?)" or punct_end
        if re.search(r"(?<![\w-])(?:that|что)$", stripped, re.IGNORECASE) and clause_end and n >= 5:
            cue = verbs[-1:] or list(speech.STATEMENT_NOUN_RE.finditer(self.text, l_lo, l_hi))[-1:]
            if cue and self.attribute(s, l_lo, l_hi, cue[-1], 0.75):
                return
            if verbs and self.common_noun_subject(verbs[-1], l_lo):
                s.accepted, s.attributed, s.confidence = True, True, 0.5  # "his office said that “…”"
                s.date = self.date(l_lo, l_hi, verbs[-1].start())
                return
        # a clause-like quote closing a sentence with a speaker: "X told Y that this was “…”."
        if n >= 6 and verbs and clause_end and stripped[-1:].isalnum() and not self.title_case(inner):
            if self.attribute(s, l_lo, l_hi, verbs[-1], 0.6):
                return
            if speech.THAT_RE.search(self.text, verbs[-1].end(), s.open) and self.common_noun_subject(
                verbs[-1], l_lo
            ):
                s.accepted, s.attributed, s.confidence = True, True, 0.5  # "the office said that X “…”"

    def common_noun_subject(self, verb: re.Match[str], lo: int) -> bool:
        """The parse gives the verb a common-noun subject in the clause ("the office said",
        "a spokesperson said"): a speaker we cannot name, but a speaker."""
        doc = self.ctx.nlp_doc
        if doc is None or verb.end() > self.ctx.parsed_chars:
            return False
        span = doc.char_span(verb.start(), verb.end(), alignment_mode="expand")
        if span is None or len(span) != 1:
            return False
        return any(
            c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.idx >= lo and c.i < span[0].i for c in span[0].children
        )

    def closed_by_left(self, s: _Span, inner: str, l_lo: int, l_hi: int) -> bool:
        """ "X said the speed was “the most telling detail.” Y told us …": a quote that ends its
        sentence with a full stop, after a speech verb of its own sentence, belongs to that verb;
        the name and verb after it open the next sentence."""
        if not inner.rstrip().endswith(".") or self.text[s.close + 1 : s.close + 2] == ",":
            return False
        return any(not self.masked(v.start()) for v in speech.SPEECH_VERB_RE.finditer(self.text, l_lo, l_hi))

    def adjacent_after(self, r_lo: int, verb: re.Match[str]) -> bool:
        """The speech verb right after a quote is its attribution: only a speaker (with an
        apposition or an adverb) may stand between them."""
        gap = self.text[r_lo : verb.start()]
        core = gap.strip(" \t,—–-:")
        if not core:
            return True
        ms = self.mentions_between(r_lo, verb.start())
        prons = list(speech.PERSON_PRONOUN_RE.finditer(self.text, r_lo, verb.start()))
        heads = [m.start for m in ms] + [p.start() for p in prons]
        if not heads:
            return False
        first = min(heads)
        lead = self.text[r_lo:first].strip(" \t,—–-:")
        if lead and not all(w.lower() in TITLE_WORDS or _role_word(w) for w in WORD_RE.findall(lead)):
            return False  # only a title may precede the name: "…,” Deputy Mayor Jane Roe said"
        ends = [m.end for m in ms if m.start == first] + [p.end() for p in prons if p.start() == first]
        rest = self.text[max(ends) : verb.start()].strip()
        words = WORD_RE.findall(rest)
        if all(ADVERB_RE.match(w.lower()) for w in words) and len(words) <= 2:
            return True
        return rest.startswith(",") and rest.endswith(",") and len(words) <= 16

    def colon_speaker(self, s: _Span, lo: int, hi: int) -> bool:
        """ "X offered the following advice: “…”": the subject before the colon speaks."""
        cands = [
            m
            for m in self.mentions_between(lo, hi)
            if not self.possessive(m) and not self.after_preposition(m, lo)
        ]
        if not cands:
            return False
        s.speaker, s.accepted, s.attributed, s.confidence = cands[0].party, True, True, 0.7
        s.audience = self.audience(lo, hi, s.speaker)
        return True

    def title_case(self, inner: str) -> bool:
        if self.ctx.language.startswith("ru"):
            return False
        words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", inner) if w.lower() not in TITLE_SMALL_WORDS]
        if len(words) < 2:
            return False
        caps = sum(1 for w in words if w[0].isupper())
        return caps / len(words) >= 0.7

    # -- continuation --------------------------------------------------------------------------
    def inherit(self) -> None:
        spans = self.spans
        for _ in range(2):  # forward then backward sweep, for "“A.” “B,” he said."
            for i, s in enumerate(spans):
                if s.accepted or not self.standalone(i) or _nwords(self.text[s.start : s.end]) < 4:
                    continue
                if self.title_case(self.text[s.start : s.end]) or _title_cue(
                    self.text[self.windows(i)[0][0] : s.open]
                ):
                    continue
                src, conf = self.source_for(i)
                if src is not None:
                    s.speaker, s.audience, s.date = src.speaker, src.audience, src.date
                    s.accepted, s.confidence = True, conf

    def standalone(self, i: int) -> bool:
        """Nothing but a dash before the quote in its sentence; or only "and"/"or" after an
        earlier quote of the same sentence ("she said “A” and “B”")."""
        (l_lo, l_hi), _ = self.windows(i)
        left = self.text[l_lo:l_hi].strip(" \t—–-,")
        if not left:
            return True
        prev = self.spans[i - 1] if i > 0 else None
        return (
            prev is not None
            and prev.para == self.spans[i].para
            and prev.close + 1 == l_lo
            and left.lower() in JOINERS
        )

    def source_for(self, i: int) -> tuple[_Span | None, float]:
        s = self.spans[i]
        same = [t for t in self.spans if t.para == s.para and t.accepted and t.speaker]
        before = [t for t in same if t.open < s.open]
        if before:
            return before[-1], 0.75
        after = [t for t in same if t.open > s.open and t.attributed]
        if after and not self.text[s.close + 1 : after[0].open].strip():
            return after[0], 0.75
        cue = self.paragraph_speaker(s)
        if cue is not None:
            return cue, 0.5
        if not s.closed:  # a quote left open runs on into the next paragraph's attributed quote
            nxt = [t for t in self.spans if t.para == s.para + 1]
            if nxt and nxt[0].attributed and self.standalone(self.spans.index(nxt[0])):
                return nxt[0], 0.5
        # first quote of a paragraph continuing the previous paragraph's quote
        if s.para == 0 or any(t.para == s.para and t.open < s.open for t in self.spans):
            return None, 0.0
        prev = [t for t in self.spans if t.para == s.para - 1]
        p_lo, p_hi = self.paras[s.para - 1]
        outside = re.sub(r"\s", "", self.text[self.paras[s.para][0] : self.paras[s.para][1]])
        for t in self.spans:
            if t.para == s.para:
                outside = outside.replace(re.sub(r"\s", "", self.text[t.open : t.close + 1]), "")
        if prev and prev[-1].accepted and prev[-1].speaker:
            if not prev[-1].closed or not re.search(r"\w", outside):
                return prev[-1], 0.5
        if self.text[p_lo:p_hi].rstrip().endswith(":") and prev and prev[-1].speaker:
            return prev[-1], 0.5
        return None, 0.0

    def paragraph_speaker(self, s: _Span) -> _Span | None:
        """A speaker cue earlier in the paragraph ("Petrova said so. “…”"), as a pseudo-span."""
        if _nwords(self.text[s.start : s.end]) < 5:
            return None
        p_lo = self.paras[s.para][0]
        verbs = [
            v
            for v in speech.SPEECH_VERB_RE.finditer(self.text, p_lo, s.open)
            if not self.in_any_quote(v.start())
        ]
        if not verbs:
            return None
        cuts = self.sentence_bounds(s.para)
        lo = cuts[bisect.bisect_right(cuts, verbs[-1].start()) - 1]
        speaker, _ = self.subject(lo, verbs[-1], s.open)
        if speaker is None:
            return None
        return _Span(lo, lo, lo, lo, s.para, speaker=speaker, audience=self.audience(lo, s.open, speaker))

    # -- driver --------------------------------------------------------------------------------
    def run(self) -> list[QuoteDraft]:
        for i in range(len(self.spans)):
            self.classify(i)
        self.inherit()
        found = [
            QuoteDraft(
                s.speaker,
                s.audience,
                self.text[s.start : s.end],
                "direct",
                s.start,
                s.end,
                s.date,
                s.confidence,
            )
            for s in self.spans
            if s.accepted
        ]
        found += quotes_reported.reported(self)
        return sorted(found, key=lambda q: q.start)


# Nouns through which an organisation speaks: "its press office", "their spokeswoman".
_VOICE_NOUNS = frozenset(
    "office service spokesman spokeswoman spokesperson spokespeople representative representatives secretary"
    " department".split()
)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out or [(0, len(text))]


def _scan(text: str, paras: list[tuple[int, int]]) -> list[_Span]:
    """Pairs of double quotation marks per paragraph; « » nest, a mark left open closes at the
    paragraph end (the convention for quotes running over several paragraphs)."""
    spans: list[_Span] = []
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
            spans.extend(_split_inner(text, i, j, p, closed))
            i = j + 1
    return spans


def _split_inner(text: str, open_: int, close: int, para: int, closed: bool) -> list[_Span]:
    start, end = _trim(text, open_ + 1, close)
    if start >= end:
        return []
    parts: list[_Span] = []
    for m in INNER_ATTRIBUTION_RE.finditer(text, start, end):
        if not speech.SPEECH_VERB_RE.search(m.group("attr")):
            continue
        a, b = _trim(text, start, m.start())
        parts.append(_Span(open_, m.start(), a, b, para, True, (m.start(), m.end())))
        open_, start = m.end() - 1, m.end()
    a, b = _trim(text, start, end)
    parts.append(_Span(open_, close, a, b, para, closed, parts[-1].attr if parts else None))
    return [s for s in parts if s.start < s.end]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _nwords(text: str) -> int:
    return len(WORD_RE.findall(text))


def _role_word(word: str) -> bool:
    return speech.is_role_word(word)


def _role_gap(gap: str) -> bool:
    """Between an inverted speech verb and its subject only a title may stand: "— сказал адвокат
    компании Иван Петров", "said company spokeswoman Jane Roe", "said the firm's lawyer, Jane Roe"."""
    if re.search(r"[^\w\s,'’«»“”\"-]", gap):
        return False
    words = [w.strip("'’-") for w in re.findall(r"[\w'’-]+", gap)]
    return (
        0 < len(words) <= 5
        and any(_role_word(w) for w in words)
        and all(w.islower() or w.lower() in TITLE_WORDS or _role_word(w) for w in words)
    )


def _role_stem(word: str) -> str:
    word = word.strip(".,«»“”\"").lower()
    return next((stem for stem in speech.RU_ROLE_STEMS if word.startswith(stem)), word)


def _title_cue(left: str) -> bool:
    """The words just before the opening mark make the quoted span a name, title or epithet."""
    tail = " ".join(left.split()[-4:])
    cue = speech.TITLE_CUE_RE.search(tail)
    return cue is not None and not speech.SPEECH_VERB_RE.search(tail[cue.end() :])


def find_quotes(ctx: DocContext) -> list[QuoteDraft]:
    """Direct and reported quotes in ``ctx.text``, without touching ``ctx``."""
    return _Extractor(ctx).run()


def run(ctx: DocContext) -> None:
    ctx.quotes.extend(find_quotes(ctx))
