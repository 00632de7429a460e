"""Plain-language one-liners for FtM interval entities (relations, payments, designations, events).

Shared by the timeline, the money trail and the dossier so that one fact reads the same everywhere.
The wording is driven by the schema's own labels and edge definitions, not by a list of schemata.
"""

from __future__ import annotations

from followthemoney.proxy import EntityProxy

from casegraph.analyse.snapshot import Snapshot


def names(snap: Snapshot, entity: EntityProxy, prop: str) -> str:
    return ", ".join(snap.name(v) for v in snap.refs(entity, prop))


def amount(entity: EntityProxy) -> str:
    return " ".join(x for x in (", ".join(entity.get("amount")), ", ".join(entity.get("currency"))) if x)


def describe(snap: Snapshot, entity: EntityProxy) -> str:
    schema = entity.schema
    first = entity.first
    if schema.is_a("Payment"):
        payer = names(snap, entity, "payer") or "an unnamed payer"
        payee = names(snap, entity, "beneficiary") or "an unnamed beneficiary"
        purpose = f" ({first('purpose')})" if entity.has("purpose") else ""
        return f"Payment of {amount(entity) or 'an unstated amount'} from {payer} to {payee}{purpose}"
    if schema.is_a("Sanction"):
        target = names(snap, entity, "entity") or "an unnamed party"
        by = ", ".join(entity.get("authority")) or "an unnamed authority"
        program = f" under {', '.join(entity.get('program'))}" if entity.has("program") else ""
        return f"{target} designated by {by}{program}"
    if schema.edge and schema.edge_source and schema.edge_target:
        source = names(snap, entity, schema.edge_source) or "?"
        target = names(snap, entity, schema.edge_target) or "?"
        role = f" ({', '.join(entity.get('role'))})" if entity.has("role") else ""
        return f"{schema.label}{role}: {source} → {target}"
    text = first("summary") or first("name") or first("description") or entity.caption
    return str(text).strip().rstrip(".")
