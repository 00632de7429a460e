"""Relations between parties → FtM interval entities (Directorship, Ownership, Membership,
Employment, Representation, Associate, UnknownLink).

Why this shape: a relation is stated by a few recurring grammatical frames around two names —
a title before a name ("Agency Director X"), an apposition after it ("X, the founder of Y"), a
relative clause ("Y, which was founded by X"), a verb ("X registered Y"). Each sentence is
*masked*: every party mention becomes a placeholder such as ``⟨P3⟩`` (person) or ``⟨O5⟩``
(organisation), so one readable regular expression per frame covers any names, coordinated
lists ("lawyers A and B") and both English and Russian, with or without a spaCy parse.
The frames and the role vocabulary (:mod:`casegraph.extract.vocab.roles`) are generic; nothing
here knows about a particular case.

The masking helpers are shared by :mod:`designations` and :mod:`events`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from casegraph.extract.context import DateMention, DocContext, Draft, PartyMention, Sentence, Span
from casegraph.extract.nominals import mentions_between, nominal_mentions
from casegraph.extract.vocab import roles as V
from casegraph.extract.vocab.trie import trie_pattern

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
    A ``gate`` skips sentences without any word a caller's frames need."""
    for sent in sentences_of(ctx):
        if gate is not None and not gate.search(sent.text):
            continue
        yield mask(ctx, sent, nominal_mentions(ctx, sent) if nominal else None)


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


RU_END = r"[аяоеёыийуюьмх]{0,4}"  # a Russian case ending: "директором", "председателя", "генеральным"


def ru_stem(word: str) -> str:
    """A Russian word as a pattern for any of its case forms ("владелец" → "владел(?:ец|ьц)…")."""
    if word.endswith("ец"):
        return re.escape(word[:-2]) + r"(?:ец|ьц)" + RU_END
    stem = re.sub(r"[аяоеёыийуюь]+$", "", word)
    return re.escape(stem if len(stem) >= 3 else word) + RU_END


def _role_re() -> str:
    words = []
    for role in V.ALL_ROLES:
        if re.search(r"[а-яё]", role):  # Russian titles inflect word by word ("генеральным директором")
            words.append(r"\s+".join(ru_stem(w) for w in role.split()))
        else:  # English ones may be plural
            words.append(r"\s+".join(re.escape(w) for w in role.split()) + r"(?:s|es)?")
    mods = "|".join([*(re.escape(m) for m in V.TITLE_MODIFIERS),
                     *(re.escape(m) + RU_END for m in V.TITLE_MODIFIERS_RU)])
    one = rf"(?:(?:{mods})\s+)*(?:{'|'.join(words)})"
    return rf"(?i:{one}(?:\s+(?:and|&|и)\s+{one})*)(?!\w)"


ROLE = _role_re()
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
_NEGATION = re.compile(r"\b(?:not|never|no\s+longer|n[’']t|denied|не|никогда)\b", re.I)


def split_roles(role: str) -> list[str]:
    return [r.strip() for r in re.split(r"\s+(?:and|&|и)\s+", role) if r.strip()]


# ------------------------------------------------------------------------------------------
# Recording a relation
# ------------------------------------------------------------------------------------------

_PROPS = {
    "Directorship": ("director", "organization", "role"),
    "Ownership": ("owner", "asset", "role"),
    "Membership": ("member", "organization", "role"),
    "Employment": ("employee", "employer", "role"),
    "Representation": ("agent", "client", "role"),
    "Associate": ("person", "associate", "relationship"),
    "UnknownLink": ("subject", "object", "role"),
    "Family": ("person", "relative", "relationship"),
}


def record(ctx: DocContext, schema: str, subj: PartyMention, obj: PartyMention, sent: Sentence,
           role: tuple[str, int, int] | None = None, confidence: float = 0.7,
           start_date: DateMention | None = None) -> Draft | None:
    """Append (or extend) the relation draft linking ``subj`` to ``obj``."""
    if subj.party == obj.party:
        return None
    if schema == "Associate" and not (is_person(ctx, subj.party) and is_person(ctx, obj.party)):
        schema = "UnknownLink"
    sp, op, rp = _PROPS[schema]
    draft = upsert(ctx, f"rel:{schema}:{subj.party}:{obj.party}", schema, (sent.start, sent.end), confidence)
    add_ref(draft, sp, subj)
    add_ref(draft, op, obj)
    if role:
        add_text(draft, rp, role[0], role[1], role[2])
    if start_date:
        add_text(draft, "startDate", start_date.value, start_date.start, start_date.end)
    return draft


