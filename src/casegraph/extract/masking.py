"""Sentences with their party mentions masked as slots, shared by every frame-based component.

Why: a relation, a designation or an event is stated by a few grammatical frames around names. Each
sentence is *masked*: every party mention becomes a placeholder such as ``⟨P3⟩`` (person) or
``⟨O5⟩`` (organisation), so one readable regular expression per frame covers any names, coordinated
lists ("lawyers A and B") and both English and Russian, with or without a spaCy parse. The masked
sentences of a document are computed once and kept in ``DocContext.cache``; the draft helpers
(:func:`upsert`, :func:`add_text`, :func:`add_ref`) keep one draft per finding.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from casegraph.extract.context import DateMention, DocContext, Draft, PartyMention, Sentence, Span
from casegraph.extract.nominals import mentions_between, nominal_mentions
from casegraph.extract.vocab import roles as V

# ------------------------------------------------------------------------------------------
# Shared helpers: sentences, masking, drafts, pronouns
# ------------------------------------------------------------------------------------------

# a stop followed by a capitalised word, or a line break (abbreviations such as "U.S." stay inside)
_SENT_END = re.compile(r"(?<=[.!?])\s+(?=[«“\"'A-ZА-ЯЁ])|\n")
SLOT = r"⟨[PO]\d+⟩"
PSLOT = r"⟨P\d+⟩"
OSLOT = r"⟨O\d+⟩"
# A coordinated list of slots of one kind: "⟨P1⟩ and ⟨P2⟩", "⟨P1⟩, ⟨P2⟩, and former X ⟨P3⟩".
NOSTOP = r"(?:[^⟨.;]|\.(?=\S))"  # any character but a sentence stop or a name slot
# the words between list members are titles: capitalised (even inside case-insensitive frames) or
# title words ("Tom Reed and senator Ada Wolfe"), never any lowercase words ("X, appealed to the Y")
_TITLE_WORD = "|".join(re.escape(w) for w in sorted(V.ROLE_HEADS | V.ROLE_MODIFIERS, key=len, reverse=True))
_GLUE = (r"(?:\s*,\s*(?:and\s+|и\s+)?|\s+(?:and|и|&)\s+)(?:the\s+)?"
         rf"(?:(?:(?-i:[A-ZА-Я][\w.-]*)|(?:{_TITLE_WORD})(?![\w-]))\s+){{0,3}}")


def plist(slot: str) -> str:
    # a later member is never a possessor: in "⟨P1⟩, ⟨P2⟩'s daughter" ⟨P2⟩ is no list member
    return rf"{slot}(?:{_GLUE}{slot}(?!['’]s))*"


def sentences_of(ctx: DocContext) -> list[Sentence]:
    """The document's sentences; a plain punctuation split when no segmenter ran."""
    if ctx.sentences:
        return ctx.sentences
    out, pos = [], 0
    for brk in [*(m.end() for m in _SENT_END.finditer(ctx.text)), len(ctx.text)]:
        s, e = pos, brk
        while s < e and ctx.text[s].isspace():
            s += 1
        while e > s and ctx.text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append(Sentence(s, e, ctx.text[s:e]))
        pos = brk
    return out


def is_person(ctx: DocContext, key: str) -> bool:
    party = ctx.parties.get(key)
    return party is not None and party.schema == "Person"


