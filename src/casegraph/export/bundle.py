"""The case bundle: one JSON object with FtM entities, quotes, contradictions and documents.

The contract is documented in ``docs/case-bundle.md``; ``../shared/eval/score.py`` reads it.
"""

from __future__ import annotations

from typing import Any

from followthemoney.proxy import EntityProxy

from casegraph.model import Claim, Document, Quote

BUNDLE_VERSION = 1


def entity_dict(proxy: EntityProxy) -> dict[str, Any]:
    data: dict[str, Any] = {"id": proxy.id, "schema": proxy.schema.name, "properties": proxy.properties}
    # a merged entity's canonical id with its members' ids, as OpenSanctions exports do (identity, I)
    referents = sorted(getattr(proxy, "referents", None) or ())
    if referents:
        data["referents"] = referents
    datasets = sorted(getattr(proxy, "datasets", None) or ())
    if datasets:
        data["datasets"] = datasets
    return data


def build_bundle(entities: list[EntityProxy], quotes: list[Quote],
                 contradictions: list[tuple[str, str | None, str | None, list[Claim]]],
                 documents: list[Document]) -> dict[str, Any]:
    return {
        "version": BUNDLE_VERSION,
        "entities": [entity_dict(e) for e in entities],
        "quotes": [q.to_dict() for q in quotes],
        "contradictions": [
            {"id": cid, "subject": subject, "topic": topic, "claims": [c.to_dict() for c in claims]}
            for cid, subject, topic, claims in contradictions
        ],
        "documents": [d.to_dict() for d in documents],
    }