def record_role(ctx: DocContext, m: Masked, person: PartyMention, org: PartyMention, role_text: str,
                r_start: int, r_end: int, confidence: float) -> None:
    """Record one relation per coordinated role ("founder and director") of person at org."""
    s, e = m.span(r_start, r_end)
    for part in split_roles(role_text) or [role_text]:
        kind = V.role_kind(part)
        if kind is None:
            continue
        schema = "Directorship" if kind == "founder" else kind
        role = "founder" if kind == "founder" else " ".join(part.lower().split())
        record(ctx, schema, person, org, m.sentence, (role, s, e), confidence)


# ------------------------------------------------------------------------------------------
# Frames
# ------------------------------------------------------------------------------------------

# "Agency Director ⟨P⟩", "⟨O⟩’s Deputy Head, ⟨P⟩", "First Deputy Foreign Minister ⟨P⟩"
# lowercase office words may qualify a title too ("the health minister, ⟨P⟩")
_MODIFIER_WORD = trie_pattern(w for w in V.ROLE_MODIFIERS if w.isalpha())
_TITLE_BEFORE = re.compile(
    rf"(?<![\w⟩])(?:(?P<org>{OSLOT})(?:['’]s)?[\s,]+)?"
    rf"(?P<title>(?:(?:[A-ZА-Я][\w.-]*|(?i:{_MODIFIER_WORD})(?!\w))\s+){{0,4}}?{ROLE})\s*,?\s*$")
# "⟨P⟩, the founder of ⟨O⟩", "⟨P⟩ — director of the X branch of ⟨O⟩", "⟨P⟩ as Vice President of ⟨O⟩"
_APPOS_AFTER = re.compile(
    rf"\s*(?:,\s*who\s+(?:is|was|has\s+been|had\s+been|remains|became)\b|,|—|–|-|\(|\bas\b|\bis\b|\bwas\b|"
    rf"\bhas\s+been\b|\bbecame\b|\bremains\b|—\s*\w+\s+as\b)\s*"
    rf"(?:(?:the|a|an|its|his|her|their|also|now|then|currently)\s+)*"
    rf"(?P<role>(?:[\w.-]+\s+){{0,2}}?{ROLE})\s+(?:(?P<prep>of|at|for|in|with|to|от|в)\s+)?(?:the\s+)?"
    rf"(?P<fill>(?:[\w.-]+\s+){{0,4}}?(?:(?:of|at)\s+(?:the\s+)?)?)(?P<org>{SLOT})"
    # "treasurer of ⟨O⟩'s county branch": a post in a unit of the body makes its holder a member of it
    rf"(?P<unit>['’]s\s+(?:[\w-]+\s+){{0,2}}?(?:branch|chapter|office|unit|division|wing|cell|section)\b)?")
# "⟨P⟩, a deputy minister responsible for exports,": a title with no body named; the body it implies
# (:func:`_body_for_title`) is looked up among the organisations of the document
_APPOS_BARE = re.compile(
    rf"\s*,\s*(?:a|an|the)\s+(?P<role>(?:[\w.-]+\s+){{0,2}}?{ROLE})"
    rf"(?=\s*[,.;]|\s+(?:responsible|in\s+charge|who|since|until|at\s+the\s+time)\b)", re.I)
# "⟨P⟩ as ⟨O⟩ Vice President"
_AS_ORG_TITLE = re.compile(rf"\s*(?:,|as|—)\s*(?:the\s+)?(?P<org>{OSLOT})(?:['’]s)?\s+(?P<role>{ROLE})")
# "the founder of ⟨O⟩, ⟨P⟩"
_ROLE_OF_ORG_PERSON = re.compile(  # (?<!\w): a role starts a word, so skip positions inside words fast
    rf"(?<!\w)(?P<role>{ROLE})\s+(?:of|at)\s+(?:the\s+)?(?P<org>{OSLOT})\s*[,—–]\s*(?P<person>{PSLOT})")
