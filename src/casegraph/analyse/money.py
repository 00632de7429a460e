"""The money trail: payments grouped payer → beneficiary, one group per currency.

Amounts in different currencies are never added together; a conversion the source states (FtM's
``amountEur`` / ``amountUsd``) is shown beside the amount, not used to sum. The same payment reported
by several documents (same payer, beneficiary, amount, currency and date) is counted once, with
every report kept as a source, so that three articles about one grant do not triple it.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from casegraph.analyse.snapshot import Snapshot

CONVERSIONS = {"amountEur": "EUR", "amountUsd": "USD"}


def _number(value: str) -> Decimal | None:
    try:
        return Decimal(value.replace(",", "").replace(" ", ""))
    except InvalidOperation:
        return None


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


def build(snap: Snapshot, entity: str | None = None) -> dict[str, Any]:
    groups: dict[tuple[str | None, str | None, str], dict[str, Any]] = {}
    candidates = [snap.entities[i] for i in snap.involving(entity)] if entity else snap.entities.values()
    for p in candidates:
        if not p.id or not p.schema.is_a("Payment"):
            continue
        payers: list[str | None] = [*snap.refs(p, "payer")] or [None]
        payees: list[str | None] = [*snap.refs(p, "beneficiary")] or [None]
        if entity and entity not in payers and entity not in payees:
            continue
        currency = (p.first("currency") or "").upper() or "unstated"
        amounts = [a for a in (_number(v) for v in p.get("amount")) if a is not None]
        value = max(amounts) if amounts else None
        date = min(p.get("date") + p.get("startDate"), default=None)
        conversions = {cur: v for prop, cur in CONVERSIONS.items() for v in p.get(prop)[:1] if cur != currency}
        source = {"id": p.id, **snap.span(p.id).to_dict()}
        for payer in payers:
            for payee in payees:
                group = groups.setdefault((payer, payee, currency), {
                    "payer": payer, "payer_name": snap.name(payer) if payer else None,
                    "beneficiary": payee, "beneficiary_name": snap.name(payee) if payee else None,
                    "currency": currency, "payments": {}})
                key = (str(value) if value is not None else None, date)
                payment = group["payments"].setdefault(key, {
                    "amount": _plain(value) if value is not None else None, "date": date,
                    "purpose": [], "conversions": {}, "sources": []})
                payment["purpose"] += [x for x in p.get("purpose") if x not in payment["purpose"]]
                payment["conversions"].update(conversions)
                payment["sources"].append(source)
    flows = []
    for group in groups.values():
        payments = sorted(group.pop("payments").values(), key=lambda x: (x["date"] or "", x["amount"] or ""))
        total = sum((Decimal(x["amount"]) for x in payments if x["amount"] is not None), Decimal(0))
        flows.append({**group, "total": _plain(total), "count": len(payments), "payments": payments})
    flows.sort(key=lambda f: (f["payer_name"] or "~", f["beneficiary_name"] or "~", f["currency"]))
    result: dict[str, Any] = {"entity": entity, "flows": flows}
    if entity:
        result["totals"] = {"in": _totals(flows, "beneficiary", entity), "out": _totals(flows, "payer", entity)}
    return result


def _totals(flows: list[dict[str, Any]], side: str, entity: str) -> dict[str, str]:
    sums: dict[str, Decimal] = {}
    for f in flows:
        if f[side] == entity:
            sums[f["currency"]] = sums.get(f["currency"], Decimal(0)) + Decimal(f["total"])
    return {cur: _plain(v) for cur, v in sorted(sums.items())}
