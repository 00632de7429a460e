"""The registry view: every designation or sanction in the case, with the chain that led to it.

Who was listed, by which authority, under which program, when, who initiated it (the actor of the
first act of its chain, :mod:`casegraph.analyse.chain`) and how many days the chain took.
"""

from __future__ import annotations

from typing import Any

from casegraph.analyse import chain as chains
from casegraph.analyse.dates import days_between
from casegraph.analyse.snapshot import Snapshot


def build(snap: Snapshot) -> list[dict[str, Any]]:
    rows = []
    for sanction in snap.of_schema("Sanction"):
        if not sanction.id:
            continue
        targets = snap.refs(sanction, "entity")
        if not targets:
            continue  # FtM requires a Sanction's entity: without one there is nobody to list
        entity = targets[0]
        acts = chains.build(snap, entity, sanction)
        date = min(sanction.get("listingDate") + sanction.get("startDate") + sanction.get("date"), default=None)
        listing = next((a for a in reversed(acts) if a.action in ("order", "listing")), None)
        authority = ", ".join(sanction.get("authority")) or (snap.name(listing.actor) if listing and listing.actor
                                                              else None)
        first = acts[0] if acts else None
        rows.append({
            "entity": entity, "entity_name": snap.name(entity),
            "authority": authority, "program": ", ".join(sanction.get("program")) or None,
            "date": date or (listing.date if listing else None),
            "initiator": first.actor if first else None,
            "initiator_name": snap.name(first.actor) if first and first.actor else None,
            "days": days_between(first.date, date or acts[-1].date) if first else None,
            "id": sanction.id, **snap.span(sanction.id).to_dict(),
        })
    rows.sort(key=lambda r: (r["date"] or "9999", r["entity_name"] or "", r["id"]))
    return rows
