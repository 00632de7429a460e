"""Dated acts → FtM Event (name, summary, date, involved, organizer, location), for the timeline.

Why: a timeline is built from clauses that carry both a date and the parties who acted then
("On 3 May, the Agency sent its report to the Ministry"). Each clause (a sentence cut at
semicolons and bullets) that holds a date mention and at least one party becomes one Event per
date; the action verb, when one is found, names the event and raises confidence. Recall matters
more than precision here: a reviewer deletes a spurious event faster than they find a missing one.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from casegraph.extract.context import DateMention, DocContext, Draft, PartyMention, Sentence, Span
from casegraph.extract.dates import paragraph_starts
from casegraph.extract.masking import SLOT, add_ref, add_text, is_person, mask, sentences_of
from casegraph.extract.registry import component

# Verbs of action (English past/present forms, Russian past stems). Generic vocabulary.
ACTION_VERBS = (
    r"sen[dt]s?|sending|fil(?:ed|es)|forward\w*|inform\w*|confirm\w*|issu\w+|order\w*|register\w*|"
    r"receiv\w+|held|hold\w*|host\w*|organi[sz]\w+|travel+\w*|visit\w*|met|meet\w*|announc\w+|sign\w*|"
    r"award\w*|won|win\w*|wr(?:o|i)te\w*|written|arrest\w*|detain\w*|charg\w+|convict\w*|sentenc\w+|"
    r"found(?:ed|s)|establish\w*|launch\w*|releas\w+|publish\w*|paid|pa(?:y|ys)|transferr?\w*|donat\w+|"
    r"grant\w*|gain\w*|obtain\w*|appeal\w*|complain\w*|su(?:ed|es)|challeng\w*|added|includ\w+|"
    r"recogni[sz]\w*|designat\w*|sanction\w*|presented|gave|spoke|speak\w*|attend\w*|took\s+place|"
    r"landed|returned|left|moved|joined|resign\w*|appoint\w*|elected|dismiss\w*|fired|bought|sold|"
    r"acquir\w+|merged|closed|opened|raid\w*|search\w*|seiz\w+|banned|blocked|denied|rejected|"
    r"approv\w+|decid\w+|asked|request\w*|demand\w*|submitt\w*|dated|took\s+part|participat\w+|"
    r"отправил\w*|направил\w*|подал\w*|сообщил\w*|подтвердил\w*|издал\w*|зарегистрировал\w*|получил\w*|"
    r"провел\w*|провёл|встретил\w*|объявил\w*|подписал\w*|наградил\w*|выиграл\w*|написал\w*|"
    r"арестова\w*|задержа\w*|основал\w*|создал\w*|внес\w*|внёс|признал\w*|перевел\w*|заплатил\w*"
)
_VERB = re.compile(rf"\b(?P<verb>{ACTION_VERBS})\b", re.I)
_HOST = re.compile(r"\b(?:held|hold\w*|host\w*|organi[sz]\w+|провел\w*|провёл)\b", re.I)
# Dates that only situate the writing, not an act ("published at the time", "as of May 3").
_CONTEXT_BEFORE = re.compile(r"(?:published|posted|updated|as\s+of|accessed|retrieved|опубликован\w*)\s*"
                             r"(?:on|in|at)?\s*$", re.I)
# "a decision published on Wednesday": publishing a body's own document is an act, not the article's dateline.
_ISSUED_DOCUMENT = re.compile(r"(?:decision|ruling|judg(?:e)?ment|report|findings|statement|letter|order|audit|"
                              r"review|verdict|решени\w+|доклад\w*|отч[её]т\w*|заявлени\w+|приговор\w*)\s+"
                              r"(?:was\s+|were\s+)?(?:published|posted|опубликован\w*)\s*(?:on|in|at)?\s*$", re.I)
_NEXT_DAY = re.compile(r"\b(?:the\s+)?(?:very\s+)?(?:next|following)\s+day\b|\bна\s+следующий\s+день\b", re.I)
# "On April 21 and 22": the second day of a date mention
_AND_DAY = re.compile(r"^\s*(?:and|&|-|–|to|и)\s*(?P<day>\d{1,2})\b(?!\s*(?:%|[,.]\d))")
_PRONOUN = re.compile(r"^\W*(?:[\w,]+\s+){0,4}?(?P<pron>he|she|it|they|он|она|оно|они)\b", re.I)
_CLAUSE_SPLIT = re.compile(r";|\s•\s|^\s*[•\-–]\s", re.M)
_HEADING_REST = re.compile(r"[\s.,:;–—\-•*()]*(?:(?i:on|by|in)\s*)?[\s.,:;–—\-•*()]*")
_PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
MAX_SUMMARY = 200
PRONOUN_REACH = 1500  # characters back in which "he"/"it" finds the party it stands for


UNCERTAIN_DATE_PENALTY = 0.2  # an event dated by a guessed year is a weaker fact for a reviewer


@dataclass
class _DateHit:
    value: str
    start: int
    end: int
    uncertain: bool = False  # placed by the document's own date, no publication date given


def clauses(sent: Sentence) -> list[tuple[int, int]]:
    """Cut a sentence at semicolons and bullets: each item of a chronology is its own act."""
    out, pos = [], sent.start
    for m in _CLAUSE_SPLIT.finditer(sent.text):
        end = sent.start + m.start()
        if end > pos:
            out.append((pos, end))
        pos = sent.start + m.end()
    if sent.end > pos:
        out.append((pos, sent.end))
    return out


def _shift_day(value: str, days: int) -> str | None:
    from datetime import date, timedelta

    try:
        return (date.fromisoformat(value) + timedelta(days=days)).isoformat()
    except ValueError:
        return None


def dates_of(ctx: DocContext, start: int, end: int, previous: DateMention | None) -> list[_DateHit]:
    """The clause's dates: its date mentions, a second day joined by "and", and "the next day"
    counted from the last full date before it when no date component resolved it."""
    found: list[_DateHit] = []
    for d in ctx.dates_in(start, end):
        if _CONTEXT_BEFORE.search(ctx.text[max(start, d.start - 25):d.start]) and not \
                _ISSUED_DOCUMENT.search(ctx.text[max(start, d.start - 45):d.start]):
            continue
        found.append(_DateHit(d.value, d.start, d.end, d.uncertain))
        more = _AND_DAY.match(ctx.text[d.end:end])
        if more and len(d.value) == 10:
            day = int(more.group("day"))
            if 1 <= day <= 31:
                found.append(_DateHit(f"{d.value[:8]}{day:02d}", d.end + more.start("day"), d.end + more.end("day")))
    for m in _NEXT_DAY.finditer(ctx.text, start, end):
        if any(h.start <= m.start() < h.end or m.start() <= h.start < m.end() for h in found):
            continue
        covered = [d for d in ctx.dates if d.start <= m.start() < d.end]
        if covered:
            continue
        base = [d for d in ctx.dates if d.end <= m.start() and len(d.value) == 10]
        anchor = base[-1] if base else previous
        if anchor is not None:
            value = _shift_day(anchor.value, 1)
            if value:
                found.append(_DateHit(value, m.start(), m.end()))
    return found


def _involved(ctx: DocContext, start: int, end: int, sent: Sentence) -> list[PartyMention]:
    m = mask(ctx, Sentence(start, end, ctx.text[start:end]))
    seen: set[str] = set()
    out: list[PartyMention] = []
    lead = _PRONOUN.match(m.text)
    first_slot = re.search(SLOT, m.text)
    if lead and (first_slot is None or lead.start("pron") < first_slot.start()):
        pron = lead.group("pron").lower()
        want_person = pron not in ("it", "оно", "они", "they")
        # the last party of the pronoun's kind named before it (the paragraph, or just before it)
        for x in reversed(ctx.mentions_in(max(0, start - PRONOUN_REACH), start)):
            if x.party in ctx.parties and (is_person(ctx, x.party) == want_person or pron in ("they", "они")):
                out.append(x)
                seen.add(x.party)
                break
    for slot in m.slots:
        if slot.party not in seen:
            seen.add(slot.party)
            out.append(slot)
    return out


def _summary(ctx: DocContext, start: int, end: int, focus: int) -> tuple[str, int, int]:
    text = ctx.text[start:end]
    if len(text) <= MAX_SUMMARY:
        return text.strip(), start, end
    s = max(start, min(focus - MAX_SUMMARY // 2, end - MAX_SUMMARY))
    e = min(end, s + MAX_SUMMARY)
    return ctx.text[s:e].strip(), s, e


def governing_verb(ctx: DocContext, offset: int, start: int, end: int) -> tuple[int, int] | None:
    """The verb the date modifies, read from the dependency parse ("On May 3, X, which was founded
    in March, announced…": May 3 → announced, March → founded). None without a parse."""
    doc = ctx.nlp_doc
    if doc is None:
        return None
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None or not len(span):
        return None
    token = span[0]
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") and start <= token.idx < end:
            return token.idx, token.idx + len(token.text)
        if token.head is token:
            break
        token = token.head
    return None


def _name(ctx: DocContext, start: int, end: int, verb: tuple[int, int] | None) -> tuple[int, int]:
    """The span naming the event: the verb and the start of its object ("sent the file to the
    agency"), or the clause's first words. Always a verbatim span, so the name points at its text."""
    if verb is None:
        words = list(re.finditer(r"\S+", ctx.text[start:end]))[:8]
        return start + words[0].start(), start + words[-1].end()
    obj = re.split(r"[,;:.()“”\"]|\s(?:on|in|at|after|before|when|which|who|that|from)\s",
                   ctx.text[verb[1]:end], maxsplit=1)[0]
    words = list(re.finditer(r"\S+", obj))[:5]
    return verb[0], (verb[1] + words[-1].end()) if words else verb[1]


def heading_date(ctx: DocContext, sent: Sentence) -> DateMention | None:
    """A sentence that is nothing but a date ("16 January 2023.", "March 1, 2023:") heads a
    chronology entry: the date holds for the rest of its paragraph."""
    inside = ctx.dates_in(sent.start, sent.end)
    if len(inside) != 1:
        return None
    d = inside[0]
    rest = ctx.text[sent.start:d.start] + ctx.text[d.end:sent.end]
    return d if _HEADING_REST.fullmatch(rest) else None


@component("events", requires=("parties", "dates"), assigns=("events",))
def run(ctx: DocContext) -> None:
    """Append one Event per (clause, date) where the clause names at least one party."""
    ctx.sort()
    previous: DateMention | None = None
    paragraphs = paragraph_starts(ctx.text)
    heading: tuple[int, DateMention] | None = None  # (paragraph index, date) of a chronology entry
    for sent in sentences_of(ctx):
        para = bisect.bisect_right(paragraphs, sent.start) - 1
        if heading is not None and heading[0] != para:
            heading = None
        head = heading_date(ctx, sent)
        if head is not None:
            heading = (para, head)
            if len(head.value) == 10:
                previous = head
            continue
        for start, end in clauses(sent):
            hits = dates_of(ctx, start, end, previous)
            full = [d for d in ctx.dates_in(start, end) if len(d.value) == 10]
            if full:
                previous = full[-1]
            if not hits and heading is not None:
                hits = [_DateHit(heading[1].value, heading[1].start, heading[1].end)]
            if not hits:
                continue
            involved = _involved(ctx, start, end, sent)
            for hit in hits:
                for p in _actors(ctx, hit.start, start, end):
                    if all(p.party != q.party for q in involved):
                        involved.append(p)
            if not involved:
                involved = _there(ctx, start, end)
            if not involved:
                continue
            clause = ctx.text[start:end]
            verbs = list(_VERB.finditer(clause))
            for hit in hits:
                verb = governing_verb(ctx, hit.start, start, end)
                if verb is None and verbs:
                    near = min(verbs, key=lambda v: abs(start + v.start() - hit.start))
                    verb = (start + near.start("verb"), start + near.end("verb"))
                summary, s0, e0 = _summary(ctx, start, end, hit.start)
                norm = re.sub(r"\W+", " ", summary.lower()).strip()[:80]
                key = f"event:{hit.value}:{norm}"
                draft = next((d for d in ctx.drafts if d.key == key), None)
                if draft is None:
                    draft = Draft(key=key, schema="Event", span=Span(start, end),
                                  confidence=(0.7 if verb else 0.45) - (UNCERTAIN_DATE_PENALTY if hit.uncertain else 0),
                                  origin="extract:events")
                    ctx.drafts.append(draft)
                    n0, n1 = _name(ctx, start, end, verb)
                    draft.add("name", ctx.text[n0:n1], n0, n1)
                    add_text(draft, "summary", summary, s0, e0)
                    add_text(draft, "date", hit.value, hit.start, hit.end)
                for p in involved:
                    add_ref(draft, "involved", p)
                if verb and _HOST.match(ctx.text[verb[0]:verb[1]]) and not is_person(ctx, involved[0].party):
                    add_ref(draft, "organizer", involved[0])
                _locations(ctx, draft, start, end)


_THERE = re.compile(r"(?i)\b(?:там|туда|оттуда|в\s+(?:этом|этой|том|той)\s+(?:ведомстве|управлении|суде|службе"
                    r"|министерстве|прокуратуре|комитете))\b")


def _there(ctx: DocContext, start: int, end: int) -> list[PartyMention]:
    """"Материалы переданы в управление X. 9 августа там возбудили дело": a clause that names no
    party but points back to a place ("там", "в этом ведомстве") acts through the organisations of
    the sentence before it (a Russian subjectless plural means "the people there")."""
    if _THERE.search(ctx.text, start, end) is None:
        return []
    sents = sentences_of(ctx)
    i = bisect.bisect_right([s.start for s in sents], start) - 1
    if i <= 0:
        return []
    prev = sents[i - 1]
    return [m for m in ctx.mentions_in(prev.start, prev.end) if not is_person(ctx, m.party)][-1:]


def _actors(ctx: DocContext, offset: int, start: int, end: int) -> list[PartyMention]:
    """Who did what the date dates, from the parse: the subject of the verb the date modifies, or,
    for a participle ("her claim, filed on 14 August"), the possessor of the noun it describes;
    a pronoun stands for the last party of its kind named before ("she" → the last woman or man)."""
    verb = governing_verb(ctx, offset, start, end)
    doc = ctx.nlp_doc
    if verb is None or doc is None:
        return []
    span = doc.char_span(verb[0], verb[1], alignment_mode="expand")
    if span is None or not len(span):
        return []
    token = span[0]
    candidates = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not candidates and token.dep_ in ("acl", "relcl"):
        candidates = [c for c in token.head.children if c.dep_ == "poss"]
    out: list[PartyMention] = []
    for cand in candidates[:1]:
        named = [m for m in ctx.mentions_in(cand.left_edge.idx, cand.idx + len(cand.text))]
        if named:
            out.append(named[-1])
        elif cand.lower_ in _PERSON_PRONOUNS:
            for x in reversed(ctx.mentions_in(max(0, cand.idx - PRONOUN_REACH), cand.idx)):
                if is_person(ctx, x.party):
                    out.append(x)
                    break
    return out


def _locations(ctx: DocContext, draft: Draft, start: int, end: int) -> None:
    """Places named in the clause (spaCy GPE/LOC/FAC), when an English parse is available."""
    for ent_start, ent_end, _label, text in ctx.ents_in(start, end, ("GPE", "LOC", "FAC")):
        add_text(draft, "location", text, ent_start, ent_end)
