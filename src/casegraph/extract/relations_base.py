"""Recording relations: the role vocabulary as a pattern, one draft per tie, and the body a bare
title implies ("Deputy Justice Minister X" → the document's Justice Ministry).

Shared by the relation components (:mod:`relations`, :mod:`relations_clauses`, :mod:`relations_dep`,
:mod:`relations_passing`); none of them imports another.
"""

from __future__ import annotations

import re

from casegraph.extract.context import DateMention, DocContext, Draft, PartyMention, Sentence
from casegraph.extract.masking import Masked, add_ref, add_text, is_person, upsert
from casegraph.extract.vocab import roles as V

RU_END = r"[аяоеёыийуюьмхг]{0,4}"  # a Russian case ending: "директором", "главного", "генеральным"


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
NEGATION = re.compile(r"\b(?:not|never|no\s+longer|n[’']t|denied|не|никогда)\b", re.I)


def split_roles(role: str) -> list[str]:
    return [r.strip() for r in re.split(r"\s+(?:and|&|и)\s+", role) if r.strip()]


# ------------------------------------------------------------------------------------------
# Recording a relation
# ------------------------------------------------------------------------------------------

RELATION_PROPS = {
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
    sp, op, rp = RELATION_PROPS[schema]
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


def body_for_title(ctx: DocContext, title: str) -> PartyMention | None:
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
        return only_body(ctx, noun)
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


def body_in_sentence(ctx: DocContext, m: Masked, title: str) -> PartyMention | None:
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


def only_body(ctx: DocContext, noun: str) -> PartyMention | None:
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


