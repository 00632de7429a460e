"""The designation chain: the dated acts by which a party came to be listed.

Reconstructed from the case's own dated Events and Sanctions, not from a template: every Event whose
wording names a procedural act (a complaint, a referral, a confirmation, an order, a listing) is an
act; its actor is the involved party named right before the act's words, its target the first one
named after them. Starting from the listing (the Sanction's date, else the party's latest act), the
chain takes, going back in time within :data:`WINDOW_DAYS`, each act that involves a party already
in the chain — the listed party, the listing authority, the people working for them — and adds that
act's parties, until nothing more joins. Acts reported by several documents (same day, action and
actor) are one act with several sources.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from followthemoney.proxy import EntityProxy

from casegraph.analyse.dates import to_day
from casegraph.analyse.snapshot import Snapshot, Span

WINDOW_DAYS = 180  # how far before the listing an act may lie and still belong to its chain
# Procedural acts, checked in this order (an order "adding X to the register" is the order, a
# referral "forwards the complaint" is the referral). Generic English and Russian wording.
ACTIONS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("order", re.compile(r"(?i)\b(?:orders?|ordered|decree|signs?|signed|decision)\b"
                         r"|(?<![\w-])(?:приказ\w*|распоряжени\w*|подписал\w*|постановлени\w*)")),
    ("listing", re.compile(r"(?i)\b(?:list(?:s|ed|ing)?|designat\w+|register(?:s|ed)?|added|adds|includ\w+)\b"
                           r"|(?<![\w-])(?:включил\w*|внес\w*|внёс|признал\w*)")),
    ("referral", re.compile(r"(?i)\b(?:forward\w*|refer(?:s|red)?|passe[sd]\b.{0,30}\bon|sen[dt]s?\b.{0,40}\bon to"
                            r"|(?:sen[dt]s?|passe[sd]|hand(?:s|ed)) (?:it|them)|transmit\w*)\b"
                            r"|(?<![\w-])(?:переслал\w*|передал\w*|перенаправил\w*)")),
    ("complaint", re.compile(r"(?i)\b(?:complain\w*|petition\w*|appeal(?:s|ed)? to|denounc\w+)\b"
                             r"|(?<![\w-])(?:жалоб\w*|пожаловал\w*|донос\w*)")),
    ("confirmation", re.compile(r"(?i)\b(?:confirm\w*|report(?:s|ed)?|tell?s|told|verif\w+|attest\w*|inform(?:s|ed)"
                                r"|notif(?:y|ies|ied))\b|(?<![\w-])(?:подтверд\w*|сообщил\w*|доложил\w*|уведомил\w*"
                                r"|проинформировал\w*)")),
)
FOLLOWING = 40  # characters after an act's words that may finish it ("passed the complaint on")
AGENT = re.compile(r"(?i)\b(?:from|by)\b|(?<![\w-])от(?![\w-])")
ATTRIBUTION = re.compile(r"(?i)(?:according to|as told by|по словам|по данным|согласно)\s*$")
STAGE = {"complaint": 0, "referral": 1, "confirmation": 2, "order": 3, "listing": 4}  # order on one day
RELATIONS = ("Employment", "Membership", "Directorship")  # who acts for whom


@dataclass
class Act:
    date: str
    action: str
    actor: str | None
    target: str | None
    parties: set[str]
    summary: str
    span: Span
    sources: list[Span] = field(default_factory=list)

    def to_dict(self, snap: Snapshot) -> dict[str, Any]:
        return {"date": self.date, "actor": self.actor, "actor_name": snap.name(self.actor) if self.actor else None,
                "action": self.action, "target": self.target,
                "target_name": snap.name(self.target) if self.target else None, "summary": self.summary,
                **self.span.to_dict(), "sources": [s.to_dict() for s in self.sources]}


def classify(text: str) -> tuple[str | None, int]:
    """The act a wording names, and where its word is."""
    for action, pattern in ACTIONS:
        m = pattern.search(text)
        if m:
            return action, m.start()
    return None, 0


def _act(snap: Snapshot, event: EntityProxy, date: str) -> Act | None:
    eid = event.id or ""
    name_st = next((s for s in snap.sources(eid, ["name"]) if s.start is not None and s.end is not None), None)
    words = event.first("name") or ""
    if name_st is not None and name_st.document_id and name_st.start is not None and name_st.end is not None:
        # the act's words and what follows them ("sent the complaint | on to the ministry")
        words = snap.text(Span(name_st.document_id, name_st.start, name_st.end + FOLLOWING))
    action, at = classify(words)
    if action is None:
        action, at = classify(event.first("summary") or "")
        at = 0
    if action is None:
        return None
    placed: list[tuple[int, int, str]] = []
    for st in snap.sources(eid, ["involved", "organizer"]):
        party = snap.canonical(st.value)
        if st.start is not None and st.end is not None and snap.is_party(party):
            placed.append((st.start, st.end, party))
    placed.sort()
    parties = {p for _s, _e, p in placed} | {v for v in snap.refs(event, "involved") if snap.is_party(v)}
    pivot = name_st.start + at if name_st is not None and name_st.start is not None else None
    before = [p for s, _e, p in placed if pivot is not None and s < pivot and not _attribution(snap, event, s)]
    people = [p for p in before if _is_person(snap, p)]
    after = [(s, p) for s, _e, p in placed if pivot is None or s >= pivot]
    # the subject of the act: the person named last before its words ("X, deputy head of Y, forwards"),
    # else the party named last before them ("the ministry added")
    actor = people[-1] if people else (before[-1] if before else None)
    if actor is None and after and name_st is not None and name_st.document_id and pivot is not None:
        # "a complaint from X", "signed by X": the actor named after the act
        gap = snap.text(Span(name_st.document_id, pivot, after[0][0]))
        if AGENT.search(gap):
            actor = after[0][1]
    target = next((p for _s, p in after if p != actor), None)
    summary = (event.first("summary") or words).strip()
    span = snap.span(eid)
    return Act(date, action, actor, target, parties, summary, span, [span])


def acts(snap: Snapshot) -> list[Act]:
    found = []
    for event in snap.of_schema("Event"):
        for date in event.get("date") or event.get("startDate"):
            act = _act(snap, event, date)
            if act is not None:
                found.append(act)
    return found


def _is_person(snap: Snapshot, party: str) -> bool:
    entity = snap.entities.get(party)
    return entity is not None and entity.schema.is_a("Person")


def _attribution(snap: Snapshot, event: EntityProxy, start: int) -> bool:
    """A party named as the source of the account ("according to X"), not as the one acting."""
    doc = next((s.document_id for s in snap.sources(event.id or "", ["involved"]) if s.start == start), None)
    return bool(doc) and ATTRIBUTION.search(snap.text(Span(doc, max(0, start - 20), start))) is not None


def _acting_for(snap: Snapshot, parties: set[str]) -> set[str]:
    """Parties tied to these by employment, membership or directorship (either side)."""
    out = set()
    for e in snap.of_schema(*RELATIONS):
        sides = set(snap.refs(e, e.schema.edge_source or "")) | set(snap.refs(e, e.schema.edge_target or ""))
        if sides & parties:
            out |= sides
    return out


def _named(snap: Snapshot, names: list[str]) -> set[str]:
    wanted = {n.lower() for n in names}
    return {eid for eid, e in snap.entities.items() if e.schema.is_a("LegalEntity")
            and wanted & {n.lower() for n in e.get("name") + e.get("alias")}}


def build(snap: Snapshot, entity: str, sanction: EntityProxy | None = None) -> list[Act]:
    sanctions = [sanction] if sanction is not None else [
        s for s in snap.of_schema("Sanction") if entity in snap.refs(s, "entity")]
    listed = [d for s in sanctions for d in s.get("listingDate") + s.get("startDate") + s.get("date")]
    every = acts(snap)
    mine = [a for a in every if entity in a.parties and a.action in ("order", "listing")]
    anchor = max(listed + [a.date for a in mine], default=None, key=lambda d: d)
    anchor_day = to_day(anchor)
    if anchor_day is None:
        return []
    window = [a for a in every if (d := to_day(a.date)) is not None
              and 0 <= (anchor_day - d).days <= WINDOW_DAYS]
    chain_parties = {entity} | _named(snap, [x for s in sanctions for x in s.get("authority")])
    chain_parties |= _acting_for(snap, chain_parties)
    chosen: list[Act] = []
    changed = True
    while changed:
        changed = False
        for act in sorted(window, key=lambda a: a.date, reverse=True):
            if act in chosen or not act.parties & chain_parties:
                continue
            chosen.append(act)
            chain_parties |= act.parties | _acting_for(snap, act.parties)
            changed = True
    return _merge(snap, _passed_on(snap, sorted(chosen, key=lambda a: (a.date, STAGE[a.action], a.span.document or "",
                                                      a.span.start or 0))))


def _passed_on(snap: Snapshot, acts: list[Act]) -> list[Act]:
    """A "complaint" sent on by the party that received an earlier one is a referral: the act is
    told as sending a complaint, but its actor is that complaint's addressee (or acts for it)."""
    received: set[str] = set()
    first: set[str] = set()
    for act in acts:
        if act.action == "complaint" and act.actor:
            if act.actor in received and act.actor not in first:
                act.action = "referral"
            elif act.target:
                first.add(act.actor)
                received |= {act.target} | _acting_for(snap, {act.target})
    return acts


def _merge(snap: Snapshot, chosen: list[Act]) -> list[Act]:
    """One act for the same act told by several documents: same day and action, and the same actor
    (or one unnamed, or one acting for the other)."""
    merged: list[Act] = []
    for act in chosen:
        same = next((k for k in merged if k.date == act.date and k.action == act.action and _same(snap, k, act)),
                    None)
        if same is None:
            merged.append(act)
            continue
        same.sources.append(act.span)
        same.parties |= act.parties
        same.actor = same.actor or act.actor
        if same.target is None or same.target == same.actor:
            same.target = act.target if act.target != same.actor else None
    return merged


def _same(snap: Snapshot, a: Act, b: Act) -> bool:
    if a.actor is None or b.actor is None or snap.name(a.actor).lower() == snap.name(b.actor).lower():
        return True
    return b.actor in _acting_for(snap, {a.actor})
