"""Review: confirm or reject a fact, create a fact from a selected span, merge / split / not-same,
and the review queue. Every write needs an editor (and, from a browser, the page's CSRF token); the
reviewer recorded on the fact or judgement is the signed-in user."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from casegraph.api.cache import ReadCache, changed
from casegraph.api.deps import get_cache, get_case
from casegraph.api.models import AnnotationIn, AnnotationOut, DecisionIn, DecisionOut, Page, PairIn
from casegraph.api.security import editor
from casegraph.services.annotate import annotate
from casegraph.services.case import Case
from casegraph.services.queue import QueueEntry, review_queue
from casegraph.services.users import User

router = APIRouter(prefix="/api", tags=["review"])
CaseDep = Annotated[Case, Depends(get_case)]
Editor = Annotated[User, Depends(editor)]


@router.post("/facts/{fact_id}/decision", response_model=DecisionOut)
def decide(request: Request, case: CaseDep, user: Editor, fact_id: str, body: DecisionIn) -> dict[str, Any]:
    """Confirm or reject a statement, quote or contradiction (appended; the latest is in force)."""
    decision = case.decide(fact_id, body.status, user.name, body.note)
    changed(request)
    return {"id": decision.id, "target": decision.target_id, "status": str(decision.status),
            "reviewer": decision.reviewer, "created_at": decision.created_at}


@router.post("/annotations", response_model=AnnotationOut, status_code=201)
def create_annotation(request: Request, case: CaseDep, user: Editor, body: AnnotationIn) -> dict[str, Any]:
    """A new party, relation, payment or quote whose source is exactly the selected span."""
    made = annotate(case, document_id=body.document, start=body.start, end=body.end, kind=body.kind,
                    reviewer=user.name, schema=body.schema_, source=body.source, target=body.target,
                    amount=body.amount, currency=body.currency, expected_text=body.text)
    changed(request)
    return {"entity": made.entity_id, "schema": made.schema, "statements": made.statement_ids,
            "quote": made.quote_id, "span": made.span}


@router.post("/entities/{entity}/merge")
def merge(request: Request, case: CaseDep, user: Editor, entity: str, body: PairIn) -> dict[str, str]:
    """Record that two entities are one; returns the canonical id."""
    canonical = case.merge(entity, body.other, user.name)
    changed(request)
    return {"canonical": canonical}


@router.post("/entities/{entity}/not-same")
def not_same(request: Request, case: CaseDep, user: Editor, entity: str, body: PairIn) -> dict[str, int]:
    """Record that two entities are different; resolution never joins them again."""
    judgements = case.not_same(entity, body.other, user.name)
    changed(request)
    return {"judgements": len(judgements)}


@router.post("/entities/{entity}/split")
def split(request: Request, case: CaseDep, user: Editor, entity: str) -> dict[str, list[str]]:
    """Undo a merge: a member leaves its cluster, or a canonical entity breaks into its members."""
    members = case.split(entity, user.name)
    changed(request)
    return {"members": members}


@router.get("/review/queue", response_model=Page[QueueEntry])
def queue(case: CaseDep, cache: Annotated[ReadCache, Depends(get_cache)], offset: Annotated[int, Query(ge=0)] = 0,
          limit: Annotated[int, Query(ge=1, le=200)] = 50) -> dict[str, Any]:
    """Proposed facts and merge candidates, most important first."""
    total, entries = cache.get(("queue", limit, offset), lambda: review_queue(case, limit=limit, offset=offset))
    return {"total": total, "offset": offset, "limit": limit, "items": entries}