_ROLE_OF_TAIL = re.compile(rf"\b(?:of|at)\s+(?:the\s+)?{OSLOT}\s*[,—–]\s*{PSLOT}")  # cheap gate for the above
# "⟨O⟩, whose sole founder and director … is none other than ⟨P⟩"
_WHOSE = re.compile(
    rf"(?P<org>{SLOT}){NOSTOP}{{0,90}}?\bwhose\s+(?P<role>(?:\w+\s+){{0,2}}?{ROLE})(?:{NOSTOP}{{0,100}}?"
    rf"\b(?:is|was|are|were)\s+(?:none\s+other\s+than\s+|also\s+)?(?:(?:the|a|an)\s+[a-z][\w-]*\s+)?|\s*,?\s*)"
    rf"(?P<person>{PSLOT})", re.I)
# "⟨O⟩, which was founded by ⟨P⟩ (in March)"
_FOUNDED_BY = re.compile(
    rf"(?P<org>{OSLOT}){NOSTOP}{{0,40}}?\b(?:co-)?(?:founded|established|set\s+up|created|registered|launched)"
    rf"\s+by\s+(?:[a-z][\w-]*\s+){{0,2}}(?P<person>{SLOT})"
    rf"|(?P<org_ru>{OSLOT}){NOSTOP}{{0,40}}?\b(?:основан\w*|создан\w*|учрежден\w*)\s+(?P<person_ru>{SLOT})",
    re.I)
# "⟨P⟩ founded/registered … ⟨O⟩"
_FOUNDS = re.compile(
    rf"(?P<person>{PSLOT})\s+(?:[a-z]\w*\s+){{0,2}}?(?P<verb>{V.FOUND_VERBS_EN}|{V.FOUND_VERBS_RU})\b"
    rf"(?P<rest>(?:[^.;]|\.(?=\S))*)", re.I)
# "… with (the Belgian consultant) ⟨P⟩" after a founding verb's object
_CO_FOUNDER = re.compile(rf"\s*,?\s+with\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){{0,3}}?(?P<co>{plist(PSLOT)})")
# Russian object-first order: "⟨O⟩ «⟨O⟩» ⟨P⟩ учредил в 2018 году"
_FOUNDS_RU_OSV = re.compile(
    rf"(?P<orgs>(?:[«\"„]*{OSLOT}[»\"“”]*\s*)+)(?P<person>{PSLOT})\s+(?:[а-яё]+\s+)?(?P<verb>{V.FOUND_VERBS_RU})(?!\w)",
    re.I)
# "his company, ⟨O⟩", "⟨P⟩'s non-profit, ⟨O⟩"
_POSSESSIVE = re.compile(
    rf"(?:\b(?P<pron>his|her|their|его|её|ее|их)|(?P<owner>{PSLOT})['’]s)\s+(?:own\s+|new\s+)?"
    rf"(?P<noun>(?:{'|'.join(re.escape(n) for n in V.OWNED_ORG_NOUNS + V.LED_ORG_NOUNS)})"
    rf"(?:\s+organi[sz]ation)?)\s*,?\s*(?:the\s+|a\s+)?(?P<org>{OSLOT})", re.I)
# "⟨P⟩ and ⟨P⟩ were also honorary members of the ⟨O⟩"
_MEMBERS = re.compile(
    rf"(?P<members>{plist(PSLOT)})\s+(?:\w+\s+){{0,3}}?(?:is|was|are|were|became|become|remains?|"
    rf"являлся|является|стал)\s+(?:also\s+|both\s+|now\s+|still\s+)?(?:an?\s+|the\s+)?"
    rf"(?P<role>(?:[\w-]+\s+){{0,2}}?(?:members?|член\w*))\s+(?:of|in)?\s*(?:the\s+)?"
    rf"(?:[\w.-]+\s+){{0,3}}?(?P<org>{OSLOT})", re.I)
# "presented ⟨P⟩ with a certificate of honorary membership to their organization"
_MEMBERSHIP_GIVEN = re.compile(
    rf"\b(?:presented|gave|awarded|granted|offered|conferred)\s+(?:[\w.-]+\s+){{0,3}}?(?P<member>{PSLOT})"
    rf"{NOSTOP}{{0,60}}?\b(?P<role>(?:honorary\s+)?membership)"
    rf"(?:\s+(?:of|in|to)\s+(?:the\s+|their\s+|its\s+)?(?P<org>{OSLOT})?)?", re.I)
