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

from casegraph.extract import quotes_reported, speech
from casegraph.extract.context import DocContext, QuoteDraft
from casegraph.extract.quotes_speakers import (
    ADVERB_RE,
    JOINERS,
    TERM_RE,
    TITLE_SMALL_WORDS,
    TITLE_WORDS,
    VOICE_NOUNS,
    WORD_RE,
    QuoteSpan,
    Speakers,
    nwords,
    role_word,
    title_cue,
)
from casegraph.extract.registry import component


class _Extractor(Speakers):
    """Direct quotes: each quotation span classified, attributed and, failing that, inherited."""

    def attribute(self, s: QuoteSpan, lo: int, hi: int, verb: re.Match[str], base: float) -> bool:
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
        n = nwords(inner)
        (l_lo, l_hi), (r_lo, r_hi) = self.windows(i)
        left = self.text[l_lo:l_hi]
        right = self.text[r_lo:r_hi]
        punct_end = bool(re.search(r"[,.!?…]$", inner))
        if n < 2 or (n < 4 and not punct_end):
            return
        if title_cue(left) and not (
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

    def closed_by_left(self, s: QuoteSpan, inner: str, l_lo: int, l_hi: int) -> bool:
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
            # "…,” its press service said": an organisation speaking through its office
            words = WORD_RE.findall(core)
            return bool(words) and len(words) <= 4 and words[0].lower() in ("its", "their") and \
                words[-1].lower() in VOICE_NOUNS
        first = min(heads)
        lead = self.text[r_lo:first].strip(" \t,—–-:")
        if lead and not all(w.lower() in TITLE_WORDS or role_word(w) for w in WORD_RE.findall(lead)):
            return False  # only a title may precede the name: "…,” Deputy Mayor Jane Roe said"
        ends = [m.end for m in ms if m.start == first] + [p.end() for p in prons if p.start() == first]
        rest = self.text[max(ends) : verb.start()].strip()
        words = WORD_RE.findall(rest)
        if all(ADVERB_RE.match(w.lower()) for w in words) and len(words) <= 2:
            return True
        return rest.startswith(",") and rest.endswith(",") and len(words) <= 16

    def colon_speaker(self, s: QuoteSpan, lo: int, hi: int) -> bool:
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
                if s.accepted or not self.standalone(i) or nwords(self.text[s.start : s.end]) < 4:
                    continue
                if self.title_case(self.text[s.start : s.end]) or title_cue(
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

    def source_for(self, i: int) -> tuple[QuoteSpan | None, float]:
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

    def paragraph_speaker(self, s: QuoteSpan) -> QuoteSpan | None:
        """A speaker cue earlier in the paragraph ("Petrova said so. “…”"), as a pseudo-span."""
        if nwords(self.text[s.start : s.end]) < 5:
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
        return QuoteSpan(lo, lo, lo, lo, s.para, speaker=speaker, audience=self.audience(lo, s.open, speaker))

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



def find_quotes(ctx: DocContext) -> list[QuoteDraft]:
    """Direct and reported quotes in ``ctx.text``, without touching ``ctx``."""
    return _Extractor(ctx).run()


@component("quotes", requires=("parties", "dates"), assigns=("quotes",))
def run(ctx: DocContext) -> None:
    ctx.quotes.extend(find_quotes(ctx))

