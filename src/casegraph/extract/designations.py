"""Designations and sanctions → FtM Sanction (entity, authority, program, listingDate, summary).

Why: a listing ("the Ministry added X to its 'foreign agent' list", "recognised X as a foreign
agent", "U.S.-sanctioned X", "Минюст внёс X в реестр иноагентов") is a dated act by one body
against one party, and investigators filter on exactly that. The frames below work on sentences
masked by :func:`casegraph.extract.masking.mask`, so they are independent of the names; the
program is built from the list's own noun phrase, and one Sanction is kept per
(entity, program), however often the article repeats it.
"""

from __future__ import annotations

import re
from typing import Any

from casegraph.extract.context import DateMention, DocContext, Draft, PartyMention, Span
from casegraph.extract.masking import (
    NOSTOP,
    OSLOT,
    SLOT,
    Masked,
    add_ref,
    add_text,
    dates_near,
    is_person,
    masked_sentences,
    plist,
    sentences_of,
)
from casegraph.extract.registry import component
from casegraph.extract.vocab.trie import trie_pattern

_Q = r"[“”\"'‘’«»]"
# Names of the status a body confers ("foreign agent", "undesirable organisation", "иноагент").
STATUS = (rf"{_Q}?(?:foreign[\s-]+agents?(?:[\s-]+media)?|undesirable(?:\s+organi[sz]ations?)?|extremists?|"
          rf"terrorists?|terrorist\s+organi[sz]ations?|sanctions?|иноагент\w*|иностранн\w+\s+агент\w*|"
          rf"нежелательн\w+(?:\s+организаци\w*)?|экстремист\w*|террорист\w*){_Q}?")
LIST_NOUN = r"(?:list|registry|register|blacklist|database|реестр\w*|спис\w+|перечень|перечн\w+)"
_ADD_VERB = (r"(?:add(?:ed|s|ing)?|includ(?:ed|es|ing)|enter(?:ed|s)|put(?:s|ting)?|plac(?:ed|es|ing)|"
             r"list(?:ed|s)|внес\w*|внёс\w*|включил\w*|включени\w+|добавил\w*)")
_RECOGNISE_VERB = (r"(?:recogni[sz]\w*|designat\w*|declar\w*|label\w*|branded|named|"
                   r"призна\w*|объяви\w*)")
# the state behind an adjective such as "U.S.-sanctioned"
SANCTIONERS = {
    "u.s.": "United States", "us": "United States", "american": "United States", "ofac": "United States",
    "eu": "European Union", "european": "European Union", "uk": "United Kingdom", "british": "United Kingdom",
    "un": "United Nations", "canadian": "Canada", "swiss": "Switzerland", "australian": "Australia",
    "japanese": "Japan", "ukrainian": "Ukraine", "russian": "Russia",
}
_SANCTIONER = r"(?P<who>U\.S\.|US|American|OFAC|EU|European|UK|British|UN|Canadian|Swiss|Australian|Japanese|" \
              r"Ukrainian|Russian)"
# a name with the quotes that may stand around it («⟨O1⟩», ⟨O1⟩“»)
QSLOT = rf"[«\"„“]*{SLOT}[»\"“”]*"
# "its register of unreliable suppliers": a short "of …" tail ending the clause names the list
_LIST_TAIL = r"(?:\s+(?:of|for)\s+[^\s,.;⟨]+(?:\s+[^\s,.;⟨]+){0,3}?(?=\s*[,.;]|$))?"
_SANCTION_VERB = r"(?:sanction(?:ed|ing|s)?|designat(?:ed|ing|es)|blacklist(?:ed|ing|s)?)"
_FREEZE_VERB = r"(?:froze|frozen|freezes|freezing|freeze|заморозил\w*|заморожен\w*)"
# Words without which no frame below can match: sentences lacking all of them are skipped.
# Words without which no designation frame can match; a prefix trie, since the gate is searched in
# every sentence.
_GATE = re.compile("(?i)" + trie_pattern(
    "sanction list regist design recogni declar label brand named froze frozen freez under includ plac put enter "
    "add призна внес внёс включ добав объяв иноагент агент нежелательн экстремист террорист заморож санкц реестр "
    "спис перечн".split()))
_REQUEST = re.compile(r"\b(?:demand\w*|ask\w*|urg\w*|request\w*|call\w*\s+(?:on|for)|consider|wants?|"
                      r"seek\w*|propos\w*|(?:по)?проси\w*|(?:по)?требова\w*|призыва\w*|призвал\w*|предлож\w*|"
                      r"хочет|хотят)\b", re.I)