# "lawyers ⟨P⟩ and ⟨P⟩ — who are representing ⟨O⟩’s interests"
_REPRESENTS = re.compile(
    rf"(?P<agents>{plist(PSLOT)})[\s,—–-]*(?:(?:who|which)\s+)?(?:(?:are|is|was|were|has|have)\s+)?"
    rf"(?:been\s+)?(?:also\s+)?(?:represent\w*|представля\w*)\s+(?:the\s+interests\s+of\s+|интересы\s+)?"
    rf"(?P<client>{SLOT})", re.I)
_LINK = re.compile(
    rf"(?P<subj>{SLOT})(?P<mid>{NOSTOP}{{0,90}}?)\b(?P<how>{'|'.join(V.LINK_PHRASES_EN + V.LINK_PHRASES_RU)})"
    rf"\s+(?:[a-zа-я][\w-]*\s+){{0,2}}?(?P<obj>{SLOT})", re.I)
_HELPED = re.compile(
    rf"(?P<subj>{SLOT})\s+(?:[a-z]\w*\s+){{0,1}}?(?P<how>helped|assisted|aided|worked\s+with|"
    rf"collaborated\s+with|partnered\s+with|cooperated\s+with|teamed\s+up\s+with|помог\w*|сотрудничал\w*)"
    rf"\s+(?P<obj>{SLOT})", re.I)
_COOPERATE = re.compile(
    rf"\b(?P<how>(?:plans?|agreed|intends?|decided|promised|offered)\s+to\s+(?:cooperate|work|partner|"
    rf"collaborate)\s+with|signed\s+an?\s+(?:agreement|contract|memorandum)\s+with)\s+(?:[a-z][\w-]*\s+){{0,2}}?"
    rf"(?P<obj>{SLOT})", re.I)
# cheap substring tests run before the frames above (most sentences hold none of their key words)
_LINK_GATE = ("linked", "tied", "connected", "close", "associate", "affiliated", "ally", "allied", "связан",
              "близк", "соратник")
_HELPED_GATE = ("helped", "assisted", "aided", "with", "помог", "сотрудничал")
_FOUNDING_GATE = ("found", "establish", "set", "creat", "regist", "launch", "incorporat", "основ", "созда",
                  "учрежд", "учредил")
_PREP_BEFORE = re.compile(r"(?:\b(?:with|to|at|by|from|in|under|of|for|via|through)\s+(?:the\s+)?|['’]s\s+)$",
                          re.I)


_ORG_NOUNS = tuple({n[:5] for n in V.OWNED_ORG_NOUNS + V.LED_ORG_NOUNS})


def _negated(text: str) -> bool:
    return bool(_NEGATION.search(text))


def _body_for_title(ctx: DocContext, title: str) -> PartyMention | None:
    """"Justice Minister" → the document's Justice Ministry: match the title's stem words and the
    body noun its office implies against organisation names (generic, no list of bodies).
    Russian titles inflect and Russian ministries go by compounds ("заместитель министра
    экономического развития" → "Минэкономразвития"), so there stems match inside words."""
    words = re.findall(r"[\w-]+", title.lower())
    noun = next((k for w in reversed(words) for k in V.TITLE_BODY_NOUNS
                 if w == k or (re.match(r"[а-яё]", k) and w.startswith(k))), None)
    if noun is None:
        return None
    stop = set(V.TITLE_MODIFIERS) | {w for r in V.ALL_ROLES for w in r.split()}
    at = next((i for i, w in enumerate(words) if w.startswith(noun)), len(words))
    # modifiers before the office word qualify the post ("старшего помощника прокурора"), not the body
    stems = [w for i, w in enumerate(words) if w not in stop and not w.startswith(noun)
             and not any(w.startswith(r[:6]) for r in V.ALL_ROLES if re.match(r"[а-яё]", r))
             and not (i < at and w.startswith(V.TITLE_MODIFIERS_RU))]
    if not stems:
        return _only_body(ctx, noun)
    best: PartyMention | None = None
    for party in ctx.parties.values():
        if party.schema == "Person":
            continue
        for name in [party.name, *(a for a, _ in party.aliases)]:
            low = name.lower()
            russian = bool(re.match(r"[а-яё]", stems[0]))
            # "Минфин" abbreviates "финансов" to its first syllable
            cut = 3 if russian and any(low.startswith(p) for p in V.TITLE_BODY_PREFIXES.get(noun, ())) else 5
            bound = "" if russian else r"\b"
            if all(re.search(rf"{bound}{re.escape(s[:cut])}", low) for s in stems) and (
                    any(b in low for b in V.TITLE_BODY_NOUNS[noun])
                    or any(low.startswith(p) for p in V.TITLE_BODY_PREFIXES.get(noun, ()))):
                mention = party.mentions[0] if party.mentions else None
                if mention is None:
                    mention = PartyMention(party.name_span.start, party.name_span.end, party.name, party.key)
                if best is None or len(name) > len(best.text):
                    best = mention
    return best


