"""Relations read off the dependency parse: the shortest path between two party mentions.

Why: the masked-sentence frames in :mod:`relations` and :mod:`relations_clauses` match the
wording they were written on; news prose states the same ties in endless surface shapes ("X, a
media lawyer who also represents the trust", "the firm is controlled by X", "74 per cent of Y
belongs to Z"). The dependency tree reduces those shapes to a few grammatical relations between
two names: a trigger word (a verb such as *chair*, *own*, *represent*, or a role noun such as
*lawyer*, *owner*, *husband*) lies on the shortest path between them, and the grammatical link of
each name to the trigger (subject, object, ``by``-agent, apposition, possessor, ``of``/``at``
object) says who holds the role. Paths that are long, cross into another clause with its own
subject (reported speech, "X said Y owns Z"), pass through a third party, or carry a negation
yield nothing. The trigger lexicon is generic language knowledge, never case knowledge.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from casegraph.extract.context import DateMention, DocContext, PartyMention, Sentence
from casegraph.extract.masking import is_person, sentences_of
from casegraph.extract.nominals import mentions_between, nominal_mentions, shorts_between
from casegraph.extract.registry import component
from casegraph.extract.relations_base import record
from casegraph.extract.vocab import roles as V
from casegraph.extract.vocab.trie import trie_pattern

MAX_ARCS = 7  # "X, a lawyer who also represents Y" is 3 arcs; longer paths are rarely one statement
_CLAUSE_BREAK = {"ccomp", "parataxis", "advcl", "csubj", "csubjpass", "pcomp"}
_SUBJ = {"nsubj", "nsubjpass", "csubj", "expl"}
_REL_PRON = {"who", "which", "that", "whom", "whose"}
_NEG_WORDS = {"not", "never", "n't", "deny", "neither", "nor"}

# Verb lemmas → (schema or "founder", the side the party holding the role takes: "actor" = the
# verb's subject or ``by``-agent, "patient" = its object). Particles/prepositions qualify a few.
VERBS: dict[str, tuple[str, str]] = {
    **dict.fromkeys(("found", "co-found", "cofound", "establish", "create", "launch", "start"), ("founder", "actor")),
    **dict.fromkeys(("chair", "head", "lead", "run", "direct", "manage", "preside", "helm"),
                    ("Directorship", "actor")),
    **dict.fromkeys(("own", "co-own", "control", "acquire", "buy", "purchase", "hold"), ("Ownership", "actor")),
    "belong": ("Ownership", "patient"),
    **dict.fromkeys(("represent", "defend", "advise"), ("Representation", "actor")),
    **dict.fromkeys(("work", "edit", "cover", "report", "write", "play"), ("Employment", "actor")),
    **dict.fromkeys(("employ", "hire", "recruit"), ("Employment", "patient")),
    **dict.fromkeys(("join", "sit"), ("Membership", "actor")),
    "include": ("Membership", "patient"),
}
# verbs that only mean the relation with a particle or preposition ("set up", "sit on", "act for")
_VERB_NEEDS = {"sit": {"on"}, "work": {"for", "at", "in"}, "cover": {"for"}, "report": {"for"}, "write": {"for"},
               "play": {"for"}, "hold": {"stake", "share"},
               "start": {"company", "firm", "business"}, "buy": {"stake", "share"}, "acquire": {"stake", "share"},
               "purchase": {"stake", "share"},
               "act": {"for"}, "set": {"up"}}
VERBS["act"] = ("Representation", "actor")
VERBS["set"] = ("founder", "actor")
_VERB_ROLE = {"founder": "founder", "Directorship": "head", "Ownership": "owner", "Representation": "representative",
              "Employment": "employee", "Membership": "member"}

_TAKEOVER = {"buy", "acquire", "purchase"}  # a party bought outright is owned
_VERB_ROLE_BY_LEMMA = {"chair": "chair", "edit": "editor", "co-found": "co-founder", "run": "head", "cover": "reporter",
                       "report": "reporter", "write": "writer", "play": "player"}

# Nouns beyond the role-title vocabulary that imply a tie.
NOUNS: dict[str, str] = {
    **dict.fromkeys(("stake", "share", "shareholding", "cent", "percent"), "Ownership"),
    **dict.fromkeys(("board",), "Membership"),
    **dict.fromkeys(("reporter", "staffer", "staff", "employee", "worker", "columnist", "producer"), "Employment"),
    **dict.fromkeys(("associate", "ally", "friend", "confidant", "protégé", "protege"), "Associate"),
}
KIN = {k for k in V.KIN_EN if " " not in k}
_IDENTITY_NOUNS = {"partner"}  # partner at a firm → employee; partner of a person → associate
# "74 per cent of X", "a stake in X": the share stands for its holder
_QUANTITY = {"cent", "percent", "%", "stake", "share", "majority", "part", "portion", "rest", "remainder", "half",
             "third", "quarter", "shareholding", "control"}
# "the board of X": sitting on it is a tie to X
_BODY_PARTS = {"board", "management", "presidium", "council", "staff", "payroll"}


@dataclass
class End:
    """One side of a candidate pair: the mention and the token that stands for it in the tree."""

    mention: PartyMention
    token: Any  # spacy Token


def _kind_of_noun(tok: Any) -> str | None:
    lemma = tok.lemma_.lower()
    if lemma in KIN or tok.lower_ in KIN:
        return "Family"
    if lemma in _IDENTITY_NOUNS:
        return "partner"
    if lemma in NOUNS:
        return NOUNS[lemma]
    kind = V.role_kind(_noun_phrase(tok))
    return kind


def _noun_phrase(tok: Any) -> str:
    """The role noun with the title words before it ("nominee director", "chief executive")."""
    words = [c.text for c in tok.lefts if c.dep_ in ("compound", "amod") and c.i >= tok.i - 3
             and c.ent_type_ not in ("ORG", "PERSON", "GPE") and c.pos_ in ("NOUN", "ADJ", "PROPN")]
    return " ".join([*words, tok.text]).lower()


def _needed_near(tok: Any, lemma: str) -> list[Any]:
    """The words that qualify a verb: its children, and for a reporter's verbs those of its object
    too ("covered the courts for Y")."""
    kids = list(tok.children)
    if lemma in ("cover", "report"):
        kids += [g for c in kids if c.dep_ == "dobj" for g in c.children]
    return kids


def _verb_kind(tok: Any, ends: set[int]) -> tuple[str, str] | None:
    lemma = tok.lemma_.lower()
    if lemma not in VERBS or tok.pos_ not in ("VERB", "AUX"):
        return None
    need = _VERB_NEEDS.get(lemma)
    if need and not any(c.lower_ in need or c.lemma_.lower() in need for c in _needed_near(tok, lemma)) and not (
            lemma in _TAKEOVER and any(c.dep_ == "dobj" and c.i in ends for c in tok.children)):
        return None  # "bought a stake in Y", or "bought Y" when Y is a named party (a takeover)
    return VERBS[lemma]


def _passive(tok: Any) -> bool:
    if any(c.dep_ in ("auxpass", "nsubjpass", "agent") for c in tok.children):
        return True
    return bool(tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod"))


_PRON_PERSON = {"he", "she", "him", "his", "her"}
_PRON_ORG = {"it", "its"}
_OBJ_DEPS = {"dobj", "pobj", "dative"}
_PRON_DEPS = {"nsubj", "nsubjpass", "poss", *_OBJ_DEPS}


# every word that can make a token a trigger (verbs, nouns, kin, role words), matched as a prefix
_TRIGGER_WORDS = {*VERBS, *NOUNS, *KIN, *_IDENTITY_NOUNS, *V.ROLE_HEADS,
                  *(w for r in V.ALL_ROLES if r.isascii() for w in r.split())}
_TRIGGER_RE = re.compile(trie_pattern(_TRIGGER_WORDS))


_TRIGGER_HASHES: dict[int, bool] = {}


def _is_trigger(strings: Any, key: int) -> bool:
    known = _TRIGGER_HASHES.get(key)
    if known is None:
        if len(_TRIGGER_HASHES) > 200000:
            _TRIGGER_HASHES.clear()
        known = bool(_TRIGGER_RE.match(strings[key]))
        _TRIGGER_HASHES[key] = known
    return known


class Tree:
    """The parse as plain integer arrays, built once per document: walking ``token.head`` through
    spaCy objects per pair was most of this module's time. ``heads[i]`` is the head of token i,
    ``starts``/``ends`` the tokens' character offsets (a bisect maps a mention to its tokens
    without ``doc.char_span``), ``lower``/``lemma`` the word hashes."""

    def __init__(self, doc: Any) -> None:
        from spacy.attrs import HEAD, IDX, LEMMA, LENGTH, LOWER

        self.doc = doc
        cols = doc.to_array([HEAD, IDX, LENGTH]).astype("int64")
        import numpy

        self.heads = (cols[:, 0] + numpy.arange(len(cols))).tolist()  # HEAD is relative to the token
        self.starts = cols[:, 1].tolist()
        self.ends = (cols[:, 1] + cols[:, 2]).tolist()
        words = doc.to_array([LOWER, LEMMA])
        self.lower = words[:, 0].tolist()
        self.lemma = words[:, 1].tolist()
        strings = doc.vocab.strings
        prons = {strings.add(w) for w in _PRON_PERSON | _PRON_ORG}
        self.pronouns = [i for i, h in enumerate(self.lower) if h in prons]

    @property
    def tokens(self) -> Any:
        return self.doc

    def trigger(self, i: int) -> bool:
        """Whether token i can be a trigger at all (a verb, role or kin word, by prefix as
        :func:`roles.role_kind` matches): pairs with none on their path are skipped before any
        token object is built. Memoised per word hash across documents."""
        return _is_trigger(self.doc.vocab.strings, self.lower[i]) or _is_trigger(self.doc.vocab.strings,
                                                                                  self.lemma[i])

    def int_path(self, a: int, b: int) -> tuple[list[int], int] | None:
        """The token indices from a up to the lowest common ancestor and down to b, and that ancestor."""
        up_a, up_b = self.ancestors(a), self.ancestors(b)
        ids_b = {t: n for n, t in enumerate(up_b)}
        for n, t in enumerate(up_a):
            if t in ids_b:
                return up_a[: n + 1] + up_b[: ids_b[t]][::-1], t
        return None

    def ancestors(self, i: int) -> list[int]:
        out = [i]
        heads = self.heads
        while heads[out[-1]] != out[-1]:
            out.append(heads[out[-1]])
        return out

    def span_root(self, start: int, end: int) -> Any | None:
        """The syntactic root of the tokens overlapping [start, end) (``char_span(…, "expand").root``)."""
        lo = bisect.bisect_right(self.ends, start)
        hi = bisect.bisect_left(self.starts, end)
        if lo >= hi:
            return None
        if hi - lo == 1:
            return self.tokens[lo]
        # the first token whose head lies outside the span (spaCy's ``Span.root`` for a subtree)
        heads = self.heads
        best = next((i for i in range(lo, hi) if not lo <= heads[i] < hi), lo)
        return self.tokens[best]

    def token_range(self, start: int, end: int) -> range:
        return range(bisect.bisect_right(self.ends, start), bisect.bisect_left(self.starts, end))


def tree_of(ctx: DocContext) -> Tree:
    doc = ctx.nlp_doc
    cached: Tree | None = ctx.cache.get("relations_dep.tree")
    if cached is None or cached.doc is not doc:
        cached = Tree(doc)
        ctx.cache["relations_dep.tree"] = cached
    return cached


def _edges(path: list[Any]) -> list[tuple[str, str, Any]]:
    """(direction, label, lower token) of each arc along the path."""
    out = []
    for x, y in zip(path, path[1:], strict=False):
        if x.head.i == y.i:
            out.append(("up", x.dep_, x))
        else:
            out.append(("down", y.dep_, y))
    return out


def _negated(path: Iterable[Any]) -> bool:
    for t in path:
        if t.lemma_.lower() in _NEG_WORDS:
            return True
        for c in t.children:
            if c.dep_ == "neg" or c.lower_ in ("never", "not", "n't"):
                return True
            if c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children):
                return True
    return False


_DENY = {"deny", "dispute", "reject", "refute", "rebut", "dismiss"}


def _denied(lca: Any) -> bool:
    """"X denied that she represents Y", "it is not true that …": a denial or negation governing
    the clause that states the tie."""
    tok = lca
    while tok.head.i != tok.i and tok.dep_ in ("ccomp", "xcomp", "conj", "relcl", "acl", "advcl", "pcomp", "pobj",
                                               "prep", "dobj", "attr"):
        tok = tok.head
        if tok.lemma_.lower() in _DENY or any(c.dep_ == "neg" for c in tok.children):
            return True
    return False


def _side(seq: list[tuple[str, str, Any]], trigger: Any) -> str:
    """How one end attaches to the trigger: "actor" (subject, by-agent, apposition, "as" role),
    "patient" (object, passive subject), "poss", "prep:<word>", "compound", or "other"."""
    i = 0
    # "74 per cent of X", "a stake in X": the share stands for the holder of the share
    if len(seq) > 2 and seq[0][1] == "pobj" and seq[1][2].lower_ in ("of", "in") and seq[0][0] == "up" \
            and seq[2][0] == "up" and seq[2][2].lemma_.lower() in _QUANTITY | _BODY_PARTS \
            and seq[2][2].i != trigger.i:
        seq = seq[2:]
    # coordination and apposition on the end's side keep identity ("its directors, A and B")
    while i < len(seq) and seq[i][1] in ("conj", "appos"):
        d, lab, low = seq[i]
        if lab == "appos" and trigger.i in (low.i, low.head.i) and trigger.pos_ in ("NOUN", "PROPN"):
            return "actor"  # "the spokesperson, X" / "X, the spokesperson"
        if low.i == trigger.i:
            break
        i += 1
    rest = seq[i:]
    if not rest:
        return "other"
    d, lab, low = rest[0]
    if d == "down":
        if lab in ("appos", "compound") and trigger.pos_ in ("NOUN", "PROPN"):
            return "actor"
        if lab in ("relcl", "acl"):
            verb = low
            subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj and subj[0].lower_ not in _REL_PRON:
                return "patient"  # "the group he chairs"
            if subj and subj[0].dep_ == "nsubjpass":
                return "patient"
            if not subj and _passive(verb):
                return "patient"  # "a company owned by X"
            return "actor"  # "X, who chairs Y", "X, serving as its director"
        return "other"
    # up
    if lab in ("nsubj", "expl"):
        if len(rest) > 1 and rest[1][0] == "down" and (rest[1][1] in ("attr", "oprd", "xcomp", "conj") or (
                rest[1][1] == "prep" and rest[1][2].lower_ == "as")):
            return "actor"  # "X is the owner of Y", "X served as director", "X was named to head Y"
        if len(rest) > 1 and rest[1][1] == "conj":
            return "actor"
        if low.head.i != trigger.i:
            return "other"  # "X sat with the bank's officials": the noun is no role of X
        return "patient" if _passive(trigger) else "actor"
    if lab == "nsubjpass":
        if len(rest) > 1 and rest[1][1] == "conj":
            return "patient" if _passive(trigger) else "actor"
        if len(rest) > 1 and rest[1][0] == "down" and (rest[1][1] in ("oprd", "xcomp") or (
                rest[1][1] == "prep" and rest[1][2].lower_ == "as")):
            return "actor"  # "X was appointed as director", "X was named to run Y"
        return "patient"
    if lab == "pobj" and len(rest) > 1:
        prep = rest[1][2]
        word = prep.lower_
        if word == "by" or prep.dep_ == "agent":
            return "actor"
        if word == "as":
            return "actor"
        # "X's lawyer … in the High Court": only a preposition on the trigger itself names its object
        if prep.head.i == trigger.i:
            return f"prep:{word}"
        # "controls 80 percent through Z": the vehicle of a holding hangs on the holding
        if word in ("through", "via") and prep.head.dep_ == "dobj" and prep.head.head.i == trigger.i:
            return f"prep:{word}"
        # "covering the courts for Y": a reporter's employer hangs on the beat
        if word == "for" and prep.head.dep_ == "dobj" and prep.head.head.i == trigger.i \
                and trigger.lemma_.lower() in ("cover", "report"):
            return "prep:for"
        return "other"
    if lab in ("dobj", "attr", "dative"):
        if len(rest) > 1 and rest[1][0] == "down" and rest[1][1] == "prep" and rest[1][2].lower_ == "as":
            return "actor"  # "names X as the owner"
        return "patient"
    if low.head.i != trigger.i:
        return "other"
    if lab == "poss":
        return "poss"
    nxt = low.doc[low.i + 1] if low.i + 1 < len(low.doc) else None
    if lab in ("compound", "nmod") and (nxt is None or nxt.text not in ("-", "‐")):
        return "compound"  # "Brenmoor spokesperson", never "a Piraeus-based owner"
    return "other"


def _clause_subject(ctx: DocContext, tok: Any) -> str | None:
    """The party that is the subject of the clause an object pronoun sits in ("X, who represents
    him": X): an object pronoun never refers to its own clause's subject."""
    verb = tok.head if tok.dep_ in ("dobj", "dative") else tok.head.head
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    if subj.lower_ in _REL_PRON:  # the relative pronoun stands for the name before it
        before = [m for m in mentions_between(ctx, max(0, subj.idx - 200), subj.idx) if is_person(ctx, m.party)]
        return before[-1].party if before else None
    found = mentions_between(ctx, subj.idx - 60, subj.idx + len(subj) + 60)
    return next((m.party for m in found if m.start <= subj.idx < m.end), None)


def _resolve_pronoun(ctx: DocContext, tok: Any, sent: Sentence, person: bool) -> PartyMention | None:
    """"he"/"his"/"him" → the first person named in the sentence before it (for an object, not its
    clause's subject), else in the nearest earlier sentence naming one; "it"/"its" → the last
    organisation before it in the sentence, else in the previous sentence."""
    pos = tok.idx
    exclude = _clause_subject(ctx, tok) if tok.dep_ in _OBJ_DEPS else None

    def named(start: int, end: int) -> list[PartyMention]:
        found = mentions_between(ctx, start, end)
        if not person:
            found = sorted([*found, *shorts_between(ctx, start, end)], key=lambda m: m.start)
        return [m for m in found if is_person(ctx, m.party) == person and m.party != exclude]

    here = named(sent.start, pos)
    if here:
        return here[0] if person else here[-1]
    sents = sentences_of(ctx)
    idx = bisect.bisect_left(sents, sent.start, key=lambda s: s.start)
    if idx >= len(sents) or sents[idx].start != sent.start:
        return None
    for j in range(idx - 1, max(idx - 3, -1), -1):
        found = named(sents[j].start, sents[j].end)
        if found:
            return found[0] if person else found[-1]
    return None




def _ends(ctx: DocContext, tree: Tree, sent: Sentence) -> list[End]:
    found = sorted([*mentions_between(ctx, sent.start, sent.end), *nominal_mentions(ctx, sent)],
                   key=lambda m: (m.start, -(m.end - m.start)))
    out: list[End] = []
    last_end = -1
    for m in found:
        if m.party not in ctx.parties or m.start < last_end:
            continue
        root = tree.span_root(m.start, m.end)
        if root is None:
            continue
        out.append(End(m, root))
        last_end = m.end
    taken = {e.token.i for e in out}
    rng = tree.token_range(sent.start, sent.end)
    pron = tree.pronouns
    for i in pron[bisect.bisect_left(pron, rng.start):bisect.bisect_left(pron, rng.stop)]:
        tok = tree.doc[i]
        low = tok.lower_
        if tok.i in taken or tok.dep_ not in _PRON_DEPS or (tok.dep_ in _OBJ_DEPS and low not in ("him", "her")):
            continue
        ref = _resolve_pronoun(ctx, tok, sent, person=low in _PRON_PERSON)
        if ref is not None:
            out.append(End(PartyMention(tok.idx, tok.idx + len(tok), tok.text, ref.party), tok))
    return out


def _climb_conj(tok: Any) -> Any:
    while tok.dep_ in ("conj", "appos") and tok.head.pos_ in ("PROPN", "NOUN") and tok.head.i != tok.i:
        if tok.dep_ == "appos" and tok.head.pos_ != "PROPN":
            break
        tok = tok.head
    return tok


@dataclass
class Finding:
    schema: str
    holder: End  # the party holding the role (director, owner, agent, member, employee, person)
    other: End
    role: str
    trigger: Any


def _classify(ctx: DocContext, a: End, b: End, path: list[Any]) -> Finding | None:
    pa, pb = is_person(ctx, a.mention.party), is_person(ctx, b.mention.party)
    inner = path[1:-1]
    edges = _edges(path)
    ends = {path[0].i, path[-1].i}
    candidates = []
    for n, tok in enumerate(inner, start=1):
        verb = _verb_kind(tok, ends)
        noun = None if verb else (_kind_of_noun(tok) if tok.pos_ in ("NOUN", "PROPN") else None)
        if verb or noun:
            candidates.append((n, tok, verb, noun))
    if not candidates:
        return None
    # nearest trigger to the person end (for person–org), else the first from the subject side
    if pb and not pa:
        candidates = list(reversed(candidates))
    for n, tok, verb, noun in candidates:
        side_a = _side(edges[:n], tok)
        side_b = _side(list(reversed([(("down" if d == "up" else "up"), lab, low) for d, lab, low in edges[n:]])),
                       tok)
        found = _judge(ctx, a, b, pa, pb, tok, verb, noun, side_a, side_b)
        if found is not None:
            return found
    return None


def _judge(ctx: DocContext, a: End, b: End, pa: bool, pb: bool, tok: Any, verb: tuple[str, str] | None,
           noun: str | None, side_a: str, side_b: str) -> Finding | None:
    if verb is not None:
        kind, holder_side = verb
        if _passive(tok) and holder_side == "actor" and "actor" not in (side_a, side_b):
            return None
        holder = a if side_a == holder_side else b if side_b == holder_side else None
        if holder_side == "actor" and holder is None:
            return None
        if holder_side == "patient" and holder is None:
            holder = a if side_b == "actor" else b if side_a == "actor" else None
        if holder is None:
            return None
        other = b if holder is a else a
        other_side = side_b if holder is a else side_a
        # the other end is the verb's object or prepositional object ("chairs Y", "works for Y"), or
        # for verbs whose role holder is the object ("Y employs X"), its subject
        if holder_side == "actor" and not (other_side == "patient" or other_side.startswith("prep:")):
            return None
        if holder_side == "patient" and other_side != "actor":
            return None
        if other_side in ("prep:through", "prep:via") and kind != "Ownership":
            return None  # only a holding is held through a vehicle ("owns Y through Z")
        if is_person(ctx, other.mention.party) and kind not in ("Representation", "Employment"):
            return None
        if not is_person(ctx, holder.mention.party) and kind not in ("Ownership", "Representation"):
            return None
        schema = "Directorship" if kind == "founder" else kind
        role = _VERB_ROLE_BY_LEMMA.get(tok.lemma_.lower(), _VERB_ROLE[kind])
        if kind == "Representation" and any(t.lower_ in ("lawyer", "attorney", "counsel", "advocate")
                                            for t in tok.sent):
            role = "lawyer"
        return Finding(schema, holder, other, role, tok)
    assert noun is not None
    # a role noun: one end is the noun (apposition, copula, "as"), the other its possessor or
    # "of/at/for" object
    if side_a == "actor" and side_b != "actor":
        holder, other, oside = a, b, side_b
    elif side_b == "actor" and side_a != "actor":
        holder, other, oside = b, a, side_a
    else:
        return None
    if oside not in ("poss", "compound") and not oside.startswith("prep:"):
        return None
    if oside.startswith("prep:") and oside[5:] not in ("of", "at", "for", "in", "with", "to", "on"):
        return None
    hp, op = is_person(ctx, holder.mention.party), is_person(ctx, other.mention.party)
    role = _noun_phrase(tok)
    if noun == "Family":
        return Finding("Family", holder, other, tok.lower_, tok) if hp and op else None
    if noun == "partner":
        noun = "Associate" if op else "Employment"
    if noun == "Associate":
        return Finding("Associate", holder, other, role, tok) if hp and op else None
    if op and noun != "Representation" and noun != "Employment":
        return None
    if not hp and noun not in ("Ownership", "Representation"):
        return None
    if noun == "Representation" and not op and oside in ("prep:at", "prep:with", "prep:in"):
        noun = "Employment"  # "a barrister at X Chambers" works there; "lawyer for X" names a client
    if noun == "founder":
        return Finding("Directorship", holder, other, "founder", tok)
    if noun == "Membership" and tok.lemma_.lower() == "board":
        role = "board member"
    return Finding(noun, holder, other, role, tok)


def _crosses_clause(path: list[Any], lca: Any, ends: set[int]) -> bool:
    for x, y in zip(path, path[1:], strict=False):
        low = x if x.head.i == y.i else y
        if low.dep_ in _CLAUSE_BREAK:
            return True
    for t in path[1:-1]:
        if t.i == lca.i or t.pos_ not in ("VERB", "AUX"):
            continue
        for c in t.children:
            if c.dep_ in _SUBJ and c.i not in ends and c.i not in {p.i for p in path} and c.lower_ not in _REL_PRON:
                return True
    return False


def _date_for(ctx: DocContext, tree: Tree, trigger: Any, sent: Sentence) -> tuple[str, DateMention] | None:
    for d in ctx.dates_in(sent.start, sent.end):
        rng = tree.token_range(d.start, d.end)
        root = tree.span_root(d.start, d.end)
        if root is None:
            continue
        # the date's own clause: the first verb above it is the trigger (or governs the role noun)
        verb = next((tree.tokens[t] for t in tree.ancestors(root.i)[1:] if tree.tokens[t].pos_ in ("VERB", "AUX")),
                    None)
        if verb is not None and (verb.i == trigger.i or verb.i == trigger.head.i):
            prev = tree.tokens[rng.start - 1].lower_ if rng.start > 0 else ""
            return ("endDate" if prev in ("until", "till", "to") else "startDate", d)
    return None


def _pair_findings(ctx: DocContext, tree: Tree, sent: Sentence, ends: list[End]) -> list[Finding]:
    heads = {e.token.i for e in ends}
    climbed = [_climb_conj(e.token) for e in ends]
    person = [is_person(ctx, e.mention.party) for e in ends]
    out = []
    for i, a in enumerate(ends):
        for j in range(i + 1, len(ends)):
            b = ends[j]
            if a.mention.party == b.mention.party or a.token.i == b.token.i:
                continue
            pa, pb = person[i], person[j]
            ta, tb = climbed[i], climbed[j]
            if ta.i == tb.i:
                continue
            found_path = tree.int_path(ta.i, tb.i)  # integers first: most pairs fail these cheap tests
            if found_path is None or len(found_path[0]) - 1 > MAX_ARCS:
                continue
            ipath, top = found_path
            inner = ipath[1:-1]
            if not any(tree.trigger(t) for t in inner):
                continue
            if not (pa and pb) and any(t in heads and t not in (a.token.i, b.token.i) for t in inner):
                continue
            path = [tree.doc[t] for t in ipath]
            lca = tree.doc[top]
            if _crosses_clause(path, lca, {a.token.i, b.token.i}) or _negated(path[1:-1]) or _denied(lca):
                continue
            found = _classify(ctx, End(a.mention, ta), End(b.mention, tb), path)
            if found is not None:
                found.holder = a if found.holder.mention is a.mention else b
                found.other = b if found.holder is a else a
                out.append(found)
    return out


def _sentence(ctx: DocContext, tree: Tree, sent: Sentence) -> None:
    ends = _ends(ctx, tree, sent)
    if len(ends) < 2:
        return
    findings = _pair_findings(ctx, tree, sent, ends)
    for f in findings:
        date = _date_for(ctx, tree, f.trigger, sent)
        t = f.trigger
        draft = record(ctx, f.schema, f.holder.mention, f.other.mention, sent, (f.role, t.idx, t.idx + len(t)),
                       0.7, start_date=date[1] if date and date[0] == "startDate" else None)
        if draft is not None and date and date[0] == "endDate":
            draft.add("endDate", date[1].value, date[1].start, date[1].end)
    _compose(ctx, sent, findings)


def _compose(ctx: DocContext, sent: Sentence, findings: list[Finding]) -> None:
    """"X, a partner at Y, the firm acting for Z": the person working at the firm that represents
    a client represents that client too (stated in one sentence)."""
    for rep in findings:
        if rep.schema != "Representation" or is_person(ctx, rep.holder.mention.party):
            continue
        for emp in findings:
            if emp.schema == "Employment" and emp.other.mention.party == rep.holder.mention.party:
                t = rep.trigger
                record(ctx, "Representation", emp.holder.mention, rep.other.mention, sent,
                       ("lawyer", t.idx, t.idx + len(t)), 0.6)


@component("relations_dep", requires=("parties", "dates", "parse"), assigns=("relations",))
def run(ctx: DocContext) -> None:
    """Add relation drafts found on dependency paths between party mentions (English only)."""
    doc = ctx.nlp_doc
    if doc is None or ctx.language != "en" or not len(doc):
        return
    limit = ctx.parsed_chars
    tree = tree_of(ctx)
    for sent in sentences_of(ctx):
        if sent.end > limit:
            break
        low = sent.text.lower()
        if len(mentions_between(ctx, sent.start, sent.end)) + sum(1 for w in _CHEAP_ENDS if w in low) < 2:
            continue
        _sentence(ctx, tree, sent)


_CHEAP_ENDS = ("he ", "she ", "it ", "its ", "his ", "her ", "him", "the ")