FRAMES = (
    # "⟨O⟩ added ⟨E⟩ to its 'foreign agent' list", "внёс ⟨E⟩ в реестр иноагентов"
    re.compile(rf"(?P<verb>{_ADD_VERB})\s+(?:(?:our|their|its|the)\s+[\w\s]{{0,25}}?,\s*)?(?P<ents>{plist(QSLOT)}),?"
               rf"\s+(?:to|on|in|into|onto|в|во)\s+(?:its|the|their|a|his|her)?\s*"
               rf"(?P<prog>{NOSTOP}{{0,60}}?{LIST_NOUN}(?:\s+(?:of\s+)?{NOSTOP}{{0,40}}?{STATUS}|{_LIST_TAIL}))", re.I),
    # "⟨E⟩, which the ⟨O⟩ added to its sanctions list in May"
    re.compile(rf"(?P<ents>{QSLOT}),\s+(?:which|who|whom|что|которую|которого|который)\s+(?:the\s+)?(?P<auth>{OSLOT})\s+"
               rf"(?:had\s+|has\s+|later\s+)?(?P<verb>{_ADD_VERB})\s+(?:to|on|in|into|onto|в)\s+(?:its|the|their|a)?\s*"
               rf"(?P<prog>{NOSTOP}{{0,60}}?{LIST_NOUN})", re.I),
    # "⟨E⟩ was added to the sanctions list (by ⟨O⟩)"
    re.compile(rf"(?P<ents>{plist(QSLOT)})\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:also\s+)?"
               rf"(?P<verb>added|placed|put|included|entered|listed)\s+(?:to|on|in|into|onto)\s+(?:its|the|their|a)?\s*"
               rf"(?P<prog>{NOSTOP}{{0,60}}?{LIST_NOUN}{_LIST_TAIL})(?:\s+by\s+(?:the\s+)?(?P<auth2>{OSLOT}))?", re.I),
    # "recognised ⟨E⟩ as a 'foreign agent'", "признал ⟨E⟩ иноагентом"
    re.compile(rf"(?P<verb>{_RECOGNISE_VERB})\s+(?P<ents>{plist(QSLOT)})\s+(?:as\s+)?(?:an?\s+|the\s+)?"
               rf"(?P<prog>{STATUS})", re.I),
    # "⟨E⟩ was recognised as a foreign agent", "⟨E⟩ признан иноагентом"
    re.compile(rf"(?P<ents>{plist(QSLOT)}){NOSTOP}{{0,30}}?\b(?:was|were|has\s+been|had\s+been|is|are|был\w*)?\s*"
               rf"(?P<verb>(?!признал|объявил){_RECOGNISE_VERB}|blacklisted|sanctioned|внесен\w*|внесён\w*|включен\w*)\s+"
               rf"(?:as\s+)?(?:an?\s+)?(?:в\s+)?(?P<prog>{STATUS}|(?:реестр|список)\s+{NOSTOP}{{0,40}}?{STATUS})",
               re.I),
    # Russian order, status first: "иностранным агентом была признана и руководитель центра ⟨E⟩"
    re.compile(rf"(?P<prog>{STATUS})\s+(?:был\w*\s+)?(?:также\s+)?(?P<verb>призна\w*|объявлен\w*)\s+"
               rf"(?:и\s+|также\s+)?(?:[а-яё-]+\s+(?:{QSLOT}\s+)?){{0,3}}?(?P<ents>{plist(QSLOT)})", re.I),
    # a list of parties already listed: "outlets already designated foreign agents, such as ⟨E⟩, ⟨E⟩ and ⟨E⟩",
    # "groups on the undesirable list, including ⟨E⟩"
    re.compile(rf"\b(?P<verb>designated|labell?ed|listed|recogni[sz]ed|branded|declared)\s+(?:as\s+)?(?:an?\s+|the\s+)?"
               rf"(?P<prog>{STATUS})\s*,?\s+(?:such\s+as|including|like|among\s+them)\s+"
               rf"(?P<ents>{plist(QSLOT)})", re.I),
    re.compile(rf"\b(?:already\s+)?(?P<verb>on|in)\s+(?:the|its|a)\s+(?P<prog>{NOSTOP}{{0,30}}?{LIST_NOUN}"
               rf"(?:\s+of\s+{NOSTOP}{{0,30}}?{STATUS})?)\s*,?\s+(?:such\s+as|including|like|among\s+them)\s+"
               rf"(?P<ents>{plist(QSLOT)})", re.I),
    # Russian, status before a described party: "признал иноагентом главного редактора «⟨O⟩» ⟨P⟩"
    re.compile(rf"(?P<verb>призна\w*|объяви\w*)\s+(?P<prog>{STATUS})\s+(?:(?!и\s)[а-яё-]+\s+(?:{QSLOT}\s+)?){{0,3}}?"
               rf"(?P<ents>{plist(QSLOT)})", re.I),
    # Russian, list first: "в реестр иностранных агентов внесли главного редактора издания ⟨P⟩"
    re.compile(rf"(?:в|во)\s+(?P<prog>(?:реестр|список|перечень)\w*\s+{NOSTOP}{{0,40}}?{STATUS})\s+"
               rf"(?P<verb>внес\w*|внёс\w*|включил\w*|добавил\w*)\s+(?:(?!и\s)[а-яё-]+\s+(?:{QSLOT}\s+)?){{0,3}}?"
               rf"(?P<ents>{plist(QSLOT)})", re.I),
    # "⟨E⟩ внесён в санкционный список (⟨O⟩)"
    re.compile(rf"(?P<ents>{plist(QSLOT)})\s+(?:был\w*\s+)?(?:также\s+)?"
               rf"(?P<verb>внесен\w*|внесён\w*|включен\w*|включён\w*)\s+в\s+(?P<prog>"
               rf"санкционн\w+\s+(?:список|спис\w+|перечень|перечн\w+))(?:\s+(?P<auth>{OSLOT}))?", re.I),
    # "санкции против ⟨E⟩ ввела ⟨O⟩", "санкции против него ввела Великобритания"
    re.compile(rf"(?P<prog>санкци\w*)\s+против\s+(?:(?P<ents>{plist(QSLOT)})|(?P<pron>него|неё|нее))\s+"
               rf"(?P<verb>ввел\w*|ввёл|ввели|объявил\w*|наложил\w*)(?:\s+(?P<auth>{OSLOT}))?", re.I),
    # "⟨E⟩, который ⟨O⟩ ещё в 2022 году внёс в реестр нежелательных организаций"
    re.compile(rf"(?P<ents>{QSLOT}),\s+котор\w+\s+(?P<auth>{OSLOT})\s+(?:{NOSTOP}{{0,40}}?\s)?(?P<verb>{_ADD_VERB})"
               rf"\s+(?:в|во)\s+(?P<prog>{NOSTOP}{{0,60}}?{LIST_NOUN}(?:\s+{NOSTOP}{{0,40}}?{STATUS})?)", re.I),
    # "Canada followed, sanctioning both ⟨E⟩ and ⟨E⟩ under its law", "the ⟨O⟩ designated ⟨E⟩ for corruption"
    re.compile(rf"(?<!-)\b(?P<verb>{_SANCTION_VERB})\s+(?:both\s+|also\s+|publicly\s+)?"
               rf"(?:(?P<ents>{plist(QSLOT)})|(?P<pron>him|her|them|it)\b)"
               rf"(?P<prog>\s+(?:under|for|over|as|in\s+connection\s+with)\s+{NOSTOP}{{0,60}}?(?=[,.;]|$))?"
               rf"(?![^,.;]*\b(?:as|the)\s+(?:the\s+)?(?:winner|successor|head|director|chief|representative))",
               re.I),
    # "a U.S.-sanctioned strategist ⟨E⟩"
    re.compile(rf"\b{_SANCTIONER}[-\s](?P<verb>sanctioned|blacklisted)\s+(?:[a-z][\w-]*\s+){{0,4}}?(?P<ents>{SLOT})"),
    # "⟨E⟩, a U.S.-sanctioned strategist"
    re.compile(rf"(?P<ents>{SLOT}),\s+(?:an?|the)\s+(?:[a-z][\w-]*\s+){{0,2}}?{_SANCTIONER}[-\s]"
               rf"(?P<verb>sanctioned|blacklisted)\b"),
    # "⟨E⟩ … under U.S. sanctions", "⟨E⟩ has been under ⟨O⟩ sanctions since February"
    re.compile(rf"(?P<ents>{SLOT}){NOSTOP}{{0,40}}?\b(?:is|was|were|are|been|remains?|came|fell)\s+"
               rf"(?P<verb>under)\s+(?:the\s+)?(?:{_SANCTIONER}\s+|(?P<auth>{OSLOT})\s+)?(?P<prog>sanctions)\b"),
    re.compile(rf"(?P<ents>{SLOT}){NOSTOP}{{0,30}}?\b(?P<verb>sanctioned|blacklisted)\s+by\s+(?:the\s+)?"
               rf"(?:(?P<auth>{OSLOT})|{_SANCTIONER})"),
    # "He was sanctioned by the ⟨O⟩ in December 2018": the person the pronoun stands for
    re.compile(rf"(?<![\w-])(?P<pron>[Hh]e|[Ss]he|[Tt]hey|[Ii]t)\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+"
               rf"(?:also\s+|later\s+|since\s+)?(?P<verb>sanctioned|blacklisted|designated)\s+by\s+(?:the\s+)?"
               rf"(?:(?P<auth>{OSLOT})|{_SANCTIONER})"),
    # "Britain froze its assets", "froze the assets of ⟨E⟩", "froze ⟨E⟩'s assets",
    # "froze assets worth N belonging to the two men and to ⟨E⟩"
    re.compile(rf"\b(?P<verb>{_FREEZE_VERB})\s+(?:the\s+)?(?:(?P<ents>{SLOT})['’]s\s+|(?P<pron>its|his|her|their)\s+)?"
               rf"(?P<prog>assets|активы)(?:\s+worth\s+(?:(?!\s+(?:of|belonging|held|owned)\b)(?:[^,.;⟨]|[.,](?=\d))){{1,40}})?"
               rf"(?:\s+(?:of|belonging\s+to|held\s+by|owned\s+by)\s+(?:[^,.;⟨]{{1,30}}?\s+and\s+(?:to\s+)?)?"
               rf"(?P<ents2>{plist(SLOT)}))?", re.I),
)
AUTHORITY_WINDOW = 60  # characters before the verb in which the acting body is named
DATE_WINDOW = 90  # characters around the verb in which the listing date is stated
_GENERIC = {"list", "registry", "register", "blacklist", "database", "media", "status", "designation", "its",
            "the", "a", "of", "реестр", "список", "перечень", "реестра", "in", "outlets", "outlet"}


