"""The JSON shapes of docs/analysis.md, as a checker the tests (and anyone) can run."""

from __future__ import annotations

from typing import Any

OPT_STR = (str, type(None))
OPT_INT = (int, type(None))
SPAN = {"document": OPT_STR, "start": OPT_INT, "end": OPT_INT}

TIMELINE = {"date": str, "kind": str, "summary": str, "entities": list, "id": str, **SPAN}
PATH_EDGE = {"source": str, "target": str, "schema": str, "id": str, **SPAN}
NODE = {"id": str, "name": str, "schema": str, "hops": int}
CLAIM = {"id": str, "text": str, "by": OPT_STR, "by_name": OPT_STR, "audience": OPT_STR, **SPAN}
CONTRADICTION = {"id": str, "subject": OPT_STR, "subject_name": OPT_STR, "topic": OPT_STR, "kind": str,
                 "explanation": str, "claims": list}
ACT = {"date": str, "actor": OPT_STR, "actor_name": OPT_STR, "action": str, "target": OPT_STR,
       "target_name": OPT_STR, "summary": str, "sources": list, **SPAN}
DESIGNATION = {"entity": str, "entity_name": str, "authority": OPT_STR, "program": OPT_STR,
               "date": OPT_STR, "initiator": OPT_STR, "initiator_name": OPT_STR, "days": OPT_INT, "id": str, **SPAN}
FLOW = {"payer": OPT_STR, "payer_name": OPT_STR, "beneficiary": OPT_STR, "beneficiary_name": OPT_STR,
        "currency": str, "total": str, "count": int, "payments": list}
PAYMENT = {"amount": OPT_STR, "date": OPT_STR, "purpose": list, "conversions": dict, "sources": list}


def check(obj: Any, shape: dict[str, Any], where: str = "") -> None:
    assert isinstance(obj, dict), f"{where}: not an object"
    missing = set(shape) - set(obj)
    assert not missing, f"{where}: missing {sorted(missing)}"
    for key, kind in shape.items():
        assert isinstance(obj[key], kind), f"{where}.{key}: {obj[key]!r} is not {kind}"
