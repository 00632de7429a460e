"""Designations and sanctions → FtM Sanction (entity, authority, program, listingDate, summary).

Why: a listing ("the Ministry added X to its 'foreign agent' list", "recognised X as a foreign
agent", "U.S.-sanctioned X", "Минюст внёс X в реестр иноагентов") is a dated act by one body
against one party, and investigators filter on exactly that. The frames below work on sentences
masked by :func:`casegraph.extract.relations.mask`, so they are independent of the names; the
program is built from the list's own noun phrase, and one Sanction is kept per
(entity, program), however often the article repeats it.
"""

from __future__ import annotations

import re

from casegraph.extract.context import DateMention, DocContext, Draft, PartyMention, Span
from casegraph.extract.relations import (
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
)

_Q = r"[“”\"'‘’«»]"
# Names of the status a body confers ("foreign agent", "undesirable organisation", "иноагент").
STATUS = (rf"{_Q}?(?:foreign[\s-]+agents?(?:[\s-]+media)?|undesirable(?:\s+organi[sz]ations?)?|extremists?|"
          rf"terrorists?|terrorist\s+organi[sz]ations?|sanctions?|иноагент\w*|иностранн\w+\s+агент\w*|"
          rf"нежелательн\w+(?:\s+организаци\w*)?|экстремист\w*|террорист\w*){_Q}?")
LIST_NOUN = r"(?:list|registry|register|blacklist|database|реестр\w*|спис\w+|перечень|перечн\w+)"
_ADD_VERB = (r"(?:added|adds|included|includes|including|entered|put|puts|placed|listed|"
             r"внес\w*|внёс\w*|включил\w*|включени\w+|добавил\w*)")
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
_REQUEST = re.compile(r"\b(?:demand\w*|ask\w*|urg\w*|request\w*|call\w*\s+(?:on|for)|consider|wants?|"
                      r"seek\w*|проси\w*|требова\w*|призыва\w*)\b", re.I)

FRAMES = (
    # "⟨O⟩ added ⟨E⟩ to its 'foreign agent' list", "внёс ⟨E⟩ в реестр иноагентов"
    re.compile(rf"(?P<verb>{_ADD_VERB})\s+(?:(?:our|their|its|the)\s+[\w\s]{{0,25}}?,\s*)?(?P<ents>{plist(SLOT)}),?"
               rf"\s+(?:to|on|in|into|onto|в|во)\s+(?:its|the|their|a|his|her)?\s*"
               rf"(?P<prog>{NOSTOP}{{0,60}}?{LIST_NOUN}(?:\s+(?:of\s+)?{NOSTOP}{{0,40}}?{STATUS})?)", re.I),
    # "recognised ⟨E⟩ as a 'foreign agent'", "признал ⟨E⟩ иноагентом"
    re.compile(rf"(?P<verb>{_RECOGNISE_VERB})\s+(?P<ents>{plist(SLOT)})\s+(?:as\s+)?(?:an?\s+|the\s+)?"
               rf"(?P<prog>{STATUS})", re.I),
    # "⟨E⟩ was recognised as a foreign agent", "⟨E⟩ признан иноагентом"
    re.compile(rf"(?P<ents>{plist(SLOT)}){NOSTOP}{{0,30}}?\b(?:was|were|has\s+been|had\s+been|is|are|был\w*)?\s*"
               rf"(?P<verb>{_RECOGNISE_VERB}|blacklisted|sanctioned|внесен\w*|внесён\w*|включен\w*)\s+"
               rf"(?:as\s+)?(?:an?\s+)?(?:в\s+)?(?P<prog>{STATUS}|(?:реестр|список)\s+{NOSTOP}{{0,40}}?{STATUS})",
               re.I),
    # "a U.S.-sanctioned strategist ⟨E⟩"
    re.compile(rf"\b{_SANCTIONER}[-\s](?P<verb>sanctioned|blacklisted)\s+(?:[a-z][\w-]*\s+){{0,4}}?(?P<ents>{SLOT})"),
    # "⟨E⟩, a U.S.-sanctioned strategist"
    re.compile(rf"(?P<ents>{SLOT}),\s+(?:an?|the)\s+(?:[a-z][\w-]*\s+){{0,2}}?{_SANCTIONER}[-\s]"
               rf"(?P<verb>sanctioned|blacklisted)\b"),
    # "⟨E⟩ … under U.S. sanctions", "⟨E⟩ was sanctioned by ⟨O⟩"
    re.compile(rf"(?P<ents>{SLOT}){NOSTOP}{{0,40}}?\b(?:is|was|were|are|been|remains?|came|fell)\s+"
               rf"(?P<verb>under)\s+(?:{_SANCTIONER}\s+)?(?P<prog>sanctions)\b"),
    re.compile(rf"(?P<ents>{SLOT}){NOSTOP}{{0,30}}?\b(?P<verb>sanctioned|blacklisted)\s+by\s+(?:the\s+)?"
               rf"(?:(?P<auth>{OSLOT})|{_SANCTIONER})"),
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
    """The acting body: the nearest organisation named shortly before the verb; a named official
    stands for the body that employs them (already found by :mod:`relations`)."""
    tokens = list(re.finditer(SLOT, m.text[max(0, upto - AUTHORITY_WINDOW):upto]))
    for tok in reversed(tokens):
        mention = m.slot(tok.group())
        if mention.party in entities:
            continue
        if not is_person(ctx, mention.party):
            return ctx.parties[mention.party].name, mention
        for draft in ctx.drafts:
            if draft.schema in ("Employment", "Directorship") and mention.party in (
                    draft.refs("employee") + draft.refs("director")):
                body = (draft.refs("employer") + draft.refs("organization"))[0]
                if body in ctx.parties:
                    return ctx.parties[body].name, None
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


def run(ctx: DocContext) -> None:
    """Append one Sanction draft per (entity, program) stated in the document."""
    ctx.sort()
    for m in masked_sentences(ctx):
        if not m.slots:
            continue
        for frame in FRAMES:
            for hit in frame.finditer(m.text):
                verb_at = hit.start("verb")
                clause_start = max(m.text.rfind(";", 0, verb_at), 0)
                if _REQUEST.search(m.text[clause_start:verb_at]):
                    continue  # "asked the agency to recognise X" is a demand, not a listing
                groups = hit.groupdict()
                who = groups.get("who")
                if groups.get("auth"):
                    authority = ctx.parties[m.slot(groups["auth"]).party].name
                elif who:
                    authority = SANCTIONERS.get(who.lower(), who)
                else:
                    authority, _ = _authority(ctx, m, verb_at, [e.party for e in m.slots_in(groups["ents"])])
                program = groups.get("prog") or ""
                if who and (not program or program.lower() == "sanctions"):
                    program = f"{who} sanctions"
                elif not program:
                    program = "sanctions"
                # an adjective ("U.S.-sanctioned") carries no listing date of its own
                date = None if who and not groups.get("prog") else _date(ctx, m, m.span(verb_at, verb_at + 1)[0])
                for entity in m.slots_in(groups["ents"]):
                    _record(ctx, m, entity, authority, program, date, 0.8 if date else 0.7)