def program_key(program: str) -> str:
    """"the 'foreign-agent media' registry" and "foreign agent list" name one program."""
    text = re.sub(r"[^\w\s]", " ", program.lower().replace("-", " "))
    text = re.sub(r"иноагент\w*|иностранн\w+\s+агент\w*", "foreign agent", text)
    words = [re.sub(r"s$", "", w) for w in text.split() if w not in _GENERIC]
    return " ".join(words) or "list"


def program_text(program: str) -> str:
    text = re.sub(r"[“”\"‘’«»]", "", program)
    text = re.sub(r"^(?:its|the|their|a|an)\s+", "", text.strip(), flags=re.I)
    return " ".join(text.replace("-", " ").split())


def _authority(ctx: DocContext, m: Masked, upto: int, entities: list[str]) -> tuple[str, PartyMention | None]:
    """The acting body: the nearest organisation named shortly before the verb (a state body
    first); a named official stands for the body that employs them (already found by
    :mod:`relations`); else a country or body the parser sees as the clause's subject
    ("Canada followed in April, sanctioning …")."""
    tokens = list(re.finditer(SLOT, m.text[max(0, upto - AUTHORITY_WINDOW):upto]))
    candidates = [m.slot(t.group()) for t in reversed(tokens)]
    candidates = [c for c in candidates if c.party not in entities]
    public = [c for c in candidates if ctx.parties[c.party].schema == "PublicBody"]
    for mention in public or candidates:
        if not is_person(ctx, mention.party):
            return ctx.parties[mention.party].name, mention
        for draft in ctx.drafts:
            if draft.schema in ("Employment", "Directorship") and mention.party in (
                    draft.refs("employee") + draft.refs("director")):
                body = (draft.refs("employer") + draft.refs("organization"))[0]
                if body in ctx.parties:
                    return ctx.parties[body].name, None
    clause = max(m.text.rfind(";", 0, upto) + 1, m.text.rfind(":", 0, upto) + 1, 0)
    start, end = m.span(clause, upto)
    # only the clause's subject: a state named at its very start
    states = [e for e in ctx.ents_in(start, end, ("GPE", "ORG")) if not ctx.text[start:e[0]].strip()]
    if states:
        return states[0][3], None
    return "", None