def _body_in_sentence(ctx: DocContext, m: Masked, title: str) -> PartyMention | None:
    """A bare "X, a deputy minister," when the document names several ministries: the one body of
    the title's kind that the same sentence names ("… defended the ministry's process")."""
    words = re.findall(r"[\w-]+", title.lower())
    noun = next((k for w in reversed(words) for k in V.TITLE_BODY_NOUNS if w == k), None)
    if noun is None:
        return None
    found = {x.party: x for x in m.slots if not is_person(ctx, x.party) and any(
        b in n.lower() for n in [ctx.parties[x.party].name, *(a for a, _ in ctx.parties[x.party].aliases)]
        for b in V.TITLE_BODY_NOUNS[noun])}
    return next(iter(found.values())) if len(found) == 1 else None


def _only_body(ctx: DocContext, noun: str) -> PartyMention | None:
    """A bare "Deputy Minister X" / "министр X": the ministry, when the text names exactly one
    public body of that kind (a story about one ministry calls its officials by bare titles)."""
    if noun not in ("minister", "министр"):
        return None
    found = [p for p in ctx.parties.values() if p.schema != "Person" and any(
        b in n.lower() for n in [p.name, *(a for a, _ in p.aliases)] for b in V.TITLE_BODY_NOUNS[noun])]
    if len(found) != 1:
        return None
    party = found[0]
    if party.mentions:
        return party.mentions[0]
    return PartyMention(party.name_span.start, party.name_span.end, party.name, party.key)


def lawyer_at(ctx: DocContext, role: str, prep: str | None, org: PartyMention) -> bool:
    """"a barrister at X Chambers", "a partner with X LLP": a lawyer *at* an organisation works
    there; only "lawyer for/of/to X" names a client."""
    return prep is not None and prep.lower() in ("at", "with", "in", "в") and not is_person(ctx, org.party) and \
        V.role_kind(role) == "Representation"


def _fits(ctx: DocContext, role: str, anchor: PartyMention) -> bool:
    """A person can be the client of a lawyer or the employer of an aide, never a directed body."""
    return not is_person(ctx, anchor.party) or V.role_kind(role) in ("Representation", "Employment")


def _words_back(text: str, end: int, n: int) -> int:
    """The start of the ``n`` words before ``end`` (at most 200 characters back): a title with its
    body is a few words, and searching only there keeps the frame linear in sentence length."""
    floor = max(0, end - 200)
    pos = end
    for _ in range(n):
        pos = text.rfind(" ", floor, pos - 1)
        if pos < 0:
            return floor
    return pos


