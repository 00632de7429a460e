"""Payments made by officials on behalf of their bodies.

"Health Minister A and the supplier's director B signed a contract worth N": the money moves between
the ministry and the supplier, but the sentence names only people. The money component runs after
the relation components and, before it hands its Payment drafts over, calls :func:`link_signers`: for
each Payment whose
payer or beneficiary is a person holding a role in exactly one organisation of the document (an
Employment or Directorship found by ``relations``), adds that organisation on the same side. It is
limited to public bodies and to contract-like purposes, where people act for their organisation
rather than for themselves, and it cites the person's span, so a reviewer sees why.
"""

from __future__ import annotations

from collections import defaultdict

from casegraph.extract.context import DocContext, Draft

ROLE_SIDES = {"Employment": ("employee", "employer"), "Directorship": ("director", "organization")}
CONTRACT_WORDS = ("contract", "tender", "agreement", "deal", "procurement", "контракт", "договор", "соглашени",
                  "тендер", "закупк")


def _roles(ctx: DocContext) -> dict[str, set[str]]:
    """Person key → the organisation keys they hold a role in."""
    held: dict[str, set[str]] = defaultdict(set)
    for draft in ctx.drafts:
        sides = ROLE_SIDES.get(draft.schema)
        if sides is None:
            continue
        for person in draft.refs(sides[0]):
            held[person].update(draft.refs(sides[1]))
    return held


def _contract_like(draft: Draft) -> bool:
    purposes = " ".join(v.value.lower() for v in draft.values if v.prop in ("purpose", "summary"))
    return any(word in purposes for word in CONTRACT_WORDS)


def _dominant(ctx: DocContext, orgs: set[str]) -> str | None:
    """Of several organisations a signer holds roles in, the one the story is about: named at
    least twice as often as any other (a founder who also directs a holding company signs for the
    company the article follows); no guess when none stands out."""
    counts = {key: len(ctx.parties[key].mentions) if key in ctx.parties else 0 for key in orgs}
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if ranked[0][1] >= 2 * max(1, ranked[1][1]):
        return ranked[0][0]
    return None


def link_signers(ctx: DocContext, payments: list[Draft]) -> None:
    """Add the organisation of a signing official to the money component's own Payment drafts."""
    held = _roles(ctx)
    if not held:
        return
    for draft in payments:
        if draft.schema != "Payment":
            continue
        contract = _contract_like(draft)
        for side in ("payer", "beneficiary"):
            present = set(draft.refs("payer")) | set(draft.refs("beneficiary"))
            for value in [v for v in draft.values if v.prop == side and v.ref]:
                party = ctx.parties.get(value.value)
                orgs = held.get(value.value, set())
                if party is None or party.schema != "Person" or not orgs:
                    continue
                org_key = next(iter(orgs)) if len(orgs) == 1 else (_dominant(ctx, orgs) if contract else None)
                if org_key is None:
                    continue
                org = ctx.parties.get(org_key)
                if org is None or org_key in present or not (org.schema == "PublicBody" or contract):
                    continue
                draft.add(side, org_key, value.start, value.end, ref=True)
                present.add(org_key)