def _date(ctx: DocContext, m: Masked, pos: int) -> DateMention | None:
    """The listing date: a date stated close to the verb (not any date of the sentence)."""
    dates = [d for d in dates_near(ctx, m.sentence.start, m.sentence.end) if abs(d.start - pos) <= DATE_WINDOW]
    return min(dates, key=lambda d: abs(d.start - pos)) if dates else None


def _record(ctx: DocContext, m: Masked, entity: PartyMention, authority: str, program: str,
            date: DateMention | None, confidence: float) -> Draft:
    key = f"sanction:{entity.party}:{program_key(program)}"
    draft = next((d for d in ctx.drafts if d.key == key), None)
    sent = m.sentence
    if draft is None:
        draft = Draft(key=key, schema="Sanction", span=Span(sent.start, sent.end), confidence=confidence,
                      origin="extract:designations")
        ctx.drafts.append(draft)
    draft.confidence = max(draft.confidence, confidence)
    add_ref(draft, "entity", entity)
    if authority:
        add_text(draft, "authority", authority, sent.start, sent.end)
    add_text(draft, "program", program_text(program), sent.start, sent.end)
    if date is not None:
        add_text(draft, "listingDate", date.value, date.start, date.end)
    summary = sent.text if len(sent.text) <= 200 else sent.text[:197] + "…"
    add_text(draft, "summary", summary, sent.start, sent.end)
    return draft