def _title_frames(ctx: DocContext, m: Masked) -> None:
    if not m.has_role:  # every frame here is built on a role word
        return
    for tok in re.finditer(PSLOT, m.text):
        person = m.slot(tok.group())
        # a title with its body fits in the 200 characters before the name; searching only there
        # keeps this linear in sentence length
        window = _words_back(m.text, tok.start(), 9)
        before = _TITLE_BEFORE.search(m.text, window, tok.start()) if has_role(
            m.text[window:tok.start()]) else None
        if before:
            title = before.group("title")
            org = m.slot(before.group("org")) if before.group("org") else _body_for_title(ctx, title)
            if org is not None:
                # "lawyers ⟨P1⟩ and ⟨P2⟩": a plural title covers every coordinated name; a
                # singular one only the first ("Health Minister ⟨P1⟩ and ⟨P2⟩ signed")
                plural = re.search(r"(?:s|ы|и)$", title.strip(), re.I)
                group = re.match(rf"{plist(PSLOT)}", m.text[tok.start():]) if plural else None
                for p in m.slots_in(group.group() if group else tok.group()):
                    record_role(ctx, m, p, org, title, before.start("title"), before.end("title"), 0.8)
        # match at the name's end (no slicing: a copy of the rest per name is quadratic)
        appos = _APPOS_AFTER.match(m.text, tok.end())
        if appos and not _negated(m.text[tok.end():appos.end("role")]) and _fits(
                ctx, appos.group("role"), m.slot(appos.group("org"))):
            org = m.slot(appos.group("org"))
            role = appos.group("role")
            if appos.group("unit"):
                record(ctx, "Membership", person, org, m.sentence, (" ".join(role.lower().split()),
                                                                    *m.span(*appos.span("role"))), 0.7)
            elif lawyer_at(ctx, role, appos.group("prep"), org):
                record(ctx, "Employment", person, org, m.sentence, (" ".join(role.lower().split()),
                                                                    *m.span(*appos.span("role"))), 0.75)
            else:
                record_role(ctx, m, person, org, role, appos.start("role"), appos.end("role"), 0.75)
        bare = None if appos else _APPOS_BARE.match(m.text, tok.end())
        if bare and not _negated(bare.group()):
            body = _body_for_title(ctx, bare.group("role")) or _body_in_sentence(ctx, m, bare.group("role"))
            if body is not None and body.party != person.party:
                record_role(ctx, m, person, body, bare.group("role"), bare.start("role"), bare.end("role"), 0.65)
        as_org = _AS_ORG_TITLE.match(m.text, tok.end())
        if as_org:
            record_role(ctx, m, person, m.slot(as_org.group("org")), as_org.group("role"),
                        as_org.start("role"), as_org.end("role"), 0.7)
    for hit in (_ROLE_OF_ORG_PERSON.finditer(m.text) if _ROLE_OF_TAIL.search(m.text) else ()):
        record_role(ctx, m, m.slot(hit.group("person")), m.slot(hit.group("org")), hit.group("role"),
                    hit.start("role"), hit.end("role"), 0.75)
    for hit in _WHOSE.finditer(m.text) if "whose" in m.low else ():
        record_role(ctx, m, m.slot(hit.group("person")), m.slot(hit.group("org")), hit.group("role"),
                    hit.start("role"), hit.end("role"), 0.8)


def _founding_frames(ctx: DocContext, m: Masked) -> None:
    sent = m.sentence
    if not any(w in m.low for w in _FOUNDING_GATE):
        return
    for hit in _FOUNDED_BY.finditer(m.text):
        org = m.slot(hit.group("org") or hit.group("org_ru"))
        founder = m.slot(hit.group("person") or hit.group("person_ru"))
        s, e = m.span(hit.start(), hit.end())
        date = next(iter(dates_near(ctx, founder.end, min(e + 30, sent.end))), None)
        record(ctx, "Directorship", founder, org, sent, ("founder", s, e), 0.8, start_date=date)
    for hit in _FOUNDS.finditer(m.text):
        person = m.slot(hit.group("person"))
        rest_start = hit.start("rest")
        for tok in re.finditer(OSLOT, hit.group("rest")):
            pos = rest_start + tok.start()
            if _PREP_BEFORE.search(m.text[max(rest_start, pos - 20):pos]):
                continue
            org = m.slot(tok.group())
            vs, ve = m.span(hit.start("verb"), hit.end("verb"))
            dates = dates_near(ctx, sent.start, sent.end)
            record(ctx, "Directorship", person, org, sent, ("founder", vs, ve), 0.75,
                   start_date=dates[0] if dates else None)
            # "X co-founded Y with Z": Z founded it too
            co = _CO_FOUNDER.match(m.text, rest_start + tok.end())
            for other in m.slots_in(co.group("co") if co else None):
                record(ctx, "Directorship", other, org, sent, ("founder", vs, ve), 0.75,
                       start_date=dates[0] if dates else None)
            break
    for hit in _FOUNDS_RU_OSV.finditer(m.text):
        person = m.slot(hit.group("person"))
        vs, ve = m.span(hit.start("verb"), hit.end("verb"))
        date = next(iter(dates_near(ctx, ve, sent.end)), None)
        for org in m.slots_in(hit.group("orgs")):
            record(ctx, "Directorship", person, org, sent, ("founder", vs, ve), 0.75, start_date=date)


