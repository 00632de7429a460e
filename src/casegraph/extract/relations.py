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

Sentence masking lives in :mod:`masking`, recording in :mod:`relations_base`; the clause, dependency and
in-passing frames are components of their own.
"""

from __future__ import annotations

import re

from casegraph.extract.context import DocContext, PartyMention
from casegraph.extract.masking import (
    NOSTOP,
    OSLOT,
    PSLOT,
    SLOT,
    Masked,
    dates_near,
    has_role,
    is_person,
    masked_sentences,
    person_before,
    plist,
)
from casegraph.extract.nominals import mentions_between
from casegraph.extract.registry import component
from casegraph.extract.relations_base import (
    NEGATION,
    ROLE,
    body_for_title,
    body_in_sentence,
    lawyer_at,
    record,
    record_role,
)
from casegraph.extract.vocab import roles as V
from casegraph.extract.vocab.trie import trie_pattern

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
# (:func:`body_for_title`) is looked up among the organisations of the document
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
    return bool(NEGATION.search(text))


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
            org = m.slot(before.group("org")) if before.group("org") else body_for_title(ctx, title)
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
            body = body_for_title(ctx, bare.group("role")) or body_in_sentence(ctx, m, bare.group("role"))
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


@component("relations", requires=("parties", "dates"), assigns=("relations", "relations:titles"))
def run(ctx: DocContext) -> None:
    """Append relation drafts for every title, founding, possessive, membership, representation
    and link frame found in every sentence."""
    ctx.sort()
    for m in masked_sentences(ctx, nominal=True):
        if not m.slots:
            continue
        for frame in FRAMES:
            frame(ctx, m)