def _entities(ctx: DocContext, m: Masked, hit: re.Match[str]) -> list[PartyMention]:
    groups = hit.groupdict()
    found = m.slots_in((groups.get("ents") or "") + (groups.get("ents2") or ""))
    if not found and groups.get("pron"):  # "Britain froze its assets": the body the clause is about
        from casegraph.extract.relations_clauses import resolve_org, resolve_person

        resolve = resolve_org if groups["pron"].lower() in ("its", "it", "them", "they") else resolve_person
        target = resolve(ctx, m, hit.start(), set())
        found = [target] if target is not None else []
    return found


_LATER_DATE = re.compile(r"\b(?:designation|listing|designating|listed|sanctions?|blacklisting)\s+(?:on|in)\s+$",
                         re.I)


def _refine_dates(ctx: DocContext, m: Masked) -> None:
    """"In announcing the designation on May 19, 2023, the Treasury said Kestrel …": a later,
    more exact date for a listing already found, stated next to the word "designation"."""
    for date in dates_near(ctx, m.sentence.start, m.sentence.end):
        before = ctx.text[max(m.sentence.start, date.start - 40):date.start]
        if not _LATER_DATE.search(before):
            continue
        named = {x.party for x in m.slots}
        for draft in ctx.drafts:
            if draft.schema != "Sanction" or not set(draft.refs("entity")) & named:
                continue
            have = [v.value for v in draft.values if v.prop == "listingDate"]
            if not have or any(date.value.startswith(h) and date.value != h for h in have):
                add_text(draft, "listingDate", date.value, date.start, date.end)


# -- listings read from the English dependency parse --------------------------------------------
# Verbs that put someone on a list ("added X to", "entered X in", "included X on"), by lemma.
_LIST_VERBS = frozenset({"add", "enter", "include", "put", "place", "list", "register", "insert", "blacklist"})
_LIST_LEMMAS = frozenset({"list", "register", "registry", "blacklist", "database", "roster", "watchlist"})
# A list a state body keeps to single people out, as opposed to a trade or land register: its own
# words say so ("register of media acting in the interests of a foreign state", "sanctions list").
_ADVERSE_WORDS = (r"foreign|agent|undesirable|extremis|terror|sanction|blacklist|unreliable|wanted|"
                  r"banned|prohibit|watch|deemed|designat|restrict|entity\s+list|specially|suspicious|"
                  r"dishonest|unfriendly|hostile|fraud|иноагент|иностранн|агент|нежелательн|экстремист|"
                  r"террорист|санкц|недобросовестн|розыск|запрещ|недружествен|мошенн")
_ADVERSE = re.compile("(?i)" + _ADVERSE_WORDS)
_TRADE_LIST = re.compile(rf"(?i){LIST_NOUN}")


