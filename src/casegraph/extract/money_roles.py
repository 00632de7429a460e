"""Who paid whom, read from the English dependency parse (the frames of money verbs and nouns).

Why: the party nearest an amount is often not a party to the payment ("…paid Kestrel $2m, according
to an analyst"), and word order alone cannot tell "the Commission fined X £20,000" (X pays) from
"X paid the Commission £20,000". The parse can: from the amount we climb to the noun that frames it
("a donation *from* X", "a loan of N *that* X extended *to* Y") and to the verb that governs it, and
each verb class maps its grammatical slots onto payer and beneficiary:

* give (pay, wire, lend, grant, donate, transfer, finance…): subject → payer; "to"/indirect object →
  beneficiary; passive: "by" → payer, the passive subject → beneficiary;
* receive (receive, get, win, obtain, accept, borrow…): subject → beneficiary; "from" → payer;
* buy (buy, purchase, acquire): subject → payer; "from" (the seller) → beneficiary; sell: reversed;
* fine (fine, charge, bill): subject → beneficiary (the authority); object → payer;
* go (went, flowed, came): "to" → beneficiary; "from" → payer.

Only parties in these slots count: someone merely quoted or mentioned in the sentence is never
made a payer. Subjects that are pronouns or generic phrases ("the trust", "it") are handed to a
resolver supplied by the caller.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from casegraph.extract.context import DocContext, PartyMention

# Verb classes by lemma (the small English model lemmatises most of these reliably; the surface
# form is checked too, for mis-lemmatised ones such as "fined").
GIVE = frozenset({
    "pay", "wire", "transfer", "donate", "give", "lend", "loan", "grant", "award", "allocate", "send",
    "provide", "fund", "finance", "extend", "invest", "move", "channel", "contribute", "remit", "funnel",
    "route", "hand", "disburse", "advance", "pledge", "owe", "refund", "repay", "return", "spend", "issue",
    "offer", "transmit", "forward", "deposit", "bankroll", "underwrite", "sponsor", "subsidise", "subsidize",
    "pass",
})
RECEIVE = frozenset({
    "receive", "get", "win", "obtain", "accept", "secure", "raise", "earn", "collect", "borrow", "gain",
    "pocket", "attract",
})
BUY = frozenset({"buy", "purchase", "acquire"})
SELL = frozenset({"sell"})
FINE = frozenset({"fine", "charge", "bill", "invoice", "penalise", "penalize"})
GO = frozenset({"go", "flow", "come", "arrive"})
# Nouns naming a payment: "make grants", "a donation from X", "X's loan".
PAYMENT_NOUNS = frozenset({
    "donation", "grant", "loan", "payment", "gift", "transfer", "contribution", "investment", "subsidy",
    "bribe", "fee", "fine", "credit", "advance", "sponsorship", "funding", "deposit", "instalment",
    "installment", "remittance", "kickback", "settlement", "compensation", "prize", "award", "tranche",
    "purchase", "contract", "subcontract", "deal",
})
# Nouns naming an agreement to be paid for ("a contract worth N", "a $3m deal with X"), and the verbs
# by which a buyer makes one.
CONTRACT_NOUNS = frozenset({"contract", "subcontract", "deal", "agreement", "concession", "order", "lease"})
SIGN = frozenset({"sign", "conclude", "ink", "strike", "agree", "enter", "seal", "finalise", "finalize", "place"})
_POSSESSIVE_PAYER = frozenset({"donation", "gift", "loan", "grant", "payment", "contribution", "investment",
                               "transfer", "funding", "bribe"})
_RELATIVE = frozenset({"that", "which", "who", "whom"})
# Head nouns by which an article refers back to an organisation it named ("the trust", "the bank").
ORG_HEADS = frozenset({
    "organisation", "organization", "nonprofit", "non-profit", "ngo", "foundation", "fund", "company", "firm",
    "group", "movement", "agency", "charity", "association", "trust", "bank", "lender", "ministry",
    "department", "institute", "commission", "council", "committee", "authority", "office", "government",
    "club", "party", "union", "society", "centre", "center", "network", "operator", "owner", "buyer",
    "seller", "supplier", "contractor", "trader", "investor", "donor", "regulator", "court", "municipality",
    "city", "state", "university", "school", "hospital", "outlet", "publisher",
    "broadcaster", "newspaper", "bureau", "service", "board", "administration", "manager", "consultancy",
})
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")


@dataclass
class Frame:
    payer: PartyMention | None = None
    beneficiary: PartyMention | None = None
    evidence: list[str] = field(default_factory=list)
    verb_class: str | None = None


Resolver = Callable[[int, int, str, bool], "PartyMention | None"]


def verb_class(token: Any) -> str | None:
    """The money class of a verb token ("give", "receive", "buy", "sell", "fine", "go"), or None."""
    lemma, low = token.lemma_.lower(), token.lower_
    for name, words in (("give", GIVE), ("receive", RECEIVE), ("buy", BUY), ("sell", SELL), ("fine", FINE),
                        ("go", GO)):
        if lemma in words:
            return name
    if low.startswith("fine") and low in ("fine", "fines", "fined", "fining"):
        return "fine"
    if lemma == "make" and (any(c.dep_ == "dobj" and c.lemma_.lower() in PAYMENT_NOUNS for c in token.children)
                            or (token.dep_ == "relcl" and token.head.lemma_.lower() in PAYMENT_NOUNS)):
        return "give"  # "the trust made grants worth £900,000", "a loan that X made to Y"
    return None


def parsed_roles(ctx: DocContext, start: int, end: int, resolve: Resolver) -> Frame | None:
    """Payer and beneficiary of the amount at ``ctx.text[start:end]`` from the parse, or None
    when there is no parse or the amount hangs off no money noun or verb."""
    doc = ctx.nlp_doc
    if doc is None or end > ctx.parsed_chars:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    amount = span.root
    frame = Frame()
    chain: list[Any] = [amount]
    verb = None
    cur = amount
    for _ in range(8):
        head = cur.head
        if head is cur:
            break
        if head.pos_ in ("VERB", "AUX"):
            verb = head
            break
        chain.append(head)
        cur = head
    chain_ids = {t.i for t in chain}
    # 1. the nominal frame: "a donation from X", "X's loan", "a loan of N that X extended to Y"
    for noun in chain:
        for prep in _preps(noun, objects=False):
            _prep_role(ctx, frame, prep, resolve, noun_frame=True)
        for child in noun.children:
            if child.dep_ == "poss" and noun.lemma_.lower() in _POSSESSIVE_PAYER and frame.payer is None:
                frame.payer = _party(ctx, child, resolve)
                if frame.payer:
                    frame.evidence.append("possessive")
            elif child.dep_ in ("relcl", "acl") and child.pos_ == "VERB" and verb_class(child):
                _verb_frame(ctx, frame, child, chain_ids, resolve)
    rel = _relative_verb(ctx, doc, span)
    if rel is not None:
        _verb_frame(ctx, frame, rel[0], chain_ids, resolve, subject=rel[1])
    # 2. the governing verb
    if verb is not None and verb_class(verb):
        _verb_frame(ctx, frame, verb, chain_ids, resolve)
    elif any(t.lemma_.lower() in CONTRACT_NOUNS for t in chain):
        _contract_frame(ctx, frame, chain, verb, chain_ids, resolve)
    if frame.payer is None and frame.beneficiary is None:
        return frame if frame.verb_class else None
    return frame


def _relative_verb(ctx: DocContext, doc: Any, span: Any) -> tuple[Any, PartyMention | None] | None:
    """"a loan of N that X, a lender, extended to Y": the money verb of a relative clause opening
    right after the amount, with the party named first between "that" and the verb as its subject
    (the small parser often attaches such a clause to the wrong noun)."""
    nxt = span.end
    if nxt >= len(doc) or doc[nxt].lower_ not in ("that", "which"):
        return None
    sent_end = doc[nxt].sent.end
    for tok in doc[nxt + 1:min(sent_end, nxt + 25)]:
        if tok.pos_ == "VERB" and verb_class(tok):
            between = ctx.mentions_in(doc[nxt].idx, tok.idx)
            return tok, (between[0] if between else None)
        if tok.text in (";", ".") or tok.lower_ in ("and", "but"):
            break
    return None


def _verb_frame(ctx: DocContext, frame: Frame, verb: Any, chain_ids: set[int], resolve: Resolver,
                subject: PartyMention | None = None) -> None:
    cls = verb_class(verb)
    if cls is None:
        return
    frame.verb_class = frame.verb_class or cls
    passive = subject is None and (any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN"))
    if subject is None:
        subj = _subject(verb)
        if subj is not None and subj.i not in chain_ids:
            subject = _party(ctx, subj, resolve)
    preps: dict[str, PartyMention] = {}
    for child in _preps(verb):
        found = _pobj_party(ctx, child, resolve)
        if found is not None:
            preps.setdefault("by" if child.dep_ == "agent" else child.lower_, found)
    objects = [p for c in verb.children if c.dep_ in ("dobj", "dative", "iobj") and c.i not in chain_ids
               and (p := _party(ctx, c, None)) is not None]
    to = preps.get("to") or preps.get("into")
    if "into" in preps and any(c.dep_ == "prep" and c.lower_ == "into" and _is_account(c) for c in verb.children):
        to = preps["into"]  # "paid N to Bank Z, into an account held by X": X is paid, Z only holds it
    payer = beneficiary = None
    if cls == "give":
        if passive:
            payer, beneficiary = preps.get("by"), to or subject
        else:
            payer, beneficiary = subject, to or (objects[0] if objects else None)
    elif cls == "receive":
        beneficiary, payer = (preps.get("by"), preps.get("from")) if passive else (subject, preps.get("from"))
    elif cls == "buy":
        payer = preps.get("by") if passive else subject
        beneficiary = preps.get("from")
    elif cls == "sell":
        beneficiary = preps.get("by") if passive else subject
        payer = to
    elif cls == "fine":
        if passive:
            payer, beneficiary = subject, preps.get("by")
        else:
            beneficiary, payer = subject, (objects[0] if objects else None)
    elif cls == "go":
        payer, beneficiary = preps.get("from"), to
    if frame.payer is None and payer is not None:
        frame.payer = payer
    if frame.beneficiary is None and beneficiary is not None:
        frame.beneficiary = beneficiary
    frame.evidence.append(f"{cls}{' (passive)' if passive else ''}:{verb.lower_}")


def _contract_frame(ctx: DocContext, frame: Frame, chain: list[Any], verb: Any, chain_ids: set[int],
                    resolve: Resolver) -> None:
    """"A signed a contract worth N with B", "a contract between A and B worth N": the party that
    signs (or is named first) buys, the party it contracts "with" (or named second) is paid. A public
    body is the buyer whichever way round the sentence puts it ("B signed a N deal with the
    Ministry"): in news about contracts the state pays and the company delivers."""
    holders = [*chain, *([verb] if verb is not None else [])]
    first = second = None
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("with", "between"):
                continue
            objs = [c for c in prep.children if c.dep_ == "pobj"]
            if not objs:
                continue
            named = _party(ctx, objs[0], resolve)
            if prep.lower_ == "with" and second is None:
                second = named
            elif prep.lower_ == "between" and first is None:
                first = named
                other = [c for c in objs[0].children if c.dep_ == "conj"]
                second = second or (_party(ctx, other[0], resolve) if other else None)
    if first is None and verb is not None and verb.lemma_.lower() in SIGN:
        subj = _subject(verb)
        if subj is not None and subj.i not in chain_ids and subj.dep_ != "nsubjpass":
            first = _party(ctx, subj, resolve)
            if second is None:  # "A and B signed a contract": B, the co-signer, is the other side
                others = [c for c in subj.children if c.dep_ == "conj"]
                second = _party(ctx, others[0], resolve) if others else None
    if first is None and second is None:
        return
    if first is not None and second is not None and _schema(ctx, second) == "PublicBody" \
            and _schema(ctx, first) != "PublicBody":
        first, second = second, first
    frame.verb_class = frame.verb_class or "contract"
    if frame.payer is None and first is not None:
        frame.payer = first
    if frame.beneficiary is None and second is not None and (first is None or second.party != first.party):
        frame.beneficiary = second
    frame.evidence.append("contract")


def _schema(ctx: DocContext, mention: PartyMention) -> str:
    party = ctx.parties.get(mention.party)
    return party.schema if party is not None else ""


def _preps(verb: Any, objects: bool = True) -> list[Any]:
    """The verb's (or noun's) to/from/by/into phrases, also where the parser hung them on its
    object or on another such phrase ("moved N from an account to X", "a grant from X to Y")."""
    out: list[Any] = []
    todo = [verb, *[c for c in verb.children if objects and c.dep_ in ("dobj", "attr")]]
    seen = 0
    while todo and seen < 12:
        holder = todo.pop(0)
        seen += 1
        for child in holder.children:
            if child.dep_ in ("prep", "agent", "dative") and child.lower_ in ("to", "from", "by", "into"):
                out.append(child)
                todo.append(child)
                todo.extend(c for c in child.children if c.dep_ == "pobj")
    return out


def _subject(verb: Any) -> Any:
    """The verb's subject, climbing through "agreed to pay", "and paid", "which paid"."""
    cur = verb
    for _ in range(3):
        subjects = [c for c in cur.children if c.dep_ in _SUBJECT_DEPS]
        if subjects:  # the nearest before the verb: a mis-parsed phrase ahead of it is no subject
            subj = min(subjects, key=lambda c: (c.i > cur.i, abs(cur.i - c.i)))
            if subj.lower_ in _RELATIVE and cur.dep_ == "relcl":
                return cur.head
            return subj
        if cur.dep_ not in ("conj", "xcomp", "advcl", "relcl") or cur.head is cur:
            return None
        if cur.dep_ == "relcl":
            return cur.head
        if cur.dep_ == "xcomp":  # "the court ordered X to pay": the object, not the subject, pays
            controller = [c for c in cur.head.children if c.dep_ in ("dobj", "dative")]
            if controller:
                return controller[0]
        cur = cur.head
    return None


def _prep_role(ctx: DocContext, frame: Frame, prep: Any, resolve: Resolver, noun_frame: bool) -> None:
    word = prep.lower_
    if word not in ("from", "to", "by"):
        return
    found = _pobj_party(ctx, prep, resolve)
    if found is None:
        return
    if word in ("from", "by") and frame.payer is None:
        frame.payer = found
        frame.evidence.append(f"noun {word}" if noun_frame else word)
    elif word == "to" and frame.beneficiary is None:
        frame.beneficiary = found
        frame.evidence.append("noun to" if noun_frame else "to")


def _pobj_party(ctx: DocContext, prep: Any, resolve: Resolver | None) -> PartyMention | None:
    objs = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    if not objs:
        return None
    obj = objs[0]
    found = _party(ctx, obj, resolve)
    if found is None and obj.lemma_.lower() in _ACCOUNT:
        return account_holder(ctx, obj, resolve)
    return found


_ACCOUNT = frozenset({"account", "accounts", "bank"})


def _is_account(prep: Any) -> bool:
    return any(c.dep_ == "pobj" and c.lemma_.lower() in _ACCOUNT for c in prep.children)


def account_holder(ctx: DocContext, obj: Any, resolve: Resolver | None) -> PartyMention | None:
    """Whose account the money went into: "the account of X", "X's account", "an account held
    (owned, controlled) by X" — the holder, not the bank, is the one paid."""
    for child in obj.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return _pobj_party(ctx, child, resolve)
        if child.dep_ == "poss":
            return _party(ctx, child, resolve)
        if child.dep_ in ("acl", "relcl") and child.pos_ == "VERB":
            for agent in child.children:
                if agent.dep_ == "agent" or (agent.dep_ == "prep" and agent.lower_ == "by"):
                    return _pobj_party(ctx, agent, resolve)
    return None


def _party(ctx: DocContext, token: Any, resolve: Resolver | None) -> PartyMention | None:
    """The party named by the noun phrase headed by ``token`` (its words up to the head, so an
    apposition or relative clause after it does not count), resolving pronouns and generic
    phrases through ``resolve``."""
    left = token.left_edge.idx
    right = token.idx + len(token.text)
    for m in ctx.mentions_in(max(0, token.idx - 80), right + 120):  # a name running past its head word
        if m.start <= token.idx < m.end:
            return checked_nominal(ctx, m)
    if token.pos_ == "NOUN":  # "to Spanish side X", "Y's vehicle, X, bought": the name in apposition
        for child in token.children:
            if child.dep_ == "appos":
                named = _party(ctx, child, None)
                if named is not None:
                    return named
    inside = [m for m in ctx.mentions_in(left, right + 2) if m.start < right]
    if inside:
        on_head = [m for m in inside if m.start <= token.idx < m.end]
        return on_head[0] if on_head else inside[-1]
    if token.pos_ == "PROPN" and token.dep_ != "compound":
        short = _short_form(ctx, token)
        if short is not None:
            return short
    if resolve is None:
        return None
    if token.pos_ == "PRON" or token.lower_ in _RELATIVE:
        return resolve(token.idx, right, token.lower_, True)
    if token.pos_ == "NOUN" and token.lemma_.lower() in ORG_HEADS and \
            any(c.dep_ in ("det", "poss") for c in token.children):
        return resolve(left, right, ctx.text[left:right].lower(), False)
    return None


PRICE_NOUNS = frozenset({"price", "purchase", "acquisition", "takeover", "consideration"})


def earlier_buyer(ctx: DocContext, start: int, pos: int, resolve: Resolver) -> PartyMention | None:
    """"X bought Y in May. … The purchase price of N was paid to Z": the price of a purchase told
    before is paid by its buyer, the subject of the latest buy verb between ``start`` and ``pos``."""
    doc = ctx.nlp_doc
    if doc is None or pos > ctx.parsed_chars:
        return None
    span = doc.char_span(start, pos, alignment_mode="contract")
    if span is None:
        return None
    for tok in reversed(span):
        if tok.pos_ == "VERB" and tok.lemma_.lower() in BUY and not any(c.dep_ == "auxpass" for c in tok.children):
            subj = _subject(tok)
            if subj is not None:
                return _party(ctx, subj, resolve)
    return None


def _short_form(ctx: DocContext, token: Any) -> PartyMention | None:
    """"Acme sold…" after "Acme United" was named: a lone proper noun that is the first word of an
    organisation's longer name stands for it (the name finder may not have linked it); when several
    names start with it, the one mentioned most so far, if there is one."""
    word = token.lower_
    if len(word) < 4 or token.left_edge.i != token.i:
        return None
    found = {p.key for p in ctx.parties.values() if p.schema != "Person" and " " in p.name
             and p.name.split(" ", 1)[0].lower() == word}
    if not found:
        return None
    counts = {key: 0 for key in found}
    for m in ctx.mentions_in(0, token.idx):
        if m.party in counts:
            counts[m.party] += 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[0][1] <= ranked[1][1]:
        return None  # "Acme United" and "Acme Trust" equally prominent: no guess
    return PartyMention(token.idx, token.idx + len(token.text), token.text, ranked[0][0])


def by_head_noun(ctx: DocContext, pos: int, phrase: str, exclude: str | None = None) -> PartyMention | None:
    """"the trust", "the ministry", "фонду": the organisation named before ``pos`` whose name holds
    that head noun ("Greenhaven Civic Trust", "Ministry of Health") or is introduced by it ("фонд
    «X»"); the most mentioned such party wins, then the latest. A party named by the bare noun
    alone is a generic word the name finder took for a name, and is skipped."""
    words = re.findall(r"\w+", phrase.lower())
    if not words:
        return None
    head = words[-1]
    stem = head[: max(4, len(head) - 2)]
    counts: dict[str, int] = {}
    latest: dict[str, PartyMention] = {}
    for m in ctx.mentions_in(0, pos):
        party = ctx.parties.get(m.party)
        if party is None or party.schema == "Person" or m.party == exclude:
            continue
        name_words = re.findall(r"\w+", party.name.lower())
        named = head in name_words and len(name_words) > 1
        introduced = stem in ctx.text[max(0, m.start - 45):m.start].lower()
        if named or introduced:
            counts[m.party] = counts.get(m.party, 0) + 1
            latest[m.party] = m
    if not counts:
        return None
    best = max(counts, key=lambda k: (counts[k], latest[k].start))
    return latest[best]


def checked_nominal(ctx: DocContext, mention: PartyMention) -> PartyMention:
    """A lowercase mention ("the committee") that coreference tied to a party whose name neither
    holds that noun nor is introduced by it ("the committee" → a court named nearby) is re-tied to
    the organisation the noun does name or introduce ("its campaign committee, X for Mayor"), if
    there is one; proper-name mentions are returned as they are."""
    if not mention.text or any(c.isupper() for c in mention.text):
        return mention
    words = re.findall(r"\w+", mention.text.lower())
    party = ctx.parties.get(mention.party)
    if not words or party is None:
        return mention
    stem = words[-1][: max(4, len(words[-1]) - 2)]
    if stem in party.name.lower():
        return mention
    named = by_head_noun(ctx, mention.start, mention.text)
    if named is None or named.party == mention.party:
        return mention
    return PartyMention(mention.start, mention.end, mention.text, named.party)