@dataclass
class Masked:
    """A sentence with party mentions replaced by placeholders, and the way back to offsets."""

    sentence: Sentence
    text: str
    slots: list[PartyMention]
    origin: list[int]  # masked character index → offset in ctx.text

    def slot(self, token: str) -> PartyMention:
        return self.slots[int(token[2:-1])]

    def slots_in(self, chunk: str | None) -> list[PartyMention]:
        return [self.slot(t) for t in re.findall(SLOT, chunk or "")]

    @cached_property
    def low(self) -> str:
        """The masked text in lower case, for the cheap word tests that gate costly frames."""
        return self.text.lower()

    @cached_property
    def has_role(self) -> bool:
        """Whether the sentence holds any role word (frames built on ROLE are skipped if not)."""
        return has_role(self.text)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in ctx.text of the masked range [start, end)."""
        if end <= start:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1


def mask(ctx: DocContext, sent: Sentence, extra: list[PartyMention] | None = None) -> Masked:
    """Replace every (outermost, non-overlapping) party mention in the sentence by a placeholder;
    ``extra`` adds mentions found by description (:mod:`casegraph.extract.nominals`)."""
    found = sorted([*mentions_between(ctx, sent.start, sent.end), *(extra or [])],
                   key=lambda m: (m.start, -(m.end - m.start)))
    chosen: list[PartyMention] = []
    for m in found:
        if m.party not in ctx.parties:
            continue
        if chosen and m.start < chosen[-1].end:
            continue
        chosen.append(m)
    text: list[str] = []
    origin: list[int] = []
    pos = sent.start
    for i, m in enumerate(chosen):
        text.append(ctx.text[pos:m.start])
        origin.extend(range(pos, m.start))
        kind = "P" if is_person(ctx, m.party) else "O"
        token = f"⟨{kind}{i}⟩"
        text.append(token)
        # every placeholder character maps into the mention, the last one to its last character
        origin.extend([m.start] * (len(token) - 1) + [m.end - 1])
        pos = m.end
    text.append(ctx.text[pos:sent.end])
    origin.extend(range(pos, sent.end))
    return Masked(sent, "".join(text), chosen, origin)


def masked_sentences(ctx: DocContext, nominal: bool = False, gate: re.Pattern[str] | None = None
                     ) -> Iterator[Masked]:
    """Every sentence masked; with ``nominal``, descriptions such as "the trust" become slots too.
    A ``gate`` skips sentences without any word a caller's frames need. Masks are made once per
    document (several components read them) and remade only if the mentions changed since."""
    memo: dict[int, Masked] = ctx.cache.setdefault(f"masked:{nominal}:{len(ctx.mentions)}", {})
    for i, sent in enumerate(sentences_of(ctx)):
        if gate is not None and not gate.search(sent.text):
            continue
        found = memo.get(i)
        if found is None or found.sentence is not sent:
            found = memo[i] = mask(ctx, sent, nominal_mentions(ctx, sent) if nominal else None)
        yield found


def upsert(ctx: DocContext, key: str, schema: str, span: tuple[int, int], confidence: float) -> Draft:
    """The draft with this key, created if new. A relation stated twice in a document is one draft:
    later statements add their values (with their own spans) to it."""
    for draft in ctx.drafts:
        if draft.key == key:
            draft.confidence = max(draft.confidence, confidence)
            return draft
    draft = Draft(key=key, schema=schema, span=Span(*span), confidence=confidence, origin="extract:relations")
    ctx.drafts.append(draft)
    return draft


def add_text(draft: Draft, prop: str, value: str, start: int, end: int) -> None:
    """Add a text value unless the draft already holds it (keeps roles and names unique)."""
    value = " ".join(value.split())
    if value and not any(v.prop == prop and v.value.lower() == value.lower() for v in draft.values):
        draft.add(prop, value, start, end)


def add_ref(draft: Draft, prop: str, mention: PartyMention) -> None:
    if not any(v.prop == prop and v.ref and v.start == mention.start for v in draft.values):
        draft.add(prop, mention.party, mention.start, mention.end, ref=True)


def person_before(ctx: DocContext, offset: int, sentence: Sentence | None = None) -> PartyMention | None:
    """Resolve "he"/"his": the first person named in the sentence before the pronoun (usually the
    subject), else the last person named earlier in the paragraph."""
    if sentence is not None:
        for m in mentions_between(ctx, sentence.start, offset):
            if is_person(ctx, m.party):
                return m
    para = ctx.text.rfind("\n\n", 0, offset)
    for m in reversed(mentions_between(ctx, max(para, 0), offset)):
        if is_person(ctx, m.party):
            return m
    return None


def dates_near(ctx: DocContext, start: int, end: int) -> list[DateMention]:
    return [d for d in ctx.dates if d.start >= start and d.end <= end]


# A cheap test that a stretch of text holds a role word at all, run before the costly ROLE
# searches (most windows hold none).
_ROLE_WORDS = frozenset(w for r in V.ALL_ROLES if not re.search(r"[а-яё]", r) for w in r.split())
_ROLE_STEMS_RU = tuple(re.sub(r"[аяоеёыийуюь]+$", "", w)[:6] for r in V.ALL_ROLES if re.search(r"[а-яё]", r)
                       for w in r.split()[-1:])


def has_role(text: str) -> bool:
    for word in re.findall(r"[\w-]+", text.lower()):
        if word in _ROLE_WORDS or word.rstrip("s") in _ROLE_WORDS or word.startswith(_ROLE_STEMS_RU):
            return True
    return False