def _possessive_frames(ctx: DocContext, m: Masked) -> None:
    if not any(n in m.low for n in _ORG_NOUNS):
        return
    for hit in _POSSESSIVE.finditer(m.text):
        org = m.slot(hit.group("org"))
        if hit.group("owner"):
            owner = m.slot(hit.group("owner"))
        else:
            ps, _ = m.span(hit.start("pron"), hit.end("pron"))
            found = person_before(ctx, ps, m.sentence)
            if found is None:
                continue
            owner = found
        noun = hit.group("noun").lower()
        s, e = m.span(hit.start("noun"), hit.end("noun"))
        if any(noun.startswith(n) for n in V.OWNED_ORG_NOUNS):
            record(ctx, "Ownership", owner, org, m.sentence, ("owner", s, e), 0.7)
        else:
            record(ctx, "Directorship", owner, org, m.sentence, ("head", s, e), 0.6)


def _membership_frames(ctx: DocContext, m: Masked) -> None:
    if "member" not in m.low and "член" not in m.low:
        return
    for hit in _MEMBERS.finditer(m.text):
        if _negated(m.text[hit.start():hit.end("role")]):
            continue
        org = m.slot(hit.group("org"))
        s, e = m.span(hit.start("role"), hit.end("role"))
        role = re.sub(r"s$", "", hit.group("role").lower().strip())
        for p in m.slots_in(hit.group("members")):
            record(ctx, "Membership", p, org, m.sentence, (role, s, e), 0.75)
    for hit in _MEMBERSHIP_GIVEN.finditer(m.text):
        member = m.slot(hit.group("member"))
        giver: PartyMention | None
        if hit.group("org"):
            giver = m.slot(hit.group("org"))
        else:  # "… to their organization": the giving organisation, the sentence's first one named
            giver = next((o for o in m.slots if not is_person(ctx, o.party)), None)
            if giver is None:
                giver = next((x for x in reversed(mentions_between(ctx, 0, m.sentence.start))
                              if not is_person(ctx, x.party)), None)
        if giver is None:
            continue
        s, e = m.span(hit.start("role"), hit.end("role"))
        role = "honorary member" if "honorary" in hit.group("role").lower() else "member"
        record(ctx, "Membership", member, giver, m.sentence, (role, s, e), 0.7)


def _representation_frames(ctx: DocContext, m: Masked) -> None:
    for hit in _REPRESENTS.finditer(m.text):
        client = m.slot(hit.group("client"))
        s, e = m.span(hit.start(), hit.end())
        for agent in m.slots_in(hit.group("agents")):
            record(ctx, "Representation", agent, client, m.sentence, ("lawyer", s, e) if re.search(
                r"lawyer|attorney|counsel|адвокат|юрист", m.sentence.text, re.I) else ("representative", s, e),
                0.75)


def _link_frames(ctx: DocContext, m: Masked) -> None:
    for regex, gate in ((_LINK, _LINK_GATE), (_HELPED, _HELPED_GATE)):
        if not any(w in m.low for w in gate):
            continue
        for hit in regex.finditer(m.text):
            if regex is _LINK and _negated(hit.group("mid")):
                continue
            s, e = m.span(hit.start("how"), hit.end("how"))
            how = " ".join(hit.group("how").lower().split())
            record(ctx, "Associate", m.slot(hit.group("subj")), m.slot(hit.group("obj")), m.sentence,
                   (how, s, e), 0.6)
    for hit in _COOPERATE.finditer(m.text):
        subject = None
        for tok in re.finditer(SLOT, m.text[: hit.start()]):
            if not _PREP_BEFORE.search(m.text[max(0, tok.start() - 20): tok.start()]):
                subject = m.slot(tok.group())
                break
        if subject is None:
            continue
        s, e = m.span(hit.start("how"), hit.end("how"))
        record(ctx, "UnknownLink", subject, m.slot(hit.group("obj")), m.sentence,
               (" ".join(hit.group("how").lower().split()), s, e), 0.6)


FRAMES = (_title_frames, _founding_frames, _possessive_frames, _membership_frames,
          _representation_frames, _link_frames)


def run(ctx: DocContext) -> None:
    """Append relation drafts for every frame found in every sentence, then those read off the
    dependency paths between mentions (:mod:`relations_dep`; a tie both find is one draft)."""
    ctx.sort()
    from casegraph.extract import relations_clauses, relations_dep  # they build on the helpers above

    frames = (*FRAMES, *relations_clauses.FRAMES)
    for m in masked_sentences(ctx, nominal=True):
        if not m.slots:
            continue
        for frame in frames:
            frame(ctx, m)
    relations_dep.run(ctx)
