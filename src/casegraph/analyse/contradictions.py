"""Contradictions: groups of claims about one subject that cannot all be true.

Three sources, each explained in one line:

- **within a document** — claims the extractor paired because the text sets them against each other
  (they share a ``topic`` key, see :mod:`casegraph.extract.claims`);
- **across statements** — two statements about one subject (a party's quotes, the claims made about
  it), in different documents or to different audiences, that share what they are about (content
  words) while one denies or negates what the other asserts: a person's account to one outlet
  against his account to another, a denial against an assertion;
- **against the record** — a statement denying money ("we get no state funding") set against a
  Payment the case documents to that party or to an organisation it runs.

The stored contradictions (what the case bundle carries) are those whose claims are all extractor
claims; the others are recomputed on each request (:func:`find_all`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from followthemoney.proxy import EntityProxy

from casegraph.analyse.describe import describe
from casegraph.analyse.snapshot import Snapshot, Span
from casegraph.extract.claims_cues import content, denial, negated
from casegraph.model import Claim, Contradiction

MIN_SHARED = 3  # content words two statements must share to be about one thing
SHARE = 0.4  # ... and this part of the shorter one's
MAX_WORDS = 40  # a long passage shares words with anything
PER_SUBJECT = 8  # cross-statement pairs kept per subject, best first
# Money a statement may deny, and the state as its source (English and Russian stems, see ``content``).
FUNDING = re.compile(r"(?i)\b(?:fund|financ|grant|money|income|budget|paid|payment|donat|subsid|sponsor)\w*"
                     r"|(?<![\w-])(?:финанс|грант|деньг|денег|доход|бюджет|оплат|пожертв|субсид|спонсор)\w*")
STATE = re.compile(r"(?i)\b(?:state|government|budget|public|federal|presidential|ministr)\w*"
                   r"|(?<![\w-])(?:государств|бюджет|президент|министер|казн|федеральн)\w*")
FOREIGN = re.compile(r"(?i)\b(?:abroad|foreign|overseas|international|other countries)\b"
                     r"|(?<![\w-])(?:из-за (?:рубежа|границы)|иностран\w*|зарубежн\w*)")
GRANTS = re.compile(r"(?i)grant|subsid|грант|субсид")


def topic_words(claims: list[Claim], limit: int = 4) -> str:
    shared = set.intersection(*(content(c.text) for c in claims)) if claims else set()
    words = sorted(shared)[:limit] or sorted(content(claims[0].text))[:limit]
    return ", ".join(words)


def find_contradictions(claims: Iterable[Claim]) -> list[Contradiction]:
    """Claims one document sets against each other (a shared topic key), one contradiction each."""
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.topic:
            groups[(claim.document_id, claim.topic)].append(claim)
    found = []
    for group in groups.values():
        if len(group) < 2:
            continue
        group.sort(key=lambda c: c.start)
        subject = next((c.subject for c in group if c.subject), None)
        found.append(Contradiction(subject=subject, topic=topic_words(group), claims=group))
    return found


@dataclass
class Finding:
    contradiction: Contradiction
    explanation: str
    kind: str  # "within-document" | "across-statements" | "against-record"
    audiences: dict[str, str | None] = field(default_factory=dict)  # claim id -> audience id


@dataclass
class _Said:
    """A statement: a quote (by its speaker, to an audience) or a claim (by someone, about a subject)."""

    claim: Claim
    audience: str | None
    words: set[str]
    negative: bool
    stored: bool  # an extractor claim (in the store), not a quote


def _statements(snap: Snapshot) -> list[_Said]:
    said: list[_Said] = []
    for q in snap.quotes:
        if not q.speaker:
            continue
        claim = Claim(subject=q.speaker, by=q.speaker, topic=None, text=q.text, document_id=q.document_id,
                      start=q.start, end=q.end, origin=q.origin, confidence=q.confidence)
        said.append(_Said(claim, q.audience, content(q.text) - content(snap.name(q.speaker)),
                          bool(negated(q.text) or denial(q.text)), False))
    for c in snap.claims:
        if c.subject:
            said.append(_Said(c, None, content(c.text) - content(snap.name(c.subject)),
                              bool(negated(c.text) or denial(c.text)), True))
    return said


def _who(snap: Snapshot, by: str | None) -> str:
    if by is None:
        return "the document"
    return snap.name(by) if by in snap.entities else by


def _where(snap: Snapshot, s: _Said) -> str:
    to = f"to {snap.name(s.audience)} " if s.audience else ""
    return f"{to}in “{snap.title(s.claim.document_id)}”"


def _across(snap: Snapshot, said: list[_Said], paired: set[frozenset[str]]) -> list[Finding]:
    by_subject: dict[str, list[_Said]] = defaultdict(list)
    for s in said:
        if s.claim.subject and 2 <= len(s.words) <= MAX_WORDS:
            by_subject[s.claim.subject].append(s)
    found: list[Finding] = []
    for subject, group in by_subject.items():
        scored: list[tuple[float, _Said, _Said, set[str]]] = []
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if a.negative == b.negative or frozenset((a.claim.id, b.claim.id)) in paired:
                    continue
                same_doc = a.claim.document_id == b.claim.document_id
                if same_doc and not (a.audience and b.audience and a.audience != b.audience):
                    continue  # one document's own pairs come from the extractor's cues
                if a.claim.start < b.claim.end and b.claim.start < a.claim.end and same_doc:
                    continue
                shared = a.words & b.words
                if len(shared) < MIN_SHARED or len(shared) < SHARE * min(len(a.words), len(b.words)):
                    continue
                scored.append((len(shared) / min(len(a.words), len(b.words)), a, b, shared))
        scored.sort(key=lambda x: -x[0])
        used: set[str] = set()
        for _score, a, b, shared in scored:
            if len(used) >= 2 * PER_SUBJECT or a.claim.id in used or b.claim.id in used:
                continue
            used |= {a.claim.id, b.claim.id}
            neg, pos = (a, b) if a.negative else (b, a)
            topic = ", ".join(sorted(shared)[:4])
            explanation = (f"{_who(snap, neg.claim.by)} {_where(snap, neg)} denies or negates what "
                           f"{_who(snap, pos.claim.by)} {_where(snap, pos)} asserts about {snap.name(subject)} "
                           f"({topic}).")
            claims = sorted((a.claim, b.claim), key=lambda c: (c.document_id, c.start))
            found.append(Finding(Contradiction(subject=subject, topic=topic, claims=claims), explanation,
                                 "across-statements", {a.claim.id: a.audience, b.claim.id: b.audience}))
    return found


def _runs(snap: Snapshot, party: str) -> set[str]:
    """The party and the organisations it directs, owns, leads or belongs to (FtM edge relations)."""
    out = {party}
    for e in snap.entities.values():
        schema = e.schema
        if schema.edge and schema.edge_source and schema.edge_target and not schema.is_a("Payment") \
                and party in snap.refs(e, schema.edge_source):
            out.update(snap.refs(e, schema.edge_target))
    return out


def _state_money(snap: Snapshot, payment: EntityProxy) -> bool:
    payers = [snap.entities.get(p) for p in snap.refs(payment, "payer")]
    public = any(p is not None and p.schema.is_a("PublicBody") for p in payers)
    return public or any(GRANTS.search(x) for x in payment.get("purpose") + payment.get("summary"))


def _countries(snap: Snapshot, ids: list[str]) -> set[str]:
    out: set[str] = set()
    for i in ids:
        entity = snap.entities.get(i)
        if entity is not None:
            out |= set(entity.get("country", quiet=True) + entity.get("jurisdiction", quiet=True))
    return out


def _foreign_money(snap: Snapshot, payment: EntityProxy) -> bool:
    """A payer known to be of another country than the beneficiary (both recorded)."""
    payer = _countries(snap, snap.refs(payment, "payer"))
    payee = _countries(snap, snap.refs(payment, "beneficiary"))
    return bool(payer and payee and not payer & payee)


def _against_records(snap: Snapshot, said: list[_Said]) -> list[Finding]:
    payments = [p for p in snap.of_schema("Payment") if p.id]
    if not payments:
        return []
    found: list[Finding] = []
    for s in said:
        holder = s.claim.by if s.claim.by and s.claim.by in snap.entities else s.claim.subject
        if not (s.negative and holder and FUNDING.search(s.claim.text)) or s.claim.by is None:
            continue
        receivers = _runs(snap, holder)
        state = STATE.search(s.claim.text) is not None
        foreign = FOREIGN.search(s.claim.text) is not None  # "no money from abroad" is not denied by a home grant
        hits = [p for p in payments if receivers & set(snap.refs(p, "beneficiary"))
                and (not state or _state_money(snap, p)) and (not foreign or _foreign_money(snap, p))]
        records: list[Claim] = []
        seen: set[tuple[str, ...]] = set()
        for p in sorted(hits, key=lambda p: (p.first("date") or "", p.id or "")):
            key = (*p.get("amount"), *p.get("currency"), *p.get("date"))
            span = snap.span(p.id or "")
            if key in seen or span.document is None or span.start is None or span.end is None:
                continue
            seen.add(key)
            payer = next(iter(snap.refs(p, "payer")), None)
            records.append(Claim(subject=holder, by=payer, topic=None,
                                 text=snap.text(span), document_id=span.document, start=span.start,
                                 end=span.end, origin="analyse:money"))
        if not records:
            continue
        first = [p for p in hits if snap.span(p.id or "") == Span(records[0].document_id, records[0].start,
                                                                     records[0].end)][0]
        when = f" ({first.first('date')})" if first.has("date") else ""
        more = f" and {len(records) - 1} more" if len(records) > 1 else ""
        explanation = (f"{_who(snap, s.claim.by)} {_where(snap, s)} denies receiving such money, but the case "
                       f"records {describe(snap, first)}{when}{more}.")
        topic = "state funding" if state else "funding"
        found.append(Finding(Contradiction(subject=holder, topic=topic, claims=[s.claim, *records[:3]]),
                             explanation, "against-record", {s.claim.id: s.audience}))
    return found


def within_document(snap: Snapshot) -> list[Finding]:
    found = []
    for cx in find_contradictions(snap.claims):
        doc = snap.title(cx.claims[0].document_id)
        who = _who(snap, cx.subject) if cx.subject else "its subject"
        found.append(Finding(cx, f"“{doc}” sets these claims about {who} against each other ({cx.topic}).",
                             "within-document"))
    return found


def find_all(snap: Snapshot) -> list[Finding]:
    """Every contradiction in the case: within documents, across statements, against the record."""
    own = within_document(snap)
    paired = {frozenset((a.id, b.id)) for f in own for a in f.contradiction.claims for b in f.contradiction.claims}
    said = _statements(snap)
    return own + _across(snap, said, paired) + _against_records(snap, said)


def storable(findings: Iterable[Finding], stored_claims: set[str]) -> list[Contradiction]:
    """The contradictions whose claims are all stored extractor claims (the store keeps claim ids)."""
    return [f.contradiction for f in findings if all(c.id in stored_claims for c in f.contradiction.claims)]