def _phrase_party(ctx: DocContext, token: Any) -> PartyMention | None:
    """The party named by the noun phrase headed by ``token``: a mention on the head itself (a name
    may run past it: "the European Fund for Press Independence"), else the last one between the
    phrase's first word and its head (so a relative clause after the head does not count)."""
    head_at = token.idx
    for mention in ctx.mentions_in(max(0, head_at - 120), head_at + len(token.text) + 120):
        if mention.start <= head_at < mention.end:
            return mention
    inside = ctx.mentions_in(token.left_edge.idx, head_at + len(token.text))
    return inside[-1] if inside else None


def _parsed_listings(ctx: DocContext, m: Masked) -> list[tuple[PartyMention, str, int, str, Any]]:
    """(entity, authority, verb offset, program, subject token) for each "⟨body⟩ added/entered/
    included ⟨X⟩ in/on/to its ⟨list⟩" and "⟨X⟩ was entered in the ⟨list⟩ (by ⟨body⟩)" of the
    sentence, read from the parse, so that an apposition, a relative clause or "herself" between
    the name and the list does not hide it; the body is the verb's subject, through "voted to
    enter"."""
    doc = ctx.nlp_doc
    sent = m.sentence
    if doc is None or sent.end > ctx.parsed_chars:
        return []
    span = doc.char_span(sent.start, sent.end, alignment_mode="expand")
    if span is None:
        return []
    out = []
    for verb in span:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _LIST_VERBS:
            continue
        lists = [obj for prep in verb.children if prep.dep_ == "prep"
                 and prep.lower_ in ("to", "in", "on", "into", "onto")
                 for obj in prep.children if obj.dep_ == "pobj" and obj.lemma_.lower() in _LIST_LEMMAS]
        if not lists:
            continue
        program_tokens = [t for t in lists[0].subtree if t.dep_ not in ("det", "poss") or t.head is not lists[0]]
        program = ctx.text[program_tokens[0].idx:program_tokens[-1].idx + len(program_tokens[-1].text)]
        if not _ADVERSE.search(program) and not _ADVERSE.search(sent.text):
            continue
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        targets = [c for c in verb.children if c.dep_ == ("nsubjpass" if passive else "dobj")]
        agent = None
        if passive:
            agent = next((o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"),
                         None)
        else:
            cur = verb
            for _ in range(3):
                agent = next((c for c in cur.children if c.dep_ == "nsubj"), None)
                if agent is not None or cur.dep_ not in ("xcomp", "conj", "advcl") or cur.head is cur:
                    break
                cur = cur.head
        for target in targets:
            for tok in [target, *[c for c in target.conjuncts]]:
                entity = _phrase_party(ctx, tok)
                if entity is None and tok.pos_ == "PRON":
                    from casegraph.extract.relations_clauses import resolve_person

                    entity = resolve_person(ctx, m, _masked_at(m, tok.idx), set())
                if entity is not None:
                    out.append((entity, "", verb.idx, program, agent))
    return out


def _masked_at(m: Masked, offset: int) -> int:
    """The masked index of a text offset (the first one at or after it)."""
    return next((i for i, o in enumerate(m.origin) if o >= offset), len(m.text))


def _acting_body(ctx: DocContext, m: Masked, offset: int, entity: str) -> PartyMention | None:
    """"It"/"the council" listing someone: a state body named earlier in the sentence, else the
    first one of the sentences just before (the subject they were about), else any organisation."""
    from casegraph.extract.relations_clauses import resolve_org

    sents = sentences_of(ctx)
    i = next((j for j, s in enumerate(sents) if s.start == m.sentence.start), 0)
    for s_start, s_end in [(m.sentence.start, offset), *[(s.start, s.end) for s in reversed(sents[max(0, i - 2):i])]]:
        bodies = [x for x in ctx.mentions_in(s_start, s_end)
                  if x.party != entity and ctx.parties.get(x.party) and ctx.parties[x.party].schema == "PublicBody"]
        if bodies:
            return bodies[-1] if s_start == m.sentence.start else bodies[0]
    return resolve_org(ctx, m, _masked_at(m, offset), {entity})


def _agent_name(ctx: DocContext, m: Masked, agent: Any, entity: str) -> str:
    """The body behind a subject token: a mention on it, else ("it", "the council") the last
    organisation named before it."""
    if agent is None:
        return ""
    found = _phrase_party(ctx, agent)
    if found is None and (agent.pos_ == "PRON" or agent.pos_ == "NOUN"):
        found = _acting_body(ctx, m, agent.idx, entity)
    if found is None or found.party == entity:
        return ""
    return ctx.parties[found.party].name


_ADVERSE_LIST = re.compile(rf"(?i){LIST_NOUN}[^.\n]{{0,40}}?(?:{_ADVERSE_WORDS})|(?:{STATUS})")
_SANCTION_CONTEXT = re.compile(r"(?i)sanction|санкц|asset\s+freeze|blacklist")
_CONTEXT_BACK = 300  # characters before a sentence read for what a bare "designated him" is about


def _adverse_from(text: str) -> int | None:
    """Where the article first names an adverse list or status ("реестр иностранных агентов",
    "sanctions list"): from there on, "the register" / "в реестр" refers back to it."""
    hit = _ADVERSE_LIST.search(text)
    return hit.start() if hit else None


_PRONOUN_OBJECT = re.compile(r"(?<![\w-])(?:him|her|them|he|she|него|неё|нее)(?![\w-])", re.I)


@component("designations", requires=("parties", "dates", "relations"), assigns=("sanctions",))
def run(ctx: DocContext) -> None:
    """Append one Sanction draft per (entity, program) stated in the document."""
    ctx.sort()
    adverse_from = _adverse_from(ctx.text)
    for m in masked_sentences(ctx, nominal=True, gate=_GATE):
        if not m.slots and not _PRONOUN_OBJECT.search(m.text):
            continue  # a sentence naming nobody can still list "him" ("санкции против него ввела …")
        listed: list[str] = []  # entities listed earlier in this sentence are not its actors
        actor = ""  # "X added A to the list, and B was recognised too": B's actor is X
        for entity, _, verb_offset, program, agent in _parsed_listings(ctx, m):
            authority = _agent_name(ctx, m, agent, entity.party)
            date = _date(ctx, m, verb_offset)
            _record(ctx, m, entity, authority, program, date, 0.8 if date else 0.7)
            listed.append(entity.party)
            actor = authority or actor
        parsed = set(listed)
        for frame in FRAMES:
            for hit in frame.finditer(m.text):
                verb_at = hit.start("verb")
                clause_start = max(m.text.rfind(";", 0, verb_at), 0)
                if _REQUEST.search(m.text[clause_start:verb_at]):
                    continue  # "asked the agency to recognise X" is a demand, not a listing
                groups = hit.groupdict()
                entities = _entities(ctx, m, hit)
                who = groups.get("who")
                auth = groups.get("auth") or groups.get("auth2")
                if auth:
                    authority = ctx.parties[m.slot(auth).party].name
                elif who:
                    authority = SANCTIONERS.get(who.lower(), who)
                else:
                    authority, _ = _authority(ctx, m, verb_at, [e.party for e in entities] + listed)
                    authority = authority or actor
                program = " ".join((groups.get("prog") or "").split())
                refers_back = adverse_from is not None and adverse_from < m.sentence.start and \
                    program_key(program) == "list"  # a bare "the register"/"в реестр", not "trade register"
                if _TRADE_LIST.search(program) and not _ADVERSE.search(m.text) and not refers_back:
                    continue  # "entered in the trade register" records a company, it does not single one out
                if groups.get("pron") and hit.group("verb").lower().startswith("design") and not \
                        _SANCTION_CONTEXT.search(ctx.text, max(0, m.sentence.start - _CONTEXT_BACK), m.sentence.end):
                    continue  # "designated him" is a listing only where the text is about sanctions
                if program.lower().startswith(("under ", "for ", "over ", "as ", "in connection")):
                    program = re.sub(r"^(?:under|for|over|as|in connection with)\s+", "", program, flags=re.I)
                if program.lower() in ("assets", "активы"):
                    program = "asset freeze"
                if who and (not program or program.lower() == "sanctions"):
                    program = f"{who} sanctions"
                elif not program:
                    program = "sanctions"
                # an adjective ("U.S.-sanctioned") carries no listing date of its own
                date = None if who and not groups.get("prog") else _date(ctx, m, m.span(verb_at, verb_at + 1)[0])
                for entity in entities:
                    if entity.party not in parsed:
                        _record(ctx, m, entity, authority, program, date, 0.8 if date else 0.7)
                listed.extend(e.party for e in entities)
                actor = authority or actor
        _refine_dates(ctx, m)
